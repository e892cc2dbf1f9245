"""The demo command names the address the demo really serves on."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_password_message_names_the_port(site_root, monkeypatch):
    monkeypatch.delenv("PORT", raising=False)
    out = StringIO()  # scripts/demo.sh passes --port "${PORT:-8000}"
    call_command("load_demo", "--port", "8123", stdout=out)
    assert "Log in op http://127.0.0.1:8123/admin/ met" in out.getvalue()
    assert "8000" not in out.getvalue()


def test_the_port_defaults_to_the_environment(site_root, monkeypatch):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="demo").delete()
    monkeypatch.setenv("PORT", "8456")
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "http://127.0.0.1:8456/admin/" in out.getvalue()
