"""The QR code on a leaflet (segno, inline SVG) decodes to the leaflet's own absolute address: drawn
by Chromium, screenshotted, and read back by zxing-cpp, as a phone camera would, on screen and in
print, in Dutch and in Arabic (where the page around it is right to left)."""

from __future__ import annotations

import io

import pytest
import yaml
import zxingcpp
from PIL import Image

pytestmark = pytest.mark.browser

LEAFLETS = ["/folder/onderwerp/respijtzorg/", "/ar/folder/kern/zandloo/", "/en/folder/onderwerp/respijtzorg/"]


@pytest.fixture(scope="module")
def base_url(demo_root) -> str:
    return yaml.safe_load((demo_root / "content" / "site.yaml").read_text(encoding="utf-8"))["base_url"].rstrip("/")


def _decode(page) -> list[zxingcpp.Barcode]:
    shot = page.locator(".hw-leaflet__qr svg").screenshot()
    return zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)), formats=zxingcpp.BarcodeFormat.QRCode)


@pytest.mark.parametrize("path", LEAFLETS)
@pytest.mark.parametrize("media", ["screen", "print"])
def test_qr_code_decodes_to_the_leaflets_address(demo_public, demo_url, page, base_url, path, media):
    assert (demo_public / path.strip("/") / "index.html").is_file(), path
    page.emulate_media(media=media)
    page.goto(demo_url + path)
    found = _decode(page)
    assert [barcode.text for barcode in found] == [base_url + path]
    assert found[0].valid


def test_a_blank_area_decodes_to_nothing(demo_url, page):
    """The decoder is not agreeable: the same screenshot without the code finds no code."""
    page.goto(demo_url + LEAFLETS[0])
    page.locator(".hw-leaflet__qr svg").evaluate("svg => { for (const child of [...svg.children]) if (child.tagName !== 'title') child.remove(); }")
    assert _decode(page) == []
