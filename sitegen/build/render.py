"""Jinja2 rendering with the active theme, gettext and fingerprinted assets."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date, format_datetime, format_time
from markupsafe import Markup

from sitegen import bidi, dates, languages, urls
from sitegen.content import markdown
from sitegen.i18n import translations

THEMES_DIR = Path(__file__).resolve().parents[2] / "themes"


THEME_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # as SiteConfig.theme: a name, not a path


class ThemeError(ValueError):
    """The theme cannot be used as it is; the message says why, in Dutch."""


def _refuse_links_out(folder: Path, root: Path) -> None:
    """A theme publishes only what is in its own folder: a symlink out of it is an error."""
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
                shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
                raise ThemeError(f"{shown} is een snelkoppeling (symlink) naar een plek buiten de map van het thema")


@dataclass
class Theme:
    """A theme folder with its fallbacks: a custom theme overrides files of 'default'."""

    build_wide = True  # the same for every output (sitegen.build.fingerprint)

    folders: list[Path]

    @classmethod
    def load(cls, root: Path, name: str, _seen: tuple[str, ...] = ()) -> Theme:
        """The theme ``name`` and the themes it extends (theme.yaml: ``extends: name``); ThemeError when
        a name is a path, a theme extends itself, or a file in it leads out of its folder."""
        if not THEME_NAME.match(name):
            raise ThemeError(f"'{name}' is geen naam van een thema; een thema is een map direct in themes/, zonder / of ..")
        if name in _seen:
            raise ThemeError("de thema's breiden elkaar in een kring uit: " + " → ".join((*_seen, name)))
        folders = []
        for candidate in (root / "themes" / name, THEMES_DIR / name):
            if candidate.is_dir() and candidate not in folders:
                folders.append(candidate)
                break
        if not folders:
            raise ThemeError(f"thema '{name}' niet gevonden in themes/")
        if folders[0].parent == root / "themes" and not folders[0].resolve().is_relative_to((root / "themes").resolve()):
            raise ThemeError(f"themes/{name} is een snelkoppeling (symlink) naar een plek buiten themes/")
        _refuse_links_out(folders[0], root)
        parent_file = folders[0] / "theme.yaml"
        parent = "default"
        if parent_file.exists():
            for line in parent_file.read_text().splitlines():
                if line.startswith("extends:"):
                    parent = line.split(":", 1)[1].strip()
        if name != parent:
            folders.extend(cls.load(root, parent, (*_seen, name)).folders)
        return cls(folders)

    def files(self, sub: str) -> dict[str, Path]:
        """Relative name -> file, the first theme that has it wins."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders):
            base = folder / sub
            if base.is_dir():
                for path in sorted(base.rglob("*")):
                    if path.is_file() and path.resolve().is_relative_to(folder.resolve()):
                        found[path.relative_to(base).as_posix()] = path
        return found

    @functools.cached_property
    def digest(self) -> str:
        hasher = hashlib.blake2b(digest_size=16)
        for folder in self.folders:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    hasher.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
        return hasher.hexdigest()

    @functools.cached_property
    def assets(self) -> dict[str, str]:
        """Static file name -> fingerprinted public path, e.g. css/site.css -> /assets/css/site.3f2a91c0.css.

        A folder in js/ holds ES modules that import each other by relative URL (``import "./rank.js"``),
        which must resolve to the same version: the folder is fingerprinted as a whole, from all its
        files, e.g. js/search/main.js -> /assets/js/search.5b1c07d2/main.js (docs/search.md).
        """
        files = self.files("static")
        folders: dict[str, hashlib.blake2b] = {}
        for name, path in files.items():
            parts = name.split("/")
            if parts[0] == "js" and len(parts) > 2:
                hasher = folders.setdefault(parts[1], hashlib.blake2b(digest_size=4))
                hasher.update("/".join(parts[2:]).encode() + b"\0" + path.read_bytes() + b"\0")
        table = {}
        for name, path in files.items():
            parts = name.split("/")
            if parts[0] == "js" and len(parts) > 2:
                table[name] = f"/assets/js/{parts[1]}.{folders[parts[1]].hexdigest()}/" + "/".join(parts[2:])
                continue
            digest = hashlib.blake2b(path.read_bytes(), digest_size=4).hexdigest()
            stem, dot, ext = name.rpartition(".")
            table[name] = f"/assets/{stem}.{digest}.{ext}" if dot else f"/assets/{name}.{digest}"
        return table


