"""The site graph: validated items, their links to each other, and what is current.

Built from the parsed files after each file has been validated on its own.
Here we check what needs the whole site: references, vocabulary terms,
duplicate slugs and translations.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel

from sitegen import dates, languages
from sitegen.content.model import Ref, Vocab
from sitegen.content.parse import ParsedItem
from sitegen.content.site_model import SiteConfig, Vocabulary
from sitegen.content.types import TYPES
from sitegen.graph import reads
from sitegen.graph.geography import check_coordinates
from sitegen.graph.kept import KeptValues, kept_value
from sitegen.graph.node import Node
from sitegen.graph.queries import answer, group_name
from sitegen.problems import Problem

T = TypeVar("T")


@dataclass
class SiteGraph:
    build_wide = True  # the same for every output (sitegen.build.fingerprint)
    site: SiteConfig
    vocabularies: dict[str, Vocabulary]
    members: list[Node]  # every item in every language (read them as ``nodes``: that is recorded)
    day: dt.date  # the build date (read it as ``today``: that is recorded)
    site_digest: str = ""
    vocab_digest: str = ""
    # Values derived once per build (what is current, next dates, a part's tables): see ``memo``.
    _memo: dict[tuple[str, Any], Any] = field(default_factory=dict, repr=False)
    # What each memoised value read (sitegen.graph.reads), by group name.
    groups: dict[str, reads.Reads] = field(default_factory=dict, repr=False)
    # Values kept between builds (set by the build; None: keep nothing) and the content digests they are checked with.
    kept: KeptValues | None = field(default=None, repr=False)
    digests: dict[str, str] = field(default_factory=dict, repr=False)
    _answers: dict[tuple, Any] = field(default_factory=dict, repr=False)

    def memo(self, name: str, key: Any, compute: Callable[[], T], keep: bool = False) -> T:
        """``compute()`` once for (name, key) in this graph, i.e. once per build.

        What ``compute`` reads is recorded once, as a group; every output that uses the value
        records the group, so a cached value carries its dependencies to each of its users.
        With ``keep``, the value is also kept for the next builds (``sitegen.graph.kept``)."""
        slot = (name, key)
        group = group_name(name, key)
        if slot not in self._memo:
            if keep and self.kept is not None:
                self._memo[slot] = kept_value(self, group, compute)
            else:
                with reads.recording() as recorded:
                    self._memo[slot] = compute()
                self.groups[group] = recorded
        reads.group(group)
        return self._memo[slot]

    def answer(self, query: tuple) -> Any:
        """A recorded query's answer now, once per build (for kept values)."""
        if query not in self._answers:
            with reads.not_recording():
                self._answers[query] = answer(self, query)
        return self._answers[query]

    @property
    def nodes(self) -> list[Node]:
        reads.query("nodes")
        return self.members

    def node(self, key: str) -> Node | None:
        """The item in file ``key`` (e.g. "organisations/x.md"), if there is one."""
        reads.query("node", key)
        return self.by_key.get(key)

    # ------------------------------------------------------------------ lookups

    @cached_property
    def by_key(self) -> dict[str, Node]:
        return {node.key: node for node in self.members}

    @cached_property
    def _by_translation(self) -> dict[tuple[str, str], dict[str, Node]]:
        table: dict[tuple[str, str], dict[str, Node]] = defaultdict(dict)
        for node in self.members:
            table[(node.type_name, node._translation_key)][node.lang] = node
        return table

    @cached_property
    def _by_type_lang(self) -> dict[tuple[str, str], list[Node]]:
        table: dict[tuple[str, str], list[Node]] = defaultdict(list)
        for node in sorted(self.members, key=lambda n: (n._data.title.lower(), n.key)):
            table[(node.type_name, node.lang)].append(node)
        return table

    @property
    def default_lang(self) -> str:
        return self.site.default_language

    @property
    def languages(self) -> list[str]:
        return list(self.site.languages)

    def items(self, type_name: str, lang: str) -> list[Node]:
        """All items of a type in a language, sorted by title."""
        reads.query("items", type_name, lang)
        return self._by_type_lang.get((type_name, lang), [])

    def translations(self, node: Node) -> dict[str, Node]:
        reads.query("translations", node.key)
        return self._by_translation[(node.type_name, node.translation_key)]

    def resolve(self, type_name: str, ref: str, lang: str) -> Node | None:
        """The item a reference points to, in ``lang`` when translated, else in the default language."""
        reads.query("resolve", type_name, ref, lang)
        versions = self._by_translation.get((type_name, ref))
        if not versions:
            return None
        return versions.get(lang) or versions.get(self.default_lang) or next(iter(versions.values()))

    @cached_property
    def backrefs(self) -> dict[tuple[str, str], dict[str, list[Node]]]:
        """(type, translation key) of the referred item -> {referring type -> referring nodes}."""
        table: dict[tuple[str, str], dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
        for node in self.members:
            for name, target_type in ref_fields(type(node._data)):
                value = getattr(node._data, name)
                if value:
                    table[(target_type, value)][node.type_name].append(node)
        return table

    def referring(self, node: Node, type_name: str, lang: str | None = None) -> list[Node]:
        """Items of ``type_name`` that refer to ``node`` (e.g. the vacancies of an organisation)."""
        reads.query("referring", node.key, type_name, lang)
        found = self.backrefs.get((node.type_name, node.translation_key), {}).get(type_name, [])
        lang = lang or node.lang
        # Show the referring items in the page's language where translated, else the default language.
        chosen: dict[str, Node] = {}
        for other in found:
            current = chosen.get(other.translation_key)
            if other.lang == lang or (current is None and other.lang == self.default_lang):
                chosen[other.translation_key] = other
        return sorted(chosen.values(), key=lambda n: (n.title.lower(), n.key))

    def localized(self, type_name: str, lang: str) -> list[Node]:
        """Items of a type for a language listing: translated ones, else the default-language version."""
        return list(self.memo("localized", (type_name, lang), lambda: self._compute_localized(type_name, lang)))

    def _compute_localized(self, type_name: str, lang: str) -> list[Node]:
        chosen: dict[str, Node] = {}
        for node in self.items(type_name, self.default_lang):
            chosen[node.translation_key] = node
        if lang != self.default_lang:
            for node in self.items(type_name, lang):
                chosen[node.translation_key] = node
        return sorted(chosen.values(), key=lambda n: (n.title.lower(), n.key))

    def term(self, vocabulary: str, slug: str):
        vocab = self.vocabularies.get(vocabulary)
        return vocab.term(slug) if vocab else None

    def label(self, vocabulary: str, slug: str, lang: str) -> str:
        term = self.term(vocabulary, slug)
        if term is None:
            return slug
        return languages.pick(term.label, lang, self.default_lang) or slug

    # ------------------------------------------------------------------ time

    @property
    def today(self) -> dt.date:
        """The build date. Reading it makes what is being recorded valid for this day only; the
        questions below record the precise day their answer changes instead."""
        reads.until(self.day + dt.timedelta(days=1))
        return self.day

    @property
    def now(self) -> dt.datetime:
        """The start of the build date (see ``today``)."""
        reads.until(self.day + dt.timedelta(days=1))
        return dates.start_of_day(self.day)

    def is_current(self, node: Node) -> bool:
        """What its type says "current" is (an expired vacancy, a past activity are not); cached."""
        content_type = TYPES[node.type_name]
        if content_type.current is None:
            return True
        return self.memo("current", node.key, lambda: self._current(content_type, node))

    def _current(self, content_type, node: Node) -> bool:
        with reads.recording(with_time=False):  # the rule reads today; record when its answer changes
            value = content_type.current(self, node)
        reads.until(content_type.current_changes(self, node) if content_type.current_changes else self.day + dt.timedelta(days=1))
        return value

    def series_end(self, node: Node) -> dt.datetime | None:
        """When an activity's last date ends; None when it never ends (cached: it expands the whole rule)."""
        return self.memo("series-end", node.key, lambda: dates.last_end(node.data))

    def next_dates(self, node: Node, limit: int = 5) -> list[tuple[dt.datetime, dt.datetime]]:
        """The next (start, end) dates of an activity from the build date on (cached)."""
        return self.memo("next-dates", (node.key, limit), lambda: self._next_dates(node, limit))

    def _next_dates(self, node: Node, limit: int) -> list[tuple[dt.datetime, dt.datetime]]:
        found = dates.occurrences(node.data, after=dates.start_of_day(self.day), limit=limit)
        # The list changes on the first build day that starts at or after the first date's end.
        reads.until(dates.first_day_from(found[0][1]) if found else None)
        return found

    def is_stale(self, node: Node) -> bool:
        reviewed = node.data.last_reviewed
        months = self.site.review_period_months
        stale = reviewed < dates.stale_before(self.day, months)
        reads.until(None if stale else dates.stale_from(reviewed, months))
        return stale


# ----------------------------------------------------------------------------- model introspection


@functools.cache
def ref_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    return tuple((name, marker.type) for name, info in model.model_fields.items() for marker in info.metadata if isinstance(marker, Ref))


def vocab_values(item: BaseModel, path: tuple = ()) -> Iterable[tuple[tuple, str, str]]:
    """(field path, vocabulary, term) for every vocabulary value in an item, nested too."""
    for name, info in type(item).model_fields.items():
        value = getattr(item, name)
        here = path + (name,)
        vocab = next((m.name for m in info.metadata if isinstance(m, Vocab)), None)
        if vocab is not None:
            values = value if isinstance(value, list) else [value]
            for index, term in enumerate(values):
                if term is not None:
                    yield (here + (index,) if isinstance(value, list) else here), vocab, term
        elif isinstance(value, BaseModel):
            yield from vocab_values(value, here)
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from vocab_values(element, here + (index,))


def organisation_field(model: type[BaseModel]) -> str | None:
    """The field that names the organisation an item belongs to (organiser, provider, organisation), if any.
    In the CMS such items are pages under that organisation."""
    return next((name for name, target_type in ref_fields(model) if target_type == "organisation"), None)


def organisation_of(node: Node) -> str | None:
    name = organisation_field(type(node.data))
    return (getattr(node.data, name) or None) if name else None


# ----------------------------------------------------------------------------- building the graph


def build_graph(
    site: SiteConfig,
    vocabularies: dict[str, Vocabulary],
    parsed: list[ParsedItem],
    today: dt.date,
) -> tuple[SiteGraph, list[Problem]]:
    problems: list[Problem] = []
    nodes: list[Node] = []
    default_lang = site.default_language
    seen_slug: dict[tuple[str, str, str], ParsedItem] = {}
    seen_translation: dict[tuple[str, str, str], ParsedItem] = {}

    valid = [entry for entry in sorted(parsed, key=lambda p: p.key) if entry.item is not None]
    # When two files want the same slug (or translation), blame the one that set it explicitly.
    valid.sort(key=lambda entry: (entry.item.slug is not None, entry.item.translation_key is not None, entry.key))
    for entry in valid:
        rel = "content/" + entry.key
        item = entry.item
        if entry.lang not in site.languages:
            problems.append(
                Problem(
                    rel,
                    None,
                    None,
                    f"de taal '{entry.lang}' staat niet in site.yaml",
                    "voeg de taal toe aan 'languages' in content/site.yaml of hernoem het bestand",
                )
            )
            continue
        slug = entry.slug
        translation_key = item.translation_key or entry.file_slug
        slug_key = (entry.type_name, entry.lang, slug)
        if slug_key in seen_slug:
            other = seen_slug[slug_key]
            problems.append(
                Problem(
                    rel,
                    entry.field_lines.get("slug"),
                    "slug",
                    f"de slug '{slug}' wordt al gebruikt door content/{other.key}; twee pagina's krijgen hetzelfde webadres",
                    "geef een van beide een andere bestandsnaam of een andere 'slug'",
                )
            )
            continue
        translation = (entry.type_name, entry.lang, translation_key)
        if translation in seen_translation:
            other = seen_translation[translation]
            problems.append(
                Problem(
                    rel,
                    entry.field_lines.get("translation_key"),
                    "translation_key",
                    f"content/{other.key} is al de vertaling in '{entry.lang}' van '{translation_key}'",
                    "controleer 'translation_key'; per taal kan er één vertaling zijn",
                )
            )
            continue
        seen_slug[slug_key] = entry
        seen_translation[translation] = entry
        url = languages.url(entry.lang, default_lang, f"/{TYPES[entry.type_name].section}/{slug}/")
        nodes.append(Node(entry.key, entry.type_name, entry.lang, slug, translation_key, entry.digest, item, url, entry.field_lines, entry.body_line))
    nodes.sort(key=lambda node: node.key)

    graph = SiteGraph(site=site, vocabularies=vocabularies, members=nodes, day=today)

    siblings: dict[tuple[str, str, str], Node] = {}
    for node in nodes:
        rel = node.source
        for path, vocabulary, term in vocab_values(node.data):
            if vocabulary not in vocabularies:
                continue  # the missing vocabulary file is reported already
            if vocabularies[vocabulary].term(term) is None:
                known = ", ".join(t.slug for t in vocabularies[vocabulary].terms[:12])
                problems.append(
                    Problem(
                        rel,
                        node.field_lines.get(str(path[0])),
                        ".".join(map(str, path)),
                        f"'{term}' staat niet in de lijst {vocabulary}",
                        f"kies een term uit content/vocabularies/{vocabulary}.yaml ({known}…) of voeg de term daar toe",
                    )
                )
        for name, target_type in ref_fields(type(node.data)):
            value = getattr(node.data, name)
            if value and graph.resolve(target_type, value, node.lang) is None:
                folder = TYPES[target_type].folder if target_type in TYPES else target_type
                problems.append(
                    Problem(
                        rel,
                        node.field_lines.get(name),
                        name,
                        f"er is geen {target_type} met de slug '{value}'",
                        f"gebruik de bestandsnaam (zonder .md) van een bestand in content/{folder}/",
                    )
                )
        owner = organisation_of(node)
        if owner is not None:
            # In the CMS these items are pages under their organisation, and sibling pages need their own slug.
            sibling = (node.lang, owner, node.slug)
            if sibling in siblings:
                other = siblings[sibling]
                problems.append(
                    Problem(
                        rel,
                        node.field_lines.get("slug"),
                        "slug",
                        f"de slug '{node.slug}' wordt al gebruikt door {other.source} van dezelfde organisatie '{owner}'; "
                        "in de CMS staan ze samen onder die organisatie en moeten ze elk een eigen slug hebben",
                        "geef een van beide een andere bestandsnaam of een andere 'slug'",
                    )
                )
            else:
                siblings[sibling] = node
        if node.lang != default_lang and graph.resolve(node.type_name, node.translation_key, default_lang) is None:
            problems.append(
                Problem(
                    rel,
                    None,
                    "translation_key",
                    f"er is geen Nederlands origineel met de sleutel '{node.translation_key}'",
                    "noem het bestand naar het Nederlandse bestand (naam.en.md) of zet translation_key op die naam",
                    severity="warning",
                )
            )
    problems += check_coordinates(nodes, vocabularies, site.map.radius_km, lambda slug: graph.label("places", slug, default_lang))
    return graph, problems
