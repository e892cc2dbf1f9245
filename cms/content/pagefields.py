"""The fields of the page models, one class per kind of content-model field (``cms.content.kinds``).

Each class knows its own form field and how its value goes to the item the page exports
(``export``) and comes back from an imported item (``load``), so ``cms.content.convert``
has no list of kinds. Labels and help texts are left out of migrations (``dbfields``).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from wagtail import blocks

from cms.content import dbfields, richtext
from cms.content.vocabulary import term_choices

MISSING = object()  # "leave this key out of the item": pydantic then uses the field's default


class ItemField:
    """Mixin: a page field that holds one field of the item."""

    kind = ""

    def __init__(self, *args, required: bool | None = None, vocabulary: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.required = (not self.blank) if required is None else required
        self.vocabulary = vocabulary

    def export(self, page, source) -> Any:
        value = getattr(page, self.attname)
        return MISSING if value is None or value == "" else value

    def load(self, page, value, image_for) -> None:
        setattr(page, self.attname, value)


class TextValue(ItemField):
    """Mixin: plain text, trimmed; empty text is left out of the item."""

    def export(self, page, source):
        value = (getattr(page, self.attname) or "").strip()
        return value or MISSING

    def load(self, page, value, image_for):
        setattr(page, self.attname, value or "")


class Text(TextValue, dbfields.CharField):
    kind = "text"


class LongText(TextValue, dbfields.TextField):
    kind = "long_text"


class RichText(ItemField, dbfields.RichTextField):
    kind = "markdown"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("features", richtext.FEATURES)
        super().__init__(*args, **kwargs)

    def export(self, page, source):
        html = getattr(page, self.attname)
        original = getattr(source, self.name, None) if source is not None else None
        # Unchanged rich text keeps the Markdown it was imported from (hand-written style survives).
        markdown = original if original is not None and richtext.same_markdown(html, original) else richtext.to_markdown(html)
        return markdown or MISSING

    def load(self, page, value, image_for):
        setattr(page, self.attname, richtext.from_markdown(value, image_for))


class TermField(TextValue, dbfields.CharField):
    """One term of a vocabulary, chosen from a list."""

    kind = "vocab"

    def formfield(self, **kwargs):
        name = self.vocabulary
        return forms.ChoiceField(
            choices=lambda: [("", "---------")] + term_choices(name),
            required=self.required,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


class ListField(ItemField, dbfields.JSONField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def export(self, page, source):
        value = getattr(page, self.attname)
        return list(value) if value else MISSING

    def load(self, page, value, image_for):
        setattr(page, self.attname, list(value))


class TermsField(ListField):
    """Terms of a vocabulary, as check boxes."""

    kind = "vocab_list"

    def formfield(self, **kwargs):
        name = self.vocabulary
        return forms.MultipleChoiceField(
            choices=lambda: term_choices(name),
            widget=forms.CheckboxSelectMultiple,
            required=self.required,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


class CommaListFormField(forms.CharField):
    """A list of short codes typed as 'nl, en, ar'."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value)
        return [part.strip() for part in text.split(",") if part.strip()]


class CodesField(ListField):
    """A list of short codes (e.g. language codes), typed with commas."""

    kind = "list_text"

    def formfield(self, **kwargs):
        return CommaListFormField(required=self.required, label=capfirst(self.verbose_name), help_text=self.help_text)


class LinesFormField(forms.CharField):
    """A list of sentences, one per line (they may hold commas)."""

    widget = forms.Textarea

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class LinesField(ListField):
    """A list of sentences (a self-test's statements), one per line."""

    kind = "lines"

    def formfield(self, **kwargs):
        return LinesFormField(required=self.required, label=capfirst(self.verbose_name), help_text=self.help_text)


class Flag(ItemField, dbfields.BooleanField):
    kind = "bool"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)  # an unticked box is an answer
        super().__init__(*args, **kwargs)

    def export(self, page, source):
        return bool(getattr(page, self.attname))


