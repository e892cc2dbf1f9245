"""Where an item is and how to reach it: its locations and its phone, e-mail and website, for the
leaflets (``sitegen.parts.leaflets``) and the map (``sitegen.parts.map``).

Read from the content model's shapes, not from type names: a ``location`` or a list of
``locations``, a ``phone``/``email``/``website`` of its own or in its ``contact``, and otherwise the
contact of the organisation it refers to (an activity's organiser, an offer's provider), so a new
content type with those fields is on leaflets and maps without a change here."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.content import model as m
from sitegen.graph.site_graph import Node, SiteGraph, ref_fields


@dataclass(frozen=True)
class Reach:
    phone: str | None
    email: str | None
    website: str | None
    via: str | None  # the title of the organisation whose contact this is, when not the item's own


def locations_of(item: m.Item) -> list[m.Location]:
    found = list(getattr(item, "locations", None) or [])
    location = getattr(item, "location", None)
    if location is not None:
        found.append(location)
    return found


def _own(item: m.Item) -> tuple[str | None, str | None, str | None]:
    contact = getattr(item, "contact", None)
    phone = getattr(item, "phone", None) or (contact.phone if contact else None)
    email = getattr(item, "email", None) or (contact.email if contact else None)
    website = getattr(item, "website", None) or (contact.url if contact else None)
    return phone, email, website


def reach_of(graph: SiteGraph, node: Node) -> Reach:
    """How to reach the people behind an item: its own contact, else that of the organisation it names."""
    phone, email, website = _own(node.data)
    if phone or email:
        return Reach(phone, email, website, None)
    for name, target in ref_fields(type(node.data)):
        other = graph.resolve(target, getattr(node.data, name), node.lang)
        if other is not None:
            phone, email, website = _own(other.data)
            if phone or email:
                return Reach(phone, email, website, other.title)
    return Reach(None, None, None, None)
