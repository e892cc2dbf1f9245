"""Time a clean build, a no-change rebuild and a one-file rebuild of the synthetic site.

    python bench/build.py 10000          # generates bench/out/site-10000 first if needed

Each figure is the wall time of the `hulpwijzer build` command (a fresh process,
as an editor or CI runs it), the best of --runs runs, plus the build's own
phase timings. Run `python bench/build.py 10000 --profile` to write a cProfile
of the clean build to bench/out/clean.prof.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402

TODAY = "2026-11-23"


def run(root: Path, *extra: str) -> tuple[float, dict]:
    started = time.perf_counter()
    code = (
        "import json, sys, datetime, pathlib\n"
        "from sitegen.build.pipeline import build, BuildOptions\n"
        "from sitegen.clock import Clock\n"
        f"r = build(BuildOptions(root=pathlib.Path({str(root)!r}), clean={'--clean' in extra}, clock=Clock.on(datetime.date.fromisoformat({TODAY!r}))))\n"
        "print(json.dumps({'items': r.items, 'outputs': r.outputs, 'written': r.written, 'rendered': r.rendered, 'seconds': r.seconds, 'timings': r.timings}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    wall = time.perf_counter() - started
    return wall, json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", type=int, nargs="?", default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    root = REPO / "bench" / "out" / f"site-{args.size}"
    if not (root / "content").exists():
        generate(args.size, root)
    if args.profile:
        import cProfile
        import datetime as dt

        from sitegen.build.pipeline import BuildOptions, build
        from sitegen.clock import Clock

        cProfile.runctx(
            "build(BuildOptions(root=root, clean=True, jobs=1, clock=Clock.on(dt.date.fromisoformat(TODAY))))",
            globals(),
            {"build": build, "BuildOptions": BuildOptions, "Clock": Clock, "root": root, "dt": dt},
            str(root.parent / "clean.prof"),
        )
        print(f"profile written to {root.parent / 'clean.prof'}")
        return
    results = {}
    results["clean"] = min((run(root, "--clean") for _ in range(args.runs)), key=lambda r: r[0])
    results["no change"] = min((run(root) for _ in range(args.runs)), key=lambda r: r[0])
    target = root / "content" / "vacancies" / "vacature-1.md"
    original = target.read_text(encoding="utf-8")
    timings = []
    for number in range(args.runs):
        target.write_text(original.replace("Vrijwilliger 1:", f"Vrijwilliger 1 (versie {number}):"), encoding="utf-8")
        timings.append(run(root))
    target.write_text(original, encoding="utf-8")
    results["one file"] = min(timings, key=lambda r: r[0])
    run(root)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    for name, (wall, info) in results.items():
        phases = ", ".join(f"{k} {v:.2f}" for k, v in info["timings"].items())
        print(
            f"{name:10} wall {wall:6.2f} s   build {info['seconds']:6.2f} s   items {info['items']}  outputs {info['outputs']}  written {info['written']}  rendered {info['rendered']}   ({phases})"
        )


if __name__ == "__main__":
    main()
