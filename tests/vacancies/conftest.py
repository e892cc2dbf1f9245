"""A small vacaturebank built once per worker: the minimal site plus the vacancies written here,
served on one origin, and partner pages served on another origin."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

import pytest
from support import AXE_JS, MINIMAL_SITE, build_site, copy_site, rebase_site, serve_directory

# Every text field of one vacancy (and the name of one organisation) carries a script payload.
XSS = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script>"\'><svg onload=alert(3)>'

ORGANISATION = """---
title: "Buurthuis {xss}"
summary: Het buurthuis is er voor iedereen in Buitenhoek.
last_reviewed: 2026-10-01
needs:
- informatie-en-advies
phone: 0123 456 000
locations:
- name: Buurthuis
  place: buitenhoek
---

Kom gerust binnen.
"""

VACANCY = """---
title: {title}
summary: {summary}
hours: {hours}
last_reviewed: 2026-10-01
organisation: {organisation}
what_you_do: {what_you_do}
sectors: [{sector}]
{where}
commitment: {commitment}
times: [{times}]
contact:
  name: {contact}
  email: vrijwilligers@example.org
posted: {posted}
valid_through: {valid_through}
---
"""


def vacancy(slug: str, **fields) -> tuple[str, str]:
    values = {
        "title": f"Klus {slug}",
        "summary": f"Een klus voor een vrijwilliger, {slug}.",
        "organisation": "steunpunt",
        "what_you_do": "U helpt mee waar het nodig is.",
        "sector": "zorg-en-welzijn",
        "where": "location:\n  place: testdorp",
        "commitment": "structureel",
        "times": "overdag",
        "contact": "Anna de Vries",
        "hours": "2 uur per week",
        "posted": "2026-09-01",
        "valid_through": "2027-06-30",
    }
    values.update(fields)
    return slug, VACANCY.format(**values)


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


VACANCIES = [
    vacancy(
        "sportmaatje",
        title="Sportmaatje",
        organisation="buurthuis",
        sector="sport",
        where="location:\n  place: buitenhoek",
        commitment="eenmalig",
        times="avond",
        posted="2026-11-01",
        valid_through="2026-12-31",
    ),
    vacancy("online-taalhulp", title="Online taalhulp", organisation="buurthuis", where="remote: true", posted="2026-11-10"),
    vacancy(
        "xss",
        title=quoted("Gevaarlijk " + XSS),
        summary=quoted("Samenvatting " + XSS),
        what_you_do=quoted('U helpt mee & zegt "hallo" <3 &lt;b&gt;'),
        contact=quoted(XSS),
        hours=quoted(XSS),
        where="location:\n  place: testdorp\n  name: " + quoted(XSS),
        posted="2026-08-01",
    ),
] + [vacancy(f"klus-{n}", posted=f"2026-10-{10 + n:02d}") for n in range(1, 7)]

# steunpunt: maatje (2026-10-01), klus-1..6 (2026-10-11..16), xss (2026-08-01) -> newest first: klus-6 … klus-1, maatje, xss
STEUNPUNT_NEWEST = ["Klus klus-6", "Klus klus-5", "Klus klus-4", "Klus klus-3", "Klus klus-2", "Klus klus-1", "Maatje voor een oudere"]


def write_site(root: Path) -> Path:
    copy_site(MINIMAL_SITE, root)
    content = root / "content"
    (content / "organisations" / "buurthuis.md").write_text(ORGANISATION.format(xss=XSS.replace('"', '\\"')), encoding="utf-8")
    for slug, text in VACANCIES:
        (content / "vacancies" / f"{slug}.md").write_text(text, encoding="utf-8")
    rebase_site(root)  # the browser runs now: so does the site
    return root


@pytest.fixture(scope="session")
def vac_site(tmp_path_factory) -> Path:
    root = write_site(tmp_path_factory.mktemp("vacsite"))
    build_site(root, clean=True, today=None)
    return root


@pytest.fixture(scope="session")
def vac_public(vac_site) -> Path:
    return vac_site / "public"


@pytest.fixture(scope="session")
def vac_url(vac_public):
    with serve_directory(vac_public) as url:
        yield url


@pytest.fixture(scope="session")
def partner_dir(tmp_path_factory) -> Path:
    """Partner pages are written here by the tests; no netlify.toml, so no CSP of ours."""
    return tmp_path_factory.mktemp("partner")


@contextlib.contextmanager
def serve_plain(directory: Path):
    """A partner's web server: plain files, none of our headers. (Not serve_directory: its
    handler keeps the header rules on the class, so a second server would change the first.)"""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def partner_url(partner_dir):
    with serve_plain(partner_dir) as url:
        yield url


def partner_page(partner_dir: Path, name: str, site_url: str, body: str, style: str = "") -> str:
    html = f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Partner {name}</title>
<style>{style}</style>
<script src="{site_url}/widget/v1/vacatures.js" defer></script></head>
<body><main><h1>Vereniging De Partner</h1>{body}</main></body></html>"""
    (partner_dir / f"{name}.html").write_text(html, encoding="utf-8")
    return f"{name}.html"


@pytest.fixture
def fresh_site(tmp_path):
    """A site of its own, for tests that rebuild."""
    root = write_site(tmp_path / "site")
    build_site(root, clean=True, today=None)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def site_page(browser):
    """A page for the site itself with axe-core loaded before any page script: the site's CSP
    (rightly) refuses axe as an inserted inline script, but stays fully in force."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")) -> list[dict]:
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        list(tags),
    )
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


# Test modules import helpers from here by a name that cannot clash with the other conftest.py files.
sys.modules["vacancies_conftest"] = sys.modules[__name__]
