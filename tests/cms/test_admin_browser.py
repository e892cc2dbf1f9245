"""A real editor in real Chromium: log in, change an organisation's phone number, publish, see it on the site."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from cms.content.models import OrganisationPage


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_publishes_a_new_phone_number(live_server, site_root, browser):
    get_user_model().objects.create_superuser("coordinator", "c@example.org", "een-lang-demo-wachtwoord")
    org = OrganisationPage.objects.get(locale__language_code="nl", file_name="steunpunt")
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "coordinator")
        page.fill("#id_password", "een-lang-demo-wachtwoord")
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/admin/")
        page.goto(f"{live_server.url}/admin/pages/{org.pk}/edit/")
        assert_rich_text_box_is_named(page, "id_body")
        page.fill("#id_phone", "0575 765 432")
        # Preview (what the preview panel does): post the unsaved form, then fetch the preview.
        status, preview = page.evaluate(
            """async (url) => {
                const form = document.querySelector('#page-edit-form');
                const posted = await fetch(url, {method: 'POST', body: new FormData(form)});
                const answer = await posted.json();
                const shown = await fetch(url + '?mode=');
                return [JSON.stringify(answer), await shown.text()];
            }""",
            f"/admin/pages/{org.pk}/edit/preview/",
        )
        assert '"is_valid": true' in status.replace('":true', '": true'), status
        assert "0575 765 432" in preview and "Steunpunt Testdorp" in preview
        toggle = page.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first
        toggle.click()
        publish = page.locator("button[name='action-publish']")
        publish.wait_for(state="visible", timeout=5000)
        with page.expect_navigation():
            publish.click()
        errors = page.locator(".error-message, .help-critical, [role=alert], .messages").all_inner_texts()
        assert "0575 765 432" in (site_root / "content" / "organisations" / "steunpunt.md").read_text(), (
            errors,
            __import__("cms.content.publishing", fromlist=["x"]).last_result,
        )
        page.goto(live_server.url + "/organisaties/steunpunt/")
        assert page.locator("text=0575 765 432").count() >= 1
    finally:
        context.close()


def assert_rich_text_box_is_named(page, field_id: str) -> None:
    """The Draftail box has the name of its field's label in Chromium's accessibility tree (what a
    screen reader announces), not only the hidden input it saves into (cms/content/editor_widget.py).
    Checked here because this is the one test with a live admin: a second transactional test would
    find the database emptied by this one."""
    box = page.locator(f"#{field_id}").locator("xpath=..").locator("[contenteditable=true][role=textbox]")
    box.wait_for()
    label = page.locator(f"label[for={field_id}]").inner_text().replace("*", "").strip()
    assert label
    assert page.get_by_role("textbox", name=label, exact=True).count() == 1
    assert box.get_attribute("aria-labelledby") == f"{field_id}-label"
