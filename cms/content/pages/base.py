"""What every exported page type shares: its file in content/, its admin form, its preview."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page
from wagtail.search import index

from cms.clock import clock
from cms.content import dbfields, pagefields
from cms.content.convert import ItemInvalid, page_to_text, validate_page
from sitegen.build.preview import render_preview
from sitegen.problems import ContentError


class ContentPageForm(WagtailAdminPageForm):
    """The whole item is validated by the generator's model; its Dutch messages go next to the fields."""

    def clean(self):
        cleaned = super().clean()
        # Keep the stored order of terms when only their order differs (byte-identical export).
        for field in pagefields.item_fields(self._meta.model):
            if isinstance(field, pagefields.TermsField) and field.name in cleaned:
                before = list(getattr(self.instance, field.name) or [])
                if set(before) == set(cleaned[field.name]):
                    cleaned[field.name] = before
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        try:
            validate_page(self.instance)
        except ItemInvalid as error:
            for field_name, message in error.messages:
                if field_name in self.fields:
                    self.add_error(field_name, message)
                else:
                    self.add_error(None, f"{field_name}: {message}" if field_name else message)


class ContentPage(Page):
    """A page that is one file in content/; the subclasses are generated from the content model."""

    item_model = None  # the sitegen.content.model class
    item_type = None  # its entry in sitegen.content.types.TYPES

    file_name = dbfields.CharField(
        gettext_lazy("bestandsnaam"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=gettext_lazy("Naam van het bestand in content/, zonder .md. Wordt bij de eerste publicatie gekozen."),
    )
    source_text = dbfields.TextField(blank=True, editable=False)

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    base_form_class = ContentPageForm
    exclude_fields_in_copy = ["source_text"]

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        """Render the unsaved page through the generator's renderer and theme."""
        try:
            key, text = page_to_text(self)
            html = render_preview(settings.HULPWIJZER_ROOT, key, text, clock())
        except ItemInvalid as error:
            return HttpResponse(_problem_page([f"{name or ''}: {message}" for name, message in error.messages]))
        except ContentError as error:
            return HttpResponse(_problem_page([problem.format() for problem in error.problems]))
        return HttpResponse(html)


def _problem_page(lines: list[str]) -> str:
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{escape(_("Voorbeeld niet mogelijk"))}</title></head>'
        f"<body><main><h1>{escape(_('Het voorbeeld kan nog niet getoond worden'))}</h1><p>{escape(_('Verbeter eerst dit:'))}</p>"
        f"<ul>{items}</ul></main></body></html>"
    )
