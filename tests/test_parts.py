"""Parts and their hooks: local work happens before the swap, talking to the world after it."""

from __future__ import annotations

import types

import pytest
from support import REPO, build_site, copy_site

from sitegen.build import parts
from sitegen.build.outputs import Output


@pytest.fixture
def site(tmp_path):
    return copy_site(REPO / "tests" / "sites" / "minimal", tmp_path / "site")


def _part(**hooks) -> types.ModuleType:
    module = types.ModuleType("test_part")
    for name, function in hooks.items():
        setattr(module, name, function)
    return module


def test_after_render_sees_staging_and_after_publish_sees_the_new_site(site):
    seen = {}

    def plan(ctx):
        yield Output("proef.txt", render=lambda: "nieuw\n")

    def after_render(ctx, staging, changed, published):
        seen["staging has it"] = (staging / "proef.txt").read_text() == "nieuw\n"
        seen["public has it before the swap"] = published is not None and (published / "proef.txt").exists()

    def after_publish(ctx, public, changed):
        seen["public has it after the swap"] = (public / "proef.txt").read_text() == "nieuw\n"
        seen["changed"] = "proef.txt" in changed

    build_site(site, clean=True)  # a published site without the file
    part = _part(plan=plan, after_render=after_render, after_publish=after_publish)
    parts.add_part(part)
    try:
        build_site(site)
    finally:
        parts.remove_part(part)
    assert seen == {"staging has it": True, "public has it before the swap": False, "public has it after the swap": True, "changed": True}


def test_a_failing_after_render_publishes_nothing_and_never_reaches_after_publish(site):
    build_site(site, clean=True)
    before = {p.relative_to(site / "public"): p.read_bytes() for p in (site / "public").rglob("*") if p.is_file()}
    published = []

    def plan(ctx):
        yield Output("proef.txt", render=lambda: "nieuw\n")

    def after_render(ctx, staging, changed, previous):
        raise RuntimeError("index kapot")

    part = _part(plan=plan, after_render=after_render, after_publish=lambda ctx, public, changed: published.append(public))
    parts.add_part(part)
    try:
        with pytest.raises(RuntimeError, match="index kapot"):
            build_site(site)
    finally:
        parts.remove_part(part)
    after = {p.relative_to(site / "public"): p.read_bytes() for p in (site / "public").rglob("*") if p.is_file()}
    assert after == before
    assert published == []


def test_every_part_is_an_installed_entry_point():
    names = {part.__name__ for part in parts.parts()}
    assert {"sitegen.parts.pages", "sitegen.parts.sitemap", "search.site", "search.meili", "search.pagefind_index"} <= names
