"""Serve the built static site (public/) from the CMS process, for the demo.

In production a web server or CDN serves public/; this view exists so that the
demo has the admin (/admin/) and the site (/) on one local address. It applies
the [[headers]] rules of netlify.toml, like ``hulpwijzer serve``.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect

from sitegen.cli.serve import headers_for, netlify_headers
from sitegen.languages import is_known

_rules_cache: dict[str, list] = {}


def _rules() -> list:
    key = str(settings.HULPWIJZER_ROOT)
    if key not in _rules_cache:
        _rules_cache[key] = netlify_headers(Path(settings.HULPWIJZER_ROOT))
    return _rules_cache[key]


def serve_public(request, path: str = ""):
    public = Path(settings.HULPWIJZER_PUBLIC).resolve()
    target = (public / path).resolve()
    if not target.is_relative_to(public):
        raise Http404
    if target.is_dir():
        if path and not path.endswith("/"):
            return HttpResponseRedirect("/" + path + "/")
        target = target / "index.html"
    url_path = "/" + path
    if not target.is_file():
        # Each language but the default has its own folder with its own 404 page.
        lang = path.split("/", 1)[0]
        localised = public / lang / "404.html"
        not_found = localised if is_known(lang) and localised.is_file() else public / "404.html"
        if not not_found.is_file():
            raise Http404
        response = HttpResponse(not_found.read_bytes(), status=404, content_type="text/html; charset=utf-8")
    else:
        content_type, _ = mimetypes.guess_type(target.name)
        if target.suffix in (".html", ".xml", ".txt", ".json", ".js", ".css", ".ics"):
            content_type = (content_type or "text/plain") + "; charset=utf-8"
        response = FileResponse(target.open("rb"), content_type=content_type or "application/octet-stream")
    for name, value in headers_for(_rules(), url_path).items():
        response[name] = value
    return response
