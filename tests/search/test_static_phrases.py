"""Search without JavaScript for phrases of several words: the pages, the _redirects rules and how they match.

Netlify documents query conditions as ``key=value`` pairs separated by whitespace (so a value cannot
hold a space) and does not document whether it compares the value as sent or decoded. The rules are
therefore written in every form a browser sends (search/static_results.py ``rule_values``):
the form's application/x-www-form-urlencoded (``even+vrij``; checked here against the browser's own
URLSearchParams in Node) and a link's ``%20``. ``hulpwijzer serve`` decodes both sides the same way.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.parse

from support import MINIMAL_SITE, build_site, copy_site

from search import static_results
from sitegen.cli.serve import parse_redirects, redirect_for


def test_rule_values_are_what_a_form_and_a_link_send():
    assert static_results.rule_values("oppas") == ["oppas"]
    assert static_results.rule_values("even vrij") == ["even+vrij", "even%20vrij"]
    assert static_results.rule_values("café") == ["caf%C3%A9", "café"]
    phrases = ["even vrij", "ik kan het niet meer", "café", "رعاية مؤقتة", "zorg*", "a~b", "opa's"]
    node = shutil.which("node")
    assert node, "node is not on PATH: install Node 20 (README)"
    script = f"console.log(JSON.stringify({json.dumps(phrases)}.map((q) => new URLSearchParams({{q}}).toString().slice(2))))"
    process = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(process.stdout) == [static_results.form_encoded(phrase) for phrase in phrases]


def test_serve_decodes_rule_and_request_the_same_way():
    rules = parse_redirects("/zoeken/ q=even+vrij /zoeken/even-vrij/ 302!\n/zoeken/ q=caf%C3%A9 /zoeken/cafe/ 302!\n/zoeken/ q=oppas /zoeken/oppas/ 302!\n")
    for query in ("q=even+vrij", "q=even%20vrij", "q=even%20vrij&x=1"):
        assert redirect_for(rules, "/zoeken/", query).target == "/zoeken/even-vrij/", query
    assert redirect_for(rules, "/zoeken/", "q=caf%C3%A9").target == "/zoeken/cafe/"
    assert redirect_for(rules, "/zoeken/", "q=oppas").target == "/zoeken/oppas/"
    assert redirect_for(rules, "/zoeken/", "q=even+vrij+van") is None
    assert redirect_for(rules, "/zoeken/", "q=even") is None


def test_every_known_phrase_has_a_page_and_rules_that_lead_there(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    public = tmp_path / "public"
    build_site(root, out=public, clean=True)
    lines = (public / "_redirects").read_text(encoding="utf-8").splitlines()
    rules = parse_redirects("\n".join(lines))
    search_rules = [rule for rule in rules if rule.path.endswith("/zoeken/") and "q" in rule.query]
    multi = [rule for rule in search_rules if "+" in rule.query["q"]]
    assert multi, "phrases of several words get rules"
    for rule in search_rules:
        page = public / rule.target.strip("/") / "index.html"
        assert page.is_file(), rule
        phrase = urllib.parse.unquote_plus(rule.query["q"])
        html = page.read_text(encoding="utf-8")
        # The phrase is in the box (HTML-escaped as Jinja writes it) and in the title.
        assert f'value="{phrase}"' in html.replace("&#39;", "'"), (rule, phrase)
        # The form's own request for the phrase reaches this page.
        sent = urllib.parse.urlencode({"q": phrase})
        assert redirect_for(rules, rule.path, sent).target == rule.target, (phrase, sent)
    assert redirect_for(rules, "/zoeken/", "q=even+vrij").target == "/zoeken/even-vrij/"
    assert (public / "zoeken" / "even-vrij" / "index.html").is_file()
