"""Page types, vocabulary snippets and site settings, mirroring ``sitegen.content.model``.

The page tree decides who may edit what:

    Home ─┬─ Informatie (InformationIndexPage) ── InfoPage
          └─ Organisaties (OrganisationIndexPage) ── OrganisationPage ─┬─ ActivityPage
                                                                       ├─ RespiteOfferPage
                                                                       └─ VacancyPage

Activities, respite offers and vacancies live under the organisation that runs
them (their ``organiser``/``provider``/``organisation`` reference is the parent),
so a partner group that may edit one organisation page may edit exactly its
own activities and vacancies.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.content import mapping
from sitegen.content.model import Activity, InfoPage, Organisation, RespiteOffer, Vacancy
from sitegen.content.site_model import VOCABULARY_NAMES

# ----------------------------------------------------------------------------- vocabularies


class Vocabulary(ClusterableModel):
    """One list of terms (content/vocabularies/<name>.yaml)."""

    name = models.CharField(
        _("code"), max_length=40, unique=True, choices=[(n, n) for n in VOCABULARY_NAMES],
        help_text=_("Welke lijst dit is; de naam van het bestand in content/vocabularies/."),
    )
    title_nl = models.CharField(_("naam (Nederlands)"), max_length=200, help_text=_("Naam van de lijst in het Nederlands."))
    title_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True, help_text=_("Naam van de lijst in het Engels."))
    title_ar = models.CharField(_("naam (Arabisch)"), max_length=200, blank=True, help_text=_("Naam van de lijst in het Arabisch."))
    source_text = models.TextField(blank=True, editable=False, help_text=_("Het bestand zoals het geïmporteerd is."))

    panels = [
        FieldPanel("name", read_only=True),
        FieldRowPanel([FieldPanel("title_nl"), FieldPanel("title_en"), FieldPanel("title_ar")]),
        InlinePanel("terms", heading=_("Termen"), label=_("Term")),
    ]

    class Meta:
        verbose_name = _("lijst met termen")
        verbose_name_plural = _("lijsten met termen")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.title_nl} ({self.name})"


class Term(Orderable):
    vocabulary = ParentalKey(Vocabulary, on_delete=models.CASCADE, related_name="terms")
    slug = models.SlugField(_("code"), max_length=80, help_text=_("Korte code in kleine letters, bijvoorbeeld respijtzorg. Verander hem niet als hij al gebruikt wordt."))
    label_nl = models.CharField(_("naam (Nederlands)"), max_length=200, help_text=_("Naam zoals inwoners hem lezen."))
    label_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True, help_text=_("Naam in het Engels."))
    label_ar = models.CharField(_("naam (Arabisch)"), max_length=200, blank=True, help_text=_("Naam in het Arabisch."))
    description_nl = models.TextField(_("uitleg (Nederlands)"), blank=True, help_text=_("Korte uitleg in het Nederlands."))
    description_en = models.TextField(_("uitleg (Engels)"), blank=True, help_text=_("Korte uitleg in het Engels."))
    description_ar = models.TextField(_("uitleg (Arabisch)"), blank=True, help_text=_("Korte uitleg in het Arabisch."))
    everyday_nl = models.CharField(_("in gewone woorden (Nederlands)"), max_length=300, blank=True, help_text=_("Hoe inwoners het zelf zeggen."))
    everyday_en = models.CharField(_("in gewone woorden (Engels)"), max_length=300, blank=True, help_text=_("Hoe inwoners het zelf zeggen, in het Engels."))
    everyday_ar = models.CharField(_("in gewone woorden (Arabisch)"), max_length=300, blank=True, help_text=_("Hoe inwoners het zelf zeggen, in het Arabisch."))
    synonyms = models.TextField(_("zoekwoorden"), blank=True, help_text=_("Woorden waarmee mensen dit zoeken, gescheiden door komma's."))

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("label_nl"), FieldPanel("label_en"), FieldPanel("label_ar")]),
        FieldRowPanel([FieldPanel("description_nl"), FieldPanel("description_en"), FieldPanel("description_ar")]),
        FieldRowPanel([FieldPanel("everyday_nl"), FieldPanel("everyday_en"), FieldPanel("everyday_ar")]),
        FieldPanel("synonyms"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("term")
        verbose_name_plural = _("termen")

    def __str__(self) -> str:
        return self.label_nl


def vocabulary_choices(name: str) -> list[tuple[str, str]]:
    return list(Term.objects.filter(vocabulary__name=name).order_by("sort_order").values_list("slug", "label_nl"))


# ----------------------------------------------------------------------------- site settings


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """content/site.yaml. The simple parts are fields; menus and help lines are YAML."""

    name_nl = models.CharField(_("naam van de site (Nederlands)"), max_length=200, help_text=_("Bijvoorbeeld: Hulpwijzer Lindeveld."))
    name_en = models.CharField(_("naam van de site (Engels)"), max_length=200, blank=True, help_text=_("De naam in het Engels."))
    name_ar = models.CharField(_("naam van de site (Arabisch)"), max_length=200, blank=True, help_text=_("De naam in het Arabisch."))
    municipality = models.CharField(_("gemeente"), max_length=200, help_text=_("Naam van de gemeente."))
    base_url = models.URLField(_("webadres"), help_text=_("Het adres waar de site staat, zonder / aan het eind."))
    languages = models.CharField(_("talen"), max_length=60, default="nl, en, ar", help_text=_("Talen van de site, gescheiden door komma's; de eerste is de standaardtaal."))
    theme = models.CharField(_("thema"), max_length=60, default="default", help_text=_("Naam van de map in themes/."))
    review_period_months = models.PositiveIntegerField(
        _("controletermijn in maanden"), default=12,
        help_text=_("Na hoeveel maanden moet een pagina opnieuw gecontroleerd worden? Standaard 12."),
    )
    structured_yaml = models.TextField(
        _("loket, hulplijnen en menu's (YAML)"), blank=True,
        help_text=_("Het centrale loket, de hulplijnen, het hoofdmenu en de links onderaan, in YAML zoals in content/site.yaml."),
    )
    source_text = models.TextField(blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en"), FieldPanel("name_ar")]),
        FieldPanel("municipality"),
        FieldPanel("base_url"),
        FieldPanel("languages"),
        FieldPanel("theme"),
        FieldPanel("review_period_months"),
        FieldPanel("structured_yaml"),
    ]

    class Meta:
        verbose_name = _("instellingen van de Hulpwijzer")

    def clean(self):
        from django.core.exceptions import ValidationError as DjangoValidationError
        from pydantic import ValidationError

        from cms.content.siteconfig import site_to_text
        from sitegen.content.parse import problems_from_validation

        try:
            site_to_text(self)
        except ValidationError as error:
            messages = [f"{p.field or ''}: {p.message}; {p.fix}" for p in problems_from_validation(error, "content/site.yaml", None)]
            raise DjangoValidationError(messages) from None
        except ValueError as error:
            raise DjangoValidationError(f"De YAML klopt niet: {error}") from None


# ----------------------------------------------------------------------------- pages


class HomePage(Page):
    """The start of the site in one language; the build makes the real home page."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.InformationIndexPage", "content.OrganisationIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")


