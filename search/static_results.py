"""Search without JavaScript: a static result page for every one-word phrase search knows.

Planned by the search part (``search.site.plan`` and its ``redirects`` hook call this module, so no
new entry point is needed). Without a script the
search form can only send ``GET /zoeken/?q=oppas``, which a static host answers with the empty
search page. So the build writes ``/zoeken/<slug>/`` for every vocabulary label, synonym and
everyday word of the synonym list (per language), with the query in the box and the items it
means listed, and ``redirects(ctx)`` gives the Netlify ``_redirects`` rules
(``/zoeken/ q=oppas /zoeken/oppas/ 302!``) that ``sitegen/parts/vacancies.py`` writes together
with its own (``hulpwijzer serve`` applies them too). Only one-word phrases get a rule: a rule's
query value cannot hold a space. Any other query lands on the search page, which offers the hubs
and the loket's phone number (and, with JavaScript, searches).

The list ranks like the search page's intent, in a simpler, explainable way: the phrase or a word
it means in the title counts most, then in the vocabulary labels and hidden keywords, then in the
summary; the type's boost and staleness weigh as in the index (``search/site.py``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable
from typing import Any

from slugify import slugify

from search import synonyms as synonym_list
from search.documents import documents
from sitegen.build.outputs import Output, page_path
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import SiteGraph
from sitegen.i18n import gettext_for

MAX_RESULTS = 20
# As in the index (search/site.py): a stale item's words count this much.
STALE_FACTOR = 0.7


def phrases(graph: SiteGraph, lang: str) -> dict[str, list[str]]:
    """One-word phrase -> the site's words it means: vocabulary labels (themselves), their synonyms and everyday words, the synonym list."""
    table = {phrase: targets for phrase, targets in synonym_list.full_table(graph, lang).items() if " " not in phrase}
    for name, vocabulary in graph.vocabularies.items():
        for term in vocabulary.terms:
            label = graph.label(name, term.slug, lang).lower()
            if " " not in label:
                table.setdefault(label, [label])
    return {phrase: targets for phrase, targets in sorted(table.items()) if len(phrase) >= 3}


def page_slug(phrase: str) -> str:
    """The phrase's folder under /zoeken/: readable when it is Latin script, else a short hash (Arabic)."""
    slug = slugify(phrase)
    if slug and slug == slugify(phrase, allow_unicode=True):
        return slug
    return "q-" + hashlib.blake2b(phrase.encode(), digest_size=4).hexdigest()


_WORD = re.compile(r"\w+")


def _contains(text: str, tokens: frozenset[str], words: Iterable[str]) -> bool:
    for word in words:
        if _WORD.fullmatch(word):
            if word in tokens:  # a one-word target: a set lookup, not a scan of the text
                return True
        elif re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text):
            return True
    return False


def _fields(doc: dict[str, Any]) -> tuple[tuple[str, frozenset[str]], ...]:
    """A document's title, labels with keywords, and summary, lower-cased, with their words."""
    texts = (doc["title"].lower(), " | ".join(doc["labels"] + doc["keywords"]).lower(), doc["summary"].lower())
    return tuple((text, frozenset(_WORD.findall(text))) for text in texts)


def results(docs: list[dict[str, Any]], phrase: str, targets: list[str], prepared: list | None = None) -> list[dict[str, Any]]:
    """The documents a phrase means, best first (see the module's docstring). ``prepared``: the
    documents' ``_fields``, made once for all phrases of a language."""
    words = [phrase, *targets]
    scored = []
    for doc, (title, labels, summary) in zip(docs, prepared if prepared is not None else map(_fields, docs), strict=True):
        score = 4.0 * _contains(*title, words)
        score += 2.0 * _contains(*labels, words)
        score += 1.0 * _contains(*summary, words)
        if score:
            weights = TYPES[doc["type"]].search_weights
            scored.append((score * weights.boost * (STALE_FACTOR if doc["stale"] else 1.0), doc))
    scored.sort(key=lambda pair: (-pair[0], pair[1]["title"].lower()))
    return [doc for _score, doc in scored[:MAX_RESULTS]]


def pages(graph: SiteGraph, lang: str) -> dict[str, tuple[str, list[str], list[str]]]:
    """slug -> (the phrase shown, the words meant, every phrase sent there): "café" and "cafe" share a page."""
    found: dict[str, tuple[str, list[str], list[str]]] = {}
    for phrase, targets in phrases(graph, lang).items():
        slug = page_slug(phrase)
        if slug in found:
            shown, meant, sent = found[slug]
            found[slug] = (shown, meant + [t for t in targets if t not in meant], sent + [phrase])
        else:
            found[slug] = (phrase, list(targets), [phrase])
    return found


def plan(ctx) -> Iterable[Output]:
    from search.site import search_url  # search.site plans this module's pages: import when called

    graph = ctx.graph
    for lang in graph.languages:
        base = search_url(graph, lang)
        for slug, (phrase, targets, _sent) in pages(graph, lang).items():
            yield Output(
                page_path(f"{base}{slug}/"),
                template="search.html",
                lang=lang,
                context=_page_context(ctx, lang, phrase, targets),
            )


def _page_context(ctx, lang: str, phrase: str, targets: list[str]) -> dict[str, Any]:
    from search.site import search_page_context

    graph = ctx.graph
    _ = gettext_for(lang)
    docs = ctx.memo("search-docs", lang, lambda: documents(graph, lang))
    prepared = ctx.memo("search-doc-fields", lang, lambda: [_fields(doc) for doc in docs])
    found = ctx.memo("static-results", (lang, phrase), lambda: results(docs, phrase, targets, prepared))
    context = search_page_context(ctx, lang)
    # Its own title (WCAG 2.4.2): the search page's with the phrase.
    context["page"] = dataclasses.replace(context["page"], title=f"{context['page'].title}: {phrase}")
    context["query"] = phrase
    context["static_results"] = [
        {
            "url": doc["url"],
            "title": doc["title"],
            "summary": doc["summary"],
            "type_label": _(TYPES[doc["type"]].search_label),
            "organisation": doc["organisation"] or "",
            "own_lang": doc["content_lang"] if doc["content_lang"] != lang else "",
        }
        for doc in found
    ]
    return context


def redirects(ctx) -> str:
    """Netlify ``_redirects`` rules: the search form's ``?q=<phrase>`` to the phrase's static page.
    ``302!`` forces the rule although ``/zoeken/index.html`` exists (Netlify 'shadowing')."""
    from search.site import search_url

    graph = ctx.graph
    lines = []
    for lang in graph.languages:
        base = search_url(graph, lang)
        for slug, (_phrase, _targets, sent) in pages(graph, lang).items():
            lines.extend(f"{base} q={phrase} {base}{slug}/ 302!" for phrase in sent)
    return "\n".join(lines) + "\n" if lines else ""
