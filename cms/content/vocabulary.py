"""The vocabularies (content/vocabularies/<name>.yaml) as snippets: a list with its terms."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from cms.content import dbfields, siteconfig
from cms.content.langtext import LangTextField, default_language
from sitegen.content.site_model import VOCABULARY_NAMES


class Vocabulary(ClusterableModel):
    """One list of terms (content/vocabularies/<name>.yaml)."""

    name = dbfields.CharField(
        _("code"),
        max_length=40,
        unique=True,
        choices=[(n, n) for n in VOCABULARY_NAMES],
        help_text=_("Welke lijst dit is; de naam van het bestand in content/vocabularies/."),
    )
    title = LangTextField(_("naam"), default_required=True, help_text=_("Naam van de lijst, in elke taal van de site."))
    source_text = dbfields.TextField(blank=True, editable=False, help_text=_("Het bestand zoals het geïmporteerd is."))

    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("title"),
        InlinePanel("terms", heading=_("Termen"), label=_("Term")),
    ]

    class Meta:
        verbose_name = _("lijst met termen")
        verbose_name_plural = _("lijsten met termen")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.display_title()} ({self.name})"

    def display_title(self) -> str:
        return self.title.get(default_language()) or next(iter(self.title.values()), self.name)

    display_title.short_description = _("naam")

    @classmethod
    def load(cls, name: str, text: str) -> Vocabulary:
        """Create or replace the snippet for one vocabulary file."""
        model = siteconfig.parse_vocabulary(text)
        vocabulary = cls.objects.filter(name=name).first() or cls(name=name)
        vocabulary.title = dict(model.name)
        vocabulary.source_text = text
        vocabulary.terms = [
            Term(
                slug=term.slug,
                synonyms=", ".join(term.synonyms),
                label=dict(term.label),
                description=dict(term.description),
                everyday=dict(term.everyday),
                latitude=term.latitude,
                longitude=term.longitude,
            )
            for term in model.terms
        ]
        vocabulary.save()
        return vocabulary


class Term(Orderable):
    vocabulary = ParentalKey(Vocabulary, on_delete=models.CASCADE, related_name="terms")
    slug = dbfields.SlugField(
        _("code"), max_length=80, help_text=_("Korte code in kleine letters, bijvoorbeeld respijtzorg. Verander hem niet als hij al gebruikt wordt.")
    )
    label = LangTextField(_("naam"), default_required=True, help_text=_("Naam zoals inwoners hem lezen, in elke taal van de site."))
    description = LangTextField(_("uitleg"), multiline=True, help_text=_("Korte uitleg, in elke taal van de site."))
    everyday = LangTextField(_("in gewone woorden"), help_text=_("Hoe inwoners het zelf zeggen, in elke taal van de site."))
    synonyms = dbfields.TextField(_("zoekwoorden"), blank=True, help_text=_("Woorden waarmee mensen dit zoeken, gescheiden door komma's."))
    # Only kernen use these: the middle of the kern on the map (sitegen/parts/map.py).
    latitude = dbfields.FloatField(
        _("breedtegraad"), null=True, blank=True, help_text=_("Alleen voor kernen, optioneel: het midden, voor de kaart (bijvoorbeeld 52.14).")
    )
    longitude = dbfields.FloatField(
        _("lengtegraad"), null=True, blank=True, help_text=_("Alleen voor kernen, optioneel: het midden, voor de kaart (bijvoorbeeld 6.20).")
    )

    panels = [
        FieldPanel("slug"),
        FieldPanel("label"),
        FieldPanel("description"),
        FieldPanel("everyday"),
        FieldPanel("synonyms"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("term")
        verbose_name_plural = _("termen")

    def __str__(self) -> str:
        return self.label.get(default_language()) or self.slug


def term_choices(name: str) -> list[tuple[str, str]]:
    """(slug, label in the site's default language) of the terms of one vocabulary, in order."""
    lang = default_language()
    terms = Term.objects.filter(vocabulary__name=name).order_by("sort_order").values_list("slug", "label")
    return [(slug, (label or {}).get(lang) or slug) for slug, label in terms]
