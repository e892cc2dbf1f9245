"""Atom feeds (RFC 4287) per language: new vacancies, new activities, changed information pages.

Written with ElementTree, which escapes text and attributes for us; no
string concatenation of XML. Entry IDs are UUID URNs from the site's host and
the item's translation key (plus the language), so a feed reader sees the same
entry after every build.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable

from sitegen import dates, languages
from sitegen.bidi import isolate_html, isolate_text_in
from sitegen.build.outputs import Output
from sitegen.content import markdown
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import N_, gettext_for
from sitegen.parts.feeds.common import OPEN_DATA, lang_prefix, organiser, stable_id

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_ENTRIES = 50

# name -> (content type, title, subtitle)
FEEDS = {
    "vacatures": ("vacancy", N_("Nieuwe vacatures voor vrijwilligers"), N_("Vrijwilligerswerk dat net is geplaatst.")),
    "activiteiten": ("activity", N_("Nieuwe activiteiten"), N_("Activiteiten voor mantelzorgers en vrijwilligers die nog komen.")),
    "informatie": ("page", N_("Gewijzigde informatie"), N_("Informatiepagina's die nieuw zijn of zijn aangepast.")),
}

ET.register_namespace("", ATOM)


def feed_path(graph: SiteGraph, lang: str, name: str) -> str:
    return f"{lang_prefix(graph, lang)}{OPEN_DATA}/{name}.atom"


def generate(graph: SiteGraph) -> Iterable[Output]:
    for lang in graph.languages:
        for name in FEEDS:
            yield Output(feed_path(graph, lang, name), render=lambda lang=lang, name=name: render_feed(graph, lang, name))


def entries(graph: SiteGraph, lang: str, type_name: str) -> list[tuple[dt.datetime, Node]]:
    """(updated, node), newest first: what a feed of this type shows today."""
    content_type = TYPES[type_name]
    found = []
    for node in graph.localized(type_name, lang):
        if not graph.is_current(node):
            continue
        if content_type.listable is not None and not content_type.listable(graph, node):
            continue
        day = getattr(node.data, content_type.dates_field or "last_reviewed")
        found.append((dates.start_of_day(day), node))
    found.sort(key=lambda entry: (-entry[0].timestamp(), entry[1].title.lower()))
    return found[:MAX_ENTRIES]


def render_feed(graph: SiteGraph, lang: str, name: str) -> bytes:
    type_name, title, subtitle = FEEDS[name]
    _ = gettext_for(lang)
    base = graph.site.base_url
    site_name = graph.site.name.get(lang) or graph.site.name.get(graph.default_lang, "")
    found = entries(graph, lang, type_name)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    _text(root, "id", "urn:uuid:" + stable_id(graph, "atom", lang, name))
    _text(root, "title", f"{_(title)} – {site_name}")
    _text(root, "subtitle", _(subtitle))
    updated = max((when for when, _node in found), default=dates.start_of_day(graph.today))
    _text(root, "updated", updated.isoformat())
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": f"{base}/{feed_path(graph, lang, name)}"})
    home = languages.url(lang, graph.default_lang)
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": base + home})
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    _text(author, "uri", base + home)
    _text(root, "generator", "Hulpwijzer")
    _text(root, "rights", _("Open data, vrij te gebruiken (CC0 1.0)."))
    for when, node in found:
        root.append(_entry(graph, node, when, lang, _))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(graph: SiteGraph, node: Node, when: dt.datetime, lang: str, _: Callable[[str], str]) -> ET.Element:
    data = node.data
    base = graph.site.base_url
    entry = ET.Element(f"{{{ATOM}}}entry", {XML_LANG: node.lang} if node.lang != lang else {})
    _text(entry, "id", "urn:uuid:" + stable_id(graph, node.type_name, node.translation_key, node.lang))
    _text(entry, "title", isolate_text_in(data.title, lang))
    _text(entry, "updated", when.isoformat())
    if node.type_name == "vacancy":
        _text(entry, "published", dates.start_of_day(data.posted).isoformat())
    ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": base + node.url})
    org = organiser(graph, node, {"vacancy": "organisation", "activity": "organiser"}.get(node.type_name, ""))
    if org is not None:
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(author, "name", org.title)
        _text(author, "uri", base + org.url)
    _text(entry, "summary", isolate_text_in(_summary(graph, node, _), lang))
    html = _content(graph, node)
    if html:
        content = _text(entry, "content", html)
        content.set("type", "html")
    return entry


def _summary(graph: SiteGraph, node: Node, _: Callable[[str], str]) -> str:
    data = node.data
    if node.type_name == "activity":
        following = graph.next_dates(node, 1)
        if following:
            start = following[0][0]
            return f"{data.summary} ({_('Volgende keer')}: {start:%d-%m-%Y %H:%M})"
    if node.type_name == "vacancy":
        return f"{data.summary} ({_('Reageren kan tot en met')} {data.valid_through:%d-%m-%Y})"
    return data.summary


def _content(graph: SiteGraph, node: Node) -> str:
    """The item's text as HTML, with links made absolute so that they work in a feed reader."""
    data = node.data
    text = data.what_you_do if node.type_name == "vacancy" else data.body
    html = markdown.render(text, link_resolver=lambda href: _absolute(graph, href)).html if text else ""
    return isolate_html(html)


def _absolute(graph: SiteGraph, href: str) -> str:
    from sitegen.build.render import resolve_content_link

    target = resolve_content_link(graph, href)
    if target is not None:
        href = target.url
    return graph.site.base_url + href if href.startswith("/") else href


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
