"""The checked-in page models agree with the registry and the content model; texts need no migration; no import circles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
from django.db.migrations.state import ProjectState
from support import REPO

from cms.content import codegen, kinds, pagefields
from cms.content.models import INDEX_PAGES, PAGE_MODELS, HomePage
from sitegen.content.model import Vacancy
from sitegen.content.types import TYPES

CMS = REPO / "cms"


# ----------------------------------------------------------------------------- drift


def test_checked_in_page_models_are_what_the_generator_writes():
    assert codegen.stale_files() == [], f"run {codegen.COMMAND} and makemigrations content"


def _differences(content_type) -> list[str]:
    """What the loaded page model of a type says differently from the registry and the pydantic model."""
    page_model = PAGE_MODELS.get(content_type.name)
    if page_model is None:
        return [f"{content_type.name}: no page model"]
    found = []
    if page_model.item_model is not content_type.model or page_model.item_type is not content_type:
        found.append(f"{page_model.__name__}: not the page of {content_type.model.__name__}")
    wanted = {kind.name: kind for kind in kinds.item_fields(content_type.model) if kind.kind != "ref"}
    have = {field.name: field for field in pagefields.item_fields(page_model)}
    for name in sorted(set(wanted) ^ set(have)):
        found.append(f"{page_model.__name__}.{name}: {'missing in the CMS' if name in wanted else 'not in the content model'}")
    for name in sorted(set(wanted) & set(have)):
        kind, field = wanted[name], have[name]
        if field.kind != kind.kind:
            found.append(f"{page_model.__name__}.{name}: kind {field.kind} in the CMS, {kind.kind} in the content model")
        if field.required != kind.required:
            found.append(f"{page_model.__name__}.{name}: required={field.required} in the CMS, {kind.required} in the content model")
        if field.vocabulary != kind.vocabulary:
            found.append(f"{page_model.__name__}.{name}: vocabulary {field.vocabulary} in the CMS, {kind.vocabulary} in the content model")
        if kind.kind in ("struct", "struct_list"):
            (block,) = field.stream_block.child_blocks.values()
            if block.item_model is not kind.model or list(block.child_blocks) != list(kind.model.model_fields):
                found.append(f"{page_model.__name__}.{name}: the block does not have the fields of {kind.model.__name__}")
        if kind.kind == "image" and not isinstance(page_model._meta.get_field(f"{name}_alt"), pagefields.AltText):
            found.append(f"{page_model.__name__}.{name}_alt: the alternative text is missing")
    place = content_type.cms
    parents = {INDEX_PAGES[content_type.name]} if place.parent == "index" else {PAGE_MODELS[place.parent]}
    if set(page_model.allowed_parent_page_models()) != parents:
        found.append(f"{page_model.__name__}: parents {page_model.allowed_parent_page_models()}, registry says {parents}")
    children = {PAGE_MODELS[other.name] for other in TYPES if other.cms.parent == content_type.name}
    if set(page_model.allowed_subpage_models()) != children:
        found.append(f"{page_model.__name__}: children {page_model.allowed_subpage_models()}, registry says {children}")
    if (str(page_model._meta.verbose_name), str(page_model._meta.verbose_name_plural)) != content_type.cms_name:
        found.append(f"{page_model.__name__}: verbose names differ from TYPES['{content_type.name}'].cms_name")
    return found


def test_page_models_agree_with_the_registry_and_the_content_model():
    found = [difference for content_type in TYPES for difference in _differences(content_type)]
    assert found == [], f"{found}; run {codegen.COMMAND} and makemigrations content"
    assert set(PAGE_MODELS) == set(TYPES.names())
    indexed = {ct.name for ct in TYPES if ct.cms.parent == "index"}
    assert set(INDEX_PAGES) == indexed
    assert set(HomePage.allowed_subpage_models()) == {INDEX_PAGES[name] for name in indexed}
    for name, index_page in INDEX_PAGES.items():
        assert index_page.index_of is TYPES[name] and index_page.allowed_subpage_models() == [PAGE_MODELS[name]]


def test_the_drift_check_notices_a_changed_content_model(monkeypatch):
    """A field made optional in the content model, and a registry with another parent, are reported."""
    hours = Vacancy.model_fields["sectors"]
    monkeypatch.setattr(hours, "metadata", [])  # no min_length: no longer required
    found = _differences(TYPES["vacancy"])
    assert any("sectors: required=True in the CMS, False" in line for line in found), found
    assert codegen.stale_files() == ["vacancy.py"]


# ----------------------------------------------------------------------------- migrations


def _changes() -> dict:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    autodetector = MigrationAutodetector(
        loader.project_state(), ProjectState.from_apps(apps), NonInteractiveMigrationQuestioner(specified_apps={"content"}, dry_run=True)
    )
    return autodetector.changes(graph=loader.graph, trim_to_apps={"content"})


@pytest.mark.django_db
def test_a_new_help_text_or_label_in_the_content_model_needs_no_migration(monkeypatch):
    assert _changes() == {}
    info = Vacancy.model_fields["hours"]
    monkeypatch.setattr(info, "description", "Een heel andere uitleg.")
    monkeypatch.setattr(info, "json_schema_extra", {"x-label": "Tijd per week"})
    location = Vacancy.model_fields["location"].annotation.__args__[0]
    monkeypatch.setattr(location.model_fields["name"], "description", "Andere uitleg in een blok.")
    field = PAGE_MODELS["vacancy"]._meta.get_field("hours")
    # The editor sees the new texts at once ...
    assert str(field.help_text) == "Een heel andere uitleg." and str(field.verbose_name) == "Tijd per week"
    # ... and there is nothing to migrate.
    assert _changes() == {}


@pytest.mark.django_db
def test_the_migration_check_does_notice_a_real_change(monkeypatch):
    """The check above can fail: a change the database needs is found."""
    field = PAGE_MODELS["vacancy"]._meta.get_field("hours")
    monkeypatch.setattr(field, "max_length", 301)
    assert "content" in _changes()


# ----------------------------------------------------------------------------- imports


def _module(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """cms modules this file imports, at any level (module, function or class body)."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([node.module] if node.module else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {module for module in found if module in modules and module != name}


def test_the_cms_has_no_import_circles():
    files = [path for path in CMS.rglob("*.py") if "migrations" not in path.parts]
    modules = {_module(path) for path in files}
    graph = {_module(path): _imports(path, modules) for path in files}
    cycles = []

    def visit(module: str, trail: list[str], done: set[str]) -> None:
        for target in sorted(graph[module]):
            if target in trail:
                cycles.append(" -> ".join(trail[trail.index(target) :] + [target]))
            elif target not in done:
                visit(target, trail + [target], done)
        done.add(module)

    done: set[str] = set()
    for module in sorted(graph):
        if module not in done:
            visit(module, [module], done)
    assert cycles == []
    assert len(modules) > 30 and "cms.content.pages.vacancy" in modules


def test_imports_are_at_the_top_except_where_django_requires_otherwise():
    """Function-level imports only in AppConfig.ready (app loading) and manage.py / urls.py (settings-dependent)."""
    allowed = {"cms/content/apps.py", "cms/editorial/apps.py", "cms/manage.py", "cms/urls.py"}
    late = []
    for path in CMS.rglob("*.py"):
        rel = path.relative_to(REPO).as_posix()
        if "migrations" in path.parts or rel in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                late += [f"{rel}:{inner.lineno}" for inner in ast.walk(node) if isinstance(inner, (ast.Import, ast.ImportFrom))]
    assert late == []
