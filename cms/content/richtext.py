"""Rich text in the CMS <-> Markdown in content/, with the CMS's images and page links."""

from __future__ import annotations

import re
from pathlib import Path

from wagtail.images import get_image_model
from wagtail.models import Page

from cms.content.keys import content_key, is_item_page
from sitegen.content.richtext import html_to_md, md_to_html, normalise_html

FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "image"]
_IMG_PARAGRAPH = re.compile(r'<p><img src="([^"]*)" alt="([^"]*)" ?/?></p>')


def image_path(image) -> str:
    return "media/" + Path(image.file.name).name


def _image_src(attrs: dict[str, str]):
    if attrs.get("embedtype") != "image":
        return None
    image = get_image_model().objects.filter(pk=attrs.get("id") or 0).first()
    if image is None:
        return None
    return image_path(image), attrs.get("alt", "")


def _link_href(attrs: dict[str, str]):
    if attrs.get("linktype") != "page":
        return None
    page = Page.objects.filter(pk=attrs.get("id") or 0).first()
    if page is None:
        return None
    page = page.specific
    return "../" + content_key(page) if is_item_page(page) else "/"


def to_markdown(html: str) -> str:
    return html_to_md(html or "", image_src=_image_src, link_href=_link_href)


def same_markdown(html: str, markdown: str) -> bool:
    """Does the stored rich text say the same as this Markdown?"""
    return normalise_html(md_to_html(to_markdown(html))) == normalise_html(md_to_html(markdown or ""))


def from_markdown(markdown: str, image_for) -> str:
    """Markdown -> stored rich text; images on their own line become CMS images."""
    html = md_to_html(markdown or "")

    def embed(match: re.Match) -> str:
        image = image_for(match.group(1)) if image_for else None
        if image is None:
            return match.group(0)
        return f'<embed alt="{match.group(2)}" embedtype="image" format="fullwidth" id="{image.pk}"/>'

    return _IMG_PARAGRAPH.sub(embed, html)
