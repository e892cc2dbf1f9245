"""The content model: one pydantic class per content type.

The classes are the single source of truth for the front matter of files in
``content/``. ``docs/content-model.md`` and the JSON Schemas in ``docs/schema/``
are generated from them (``hulpwijzer docs``), and a test fails when they drift.

Field names are English (code); the Dutch labels editors see come from
``label`` in each field's metadata and go through gettext.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from sitegen.i18n import N_
from sitegen.urls import check_media_path, check_site_path, check_url


class FieldError(ValueError):
    """A model-level check that is about one field: problems then name that field and its line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Vocab:
    """Marks a field whose values must be terms of a vocabulary in content/vocabularies/."""

    name: str


@dataclass(frozen=True)
class Ref:
    """Marks a field that refers to another item (of ``type``) by its slug."""

    type: str


@dataclass(frozen=True)
class Markdown:
    """Marks a field that holds Markdown (CommonMark) rather than plain text."""


@dataclass(frozen=True)
class Url:
    """Marks a field whose value becomes a link target: it passes sitegen.urls, the one allow-list.
    tests/test_urls.py checks that every field that looks like a URL carries it."""


UrlText = Annotated[str, Url(), AfterValidator(check_url)]
SitePath = Annotated[str, Url(), AfterValidator(check_site_path)]
MediaPath = Annotated[str, Url(), AfterValidator(check_media_path)]


def field(label: str, help: str, **kwargs: Any) -> Any:
    """A model field with the Dutch label and help text editors see."""
    extra = kwargs.pop("json_schema_extra", {}) or {}
    extra["x-label"] = label
    return Field(description=help, json_schema_extra=extra, **kwargs)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Link(Strict):
    title: str = field(N_("Linktekst"), N_("De tekst van de link, bijvoorbeeld de naam van de website."), min_length=1)
    url: UrlText = field(N_("Adres"), N_("Een webadres (https://…) of een pad op deze site (/informatie/…)."), min_length=1)


class Contact(Strict):
    name: str | None = field(N_("Naam"), N_("Naam van de contactpersoon of afdeling."), default=None)
    phone: str | None = field(N_("Telefoon"), N_("Telefoonnummer, bijvoorbeeld 0575 123 456."), default=None)
    email: str | None = field(N_("E-mail"), N_("E-mailadres."), default=None)
    url: UrlText | None = field(N_("Website of formulier"), N_("Webadres van een website of aanmeldformulier."), default=None)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and ("@" not in value or " " in value):
            raise ValueError("geen geldig e-mailadres; schrijf het als naam@voorbeeld.nl")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and sum(c.isdigit() for c in value) < 3:
            raise ValueError("geen geldig telefoonnummer; schrijf het nummer met cijfers, bijvoorbeeld 0575 123 456")
        return value


class Image(Strict):
    src: MediaPath = field(N_("Afbeelding"), N_("Pad naar het bestand in content/media/, bijvoorbeeld media/logo.png."), min_length=1)
    alt: str = field(
        N_("Alternatieve tekst"),
        N_("Beschrijf in een korte zin wat er op de afbeelding staat, voor wie hem niet kan zien."),
        min_length=1,
    )


class Location(Strict):
    name: str | None = field(N_("Naam van de plek"), N_("Bijvoorbeeld: Buurthuis De Linde."), default=None)
    address: str | None = field(N_("Adres"), N_("Straat en huisnummer."), default=None)
    postcode: str | None = field(N_("Postcode"), N_("Bijvoorbeeld 7201 AB."), default=None)
    place: Annotated[str | None, Vocab("places")] = field(N_("Kern of wijk"), N_("De kern of wijk (uit de lijst kernen)."), default=None)
    latitude: float | None = field(N_("Breedtegraad"), N_("Optioneel, voor de kaart."), default=None, ge=-90, le=90)
    longitude: float | None = field(N_("Lengtegraad"), N_("Optioneel, voor de kaart."), default=None, ge=-180, le=180)

    @model_validator(mode="after")
    def _both_coordinates(self) -> Location:
        if (self.latitude is None) != (self.longitude is None):
            raise FieldError("latitude", "vul breedtegraad én lengtegraad in, of geen van beide")
        return self


