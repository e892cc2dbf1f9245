"""The model of ``content/site.yaml`` and of the vocabularies in ``content/vocabularies/``.

Like ``sitegen.content.model`` (the content types) these classes are the single source of truth:
``docs/content-model.md`` and the JSON Schemas are generated from them.
"""

from __future__ import annotations

import re

from pydantic import field_validator, model_validator

from sitegen import languages
from sitegen.content.model import FieldError, SitePath, Strict, UrlText, field
from sitegen.i18n import N_

LangText = dict[str, str]


class MenuEntry(Strict):
    title: LangText = field(N_("Titel"), N_("Titel per taal, bijvoorbeeld nl: Informatie."))
    url: SitePath = field(N_("Adres"), N_("Pad op de site zonder taalvoorvoegsel, bijvoorbeeld /informatie/."))


class CrisisLine(Strict):
    name: LangText = field(N_("Naam"), N_("Naam van de hulplijn per taal."))
    phone: str = field(N_("Telefoon"), N_("Telefoonnummer."))
    description: LangText = field(N_("Uitleg"), N_("Eén zin: wanneer belt iemand deze lijn?"), default_factory=dict)


class Loket(Strict):
    name: LangText = field(N_("Naam"), N_("Naam van het centrale loket per taal."))
    phone: str = field(N_("Telefoon"), N_("Telefoonnummer van het loket."))
    email: str = field(N_("E-mail"), N_("E-mailadres van het loket."))
    address: str = field(N_("Adres"), N_("Bezoekadres."))
    opening_hours: LangText = field(N_("Openingstijden"), N_("Openingstijden per taal."))


