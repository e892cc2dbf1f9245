"""Shared fixtures. Slow end-to-end checks share one demo build per test worker.

Time travel: ``HULPWIJZER_TEST_NOW`` moves the clock of the whole test run (Python via
time-machine, the browser via Playwright's clock) — ``+400d`` (days ahead), ``dst`` (the
next switch to summer time, a year ahead) or an ISO moment. ``.ci/run`` runs the suite
today, 400 days ahead and on a DST-change day.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import time_machine

from sitegen.clock import TIMEZONE
from sitegen.dates import dst_changes


def _travel_target(value: str) -> dt.datetime:
    now = dt.datetime.now(TIMEZONE)
    if value.startswith("+") and value.endswith("d"):
        return now + dt.timedelta(days=int(value[1:-1]))
    if value == "dst":
        # Midday on the first switch to or from summer time at least a year ahead.
        switch = dst_changes(now.date() + dt.timedelta(days=365))[0]
        return dt.datetime.combine(switch, dt.time(12, 0), TIMEZONE)
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=TIMEZONE)


TRAVEL = os.environ.get("HULPWIJZER_TEST_NOW", "").strip()
if TRAVEL:
    time_machine.travel(_travel_target(TRAVEL), tick=True).start()

from support import CHROMIUM_ARGS, REPO, build_site, chromium_path, rebased_copy, serve_directory  # noqa: E402


def pytest_report_header(config):
    return f"test clock: {dt.datetime.now(TIMEZONE).isoformat(timespec='minutes')}" + (f" (HULPWIJZER_TEST_NOW={TRAVEL})" if TRAVEL else "")


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory) -> Path:
    """The demo Hulpwijzer (content/ of the repository) rebased to the test clock, as the demo command does."""
    return rebased_copy(REPO, tmp_path_factory.mktemp("demo-site") / "site")


@pytest.fixture(scope="session")
def demo_public(demo_root, tmp_path_factory) -> Path:
    """The rebased demo built once, clean, at the test clock, into a temp folder."""
    out = tmp_path_factory.mktemp("demo") / "public"
    build_site(demo_root, out=out, clean=True, jobs=2, today=None)
    return out


@pytest.fixture(scope="session")
def demo_url(demo_public):
    with serve_directory(demo_public) as url:
        yield url


class _ClockedBrowser:
    """The browser, whose every context runs on the test clock when the run travels in time."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        if TRAVEL:
            context.clock.install(time=dt.datetime.now(TIMEZONE))
        return context


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield _ClockedBrowser(instance)
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
