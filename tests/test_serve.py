"""`hulpwijzer serve` serves public/ with the headers of netlify.toml and reloads on change."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request

from support import REPO

from sitegen.cli.serve import Reloader, headers_for, make_server, netlify_headers


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_headers_follow_netlify_toml():
    rules = netlify_headers(REPO)
    page = headers_for(rules, "/informatie/even-vrij/")
    assert "unsafe-inline" not in page["Content-Security-Policy"]
    assert "default-src 'self'" in page["Content-Security-Policy"]
    assert page["X-Content-Type-Options"] == "nosniff"
    assert "max-age=" in page["Strict-Transport-Security"]
    assert page["Referrer-Policy"]
    assert "camera=()" in page["Permissions-Policy"]
    asset = headers_for(rules, "/assets/css/site.1234abcd.css")
    assert "immutable" in asset["Cache-Control"]


def test_server_applies_headers_and_live_reload(tmp_path):
    public = tmp_path / "public"
    (public / "informatie").mkdir(parents=True)
    (public / "informatie" / "index.html").write_text("<!doctype html><html><body><p>Hallo</p></body></html>")
    (public / "404.html").write_text("<!doctype html><p>Niet gevonden</p>")
    reloader = Reloader()
    server = make_server(public, REPO, "127.0.0.1", 0, reloader)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        status, headers, body = fetch(base + "/informatie/")
        assert status == 200
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert b"/__livereload.js" in body  # external script: allowed by script-src 'self'
        status, headers, body = fetch(base + "/bestaat-niet/")
        assert status == 404 and b"Niet gevonden" in body
        status, headers, _ = fetch(base + "/informatie")
        assert status == 200  # redirected to /informatie/
        # A rebuild tells connected browsers to reload.
        seen = reloader.version
        reloader.bump()
        assert reloader.wait(seen, timeout=1) == seen + 1
    finally:
        server.shutdown()
        server.server_close()
