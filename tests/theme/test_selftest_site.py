"""The self-test on a small site written in the test: ``check`` explains bad self-test content, and
the advice for each situation lists exactly the items the rule of docs/selftest.md picks."""

from __future__ import annotations

import datetime as dt

import pytest
from support import MINIMAL_SITE, build_site, copy_site, rebase_site, serve_directory

from sitegen.content.read import load_site

SELFTEST = """---
title: Hoe gaat het?
summary: Twee vragen over hoe zwaar de zorg is, en welke hulp past.
last_reviewed: 2026-10-01
instruction: Kies bij elke zin wat het beste past.
statements:
- Ik heb te weinig tijd voor mezelf.
- Ik voel me onder druk staan.
answers:
- label: nee
  points: 0
- label: ja
  points: 1
source: Een vragenlijst om te testen.
levels:
- slug: laag
  min_score: 0
  max_score: 1
  title: Het gaat
  text: Goed om te weten waar u terecht kunt.
  needs: [informatie-en-advies]
- slug: hoog
  min_score: 2
  max_score: 2
  title: Het is zwaar
  text: Bel het steunpunt.
  loket_first: true
  needs: [respijtzorg]
situation:
- question: Wat weegt het zwaarst?
  options:
  - label: Ik wil even vrij
    needs: [respijtzorg]
  - label: Ik wil praten
    needs: [emotionele-steun]
  - label: Ik ben jong
    audiences: [jonge-mantelzorgers]
place_question: Waar woont u?
general_audiences: [alle-mantelzorgers]
---
"""

YOUNG_OFFER = """---
title: Oppas voor jonge mantelzorgers
summary: Een vrijwilliger past op, zodat u naar school of sport kunt.
last_reviewed: 2026-10-01
needs: [respijtzorg]
audiences: [jonge-mantelzorgers]
provider: steunpunt
forms: [logeeropvang]
for_whom: Gezinnen met een jonge mantelzorger.
funding: [wmo]
referral_needed: false
places: [buitenhoek]
how_to_apply: Bel het steunpunt.
---
"""

JA, NEE = 1, 0
VRIJ, PRATEN, JONG = 0, 1, 2
# (answers, situation option, kern) -> level, the titles listed, in order
SITUATIONS = {
    "heavy, a break, Testdorp": ([JA, JA], VRIJ, "testdorp", "hoog", ["Logeerhuis De Linde", "Even vrij van de zorg"]),
    "light, to talk, anywhere": ([NEE, NEE], PRATEN, "", "laag", ["Mantelzorgcafé", "Steunpunt Testdorp"]),
    "heavy, young, Buitenhoek": ([JA, JA], JONG, "buitenhoek", "hoog", ["Oppas voor jonge mantelzorgers", "Even vrij van de zorg"]),
    "light, nothing chosen, Buitenhoek": ([JA, NEE], None, "buitenhoek", "laag", []),
}


@pytest.fixture(scope="module")
def selftest_site(tmp_path_factory):
    root = copy_site(MINIMAL_SITE, tmp_path_factory.mktemp("selftest") / "site")
    (root / "content" / "selftests").mkdir()
    (root / "content" / "selftests" / "hoe-gaat-het.md").write_text(SELFTEST, encoding="utf-8")
    (root / "content" / "offers" / "oppas-jong.md").write_text(YOUNG_OFFER, encoding="utf-8")
    rebase_site(root)
    out = root / "public"
    build_site(root, out=out, clean=True, today=None)
    with serve_directory(out) as url:
        yield root, url


