"""From the generator's content model (``sitegen.content.model``) to Django fields and back.

``sitegen/content/model.py`` is the single source of truth. Instead of writing every
field twice, the page models are generated from it: each pydantic field becomes
a Django field (or a StreamField for nested groups) with the same Dutch label
and help text. ``data_from_page`` turns a page back into the dict the pydantic
model validates; ``set_page_fields`` does the reverse on import.
"""

from __future__ import annotations

import datetime as dt
import types
import uuid
import typing
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import timezone
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from sitegen.content.model import Image, Item, Markdown, Ref, Vocab

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "image"]
# Handled by Page itself (title, slug) or by the export (translation_key).
PAGE_OWN_FIELDS = {"title", "slug", "translation_key"}
LONG_TEXT = {"summary", "for_whom", "how_to_apply", "accessibility", "opening_hours", "what_you_do"}


@dataclass(frozen=True)
class FieldKind:
    name: str
    kind: str  # text markdown vocab vocab_list list_text bool int float date datetime image ref struct struct_list datetime_list
    optional: bool
    required: bool
    vocabulary: str | None = None
    ref_type: str | None = None
    model: type[BaseModel] | None = None
    label: str = ""
    help: str = ""
    default: Any = None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _inner_markers(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        return list(typing.get_args(annotation)[1:])
    return []


def kind_of(name: str, info: FieldInfo) -> FieldKind:
    annotation, optional = _unwrap(info.annotation)
    markers = list(info.metadata) + _inner_markers(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
        annotation, more_optional = _unwrap(annotation)
        optional = optional or more_optional
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    common = dict(
        name=name,
        optional=optional,
        required=info.is_required(),
        label=str(extra.get("x-label", name)),
        help=info.description or "",
        default=None if info.is_required() else info.get_default(call_default_factory=True),
    )
    vocab = next((m for m in markers if isinstance(m, Vocab)), None)
    ref = next((m for m in markers if isinstance(m, Ref)), None)
    origin = typing.get_origin(annotation)
    if ref is not None:
        return FieldKind(kind="ref", ref_type=ref.type, **common)
    if any(isinstance(m, Markdown) for m in markers):
        return FieldKind(kind="markdown", **common)
    if origin is list:
        (element,) = typing.get_args(annotation)
        if vocab is not None:
            return FieldKind(kind="vocab_list", vocabulary=vocab.name, **common)
        if isinstance(element, type) and issubclass(element, BaseModel):
            return FieldKind(kind="struct_list", model=element, **common)
        if element is dt.datetime:
            return FieldKind(kind="datetime_list", **common)
        return FieldKind(kind="list_text", **common)
    if vocab is not None:
        return FieldKind(kind="vocab", vocabulary=vocab.name, **common)
    if annotation is Image:
        return FieldKind(kind="image", model=Image, **common)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FieldKind(kind="struct", model=annotation, **common)
    simple = {bool: "bool", int: "int", float: "float", dt.date: "date", dt.datetime: "datetime", str: "text"}
    if annotation in simple:
        return FieldKind(kind=simple[annotation], **common)
    raise TypeError(f"no CMS field for {name}: {annotation!r}")  # a new kind of field in sitegen/content/model.py


def item_fields(model: type[Item]) -> list[FieldKind]:
    return [kind_of(name, info) for name, info in model.model_fields.items() if name not in PAGE_OWN_FIELDS]


# ----------------------------------------------------------------------------- Django fields


def block_for(kind: FieldKind) -> blocks.Block:
    options = {"label": kind.label, "help_text": kind.help}
    required = kind.required and not kind.optional
    if kind.kind in ("text", "vocab", "list_text"):
        return blocks.CharBlock(required=required, **options)
    if kind.kind == "markdown":
        return blocks.TextBlock(required=required, **options)
    if kind.kind == "bool":
        return blocks.BooleanBlock(required=False, **options)
    if kind.kind == "int":
        return blocks.IntegerBlock(required=required, **options)
    if kind.kind == "float":
        return blocks.FloatBlock(required=required, **options)
    if kind.kind == "date":
        return blocks.DateBlock(required=required, **options)
    if kind.kind == "datetime":
        return blocks.DateTimeBlock(required=required, **options)
    if kind.kind == "datetime_list":
        return blocks.ListBlock(blocks.DateTimeBlock(), **options)
    if kind.kind == "struct":
        return struct_block(kind.model, **options)
    raise TypeError(kind)


def struct_block(model: type[BaseModel], **options: Any) -> blocks.StructBlock:
    children = [(name, block_for(kind_of(name, info))) for name, info in model.model_fields.items()]
    return blocks.StructBlock(children, **options)


def django_fields(model: type[Item]) -> dict[str, models.Field]:
    """The Django fields of a page type, generated from the pydantic model."""
    fields: dict[str, models.Field] = {}
    for kind in item_fields(model):
        options = {"verbose_name": kind.label, "help_text": kind.help}
        blank = not kind.required or kind.optional
        name = kind.name
        if kind.kind == "ref":
            continue  # the parent organisation in the page tree
        if kind.kind == "text":
            if name in LONG_TEXT:
                fields[name] = models.TextField(blank=blank, default="", **options)
            else:
                fields[name] = models.CharField(max_length=300, blank=blank, default="", **options)
        elif kind.kind == "markdown":
            fields[name] = RichTextField(blank=blank, default="", features=RICH_TEXT_FEATURES, **options)
        elif kind.kind == "vocab":
            fields[name] = models.CharField(max_length=100, blank=blank, default="", **options)
        elif kind.kind in ("vocab_list", "list_text"):
            fields[name] = models.JSONField(default=list, blank=True, **options)
        elif kind.kind == "bool":
            fields[name] = models.BooleanField(default=bool(kind.default), **options)
        elif kind.kind == "int":
            fields[name] = models.IntegerField(null=kind.optional, blank=blank, default=kind.default, **options)
        elif kind.kind == "date":
            fields[name] = models.DateField(null=blank, blank=blank, **options)
        elif kind.kind == "datetime":
            fields[name] = models.DateTimeField(null=blank, blank=blank, **options)
        elif kind.kind == "image":
            fields[name] = models.ForeignKey(
                "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", **options
            )
            alt = kind.model.model_fields["alt"]
            fields[f"{name}_alt"] = models.CharField(
                max_length=300, blank=True, default="", verbose_name=f"{kind.label}: {alt.json_schema_extra['x-label']}",
                help_text=alt.description,
            )
        elif kind.kind == "struct":
            block_name = kind.model.__name__.lower()
            fields[name] = StreamField(
                [(block_name, struct_block(kind.model, label=kind.label))], blank=True, max_num=1, **options
            )
        elif kind.kind == "struct_list":
            block_name = kind.model.__name__.lower()
            fields[name] = StreamField([(block_name, struct_block(kind.model, label=kind.label))], blank=True, **options)
        else:  # pragma: no cover
            raise TypeError(kind)
    return fields


# ----------------------------------------------------------------------------- values


def naive_local(value: dt.datetime) -> dt.datetime:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def aware(value: dt.datetime) -> dt.datetime:
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def plain(value: Any) -> Any:
    """A StreamField value (StructValue, ListValue…) as plain data, empty optional values left out."""
    if isinstance(value, blocks.StructValue) or isinstance(value, dict):
        result = {}
        for key, inner in value.items():
            inner = plain(inner)
            if inner is None or inner == "" or inner == []:
                continue
            result[key] = inner
        return result
    if isinstance(value, (list, tuple, blocks.list_block.ListValue)):
        return [plain(inner) for inner in value]
    if isinstance(value, dt.datetime):
        return naive_local(value)
    if isinstance(value, str):
        return value.strip()
    return value


def raw_stream(block_name: str, values: list[dict]) -> list[dict]:
    """Plain dicts as the raw JSON of a StreamField (dates as ISO text)."""
    return [{"type": block_name, "value": _jsonish(value)} for value in values]


def _jsonish(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonish(inner) for key, inner in value.items() if inner is not None}
    if isinstance(value, list):
        return [{"type": "item", "value": _jsonish(inner), "id": str(uuid.uuid4())} for inner in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
