"""Search documents: one per item and language, made once from the site graph.

Both backends index these same documents: Pagefind reads them from the detail
pages' HTML (``partials/search-meta.html`` renders a document as hidden, weighted
text), Meilisearch gets them as JSON (``search.meili``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

from search import meili_ranking
from search import synonyms as synonym_list
from sitegen import dates
from sitegen.content.markdown import plain_text
from sitegen.content.model import Markdown
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import Node, SiteGraph, organisation_of, vocab_values
from sitegen.i18n import N_, gettext_for

# Facet name (the same in both backends and in js/search/) -> vocabulary. Facet values are
# term slugs (and the type code for "type"), the same in every language; the search page shows
# the labels of the page's language (zoekdata.json).
FACETS: dict[str, str] = {
    "need": "needs",
    "audience": "audiences",
    "place": "places",
    "sector": "sectors",
    "form": "respite_forms",
}
FACET_TITLES = {
    "type": N_("Soort"),
    "need": N_("Onderwerp"),
    "audience": N_("Voor wie"),
    "place": N_("Kern of wijk"),
    "sector": N_("Sector"),
    "form": N_("Vorm van respijtzorg"),
}
# A stale item (its check is overdue) counts this much in both backends: lower, still found.
STALE_FACTOR = 0.7
# The type filter's labels, the free-text fields besides title, summary and body, and the
# meaning of "current" come from the content-type registry (sitegen.content.types).


@functools.cache
def markdown_field_names(model) -> frozenset[str]:
    """The fields of a model that hold Markdown (plain text for search is made from them)."""
    return frozenset(name for name, info in model.model_fields.items() if any(isinstance(m, Markdown) for m in info.metadata))


def document_id(node: Node) -> str:
    """Stable across languages and builds; only [a-zA-Z0-9_-] as Meilisearch requires."""
    return re.sub(r"[^a-zA-Z0-9_-]", "_", f"{node.type_name}-{node.translation_key}")


def indexed_nodes(graph: SiteGraph, lang: str) -> list[Node]:
    """What a language's search finds: current items, translated where possible, else Dutch."""
    nodes = []
    for content_type in TYPES:
        nodes.extend(node for node in graph.localized(content_type.name, lang) if graph.is_current(node))
    return nodes


def document(graph: SiteGraph, node: Node, lang: str | None = None) -> dict[str, Any]:
    """The search document of an item, for a language's index (``lang``; default: the item's own)."""
    lang = lang or node.lang
    _ = gettext_for(lang)
    data = node.data
    terms = sorted(set((vocabulary, slug) for _path, vocabulary, slug in vocab_values(data)))
    facets: dict[str, list[str]] = {facet: [] for facet in FACETS}
    slugs: dict[str, list[str]] = {}
    for vocabulary, slug in terms:
        slugs.setdefault(vocabulary, []).append(slug)
        for facet, facet_vocabulary in FACETS.items():
            if vocabulary == facet_vocabulary:
                facets[facet].append(slug)
    content_type = TYPES[node.type_name]
    markdown_fields = markdown_field_names(content_type.model)
    text_parts = [plain_text(data.body)] if data.body else []
    for name in content_type.text_fields:
        value = getattr(data, name, None)
        if value:
            text_parts.append(plain_text(value) if name in markdown_fields else value)
    for question in getattr(data, "faq", []) or []:
        text_parts.append(question.question + " " + plain_text(question.answer))
    organisation = _organisation(graph, node, lang)
    doc: dict[str, Any] = {
        "id": document_id(node),
        "lang": lang,
        "content_lang": node.lang,  # a Dutch item in the English index until it is translated
        "type": node.type_name,
        "type_label": _(content_type.search_label),
        "title": data.title,
        "summary": data.summary,
        "text": " ".join(part for part in text_parts if part),
        "labels": [graph.label(vocabulary, slug, lang) for vocabulary, slug in terms],
        "keywords": keywords(graph, node, terms, lang),
        "terms": {vocabulary: values for vocabulary, values in sorted(slugs.items())},
        **{facet: values for facet, values in facets.items()},
        "organisation": organisation.title if organisation else None,
        "organisation_id": document_id(organisation) if organisation else None,
        "url": node.url,
        "translation_key": node.translation_key,
        "last_reviewed": data.last_reviewed.isoformat(),
        "stale": graph.is_stale(node),
        # Type boost x stale factor for Meilisearch's ``preference:desc`` rule (search/meili_ranking.py).
        "preference": meili_ranking.preference(node.type_name, STALE_FACTOR if graph.is_stale(node) else 1.0),
        "current": graph.is_current(node),
    }
    _add_dates(graph, node, doc)
    ends = meili_ranking.ends_ts(graph, node)
    if ends is not None:
        doc["ends_ts"] = ends  # every Meilisearch request filters on it: never an ended item
    geo = _geo(data)
    if geo is not None:
        doc["_geo"] = geo
    return doc


