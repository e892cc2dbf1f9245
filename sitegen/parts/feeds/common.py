"""What the feeds share: stable identifiers, absolute URLs, plain-text costs and addresses."""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit

from sitegen import languages
from sitegen.graph.site_graph import Node, SiteGraph

# Prefix of every feed and dataset we write that is not a page (the page is /open-data/).
OPEN_DATA = "open-data"


def host(graph: SiteGraph) -> str:
    return urlsplit(graph.site.base_url).hostname or "hulpwijzer.invalid"


def namespace(graph: SiteGraph) -> uuid.UUID:
    """The UUID namespace of one Hulpwijzer: the same site gives the same IDs in every build."""
    return uuid.uuid5(uuid.NAMESPACE_DNS, host(graph))


def stable_id(graph: SiteGraph, *parts: str) -> str:
    """A UUID that only depends on the site's host and the given parts (type, translation key, …)."""
    return str(uuid.uuid5(namespace(graph), "/".join(parts)))


def absolute(graph: SiteGraph, path: str) -> str:
    return graph.site.base_url + path


def lang_prefix(graph: SiteGraph, lang: str) -> str:
    """'' for the default language, 'en/' for English: the start of a path in public/."""
    return languages.prefix(lang, graph.default_lang)


def organiser(graph: SiteGraph, node: Node, field: str) -> Node | None:
    value = getattr(node.data, field, None)
    return graph.resolve("organisation", value, node.lang) if value else None


def address_line(graph: SiteGraph, location, lang: str) -> str:
    """'Dorpshuis, Dorpsstraat 1, 1234 AB Testdorp' from the parts that are filled in."""
    if location is None:
        return ""
    place = graph.label("places", location.place, lang) if location.place else ""
    town = " ".join(part for part in (location.postcode, place) if part)
    return ", ".join(part for part in (location.name, location.address, town) if part)


_FREE = re.compile(r"\b(gratis|kosteloos|free|مجان)", re.I)
_AMOUNT = re.compile(r"(?:€|eur(?:o)?)\s*(\d+(?:[.,]\d{1,2})?)|(\d+(?:[.,]\d{1,2})?)\s*(?:€|euro)", re.I)


def price(cost: str | None) -> float | None:
    """The amount in euros an editor wrote in a cost text, 0 for 'gratis', None when unclear."""
    if not cost:
        return None
    if _FREE.search(cost):
        return 0.0
    amounts = [float((a or b).replace(",", ".")) for a, b in _AMOUNT.findall(cost)]
    return amounts[0] if len(amounts) == 1 else None
