"""The vacancy listing and the widget configurator on the site itself, with and without JavaScript."""

from __future__ import annotations

import pytest
from vacancies_conftest import axe_violations

pytestmark = pytest.mark.browser


def test_reach_a_vacancy_through_filters_without_javascript(page_without_js, vac_url):
    page = page_without_js
    page.goto(f"{vac_url}/vacatures/")
    assert page.locator(".hw-vfilters__form").count() == 0
    page.get_by_text("Sector", exact=True).click()  # opens <details>, no script needed
    page.get_by_role("link", name="Sport (1 vacature)").click()
    assert page.url.endswith("/vacatures/sector/sport/")
    assert page.locator(".hw-vcard").count() == 1
    page.get_by_role("link", name="Sportmaatje").click()
    assert page.url.endswith("/vacatures/sportmaatje/")
    assert page.locator("h1").inner_text() == "Sportmaatje"
    # back on the listing, a second filter: work from home
    page.goto(f"{vac_url}/vacatures/")
    page.get_by_text("Waar", exact=True).click()
    page.get_by_role("link", name="Vanuit huis of online (1 vacature)").click()
    assert [t.strip() for t in page.locator(".hw-card__title").all_inner_texts()] == ["Online taalhulp"]


def test_filters_in_place_with_javascript(site_page, vac_url):
    page = site_page
    page.goto(f"{vac_url}/vacatures/")
    page.wait_for_selector(".hw-vfilters__form")
    assert page.locator(".hw-vcard").count() == 10
    page.select_option("#hw-vf-sector", "zorg-en-welzijn")
    page.select_option("#hw-vf-kern", "vanuit-huis")
    assert [t.strip() for t in page.locator(".hw-card__title").all_inner_texts()] == ["Online taalhulp"]
    assert page.inner_text(".hw-vlist__total") == "1 vacature"
    assert page.url.endswith("/vacatures/?sector=zorg-en-welzijn&kern=vanuit-huis")
    page.select_option("#hw-vf-kern", "buitenhoek")
    assert page.locator(".hw-vcard").count() == 0
    assert "Er zijn geen vacatures die passen" in page.inner_text(".hw-vlist__total")
    # the address can be shared: the same filters come back
    page.goto(f"{vac_url}/vacatures/?duur=eenmalig")
    page.wait_for_selector(".hw-vfilters__form")
    page.wait_for_function("() => document.querySelectorAll('.hw-vcard').length === 1")
    assert page.input_value("#hw-vf-duur") == "eenmalig"
    assert axe_violations(page) == []


def test_static_filter_page_keeps_its_filter_with_javascript(page, vac_url):
    page.goto(f"{vac_url}/en/vacatures/sector/sport/")
    page.wait_for_selector(".hw-vfilters__form")
    assert page.input_value("#hw-vf-sector") == "sport"
    assert [t.strip() for t in page.locator(".hw-card__title").all_inner_texts()] == ["Sportmaatje"]
    assert page.inner_text("label[for=hw-vf-kern]") == "Where"


def test_arabic_listing_is_right_to_left_and_accessible(site_page, vac_url):
    page = site_page
    page.goto(f"{vac_url}/ar/vacatures/")
    page.wait_for_selector(".hw-vfilters__form")
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    page.select_option("#hw-vf-sector", "zorg-en-welzijn")
    assert page.inner_text(".hw-vlist__total") == "9 وظائف"  # Arabic 'few' form (3 to 10)
    page.select_option("#hw-vf-sector", "sport")
    assert page.inner_text(".hw-vlist__total") == "وظيفة واحدة"  # 'one'
    assert axe_violations(page) == []


def test_configurator_without_javascript_gives_the_snippet(page_without_js, vac_url):
    page = page_without_js
    page.goto(f"{vac_url}/vacatures/widget/")
    assert not page.is_visible("#hw-vconf")  # the live form needs JavaScript
    page.get_by_role("link", name="Steunpunt Testdorp").click()
    assert page.url.endswith("/vacatures/widget/organisatie/steunpunt/")
    code = page.locator("pre code").first.inner_text()
    assert '<hulpwijzer-vacatures organisatie="steunpunt" max="5" lang="nl" kop="2">' in code
    assert "/widget/v1/vacatures.js" in code
    # the preview is the iframe page, which needs no script either
    preview = page.frame_locator("iframe.hw-vconf__frame")
    assert preview.locator(".hw-frame__item").count() >= 5


@pytest.mark.parametrize("path", ["/vacatures/widget/organisatie/steunpunt/", "/widget/v1/frame/ar/organisatie/steunpunt/?max=3", "/vacatures/sector/sport/"])
def test_pages_pass_axe(site_page, vac_url, path):
    site_page.goto(vac_url + path)
    assert axe_violations(site_page) == []


def test_configurator_with_javascript_shows_live_preview(site_page, vac_url):
    page = site_page
    page.goto(f"{vac_url}/vacatures/widget/")
    page.wait_for_selector("#hw-vconf", state="visible")
    page.select_option("#hw-vconf-organisatie", "steunpunt")
    page.fill("#hw-vconf-max", "2")
    page.select_option("#hw-vconf-kop", "3")
    code = page.input_value("#hw-vconf-code")
    assert '<hulpwijzer-vacatures organisatie="steunpunt" max="2" lang="nl" kop="3">' in code
    assert code.startswith('<script src="https://hulpwijzer.example.org/widget/v1/vacatures.js" defer></script>')
    page.wait_for_function(
        "() => { const r = document.querySelector('#hw-vconf-preview hulpwijzer-vacatures').shadowRoot;"
        " return r && r.querySelectorAll('.t').length === 2 && r.querySelector('h3'); }"
    )
    page.select_option("#hw-vconf-sector", "sport")
    page.wait_for_function(
        "() => document.querySelector('#hw-vconf-preview hulpwijzer-vacatures').shadowRoot.textContent.includes('Er zijn nu geen vacatures')"
    )
    page.select_option("#hw-vconf-organisatie", "")
    page.select_option("#hw-vconf-lang", "en")
    page.wait_for_function("() => document.querySelector('#hw-vconf-preview hulpwijzer-vacatures').shadowRoot.textContent.includes('Sportmaatje')")
    assert 'sector="sport" max="2" lang="en"' in page.input_value("#hw-vconf-code")
    page.click("#hw-vconf-copy")
    page.wait_for_function("() => document.getElementById('hw-vconf-status').textContent !== ''")
    assert page.inner_text("#hw-vconf-status") == "De code is gekopieerd."
    assert page.evaluate("() => navigator.clipboard.readText()") == page.input_value("#hw-vconf-code")
    assert axe_violations(page) == []
