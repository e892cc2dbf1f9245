"""``hulpwijzer new`` (a valid new file) and ``hulpwijzer format`` (the canonical form)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from slugify import slugify

from sitegen.content import frontmatter
from sitegen.content.model import Item
from sitegen.content.parse import load_site_config, parse_item
from sitegen.content.types import TYPES
from sitegen.problems import Problem


def canonical_data(item: Item) -> dict[str, Any]:
    """Front matter of an item in canonical form: model field order, defaults left out."""
    return item.model_dump(mode="python", exclude_defaults=True, exclude={"body"})


def canonical_text(item: Item) -> str:
    return frontmatter.dump(canonical_data(item), item.body)


def _first(root: Path, vocabulary: str) -> str:
    data = frontmatter.load_yaml((root / "content" / "vocabularies" / f"{vocabulary}.yaml").read_text(encoding="utf-8"))
    return data["terms"][0]["slug"]


def _first_organisation(root: Path) -> str:
    folder = root / "content" / "organisations"
    names = sorted(p.name[:-3] for p in folder.glob("*.md") if p.name.count(".") == 1) if folder.is_dir() else []
    if not names:
        raise ValueError('maak eerst een organisatie: hulpwijzer new organisation "Naam"')
    return names[0]


def new_item(root: Path, type_name: str, title: str, today: dt.date, lang: str | None = None) -> Path:
    """A new, valid content file dated from ``today``, in ``lang`` (default: the site's first language)."""
    if type_name not in TYPES:
        raise ValueError(f"onbekend type '{type_name}'; kies uit {', '.join(TYPES.names())}")
    slug = slugify(title)
    if not slug:
        raise ValueError("de titel moet letters of cijfers bevatten")
    base: dict[str, Any] = {
        "title": title,
        "summary": "Schrijf hier in één zin wat dit is en voor wie.",
        "last_reviewed": today,
    }
    extra: dict[str, dict[str, Any]] = {
        "page": {"needs": [_first(root, "needs")]},
        "organisation": {"phone": "0000 000 000"},
        "activity": {
            "organiser": lambda: _first_organisation(root),
            "activity_type": _first(root, "activity_types"),
            "start": dt.datetime.combine(today + dt.timedelta(days=14), dt.time(14, 0)),
            "end": dt.datetime.combine(today + dt.timedelta(days=14), dt.time(16, 0)),
            "online": True,
        },
        "offer": {
            "provider": lambda: _first_organisation(root),
            "forms": [_first(root, "respite_forms")],
            "for_whom": "Schrijf hier voor wie dit aanbod is.",
            "funding": [_first(root, "funding")],
            "referral_needed": False,
            "how_to_apply": "Schrijf hier hoe iemand dit aanvraagt.",
        },
        "vacancy": {
            "organisation": lambda: _first_organisation(root),
            "what_you_do": "Schrijf hier wat de vrijwilliger gaat doen.",
            "sectors": [_first(root, "sectors")],
            "remote": True,
            "commitment": _first(root, "commitments"),
            "contact": {"email": "vrijwilligers@example.org"},
            "posted": today,
            "valid_through": today + dt.timedelta(days=90),
        },
        "selftest": {
            "instruction": "Schrijf hier hoe de inwoner de stellingen invult.",
            "statements": ["Schrijf hier de eerste stelling.", "Schrijf hier de tweede stelling."],
            "answers": [{"label": "nee", "points": 0}, {"label": "ja", "points": 1}],
            "source": "Schrijf hier waar de vragenlijst vandaan komt.",
            "levels": [
                {"slug": "licht", "min_score": 0, "max_score": 1, "title": "Uitslag bij een lage score", "text": "Schrijf hier wat deze uitslag betekent."},
                {
                    "slug": "zwaar",
                    "min_score": 2,
                    "max_score": 2,
                    "title": "Uitslag bij een hoge score",
                    "text": "Schrijf hier wat deze uitslag betekent.",
                    "loket_first": True,
                },
            ],
        },
    }
    for key, value in extra.get(type_name, {}).items():
        base[key] = value() if callable(value) else value
    body = "Schrijf hier de tekst. Gebruik korte zinnen en gewone woorden.\n"
    folder = root / "content" / TYPES[type_name].folder
    folder.mkdir(parents=True, exist_ok=True)
    site, _problems, _digest = load_site_config(root)
    default_lang = site.default_language if site is not None else "nl"
    lang = lang or default_lang
    path = folder / (f"{slug}.md" if lang == default_lang else f"{slug}.{lang}.md")  # file names, not URLs
    if path.exists():
        raise FileExistsError(f"{path} bestaat al; kies een andere titel")
    text = frontmatter.dump(base, body)
    parsed = parse_item(f"{TYPES[type_name].folder}/{path.name}", text.encode(), default_lang=default_lang)
    if parsed.problems:  # pragma: no cover - the scaffold itself must be valid
        raise ValueError("\n".join(p.format() for p in parsed.problems))
    path.write_text(canonical_text(parsed.item), encoding="utf-8")
    return path


def format_content(root: Path, write: bool = True) -> tuple[list[str], list[Problem]]:
    """Rewrite every valid content file in canonical form; report the invalid ones."""
    from sitegen.content.read import content_files

    changed: list[str] = []
    problems: list[Problem] = []
    content = root / "content"
    for path in content_files(root):
        key = path.relative_to(content).as_posix()
        raw = path.read_bytes()
        parsed = parse_item(key, raw)
        if parsed.item is None:
            problems.extend(parsed.problems)
            continue
        text = canonical_text(parsed.item)
        if text.encode("utf-8") != raw:
            changed.append(f"content/{key}")
            if write:
                path.write_text(text, encoding="utf-8")
    return changed, problems
