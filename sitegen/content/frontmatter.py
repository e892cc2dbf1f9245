"""Read and write Markdown files with YAML front matter.

The YAML loader keeps dates as text (pydantic parses them with a clear error
for impossible dates such as 2026-02-30) and records the line of every value so
that problems can name the line to fix. The writer produces the one canonical
form that ``hulpwijzer format`` and the CMS export write, so that an import
followed by an export is byte-identical.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data) -> bool:
        return True  # the reader refuses aliases: a value used twice is written out twice


for _cls in (_Loader, _Dumper):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP] for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


class FrontMatterError(ValueError):
    """YAML that is refused; a ValueError so that callers that validate (the CMS) report it as one."""

    def __init__(self, message: str, line: int | None, fix: str):
        super().__init__(message)
        self.message = message
        self.line = line
        self.fix = fix


@dataclass
class Document:
    data: dict[str, Any]
    body: str
    body_line: int  # line number (1-based) of the first body line in the file
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)  # value path -> line (1-based)
    duplicate_keys: list[tuple[str, int]] = field(default_factory=list)

    def line_of(self, path: tuple[Any, ...]) -> int | None:
        """The line of the value at ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def split(text: str) -> tuple[str, str, int]:
    """Split a file into (front matter, body, line of the body)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise FrontMatterError(
            "het bestand begint niet met front matter",
            1,
            "zet bovenaan een regel '---', daaronder de velden (zoals title: …) en dan weer een regel '---'",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, body, index + 2
    raise FrontMatterError(
        "de front matter wordt niet afgesloten",
        len(lines),
        "zet na de laatste regel met velden een regel met alleen '---'",
    )


def parse(text: str) -> Document:
    front, body, body_line = split(text)
    document = parse_yaml(front, offset=2)
    document.body, document.body_line = body, body_line
    return document


# Content never needs more than a few levels (contact.email, recurrence.dates.0); a limit far
# above that stops deeply nested YAML before it reaches Python's recursion limit.
MAX_DEPTH = 32


def parse_yaml(text: str, offset: int = 1) -> Document:
    """One YAML document (a mapping) with the line of every value; ``offset`` is the file line of
    the text's first line. Aliases, several documents, duplicate keys at any level and nesting
    deeper than MAX_DEPTH are refused before any value is built, so no input runs unbounded."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + offset if mark is not None else offset
            if "expected a single document" in str(error):
                raise FrontMatterError(
                    "er staat meer dan één YAML-document in (een tweede regel '---')",
                    line,
                    "haal deze regel '---' weg en zet alle velden in één document",
                ) from None
            problem = (error.problem or str(error)).strip()
            raise FrontMatterError(
                f"de YAML in de front matter klopt niet ({problem})",
                line,
                "controleer op deze regel de dubbele punt na de veldnaam, de inspringing en de aanhalingstekens",
            ) from None
        except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
            raise FrontMatterError(
                f"de YAML in de front matter klopt niet ({error})",
                offset,
                "controleer de front matter; gebruik gewone velden als 'title: tekst'",
            ) from None
        document = Document(data={}, body="", body_line=1)
        if node is None:
            return document
        _walk(node, document, offset, text)
        try:
            data = loader.construct_document(node)
        except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
            raise FrontMatterError(
                f"de YAML in de front matter klopt niet ({error})",
                offset,
                "controleer de front matter; gebruik gewone velden als 'title: tekst'",
            ) from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            "de front matter is geen lijst van velden",
            offset,
            "schrijf elk veld op een eigen regel als 'naam: waarde', bijvoorbeeld 'title: Even vrij'",
        )
    for key in data:
        if not isinstance(key, str):
            raise FrontMatterError(
                f"de veldnaam {key!r} is geen tekst",
                offset,
                "gebruik veldnamen uit letters, zoals title of summary",
            )
    document.data = data
    return document


def _walk(root: yaml.Node, document: Document, offset: int, text: str) -> None:
    """Record the line of every value and refuse what could make reading unbounded.

    Iterative, so depth is checked before Python's stack is. An alias (``*name``) makes the
    composer hand out the anchored node again: a node seen twice is an alias, and refusing it
    stops both the alias bomb (exponential growth) and the alias that contains itself."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[Any, ...], int | None]] = [(root, (), None)]
    while stack:
        node, path, key_line = stack.pop()
        if id(node) in seen:
            raise FrontMatterError(
                "er staat een verwijzing in de YAML (een *naam die naar een &naam wijst)",
                _alias_line(text, offset),
                "schrijf de waarde voluit op elke plek waar hij nodig is; verwijzingen worden niet gelezen",
            )
        seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise FrontMatterError(
                f"de velden zijn te diep in elkaar gezet (meer dan {MAX_DEPTH} niveaus)",
                node.start_mark.line + offset,
                "zet de velden zoals docs/content-model.md ze beschrijft; zo diep is nooit nodig",
            )
        document.lines[path] = key_line if key_line is not None else node.start_mark.line + offset
        if isinstance(node, yaml.MappingNode):
            names: set[Any] = set()
            for key_node, value_node in node.value:
                if id(key_node) in seen:
                    raise FrontMatterError(
                        "er staat een verwijzing in de YAML (een *naam die naar een &naam wijst)",
                        _alias_line(text, offset),
                        "schrijf de waarde voluit op elke plek waar hij nodig is; verwijzingen worden niet gelezen",
                    )
                seen.add(id(key_node))
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                line = key_node.start_mark.line + offset
                if key in names:
                    document.duplicate_keys.append((".".join(map(str, path + (key,))), line))
                names.add(key)
                stack.append((value_node, path + (key,), line))
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                stack.append((child, path + (index,), None))


def _alias_line(text: str, offset: int) -> int:
    """The line of the first alias: the composed node only knows where its anchor is."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + offset
    return offset


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def dump(data: dict[str, Any], body: str) -> str:
    """The canonical text of a content file."""
    front = yaml.dump(
        _plain(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100000,
    )
    body = body.strip("\n")
    return f"---\n{front}---\n" + (f"\n{body}\n" if body else "")


def load_yaml(text: str) -> Any:
    """Load a plain YAML file (site.yaml, vocabularies) with the same rules (FrontMatterError when refused)."""
    return parse_yaml(text).data if text.strip() else None


def dump_yaml(data: Any) -> str:
    return yaml.dump(_plain(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100000)
