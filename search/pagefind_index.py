"""The static search index (Pagefind) in public/pagefind/.

Pagefind reads the finished HTML. Only detail pages of current items carry
``data-pagefind-body`` (see ``partials/search-meta.html``), so listings, hubs and
expired items are not indexed. One index per language comes from ``<html lang>``.

Pagefind always indexes the whole site (it has no incremental mode), which takes most of a
small edit's build at 10,000 items. So the index is kept off the critical path
(docs/architecture.md, "Search off the critical path"):

* no HTML changed: the previous index is linked into the new site (``after_render``);
* some pages changed: the new site goes live with the previous index, and Pagefind indexes the
  published site right after the swap into ``pagefind.next/``, which then replaces
  ``pagefind/`` in one atomic exchange (``after_publish``). Until then a search finds the
  edited page by its previous text. If that indexing fails, the pages stay published, a warning
  says so, and the next build indexes again (a marker in ``.hulpwijzer/`` remembers it);
* no previous index, or every page changed (a clean build, a new theme): the index is made in
  the staging folder before the swap, so a failed index publishes nothing.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

from sitegen.build.publish import copy_tree_as_links
from sitegen.build.write import RenderError

log = logging.getLogger("hulpwijzer.search")

BUNDLE = "pagefind"
NEXT = "pagefind.next"  # the index being made after the swap
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
            "Pagefind is niet geïnstalleerd, dus de zoekfunctie kan niet gebouwd worden. Installeer het met: pip install 'pagefind[bin]'"
        ) from None


def run_pagefind(site: Path, bundle: str = BUNDLE) -> float:
    """Index ``site`` into ``site/<bundle>``; returns the seconds it took."""
    started = time.perf_counter()
    target = site / bundle
    if target.exists():
        shutil.rmtree(target)
    try:
        process = subprocess.run(
            [pagefind_binary(), "--site", str(site), "--output-subdir", bundle, "--silent"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise SearchIndexError(
            f"Pagefind was na {TIMEOUT} seconden nog niet klaar met de zoekindex; probeer het opnieuw of meld het bij de beheerder"
        ) from None
    if process.returncode != 0:
        detail = (process.stderr or process.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("Pagefind kon de zoekindex niet maken: " + " / ".join(detail))
    return time.perf_counter() - started


def _html_files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html") if BUNDLE not in path.parts[len(folder.parts) :][:1]}


def _pages(ctx, which: str, folder: Path) -> set[str]:
    """The HTML pages of the new (``planned``) or the published site: from the build's plan when
    it has one (walking a 10,000-item tree twice took seconds of every edit), else from the folder."""
    paths = getattr(ctx, which, None)
    if paths is None:
        return _html_files(folder)
    return {path for path in paths if path.endswith(".html")}


def _pending_marker(ctx, public: Path) -> Path:
    from sitegen.build.state import state_file

    return state_file(ctx.root, public).with_name(state_file(ctx.root, public).stem + ".index-pending")


def pending(ctx, public: Path) -> bool:
    """The published index is behind its pages (indexing after the last swap failed)."""
    return _pending_marker(ctx, public).exists()


def after_render(ctx, staging: Path, changed: set[str], previous_public: Path | None) -> None:
    previous_bundle = previous_public / BUNDLE if previous_public is not None else None
    if previous_bundle is not None and (previous_bundle / "pagefind.js").is_file():
        pending = _pending_marker(ctx, previous_public).exists()
        changed_html = {path for path in changed if path.endswith(".html")}
        # A removed page is not in ``changed``: compare the sets of pages too.
        pages_now = _pages(ctx, "planned", staging)
        same_pages = pages_now == _pages(ctx, "published", previous_public)
        if pending or changed_html or not same_pages:
            if same_pages and len(changed_html) == len(pages_now):
                seconds = run_pagefind(staging)  # everything changed: a new index before the swap
                log.info("zoekindex: Pagefind klaar in %.2f s", seconds)
                return
            ctx.memo("pagefind", "after-swap", lambda: True)  # index the published site after the swap
        target = staging / BUNDLE
        if target.exists():
            shutil.rmtree(target)
        copy_tree_as_links(previous_bundle, target)
        log.info("zoekindex: vorige index behouden")
        return
    seconds = run_pagefind(staging)
    log.info("zoekindex: Pagefind klaar in %.2f s", seconds)


def after_publish(ctx, public: Path, changed: set[str]) -> None:
    """Index the published site and swap the new index in, when ``after_render`` left it for now."""
    if not ctx.memo("pagefind", "after-swap", lambda: False):
        return
    from sitegen.build.publish import swap

    marker = _pending_marker(ctx, public)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()  # cleared once the new index is in place
    try:
        seconds = run_pagefind(public, NEXT)
    except SearchIndexError as error:
        shutil.rmtree(public / NEXT, ignore_errors=True)
        print(
            f"waarschuwing: de zoekindex is niet bijgewerkt ({error}). De pagina's zijn wel gepubliceerd; "
            "zoeken vindt ze met hun vorige tekst. De volgende build maakt de index opnieuw.",
            file=sys.stderr,
        )
        return
    swap(public / NEXT, public / BUNDLE)  # atomic: a search uses the old index or the new one
    shutil.rmtree(public / NEXT)
    marker.unlink()
    log.info("zoekindex: Pagefind na publiceren klaar in %.2f s", seconds)
