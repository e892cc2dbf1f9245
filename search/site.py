"""The search page (/zoeken/ per language), its query data, and the search fields of detail pages.

A part of the build (``sitegen.build.parts``). ``prepare`` decides which key the browser
may search Meilisearch with in this build; ``plan`` plans per language the search page and
``zoekdata.json`` (the synonyms, stop words and a word list for typo correction that
js/search/query.js uses with Pagefind). ``template_globals`` gives the templates
``search_meta(item)``: the item's search document, which ``partials/search-meta.html``
renders as hidden weighted text with Pagefind filters inside each detail page.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rapidfuzz.distance import OSA

from search import static_results
from search import synonyms as synonym_list
from search.browser_keys import browser_search
from search.documents import FACET_TITLES, FACETS, STALE_FACTOR, indexed_nodes, kept_document
from sitegen import languages
from sitegen.build.outputs import Output, page_path
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import SiteGraph
from sitegen.i18n import gettext_for
from sitegen.parts.listings import listing_url
from sitegen.parts.page_info import PageInfo, all_languages
from sitegen.parts.pages import HUB_VOCABULARIES
from sitegen.problems import Problem

SEARCH_SECTION = "zoeken"
DATA_FILE = "zoekdata.json"
# Cap on the typo dictionary so a big site still downloads little per query.
MAX_WORDS = 6000


def search_url(graph: SiteGraph, lang: str) -> str:
    return languages.url(lang, graph.default_lang, f"/{SEARCH_SECTION}/")


def prepare(ctx) -> list[Problem]:
    """Decide once per build which Meilisearch key (or token) the browser gets; warnings say why not."""
    ctx.browser_search, problems = browser_search(ctx.site.meilisearch, ctx.languages, ctx.today, os.environ.get("MEILI_MASTER_KEY", ""), ctx.clock.now)
    ctx.fingerprint_inputs.append(repr(ctx.browser_search))
    return problems


def plan(ctx) -> Iterable[Output]:
    graph = ctx.graph
    for lang in graph.languages:
        # Made here, in the building process, so they are kept for the next build (sitegen.graph.kept).
        for node in indexed_nodes(graph, lang):
            _document_words(graph, node, lang)
            _document_words(graph, node, node.lang)
        yield _search_page(ctx, lang)
        url = search_url(graph, lang)
        yield Output(page_path(url + DATA_FILE), render=lambda lang=lang: query_data_json(graph, lang))
    # Without JavaScript: a result page per known one-word phrase, and the rules that lead there.
    yield from static_results.plan(ctx)


def redirects(ctx) -> str:
    """Lines for the site's ``_redirects`` (written by sitegen/parts/vacancies.py): the search form without JavaScript."""
    return static_results.redirects(ctx)


def template_globals(ctx, lang: str) -> dict:
    """``search_meta(item)``: the item's search document, or None when it is not searchable."""
    graph = ctx.graph

    def search_meta(item) -> dict[str, Any] | None:
        return ctx.memo("search-meta", item.key, lambda: pagefind_fields(graph, item) if graph.is_current(item) else None)

    return {"search_meta": search_meta}


def pagefind_fields(graph: SiteGraph, item) -> dict[str, Any]:
    """The item's search document plus what only Pagefind needs: the weight of each field (the
    type's ``search_weights``) and the languages the item is not translated into (a filter: a
    search page in such a language merges in only those Dutch items, js/search/backends/pagefind.js).
    The type's boost and staleness are applied to Pagefind's scores by the page (``boosts`` in
    zoekdata.json): BM25 saturates a word's weight, so a factor on a field weight would barely move it."""
    doc = dict(kept_document(graph, item))  # a copy: the kept document is shared
    weights = TYPES[item.type_name].search_weights
    doc["weights"] = {name: getattr(weights, name) for name in ("title", "summary", "text", "keywords")}
    translated = graph.translations(item)
    doc["untranslated"] = [lang for lang in graph.languages if lang not in translated] if item.lang == graph.default_lang else []
    # A search page in another language finds this Dutch item in the merged Dutch index (until it is
    # translated) by the words of that language: its topic labels and hidden keywords there ("dementia"
    # for the Dutch page on dementie). Pagefind has one index per language, so they are written here.
    doc["other_keywords"] = sorted({word for lang in doc["untranslated"] for word in _words_in(graph, item, lang)} - set(doc["labels"]) - set(doc["keywords"]))
    return doc


def _words_in(graph: SiteGraph, item, lang: str) -> list[str]:
    other = kept_document(graph, item, lang)
    return [*other["labels"], *other["keywords"]]


def _search_page(ctx, lang: str) -> Output:
    return Output(page_path(search_url(ctx.graph, lang)), template="search.html", lang=lang, context=search_page_context(ctx, lang))