@pytest.mark.browser
@pytest.mark.parametrize("name", SITUATIONS)
def test_advice_for_each_situation_lists_exactly_the_fitting_items(selftest_site, page, name):
    answers, option, kern, level, expected = SITUATIONS[name]
    _root, url = selftest_site
    page.goto(url + "/zelftest/hoe-gaat-het/")
    for number, choice in enumerate(answers, 1):
        page.locator(f'input[name="stelling-{number}"]').nth(choice).check()
    if option is not None:
        page.locator('input[name="situatie-1"]').nth(option).check()
    page.select_option('select[name="kern"]', kern)
    page.locator("[data-hw-actions] button").click()
    assert page.locator("[data-hw-result]").get_attribute("data-hw-level-shown") == level
    assert page.locator(".hw-selftest__offer-title").all_inner_texts() == expected
    if not expected:
        assert "geen aanbod dat precies past" in page.locator("[data-hw-offers]").inner_text()


def test_static_result_pages_list_help_per_need(selftest_site):
    root, _url = selftest_site
    high = (root / "public" / "zelftest" / "hoe-gaat-het" / "uitslag" / "hoog" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Het is zwaar</h1>" in high
    assert high.index("Liever iemand spreken?") < high.index('href="/respijtzorg/logeerhuis/"')  # loket first
    assert 'href="/onderwerp/respijtzorg/"' in high
    assert '<meta name="robots" content="noindex">' in high
    low = (root / "public" / "zelftest" / "hoe-gaat-het" / "uitslag" / "laag" / "index.html").read_text(encoding="utf-8")
    assert low.index('href="/organisaties/steunpunt/"') < low.index("Liever iemand spreken?")


@pytest.mark.parametrize(
    "change, field, words",
    [
        (("max_score: 1\n", "max_score: 0\n"), "levels", "een gat bij score 1"),
        (("  max_score: 2\n  title: Het is zwaar", "  max_score: 3\n  title: Het is zwaar"), "levels", "de hoogste score is 2"),
        (("needs: [emotionele-steun]", "needs: [praten]"), "situation.0.options.1.needs.0", "praten"),
        (("- Ik voel me onder druk staan.", "- Ik"), "statements", "stelling 2 is leeg of te kort"),
        (("  min_score: 2\n", "  min_score: 1\n"), "levels", "een overlap bij score 1"),
        (("slug: hoog", "slug: laag"), "levels", "dezelfde code"),
    ],
)
def test_check_names_file_field_and_fix_for_bad_selftest_content(tmp_path, change, field, words):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    (root / "content" / "selftests").mkdir()
    (root / "content" / "selftests" / "hoe-gaat-het.md").write_text(SELFTEST.replace(*change), encoding="utf-8")
    problems = [p for p in load_site(root, dt.date(2026, 11, 23)).problems if p.path.startswith("content/selftests/")]
    assert problems, "no problem reported"
    text = " ".join(p.format() for p in problems)
    assert field in text and words in text, text
    assert all(p.fix for p in problems)


def test_incremental_builds_follow_the_offer_and_the_selftest(tmp_path):
    """The advice data and the result pages record what they read: editing an offer or a level
    re-renders them, and the incremental build equals a clean one."""
    from test_incremental import assert_incremental_equals_clean, edit

    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    (root / "content" / "selftests").mkdir()
    (root / "content" / "selftests" / "hoe-gaat-het.md").write_text(SELFTEST, encoding="utf-8")
    build_site(root)
    edit(root / "content/offers/logeerhuis.md", "Logeerhuis De Linde", "Logeerhuis De Lindeboom")
    assert_incremental_equals_clean(root, tmp_path / "one")
    test_page = (root / "public/zelftest/hoe-gaat-het/index.html").read_text(encoding="utf-8")
    high = (root / "public/zelftest/hoe-gaat-het/uitslag/hoog/index.html").read_text(encoding="utf-8")
    assert "Logeerhuis De Lindeboom" in test_page and "Logeerhuis De Lindeboom" in high
    edit(root / "content/selftests/hoe-gaat-het.md", "title: Het is zwaar", "title: Het is nu zwaar")
    assert_incremental_equals_clean(root, tmp_path / "two")
    assert "<h1>Het is nu zwaar</h1>" in (root / "public/zelftest/hoe-gaat-het/uitslag/hoog/index.html").read_text(encoding="utf-8")
