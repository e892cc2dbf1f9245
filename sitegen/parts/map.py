"""The map of the offer (/kaart/): organisations, respite offers and activities with a location,
drawn by the build as an SVG of the kernen with markers, next to a list of the same places.

No tiles and no map service by default: the SVG needs nothing from another host and works offline.
A municipality with its own tile server can set ``map.tiles`` in site.yaml; the tiles are then
drawn under the markers as SVG images (the site's Content-Security-Policy must allow that host).
Every marker is a link (to the item, or to its group in the list when several share a point), and
the list next to the map has every item, so the map is usable by keyboard and screen reader.
Which types are on it is ``ContentType.on_paper_and_map``; where an item is comes from its own
coordinates, else from the coordinates of its kern in the places vocabulary."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitegen.build.outputs import Output, page_path
from sitegen.graph.geography import kern_points, located
from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import N_, gettext_for
from sitegen.parts.leaflets import paper_types
from sitegen.parts.listings import current_items
from sitegen.parts.page_info import PageInfo, all_languages

MAP_TITLE = N_("Kaart: hulp bij u in de buurt")
WIDTH = 600  # the SVG's user units; it scales to the column
PADDING = 80  # room for the kernen's circles and labels at the edge
PIN_GAP = 30  # markers closer than this (SVG units) are moved apart, so each stays readable and clickable
LABEL_SIZE = 16  # font size of a kern's name; an estimate of its width keeps labels from overlapping
MAX_ZOOM = 16
TILE = 256


@dataclass
class Spot:
    """One marker: a point on the map with the items there."""

    id: str
    label: str  # the name of the place, or its kern
    lat: float
    lon: float
    exact: bool = True  # from the item's own coordinates (else its kern's)
    items: list[Node] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0


def _world(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates at a zoom level (the same grid tile servers use)."""
    scale = TILE * 2**zoom
    sin = math.sin(math.radians(lat))
    return (lon + 180) / 360 * scale, (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale


def plan(ctx) -> Iterable[Output]:
    graph = ctx.graph
    kernen = kern_points(graph.vocabularies)
    for lang in graph.languages:
        spots, elsewhere = _spots(graph, lang, kernen)
        if kernen:  # the same rule as map_url: every link to the map has a page
            yield _map_page(graph, lang, kernen, spots, elsewhere)


def template_globals(ctx, lang: str) -> dict:
    """``map_url``: the map page in this language, or None when the site has no map. The map is drawn
    around the kernen, so it needs their coordinates (in the vocabulary, which every output depends on)."""
    return {"map_url": all_languages(ctx.graph, "/kaart/")[lang] if kern_points(ctx.graph.vocabularies) else None}


def _spots(graph: SiteGraph, lang: str, kernen: dict[str, tuple[float, float]]) -> tuple[list[Spot], list[Node]]:
    by_point: dict[tuple[float, float], Spot] = {}
    elsewhere: list[Node] = []  # items with a location but no coordinates for it (nor for its kern)
    for content_type in paper_types():
        for node in current_items(graph, content_type.name, lang):
            placed = False
            for _path, location in located(node.data):
                if location.latitude is not None:
                    point, exact = (round(location.latitude, 5), round(location.longitude, 5)), True
                    label = location.name or (graph.label("places", location.place, lang) if location.place else node.title)
                elif location.place in kernen:
                    point, exact, label = kernen[location.place], False, graph.label("places", location.place, lang)
                else:
                    continue
                spot = by_point.setdefault(point, Spot(f"plek-{len(by_point) + 1}", label, point[0], point[1], exact))
                if node not in spot.items:
                    spot.items.append(node)
                placed = True
            if not placed and any(True for _ in located(node.data)):
                elsewhere.append(node)
    return list(by_point.values()), elsewhere


def _layout(points: list[tuple[float, float]]) -> tuple[float, int, tuple[float, float]]:
    """The largest zoom at which every point fits WIDTH: (height, zoom, origin in world pixels)."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    zoom = MAX_ZOOM
    while True:
        (x0, y0), (x1, y1) = _world(max(lats), min(lons), zoom), _world(min(lats), max(lons), zoom)
        if x1 - x0 <= WIDTH - 2 * PADDING or zoom == 0:
            break
        zoom -= 1
    height = max(240.0, y1 - y0 + 2 * PADDING)
    # Centre the points in the frame.
    return height, zoom, (x0 - (WIDTH - (x1 - x0)) / 2, y0 - (height - (y1 - y0)) / 2)


def _map_page(graph: SiteGraph, lang: str, kernen, spots: list[Spot], elsewhere: list[Node]) -> Output:
    _ = gettext_for(lang)
    height, zoom, (ox, oy) = _layout([*kernen.values(), *((s.lat, s.lon) for s in spots)])

    def project(lat: float, lon: float) -> tuple[float, float]:
        x, y = _world(lat, lon, zoom)
        return round(x - ox, 1), round(y - oy, 1)

    placed: list[tuple[float, float]] = []
    for spot in spots:
        x, y = project(spot.lat, spot.lon)
        turn = 0
        while any(math.hypot(x - px, y - py) < PIN_GAP for px, py in placed) and turn < 12:
            turn += 1  # step around the point in a widening circle until there is room
            x, y = project(spot.lat, spot.lon)
            x, y = round(x + PIN_GAP * math.cos(turn) * (1 + turn // 6), 1), round(y + PIN_GAP * math.sin(turn) * (1 + turn // 6), 1)
        spot.x, spot.y = x, y
        placed.append((x, y))
    kern_marks = _kern_labels(graph, lang, kernen, project)
    versions = all_languages(graph, "/kaart/")
    page = PageInfo(title=_(MAP_TITLE), url=versions[lang], lang=lang, alternates=versions)
    settings = graph.site.map
    return Output(
        page_path(page.url),
        template="map.html",
        lang=lang,
        indexable=True,
        context={
            "page": page,
            "width": WIDTH,
            "height": round(height, 1),
            "kernen": kern_marks,
            "spots": [{"id": s.id, "label": s.label, "x": s.x, "y": s.y, "exact": s.exact, "items": s.items} for s in spots],
            "elsewhere": elsewhere,
            "tiles": _tiles(settings.tiles, zoom, ox, oy, height) if settings.tiles else [],
            "attribution": settings.attribution or "",
        },
    )


def _kern_labels(graph: SiteGraph, lang: str, kernen, project) -> list[dict]:
    """Each kern's circle and name: under the circle, or above it when that would overlap a name already placed."""
    marks, boxes = [], []
    for slug, point in kernen.items():
        label = graph.label("places", slug, lang)
        x, y = project(*point)
        half = len(label) * LABEL_SIZE * 0.3
        for label_y in (y + 52, y - 42):
            box = (x - half, label_y - LABEL_SIZE, x + half, label_y + 4)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
                break
        boxes.append(box)
        marks.append({"slug": slug, "label": label, "xy": (x, y), "label_y": round(label_y, 1)})
    return marks


def _tiles(template: str, zoom: int, ox: float, oy: float, height: float) -> list[dict]:
    """The tiles of the municipality's own server that cover the frame, placed in SVG units."""
    found = []
    for tx in range(int(ox // TILE), int((ox + WIDTH) // TILE) + 1):
        for ty in range(int(oy // TILE), int((oy + height) // TILE) + 1):
            url = template.replace("{z}", str(zoom)).replace("{x}", str(tx)).replace("{y}", str(ty))
            found.append({"href": url, "x": round(tx * TILE - ox, 1), "y": round(ty * TILE - oy, 1)})
    return found
