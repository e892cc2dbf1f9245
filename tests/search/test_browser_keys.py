"""Which Meilisearch key the browser gets (search/browser_keys.py): the search key, a tenant token, or none.

Token shapes follow the Meilisearch reference (/keys, tenant tokens); no server is needed.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import uuid
from pathlib import Path

import jsonschema
from support import MINIMAL_SITE, build_site, copy_site, run_clock

from search import browser_keys, meili

KEY_SCHEMA = {
    "type": "object",
    "required": ["actions", "indexes", "expiresAt"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string"},
        "description": {"type": "string"},
        "uid": {"type": "string"},
        "actions": {"type": "array", "items": {"type": "string"}},
        "indexes": {"type": "array", "items": {"type": "string"}},
        "expiresAt": {"type": ["string", "null"]},
    },
}


def test_search_only_key_and_tenant_token(graph):
    options = meili.search_only_key_options(graph)
    jsonschema.validate(options, KEY_SCHEMA)
    assert options["actions"] == ["search"] and options["indexes"] == ["hulpwijzer-*"]
    key_uid = str(uuid.uuid4())
    clock = run_clock()
    config = {"url": "http://127.0.0.1:9", "search_key": "a-search-key-of-32-characters-xx", "search_key_uid": key_uid}
    access, problems = browser_keys.browser_search(config, graph.languages, clock.today, "master-key-not-used", clock.now)
    assert problems == []
    _header, payload, _signature = access.page_key.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["apiKeyUid"] == key_uid
    assert set(claims["searchRules"]) == {f"hulpwijzer-{lang}" for lang in graph.languages}
    start = dt.datetime.combine(clock.today, dt.time(), tzinfo=dt.UTC)
    assert claims["exp"] == int((start + dt.timedelta(days=30)).timestamp())  # build date + 30 days


def test_no_browser_key_when_a_token_cannot_be_signed(graph):
    clock = run_clock()
    base = {"url": "http://127.0.0.1:9", "search_key": "a-search-key"}
    access, problems = browser_keys.browser_search(dict(base, search_key_uid="not-a-uuid"), graph.languages, clock.today, "", clock.now)
    assert access is None and problems[0].severity == "warning" and "uuid" in problems[0].message
    # The master key in site.yaml: never in the browser.
    access, problems = browser_keys.browser_search(base, graph.languages, clock.today, "a-search-key", clock.now)
    assert access is None and "hoofdsleutel" in problems[0].message
    # A build date so far back that the token would be expired at signing: refused, with that reason.
    old = clock.today - dt.timedelta(days=40)
    access, problems = browser_keys.browser_search(dict(base, search_key_uid=str(uuid.uuid4())), graph.languages, old, "", clock.now)
    assert access is None and "verleden" in problems[0].message
    # Without a uid the search key itself is what the configuration asks for.
    access, problems = browser_keys.browser_search(base, graph.languages, clock.today, "", clock.now)
    assert problems == [] and access.page_key == access.widget_key == "a-search-key"


def test_search_page_gets_a_tenant_token_with_search_key_uid(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    key_uid = str(uuid.uuid4())
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(
        site_yaml.read_text(encoding="utf-8") + f"meilisearch:\n  url: http://127.0.0.1:9\n  search_key: search-key-abc\n  search_key_uid: {key_uid}\n",
        encoding="utf-8",
    )
    build_site(root, out=tmp_path / "public", clean=True, today=None)  # tokens are signed now
    html = (tmp_path / "public" / "zoeken" / "index.html").read_text(encoding="utf-8")
    token = re.search(r'data-meili-key="([^"]+)"', html).group(1)
    assert token.count(".") == 2 and "search-key-abc" not in html
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["apiKeyUid"] == key_uid and claims["searchRules"]["hulpwijzer-nl"] == {"filter": "current = true"}


def _all_public_text(public: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in public.rglob("*") if p.is_file())


def test_master_key_never_in_public_and_unreachable_meili_never_fails_build(tmp_path, monkeypatch, capfd):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    master = "MASTER-" + uuid.uuid4().hex
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(
        site_yaml.read_text(encoding="utf-8") + "meilisearch:\n  url: http://127.0.0.1:9\n  search_key: browser-search-key-123\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("MEILI_URL", "http://127.0.0.1:9")  # nothing listens on port 9
    monkeypatch.setenv("MEILI_MASTER_KEY", master)
    result = build_site(root, out=tmp_path / "public", clean=True)
    assert result.items > 0
    public = tmp_path / "public"
    text = _all_public_text(public)
    assert master not in text
    assert "browser-search-key-123" in (public / "zoeken" / "index.html").read_text(encoding="utf-8")
    err = capfd.readouterr().err
    assert "Meilisearch op http://127.0.0.1:9 is niet bijgewerkt" in err and "gewone zoekfunctie" in err

    # A site.yaml that holds the master key by mistake: the key is not published, with a clear warning.
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("browser-search-key-123", master), encoding="utf-8")
    result = build_site(root, out=tmp_path / "public", clean=True)
    assert master not in _all_public_text(public)
    assert any("hoofdsleutel" in w.message and w.field == "meilisearch.search_key" for w in result.warnings)