class MapSettings(Strict):
    tiles: UrlText | None = field(
        N_("Eigen kaarttegels"),
        N_(
            "Optioneel: het adres van de kaarttegels van de gemeente zelf, met {z}, {x} en {y}, bijvoorbeeld "
            "https://kaart.gemeente.nl/tegels/{z}/{x}/{y}.png. Leeg: de site tekent zelf een kaart van de kernen, zonder andere websites."
        ),
        default=None,
    )
    attribution: str | None = field(
        N_("Bron van de kaart"), N_("De bronvermelding die bij de tegels hoort, bijvoorbeeld: Kaart: Gemeente Lindeveld."), default=None
    )
    radius_km: float = field(
        N_("Straal van de gemeente"),
        N_("Hoe ver (in km) een plek van de dichtstbijzijnde kern mag liggen; verder weg is vast een tikfout. Standaard 15."),
        default=15,
        gt=0,
        le=200,
    )

    @field_validator("tiles")
    @classmethod
    def _tile_template(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if not value.startswith("https://"):
            raise ValueError("kaarttegels moeten via https komen; begin het adres met https://")
        if not all(part in value for part in ("{z}", "{x}", "{y}")):
            raise ValueError("het adres van de tegels mist {z}, {x} of {y}; schrijf bijvoorbeeld https://kaart.gemeente.nl/tegels/{z}/{x}/{y}.png")
        return value


class SiteConfig(Strict):
    name: LangText = field(N_("Naam van de site"), N_("Per taal, bijvoorbeeld nl: Hulpwijzer Lindeveld."))
    municipality: str = field(N_("Gemeente"), N_("Naam van de gemeente."))
    base_url: str = field(N_("Webadres"), N_("Het adres waar de site staat, zonder / aan het eind."), pattern=r"^https?://[^/\s]+(/[^\s]*[^/\s])?$")
    languages: list[str] = field(N_("Talen"), N_("Talen van de site als taalcode (nl, en, ar, tr, pl, uk…); de eerste is de standaardtaal."), min_length=1)
    loket: Loket = field(N_("Centraal loket"), N_("Het contactpunt dat op elke pagina staat."))
    crisis_lines: list[CrisisLine] = field(N_("Hulplijnen"), N_("Hulplijnen voor als het echt niet meer gaat."), default_factory=list)
    menu: list[MenuEntry] = field(N_("Hoofdmenu"), N_("De onderdelen in het hoofdmenu."), default_factory=list)
    footer_links: list[MenuEntry] = field(N_("Links onderaan"), N_("Links in de voettekst."), default_factory=list)
    theme: str = field(N_("Thema"), N_("Naam van de map in themes/."), default="default")
    review_period_months: int = field(N_("Controletermijn"), N_("Na hoeveel maanden moet een item opnieuw gecontroleerd worden?"), default=12, ge=1)
    map: MapSettings = field(N_("Kaart"), N_("Optioneel: instellingen van de kaart met het aanbod."), default_factory=MapSettings)
    meilisearch: dict[str, str] | None = field(
        N_("Meilisearch"), N_("Optioneel: url en search_key (alleen de zoeksleutel, nooit de hoofdsleutel)."), default=None
    )

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        for code in value:
            if not languages.is_known(code):
                raise ValueError(f"'{code}' is geen taalcode die Hulpwijzer kent; gebruik een code van twee letters, zoals tr of uk")
        if len(set(value)) != len(value):
            raise ValueError("een taal staat er meer dan één keer in; haal de dubbele weg")
        return value

    @field_validator("theme")
    @classmethod
    def _theme_is_a_name(cls, value: str) -> str:
        # A name, not a path: themes/../x or /etc would read templates from outside themes/.
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
            raise ValueError("een thema is de naam van een map in themes/, geen pad; gebruik alleen kleine letters, cijfers en streepjes, zoals default")
        return value

    @property
    def default_language(self) -> str:
        return self.languages[0]


class Term(Strict):
    slug: str = field(N_("Code"), N_("Korte code in kleine letters, bijvoorbeeld respijtzorg."), pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    label: LangText = field(N_("Naam"), N_("Naam per taal."))
    description: LangText = field(N_("Uitleg"), N_("Korte uitleg per taal."), default_factory=dict)
    everyday: LangText = field(N_("In gewone woorden"), N_("Hoe inwoners het zelf zeggen, bijvoorbeeld 'even vrij van de zorg'."), default_factory=dict)
    synonyms: list[str] = field(N_("Zoekwoorden"), N_("Woorden waarmee mensen dit zoeken."), default_factory=list)
    latitude: float | None = field(
        N_("Breedtegraad"), N_("Alleen voor kernen en wijken, optioneel: het midden, voor de kaart (bijvoorbeeld 52.14)."), default=None, ge=-90, le=90
    )
    longitude: float | None = field(
        N_("Lengtegraad"), N_("Alleen voor kernen en wijken, optioneel: het midden, voor de kaart (bijvoorbeeld 6.20)."), default=None, ge=-180, le=180
    )

    @field_validator("label")
    @classmethod
    def _has_dutch(cls, value: LangText) -> LangText:
        if "nl" not in value:
            raise ValueError("de Nederlandse naam ontbreekt; voeg 'nl: …' toe")
        return value

    @model_validator(mode="after")
    def _both_coordinates(self) -> Term:
        if (self.latitude is None) != (self.longitude is None):
            raise FieldError("latitude", "vul breedtegraad én lengtegraad in, of geen van beide")
        return self


class Vocabulary(Strict):
    name: LangText = field(N_("Naam"), N_("Naam van de lijst per taal."))
    terms: list[Term] = field(N_("Termen"), N_("De termen in de lijst."), min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Vocabulary:
        seen: set[str] = set()
        for term in self.terms:
            if term.slug in seen:
                raise FieldError("terms", f"de code '{term.slug}' staat twee keer in de lijst")
            seen.add(term.slug)
        return self

    def term(self, slug: str) -> Term | None:
        for term in self.terms:
            if term.slug == slug:
                return term
        return None


VOCABULARY_NAMES = (
    "needs",
    "audiences",
    "life_phases",
    "respite_forms",
    "funding",
    "sectors",
    "activity_types",
    "places",
    "commitments",
    "times",
    "suitable_for",
    "benefits",
)