class Renderer:
    """Renders templates for one site; one Jinja environment per language.

    ``globals_for(lang)`` gives the names the parts add to their templates (their
    ``template_globals`` hooks), so the renderer knows no part."""

    build_wide = True  # the same for every output (sitegen.build.fingerprint)

    def __init__(self, theme: Theme, graph, globals_for: Callable[[str], dict] | None = None, compiled: Path | None = None):
        self.theme = theme
        self.graph = graph
        self.globals_for = globals_for
        # Compiled templates kept between builds (a folder per version of the code, which decides
        # how they compile): compiling the theme took a second of every one-edit build.
        self.compiled = jinja2.FileSystemBytecodeCache(str(compiled)) if compiled is not None else None
        self._environments: dict[str, jinja2.Environment] = {}

    def environment(self, lang: str) -> jinja2.Environment:
        if lang not in self._environments:
            env = jinja2.Environment(
                loader=_ThemeLoader([str(folder / "templates") for folder in self.theme.folders]),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                extensions=["jinja2.ext.i18n"],
                trim_blocks=True,
                lstrip_blocks=True,
                # Templates do not change during a build; skip the stat() per include.
                auto_reload=False,
                cache_size=1000,
                bytecode_cache=self.compiled,
            )
            env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
            env.globals.update(
                asset=self.asset,
                graph=self.graph,
                site=self.graph.site,
                lang=lang,
                dir=languages.direction(lang),
                direction=languages.direction,
                label=lambda vocabulary, slug: self.graph.label(vocabulary, slug, lang),
                localized=lambda text: localized(text, lang, self.graph.default_lang),
                home_url=self.home_url(lang),
                url_for=self.url_for,
                CARD_DATES=dates.CARRIED_DATES,
                plural_samples=languages.plural_samples(lang),
            )
            if self.globals_for is not None:
                env.globals.update(self.globals_for(lang))
            env.filters.update(
                markdown=self.markdown,
                date=lambda value, form="long": _date(value, form, lang),
                time=lambda value: _time(value, lang),
                datetime=lambda value, form="long": _datetime(value, form, lang),
                json_ld=json_ld,
                language_name=lambda code: languages.name_in(code, lang),
                own_language_name=lambda code: languages.language(code).name,
                tel=lambda phone: "tel:" + "".join(c for c in phone if c.isdigit() or c == "+"),
                absolute=lambda path: self.graph.site.base_url + path,
                # Every href/src from data goes through this (tests/theme/test_urls_in_templates.py):
                # escaping holds without the CSP header.
                url=urls.safe_href,
                # For HTML carried in another format (a listing's items file holds its cards).
                bidi=bidi.isolate_html,
            )
            self._environments[lang] = env
        return self._environments[lang]

    def markdown(self, text: str) -> Markup:
        """Markdown to safe HTML; cached because the same text shows on several pages (through the
        graph's memo, so the items its links resolve to are recorded for every page showing it)."""
        key = hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
        return self.graph.memo("markdown", key, lambda: Markup(markdown.render(text, link_resolver=self.link_resolver).html))

    def render(self, template: str, lang: str, context: dict[str, Any]) -> str:
        html = self.environment(lang).get_template(template).render(context)
        # Numbers, codes and addresses read left to right on every page, in every language.
        return bidi.isolate_html(html) if template.endswith(".html") else html

    def asset(self, name: str) -> str:
        try:
            return self.theme.assets[name]
        except KeyError:
            raise jinja2.TemplateRuntimeError(f"het bestand static/{name} bestaat niet in het thema") from None

    def home_url(self, lang: str) -> str:
        return languages.url(lang, self.graph.default_lang)

    def url_for(self, path: str, lang: str) -> str:
        """A site path (without language prefix) in a language: /vacatures/ -> /en/vacatures/."""
        return urls.safe_href(languages.url(lang, self.graph.default_lang, path))

    def link_resolver(self, href: str) -> str:
        """Links in Markdown to content files (../organisations/x.md) become the page's URL."""
        target = resolve_content_link(self.graph, href)
        return target.url if target is not None else href


# Babel formats a date in tens of microseconds, and the same dates fill every card and listing:
# formatted once per build process.
@functools.lru_cache(maxsize=1 << 16)
def _date(value: dt.date, form: str, lang: str) -> str:
    return format_date(value, form, locale=babel_locale(lang))


@functools.lru_cache(maxsize=1 << 16)
def _time(value: dt.datetime, lang: str) -> str:
    return format_time(dates.local(value), "HH:mm", locale=babel_locale(lang))


@functools.lru_cache(maxsize=1 << 16)
def _datetime(value: dt.datetime, form: str, lang: str) -> str:
    return format_datetime(dates.local(value), form, locale=babel_locale(lang), tzinfo=dates.TIMEZONE)


class _ThemeLoader(jinja2.FileSystemLoader):
    """Remembers the names the theme lacks: Jinja caches templates found, not names missing, and
    ``include [type's card, default card]`` asks for a missing one on every card."""

    def __init__(self, searchpath: list[str]):
        super().__init__(searchpath)
        self._missing: set[str] = set()

    def get_source(self, environment: jinja2.Environment, template: str):
        if template in self._missing:
            raise jinja2.TemplateNotFound(template)
        try:
            return super().get_source(environment, template)
        except jinja2.TemplateNotFound:
            self._missing.add(template)
            raise


def resolve_content_link(graph, href: str, from_key: str = "pages/x.md"):
    if ".md" not in href or "://" in href:
        return None
    path = href.split("#", 1)[0]
    parts = [part for part in path.split("/") if part not in ("", ".", "..")]
    if len(parts) >= 2:
        return graph.node("/".join(parts[-2:]))
    if len(parts) == 1:
        folder = from_key.split("/", 1)[0]
        return graph.node(f"{folder}/{parts[0]}")
    return None


def localized(text: dict[str, str] | str | None, lang: str, default_lang: str) -> str:
    """A text of site.yaml in a language, else English, else the default language."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return languages.pick(text, lang, default_lang)


def babel_locale(lang: str) -> str:
    return languages.language(lang).locale


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON-LD for a <script type="application/ld+json"> block, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, default=_json_default)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)
