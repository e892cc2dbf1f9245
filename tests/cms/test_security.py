"""Login rate limiting, deployment checks, migrations."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from support import REPO

pytestmark = pytest.mark.django_db


def test_login_is_locked_after_repeated_failures(client, settings):
    get_user_model().objects.create_user("redacteur", "r@example.org", "het-goede-wachtwoord")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "redacteur", "password": "fout"})
        assert response.status_code == 200
    client.post("/admin/login/", {"username": "redacteur", "password": "fout"})
    locked = client.post("/admin/login/", {"username": "redacteur", "password": "het-goede-wachtwoord"})
    assert locked.status_code in (403, 429)
    assert "te vaak" in locked.content.decode()


def test_makemigrations_is_clean():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


def test_check_deploy_with_production_settings_is_clean():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DJANGO_SECRET_KEY="x" * 20 + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_=+",
        DJANGO_ALLOWED_HOSTS="cms.example.org",
        DATABASE_URL="sqlite:////tmp/unused.sqlite3",
    )
    result = subprocess.run(
        [sys.executable, str(REPO / "cms" / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_no_secret_in_base_settings():
    text = (REPO / "cms" / "settings" / "base.py").read_text()
    assert "SECRET_KEY" not in text
