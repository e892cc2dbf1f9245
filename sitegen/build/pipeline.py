"""The build: read → validate → graph → plan → render changed outputs → swap.

Atomic: everything is written to a staging folder next to ``public/``; only a
complete, valid build is swapped in (with one atomic ``renameat2`` exchange on
Linux). A content error or a crash leaves ``public/`` exactly as it was.

Incremental: an output that is still right — same plan, same values for what it read last
time, a build date inside the days those reads hold for (``sitegen.build.fingerprint``) — is
carried over from the previous build as a hard link; the rest are rendered, in parallel, and
record what they read for the next build.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.build import parts, unchanged
from sitegen.build.context import BuildContext
from sitegen.build.fingerprint import Plans, Reader, Record
from sitegen.build.outputs import Output
from sitegen.build.publish import copy_tree_as_links, link_published, remove_unplanned, swap
from sitegen.build.render import Renderer, Theme, ThemeError, resolve_content_link
from sitegen.build.state import build_lock, load_state, save_state, state_dir
from sitegen.build.theme_check import check_theme
from sitegen.build.write import RenderError, render_all
from sitegen.clock import Clock
from sitegen.content.read import Site, load_site, media_files
from sitegen.graph import reads as recorded
from sitegen.graph.kept import KeptValues
from sitegen.graph.reads import Reads
from sitegen.problems import ContentError, Problem

__all__ = ["BuildOptions", "BuildResult", "RenderError", "build", "check", "prepare"]


SPARE_BEHIND = 256  # outputs the spare tree may lag behind the live site and still be updated in place


@dataclass
class BuildOptions:
    root: Path
    clock: Clock  # what time it is for this build (sitegen.clock)
    out: Path | None = None
    clean: bool = False
    jobs: int = 0  # 0 = all cores
    strict: bool = False  # warnings fail the build
    progress: Callable[[str, int, int], None] | None = None  # (phase, done, total)

    @property
    def public(self) -> Path:
        return (self.out or self.root / "public").resolve()


@dataclass
class BuildResult:
    items: int = 0
    outputs: int = 0
    written: int = 0  # outputs whose content differs from the published site
    rendered: int = 0  # outputs rendered (the staging folder may be two builds old)
    removed: int = 0
    kept: int = 0
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)


def check_links(site: Site, outputs: list[Output]) -> list[Problem]:
    """Internal links in Markdown must point at a page or file this build writes."""
    urls: set[str] = set()
    for output in outputs:
        urls.add("/" + output.path)
        if output.path.endswith("index.html"):
            urls.add("/" + output.path[: -len("index.html")])
    problems = []
    for entry in site.parsed:
        if entry.item is None:
            continue
        for field_name, line, href in entry.links:
            target = href.split("#", 1)[0].split("?", 1)[0]
            if not target or "://" in target or target.startswith(("mailto:", "tel:")):
                continue
            if target.endswith(".md"):
                if resolve_content_link(site.graph, target, entry.key) is None:
                    problems.append(
                        Problem(
                            "content/" + entry.key,
                            line,
                            field_name,
                            f"de link '{href}' wijst naar een bestand dat niet bestaat",
                            "controleer de bestandsnaam, bijvoorbeeld ../organisations/naam.md",
                        )
                    )
            elif target.startswith("/"):
                if target not in urls and target + "/" not in urls:
                    problems.append(
                        Problem(
                            "content/" + entry.key,
                            line,
                            field_name,
                            f"de link '{href}' wijst naar een pagina die niet bestaat",
                            "controleer het adres; een pagina op deze site schrijf je als /informatie/naam/",
                        )
                    )
    return problems


# ----------------------------------------------------------------------------- planning


def global_inputs(site: Site, theme: Theme, ctx: BuildContext) -> str:
    """What every output depends on: the code, the parts that make up the build, the theme,
    site.yaml, the vocabularies and the parts' per-build inputs (not the build date: time is
    recorded per output)."""
    graph = site.graph
    names = ",".join(part.__name__ for part in parts.parts())  # a part from another package or a test
    return "|".join((site.digests["@code"], names, theme.digest, graph.site_digest, graph.vocab_digest, *ctx.fingerprint_inputs))


def _media(path: Path, key: str) -> bytes:
    recorded.key(key)  # its digest is the file's (sitegen.content.read)
    return path.read_bytes()


def _asset_outputs(theme: Theme, root: Path) -> list[Output]:
    outputs = []
    for name, path in theme.files("static").items():
        public = theme.assets[name].lstrip("/")
        outputs.append(Output(public, render=(lambda p=path: p.read_bytes())))
    for key, path in media_files(root).items():
        outputs.append(Output(key, render=(lambda path=path, key=key: _media(path, key))))
    return outputs


# ----------------------------------------------------------------------------- the build


@dataclass
class Prepared:
    """A read, validated and planned build, ready to render."""

    site: Site
    theme: Theme
    ctx: BuildContext
    outputs: list[Output] | None  # None: nothing to do (sitegen.build.unchanged)
    problems: list[Problem]
    inputs: str = ""
    plan_until: dt.date | None = None  # the first day time changes the plan


def plan_site(ctx: BuildContext, theme: Theme) -> tuple[list[Output], list[Problem]]:
    """Every part's per-build decisions, then its outputs (assets first, the whole-plan ones last)."""
    problems = prepare_parts(ctx)
    return plan_outputs(ctx, theme), problems


