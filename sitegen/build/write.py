"""Rendering the planned outputs that changed into the staging folder, in parallel.

Workers are forked processes that inherit the plan and the renderer (nothing is pickled but
the indices of their share and the exceptions they hit), so there is no module-level state.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
from pathlib import Path

import jinja2

from sitegen.build.outputs import Output
from sitegen.build.render import Renderer
from sitegen.graph import reads as recorded
from sitegen.graph.reads import Reads

SERIAL_BELOW = 64  # outputs: fewer than this are quicker rendered without forking


class RenderError(Exception):
    """A template or generator failed; the message names the output and the template line."""


def write(staging: Path, output: Output, renderer: Renderer, published: Path | None = None) -> tuple[Reads, bool]:
    """Render one output into the staging folder; returns what it read (sitegen.graph.reads) and
    whether the result is byte for byte what ``published`` (the live site) has now."""
    target = staging / output.path
    try:
        with recorded.recording() as reads:
            content = output.produce(renderer)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(f"/{output.path}: fout in sjabloon {error.filename or error.name}, regel {error.lineno}: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise RenderError(f"/{output.path}: het sjabloon '{error.name}' bestaat niet in het thema") from None
    except jinja2.TemplateError as error:
        raise RenderError(f"/{output.path}: fout in sjabloon {_template_frame(error)}: {error}") from None
    except RecursionError as error:
        raise RenderError(f"/{output.path}: de sjablonen breiden elkaar in een kring uit ({_template_frame(error)})") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        if _template_frame(error) == "?":
            raise  # not in a template: a fault of the generator, which must show as one
        raise RenderError(f"/{output.path}: fout in sjabloon {_template_frame(error)}: {error}") from None
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write a new file and rename it over the old one: this breaks the hard
    # link to the published file, which must stay as it is until the swap.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(content)
    os.replace(tmp, target)
    try:
        same = published is not None and (published / output.path).read_bytes() == content
    except OSError:
        same = False  # not published yet
    return reads, same


def _used_groups(groups: dict[str, Reads], found: list[Reads], sent: set[str]) -> dict[str, Reads]:
    """The memoised values these reads used, directly or through each other, that this worker has
    not sent to the parent yet (a group such as "all current vacancies" is used by thousands)."""
    used: dict[str, Reads] = {}
    todo = [name for reads in found for name in reads.groups]
    while todo:
        name = todo.pop()
        if name not in used and name not in sent and name in groups:
            sent.add(name)
            used[name] = groups[name]
            todo.extend(groups[name].groups)
    return used


def render_all(
    outputs: list[Output], todo: list[int], renderer: Renderer, staging: Path, jobs: int, progress, published: Path | None = None
) -> tuple[dict[int, tuple[Reads, bool]], dict[str, Reads]]:
    """Render ``todo`` (indices into ``outputs``); returns for each what it read and whether it is
    the same as in ``published``, and the memoised values the workers computed (the parent's own are in its graph)."""
    total = len(todo)
    found: dict[int, tuple[Reads, bool]] = {}
    groups: dict[str, Reads] = {}
    if progress:
        progress("render", 0, total)
    if jobs <= 1 or total < SERIAL_BELOW or sys.platform == "win32":
        for done, index in enumerate(todo, 1):
            found[index] = write(staging, outputs[index], renderer, published)
            if progress and (done % 50 == 0 or done == total):
                progress("render", done, total)
        return found, groups
    context = multiprocessing.get_context("fork")
    size = max(16, min(200, total // (jobs * 8) or 1))
    work = context.Queue()
    for start in range(0, total, size):
        work.put(todo[start : start + size])
    workers = min(jobs, (total + size - 1) // size)
    for _ in range(workers):
        work.put(None)
    reports = context.Queue()

    def worker() -> None:
        sent = set(renderer.graph.groups)  # the parent has these: they were made before the fork
        while (chunk := work.get()) is not None:
            try:
                done = [(index, write(staging, outputs[index], renderer, published)) for index in chunk]
            except BaseException as error:  # noqa: BLE001 - sent to the parent, which raises it
                reports.put(("failed", error))
                return
            reports.put(("done", (done, _used_groups(renderer.graph.groups, [reads for _index, (reads, _same) in done], sent))))
        reports.put(("finished", 0))

    processes = [context.Process(target=worker, daemon=True) for _ in range(workers)]
    for process in processes:
        process.start()
    done = finished = 0
    try:
        while finished < workers:
            try:
                kind, value = reports.get(timeout=5)
            except queue.Empty:
                # Nothing for a while: fine while they work, fatal when one died without a word (killed).
                if sum(not process.is_alive() for process in processes) > finished:
                    raise RenderError("een proces dat pagina's maakte is onverwacht gestopt (te weinig geheugen?); probeer het opnieuw met --jobs 1") from None
                continue
            if kind == "failed":
                raise value
            if kind == "finished":
                finished += 1
                continue
            chunk_reads, chunk_groups = value
            found.update(chunk_reads)
            groups.update(chunk_groups)
            done += len(chunk_reads)
            if progress:
                progress("render", done, total)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
    return found, groups


def _template_frame(error: BaseException) -> str:
    tb = error.__traceback__
    where = "?"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html") or filename.endswith(".xml") or filename.endswith(".txt"):
            where = f"{filename}, regel {tb.tb_lineno}"
        tb = tb.tb_next
    return where
