"""A node of the site graph: one content item in one language."""

from __future__ import annotations

from typing import Any

from sitegen.content.model import Item
from sitegen.graph import reads


class Node:
    """One content item in one language, with its place in the site.

    Its key, type and language come from its file name; everything else comes from the file's
    content, so reading it is recorded (``sitegen.graph.reads``) for the output being made.
    """

    __slots__ = ("key", "type_name", "lang", "_slug", "_translation_key", "_digest", "_data", "_url", "_field_lines", "_body_line")

    def __init__(
        self,
        key: str,
        type_name: str,
        lang: str,
        slug: str,
        translation_key: str,
        digest: str,
        data: Item,
        url: str,
        field_lines: dict[str, int] | None = None,
        body_line: int = 1,
    ):
        self.key, self.type_name, self.lang = key, type_name, lang
        self._slug, self._translation_key, self._digest, self._data, self._url = slug, translation_key, digest, data, url
        self._field_lines, self._body_line = field_lines or {}, body_line

    def __getattr__(self, name: str) -> Any:
        # Templates read item fields straight from the node: node.title.
        if name.startswith("_"):
            raise AttributeError(name)
        reads.key(self.key)
        return getattr(self._data, name)

    def __repr__(self) -> str:
        return f"<Node {self.key}>"

    @property
    def source(self) -> str:
        return "content/" + self.key

    @property
    def data(self) -> Item:
        reads.key(self.key)
        return self._data

    @property
    def slug(self) -> str:
        reads.key(self.key)
        return self._slug

    @property
    def translation_key(self) -> str:
        reads.key(self.key)
        return self._translation_key

    @property
    def digest(self) -> str:
        reads.key(self.key)
        return self._digest

    @property
    def url(self) -> str:
        reads.key(self.key)
        return self._url

    @property
    def field_lines(self) -> dict[str, int]:
        return self._field_lines

    @property
    def body_line(self) -> int:
        return self._body_line
