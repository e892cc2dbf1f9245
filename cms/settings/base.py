"""Settings shared by every environment. No secrets here: see production.py."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from cms import languages

CMS_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = CMS_DIR.parent

# The site the CMS publishes to: content/ is written here, public/ is built here.
HULPWIJZER_ROOT = Path(os.environ.get("HULPWIJZER_ROOT", REPO_ROOT)).resolve()
HULPWIJZER_PUBLIC = Path(os.environ.get("HULPWIJZER_PUBLIC", HULPWIJZER_ROOT / "public")).resolve()
# Build after every publish (turn off for bulk imports; then build once at the end).
HULPWIJZER_BUILD_ON_PUBLISH = os.environ.get("HULPWIJZER_BUILD_ON_PUBLISH", "1") == "1"
# Render processes for the build after a publish (0 = one per core). With more than one the build forks
# only to render templates; the children never touch the database.
HULPWIJZER_BUILD_JOBS = int(os.environ.get("HULPWIJZER_BUILD_JOBS", "1"))

INSTALLED_APPS = [
    "cms.content",
    "cms.editorial",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: the admin is Dutch (LANGUAGE_CODE) whatever the browser asks, and an
    # editor who wants English chooses it in their account (Wagtail's preferred language).
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.editorial.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the outcome of the login views.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{os.environ.get('HULPWIJZER_DB', CMS_DIR / 'db.sqlite3')}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and fewer fsyncs: an import of the demo takes seconds instead of minutes. Editors who
    # publish at the same moment take turns: IMMEDIATE takes the write lock when a transaction
    # starts (a deferred one that reads first cannot wait for it and fails at once with "database
    # is locked"), and the busy timeout lets a writer wait up to 30 seconds for its turn instead
    # of the 5 of Python's sqlite3 (tests/cms/test_sqlite_concurrency.py: 50 at once).
    # PostgreSQL stays the choice for production (docs/cms.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE", "timeout": 30}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Editors work in Dutch (or English). The content languages are the site's: content/site.yaml
# `languages`, named by CLDR (cms/languages.py); the first is the language of the originals.
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = languages.choices(languages.site_languages(HULPWIJZER_ROOT))
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES + [choice for choice in WAGTAILADMIN_PERMITTED_LANGUAGES if choice[0] not in dict(WAGTAIL_CONTENT_LANGUAGES)]
WAGTAIL_I18N_ENABLED = True
# The rich text box is named by its field's label (cms/content/editor_widget.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "cms.content.editor_widget.LabelledDraftail"}}
LOCALE_PATHS = [CMS_DIR / "locale"]

STATIC_URL = "/cms-static/"
STATIC_ROOT = Path(os.environ.get("HULPWIJZER_STATIC_ROOT", REPO_ROOT / ".hulpwijzer" / "cms-static"))
MEDIA_URL = "/cms-media/"
MEDIA_ROOT = Path(os.environ.get("HULPWIJZER_MEDIA_ROOT", CMS_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Hulpwijzer"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
LOGIN_URL = "wagtailadmin_login"

# Login rate limiting (django-axes): lock the user name + address after 5 failures for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "editorial/locked_out.html"

# Two-factor authentication is optional per editor (django-otp TOTP); set
# HULPWIJZER_REQUIRE_2FA=1 to require it from everyone who has set up a device.
HULPWIJZER_REQUIRE_2FA = os.environ.get("HULPWIJZER_REQUIRE_2FA", "0") == "1"
OTP_TOTP_ISSUER = "Hulpwijzer"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin JavaScript reads the CSRF token
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
