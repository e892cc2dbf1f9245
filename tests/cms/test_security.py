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
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_no_secret_in_base_settings():
    text = (REPO / "cms" / "settings" / "base.py").read_text()
    assert "SECRET_KEY" not in text


def test_editor_with_an_authenticator_app_must_enter_a_code(client):

    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.create_superuser("tweestaps", "t@example.org", "een-lang-wachtwoord-123")
    device = TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    response = client.post("/admin/login/", {"username": "tweestaps", "password": "een-lang-wachtwoord-123"})
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/2fa/")
    wrong = client.post("/admin/2fa/?next=/admin/", {"code": "000000" if totp(device.bin_key) != 0 else "111111"})
    assert "klopt niet" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post("/admin/2fa/?next=/admin/", {"code": code})
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_editor_without_a_device_is_not_asked_for_a_code(admin_client):
    assert admin_client.get("/admin/").status_code == 200
