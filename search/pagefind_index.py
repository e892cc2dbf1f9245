"""The static search index (Pagefind) in public/pagefind/, made on the finished staging folder
before the swap (the ``after_render`` hook of this part), so a failed index publishes nothing.

Pagefind reads the finished HTML. Only detail pages of current items carry
``data-pagefind-body`` (see ``partials/search-meta.html``), so listings, hubs and
expired items are not indexed. One index per language comes from ``<html lang>``.

Pagefind always indexes the whole site; when no HTML changed since the previous
build we copy the previous index instead (see docs/performance.md for timings).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
from pathlib import Path

from sitegen.build.write import RenderError

log = logging.getLogger("hulpwijzer.search")

BUNDLE = "pagefind"
# Seconds; a stuck indexer must not hang a publish forever.
TIMEOUT = 600


class SearchIndexError(RenderError):
    """Pagefind failed; the CLI shows the message (what and how to fix) and publishes nothing."""


def pagefind_binary() -> str:
    try:
        from pagefind.service import _must_get_executable  # the pagefind package finds pagefind_bin

        return str(_must_get_executable().resolve())
    except Exception:  # noqa: BLE001 - any failure means: not installed
        found = shutil.which("pagefind")
        if found:
            return found
        raise SearchIndexError(
            "Pagefind is niet geïnstalleerd, dus de zoekfunctie kan niet gebouwd worden. "
            "Installeer het met: pip install 'pagefind[bin]'"
        ) from None


def run_pagefind(site: Path) -> float:
    """Index ``site`` into ``site/pagefind``; returns the seconds it took."""
    started = time.perf_counter()
    target = site / BUNDLE
    if target.exists():
        shutil.rmtree(target)
    try:
        process = subprocess.run(
            [pagefind_binary(), "--site", str(site), "--output-subdir", BUNDLE, "--silent"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise SearchIndexError(f"Pagefind was na {TIMEOUT} seconden nog niet klaar met de zoekindex; probeer het opnieuw of meld het bij de beheerder") from None
    if process.returncode != 0:
        detail = (process.stderr or process.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("Pagefind kon de zoekindex niet maken: " + " / ".join(detail))
    return time.perf_counter() - started


def _html_files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html") if BUNDLE not in path.parts[len(folder.parts):][:1]}


def after_render(ctx, staging: Path, changed: set[str], previous_public: Path | None) -> None:
    previous_bundle = previous_public / BUNDLE if previous_public is not None else None
    if previous_bundle is not None and (previous_bundle / "pagefind.js").is_file():
        html_changed = any(path.endswith(".html") for path in changed)
        # A removed page is not in ``changed``: compare the sets of pages too.
        if not html_changed and _html_files(staging) == _html_files(previous_public):
            target = staging / BUNDLE
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(previous_bundle, target, copy_function=_link_or_copy)
            log.info("zoekindex: geen HTML veranderd, vorige index behouden")
            return
    seconds = run_pagefind(staging)
    log.info("zoekindex: Pagefind klaar in %.2f s", seconds)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
