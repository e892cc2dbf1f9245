"""Publishing a finished staging folder: hard-linked copies, the atomic swap, pruning."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path


def copy_tree_as_links(source: Path, target: Path) -> None:
    if shutil.which("cp") and sys.platform.startswith("linux"):
        subprocess.run(["cp", "-al", str(source), str(target)], check=True)
        return
    shutil.copytree(source, target, copy_function=os.link)


_RENAME_EXCHANGE = 2


def swap(staging: Path, public: Path) -> None:
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


def remove_unplanned(folder: Path, wanted: set[str]) -> None:
    """Delete files no output plans, and folders left empty (bottom-up, with os.walk for speed)."""
    for directory, folders, files in os.walk(folder, topdown=False):
        rel_dir = os.path.relpath(directory, folder)
        prefix = "" if rel_dir == "." else rel_dir.replace(os.sep, "/") + "/"
        for name in files:
            if prefix + name not in wanted:
                os.unlink(os.path.join(directory, name))
        if directory != str(folder) and not os.listdir(directory):
            os.rmdir(directory)


