"""Shared fixtures. Slow end-to-end checks share one demo build per test worker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import CHROMIUM_ARGS, REPO, TEST_TODAY, build_site, chromium_path, serve_directory

os.environ.setdefault("HULPWIJZER_TODAY", TEST_TODAY)


@pytest.fixture(scope="session")
def demo_public(tmp_path_factory) -> Path:
    """The demo Hulpwijzer (content/ of the repository) built once, clean, into a temp folder."""
    out = tmp_path_factory.mktemp("demo") / "public"
    build_site(REPO, out=out, clean=True, jobs=2)
    return out


@pytest.fixture(scope="session")
def demo_url(demo_public):
    with serve_directory(demo_public) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()
