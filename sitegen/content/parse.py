"""Read ``content/`` into validated items.

Each file is parsed on its own (front matter, model validation, Markdown
checks); everything that needs more than one file (references, vocabularies,
duplicate slugs, internal links) is checked in ``sitegen.graph.site_graph``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from sitegen import languages
from sitegen.content import frontmatter, markdown
from sitegen.content.model import (
    FieldError,
    Item,
    Markdown,
)
from sitegen.content.site_model import VOCABULARY_NAMES, SiteConfig, Vocabulary
from sitegen.content.types import TYPES
from sitegen.problems import Problem


@dataclass
class ParsedItem:
    """One content file, validated on its own."""

    key: str  # path relative to content/, e.g. "vacancies/x.md"
    type_name: str
    lang: str
    file_slug: str
    digest: str
    item: Item | None
    problems: list[Problem] = field(default_factory=list)
    links: list[tuple[str, int, str]] = field(default_factory=list)  # (field, line in file, href)
    body_line: int = 1
    field_lines: dict[str, int] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return (self.item.slug if self.item and self.item.slug else None) or self.file_slug


def digest_of(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def split_name(filename: str) -> tuple[str, str | None]:
    """'even-vrij.en.md' -> ('even-vrij', 'en'); 'even-vrij.md' -> ('even-vrij', None)."""
    stem = filename[: -len(".md")]
    base, dot, suffix = stem.rpartition(".")
    if dot and languages.is_known(suffix):
        return base, suffix
    return stem, None


# ----------------------------------------------------------------------------- pydantic errors in plain Dutch

_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("dit verplichte veld ontbreekt", "voeg een regel '{field}: …' toe"),
    "extra_forbidden": ("dit veld bestaat niet", "controleer de spelling van de veldnaam; zie docs/content-model.md voor alle velden"),
    "string_type": ("dit moet tekst zijn", "schrijf hier gewone tekst, eventueel tussen aanhalingstekens"),
    "string_too_short": ("de tekst is te kort", "vul dit veld in (minstens {min_length} tekens)"),
    "string_too_long": ("de tekst is te lang", "maak het korter (hoogstens {max_length} tekens)"),
    "string_pattern_mismatch": ("dit heeft niet de juiste vorm", "gebruik alleen kleine letters, cijfers en streepjes, zoals even-vrij"),
    "date_parsing": ("dit is geen geldige datum", "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-10"),
    "date_from_datetime_parsing": ("dit is geen geldige datum", "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-10, en controleer of de dag bestaat"),
    "date_from_datetime_inexact": ("hier hoort alleen een datum, zonder tijd", "schrijf de datum als JJJJ-MM-DD"),
    "date_type": ("dit is geen datum", "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-10"),
    "datetime_parsing": ("dit is geen geldige datum met tijd", "schrijf als JJJJ-MM-DD UU:MM, bijvoorbeeld 2026-03-10 14:00, en controleer of de dag bestaat"),
    "datetime_from_date_parsing": ("dit is geen geldige datum met tijd", "schrijf als JJJJ-MM-DD UU:MM, bijvoorbeeld 2026-03-10 14:00"),
    "datetime_type": ("dit is geen datum met tijd", "schrijf als JJJJ-MM-DD UU:MM, bijvoorbeeld 2026-03-10 14:00"),
    "bool_parsing": ("dit moet ja of nee zijn", "schrijf true (ja) of false (nee)"),
    "bool_type": ("dit moet ja of nee zijn", "schrijf true (ja) of false (nee)"),
    "int_parsing": ("dit moet een heel getal zijn", "schrijf alleen cijfers, bijvoorbeeld 18"),
    "int_type": ("dit moet een heel getal zijn", "schrijf alleen cijfers, bijvoorbeeld 18"),
    "int_from_float": ("dit moet een heel getal zijn", "schrijf een getal zonder komma"),
    "float_parsing": ("dit moet een getal zijn", "schrijf een getal met een punt, bijvoorbeeld 52.1"),
    "float_type": ("dit moet een getal zijn", "schrijf een getal met een punt, bijvoorbeeld 52.1"),
    "list_type": ("dit moet een lijst zijn", "zet elke waarde op een eigen regel die begint met '- '"),
    "too_short": ("er staan te weinig waarden in", "geef er minstens {min_length}"),
    "too_long": ("er staan te veel waarden in", "geef er hoogstens {max_length}"),
    "dict_type": ("dit moet een groep velden zijn", "zet de velden eronder, ingesprongen met twee spaties"),
    "model_type": ("dit moet een groep velden zijn", "zet de velden eronder, ingesprongen met twee spaties"),
    "model_attributes_type": ("dit moet een groep velden zijn", "zet de velden eronder, ingesprongen met twee spaties"),
    "literal_error": ("deze waarde is niet toegestaan", "kies uit: {expected}"),
    "greater_than_equal": ("dit getal is te klein", "gebruik minstens {ge}"),
    "less_than_equal": ("dit getal is te groot", "gebruik hoogstens {le}"),
    "finite_number": ("dit is geen gewoon getal", "schrijf een getal, bijvoorbeeld 52.1"),
}


def problems_from_validation(error: ValidationError, rel: str, document: frontmatter.Document | None) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        field_name = ".".join(str(part) for part in loc) or None
        context = {key: str(value) for key, value in (detail.get("ctx") or {}).items()}
        context["field"] = field_name or "…"
        kind = detail["type"]
        if kind == "value_error":
            cause = (detail.get("ctx") or {}).get("error")
            message = str(cause) if cause is not None else detail["msg"]
            # Our validators write "what is wrong; how to fix it".
            message, _, fix = message.partition("; ")
            fix = fix or "pas de waarde aan"
            if isinstance(cause, FieldError):
                loc = loc + tuple(cause.field.split("."))  # "recurrence.rrule": a nested field
                field_name = ".".join(str(part) for part in loc)
        elif kind in _MESSAGES:
            message, fix = _MESSAGES[kind]
            try:
                fix = fix.format(**context)
            except (KeyError, IndexError):
                pass
        else:
            message, fix = detail["msg"], "pas de waarde aan"
        line = document.line_of(loc) if document is not None else None
        problems.append(Problem(rel, line, field_name, message, fix))
    return problems


# ----------------------------------------------------------------------------- one content item

# A content file is a page of text; far larger files are a mistake (or an attack) and would
# cost memory and time out of all proportion.
MAX_FILE_BYTES = 2_000_000
TOO_LARGE = (f"het bestand is groter dan {MAX_FILE_BYTES // 1_000_000} MB", "maak de tekst korter of verdeel hem over meer pagina's")


def parse_item(key: str, raw: bytes, rel_prefix: str = "content/", default_lang: str = "nl") -> ParsedItem:
    rel = rel_prefix + key
    folder, _, filename = key.partition("/")
    type_name = TYPES.by_folder(folder).name
    file_slug, lang = split_name(filename)
    parsed = ParsedItem(key, type_name, lang or default_lang, file_slug, digest_of(raw), None)
    if len(raw) > MAX_FILE_BYTES:
        parsed.problems.append(Problem(rel, None, None, TOO_LARGE[0], TOO_LARGE[1]))
        return parsed
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        parsed.problems.append(Problem(rel, None, None, f"het bestand is geen UTF-8-tekst ({error.reason})", "sla het bestand op als UTF-8"))
        return parsed
    try:
        document = frontmatter.parse(text)
    except frontmatter.FrontMatterError as error:
        parsed.problems.append(Problem(rel, error.line, None, error.message, error.fix))
        return parsed
    for name, line in document.duplicate_keys:
        parsed.problems.append(Problem(rel, line, name, "dit veld staat twee keer in de front matter", "haal een van de twee weg"))
    parsed.body_line = document.body_line
    data = dict(document.data)
    if "body" in data:
        parsed.problems.append(
            Problem(rel, document.line_of(("body",)), "body", "de hoofdtekst hoort niet in de front matter", "zet de tekst onder de tweede regel '---'")
        )
        data.pop("body")
    body = document.body
    stripped = body.lstrip("\n")
    document.body_line += len(body) - len(stripped)  # the body's first non-empty line
    data["body"] = stripped.rstrip("\n")
    model = TYPES[type_name].model
    try:
        item = model.model_validate(data)
    except ValidationError as error:
        parsed.problems.extend(problems_from_validation(error, rel, document))
        return parsed
    except (RecursionError, TypeError, ValueError) as error:  # pragma: no cover - defensive
        parsed.problems.append(Problem(rel, None, None, f"de inhoud kon niet gelezen worden ({error})", "vereenvoudig de front matter"))
        return parsed
    parsed.field_lines = {str(path[0]): line for path, line in document.lines.items() if len(path) == 1}
    for name, text_value, base_line in _markdown_fields(item, document):
        rendered = markdown.inspect(text_value)
        for issue in rendered.issues:
            parsed.problems.append(Problem(rel, base_line + issue.line, name, issue.message, issue.fix))
        parsed.links.extend((name, base_line + line, href) for line, href in rendered.links)
    parsed.item = item if not parsed.problems else None
    return parsed


def _markdown_fields(item: BaseModel, document: frontmatter.Document, path: tuple = ()):
    """(field path, Markdown text, line of its first line) for every Markdown field, nested too."""
    for name, info in type(item).model_fields.items():
        value = getattr(item, name)
        here = path + (name,)
        if any(isinstance(marker, Markdown) for marker in info.metadata) and isinstance(value, str) and value:
            if here == ("body",):
                line = document.body_line
            else:
                # A block scalar (|) starts on the line after the field name.
                line = (document.line_of(here) or 1) + (1 if "\n" in value else 0)
            yield ".".join(map(str, here)), value, line
        elif isinstance(value, BaseModel):
            yield from _markdown_fields(value, document, here)
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from _markdown_fields(element, document, here + (index,))


# ----------------------------------------------------------------------------- site.yaml and vocabularies


def load_site_config(root: Path) -> tuple[SiteConfig | None, list[Problem], str]:
    path = root / "content" / "site.yaml"
    rel = "content/site.yaml"
    if not path.exists():
        return None, [Problem(rel, None, None, "site.yaml ontbreekt", "maak content/site.yaml aan; zie docs/content-model.md")], ""
    raw = path.read_bytes()
    data, problems = _load_yaml_file(raw, rel)
    if problems:
        return None, problems, digest_of(raw)
    try:
        return SiteConfig.model_validate(data), [], digest_of(raw)
    except ValidationError as error:
        return None, problems_from_validation(error, rel, _yaml_document(raw)), digest_of(raw)


def load_vocabularies(root: Path) -> tuple[dict[str, Vocabulary], list[Problem], str]:
    folder = root / "content" / "vocabularies"
    vocabularies: dict[str, Vocabulary] = {}
    problems: list[Problem] = []
    hasher = hashlib.blake2b(digest_size=16)
    for name in VOCABULARY_NAMES:
        path = folder / f"{name}.yaml"
        rel = f"content/vocabularies/{name}.yaml"
        if not path.exists():
            problems.append(Problem(rel, None, None, "deze lijst ontbreekt", f"maak {rel} aan met de termen (zie docs/content-model.md)"))
            continue
        if not path.resolve().is_relative_to((root / "content").resolve()):
            continue  # a symlink out of content/: sitegen.content.read.containment_problems reports it
        raw = path.read_bytes()
        hasher.update(name.encode() + b"\0" + raw)
        data, file_problems = _load_yaml_file(raw, rel)
        if file_problems:
            problems.extend(file_problems)
            continue
        try:
            vocabularies[name] = Vocabulary.model_validate(data)
        except ValidationError as error:
            problems.extend(problems_from_validation(error, rel, _yaml_document(raw)))
    if folder.exists():
        for path in sorted(folder.glob("*.yaml")):
            if path.stem not in VOCABULARY_NAMES:
                problems.append(
                    Problem(
                        f"content/vocabularies/{path.name}",
                        None,
                        None,
                        "onbekende lijst",
                        "gebruik een van deze namen: " + ", ".join(VOCABULARY_NAMES),
                        severity="warning",
                    )
                )
    return vocabularies, problems, hasher.hexdigest()


def _yaml_document(raw: bytes) -> frontmatter.Document | None:
    try:
        return frontmatter.parse_yaml(raw.decode("utf-8"))
    except (frontmatter.FrontMatterError, UnicodeDecodeError):
        return None


def _load_yaml_file(raw: bytes, rel: str) -> tuple[Any, list[Problem]]:
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(rel, None, None, TOO_LARGE[0], TOO_LARGE[1])]
    try:
        document = frontmatter.parse_yaml(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, [Problem(rel, None, None, "het bestand is geen UTF-8-tekst", "sla het bestand op als UTF-8")]
    except frontmatter.FrontMatterError as error:
        return None, [Problem(rel, error.line, None, error.message.replace("front matter", "YAML"), error.fix)]
    duplicates = [Problem(rel, line, name, "dit veld staat twee keer in het bestand", "haal een van de twee weg") for name, line in document.duplicate_keys]
    return (None if duplicates else document.data), duplicates
