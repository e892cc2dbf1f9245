"""Screenshots of the respite filters, the map and the leaflet (docs/theme.md). Written to docs/screenshots/
with HULPWIJZER_SCREENSHOTS=1, else to a temp folder (so the capture itself is tested)."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Error as PlaywrightError
from support import REPO

pytestmark = pytest.mark.browser

SHOTS = {
    "respite-filters": ("/respijtzorg/?indicatie=nee&kosten=gratis", (1280, 390)),
    "map": ("/kaart/", (1280, 390)),
    "map-ar": ("/ar/kaart/", (1280,)),
    "leaflet": ("/folder/onderwerp/respijtzorg/", (1280, 390)),
}


def _capture(page, file, full_page):
    for attempt in range(3):  # headless Chromium now and then fails one capture under load
        try:
            page.screenshot(path=str(file), full_page=full_page)
            return
        except PlaywrightError:
            if attempt == 2:
                raise
            page.wait_for_timeout(500)


def test_screenshots_of_filters_map_and_leaflet(demo_public, demo_url, page):
    target = REPO / "docs" / "screenshots" if os.environ.get("HULPWIJZER_SCREENSHOTS") else demo_public.parent / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    for name, (path, widths) in SHOTS.items():
        for width in widths:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(demo_url + path)
            file = target / f"{name}-{width}.png"
            _capture(page, file, full_page=width == 390 and not name.startswith("map"))  # a long map list makes a megabyte
            assert file.stat().st_size > 10_000
    # the leaflet as print preview shows it: A4 width at 96 dpi, print styles
    page.set_viewport_size({"width": 794, "height": 1123})
    page.goto(demo_url + "/folder/onderwerp/respijtzorg/")
    page.emulate_media(media="print")
    file = target / "leaflet-print.png"
    _capture(page, file, full_page=False)
    assert file.stat().st_size > 10_000