class Question(Strict):
    question: str = field(N_("Vraag"), N_("Een vraag zoals een inwoner hem stelt."), min_length=1)
    answer: Annotated[str, Markdown()] = field(N_("Antwoord"), N_("Het antwoord, kort en in gewone woorden."), min_length=1)


class Recurrence(Strict):
    rrule: str | None = field(
        N_("Herhaling (RRULE)"),
        N_("Herhaling volgens RFC 5545, bijvoorbeeld FREQ=MONTHLY;BYDAY=3TU;COUNT=6 (elke derde dinsdag, 6 keer)."),
        default=None,
    )
    dates: list[dt.datetime] = field(N_("Extra data"), N_("Losse extra data en tijden, bijvoorbeeld 2026-03-10 14:00."), default_factory=list)
    exdates: list[dt.datetime] = field(N_("Vervallen data"), N_("Data waarop de activiteit niet doorgaat."), default_factory=list)

    @field_validator("rrule")
    @classmethod
    def _valid_rrule(cls, value: str | None) -> str | None:
        if value is None:
            return value
        from dateutil.rrule import rrulestr

        value = value.removeprefix("RRULE:")
        # A date-only UNTIL would end the series at midnight before that day; editors mean
        # "up to and including that day" (and RFC 5545 wants a date-time with a timed DTSTART).
        value = re.sub(r"UNTIL=(\d{8})(?=;|$)", r"UNTIL=\1T235959", value)
        try:
            rule = rrulestr(value, dtstart=dt.datetime(2000, 1, 1))
        except (ValueError, TypeError, OverflowError) as error:
            raise ValueError(f"geen geldige RRULE ({error}); schrijf bijvoorbeeld FREQ=MONTHLY;BYDAY=3TU;COUNT=6") from None
        # What keeps expanding the rule bounded: whole days or more (a rule per second would need
        # millions of steps to reach today), a step of at least one, and a count the build can list.
        parts = {name.upper(): setting for name, _, setting in (part.partition("=") for part in value.split(";"))}
        if parts.get("FREQ", "").upper() not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
            raise ValueError("herhalen per uur, minuut of seconde kan niet; gebruik FREQ=DAILY, WEEKLY, MONTHLY of YEARLY")
        if parts.keys() & {"BYHOUR", "BYMINUTE", "BYSECOND"}:
            raise ValueError("de tijd komt uit 'start'; haal BYHOUR, BYMINUTE en BYSECOND weg (een tweede tijd is een tweede activiteit)")
        if not 1 <= rule._interval <= MAX_INTERVAL:
            raise ValueError(f"INTERVAL moet een getal van 1 tot en met {MAX_INTERVAL} zijn; schrijf bijvoorbeeld INTERVAL=2 voor om de week")
        if rule._count is not None and not 1 <= rule._count <= MAX_COUNT:
            raise ValueError(f"COUNT moet een getal van 1 tot en met {MAX_COUNT} zijn; laat COUNT weg voor een activiteit zonder einddatum")
        return value


MAX_INTERVAL = 100
MAX_COUNT = 1000


class Registration(Strict):
    required: bool = field(N_("Aanmelden nodig"), N_("Moet iemand zich aanmelden? ja of nee."), default=False)
    how: str | None = field(N_("Hoe aanmelden"), N_("Leg in één zin uit hoe iemand zich aanmeldt."), default=None)
    contact: Contact | None = field(N_("Contact voor aanmelden"), N_("Telefoon, e-mail of formulier."), default=None)


# ----------------------------------------------------------------------------- items


