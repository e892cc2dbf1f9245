"""The map of the offer (sitegen/parts/map.py): an SVG made by the build with a list of the same places;
coordinates checked by `check`; own tiles only when site.yaml names them; nothing from other hosts."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
import yaml
from support import MINIMAL_SITE, REPO, TEST_TODAY, build_site, copy_site, run_axe, vnu_errors

from sitegen.cli.main import main

pytestmark = pytest.mark.browser


def _front(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def _expected_on_map() -> set[str]:
    """Dutch organisations and offers (they never expire) with a location whose kern has coordinates, or
    coordinates of their own: read from the content files, not from sitegen."""
    places = yaml.safe_load((REPO / "content" / "vocabularies" / "places.yaml").read_text())["terms"]
    kernen = {t["slug"] for t in places if "latitude" in t}
    found = set()
    for folder, section in (("organisations", "organisaties"), ("offers", "respijtzorg")):
        for path in (REPO / "content" / folder).glob("*.md"):
            if "." in path.stem:
                continue
            data = _front(path)
            locations = list(data.get("locations") or []) + ([data["location"]] if data.get("location") else [])
            if any("latitude" in loc or loc.get("place") in kernen for loc in locations):
                found.add(f"/{section}/{data.get('slug') or path.stem}/")
    return found


def test_every_located_item_is_in_the_list_and_every_marker_is_a_link(demo_public):
    html = (demo_public / "kaart" / "index.html").read_text()
    listed = set(re.findall(r'<li><a href="(/(?:organisaties|respijtzorg)/[^"]+/)"', html))
    assert listed == _expected_on_map()
    markers = re.findall(r'<a class="hw-map__marker" href="([^"]+)" aria-label="([^"]+)"', html)
    spots = re.findall(r'<li class="hw-map__spot" id="([^"]+)"', html)
    assert len(markers) == len(spots) > 3
    for href, label in markers:
        assert label.strip()
        if "#" in href:
            assert href.split("#")[1] in spots
        else:
            assert (demo_public / href.strip("/") / "index.html").exists(), href
    # the exact coordinates in the demo content are drawn as exact points, the rest at their kern
    assert "hw-map__pin hw-map__pin--kern" in html and re.search(r'class="hw-map__pin" ', html)


def test_map_assets_only_on_the_map_page(demo_public):
    for path in ("index.html", "respijtzorg/index.html", "organisaties/index.html", "folder/index.html"):
        assert "/css/map." not in (demo_public / path).read_text()
    assert "/css/map." in (demo_public / "kaart" / "index.html").read_text()
    assert "<image" not in (demo_public / "kaart" / "index.html").read_text()  # no tiles by default
    assert 'href="/kaart/"' in (demo_public / "respijtzorg" / "index.html").read_text()


def test_check_names_file_and_field_of_coordinates_outside_the_municipality(tmp_path, capsys):
    root = _copy_demo(tmp_path)
    path = root / "content" / "organisations" / "dagcentrum-de-beuk.md"
    path.write_text(path.read_text().replace("latitude: 52.1062", "latitude: 6.1981").replace("longitude: 6.1981", "longitude: 52.1062"))
    assert main(["--root", str(root), "check", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    assert "content/organisations/dagcentrum-de-beuk.md" in err and "locations[0].latitude" in err and "verwisseld" in err
    path.write_text(path.read_text().replace("latitude: 6.1981", "latitude: 91"))
    assert main(["--root", str(root), "check", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    assert "dagcentrum-de-beuk.md" in err and "latitude" in err and "Traceback" not in err


def _copy_demo(tmp_path):
    import shutil

    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "themes", root / "themes")
    return root


@pytest.mark.parametrize(
    ("tiles", "message"),
    [("http://kaart.example.org/{z}/{x}/{y}.png", "https://"), ("https://kaart.example.org/tegels.png", "{z}"), ("javascript:alert(1)", "niet toegestaan")],
)
def test_check_refuses_a_bad_tile_address(tmp_path, capsys, tiles, message):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    site = root / "content" / "site.yaml"
    site.write_text(site.read_text() + f"map:\n  tiles: '{tiles}'\n")
    assert main(["--root", str(root), "check", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    assert "content/site.yaml" in err and "map.tiles" in err and message in err


def test_own_tiles_are_drawn_under_the_markers(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    site = root / "content" / "site.yaml"
    site.write_text(site.read_text() + "map:\n  tiles: 'https://kaart.gemeente.example/{z}/{x}/{y}.png'\n  attribution: 'Kaart: gemeente'\n")
    places = root / "content" / "vocabularies" / "places.yaml"
    text = places.read_text()
    text = text.replace("- slug: testdorp\n", "- slug: testdorp\n  latitude: 52.1\n  longitude: 6.2\n").replace(
        "- slug: buitenhoek\n", "- slug: buitenhoek\n  latitude: 52.12\n  longitude: 6.25\n"
    )
    places.write_text(text)
    build_site(root, out=root / "public", clean=True)
    html = (root / "public" / "kaart" / "index.html").read_text()
    assert re.search(r'<image href="https://kaart\.gemeente\.example/\d+/\d+/\d+\.png"', html)
    assert "Kaart: gemeente" in html


def test_no_map_without_coordinates(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    build_site(root, out=root / "public", clean=True)
    assert not (root / "public" / "kaart").exists()
    assert 'href="/kaart/"' not in (root / "public" / "respijtzorg" / "index.html").read_text()


def test_map_by_keyboard_at_320_px_without_javascript(demo_url, page_without_js):
    page = page_without_js
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(demo_url + "/kaart/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hw-map__marker')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('hw-map__marker')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.url.endswith(target) or page.url.endswith(target.split("#")[0]) or target.split("#")[-1] in page.url


def test_arabic_map_is_right_to_left_but_not_mirrored(demo_url, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    boxes = {}
    for prefix in ("", "/ar"):
        page.goto(demo_url + prefix + "/kaart/")
        zandloo = page.locator(".hw-map__kern-label", has_text=re.compile("Zandloo|زاندلو")).bounding_box()
        wilgenhorst = page.locator(".hw-map__kern-label", has_text=re.compile("Wilgenhorst|فيلخنهورست")).bounding_box()
        figure, listing = page.locator(".hw-map__figure").bounding_box(), page.locator(".hw-map__list").bounding_box()
        boxes[prefix] = (figure, listing, zandloo, wilgenhorst)
    figure, listing, zandloo, wilgenhorst = boxes[""]
    assert figure["x"] < listing["x"]
    assert wilgenhorst["x"] < zandloo["x"]  # west is left
    figure, listing, zandloo, wilgenhorst = boxes["/ar"]
    assert page.get_attribute("html", "dir") == "rtl"
    assert figure["x"] > listing["x"]  # the layout mirrors
    assert wilgenhorst["x"] < zandloo["x"]  # geography does not


def test_map_pages_are_valid_accessible_and_local(demo_public, demo_url, browser):
    paths = ["kaart/index.html", "ar/kaart/index.html", "en/kaart/index.html"]
    assert vnu_errors([demo_public / p for p in paths]) == []
    context = browser.new_context(bypass_csp=True)  # only so that axe itself can be injected
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    for path in paths:
        for width in (320, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(demo_url + "/" + path.removesuffix("index.html"))
            violations = run_axe(page)
            assert violations == [], (path, width, violations)
    context.close()
    assert hosts == {urlparse(demo_url).netloc}
