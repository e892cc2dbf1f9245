"""The content-type registry: everything about a type of item, in one definition.

A ``ContentType`` says where its files live, its URL, its names, which facets its listing
offers and in which order, how its listing is sorted, what "current" means for it, which
fields search reads, which schema.org and HSDS shapes it has and where it sits in the CMS.
Every part of Hulpwijzer (listings, hubs, sitemap, search, feeds, widget, structured data,
the CMS) reads this registry instead of switching on the type name, so a new type is one
``register(ContentType(...))`` plus its detail template.

The fields of a type are its pydantic model (``sitegen.content.model``); this module only
adds what the model does not say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sitegen import dates
from sitegen.content import model as m
from sitegen.content.respite_terms import AGE_GROUPS, age_groups_of, costs_of, referral_of
from sitegen.content.selftest import SelfTest
from sitegen.i18n import N_

# What a listing needs from the build to sort and filter (the graph, passed in by the caller).
Graph = Any
Node = Any


@dataclass(frozen=True)
class Facet:
    """One filter of a listing: its URL segment, its vocabulary and how to read an item's terms."""

    segment: str  # URL part, e.g. "vorm" in /respijtzorg/vorm/logeeropvang/
    vocabulary: str | None  # None: the terms are ``extra_terms`` only (derived facets such as age groups)
    title: str  # Dutch label (gettext msgid) shown above the filter links
    values: Callable[[m.Item], list[str]]
    everywhere_if_empty: bool = False  # an empty list means "the whole municipality"
    # Terms that are not in the vocabulary, (slug, msgid), e.g. work from home as a place.
    extra_terms: tuple[tuple[str, str], ...] = ()

    def matches(self, item: m.Item, term: str) -> bool:
        values = self.values(item)
        if not values and self.everywhere_if_empty:
            return True
        return term in values


def values_of(name: str) -> Callable[[m.Item], list[str]]:
    """A facet that reads a field: a list of terms or a single term."""

    def read(item: m.Item) -> list[str]:
        value = getattr(item, name)
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]

    return read


def place_of(item: m.Item) -> list[str]:
    location = getattr(item, "location", None)
    return [location.place] if location is not None and location.place else []


@dataclass(frozen=True)
class CmsPlace:
    """Where pages of a type live in the CMS page tree."""

    parent: str  # "index" (an index page of its own under home) or the name of another type
    index_title: str = ""  # the index page's title, when parent == "index"


@dataclass(frozen=True)
class SearchWeights:
    """How much a word counts where it stands in a type's search document (Pagefind's
    ``data-pagefind-weight``; search/site.py). ``boost`` multiplies the type's search scores: a type
    preference (information pages explain a topic and point to every provider), never a provider preference."""

    title: float = 7.0
    summary: float = 3.0
    text: float = 1.0
    keywords: float = 2.0  # vocabulary labels, synonyms, everyday phrases, organisation name
    boost: float = 1.0


@dataclass(frozen=True)
class ContentType:
    build_wide = True  # code, the same for every build of this version (sitegen.build.fingerprint)
    name: str  # code name, e.g. "activity"; also the template name detail/<name>.html
    model: type[m.Item]
    folder: str  # content/<folder>/
    section: str  # URL segment of the listing and detail pages, e.g. "activiteiten"
    label: str  # singular, e.g. "Activiteit" (gettext msgid)
    plural: str  # the listing's title, e.g. "Activiteiten"
    search_label: str  # the name in the search page's type filter
    cms_name: tuple[str, str]  # (singular, plural) as editors read them in lists
    cms: CmsPlace
    facets: tuple[Facet, ...] = ()
    # (graph, node) -> sort key of a listing; default: by title.
    sort_key: Callable[[Graph, Node], Any] | None = None
    # (graph, node) -> is the item current (listed, searchable, indexable)? default: always.
    current: Callable[[Graph, Node], bool] | None = None
    # (graph, node) -> the first build date on which ``current`` may answer differently, None when
    # never; default: the next day. Lets an unchanged output stay until time really changes it.
    current_changes: Callable[[Graph, Node], dt.date | None] | None = None
    # (graph, node) -> does a current item have something to show in a listing now? default: yes.
    listable: Callable[[Graph, Node], bool] | None = None
    text_fields: tuple[str, ...] = ()  # free text that search reads besides title, summary and body
    search_weights: SearchWeights = SearchWeights()
    schema_type: str = "WebPage"  # schema.org type of the detail page's JSON-LD
    hsds: str | None = None  # "organization" or "service": how the open-data feed exports it
    in_hubs: bool = True  # listed on the topic pages (/onderwerp/…, /voor-wie/…)
    # On the printable leaflets per need and per kern and on the map (sitegen.parts.leaflets, .map):
    # things a resident can go to or call, not background pages or vacancies.
    on_paper_and_map: bool = False
    related: bool = False  # offered as "related" under other detail pages
    shows_related: bool = True  # its detail page shows related items (items that share a need)
    listing_template: str = "listing.html"
    card_template: str = "partials/card.html"
    page_size: int = 20
    description: str = ""  # a line under the listing's title (gettext msgid)
    # Build a filter page for every term, also without items: partners link to them (the widget).
    stable_filter_urls: bool = False
    dates_field: str | None = None  # a field whose date the Atom feed uses instead of last_reviewed
    # (graph, node) -> (data attribute, ISO moment) that static/js/expiry.js reads to mark the item
    # out of date once that moment passes between two builds; None: it does not expire.
    expiry: Callable[[Graph, Node], tuple[str, str] | None] | None = None
    listing_links: tuple[tuple[str, str], ...] = ()  # (site path, msgid): links under the listing
    on_home: bool = False  # each item gets a tile on the home page (its title and summary)
    helps_carers: bool = True  # its items are help for carers: the self-test may advise them

    @property
    def detail_template(self) -> str:
        return f"detail/{self.name}.html"


