"""Django and Wagtail fields whose labels and help texts stay out of the migrations.

Why: the labels and help texts of page fields come from ``sitegen/content/model.py``
(``cms.content.texts``). Django writes ``verbose_name`` and ``help_text`` into migrations,
so every Dutch wording change there would need a new migration, although the database does
not change. These fields still have their texts at run time (forms, listings, error
messages, ``_meta.get_field(...).help_text``); ``deconstruct()`` drops them and names the
Django or Wagtail class the field extends, so a migration holds a plain Django field.

We chose this over setting texts in the panels at run time because Django and Wagtail read
a field's label in many places (forms, listing columns, filters, validation messages);
leaving them on the field keeps every one of those right without extra code.
"""

from __future__ import annotations

from django.db import models
from wagtail import fields as wagtail_fields
from wagtail.blocks.definition_lookup import BlockDefinitionLookup

TEXTS = ("verbose_name", "help_text")
BLOCK_TEXTS = ("label", "help_text")
# Django shortens its own paths the same way in Field.deconstruct.
_SHORT_PATHS = (
    "django.db.models.fields.related",
    "django.db.models.fields.files",
    "django.db.models.fields.json",
    "django.db.models.fields.proxy",
    "django.db.models.fields",
)


def _library_path(cls: type) -> str:
    """The dotted path of the first Django or Wagtail class ``cls`` extends."""
    base = next(klass for klass in cls.__mro__ if klass.__module__.startswith(("django.", "wagtail.")))
    path = f"{base.__module__}.{base.__qualname__}"
    for prefix in _SHORT_PATHS:
        if path.startswith(prefix + "."):
            return "django.db.models" + path[len(prefix) :]
    return path


class WithoutTexts:
    """Mixin for a model field: a migration sees the library field, without its texts."""

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        for key in TEXTS:
            kwargs.pop(key, None)
        return name, _library_path(type(self)), args, kwargs


class CharField(WithoutTexts, models.CharField):
    pass


class TextField(WithoutTexts, models.TextField):
    pass


class SlugField(WithoutTexts, models.SlugField):
    pass


class URLField(WithoutTexts, models.URLField):
    pass


class BooleanField(WithoutTexts, models.BooleanField):
    pass


class IntegerField(WithoutTexts, models.IntegerField):
    pass


class PositiveIntegerField(WithoutTexts, models.PositiveIntegerField):
    pass


class FloatField(WithoutTexts, models.FloatField):
    pass


class DateField(WithoutTexts, models.DateField):
    pass


class DateTimeField(WithoutTexts, models.DateTimeField):
    pass


class JSONField(WithoutTexts, models.JSONField):
    pass


class ForeignKey(WithoutTexts, models.ForeignKey):
    pass


class RichTextField(WithoutTexts, wagtail_fields.RichTextField):
    pass


class StreamField(WithoutTexts, wagtail_fields.StreamField):
    """Also the labels and help texts of its blocks stay out of the migration."""

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        lookup = {
            index: (block_path, block_args, {k: v for k, v in block_kwargs.items() if k not in BLOCK_TEXTS})
            for index, (block_path, block_args, block_kwargs) in kwargs["block_lookup"].items()
        }
        blocks = BlockDefinitionLookup(lookup)
        # Built again from the bare blocks, so equal blocks share one entry, exactly as in a
        # StreamField the migration recreates (otherwise makemigrations would never be clean).
        bare = wagtail_fields.StreamField([(block_name, blocks.get_block(index)) for block_name, index in args[0]])
        _name, _path, bare_args, bare_kwargs = wagtail_fields.StreamField.deconstruct(bare)
        kwargs["block_lookup"] = bare_kwargs["block_lookup"]
        return name, path, bare_args, kwargs