def prepare_parts(ctx: BuildContext) -> list[Problem]:
    """The parts' per-build decisions (``prepare`` hooks), with their problems."""
    problems: list[Problem] = []
    for _part, hook in parts.hooks("prepare"):
        problems.extend(hook(ctx))
    return problems


def plan_outputs(ctx: BuildContext, theme: Theme) -> list[Output]:
    ctx.renderer = Renderer(theme, ctx.graph, globals_for=lambda lang: _template_globals(ctx, lang), compiled=_compiled_templates(ctx))
    outputs = _asset_outputs(theme, ctx.root)
    for _part, hook in parts.hooks("plan"):
        outputs.extend(hook(ctx))
    for _part, hook in parts.hooks("plan_from"):
        outputs.extend(list(hook(ctx, list(outputs))))
    return outputs


def _compiled_templates(ctx: BuildContext) -> Path | None:
    """Where compiled templates are kept: one folder for this version of the code (older ones go).
    None for a graph not read from files (a CMS preview): it compiles what it needs."""
    code = ctx.graph.digests.get("@code")
    if code is None:
        return None
    folder = state_dir(ctx.root) / "templates"
    own = folder / code[:16]
    if folder.is_dir():
        for other in folder.iterdir():
            if other != own:
                shutil.rmtree(other, ignore_errors=True)
    own.mkdir(parents=True, exist_ok=True)
    return own


def _template_globals(ctx: BuildContext, lang: str) -> dict:
    names: dict = {}
    for _part, hook in parts.hooks("template_globals"):
        names.update(hook(ctx, lang))
    return names


def prepare(options: BuildOptions, keep_values: bool = False, state: dict | None = None) -> Prepared:
    """Read, validate and plan; returns every problem found (errors and warnings). With
    ``keep_values``, memoised values marked for keeping come from and go to the last build's.
    With the last build's ``state``, stops before planning when there is nothing to do."""
    root = options.root.resolve()
    site = load_site(root, options.clock.today)
    if keep_values:
        inputs = "|".join((site.digests["@code"], site.graph.site_digest, site.graph.vocab_digest))
        site.graph.kept = KeptValues(state_dir(root) / "kept.pickle", inputs)
    problems = list(site.problems)
    try:
        theme = Theme.load(root, site.graph.site.theme)
    except ThemeError as error:
        problems.append(Problem("content/site.yaml", None, "theme", str(error), "zet 'theme' op de naam van een map in themes/ en controleer die map"))
        raise ContentError(sorted(problems)) from None
    ctx = BuildContext(root=root, clock=options.clock, graph=site.graph)
    problems.extend(prepare_parts(ctx))
    inputs = unchanged.inputs_digest(site.digests, global_inputs(site, theme, ctx))
    if state is not None and unchanged.nothing_to_do(state, inputs, options.clock.today, ctx, options.public):
        return Prepared(site, theme, ctx, None, [p for p in problems if p.severity == "error"] + unchanged.problems_from(state["warnings"]), inputs)
    with recorded.recording() as planning:  # for the days the plan holds for
        outputs = plan_outputs(ctx, theme)
    problems.extend(check_links(site, outputs))
    seen: dict[str, Output] = {}
    for output in outputs:
        if output.path in seen:
            problems.append(Problem("content/", None, None, f"twee pagina's krijgen hetzelfde adres: /{output.path}", "geef een van de items een andere slug"))
        seen[output.path] = output
    return Prepared(site, theme, ctx, outputs, problems, inputs, planning.until)


def build(options: BuildOptions) -> BuildResult:
    with build_lock(options.root.resolve()):
        return _build(options)