def _vacancy_current(graph: Graph, node: Node) -> bool:
    return node.data.posted <= graph.today <= node.data.valid_through


def _vacancy_current_changes(graph: Graph, node: Node) -> dt.date | None:
    if graph.day < node.data.posted:
        return node.data.posted
    return node.data.valid_through + dt.timedelta(days=1) if graph.day <= node.data.valid_through else None


def _activity_current_changes(graph: Graph, node: Node) -> dt.date | None:
    end = graph.series_end(node)
    return dates.first_day_from(end) if end is not None and end > dates.start_of_day(graph.day) else None


def _activity_current(graph: Graph, node: Node) -> bool:
    end = graph.series_end(node)
    return end is None or end > graph.now


def _activity_expiry(graph: Graph, node: Node) -> tuple[str, str] | None:
    last = graph.series_end(node)
    return ("data-hw-ends", last.isoformat()) if last else None


def _organisation_places(item: m.Organisation) -> list[str]:
    found = list(item.places_served)
    found += [loc.place for loc in item.locations if loc.place and loc.place not in found]
    return found


def _vacancy_places(item: m.Vacancy) -> list[str]:
    return place_of(item) + (["vanuit-huis"] if item.remote else [])


NEEDS = Facet("onderwerp", "needs", N_("Onderwerp"), values_of("needs"))
AUDIENCES = Facet("voor-wie", "audiences", N_("Voor wie"), values_of("audiences"))