class Item(Strict):
    """Fields every content item has."""

    title: str = field(N_("Titel"), N_("Korte, duidelijke titel in gewone woorden."), min_length=2, max_length=140)
    summary: str = field(
        N_("Samenvatting"),
        N_("Eén zin (B1) die zegt wat dit is en voor wie. Wordt getoond in lijsten en zoekresultaten."),
        min_length=5,
        max_length=300,
    )
    slug: str | None = field(
        N_("Slug"),
        N_("Het laatste deel van het webadres. Laat leeg: dan geldt de bestandsnaam."),
        default=None,
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    )
    translation_key: str | None = field(
        N_("Vertaalsleutel"),
        N_("Koppelt vertalingen van hetzelfde item. Laat leeg: dan geldt de Nederlandse bestandsnaam."),
        default=None,
    )
    last_reviewed: dt.date = field(N_("Laatst gecontroleerd"), N_("Datum waarop iemand heeft gecontroleerd dat alles nog klopt (JJJJ-MM-DD)."))
    needs: Annotated[list[str], Vocab("needs")] = field(N_("Vraaggebieden"), N_("Bij welke vraaggebieden hoort dit?"), default_factory=list)
    audiences: Annotated[list[str], Vocab("audiences")] = field(N_("Doelgroepen"), N_("Voor wie is dit bedoeld?"), default_factory=list)
    image: Image | None = field(N_("Afbeelding"), N_("Optioneel: een afbeelding met alternatieve tekst."), default=None)
    body: Annotated[str, Markdown()] = field(N_("Tekst"), N_("De hoofdtekst in Markdown: onder de front matter van het bestand."), default="")

    @field_validator("needs", "audiences", mode="after")
    @classmethod
    def _no_duplicates(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("een term staat er meer dan één keer in; haal de dubbele weg")
        return value


class InfoPage(Item):
    life_phases: Annotated[list[str], Vocab("life_phases")] = field(
        N_("Levensfase"), N_("In welke fase van de mantelzorg is dit vooral nuttig?"), default_factory=list
    )
    faq: list[Question] = field(N_("Vragen en antwoorden"), N_("Veelgestelde vragen bij dit onderwerp."), default_factory=list)
    related_links: list[Link] = field(N_("Meer informatie"), N_("Links naar landelijke bronnen of andere pagina's."), default_factory=list)
    contact: Contact | None = field(N_("Contact"), N_("Bij wie kunnen mensen terecht met vragen over dit onderwerp?"), default=None)
    weight: int = field(N_("Volgorde"), N_("Lager getal = hoger in lijsten. Standaard 100."), default=100)


class Organisation(Item):
    kind: str | None = field(N_("Soort organisatie"), N_("Bijvoorbeeld: vrijwilligersorganisatie, zorgaanbieder, vereniging."), default=None)
    logo: Image | None = field(N_("Logo"), N_("Logo met alternatieve tekst (meestal de naam van de organisatie)."), default=None)
    website: UrlText | None = field(N_("Website"), N_("Webadres van de organisatie."), default=None)
    email: str | None = field(N_("E-mail"), N_("Algemeen e-mailadres."), default=None)
    phone: str | None = field(N_("Telefoon"), N_("Algemeen telefoonnummer."), default=None)
    locations: list[Location] = field(N_("Locaties"), N_("Adressen waar de organisatie te vinden is."), default_factory=list)
    opening_hours: str | None = field(N_("Openingstijden"), N_("Bijvoorbeeld: maandag tot en met vrijdag 9.00 tot 17.00 uur."), default=None)
    languages: list[str] = field(N_("Talen"), N_("Talen die medewerkers spreken, als taalcode: nl, en, ar, tr, pl, uk."), default_factory=list)
    accessibility: str | None = field(N_("Toegankelijkheid"), N_("Is het gebouw rolstoeltoegankelijk? Is er een invalidentoilet?"), default=None)
    places_served: Annotated[list[str], Vocab("places")] = field(
        N_("Werkgebied"), N_("In welke kernen en wijken is de organisatie actief? Leeg = de hele gemeente."), default_factory=list
    )

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, value: list[str]) -> list[str]:
        for code in value:
            if not (2 <= len(code) <= 3 and code.isalpha() and code.islower()):
                raise ValueError(f"'{code}' is geen taalcode; gebruik twee letters, zoals nl of en")
        return value