class InformationIndexPage(Page):
    """Folder for information pages."""

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.InfoPagePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("map informatiepagina's")


class OrganisationIndexPage(Page):
    """Folder for organisations (and, below them, their activities, offers and vacancies)."""

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.OrganisationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("map organisaties")


class ContentPageForm(WagtailAdminPageForm):
    """Vocabulary fields as check boxes; the whole item validated by the generator's model."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        for kind in mapping.item_fields(model.item_model):
            if kind.name not in self.fields:
                continue
            label, help_text = self.fields[kind.name].label, self.fields[kind.name].help_text
            if kind.kind == "vocab_list":
                self.fields[kind.name] = forms.MultipleChoiceField(
                    choices=vocabulary_choices(kind.vocabulary), widget=forms.CheckboxSelectMultiple,
                    required=bool(model.item_model.model_fields[kind.name].metadata and _min_length(model.item_model, kind.name)),
                    label=label, help_text=help_text,
                )
            elif kind.kind == "vocab":
                self.fields[kind.name] = forms.ChoiceField(
                    choices=[("", "---------")] + vocabulary_choices(kind.vocabulary), required=kind.required and not kind.optional,
                    label=label, help_text=help_text,
                )
            elif kind.kind == "list_text":
                self.fields[kind.name] = CommaListField(required=False, label=label, help_text=help_text)

    def clean(self):
        cleaned = super().clean()
        # Keep the stored order when only unrelated fields changed (byte-identical export).
        for kind in mapping.item_fields(self._meta.model.item_model):
            if kind.kind == "vocab_list" and kind.name in cleaned:
                before = list(getattr(self.instance, kind.name) or [])
                if set(before) == set(cleaned[kind.name]):
                    cleaned[kind.name] = before
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        from cms.content.convert import ItemInvalid, validate_page

        try:
            validate_page(self.instance)
        except ItemInvalid as error:
            for field_name, message in error.messages:
                if field_name in self.fields:
                    self.add_error(field_name, message)
                else:
                    self.add_error(None, f"{field_name}: {message}" if field_name else message)


def _min_length(model, name: str) -> bool:
    return any(getattr(m, "min_length", None) for m in model.model_fields[name].metadata)


class CommaListField(forms.CharField):
    """A list of short codes typed as 'nl, en, ar'."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [part.strip() for part in text.split(",") if part.strip()]


