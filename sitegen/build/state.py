"""What a build keeps next to the site in ``.hulpwijzer/``: per output folder, what each
published output was planned with and read (``sitegen.build.fingerprint.Record``), the reads of
the memoised values they used, the fingerprints of the spare tree; and the lock that lets one
build run at a time."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STATE_VERSION = 4


def state_dir(root: Path) -> Path:
    return root / ".hulpwijzer"


def load_state(root: Path, public: Path) -> dict:
    path = state_file(root, public)
    if not path.exists() or not public.is_dir():
        return {}
    try:
        state = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return state if state.get("version") == STATE_VERSION else {}


def state_file(root: Path, public: Path) -> Path:
    name = hashlib.blake2b(str(public).encode(), digest_size=6).hexdigest()
    return state_dir(root) / f"state-{name}.json"


def save_state(root: Path, public: Path, outputs: dict[str, dict], spare: dict[str, str], groups: dict[str, dict], **more) -> None:
    """``more``: what the next build needs to tell that it has nothing to do (sitegen.build.unchanged)."""
    path = state_file(root, public)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"version": STATE_VERSION, "outputs": outputs, "spare": spare, "groups": groups, **more}, sort_keys=True))
    os.replace(tmp, path)


@contextlib.contextmanager
def build_lock(root: Path):
    """One build at a time per site (the CMS publishes from several threads and processes)."""
    lock_path = state_dir(root) / "build.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)
