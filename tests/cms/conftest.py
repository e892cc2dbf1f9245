"""CMS tests: Django with cms.settings.test, one imported copy of the minimal site per worker.

The database of each test worker gets the minimal test site (tests/sites/minimal)
imported once; ordinary tests run in a transaction that is rolled back. Tests
that publish get their own copy of the site folder (``site_root``), so content/
and public/ of one test never leak into another.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
# Playwright's sync API runs an event loop in the test thread; the database calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

# The test modules import models at the top; the generator tests never load this file.
django.setup()

from support import REPO, rebased_copy, run_clock  # noqa: E402

MINIMAL = REPO / "tests" / "sites" / "minimal"


@pytest.fixture(scope="session")
def minimal_copy(tmp_path_factory) -> Path:
    """A copy of the minimal site with themes, its dates moved to the test clock."""
    root = rebased_copy(MINIMAL, tmp_path_factory.mktemp("cms-site") / "site")
    return root


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, minimal_copy, tmp_path_factory):
    from django.conf import settings

    from cms.content.transfer import import_site
    from cms.editorial.groups import setup_all

    settings.HULPWIJZER_ROOT = minimal_copy
    settings.HULPWIJZER_PUBLIC = minimal_copy / "public"
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("cms-media")
    with django_db_blocker.unblock():
        import_site(minimal_copy, run_clock())
        setup_all()


@pytest.fixture
def site_root(settings, minimal_copy, tmp_path) -> Path:
    """A private copy of the site for one test; the CMS publishes into it."""
    root = tmp_path / "site"
    shutil.copytree(minimal_copy, root, symlinks=True, ignore=shutil.ignore_patterns("public", ".hulpwijzer"))
    settings.HULPWIJZER_ROOT = root
    settings.HULPWIJZER_PUBLIC = root / "public"
    from cms.content.publishing import run_build

    run_build()
    return root


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page the way the admin does and run the commit hooks (files + build)."""

    def run(page, user=None):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision(user=user).publish(user=user)
        from cms.content import publishing

        return publishing.last_result

    return run


@pytest.fixture(autouse=True)
def _no_leftover_writes():
    """Each test starts with an empty publish queue. (Changes join it only when their transaction
    commits, so a rolled-back test leaves nothing there; this only guards against a test that
    committed changes and stopped before they were flushed.)"""
    from cms.content import publishing

    publishing._queue = None
    yield
    publishing._queue = None
