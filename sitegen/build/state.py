"""What a build keeps next to the site in ``.hulpwijzer/``: per output folder, what each
published output was planned with and read (``sitegen.build.fingerprint.Record``), the reads of
the memoised values they used, the fingerprints of the spare tree; and the lock that lets one
build run at a time.

The state is a pickle of those objects, not JSON: at 10,000 items the JSON was 53 MB, and
turning records into plain data and back took a tenth of a one-edit build. Pickle writes a
string that many records share (an item key, a query) once. It is the build's own cache, read
only by the build that wrote it; one that cannot be read (another version) means a full build."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STATE_VERSION = 6


def state_dir(root: Path) -> Path:
    return root / ".hulpwijzer"


def load_state(root: Path, public: Path, whole: bool = True) -> dict:
    """The last build's state; without ``whole`` only its summary (what ``sitegen.build.unchanged``
    needs to tell there is nothing to do), which is written first and read without the records."""
    path = state_file(root, public)
    if not path.exists() or not public.is_dir():
        return {}
    try:
        with path.open("rb") as handle:
            state = pickle.load(handle)
            if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
                return {}
            if whole:
                state.update(pickle.load(handle))
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return {}  # written by another version of the code, or cut short: build in full
    return state


def state_file(root: Path, public: Path) -> Path:
    name = hashlib.blake2b(str(public).encode(), digest_size=6).hexdigest()
    return state_dir(root) / f"state-{name}.pickle"


def save_state(root: Path, public: Path, outputs: dict, spare: dict[str, str], groups: dict, **more) -> None:
    """``outputs``: path -> Record; ``groups``: name -> Reads; ``more``: what the next build needs to
    tell that it has nothing to do (sitegen.build.unchanged)."""
    path = state_file(root, public)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        pickle.dump({"version": STATE_VERSION, "count": len(outputs), **more}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump({"outputs": outputs, "spare": spare, "groups": groups}, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    path.with_suffix(".json").unlink(missing_ok=True)  # the state of an earlier version


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
