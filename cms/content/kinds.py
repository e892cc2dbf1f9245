"""What kind of CMS field each field of the content model (``sitegen.content.model``) needs.

The one place that reads pydantic annotations. The page model generator writes a field per
kind, and the drift test compares the checked-in page models with these kinds.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sitegen.content.model import Image, Item, Markdown, Ref, Vocab

# Handled by Page itself (title, slug) or by the export (translation_key).
PAGE_OWN_FIELDS = ("title", "slug", "translation_key")
# Plain text fields that get a text area instead of a one-line input.
LONG_TEXT = ("summary", "for_whom", "how_to_apply", "accessibility", "opening_hours", "what_you_do")
# Lists of sentences (a self-test's statements): one per line in a text area, not comma-separated.
LINES = ("statements",)
KINDS = (
    "text",
    "long_text",
    "markdown",
    "vocab",
    "vocab_list",
    "list_text",
    "lines",
    "bool",
    "int",
    "float",
    "date",
    "datetime",
    "datetime_list",
    "image",
    "ref",
    "struct",
    "struct_list",
)


@dataclass(frozen=True)
class FieldKind:
    name: str
    kind: str  # one of KINDS
    required: bool  # must an editor fill it in (the CMS form's asterisk)?
    nullable: bool  # may the value be None (an Optional field)?
    default: Any = None
    vocabulary: str | None = None
    ref_type: str | None = None
    model: type[BaseModel] | None = None  # of an image, struct or struct_list


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _min_length(info: FieldInfo) -> int:
    return max((getattr(marker, "min_length", None) or 0 for marker in info.metadata), default=0)


def kind_of(name: str, info: FieldInfo) -> FieldKind:
    annotation, nullable = _unwrap(info.annotation)
    markers = list(info.metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        markers += list(typing.get_args(annotation)[1:])
        annotation, more = _unwrap(typing.get_args(annotation)[0])
        nullable = nullable or more
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    vocab = next((m for m in markers if isinstance(m, Vocab)), None)
    ref = next((m for m in markers if isinstance(m, Ref)), None)
    required = info.is_required() and not nullable
    common = dict(name=name, nullable=nullable, default=default)
    if ref is not None:
        return FieldKind(kind="ref", ref_type=ref.type, required=True, **common)
    if any(isinstance(m, Markdown) for m in markers):
        return FieldKind(kind="markdown", required=required, **common)
    if typing.get_origin(annotation) is list:
        (element,) = typing.get_args(annotation)
        # A list is required when it must have an element (min_length), not when the key must be there.
        listed = dict(common, required=_min_length(info) > 0)
        if vocab is not None:
            return FieldKind(kind="vocab_list", vocabulary=vocab.name, **listed)
        if isinstance(element, type) and issubclass(element, BaseModel):
            return FieldKind(kind="struct_list", model=element, **listed)
        if element is dt.datetime:
            return FieldKind(kind="datetime_list", **listed)
        if name in LINES:
            return FieldKind(kind="lines", **listed)
        return FieldKind(kind="list_text", **listed)
    if vocab is not None:
        return FieldKind(kind="vocab", vocabulary=vocab.name, required=required, **common)
    if annotation is Image:
        return FieldKind(kind="image", model=Image, required=required, **common)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FieldKind(kind="struct", model=annotation, required=required, **common)
    if annotation is bool:  # a check box always has an answer: never "required"
        return FieldKind(kind="bool", required=False, **common)
    simple = {int: "int", float: "float", dt.date: "date", dt.datetime: "datetime"}
    if annotation in simple:
        return FieldKind(kind=simple[annotation], required=required, **common)
    if annotation is str:
        return FieldKind(kind="long_text" if name in LONG_TEXT else "text", required=required, **common)
    # A new kind of field in sitegen/content/model.py: add it here and in cms/content/pagefields.py.
    raise TypeError(f"no CMS field for {name}: {annotation!r}")


def item_fields(model: type[Item]) -> list[FieldKind]:
    """The fields of an item that the CMS edits, in the model's order."""
    return [kind_of(name, info) for name, info in model.model_fields.items() if name not in PAGE_OWN_FIELDS]


def struct_fields(model: type[BaseModel]) -> list[FieldKind]:
    return [kind_of(name, info) for name, info in model.model_fields.items()]


def refs(model: type[Item]) -> list[FieldKind]:
    """The references of an item: in the CMS they are the page's place in the tree."""
    return [kind for kind in item_fields(model) if kind.kind == "ref"]


def nested_models(model: type[Item]) -> list[type[BaseModel]]:
    """Every struct model used by an item, inner ones first (the order their blocks are written in)."""
    found: list[type[BaseModel]] = []

    def visit(fields: list[FieldKind]) -> None:
        for kind in fields:
            if kind.kind in ("struct", "struct_list") and kind.model not in found:
                visit(struct_fields(kind.model))
                found.append(kind.model)

    visit(item_fields(model))
    return found