class ContentPage(Page):
    """What every exported page type has: its file name in content/ and the text it was imported from."""

    item_model = None  # the sitegen.content.model class

    file_name = models.CharField(
        _("bestandsnaam"), max_length=200, blank=True, editable=False,
        help_text=_("Naam van het bestand in content/, zonder .md. Wordt bij de eerste publicatie gekozen."),
    )
    source_text = models.TextField(blank=True, editable=False)

    base_form_class = ContentPageForm
    exclude_fields_in_copy = ["source_text"]

    class Meta:
        abstract = True


def _panels(model, fields: dict[str, models.Field]) -> list:
    panels = [FieldPanel("title")]
    for name in fields:
        if name.endswith("_alt"):
            continue
        if f"{name}_alt" in fields:
            panels.append(MultiFieldPanel([FieldPanel(name), FieldPanel(f"{name}_alt")], heading=fields[name].verbose_name))
        else:
            panels.append(FieldPanel(name))
    return panels


def _translatable(fields: dict[str, models.Field]) -> list:
    result = [TranslatableField("title"), TranslatableField("slug")]
    for name, field in fields.items():
        if isinstance(field, (models.CharField, models.TextField)) and not name.endswith("_alt"):
            result.append(TranslatableField(name))
        elif name.endswith("_alt"):
            result.append(TranslatableField(name))
        elif field.__class__.__name__ == "StreamField":
            result.append(TranslatableField(name))
        else:
            result.append(SynchronizedField(name))
    return result


def _page_type(class_name: str, item_model, verbose_name: str, verbose_plural: str, parents: list[str], children: list[str]):
    fields = mapping.django_fields(item_model)
    for vocab_name in [k.name for k in mapping.item_fields(item_model) if k.kind == "vocab"]:
        fields[vocab_name].max_length = 100
    attrs = dict(fields)
    attrs.update(
        __module__=__name__,
        __doc__=f"{item_model.__doc__ or item_model.__name__} (generated from sitegen.content.model.{item_model.__name__}).",
        item_model=item_model,
        parent_page_types=parents,
        subpage_types=children,
        content_panels=_panels(item_model, fields),
        translatable_fields=_translatable(fields),
        search_fields=Page.search_fields + [index.SearchField("summary"), index.SearchField("body")],
        Meta=type("Meta", (), {"verbose_name": verbose_name, "verbose_name_plural": verbose_plural}),
    )
    return type(class_name, (ContentPage,), attrs)


InfoPagePage = _page_type(
    "InfoPagePage", InfoPage, _("informatiepagina"), _("informatiepagina's"), ["content.InformationIndexPage"], []
)
OrganisationPage = _page_type(
    "OrganisationPage", Organisation, _("organisatie"), _("organisaties"), ["content.OrganisationIndexPage"],
    ["content.ActivityPage", "content.RespiteOfferPage", "content.VacancyPage"],
)
ActivityPage = _page_type("ActivityPage", Activity, _("activiteit"), _("activiteiten"), ["content.OrganisationPage"], [])
RespiteOfferPage = _page_type(
    "RespiteOfferPage", RespiteOffer, _("respijtzorgaanbod"), _("respijtzorgaanbod"), ["content.OrganisationPage"], []
)
VacancyPage = _page_type("VacancyPage", Vacancy, _("vacature"), _("vacatures"), ["content.OrganisationPage"], [])

PAGE_MODELS = {
    "page": InfoPagePage,
    "organisation": OrganisationPage,
    "activity": ActivityPage,
    "offer": RespiteOfferPage,
    "vacancy": VacancyPage,
}
TYPE_OF_MODEL = {model: type_name for type_name, model in PAGE_MODELS.items()}


def _serve_preview(self, request, mode_name):
    """Render the unsaved page through the generator's renderer and theme."""
    from django.conf import settings
    from django.http import HttpResponse
    from django.utils.html import escape

    from cms.clock import clock
    from cms.content.convert import ItemInvalid, page_to_text
    from sitegen.build.preview import render_preview
    from sitegen.problems import ContentError

    try:
        key, text = page_to_text(self)
        html = render_preview(settings.HULPWIJZER_ROOT, key, text, clock())
    except ItemInvalid as error:
        lines = [f"{name or ''}: {message}" for name, message in error.messages]
        return HttpResponse(_problem_page(lines, escape), status=200)
    except ContentError as error:
        return HttpResponse(_problem_page([problem.format() for problem in error.problems], escape), status=200)
    return HttpResponse(html)


def _problem_page(lines: list[str], escape) -> str:
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Voorbeeld niet mogelijk</title></head>'
        f"<body><main><h1>Het voorbeeld kan nog niet getoond worden</h1><p>Verbeter eerst dit:</p><ul>{items}</ul></main></body></html>"
    )


ContentPage.serve_preview = _serve_preview