class Activity(Item):
    organiser: Annotated[str, Ref("organisation")] = field(N_("Organisator"), N_("De organisatie die dit organiseert (slug)."))
    activity_type: Annotated[str, Vocab("activity_types")] = field(N_("Soort activiteit"), N_("Bijvoorbeeld: lotgenotencontact, cursus."))
    start: dt.datetime = field(N_("Begin"), N_("Datum en tijd van (de eerste keer) beginnen, bijvoorbeeld 2026-03-10 14:00. Tijd in Nederland."))
    end: dt.datetime = field(N_("Einde"), N_("Datum en tijd van het einde van (de eerste keer), bijvoorbeeld 2026-03-10 16:00."))
    recurrence: Recurrence | None = field(N_("Herhaling"), N_("Alleen invullen als de activiteit vaker is."), default=None)
    location: Location | None = field(N_("Plaats"), N_("Waar is het? Laat leeg als het alleen online is."), default=None)
    online: bool = field(N_("Online"), N_("Is het (ook) online? ja of nee."), default=False)
    cost: str | None = field(N_("Kosten"), N_("Wat kost het? Bijvoorbeeld: gratis, of € 5 per keer."), default=None)
    registration: Registration = field(N_("Aanmelden"), N_("Moet iemand zich aanmelden, en hoe?"), default_factory=Registration)

    @model_validator(mode="after")
    def _times(self) -> Activity:
        if self.end <= self.start:
            raise FieldError("end", "het einde ligt voor of op het begin; zet een latere eindtijd")
        if self.end - self.start > dt.timedelta(days=31):
            raise FieldError("end", "een activiteit duurt hier langer dan een maand; gebruik herhaling voor terugkerende activiteiten")
        if self.location is None and not self.online:
            raise FieldError("location", "vul een plaats in (location) of zet online: true")
        for name in ("start", "end"):
            if not FIRST_YEAR <= getattr(self, name).year <= LAST_YEAR:
                raise FieldError(name, f"het jaartal ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}; controleer de datum")
        if self.recurrence is not None and self.recurrence.rrule:
            from sitegen.dates import FIRST_DATE_WITHIN_YEARS, first_rule_date

            naive = frozenset(value.replace(tzinfo=None) for value in self.recurrence.exdates)
            if first_rule_date(self.recurrence.rrule, self.start.replace(tzinfo=None), naive) is None and not self.recurrence.dates:
                raise FieldError(
                    "recurrence.rrule",
                    f"deze herhaling geeft geen enkele datum in de {FIRST_DATE_WITHIN_YEARS} jaar na 'start'"
                    "; controleer de regel (bestaat de dag, zoals 30 februari?) en de vervallen data",
                )
        return self


# Activities are expanded from their start to the build date; these years keep that short.
FIRST_YEAR, LAST_YEAR = 2000, 2199


class RespiteOffer(Item):
    provider: Annotated[str, Ref("organisation")] = field(N_("Aanbieder"), N_("De organisatie die dit aanbiedt (slug)."))
    forms: Annotated[list[str], Vocab("respite_forms")] = field(N_("Vorm"), N_("Welke vorm van respijtzorg is dit?"), min_length=1)
    for_whom: str = field(N_("Voor wie"), N_("Voor wie is het, bijvoorbeeld: mensen met dementie die thuis wonen."))
    age_min: int | None = field(N_("Vanaf leeftijd"), N_("Minimumleeftijd van de persoon die zorg krijgt."), default=None, ge=0, le=120)
    age_max: int | None = field(N_("Tot leeftijd"), N_("Maximumleeftijd van de persoon die zorg krijgt."), default=None, ge=0, le=120)
    frequency: str | None = field(N_("Hoe vaak"), N_("Bijvoorbeeld: een dagdeel per week, of een weekend per maand."), default=None)
    funding: Annotated[list[str], Vocab("funding")] = field(
        N_("Financiering"), N_("Wie betaalt: gratis, eigen betaling, Wmo, Wlz, Zvw, Jeugdwet, pgb."), min_length=1
    )
    referral_needed: bool = field(N_("Indicatie nodig"), N_("Is er een indicatie nodig? ja of nee."))
    own_contribution: bool = field(
        N_("Eigen bijdrage"),
        N_("Betaalt iemand zelf een deel, ook als de Wmo, Wlz of zorgverzekering betaalt? ja of nee. Bij 'eigen betaling' geldt altijd ja."),
        default=False,
    )
    cost: str | None = field(N_("Eigen bijdrage of kosten"), N_("Wat betaalt iemand zelf?"), default=None)
    places: Annotated[list[str], Vocab("places")] = field(N_("Kernen"), N_("In welke kernen of wijken? Leeg = de hele gemeente."), default_factory=list)
    how_to_apply: str = field(N_("Hoe aanvragen"), N_("Wat moet iemand doen om het te krijgen? Eén of twee zinnen."))
    contact: Contact | None = field(N_("Contact"), N_("Contact voor vragen of aanmelden."), default=None)
    location: Location | None = field(N_("Plaats"), N_("Adres, als het aanbod op een vaste plek is."), default=None)

    @model_validator(mode="after")
    def _ages(self) -> RespiteOffer:
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise FieldError("age_max", "de minimumleeftijd is hoger dan de maximumleeftijd")
        # The cost filter reads these two together; a contradiction would put the offer under the wrong answer.
        if self.own_contribution and self.funding == ["gratis"]:
            raise FieldError(
                "own_contribution",
                "bij financiering staat alleen 'gratis', maar eigen bijdrage is ja; zet own_contribution: false of voeg eigen-betaling of wmo toe",
            )
        return self


