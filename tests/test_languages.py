"""Languages come from site.yaml: a fourth language (Ukrainian, which has no catalogue yet) gets a
complete site, with English for the interface texts and labels nobody has translated."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from support import REPO, build_site, copy_site

from sitegen import languages
from sitegen.build.pipeline import check
from sitegen.clock import Clock

DAY = "2026-11-23"


def _with_languages(root, codes: str) -> None:
    site_yaml = root / "content" / "site.yaml"
    text = re.sub(r"^languages: .*$", f"languages: [{codes}]", site_yaml.read_text(encoding="utf-8"), flags=re.M)
    site_yaml.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def ukrainian(tmp_path_factory):
    root = copy_site(REPO / "tests" / "sites" / "minimal", tmp_path_factory.mktemp("uk") / "site")
    _with_languages(root, "nl, en, ar, uk")
    original = (root / "content" / "organisations" / "steunpunt.md").read_text(encoding="utf-8")
    translated = re.sub(r"^title: .*$", "title: Центр підтримки доглядальників", original, count=1, flags=re.M)
    (root / "content" / "organisations" / "steunpunt.uk.md").write_text(translated, encoding="utf-8")
    build_site(root, clean=True, today=DAY)
    return root / "public"


def test_the_fourth_language_has_every_page(ukrainian):
    home = (ukrainian / "uk" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="uk" dir="ltr">' in home
    for path in (
        "vacatures",
        "activiteiten",
        "informatie",
        "organisaties",
        "respijtzorg",
        "agenda",
        "zoeken",
        "open-data",
        "toegankelijkheid",
        "privacy",
        "vacatures/widget",
    ):
        assert (ukrainian / "uk" / path / "index.html").is_file(), path
    assert (ukrainian / "uk" / "404.html").is_file()


def test_untranslated_interface_text_is_english(ukrainian):
    english = (ukrainian / "en" / "zoeken" / "index.html").read_text(encoding="utf-8")
    ukrainian_page = (ukrainian / "uk" / "zoeken" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>([^<]+)</h1>", english)[1]
    assert title != "Zoeken"
    assert re.search(r"<h1[^>]*>([^<]+)</h1>", ukrainian_page)[1] == title


def test_language_switcher_and_alternates_name_the_language_in_itself(ukrainian):
    page = (ukrainian / "organisaties" / "steunpunt" / "index.html").read_text(encoding="utf-8")
    assert "Українська" in page
    assert 'hreflang="uk" href="https://hulpwijzer.example.org/uk/organisaties/steunpunt/"' in page
    translated = (ukrainian / "uk" / "organisaties" / "steunpunt" / "index.html").read_text(encoding="utf-8")
    assert "Центр підтримки доглядальників" in translated
    sitemap = (ukrainian / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="uk" href="https://hulpwijzer.example.org/uk/"' in sitemap


def test_feeds_widget_and_search_have_the_language(ukrainian):
    feed = json.loads((ukrainian / "feeds" / "vacatures" / "v1" / "uk" / "alle.json").read_text(encoding="utf-8"))
    assert feed["language"] == "uk"
    widget = (ukrainian / "widget" / "v1" / "vacatures.js").read_text(encoding="utf-8")
    assert '"uk"' in widget and '"dir":"ltr"' in widget
    words = json.loads((ukrainian / "uk" / "zoeken" / "zoekdata.json").read_text(encoding="utf-8"))
    assert words["lang"] == "uk"
    assert (ukrainian / "uk" / "agenda.ics").is_file()
    index = json.loads((ukrainian / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert "uk" in index["languages"]


def test_language_facts_come_from_cldr():
    assert languages.language("tr").name == "Türkçe"
    assert languages.language("ar").direction == "rtl"
    assert languages.language("fa").direction == "rtl"
    assert languages.language("uk").dutch_name == "Oekraïens"
    assert languages.url("en", "nl", "/vacatures/") == "/en/vacatures/"
    assert languages.url("nl", "nl", "/vacatures/") == "/vacatures/"
    assert languages.pick({"nl": "Hallo", "en": "Hello"}, "uk", "nl") == "Hello"


def test_an_unknown_language_code_is_reported(tmp_path):
    root = copy_site(REPO / "tests" / "sites" / "minimal", tmp_path / "site")
    _with_languages(root, "nl, en, xq")
    problems = check(root, Clock.on(dt.date.fromisoformat(DAY)))
    found = [p for p in problems if p.path == "content/site.yaml"]
    assert found and "xq" in found[0].message and "taalcode" in found[0].message


def test_every_catalogue_counts_with_the_plural_rule_of_cldr():
    """gettext picks a plural form with the formula in the .po header, the browser (Intl.PluralRules)
    and plural_samples with CLDR's rule: they must agree, or a count reads wrong in one of them."""
    import gettext

    from babel import Locale

    from sitegen.i18n import LOCALE_DIR

    order = ["zero", "one", "two", "few", "many", "other"]
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        header = po.read_text(encoding="utf-8").split("\n\n", 1)[0].replace('"\n"', "")
        formula = header.split("Plural-Forms:", 1)[1].split("plural=", 1)[1].split(";", 1)[0]
        pick = gettext.c2py(formula)
        rule = Locale.parse(po.parts[-3]).plural_form
        categories = [tag for tag in order if tag in rule.tags or tag == "other"]
        wrong = [n for n in range(1000) if pick(n) != categories.index(rule(n))]
        assert not wrong, (po.relative_to(LOCALE_DIR).as_posix(), wrong[:10])


def test_plural_samples_are_one_number_per_category():
    assert languages.plural_samples("nl") == {"other": 0, "one": 1}
    assert languages.plural_samples("ar") == {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}
