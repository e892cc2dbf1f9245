"""Where things are: coordinates of kernen (the places vocabulary) and of items' locations, the
distance between them, and the check that an item's coordinates lie in the municipality.

An editor who types 6.20, 52.14 (longitude first) or drops a digit puts a marker in another
country; ``check`` says so with the file, the field and the nearest kern, instead of a map that
quietly shows the wrong place."""

from __future__ import annotations

import math
from collections.abc import Iterable

from sitegen.content.site_model import Vocabulary
from sitegen.problems import Problem

EARTH_KM = 6371.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def kern_points(vocabularies: dict[str, Vocabulary]) -> dict[str, tuple[float, float]]:
    """slug -> (latitude, longitude) of every kern that has coordinates."""
    places = vocabularies.get("places")
    return {t.slug: (t.latitude, t.longitude) for t in (places.terms if places else []) if t.latitude is not None and t.longitude is not None}


def located(item) -> Iterable[tuple[str, object]]:
    """(field path, Location) of every location of an item."""
    location = getattr(item, "location", None)
    if location is not None:
        yield "location", location
    for index, location in enumerate(getattr(item, "locations", None) or []):
        yield f"locations[{index}]", location


def check_coordinates(nodes, vocabularies: dict[str, Vocabulary], radius_km: float, label) -> list[Problem]:
    """Items whose coordinates lie further than ``radius_km`` from every kern (when kernen have coordinates)."""
    kernen = kern_points(vocabularies)
    if not kernen:
        return []
    problems = []
    for node in nodes:
        for path, location in located(node.data):
            if location.latitude is None:
                continue
            point = (location.latitude, location.longitude)
            nearest, km = min(((slug, distance_km(point, where)) for slug, where in kernen.items()), key=lambda pair: pair[1])
            if km <= radius_km:
                continue
            swapped = min(distance_km((location.longitude, location.latitude), where) for where in kernen.values()) <= radius_km
            hint = " Het lijkt erop dat breedtegraad en lengtegraad verwisseld zijn." if swapped else ""
            problems.append(
                Problem(
                    node.source,
                    node.field_lines.get(path.split("[")[0]),
                    f"{path}.latitude",
                    f"deze plek ligt {km:.0f} km van de dichtstbijzijnde kern ({label(nearest)}), buiten de gemeente.{hint}",
                    "controleer de coördinaten (breedtegraad eerst, zoals 52.14, dan lengtegraad, zoals 6.20), "
                    "of laat ze weg: dan staat de plek op de kaart bij haar kern",
                )
            )
    return problems
