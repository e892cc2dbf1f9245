"""The smaller things a careful reader saw (issue 14): each fixed and checked on the demo build,
in real Chromium where it is about what a resident sees."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from support import REPO

pytestmark = pytest.mark.browser

NO_OVERFLOW = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.mark.parametrize("path", ["/open-data/", "/en/open-data/", "/ar/open-data/"])
def test_open_data_fits_a_320_px_screen(browser, demo_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(demo_url + path)
    wide, screen = page.evaluate(NO_OVERFLOW)
    context.close()
    assert wide <= screen, f"{path} scrolls sideways: {wide} px content on a {screen} px screen"


def test_print_has_no_lonely_calendar_hint_and_lists_show_addresses(page, demo_url, demo_public):
    activity = next(p for p in sorted((demo_public / "activiteiten").glob("*/index.html")) if "hw-calendar__hint" in p.read_text(encoding="utf-8"))
    page.emulate_media(media="print")
    page.goto(f"{demo_url}/activiteiten/{activity.parent.name}/")
    assert not page.is_visible(".hw-calendar__hint")
    page.goto(demo_url + "/activiteiten/")
    cards = page.locator(".hw-card")
    assert cards.count() > 3
    where = [text for text in page.locator(".hw-card .hw-card__where").all_inner_texts() if text.strip()]
    assert len(where) == cards.count()  # every activity says where it is, also on paper
    page.goto(demo_url + "/organisaties/")
    assert page.locator(".hw-card .hw-card__where").count() >= page.locator(".hw-card").count() - 2  # a few work from home only


def test_a_funding_label_the_cost_text_repeats_is_said_once(demo_public):
    html = (demo_public / "respijtzorg" / "oppas-aan-huis" / "index.html").read_text(encoding="utf-8")
    assert "Gratis. Gratis." not in html
    assert "Gratis. U betaalt niets." in html


def test_organisation_pages_name_the_languages_spoken(demo_public):
    dutch = (demo_public / "organisaties" / "buurthuis-de-schakel" / "index.html").read_text(encoding="utf-8")
    spoken = re.search(r"Talen</dt><dd class=\"hw-facts__value\">([^<]+)</dd>", dutch).group(1)
    assert "Arabisch" in spoken and "Nederlands" in spoken and not re.search(r"\b(nl|ar|en|tr)\b", spoken)
    arabic = next((demo_public / "ar" / "organisaties").glob("*/index.html")).read_text(encoding="utf-8")
    assert not re.search(r"hw-facts__value\">(nl|ar|en|tr)(, (nl|ar|en|tr))*</dd>", arabic)


def test_configurator_languages_are_marked_and_its_preview_main_is_named(page, demo_url, demo_public):
    page.goto(demo_url + "/vacatures/widget/")
    options = page.eval_on_selector_all("#hw-vconf-lang option", "os => os.map(o => [o.value, o.lang, o.dir, o.textContent])")
    assert options == [["nl", "nl", "ltr", "Nederlands"], ["en", "en", "ltr", "English"], ["ar", "ar", "rtl", "العربية"]]
    frame = next((demo_public / "widget" / "v1" / "frame").rglob("index.html")).read_text(encoding="utf-8")
    assert '<main aria-labelledby="hw-frame-title">' in frame and 'id="hw-frame-title"' in frame


@pytest.mark.parametrize(("path", "any_text"), [("/vacatures/", "Maakt niet uit"), ("/ar/vacatures/", "لا يهم")])
def test_vacancy_filters_say_any_in_words(page, demo_url, path, any_text):
    page.goto(demo_url + path)
    page.wait_for_selector(".hw-vfilters__form select")
    firsts = page.eval_on_selector_all(".hw-vfilters__form select", "ss => ss.map(s => [s.options[0].value, s.options[0].textContent])")
    assert firsts and all(first == ["", any_text] for first in firsts)


YOU_INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.I)


def test_nothing_a_resident_or_editor_reads_says_je():
    """The interface texts (every Dutch msgid) and the content model's labels and help texts for
    editors address the reader with "u"."""
    texts: list[str] = []
    for po in (REPO / "sitegen" / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        with po.open("rb") as handle:
            for message in read_po(handle):
                texts.extend(message.id if isinstance(message.id, tuple) else [message.id])
    for module in ("sitegen/content/model.py", "sitegen/content/site_model.py", "sitegen/content/types.py"):
        for _line, message, _comments, _context in extract_from_file("python", str(Path(REPO / module)), keywords={"N_": None, "_": None}):
            texts.append(message)
    assert len(texts) > 300
    assert [text for text in texts if YOU_INFORMAL.search(text)] == []
