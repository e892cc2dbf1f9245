"""Settings for pytest (tests/cms/). Each test copies a site into a temporary folder."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
HULPWIJZER_BUILD_ON_PUBLISH = True
AXES_FAILURE_LIMIT = 3
HULPWIJZER_SERVE_PUBLIC = True
