"""Publishing writes content/ and rebuilds the site.

Page signals (published, unpublished, moved, deleted) and snippet/setting saves
queue file changes; when the database transaction commits, the changes are
written under a file lock (``.hulpwijzer/content.lock``: writers in other
threads or processes wait, nothing is lost) and one incremental build runs.
``sitegen.build.pipeline.build`` holds its own lock, so concurrent publishes build one
after the other and the last build sees every file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from pydantic import ValidationError
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.clock import clock
from cms.content.convert import page_to_text
from cms.content.keys import content_key, is_item_page
from cms.content.models import PAGE_MODELS, SiteSettings
from cms.content.siteconfig import site_to_text, vocabulary_to_text
from sitegen.build.pipeline import BuildOptions, build
from sitegen.problems import ContentError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)
_suspended = threading.local()
# Changes join this queue only when their transaction commits (each change is an on_commit
# callback of its own), so a rolled-back save never reaches content/. Shared by all threads:
# the development server and the test live server share one SQLite connection.
_queue_lock = threading.Lock()
_queue: Pending | None = None


@dataclass
class Pending:
    writes: dict[str, str] = field(default_factory=dict)  # key in content/ -> text
    removes: set[str] = field(default_factory=set)
    build: bool = False


@dataclass
class PublishResult:
    written: list[str]
    removed: list[str]
    build: object | None = None
    error: str | None = None


last_result: PublishResult | None = None


def root() -> Path:
    return Path(settings.HULPWIJZER_ROOT)


@contextlib.contextmanager
def content_lock(site_root: Path | None = None):
    site_root = site_root or root()
    path = site_root / ".hulpwijzer" / "content.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def write_file(key: str, text: str, site_root: Path | None = None) -> None:
    target = (site_root or root()) / "content" / key
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, target)


def remove_file(key: str, site_root: Path | None = None) -> bool:
    target = (site_root or root()) / "content" / key
    if target.exists():
        target.unlink()
        return True
    return False


def run_build():
    jobs = getattr(settings, "HULPWIJZER_BUILD_JOBS", 1)
    return build(BuildOptions(root=root(), clock=clock(), out=Path(settings.HULPWIJZER_PUBLIC), jobs=jobs))


@contextlib.contextmanager
def suspended():
    """No file writes or builds (bulk import); the caller exports and builds afterwards."""
    _suspended.value = True
    try:
        yield
    finally:
        _suspended.value = False


def _pending() -> Pending:
    global _queue
    if _queue is None:
        _queue = Pending()
    return _queue


def queue_write(key: str, text: str) -> None:
    if getattr(_suspended, "value", False):
        return
    transaction.on_commit(lambda: _committed(key, text))
    # Registered on every change: after a rollback an earlier registration is gone.
    transaction.on_commit(flush)


def queue_remove(key: str) -> None:
    if getattr(_suspended, "value", False):
        return
    transaction.on_commit(lambda: _committed(key, None))
    transaction.on_commit(flush)


def _committed(key: str, text: str | None) -> None:
    """A change whose transaction committed: queue it for the next flush (None: remove the file)."""
    with _queue_lock:
        pending = _pending()
        if text is None:
            pending.writes.pop(key, None)
            pending.removes.add(key)
        else:
            pending.removes.discard(key)
            pending.writes[key] = text
        pending.build = True


def flush() -> PublishResult | None:
    """Write the queued changes, then build (runs when the transaction commits)."""
    global last_result, _queue
    with _queue_lock:
        pending, _queue = _queue, None
    if pending is None:
        return None
    with content_lock():
        for key, text in pending.writes.items():
            write_file(key, text)
        removed = [key for key in sorted(pending.removes) if remove_file(key)]
    result = PublishResult(written=sorted(pending.writes), removed=removed)
    if pending.build and settings.HULPWIJZER_BUILD_ON_PUBLISH:
        try:
            result.build = run_build()
        except ContentError as error:
            result.error = "\n".join(problem.format() for problem in error.problems[:20])
            log.error("De site kon niet gebouwd worden:\n%s", result.error)
    last_result = result
    return result


# ----------------------------------------------------------------------------- signal handlers


def _is_exported(page) -> bool:
    return is_item_page(page) and not getattr(page, "alias_of_id", None)


def export_page(page) -> None:
    key, text = page_to_text(page)
    queue_write(key, text)


def _on_published(sender, instance, **kwargs):
    if getattr(_suspended, "value", False):
        return  # a bulk import: the caller exports once at the end
    page = instance.specific
    if _is_exported(page):
        export_page(page)


def _on_unpublished(sender, instance, **kwargs):
    page = instance.specific
    if _is_exported(page) and not page.expired:  # an expired page stays in content/
        queue_remove(content_key(page))


def _on_moved(sender, instance, **kwargs):
    page = instance.specific
    if _is_exported(page) and page.live:
        export_page(page)
    # Children refer to their parent organisation: they move along and may change.
    for child in page.get_descendants().live().specific():
        if _is_exported(child):
            export_page(child)


def _on_pre_delete(sender, instance, **kwargs):
    if _is_exported(instance) and instance.live:
        instance._hulpwijzer_key = content_key(instance)


def _on_post_delete(sender, instance, **kwargs):
    key = getattr(instance, "_hulpwijzer_key", None)
    if key:
        queue_remove(key)


def _on_settings_saved(sender, instance, **kwargs):
    if getattr(_suspended, "value", False) or not instance.municipality:
        return
    try:
        text = site_to_text(instance)
    except (ValidationError, ValueError) as error:  # the settings form validates first; this is a safety net
        log.error("site.yaml niet geschreven: %s", error)
        return
    queue_write("site.yaml", text)


def export_vocabulary(vocabulary) -> None:
    queue_write(f"vocabularies/{vocabulary.name}.yaml", vocabulary_to_text(vocabulary))


def connect() -> None:
    page_published.connect(_on_published, dispatch_uid="hulpwijzer_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="hulpwijzer_unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="hulpwijzer_moved")
    for model in PAGE_MODELS.values():
        pre_delete.connect(_on_pre_delete, sender=model, dispatch_uid=f"hulpwijzer_pre_delete_{model.__name__}")
        post_delete.connect(_on_post_delete, sender=model, dispatch_uid=f"hulpwijzer_post_delete_{model.__name__}")
    post_save.connect(_on_settings_saved, sender=SiteSettings, dispatch_uid="hulpwijzer_settings")


connect()
