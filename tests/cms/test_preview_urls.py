"""A partner's draft with a script URL never reaches the preview, which runs on the CMS's own origin."""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory

from cms.content.models import OrganisationPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value", ["java\tscript:alert(1)//x.md", "javascript:alert(1)\x01.md", "&#106;avascript:alert(1)", "data:text/html,<script>alert(1)</script>"]
)
def test_a_draft_with_a_script_url_previews_as_a_problem(site_root, value):
    org = OrganisationPage.objects.get(locale__language_code="nl", file_name="steunpunt")
    org.website = value
    html = org.serve_preview(RequestFactory().get("/"), "").content.decode()
    assert "Het voorbeeld kan nog niet getoond worden" in html
    assert "website" in html and "niet toegestaan" in html
    hrefs = re.findall(r'\b(?:href|src)="([^"]*)"', html)
    assert not any(re.sub(r"\s|&#9;", "", href).lower().startswith(("javascript", "&#106;", "data:")) for href in hrefs), hrefs
