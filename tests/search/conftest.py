"""The minimal site's graph on the day it is written for, shared by the search tests."""

from __future__ import annotations

import datetime as dt

import pytest
from support import MINIMAL_SITE, TEST_TODAY

from sitegen.build.pipeline import BuildOptions, prepare
from sitegen.clock import Clock


@pytest.fixture(scope="module")
def graph():
    site = prepare(BuildOptions(root=MINIMAL_SITE, clock=Clock.on(dt.date.fromisoformat(TEST_TODAY)))).site
    return site.graph
