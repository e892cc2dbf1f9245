"""A build with nothing to do: same inputs as the published build, on a day it still holds for.

Planning 36,000 outputs takes seconds even when every one of them is still right. When every
input is as the last build saw it — each content file's digest, the code, the theme,
site.yaml, the vocabularies, the parts' per-build decisions — and the build date lies in the
days the last plan and all its outputs hold for (what planning and rendering read about time,
``sitegen.graph.reads``), the build stops after reading: no planning, no rendering, no swap.
A part with work left over from an earlier build (an index that failed after the swap) says
so with its ``pending(ctx, public)`` hook, and the build runs in full.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict

from sitegen.build import parts
from sitegen.problems import Problem


def inputs_digest(digests: dict[str, str], global_part: str) -> str:
    hasher = hashlib.blake2b(global_part.encode(), digest_size=16)
    for key in sorted(digests):
        hasher.update(b"\0" + key.encode() + b"=" + digests[key].encode())
    return hasher.hexdigest()


def window(today: dt.date, plan_until: dt.date | None, records) -> tuple[dt.date | None, dt.date | None]:
    """The days on which the plan and every output are still right: [since, until)."""
    since = today if plan_until is not None else None
    until = plan_until
    for record in records:
        if record.since is not None and (since is None or record.since > since):
            since = record.since
        if record.until is not None and (until is None or record.until < until):
            until = record.until
    return since, until


def nothing_to_do(state: dict, inputs: str, today: dt.date, ctx, public) -> bool:
    if not state or state.get("inputs") != inputs or not public.is_dir():
        return False
    since, until = (dt.date.fromisoformat(day) if day else None for day in state.get("window", ("0001-01-01", "0001-01-01")))
    if (since is not None and today < since) or (until is not None and today >= until):
        return False
    return not any(hook(ctx, public) for _part, hook in parts.hooks("pending"))


def plain_problems(problems: list[Problem]) -> list[dict]:
    return [asdict(problem) for problem in problems]


def problems_from(data: list[dict]) -> list[Problem]:
    return [Problem(**item) for item in data]
