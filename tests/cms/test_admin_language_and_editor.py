"""The admin speaks Dutch whatever the browser asks; the rich text box has an accessible name."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from cms.content.models import InfoPagePage

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html[^>]*\blang="([^"]+)"', response.content.decode()).group(1)


def test_the_admin_is_dutch_whatever_the_browser_asks(client):
    assert html_lang(client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.9")) == "nl"
    user = get_user_model().objects.create_superuser("redacteur", "r@example.org", "een-lang-wachtwoord")
    client.force_login(user)
    assert html_lang(client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")) == "nl"
    # An editor who wants English chooses it in their account.
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    assert html_lang(client.get("/admin/", HTTP_ACCEPT_LANGUAGE="nl")) == "en"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_rich_text_box_is_named_by_its_label(live_server, site_root, browser):
    get_user_model().objects.create_superuser("coordinator", "c@example.org", "een-lang-demo-wachtwoord")
    info = InfoPagePage.objects.filter(locale__language_code="nl").first()
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "coordinator")
        page.fill("#id_password", "een-lang-demo-wachtwoord")
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/admin/")
        page.goto(f"{live_server.url}/admin/pages/{info.pk}/edit/")
        box = page.locator("#id_body").locator("xpath=..").locator("[contenteditable=true][role=textbox]")
        box.wait_for()
        label = page.locator("label[for=id_body]").inner_text().replace("*", "").strip()
        assert label
        # The name Chromium's accessibility tree gives the box (what a screen reader announces).
        assert page.get_by_role("textbox", name=label, exact=True).count() == 1
        assert box.get_attribute("aria-labelledby") == "id_body-label"
    finally:
        context.close()
