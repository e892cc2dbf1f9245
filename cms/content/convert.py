"""A page <-> a content file: ``page_to_text`` (export) and ``set_page_fields`` (import).

Byte-identical round trips: a page remembers the text it was imported from
(``source_text``). When the page, converted back, is still equal to that text's
item (the same data; rich text that renders the same), the export writes the
text unchanged, so comments, quoting and Markdown style survive. Any real
change writes the canonical form of ``hulpwijzer format``
(``sitegen.content.scaffold.canonical_text``).

What each field does is in its class (``cms.content.pagefields``); this module only walks them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from pydantic import ValidationError

from cms.content import kinds, pagefields
from cms.content.keys import content_key, file_base
from sitegen.content import markdown
from sitegen.content.model import Item
from sitegen.content.parse import parse_item, problems_from_validation
from sitegen.content.scaffold import canonical_text

PLACEHOLDER_REF = "nog-niet-gekozen"


class ItemInvalid(Exception):
    def __init__(self, messages: list[tuple[str | None, str]]):
        super().__init__("; ".join(f"{f}: {m}" for f, m in messages))
        self.messages = messages


def _parent_reference(page, ref_type: str) -> str:
    """The slug of the parent page when it is of the referred type (activities -> their organisation)."""
    try:
        parent = page.get_parent()
    except (ObjectDoesNotExist, AttributeError, TypeError):  # a new page that is not in the tree yet
        parent = None
    parent = parent.specific if parent is not None else None
    item_type = getattr(parent, "item_type", None)
    if item_type is not None and item_type.name == ref_type:
        return file_base(parent)
    return PLACEHOLDER_REF


def source_item(page) -> Item | None:
    if not page.source_text:
        return None
    return parse_item(content_key(page), page.source_text.encode("utf-8")).item


def data_from_page(page, source: Item | None = None) -> dict[str, Any]:
    """The dict the item's pydantic model validates."""
    data: dict[str, Any] = {"title": page.title}
    base = file_base(page)
    if page.slug and page.slug != base:
        data["slug"] = page.slug
    elif source is not None and source.slug:
        data["slug"] = source.slug
    if source is not None and source.translation_key:
        data["translation_key"] = source.translation_key
    for ref in kinds.refs(page.item_model):
        data[ref.name] = _parent_reference(page, ref.ref_type)
    for field in pagefields.item_fields(type(page)):
        value = field.export(page, source)
        if value is not pagefields.MISSING:
            data[field.name] = value
    return data


def _validate(model: type[Item], data: dict[str, Any], key: str) -> Item:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = problems_from_validation(error, "content/" + key, None)
        raise ItemInvalid([(p.field.split(".")[0] if p.field else None, f"{p.message}; {p.fix}") for p in problems]) from None


def validate_page(page) -> Item:
    """The item this page would export, or ItemInvalid with Dutch messages per field."""
    try:
        key = content_key(page)
    except (ObjectDoesNotExist, AttributeError):  # a page that is not placed in the tree yet
        key = "?"
    item = _validate(page.item_model, data_from_page(page, source_item(page) if key != "?" else None), key)
    # The same checks as `hulpwijzer check`: images need alt text, no unsafe links.
    messages = []
    for field in pagefields.item_fields(type(page)):
        if isinstance(field, pagefields.RichText) and getattr(item, field.name, ""):
            for issue in markdown.render(getattr(item, field.name)).issues:
                messages.append((field.name, f"{issue.message}; {issue.fix}"))
    if messages:
        raise ItemInvalid(messages)
    return item


def page_to_item(page) -> Item:
    return _validate(page.item_model, data_from_page(page, source_item(page)), content_key(page))


def page_to_text(page) -> tuple[str, str]:
    """(key in content/, file text) for a page."""
    key = content_key(page)
    source = source_item(page)
    item = _validate(page.item_model, data_from_page(page, source), key)
    if source is not None and item == source:
        return key, page.source_text
    return key, canonical_text(item)


def set_page_fields(page, item: Item, file_name: str, source_text: str | None, image_for=None) -> None:
    """Fill a page from an item (the reference to the organisation is the page's place in the tree)."""
    page.title = item.title
    page.slug = item.slug or file_name
    page.file_name = file_name
    page.source_text = source_text or ""
    for field in pagefields.item_fields(type(page)):
        field.load(page, getattr(item, field.name), image_for)