def _build(options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    result = BuildResult()
    root = options.root.resolve()
    public = options.public
    summary = load_state(root, public, whole=False)
    prepared = prepare(options, keep_values=True, state=None if options.clean else summary)
    site, theme, ctx, outputs, problems = prepared.site, prepared.theme, prepared.ctx, prepared.outputs, prepared.problems
    result.timings["read+plan"] = time.perf_counter() - started
    errors = [p for p in problems if p.severity == "error"]
    result.warnings = sorted(p for p in problems if p.severity == "warning")
    if errors or (options.strict and result.warnings):
        raise ContentError(sorted(errors if errors else result.warnings))
    if outputs is None:  # nothing changed since the published build, and time changed nothing yet
        result.items = len(site.graph.members)
        result.outputs = result.kept = summary["count"]
        result.seconds = time.perf_counter() - started
        return result

    today = options.clock.today
    global_part = global_inputs(site, theme, ctx)
    planned = Plans(global_part)
    plans = [planned.digest(output) for output in outputs]
    state = load_state(root, public)
    previous: dict[str, Record] = state.get("outputs", {})  # what public/ holds now
    old_groups: dict[str, Reads] = state.get("groups", {})
    staging = public.with_name(f".{public.name}.staging")
    # The site before the current one, kept after the last swap: updating it needs only the
    # outputs that changed in the last two builds, instead of copying and deleting the whole tree.
    spare = public.with_name(f".{public.name}.spare")
    spare_table = state.get("spare", {})
    if staging.exists():
        shutil.rmtree(staging)  # left over from an interrupted build
    reuse = not options.clean and bool(previous) and public.is_dir()
    step = time.perf_counter()
    # A spare tree far behind (after a build that changed most pages) costs more to bring up to
    # date file by file than a fresh tree of hard links; deleting it waits until the new site is live.
    trash = public.with_name(f".{public.name}.trash")
    if trash.exists():
        shutil.rmtree(trash)  # left over from an interrupted build
    behind = sum(1 for path, record in previous.items() if spare_table.get(path) != record.fingerprint)
    if reuse and spare_table and spare.is_dir() and behind <= max(SPARE_BEHIND, len(previous) // 20):
        os.rename(spare, staging)
        base = spare_table
    else:
        if spare.exists():
            os.rename(spare, trash)
        if reuse:
            copy_tree_as_links(public, staging)
        else:
            staging.mkdir(parents=True)
        base = {path: record.fingerprint for path, record in previous.items()} if reuse else {}
    result.timings["copy"] = time.perf_counter() - step

    step = time.perf_counter()
    old = Reader(site.graph, site.digests, old_groups)
    records: dict[str, Record] = {}
    todo = []
    for index, output in enumerate(outputs):
        record = previous.get(output.path) if reuse else None
        if record is not None and old.still_right(record, plans[index], today):
            records[output.path] = record  # unchanged since the published build ...
            if base.get(output.path) == record.fingerprint and (staging / output.path).exists():
                continue  # ... and in the tree being updated
            if link_published(public, staging, output.path):
                continue  # ... and taken from the live site (the tree being updated is two builds old)
        todo.append(index)
    result.timings["compare"] = time.perf_counter() - step
    wanted = {output.path for output in outputs}
    step = time.perf_counter()
    try:
        jobs = options.jobs or os.cpu_count() or 1
        found, worker_groups = render_all(outputs, todo, ctx.renderer, staging, jobs, options.progress, public if reuse else None)
        result.timings["render"] = time.perf_counter() - step
        step = time.perf_counter()
        new = Reader(site.graph, site.digests, {**old_groups, **site.graph.groups, **worker_groups})
        same_bytes = set()
        for index, (reads, same) in found.items():
            path = outputs[index].path
            if path not in records:
                records[path] = new.record(plans[index], reads, today)
            if same:
                same_bytes.add(path)
        # Remove every unplanned file (deleted or renamed items); post-build steps write their folders anew.
        remove_unplanned(staging, wanted, set(base), trash)
        # What differs from the published site (the staging folder may be two builds old).
        if reuse:
            # Rendered again but byte for byte the same (an over-cautious read, a day that changed nothing) is not a change.
            result.changed = {
                path
                for path, record in records.items()
                if (path not in previous or previous[path].fingerprint != record.fingerprint) and path not in same_bytes
            }
        else:
            result.changed = set(wanted)  # a clean build redoes everything, post-build steps too
        removed = len(set(previous) - wanted) if previous else 0
        gone = set(previous) - wanted
        ctx.planned = frozenset(wanted)
        ctx.published = frozenset(previous) if reuse else None
        for _part, hook in parts.hooks("after_render"):
            hook(ctx, staging, result.changed | gone, public if public.is_dir() else None)
        result.timings["after-render"] = time.perf_counter() - step
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    step = time.perf_counter()
    had_public = public.is_dir()
    swap(staging, public)
    if had_public:
        os.rename(staging, spare)  # the old site: next build's starting point
    site.graph.kept.save()  # after the swap: the new pages need not wait for caches to be written
    save_state(
        root,
        public,
        records,
        spare={path: record.fingerprint for path, record in previous.items()} if had_public else {},
        groups=new.referenced_groups(records.values()),
        inputs=prepared.inputs,
        window=[day.isoformat() if day else None for day in unchanged.window(today, prepared.plan_until, records.values())],
        warnings=unchanged.plain_problems(result.warnings),
    )
    result.timings["swap"] = time.perf_counter() - step
    if trash.exists():
        shutil.rmtree(trash)
    step = time.perf_counter()
    # Only now, with the new site live, do parts talk to the world (the Meilisearch index).
    for _part, hook in parts.hooks("after_publish"):
        hook(ctx, public, result.changed | gone)
    result.timings["after-publish"] = time.perf_counter() - step
    result.items = len(site.graph.nodes)
    result.outputs = len(outputs)
    result.rendered = len(todo)
    result.written = len(result.changed)
    result.kept = len(outputs) - result.written
    result.removed = removed
    result.seconds = time.perf_counter() - started
    return result


def check(root: Path, clock: Clock) -> list[Problem]:
    try:
        prepared = prepare(BuildOptions(root=root, clock=clock))
    except ContentError as error:
        return error.problems
    return sorted(prepared.problems + check_theme(prepared))