class Number(ItemField, dbfields.IntegerField):
    kind = "int"


class Day(ItemField, dbfields.DateField):
    kind = "date"


def naive_local(value: dt.datetime) -> dt.datetime:
    """Content times are wall-clock times in Amsterdam, written without a zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


class Moment(ItemField, dbfields.DateTimeField):
    kind = "datetime"

    def export(self, page, source):
        value = getattr(page, self.attname)
        return naive_local(value) if value else MISSING

    def load(self, page, value, image_for):
        setattr(page, self.attname, (timezone.make_aware(value) if timezone.is_naive(value) else value) if value else None)


class Picture(ItemField, dbfields.ForeignKey):
    """An image in the CMS library; its alternative text is the ``<name>_alt`` field next to it."""

    kind = "image"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def export(self, page, source):
        image = getattr(page, self.name)
        if image is None:
            return MISSING
        return {"src": richtext.image_path(image), "alt": (getattr(page, f"{self.name}_alt") or "").strip()}

    def load(self, page, value, image_for):
        setattr(page, self.name, image_for(value.src) if (value is not None and image_for) else None)
        setattr(page, f"{self.name}_alt", value.alt if value is not None else "")


class AltText(dbfields.CharField):
    """The alternative text of a Picture: exported with the image, so not an ItemField itself."""


# ----------------------------------------------------------------------------- nested groups


def plain(value: Any) -> Any:
    """A StreamField value (StructValue, ListValue…) as plain data, empty optional values left out."""
    if isinstance(value, (blocks.StructValue, dict)):
        result = {}
        for key, inner in value.items():
            inner = plain(inner)
            if inner is not None and inner != "" and inner != []:
                result[key] = inner
        return result
    if isinstance(value, (list, tuple, blocks.list_block.ListValue)):
        return [plain(inner) for inner in value]
    if isinstance(value, dt.datetime):
        return naive_local(value)
    if isinstance(value, str):
        return value.strip()
    return value


def drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {key: drop_empty(inner) for key, inner in value.items()}
        return {key: inner for key, inner in cleaned.items() if inner not in (None, "", [], {})}
    return value


def _jsonish(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonish(inner) for key, inner in value.items() if inner is not None}
    if isinstance(value, list):
        return [{"type": "item", "value": _jsonish(inner), "id": str(uuid.uuid4())} for inner in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class Group(ItemField, dbfields.StreamField):
    """One nested group (a location, a contact): a StreamField with at most one block."""

    kind = "struct"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    @property
    def block_name(self) -> str:
        return next(iter(self.stream_block.child_blocks))

    def _raw(self, values: list[dict]) -> str:
        return json.dumps([{"type": self.block_name, "value": _jsonish(value)} for value in values])

    def export(self, page, source):
        value = getattr(page, self.attname)
        if not value:
            return MISSING
        data = drop_empty(plain(value[0].value))
        return data or MISSING

    def load(self, page, value, image_for):
        setattr(page, self.attname, self._raw([] if value is None else [value.model_dump(mode="python")]))


class GroupList(Group):
    """A list of nested groups (locations, questions, links)."""

    kind = "struct_list"

    def export(self, page, source):
        return [drop_empty(plain(child.value)) for child in (getattr(page, self.attname) or [])]

    def load(self, page, value, image_for):
        setattr(page, self.attname, self._raw([element.model_dump(mode="python") for element in value]))


KIND_FIELDS: dict[str, type[ItemField]] = {
    cls.kind: cls for cls in (Text, LongText, RichText, TermField, TermsField, CodesField, LinesField, Flag, Number, Day, Moment, Picture, Group, GroupList)
}


def item_fields(page_model) -> list[ItemField]:
    """The fields of a page model that hold the item's fields, in order."""
    return [field for field in page_model._meta.get_fields() if isinstance(field, ItemField)]
