"""Whole-site import (content/ -> CMS) and export (CMS -> content/)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from cms.content import convert, kinds, pagefields, publishing, siteconfig
from cms.content.bulk import bulk_changes
from cms.content.langtext import site_languages
from cms.content.models import INDEX_PAGES, PAGE_MODELS, HomePage, SiteSettings, Vocabulary
from sitegen.clock import Clock
from sitegen.content.parse import ParsedItem, split_name
from sitegen.content.read import content_files, load_site
from sitegen.content.site_model import VOCABULARY_NAMES
from sitegen.content.types import TYPES
from sitegen.problems import ContentError, Problem


def import_order(type_name: str) -> int:
    """Parents before children: a type that lives under another type comes after it."""
    depth, content_type = 0, TYPES[type_name]
    while content_type.cms.parent != "index":
        depth, content_type = depth + 1, TYPES[content_type.cms.parent]
    return depth


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    translations: int = 0
    problems: list[Problem] = field(default_factory=list)


def ensure_locales(codes: list[str] | None = None) -> dict[str, Locale]:
    """A Wagtail locale for every language of the site (``codes``; default: the site settings)."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in (codes or site_languages())}


def ensure_tree() -> tuple[HomePage, dict[str, Page]]:
    """The home page in the default language with one folder per indexed type, set as the default site's root."""
    default = site_languages()[0]
    locale = ensure_locales()[default]
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Hulpwijzer", slug="hulpwijzer", locale=locale))
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Hulpwijzer")
        else:
            old_root = site.root_page
            site.root_page = home
            site.save()
            if old_root.specific_class is Page and old_root.depth == 2 and not old_root.get_children().exists():
                old_root.delete()  # Wagtail's "Welcome" page
    indexes = {}
    for type_name, index_model in INDEX_PAGES.items():
        content_type = TYPES[type_name]
        indexes[type_name] = index_model.objects.child_of(home).first() or home.add_child(
            instance=index_model(title=content_type.cms.index_title, slug=content_type.section, locale=locale)
        )
    return home, indexes


class _Images:
    """content/media/ files as Wagtail images, created once."""

    def __init__(self, site_root: Path):
        self.site_root = site_root
        self.cache: dict[str, object] = {}

    def __call__(self, src: str):
        src = src.removeprefix("/")
        if src in self.cache:
            return self.cache[src]
        Image = get_image_model()
        name = Path(src).name
        image = Image.objects.filter(file__endswith="/" + name).first()
        path = self.site_root / "content" / src
        if image is None and path.is_file():
            with path.open("rb") as handle:
                image = Image(title=name)
                image.file = ImageFile(handle, name=name)
                image.save()
        self.cache[src] = image
        return image


def _publish(page, current: bool) -> None:
    revision = page.save_revision()
    revision.publish()
    if not current:
        page.unpublish(set_expired=True, log_action=False)


def _born_published(page, current: bool, now) -> None:
    """A page the import creates starts published (or expired) as it is: saving a revision and
    publishing it took half of an import's time. Its history in the CMS starts with the first
    edit there; a page the import updates gets a revision, as an edit would."""
    page.live = current
    page.expired = not current
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = now


def import_site(site_root: Path, clock: Clock, stdout=None) -> ImportReport:
    """Load content/ into the CMS: settings, vocabularies and every item.

    Current items are published. Expired vacancies and past activities (at ``clock``) are
    imported as Wagtail's "expired" pages: not live, marked as expired in every admin
    listing and search, and still exported, as the generator keeps them out of the lists.
    Content that ``hulpwijzer check`` rejects is refused with the same messages."""
    report = ImportReport()
    content = site_root / "content"
    say = (lambda text: stdout.write(text)) if stdout else (lambda text: None)
    site = load_site(site_root, clock.today)
    errors = [problem for problem in site.problems if problem.severity == "error"]
    if errors:
        raise ContentError(sorted(errors))
    current = {node.key: site.graph.is_current(node) for node in site.graph.nodes}
    try:
        _import(site_root, content, [entry for entry in site.parsed if entry.item is not None], current, report, say, clock)
    except ValidationError as error:  # a rule the generator does not know yet: say where, never a traceback
        raise ContentError(
            [Problem("content/", None, None, f"de CMS weigert de inhoud: {'; '.join(error.messages)}", "verbeter het genoemde veld en importeer opnieuw")]
        ) from None
    if report.problems:
        raise ContentError(sorted(report.problems))
    return report


