"""A page <-> a content file: ``page_to_text`` (export) and ``set_page_fields`` (import).

Byte-identical round trips: a page remembers the text it was imported from
(``source_text``). When the page, converted back, is still equal to that text's
item (the same data; rich text that renders the same), the export writes the
text unchanged, so comments, quoting and Markdown style survive. Any real
change writes the canonical form of ``hulpwijzer format``
(``sitegen.content.scaffold.canonical_text``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cms.content import mapping
from sitegen.content.parse import parse_item, problems_from_validation
from sitegen.content.model import Item
from sitegen.content.types import TYPES
from sitegen.content.richtext import html_to_md, md_to_html, normalise_html
from sitegen.content.scaffold import canonical_text

PLACEHOLDER_REF = "nog-niet-gekozen"


class ItemInvalid(Exception):
    def __init__(self, messages: list[tuple[str | None, str]]):
        super().__init__("; ".join(f"{f}: {m}" for f, m in messages))
        self.messages = messages


# ----------------------------------------------------------------------------- where a page goes


def type_of(page) -> str:
    from cms.content.models import TYPE_OF_MODEL

    return TYPE_OF_MODEL[type(page)]


def file_base(page) -> str:
    return page.file_name or page.slug


def page_lang(page) -> str:
    return page.locale.language_code if page.locale_id else "nl"


def content_key(page) -> str:
    lang = page_lang(page)
    suffix = "" if lang == "nl" else f".{lang}"
    return f"{TYPES[type_of(page)].folder}/{file_base(page)}{suffix}.md"


def _parent_reference(page) -> str:
    from cms.content.models import OrganisationPage

    try:
        parent = page.get_parent()
    except Exception:  # a new page that is not in the tree yet
        parent = None
    parent = parent.specific if parent is not None else None
    if isinstance(parent, OrganisationPage):
        return file_base(parent)
    return PLACEHOLDER_REF


# ----------------------------------------------------------------------------- images and links inside rich text


def image_path(image) -> str:
    return "media/" + Path(image.file.name).name


def _image_src(attrs: dict[str, str]):
    if attrs.get("embedtype") != "image":
        return None
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=attrs.get("id") or 0).first()
    if image is None:
        return None
    return image_path(image), attrs.get("alt", "")


def _link_href(attrs: dict[str, str]):
    if attrs.get("linktype") != "page":
        return None
    from wagtail.models import Page

    page = Page.objects.filter(pk=attrs.get("id") or 0).first()
    if page is None:
        return None
    page = page.specific
    if not hasattr(page, "item_model"):
        return "/"
    return "../" + content_key(page)


def rich_to_md(html: str) -> str:
    return html_to_md(html or "", image_src=_image_src, link_href=_link_href)


def same_markdown(html: str, markdown: str) -> bool:
    """Does the stored rich text say the same as this Markdown?"""
    return normalise_html(md_to_html(rich_to_md(html))) == normalise_html(md_to_html(markdown or ""))


_IMG_PARAGRAPH = re.compile(r'<p><img src="([^"]*)" alt="([^"]*)" ?/?></p>')


def md_to_rich(markdown: str, image_for) -> str:
    """Markdown -> stored rich text; images on their own line become CMS images."""
    html = md_to_html(markdown or "")

    def embed(match: re.Match) -> str:
        image = image_for(match.group(1)) if image_for else None
        if image is None:
            return match.group(0)
        return f'<embed alt="{match.group(2)}" embedtype="image" format="fullwidth" id="{image.pk}"/>'

    return _IMG_PARAGRAPH.sub(embed, html)


# ----------------------------------------------------------------------------- page -> item


def source_item(page) -> Item | None:
    if not page.source_text:
        return None
    parsed = parse_item(content_key(page), page.source_text.encode("utf-8"))
    return parsed.item


def data_from_page(page, source: Item | None = None) -> dict[str, Any]:
    model = page.item_model
    data: dict[str, Any] = {"title": page.title}
    base = file_base(page)
    if page.slug and page.slug != base:
        data["slug"] = page.slug
    elif source is not None and source.slug:
        data["slug"] = source.slug
    if source is not None and source.translation_key:
        data["translation_key"] = source.translation_key
    for kind in mapping.item_fields(model):
        name = kind.name
        if kind.kind == "ref":
            data[name] = _parent_reference(page)
            continue
        value = getattr(page, name)
        if kind.kind in ("text", "vocab"):
            if value and value.strip():
                data[name] = value.strip()
        elif kind.kind == "markdown":
            original = getattr(source, name, None) if source is not None else None
            if original is not None and same_markdown(value, original):
                markdown = original
            else:
                markdown = rich_to_md(value)
            if markdown:
                data[name] = markdown
        elif kind.kind in ("vocab_list", "list_text"):
            if value:
                data[name] = list(value)
        elif kind.kind == "bool":
            data[name] = bool(value)
        elif kind.kind in ("int", "date"):
            if value is not None and value != "":
                data[name] = value
        elif kind.kind == "datetime":
            if value:
                data[name] = mapping.naive_local(value)
        elif kind.kind == "image":
            if value is not None:
                data[name] = {"src": image_path(value), "alt": getattr(page, f"{name}_alt", "").strip()}
        elif kind.kind == "struct":
            if value and len(value):
                plain = _drop_empty(mapping.plain(value[0].value))
                if plain:
                    data[name] = plain
        elif kind.kind == "struct_list":
            data[name] = [_drop_empty(mapping.plain(child.value)) for child in (value or [])]
    return data


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {key: _drop_empty(inner) for key, inner in value.items()}
        return {key: inner for key, inner in cleaned.items() if inner not in (None, "", [], {})}
    return value


def _validate(model: type[Item], data: dict[str, Any], key: str) -> Item:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = problems_from_validation(error, "content/" + key, None)
        raise ItemInvalid([(p.field.split(".")[0] if p.field else None, f"{p.message}; {p.fix}") for p in problems]) from None


def validate_page(page) -> Item:
    """The item this page would export, or ItemInvalid with Dutch messages per field."""
    from sitegen.content import markdown

    try:
        key = content_key(page)
    except Exception:
        key = "?"
    item = _validate(page.item_model, data_from_page(page, source_item(page) if key != "?" else None), key)
    # The same checks as `hulpwijzer check`: images need alt text, no unsafe links.
    messages = []
    for kind in mapping.item_fields(page.item_model):
        if kind.kind == "markdown" and getattr(item, kind.name, ""):
            for issue in markdown.render(getattr(item, kind.name)).issues:
                messages.append((kind.name, f"{issue.message}; {issue.fix}"))
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


# ----------------------------------------------------------------------------- item -> page


def set_page_fields(page, item: Item, file_name: str, source_text: str | None, image_for=None) -> None:
    """Fill a page from an item (the reference to the organisation is the page's place in the tree)."""
    page.title = item.title
    page.slug = item.slug or file_name
    page.file_name = file_name
    page.source_text = source_text or ""
    for kind in mapping.item_fields(type(item)):
        name = kind.name
        value = getattr(item, name)
        if kind.kind == "ref":
            continue
        if kind.kind in ("text", "vocab"):
            setattr(page, name, value or "")
        elif kind.kind == "markdown":
            setattr(page, name, md_to_rich(value, image_for))
        elif kind.kind in ("vocab_list", "list_text"):
            setattr(page, name, list(value))
        elif kind.kind in ("bool", "int", "date"):
            setattr(page, name, value)
        elif kind.kind == "datetime":
            setattr(page, name, mapping.aware(value) if value else None)
        elif kind.kind == "image":
            setattr(page, name, image_for(value.src) if (value is not None and image_for) else None)
            setattr(page, f"{name}_alt", value.alt if value is not None else "")
        elif kind.kind == "struct":
            values = [] if value is None else [value.model_dump(mode="python")]
            setattr(page, name, json.dumps(mapping.raw_stream(kind.model.__name__.lower(), values)))
        elif kind.kind == "struct_list":
            values = [element.model_dump(mode="python") for element in value]
            setattr(page, name, json.dumps(mapping.raw_stream(kind.model.__name__.lower(), values)))
