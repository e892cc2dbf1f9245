"""Search without JavaScript: a static result page for every phrase search knows.

Planned by the search part (``search.site.plan`` and its ``redirects`` hook call this module, so no
new entry point is needed). Without a script the
search form can only send ``GET /zoeken/?q=oppas``, which a static host answers with the empty
search page. So the build writes ``/zoeken/<slug>/`` for every vocabulary label, synonym and
everyday word of the synonym list (per language), with the query in the box and the items it
means listed, and ``redirects(ctx)`` gives the Netlify ``_redirects`` rules
(``/zoeken/ q=oppas /zoeken/oppas/ 302!``) that ``sitegen/parts/vacancies.py`` writes together
with its own (``hulpwijzer serve`` applies them too). Phrases of several words ("even vrij") get
rules too: a rule's value cannot hold a space, so it is written as the form sends it
(``q=even+vrij``, application/x-www-form-urlencoded) and as a link would (``q=even%20vrij``); see
``rule_values``. Any other query lands on the search page, which offers the hubs and the loket's
phone number (and, with JavaScript, searches).

The list ranks like the search page's intent, in a simpler, explainable way: the phrase or a word
it means in the title counts most, then in the vocabulary labels and hidden keywords, then in the
summary; the type's boost and staleness weigh as in the index (``search/site.py``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import urllib.parse
from collections.abc import Iterable
from typing import Any

from slugify import slugify

from search import synonyms as synonym_list
from search.documents import STALE_FACTOR, documents
from sitegen.build.outputs import Output, page_path
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import SiteGraph
from sitegen.i18n import gettext_for

MAX_RESULTS = 20


def phrases(graph: SiteGraph, lang: str) -> dict[str, list[str]]:
    """Phrase -> the site's words it means: vocabulary labels (themselves), their synonyms and everyday
    phrases, the synonym list; one word or several ("even vrij", "ik kan het niet meer")."""
    table = {" ".join(phrase.split()): targets for phrase, targets in synonym_list.full_table(graph, lang).items()}
    for name, vocabulary in graph.vocabularies.items():
        for term in vocabulary.terms:
            label = " ".join(graph.label(name, term.slug, lang).lower().split())
            table.setdefault(label, [label])
    return {phrase: targets for phrase, targets in sorted(table.items()) if len(phrase) >= 3 and _RULE_SAFE.fullmatch(phrase)}


# A phrase a rule can carry: no character that would end the value or the line (&, #, =, ?, %, +).
_RULE_SAFE = re.compile(r"[^&#=?%+\s]+(?: [^&#=?%+\s]+)*")


def form_encoded(phrase: str) -> str:
    """The phrase as a browser's form sends it (WHATWG application/x-www-form-urlencoded: space as +,
    UTF-8 percent-encoded in upper case, only ``*-._`` and letters and digits left as they are)."""
    return urllib.parse.quote(phrase, safe="*").replace("~", "%7E").replace("%20", "+")


def rule_values(phrase: str) -> list[str]:
    """The values a rule's ``q=`` is written with, so Netlify matches the phrase whether it compares
    the query as sent or decoded: as the form sends it, with %20 for a space (a link), and as typed
    when that holds no space or encoded character. ``hulpwijzer serve`` decodes both sides, so each
    of these matches the same requests there."""
    values = [form_encoded(phrase), urllib.parse.quote(phrase, safe="*~")]
    if " " not in phrase:
        values.append(phrase)
    return list(dict.fromkeys(values))


def page_slug(phrase: str) -> str:
    """The phrase's folder under /zoeken/: readable when it is Latin script, else a short hash (Arabic)."""
    slug = slugify(phrase)
    if slug and slug == slugify(phrase, allow_unicode=True):
        return slug
    return "q-" + hashlib.blake2b(phrase.encode(), digest_size=4).hexdigest()


_WORD = re.compile(r"\w+")
FIELD_SCORES = (4.0, 2.0, 1.0)  # title, labels with keywords, summary


@dataclasses.dataclass(frozen=True)
class Prepared:
    """The documents of a language, lower-cased per field, with an index word -> documents per
    field: made once, so a phrase costs the documents it names, not a scan of all of them."""

    texts: list[tuple[str, str, str]]
    index: tuple[dict[str, set[int]], ...]


def prepare(docs: list[dict[str, Any]]) -> Prepared:
    texts = [(doc["title"].lower(), " | ".join(doc["labels"] + doc["keywords"]).lower(), doc["summary"].lower()) for doc in docs]
    index: tuple[dict[str, set[int]], ...] = tuple({} for _ in FIELD_SCORES)
    for number, fields in enumerate(texts):
        for words_of_field, text in zip(index, fields, strict=True):
            for word in set(_WORD.findall(text)):
                words_of_field.setdefault(word, set()).add(number)
    return Prepared(texts, index)


def _matching(prepared: Prepared, field: int, word: str) -> set[int]:
    """The documents whose field holds ``word`` as a whole word (or words, for a phrase)."""
    index = prepared.index[field]
    if _WORD.fullmatch(word):
        return index.get(word, set())
    parts = _WORD.findall(word)
    if not parts:
        return set()
    # A phrase: only documents holding each of its words can hold it; check those.
    candidates = set.intersection(*(index.get(part, set()) for part in parts))
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
    return {number for number in candidates if pattern.search(prepared.texts[number][field])}


def results(docs: list[dict[str, Any]], phrase: str, targets: list[str], prepared: Prepared | None = None) -> list[dict[str, Any]]:
    """The documents a phrase means, best first (see the module's docstring). ``prepared``: the
    documents' ``prepare``, made once for all phrases of a language."""
    prepared = prepared if prepared is not None else prepare(docs)
    words = [phrase, *targets]
    scores: dict[int, float] = {}
    for field, weight in enumerate(FIELD_SCORES):
        found = set().union(*(_matching(prepared, field, word) for word in words))
        for number in found:
            scores[number] = scores.get(number, 0.0) + weight
    scored = []
    for number, score in scores.items():
        doc = docs[number]
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
    prepared = ctx.memo("search-doc-fields", lang, lambda: prepare(docs))
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
            lines.extend(f"{base} q={value} {base}{slug}/ 302!" for phrase in sent for value in rule_values(phrase))
    return "\n".join(lines) + "\n" if lines else ""
