"""The admin speaks Dutch whatever the browser asks."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

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


# The rich text box's accessible name is checked in Chromium in test_admin_browser.py.