class Vacancy(Item):
    organisation: Annotated[str, Ref("organisation")] = field(N_("Organisatie"), N_("De organisatie die een vrijwilliger zoekt (slug)."))
    what_you_do: Annotated[str, Markdown()] = field(N_("Wat gaat u doen"), N_("Beschrijf het werk in gewone woorden."), min_length=5)
    what_we_ask: Annotated[str, Markdown()] = field(N_("Wat vragen wij"), N_("Wat moet iemand kunnen of willen?"), default="")
    what_we_offer: Annotated[str, Markdown()] = field(N_("Wat bieden wij"), N_("Wat krijgt de vrijwilliger ervoor terug?"), default="")
    sectors: Annotated[list[str], Vocab("sectors")] = field(N_("Sector"), N_("In welke sector valt het werk?"), min_length=1)
    location: Location | None = field(N_("Plaats"), N_("Waar is het werk? Laat leeg als het vanuit huis kan."), default=None)
    remote: bool = field(N_("Vanuit huis"), N_("Kan het werk vanuit huis of online? ja of nee."), default=False)
    commitment: Annotated[str, Vocab("commitments")] = field(N_("Duur"), N_("eenmalig, kortlopend of structureel."))
    hours: str | None = field(N_("Uren"), N_("Hoeveel tijd kost het, bijvoorbeeld: 2 uur per week."), default=None)
    times: Annotated[list[str], Vocab("times")] = field(N_("Wanneer"), N_("overdag, avond, weekend of flexibel."), default_factory=list)
    suitable_for: Annotated[list[str], Vocab("suitable_for")] = field(N_("Geschikt voor"), N_("Voor wie is dit werk extra geschikt?"), default_factory=list)
    benefits: Annotated[list[str], Vocab("benefits")] = field(
        N_("Wat u krijgt"), N_("training, begeleiding, onkostenvergoeding, VOG vergoed, certificaat."), default_factory=list
    )
    contact: Contact = field(N_("Reageren"), N_("Hoe kan iemand reageren: contactpersoon, e-mail, telefoon of formulier."))
    posted: dt.date = field(N_("Geplaatst op"), N_("Datum waarop de vacature online kwam (JJJJ-MM-DD)."))
    valid_through: dt.date = field(N_("Geldig tot"), N_("Tot en met deze datum staat de vacature online (JJJJ-MM-DD)."))

    @model_validator(mode="after")
    def _dates(self) -> Vacancy:
        if self.valid_through < self.posted:
            raise FieldError("valid_through", "'geldig tot' ligt voor de plaatsingsdatum")
        if self.location is None and not self.remote:
            raise FieldError("location", "vul een plaats in (location) of zet remote: true voor werk vanuit huis")
        if not (self.contact.email or self.contact.phone or self.contact.url):
            raise FieldError("contact", "geef bij contact een e-mailadres, telefoonnummer of formulier (url)")
        return self
