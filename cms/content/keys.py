"""Where a page goes in content/: its type, language and file name."""

from __future__ import annotations

from cms.content.langtext import default_language


def type_name(page) -> str:
    return page.item_type.name


def file_base(page) -> str:
    return page.file_name or page.slug


def page_lang(page) -> str:
    return page.locale.language_code if page.locale_id else default_language()


def content_key(page) -> str:
    """'vacancies/maatje.md', or 'vacancies/maatje.en.md' for a translation."""
    lang = page_lang(page)
    suffix = "" if lang == default_language() else f".{lang}"
    return f"{page.item_type.folder}/{file_base(page)}{suffix}.md"


def is_item_page(page) -> bool:
    """A page that is exported to content/ (not the home page or an index page)."""
    return getattr(page, "item_type", None) is not None