def keywords(graph: SiteGraph, node: Node, terms: list[tuple[str, str]], lang: str) -> list[str]:
    """Hidden words that make an item findable by the words residents use.

    From the item's vocabulary terms (their synonyms and everyday phrases), the
    maintained list ``search/synonyms.yaml`` (everyday word -> site word: the
    everyday word is added when the item has the site word), and Dutch compounds
    split into and joined from known words.
    """
    found: list[str] = []
    own_words: set[str] = set()
    for vocabulary, slug in terms:
        term = graph.term(vocabulary, slug)
        if term is None:
            continue
        own_words.add(slug.replace("-", " "))
        own_words.update(label.lower() for label in term.label.values())
        own_words.update(s.lower() for s in term.synonyms)
        if lang == graph.default_lang or lang == "nl":
            found.extend(term.synonyms)
        everyday = term.everyday.get(lang)
        if everyday:
            found.append(everyday)
    text = " ".join([node.data.title, node.data.summary]).lower()
    text_words = set(synonym_list.words(text))
    own_words.update(text_words)
    for phrase, targets in synonym_list.table(lang).items():
        for target in targets:
            if target in own_words or (" " in target and target in text) or target in text_words:
                found.append(phrase)
                break
    found.extend(synonym_list.compound_variants(text_words | set(synonym_list.words(" ".join(found))), graph, lang))
    seen: set[str] = set()
    result = []
    for word in found:
        key = word.lower().strip()
        if key and key not in seen and key not in text:
            seen.add(key)
            result.append(key)
    return result


def _organisation(graph: SiteGraph, node: Node, lang: str) -> Node | None:
    ref = organisation_of(node)
    return graph.resolve("organisation", ref, lang) if ref else None


def _add_dates(graph: SiteGraph, node: Node, doc: dict[str, Any]) -> None:
    data = node.data
    if node.type_name == "activity":
        upcoming = graph.next_dates(node, dates.CARRIED_DATES)
        if upcoming:
            doc["next_date"] = upcoming[0][0].isoformat()
            doc["next_date_ts"] = int(upcoming[0][0].timestamp())
            # ISO 8601 intervals: js/search/dates.js shows the first that has not ended, and drops the result after the last.
            doc["dates"] = [f"{start.isoformat()}/{end.isoformat()}" for start, end in upcoming]
    elif node.type_name == "vacancy":
        doc["posted"] = data.posted.isoformat()
        doc["valid_through"] = data.valid_through.isoformat()
        doc["remote"] = data.remote


def _geo(data) -> dict[str, float] | None:
    locations = []
    if getattr(data, "location", None) is not None:
        locations.append(data.location)
    locations.extend(getattr(data, "locations", []) or [])
    for location in locations:
        if location.latitude is not None and location.longitude is not None:
            return {"lat": location.latitude, "lng": location.longitude}
    return None


def documents(graph: SiteGraph, lang: str) -> list[dict[str, Any]]:
    """The search documents of a language's index (kept between builds: sitegen.graph.kept)."""
    return [kept_document(graph, node, lang) for node in indexed_nodes(graph, lang)]


def kept_document(graph: SiteGraph, node: Node, lang: str | None = None) -> dict[str, Any]:
    """``document``, computed again only when what it read changed (treat it as read-only)."""
    lang = lang or node.lang
    return graph.memo("search-document", (node.key, lang), lambda: document(graph, node, lang), keep=True)


def digest(doc: dict[str, Any]) -> str:
    return hashlib.blake2b(json.dumps(doc, sort_keys=True, ensure_ascii=False).encode(), digest_size=12).hexdigest()


def all_documents(graph: SiteGraph) -> Iterable[tuple[str, list[dict[str, Any]]]]:
    for lang in graph.languages:
        yield lang, documents(graph, lang)
