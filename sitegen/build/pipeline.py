"""The build: read → validate → graph → plan → render changed outputs → swap.

Atomic: everything is written to a staging folder next to ``public/``; only a
complete, valid build is swapped in (with one atomic ``renameat2`` exchange on
Linux). A content error or a crash leaves ``public/`` exactly as it was.

Incremental: each output has a fingerprint made of the digests of the content
files it depends on plus everything global (theme, site.yaml, vocabularies,
code, build date). Outputs whose fingerprint did not change are carried over
from the previous build as hard links; the rest are rendered, in parallel.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2

from search.browser_keys import browser_search
from sitegen.clock import Clock
from sitegen.graph.site_graph import SiteGraph
from sitegen.build.outputs import Output, plan, post_build_hooks
from sitegen.problems import ContentError, Problem
from sitegen.content.read import Site, load_site, media_files
from sitegen.build.render import Renderer, Theme, resolve_content_link
from sitegen.build.state import build_lock, load_state, save_state



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
                    problems.append(Problem("content/" + entry.key, line, field_name, f"de link '{href}' wijst naar een bestand dat niet bestaat",
                                            "controleer de bestandsnaam, bijvoorbeeld ../organisations/naam.md"))
            elif target.startswith("/"):
                if target not in urls and target + "/" not in urls:
                    problems.append(Problem("content/" + entry.key, line, field_name, f"de link '{href}' wijst naar een pagina die niet bestaat",
                                            "controleer het adres; een pagina op deze site schrijf je als /informatie/naam/"))
    return problems


# ----------------------------------------------------------------------------- planning


def fingerprints(outputs: list[Output], site: Site, theme: Theme) -> dict[str, str]:
    graph = site.graph
    global_part = "|".join((site.digests["@code"], theme.digest, graph.site_digest, graph.vocab_digest, graph.today.isoformat(),
                            repr(graph.browser_search)))
    table = {}
    digests = site.digests
    for output in outputs:
        hasher = hashlib.blake2b(global_part.encode(), digest_size=16)
        for dep in sorted(output.deps):
            hasher.update(b"\0" + dep.encode() + b"=" + digests.get(dep, "-").encode())
        if output.signature:
            hasher.update(b"\0@signature=" + output.signature.encode())
        table[output.path] = hasher.hexdigest()
    return table


def _asset_outputs(theme: Theme, root: Path) -> list[Output]:
    outputs = []
    for name, path in theme.files("static").items():
        public = theme.assets[name].lstrip("/")
        outputs.append(Output(public, deps=frozenset(), render=(lambda p=path: p.read_bytes())))
    for key, path in media_files(root).items():
        outputs.append(Output(key, deps=frozenset({key}), render=(lambda p=path: p.read_bytes())))
    return outputs


# ----------------------------------------------------------------------------- writing

_WORK: tuple[list[Output], Renderer, Path] | None = None


def _render_chunk(indices: list[int]) -> int:
    outputs, renderer, staging = _WORK  # type: ignore[misc]
    for index in indices:
        _write(staging, outputs[index], renderer)
    return len(indices)


class RenderError(Exception):
    """A template or generator failed; the message names the output and the template line."""


def _write(staging: Path, output: Output, renderer: Renderer) -> None:
    target = staging / output.path
    try:
        content = output.produce(renderer)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(f"/{output.path}: fout in sjabloon {error.filename or error.name}, regel {error.lineno}: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise RenderError(f"/{output.path}: het sjabloon '{error.name}' bestaat niet in het thema") from None
    except jinja2.TemplateError as error:
        frame = _template_frame(error)
        raise RenderError(f"/{output.path}: fout in sjabloon {frame}: {error}") from None
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write a new file and rename it over the old one: this breaks the hard
    # link to the published file, which must stay as it is until the swap.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(content)
    os.replace(tmp, target)


def _render_all(outputs: list[Output], todo: list[int], renderer: Renderer, staging: Path, jobs: int, progress) -> None:
    global _WORK
    total = len(todo)
    if progress:
        progress("render", 0, total)
    if jobs <= 1 or total < 64 or sys.platform == "win32":
        for done, index in enumerate(todo, 1):
            _write(staging, outputs[index], renderer)
            if progress and (done % 50 == 0 or done == total):
                progress("render", done, total)
        return
    import multiprocessing

    _WORK = (outputs, renderer, staging)
    chunk = max(16, min(200, total // (jobs * 8) or 1))
    chunks = [todo[i : i + chunk] for i in range(0, total, chunk)]
    done = 0
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for count in pool.imap_unordered(_render_chunk, chunks):
                done += count
                if progress:
                    progress("render", done, total)
    finally:
        _WORK = None


def _copy_tree_as_links(source: Path, target: Path) -> None:
    if shutil.which("cp") and sys.platform.startswith("linux"):
        subprocess.run(["cp", "-al", str(source), str(target)], check=True)
        return
    shutil.copytree(source, target, copy_function=os.link)


def _template_frame(error: BaseException) -> str:
    tb = error.__traceback__
    where = "?"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html") or filename.endswith(".xml") or filename.endswith(".txt"):
            where = f"{filename}, regel {tb.tb_lineno}"
        tb = tb.tb_next
    return where


_RENAME_EXCHANGE = 2


def _swap(staging: Path, public: Path) -> None:
    """Put staging in place of public; afterwards the old site is at staging."""
    if public.exists() and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            renameat2 = libc.renameat2
            renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            at_fdcwd = -100
            if renameat2(at_fdcwd, os.fsencode(staging), at_fdcwd, os.fsencode(public), _RENAME_EXCHANGE) == 0:
                return
        except (AttributeError, OSError):
            pass
    if public.exists():
        old = public.with_name(f".{public.name}.old")
        if old.exists():
            shutil.rmtree(old)
        os.rename(public, old)
        os.rename(staging, public)
        os.rename(old, staging)
    else:
        os.rename(staging, public)


def _remove_unplanned(folder: Path, wanted: set[str]) -> None:
    """Delete files no output plans, and folders left empty (bottom-up, with os.walk for speed)."""
    for directory, folders, files in os.walk(folder, topdown=False):
        rel_dir = os.path.relpath(directory, folder)
        prefix = "" if rel_dir == "." else rel_dir.replace(os.sep, "/") + "/"
        for name in files:
            if prefix + name not in wanted:
                os.unlink(os.path.join(directory, name))
        if directory != str(folder) and not os.listdir(directory):
            os.rmdir(directory)


# ----------------------------------------------------------------------------- the build


def attach_browser_search(graph: SiteGraph, clock: Clock) -> list[Problem]:
    """Decide once per build which Meilisearch key (or token) the browser gets; warnings say why not."""
    graph.browser_search, problems = browser_search(
        graph.site.meilisearch, graph.languages, clock.today, os.environ.get("MEILI_MASTER_KEY", ""), clock.now
    )
    return problems


def prepare(options: BuildOptions) -> tuple[Site, Theme, Renderer, list[Output], list[Problem]]:
    """Read, validate and plan; returns every problem found (errors and warnings)."""
    root = options.root.resolve()
    site = load_site(root, options.clock.today)
    problems = list(site.problems)
    problems.extend(attach_browser_search(site.graph, options.clock))
    try:
        theme = Theme.load(root, site.graph.site.theme)
    except FileNotFoundError as error:
        problems.append(Problem("content/site.yaml", None, "theme", str(error), "zet 'theme' op een map die in themes/ staat"))
        raise ContentError(sorted(problems)) from None
    renderer = Renderer(theme, site.graph)
    outputs = _asset_outputs(theme, root) + plan(site.graph, renderer)
    problems.extend(check_links(site, outputs))
    seen: dict[str, Output] = {}
    for output in outputs:
        if output.path in seen:
            problems.append(Problem("content/", None, None, f"twee pagina's krijgen hetzelfde adres: /{output.path}",
                                    "geef een van de items een andere slug"))
        seen[output.path] = output
    return site, theme, renderer, outputs, problems


def build(options: BuildOptions) -> BuildResult:
    with build_lock(options.root.resolve()):
        return _build(options)


def _build(options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    result = BuildResult()
    root = options.root.resolve()
    public = options.public
    site, theme, renderer, outputs, problems = prepare(options)
    result.timings["read+plan"] = time.perf_counter() - started
    errors = [p for p in problems if p.severity == "error"]
    result.warnings = sorted(p for p in problems if p.severity == "warning")
    if errors or (options.strict and result.warnings):
        raise ContentError(sorted(errors if errors else result.warnings))

    table = fingerprints(outputs, site, theme)
    state = load_state(root, public)
    previous = state.get("outputs", {})  # what public/ holds now
    staging = public.with_name(f".{public.name}.staging")
    # The site before the current one, kept after the last swap: updating it needs only the
    # outputs that changed in the last two builds, instead of copying and deleting the whole tree.
    spare = public.with_name(f".{public.name}.spare")
    spare_table = state.get("spare", {})
    if staging.exists():
        shutil.rmtree(staging)  # left over from an interrupted build
    reuse = not options.clean and bool(previous) and public.is_dir()
    step = time.perf_counter()
    if reuse and spare_table and spare.is_dir():
        os.rename(spare, staging)
        base = spare_table
    else:
        if spare.exists():
            shutil.rmtree(spare)
        if reuse:
            _copy_tree_as_links(public, staging)
        else:
            staging.mkdir(parents=True)
        base = previous if reuse else {}
    result.timings["copy"] = time.perf_counter() - step

    todo = [i for i, output in enumerate(outputs) if base.get(output.path) != table[output.path] or not (staging / output.path).exists()]
    wanted = {output.path for output in outputs}
    step = time.perf_counter()
    try:
        jobs = options.jobs or os.cpu_count() or 1
        _render_all(outputs, todo, renderer, staging, jobs, options.progress)
        result.timings["render"] = time.perf_counter() - step
        step = time.perf_counter()
        # Remove every unplanned file (deleted or renamed items); post-build steps write their folders anew.
        _remove_unplanned(staging, wanted)
        # What differs from the published site (the staging folder may be two builds old).
        if reuse:
            result.changed = {output.path for output in outputs if previous.get(output.path) != table[output.path]}
        else:
            result.changed = set(wanted)  # a clean build redoes everything, post-build steps too
        removed = len(set(previous) - wanted) if previous else 0
        for hook in post_build_hooks():
            hook(staging, site.graph, result.changed | (set(previous) - wanted), public if public.is_dir() else None)
        result.timings["post-build"] = time.perf_counter() - step
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    step = time.perf_counter()
    had_public = public.is_dir()
    _swap(staging, public)
    if had_public:
        os.rename(staging, spare)  # the old site: next build's starting point
    save_state(root, public, table, spare=previous if had_public else {})
    result.timings["swap"] = time.perf_counter() - step
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
        *_, problems = prepare(BuildOptions(root=root, clock=clock))
    except ContentError as error:
        return error.problems
    return sorted(problems)
