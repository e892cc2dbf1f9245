"""Dutch synonyms and compounds: the words residents type -> the words of the site.

``search/synonyms.yaml`` is the maintained list; the vocabularies add their own
``synonyms`` and ``everyday`` phrases. The same table feeds the Pagefind keywords
(``search.documents.keywords``), the query rewriting in search.js and the
Meilisearch ``synonyms`` setting.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

SYNONYMS_FILE = Path(__file__).with_name("synonyms.yaml")
_WORD = re.compile(r"[\w\u0600-\u06ff]+(?:-[\w]+)*", re.UNICODE)

# Small Dutch stop word list: these words never decide which item is right.
STOP_WORDS = {
    "nl": sorted(
        """aan al alle als ben bij dan dat de den der des die dit door een en er ga gaat
        had heb hebben heeft het hier hij hoe hun ik in is je jij kan kun kunnen
        maar me meer met mij mijn moet na naar niet nog nu of om onze ook op over
        te tot u uw van veel voor was wat we welke wie wij wil wordt zal ze zij
        zijn zo zoek zoeken zou
        daar dus geen haar hem iets jou jouw komt kunt ons staat toch waar wel wilt word worden zich zie ziet zien""".split()
    ),
    "en": sorted("a an and are as at be by for from how i in is it my of on or the to what with you your".split()),
    # Arabic particles and pronouns that never decide which item is right.
    "ar": sorted("في من على إلى عن مع هل أنا أنت هو هي أن ما لا هذا هذه التي الذي أو ثم كيف".split()),
}

# Word parts that Dutch glues onto the words of the site (mantelzorg+ondersteuning).
COMPOUND_PARTS = (
    "ondersteuning",
    "waardering",
    "consulent",
    "café",
    "cafe",
    "cursus",
    "groep",
    "punt",
    "centrum",
    "lijn",
    "huis",
    "dag",
    "zorg",
    "werk",
    "vrijwilliger",
    "vrijwilligers",
    "maatje",
    "hulp",
    "steun",
    "contact",
    "opvang",
    "begeleiding",
    "training",
    "vacature",
    "vacatures",
    "budget",
    "mantelzorg",
    "mantelzorger",
    "mantelzorgers",
    "respijt",
    "respijtzorg",
    "dementie",
    "taal",
    "buurt",
)


def words(text: str) -> list[str]:
    return [match.group(0).lower() for match in _WORD.finditer(text)]


@functools.cache
def _load() -> dict[str, dict[str, list[str]]]:
    try:
        data = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{SYNONYMS_FILE}: geen geldige YAML ({error}); controleer de inspringing") from None
    table: dict[str, dict[str, list[str]]] = {}
    for lang, entries in data.items():
        table[lang] = {}
        for phrase, targets in (entries or {}).items():
            if not isinstance(targets, list):
                raise ValueError(f"{SYNONYMS_FILE}: bij '{phrase}' ({lang}) hoort een lijst, bijvoorbeeld [respijtzorg]")
            table[lang][str(phrase).lower().strip()] = [str(t).lower().strip() for t in targets]
    return table


def table(lang: str) -> dict[str, list[str]]:
    """Everyday phrase -> site words, for one language."""
    return _load().get(lang, {})


def full_table(graph, lang: str) -> dict[str, list[str]]:
    """The maintained list plus the vocabularies: a term's synonyms and everyday phrase -> its label."""
    result = {phrase: list(targets) for phrase, targets in table(lang).items()}
    for vocabulary in graph.vocabularies.values():
        for term in vocabulary.terms:
            label = (term.label.get(lang) or term.label.get("nl", "")).lower()
            phrases = list(term.synonyms) if lang == "nl" else []
            if term.everyday.get(lang):
                phrases.append(term.everyday[lang])
            for phrase in phrases:
                key = phrase.lower().strip()
                if key and key != label:
                    targets = result.setdefault(key, [])
                    if label not in targets:
                        targets.append(label)
    return result


def lexicon(graph, lang: str) -> set[str]:
    """Known words for compound splitting: vocabulary labels and synonyms, and common parts."""
    known = set(COMPOUND_PARTS) if lang == "nl" else set()
    for vocabulary in graph.vocabularies.values():
        for term in vocabulary.terms:
            for text in [term.label.get(lang, ""), *(term.synonyms if lang == "nl" else [])]:
                known.update(word for word in words(text) if len(word) >= 4)
    for phrase, targets in table(lang).items():
        for text in [phrase, *targets]:
            known.update(word for word in words(text) if len(word) >= 4)
    return known


_LEXICONS: dict[tuple[int, str], tuple[object, frozenset[str]]] = {}


def _cached_lexicon(graph, lang: str) -> frozenset[str]:
    key = (id(graph), lang)
    cached = _LEXICONS.get(key)
    if cached is None or cached[0] is not graph:
        cached = (graph, frozenset(lexicon(graph, lang)))
        _LEXICONS.clear()
        _LEXICONS[key] = cached
    return cached[1]


def split_compound(word: str, known: frozenset[str] | set[str]) -> tuple[str, str] | None:
    """'mantelzorgondersteuning' -> ('mantelzorg', 'ondersteuning') when both parts are known words."""
    if len(word) < 8:
        return None
    for cut in range(4, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        if head in known and tail in known:
            return head, tail
        # Dutch linking -s-: vrijwilligerswerk = vrijwilliger + s + werk
        if head.endswith("s") and head[:-1] in known and tail in known:
            return head[:-1], tail
    return None


def compound_variants(text_words: set[str], graph, lang: str) -> list[str]:
    """Split compounds into their parts and join known pairs into a compound."""
    if lang != "nl":
        return []
    known = _cached_lexicon(graph, lang)
    variants = []
    for word in sorted(text_words):
        parts = split_compound(word, known)
        if parts:
            variants.append(" ".join(parts))
    ordered = sorted(w for w in text_words if w in known and len(w) >= 4)
    for first in ordered:
        for second in ("ondersteuning", "waardering", "consulent", "café", "cafe", "cursus", "groep", "punt"):
            if second in text_words and first != second and first in ("mantelzorg", "vrijwilligers", "respijtzorg", "dementie"):
                variants.append(first + second)
    return variants
