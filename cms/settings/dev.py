"""Local development and the demo (scripts/demo.sh). Never use in production."""

import os

from .base import *  # noqa: F403

DEBUG = True
# A fixed, clearly non-secret key: only for local use.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-hulpwijzer")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
