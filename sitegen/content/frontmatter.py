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
    pass


for _cls in (_Loader, _Dumper):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP] for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


class FrontMatterError(Exception):
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
    loader = _Loader(front)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark is not None else 1
        problem = (error.problem or str(error)).strip()
        raise FrontMatterError(
            f"de YAML in de front matter klopt niet ({problem})",
            line,
            "controleer op deze regel de dubbele punt na de veldnaam, de inspringing en de aanhalingstekens",
        ) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        raise FrontMatterError(
            f"de YAML in de front matter klopt niet ({error})",
            1,
            "controleer de front matter; gebruik gewone velden als 'title: tekst'",
        ) from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            "de front matter is geen lijst van velden",
            2,
            "schrijf elk veld op een eigen regel als 'naam: waarde', bijvoorbeeld 'title: Even vrij'",
        )
    for key in data:
        if not isinstance(key, str):
            raise FrontMatterError(
                f"de veldnaam {key!r} is geen tekst",
                2,
                "gebruik veldnamen uit letters, zoals title of summary",
            )
    document = Document(data=data, body=body, body_line=body_line)
    if node is not None:
        _record_lines(node, (), document, offset=2)
    return document


def _record_lines(node: yaml.Node, path: tuple[Any, ...], document: Document, offset: int) -> None:
    document.lines[path] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen and not path:
                document.duplicate_keys.append((str(key), key_node.start_mark.line + offset))
            seen.add(key)
            document.lines[path + (key,)] = key_node.start_mark.line + offset
            _record_lines_children(value_node, path + (key,), document, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _record_lines(child, path + (index,), document, offset)


def _record_lines_children(node: yaml.Node, path: tuple[Any, ...], document: Document, offset: int) -> None:
    line = document.lines[path]
    _record_lines(node, path, document, offset)
    document.lines[path] = line  # a field's line is the line of its name


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
    """Load a plain YAML file (site.yaml, vocabularies) with the same rules."""
    return yaml.load(text, Loader=_Loader)


def dump_yaml(data: Any) -> str:
    return yaml.dump(_plain(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100000)