BUILT_IN: tuple[ContentType, ...] = (
    ContentType(
        "page",
        m.InfoPage,
        "pages",
        "informatie",
        N_("Informatiepagina"),
        N_("Informatie"),
        N_("Informatie"),
        (N_("informatiepagina"), N_("informatiepagina's")),
        CmsPlace("index", N_("Informatie")),
        facets=(NEEDS, AUDIENCES, Facet("fase", "life_phases", N_("Fase"), values_of("life_phases"))),
        sort_key=lambda graph, node: (node.data.weight, node.title.lower()),
        related=True,
        search_weights=SearchWeights(boost=1.05),
    ),
    ContentType(
        "organisation",
        m.Organisation,
        "organisations",
        "organisaties",
        N_("Organisatie"),
        N_("Organisaties"),
        N_("Organisatie"),
        (N_("organisatie"), N_("organisaties")),
        CmsPlace("index", N_("Organisaties")),
        facets=(NEEDS, AUDIENCES, Facet("kern", "places", N_("Kern of wijk"), _organisation_places, everywhere_if_empty=True)),
        text_fields=("kind", "opening_hours", "accessibility"),
        schema_type="Organization",
        hsds="organization",
        on_paper_and_map=True,
    ),
    ContentType(
        "activity",
        m.Activity,
        "activities",
        "activiteiten",
        N_("Activiteit"),
        N_("Activiteiten"),
        N_("Activiteit"),
        (N_("activiteit"), N_("activiteiten")),
        CmsPlace("organisation"),
        facets=(
            Facet("soort", "activity_types", N_("Soort activiteit"), values_of("activity_type")),
            NEEDS,
            AUDIENCES,
            Facet("kern", "places", N_("Kern of wijk"), place_of),
        ),
        sort_key=lambda graph, node: (graph.next_dates(node, 1)[0][0], node.title.lower()),
        current=_activity_current,
        current_changes=_activity_current_changes,
        listable=lambda graph, node: bool(graph.next_dates(node, 1)),
        expiry=_activity_expiry,
        listing_links=(("/agenda/", N_("Bekijk alle data in de agenda")),),
        text_fields=("cost",),
        schema_type="Event",
        hsds="service",
        related=True,
        on_paper_and_map=True,
    ),
    ContentType(
        "offer",
        m.RespiteOffer,
        "offers",
        "respijtzorg",
        N_("Respijtzorgaanbod"),
        N_("Respijtzorg: even vrij van de zorg"),
        N_("Respijtzorg"),
        (N_("respijtzorgaanbod"), N_("respijtzorgaanbod")),
        CmsPlace("organisation"),
        facets=(
            Facet("vorm", "respite_forms", N_("Vorm"), values_of("forms")),
            Facet("betaling", "funding", N_("Wie betaalt"), values_of("funding")),
            Facet("kern", "places", N_("Kern of wijk"), values_of("places"), everywhere_if_empty=True),
            AUDIENCES,
            Facet("indicatie", None, N_("Indicatie nodig?"), referral_of, extra_terms=(("ja", N_("Ja, met indicatie")), ("nee", N_("Nee, zonder indicatie")))),
            Facet(
                "kosten",
                None,
                N_("Wat kost het u?"),
                costs_of,
                extra_terms=(
                    ("gratis", N_("Gratis")),
                    ("eigen-bijdrage", N_("U betaalt zelf (een deel)")),
                    ("vergoed", N_("Vergoed (Wmo, Wlz, Zvw, Jeugdwet of pgb)")),
                ),
            ),
            Facet(
                "leeftijd",
                None,
                N_("Leeftijd van uw naaste"),
                age_groups_of,
                everywhere_if_empty=True,
                extra_terms=tuple((slug, label) for slug, label, _first, _last in AGE_GROUPS),
            ),
        ),
        text_fields=("for_whom", "frequency", "cost", "how_to_apply"),
        schema_type="Service",
        hsds="service",
        related=True,
        on_paper_and_map=True,
    ),
    ContentType(
        "vacancy",
        m.Vacancy,
        "vacancies",
        "vacatures",
        N_("Vacature"),
        N_("Vrijwilligerswerk"),
        N_("Vrijwilligerswerk"),
        (N_("vacature"), N_("vacatures")),
        CmsPlace("organisation"),
        facets=(
            Facet("sector", "sectors", N_("Sector"), values_of("sectors")),
            Facet("kern", "places", N_("Waar"), _vacancy_places, extra_terms=(("vanuit-huis", N_("Vanuit huis of online")),)),
            Facet("duur", "commitments", N_("Hoe lang"), values_of("commitment")),
            Facet("wanneer", "times", N_("Wanneer"), values_of("times")),
            Facet("geschikt-voor", "suitable_for", N_("Geschikt voor"), values_of("suitable_for")),
            Facet("wat-je-krijgt", "benefits", N_("Wat u krijgt"), values_of("benefits")),
        ),
        sort_key=lambda graph, node: (-node.data.posted.toordinal(), node.title.lower()),
        current=_vacancy_current,
        current_changes=_vacancy_current_changes,
        expiry=lambda graph, node: ("data-hw-valid-through", node.data.valid_through.isoformat()),
        text_fields=("what_you_do", "what_we_ask", "what_we_offer", "hours"),
        # A vacancy about a service ("vrijwilliger hospice") ranks just below the service itself.
        search_weights=SearchWeights(boost=0.85),
        schema_type="JobPosting",
        description=N_("Vrijwilligerswerk bij organisaties in de buurt. Kies wat bij u past."),
        stable_filter_urls=True,
        shows_related=False,
        listing_template="vacancies/listing.html",
        card_template="vacancies/card.html",
        dates_field="posted",
        helps_carers=False,  # volunteering is what a resident can give, not help they get
    ),
    ContentType(
        "selftest",
        SelfTest,
        "selftests",
        "zelftest",
        N_("Zelftest"),
        N_("Zelftests"),
        N_("Zelftest"),
        (N_("zelftest"), N_("zelftests")),
        CmsPlace("index", N_("Zelftests")),
        description=N_("Korte vragenlijsten die laten zien welke hulp bij u past. Uw antwoorden blijven op uw apparaat."),
        in_hubs=False,
        shows_related=False,
        on_home=True,
        helps_carers=False,
    ),
)


@dataclass
class Registry:
    """The content types of a site, in menu order."""

    types: dict[str, ContentType] = field(default_factory=dict)

    def register(self, content_type: ContentType) -> ContentType:
        if content_type.name in self.types:
            raise ValueError(f"content type {content_type.name!r} is registered twice")
        for other in self.types.values():
            if other.folder == content_type.folder or other.section == content_type.section:
                raise ValueError(f"content type {content_type.name!r} shares a folder or section with {other.name!r}")
        self.types[content_type.name] = content_type
        return content_type

    def unregister(self, name: str) -> None:
        self.types.pop(name)

    def __getitem__(self, name: str) -> ContentType:
        return self.types[name]

    def __iter__(self):
        return iter(self.types.values())

    def __contains__(self, name: str) -> bool:
        return name in self.types

    def names(self) -> list[str]:
        return list(self.types)

    def by_folder(self, folder: str) -> ContentType | None:
        return next((t for t in self.types.values() if t.folder == folder), None)

    def of_model(self, model: type) -> ContentType:
        return next(t for t in self.types.values() if t.model is model)


TYPES = Registry()
for _type in BUILT_IN:
    TYPES.register(_type)