def search_page_context(ctx, lang: str) -> dict[str, Any]:
    """What search.html needs; the static result pages (search/static_results.py) add the query and its results."""
    graph = ctx.graph
    _ = gettext_for(lang)
    url = search_url(graph, lang)
    page = PageInfo(
        title=_("Zoeken"),
        url=url,
        lang=lang,
        alternates=all_languages(graph, f"/{SEARCH_SECTION}/"),
        description=_("Zoek hulp, informatie, activiteiten en vrijwilligerswerk."),
        noindex=True,
    )
    listings = [(_(t.plural), listing_url(graph, lang, t.name)) for t in TYPES]
    hubs = []
    for vocabulary, section in HUB_VOCABULARIES.items():
        vocab = graph.vocabularies.get(vocabulary)
        if vocab is None:
            continue
        facet_title = FACET_TITLES["need" if vocabulary == "needs" else "audience"]
        hubs.append(
            (
                _(facet_title),
                [
                    (graph.label(vocabulary, term.slug, lang), languages.url(lang, graph.default_lang, f"/{section}/{term.slug}/"), _hub_words(term, lang))
                    for term in vocab.terms
                ],
            )
        )
    access = ctx.browser_search  # search.browser_keys: None, the search key or a tenant token
    return {
        "page": page,
        "listings": listings,
        "hubs": hubs,
        "data_url": url + DATA_FILE,
        "meili_url": access.url if access else "",
        "meili_key": access.page_key if access else "",
        "meili_index": meili_index_name(graph, lang),
        "facet_titles": {name: _(title) for name, title in FACET_TITLES.items()},
        "directions": {code: languages.direction(code) for code in graph.languages},
        "query": "",  # the static result pages' phrase (search/static_results.py)
        "static_results": [],
    }


def _hub_words(term, lang: str) -> str:
    """Words a hub is known by besides its title: the search page offers the hubs closest to a query that found nothing."""
    words = [term.slug.replace("-", " "), *(term.synonyms if lang == "nl" else []), term.everyday.get(lang, "")]
    return " ".join(word for word in words if word)


def meili_index_name(graph: SiteGraph, lang: str) -> str:
    from search.meili import index_uid

    return index_uid(graph, lang)


def query_data(graph: SiteGraph, lang: str) -> dict[str, Any]:
    """What the search page (js/search/) needs besides the Pagefind index: synonyms, stop words and known words."""
    counts: Counter[str] = Counter()
    keyword_words: set[str] = set()

    for node in indexed_nodes(graph, lang):
        words, keywords = _document_words(graph, node, lang)
        counts.update(words)
        keyword_words.update(keywords)
        if node.lang != lang:
            # An untranslated item is found in the merged Dutch index by its Dutch words too.
            words, keywords = _document_words(graph, node, node.lang)
            counts.update(words)
            keyword_words.update(keywords)
    # The words of the maintained synonym list are known words.
    table = synonym_list.table(lang)
    for phrase, targets in table.items():
        counts.update(w for w in synonym_list.words(phrase + " " + " ".join(targets)) if len(w) >= 4)
    # Hidden keywords are known words too, except misspellings kept as vocabulary synonyms
    # ("repsijtzorg"): leaving those out lets js/search/query.js correct them to the real word.
    for word in sorted(keyword_words - set(counts)):
        if not _near_known(word, counts):
            counts[word] += 1
    # Stop words are never a correction ("piet" must not become "niet"): not known words.
    for word in synonym_list.STOP_WORDS.get(lang, []):
        counts.pop(word, None)
    known = sorted(counts, key=lambda w: (-counts[w], w))[:MAX_WORDS]
    # Below the cap the list holds every word the site uses: a query none of whose words it holds
    # (nor a correction) asks about something the site does not write about (js/search/query.js).
    _ = gettext_for(lang)
    return {
        "lang": lang,
        "synonyms": table,
        "stop": synonym_list.STOP_WORDS.get(lang, []),
        "words": sorted(known),
        "complete": len(counts) <= MAX_WORDS,
        "facets": ["type", *FACETS],
        "types": {t.name: _(t.search_label) for t in TYPES},
        # Score factors (js/search/rank.js adjust): a type preference, never a provider preference; stale lower.
        "boosts": {t.name: t.search_weights.boost for t in TYPES if t.search_weights.boost != 1.0},
        "stale_factor": STALE_FACTOR,
        "labels": {
            facet: {term.slug: graph.label(vocabulary, term.slug, lang) for term in graph.vocabularies[vocabulary].terms}
            for facet, vocabulary in FACETS.items()
            if vocabulary in graph.vocabularies
        },
    }


def _document_words(graph: SiteGraph, node, lang: str) -> tuple[Counter[str], frozenset[str]]:
    """The words one document adds to the known-word list, and its keyword words (kept between builds)."""

    def compute() -> tuple[Counter[str], frozenset[str]]:
        doc = kept_document(graph, node, lang)  # recorded: the words change when the document does
        counts: Counter[str] = Counter()
        for text in (doc["title"], doc["summary"], " ".join(doc["labels"]), doc["organisation"] or ""):
            counts.update(w for w in synonym_list.words(text) if len(w) >= 4)
        counts.update(w for w in synonym_list.words(doc["text"]) if len(w) >= 5)
        return counts, frozenset(w for w in synonym_list.words(" ".join(doc["keywords"])) if len(w) >= 4)

    return graph.memo("search-words", (node.key, lang), compute, keep=True)


def _near_known(word: str, known: Counter) -> bool:
    """True when ``word`` is one or two typing errors away from a word of the site's own text.

    The distance is rapidfuzz's optimal string alignment (Damerau-Levenshtein where a swap of two
    neighbouring letters costs 1), the same numbers as the browser's js/search/levenshtein.js
    (tests/search/test_typo_distance.py checks both on the same pairs).
    """
    limit = 2 if len(word) >= 8 else 1
    for other in known:
        if other[0] == word[0] and abs(len(other) - len(word)) <= limit and other != word and OSA.distance(word, other, score_cutoff=limit) <= limit:
            return True
    return False


def query_data_json(graph: SiteGraph, lang: str) -> str:
    return json.dumps(query_data(graph, lang), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
