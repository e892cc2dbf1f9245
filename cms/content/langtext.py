"""A text in every language of the site, stored as {language: text} and edited as one input per language.

Used for the names of the site, of vocabularies and of their terms. We store one JSON value
rather than a child model per language: terms are already the inline rows of a vocabulary,
and Wagtail cannot nest inline panels, so a child model would take each text out of the
term's own form. Here an editor sees, in the term's row, one labelled input per language of
the site (with ``lang`` and ``dir``, so Arabic is typed right to left), in the order of
site.yaml. Languages that are in the value but no longer in site.yaml stay editable and are
kept, so nothing is lost when the list of languages changes.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cms.content import dbfields
from sitegen.languages import language

SEPARATOR = "__"


def site_languages() -> list[str]:
    """The site's languages as the CMS knows them now (site settings); the first is the default."""
    # Looked up by name: this module defines a field that SiteSettings itself uses.
    site_settings = apps.get_model("content", "SiteSettings")
    found = site_settings.load().language_codes() if site_settings.objects.exists() else []
    return found or [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def default_language() -> str:
    return site_languages()[0]


def _name(code: str) -> str:
    try:
        return language(code).dutch_name
    except ValueError:
        return code


def _direction(code: str) -> str:
    try:
        return language(code).direction
    except ValueError:
        return "ltr"


class LangTextWidget(forms.Widget):
    """One input (or text area) per language, named ``<field>__<code>``."""

    template_name = "content/widgets/lang_text.html"

    def __init__(self, languages: Callable[[], list[str]], multiline: bool = False, attrs=None):
        super().__init__(attrs)
        self.languages = languages
        self.multiline = multiline

    def codes(self, value: dict[str, str] | None) -> list[str]:
        codes = list(self.languages())
        return codes + [code for code in (value or {}) if code not in codes]

    def format_value(self, value):
        return value if isinstance(value, dict) else {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        value = self.format_value(value)
        base_id = (attrs or {}).get("id") or f"id_{name}"
        context["widget"]["languages"] = [
            {
                "code": code,
                "name": _name(code),
                "dir": _direction(code),
                "id": f"{base_id}{SEPARATOR}{code}",
                "input_name": f"{name}{SEPARATOR}{code}",
                "value": value.get(code, ""),
            }
            for code in self.codes(value)
        ]
        context["widget"]["multiline"] = self.multiline
        return context

    def value_from_datadict(self, data, files, name):
        prefix = f"{name}{SEPARATOR}"
        return {key[len(prefix) :]: data[key] for key in data if key.startswith(prefix)}

    def value_omitted_from_data(self, data, files, name):
        prefix = f"{name}{SEPARATOR}"
        return not any(key.startswith(prefix) for key in data)

    def id_for_label(self, id_):
        # The label of the whole field points at the input of the default language.
        codes = self.languages()
        return f"{id_}{SEPARATOR}{codes[0]}" if id_ and codes else id_


class LangTextFormField(forms.Field):
    def __init__(self, *, languages: Callable[[], list[str]], multiline: bool = False, default_required: bool = False, **kwargs):
        kwargs.pop("max_length", None)
        kwargs["widget"] = LangTextWidget(languages, multiline)
        kwargs["required"] = False  # an empty language is fine; the default language is checked below
        super().__init__(**kwargs)
        self.languages = languages
        self.default_required = default_required

    def to_python(self, value):
        if not isinstance(value, dict):
            return {}
        return {code: text.strip() for code, text in value.items() if isinstance(text, str) and text.strip()}

    def validate(self, value):
        super().validate(value)
        codes = self.languages()
        if self.default_required and codes and not value.get(codes[0]):
            raise ValidationError(_("Vul de tekst in het %(language)s in.") % {"language": _name(codes[0])}, code="required")

    def has_changed(self, initial, data):
        return self.to_python(initial or {}) != self.to_python(data)


class LangTextField(dbfields.JSONField):
    """{language code: text}; empty languages are not stored."""

    def __init__(self, *args, multiline: bool = False, default_required: bool = False, **kwargs):
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        self.multiline = multiline
        self.default_required = default_required

    def formfield(self, **kwargs):
        return LangTextFormField(
            languages=site_languages,
            multiline=self.multiline,
            default_required=self.default_required,
            label=capfirst(self.verbose_name) if self.verbose_name else None,
            help_text=self.help_text,
        )