def _import(site_root: Path, content: Path, entries: list[ParsedItem], current: dict[str, bool], report: ImportReport, say, clock: Clock) -> None:
    with bulk_changes(say), publishing.suspended(), transaction.atomic():
        settings = SiteSettings.load()
        site_yaml = content / "site.yaml"
        if site_yaml.exists():
            siteconfig.set_site_fields(settings, site_yaml.read_text(encoding="utf-8"))
            settings.save()
        languages = settings.language_codes()
        default = languages[0]
        locales = ensure_locales(languages)
        for name in VOCABULARY_NAMES:
            path = content / "vocabularies" / f"{name}.yaml"
            if path.exists():
                Vocabulary.load(name, path.read_text(encoding="utf-8"))
        home, indexes = ensure_tree()
        images = _Images(site_root)
        # The items as load_site parsed them (it refused the import if any was invalid).
        entries = sorted(entries, key=lambda entry: (import_order(entry.type_name), entry.key))
        parsed = [(entry, (content / entry.key).read_text(encoding="utf-8")) for entry in entries]
        sources: dict[tuple[str, str], object] = {}  # (type, translation key) -> Dutch page
        progress = _Progress(len(parsed), say)
        pages = _Pages(locales[default])
        for entry, text in [p for p in parsed if p[0].lang == default]:
            progress.step()
            model = PAGE_MODELS[entry.type_name]
            page = pages.get(entry.type_name, entry.file_slug)
            parent = _parent_for(entry, indexes, pages)
            created = page is None
            if created:
                page = model(locale=locales[default])
            convert.set_page_fields(page, entry.item, entry.file_slug, text, images)
            if created:
                _born_published(page, current[entry.key], clock.now)
                parent.add_child(instance=page)
                pages.add(entry.type_name, page)
                report.created += 1
            else:
                if page.get_parent().specific != parent:
                    page.move(parent, pos="last-child")
                    pages.forget()  # the tree paths of the pages under it changed
                report.updated += 1
                _publish(page, current[entry.key])
            sources[(entry.type_name, entry.item.translation_key or entry.file_slug)] = page
        for entry, text in [p for p in parsed if p[0].lang != default]:
            progress.step()
            if entry.lang not in locales:
                report.problems.append(
                    Problem(
                        "content/" + entry.key,
                        None,
                        None,
                        f"de taal '{entry.lang}' staat niet in site.yaml",
                        f"voeg de taal toe aan 'languages' in content/site.yaml ({', '.join(languages)})",
                    )
                )
                continue
            source = sources.get((entry.type_name, entry.item.translation_key or entry.file_slug))
            if source is None:
                report.problems.append(
                    Problem(
                        "content/" + entry.key,
                        None,
                        "translation_key",
                        "er is geen origineel in de standaardtaal",
                        "noem het bestand naar het bestand in de standaardtaal",
                    )
                )
                continue
            page = source.get_translation_or_none(locales[entry.lang])
            if page is None:
                page = source.copy_for_translation(locales[entry.lang], copy_parents=True)
            page = page.specific
            convert.set_page_fields(page, entry.item, source.file_name, text, images)
            page.save()
            _publish(page, current[entry.key])
            report.translations += 1
        say(f"{report.created} nieuw, {report.updated} bijgewerkt, {report.translations} vertalingen.\n")


class _Progress:
    """'2000 van 10000 items' at every tenth, for an import that takes minutes."""

    def __init__(self, total: int, say):
        self.total, self.done, self.say = total, 0, say
        self.every = max(1, total // 10)

    def step(self) -> None:
        self.done += 1
        if self.total >= 100 and (self.done % self.every == 0 or self.done == self.total):
            self.say(f"{self.done} van {self.total} items ingelezen\n")


class _Pages:
    """The pages of the source language by type and file name: one query per type, not two per item."""

    def __init__(self, locale):
        self.locale = locale
        self._by_type: dict[str, dict[str, Page]] = {}

    def get(self, type_name: str, file_name: str):
        if type_name not in self._by_type:
            found = PAGE_MODELS[type_name].objects.filter(locale=self.locale)
            self._by_type[type_name] = {page.file_name: page for page in found}
        return self._by_type[type_name].get(file_name)

    def forget(self) -> None:
        self._by_type.clear()

    def add(self, type_name: str, page) -> None:
        self.get(type_name, page.file_name)
        self._by_type[type_name][page.file_name] = page


def _parent_for(entry, indexes: dict[str, Page], pages: _Pages):
    """The index page of the type, or the page the item refers to (TYPES[...].cms.parent)."""
    place = TYPES[entry.type_name].cms
    if place.parent == "index":
        return indexes[entry.type_name]
    ref = next(kind for kind in kinds.refs(type(entry.item)) if kind.ref_type == place.parent)
    slug = getattr(entry.item, ref.name)
    parent = pages.get(place.parent, slug)
    if parent is None:
        raise ContentError(
            [
                Problem(
                    "content/" + entry.key,
                    entry.field_lines.get(ref.name),
                    ref.name,
                    f"de {TYPES[place.parent].cms_name[0]} '{slug}' bestaat niet",
                    f"importeer eerst de {TYPES[place.parent].cms_name[0]} of verbeter de slug",
                )
            ]
        )
    return parent


def export_site(site_root: Path, prune: bool = False) -> list[str]:
    """Write every published (or expired) page, the settings and the vocabularies to content/."""
    written: list[str] = []
    files: dict[str, str] = {}
    settings = SiteSettings.load()
    if settings.municipality:
        files["site.yaml"] = siteconfig.site_to_text(settings)
    for vocabulary in Vocabulary.objects.all():
        files[f"vocabularies/{vocabulary.name}.yaml"] = siteconfig.vocabulary_to_text(vocabulary)
    media: set[str] = set()
    for model in PAGE_MODELS.values():
        # Expired pages stay content: the generator shows past activities as past and hides expired vacancies.
        for page in model.objects.filter(Q(live=True) | Q(expired=True), alias_of__isnull=True):
            key, text = convert.page_to_text(page)
            files[key] = text
            for page_field in pagefields.item_fields(model):
                image = getattr(page, page_field.name) if isinstance(page_field, pagefields.Picture) else None
                if image is not None:
                    media.add(image.file.path)
    with publishing.content_lock(site_root):
        for key, text in sorted(files.items()):
            publishing.write_file(key, text, site_root)
            written.append(key)
        for path in sorted(media):
            target = site_root / "content" / "media" / Path(path).name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        if prune:
            for path in content_files(site_root):
                key = path.relative_to(site_root / "content").as_posix()
                if key not in files:
                    path.unlink()
    return written


def file_lang(key: str) -> str:
    return split_name(key.rsplit("/", 1)[-1])[1] or site_languages()[0]
