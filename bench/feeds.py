"""Sizes and generation time of the feeds and open data for the synthetic site.

    python bench/feeds.py 10000         # generates bench/out/site-10000 first if needed

Plans the outputs of sitegen.parts.feeds for the whole site and renders each one in
this process (one core), timed per kind; writes them to a temporary folder and
reports count, total size and the largest file per kind. Times are CPU time
of this process (time.process_time), so that a busy machine does not inflate
them. JSON-LD is timed separately (it is part of every detail page).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from generate import generate  # noqa: E402

TODAY = dt.date(2026, 11, 23)


def kind(path: str) -> str:
    if path.endswith("/agenda.ics") and path.count("/") > 1 and "open-data" not in path:
        return "ics: one activity"
    if path.endswith(".ics"):
        return "ics: agenda feeds (all, per organisation, per type)"
    if path.endswith(".atom"):
        return "atom feeds"
    if path.endswith(".csv") or path.endswith("datapackage.json"):
        return "hsds: datapackage (csv + json)"
    if "/hsds/" in path and ("/page-" in path or path.count("/") == 2):
        return "hsds: api lists and root"
    if "/hsds/" in path:
        return "hsds: api items"
    return "open data page"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", type=int, nargs="?", default=10_000)
    args = parser.parse_args()
    root = REPO / "bench" / "out" / f"site-{args.size}"
    if not (root / "content").exists():
        generate(args.size, root)

    from sitegen.build.context import BuildContext
    from sitegen.build.render import Renderer, Theme
    from sitegen.clock import Clock
    from sitegen.content.read import load_site
    from sitegen.parts import structured
    from sitegen.parts.feeds import plan as plan_feeds

    started = time.perf_counter()
    site = load_site(root, TODAY)
    graph = site.graph
    load_seconds = time.perf_counter() - started
    renderer = Renderer(Theme.load(root, graph.site.theme), graph)

    started = time.process_time()
    outputs = list(plan_feeds(BuildContext(root=root, clock=Clock.on(TODAY), graph=graph, renderer=renderer)))
    plan_seconds = time.process_time() - started

    seconds: dict[str, float] = defaultdict(float)
    per_output: dict[str, float] = {}
    sizes: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        for output in outputs:
            label = kind(output.path)
            began = time.process_time()
            content = output.produce(renderer)
            spent = time.process_time() - began
            seconds[label] += spent
            per_output[output.path] = spent
            target = Path(folder) / output.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            sizes[label].append((len(content), output.path))

    began = time.process_time()
    json_ld_bytes = sum(len(str(renderer.environment(n.lang).filters["json_ld"](structured.json_ld_for(graph, n)))) for n in graph.nodes)
    json_ld_seconds = time.process_time() - began

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; one core")
    print(f"site: {args.size} items, {len(graph.nodes)} nodes; load {load_seconds:.2f} s; plan feeds {plan_seconds:.2f} s, {len(outputs)} files")
    print("| kind | files | total | largest | render time (CPU) |")
    print("|---|---:|---:|---:|---:|")
    for label in sorted(sizes):
        entries = sizes[label]
        total = sum(size for size, _ in entries)
        largest, largest_path = max(entries)
        print(f"| {label} | {len(entries)} | {total / 1e6:.1f} MB | {largest / 1e3:.0f} kB (`{largest_path}`) | {seconds[label]:.2f} s |")
    total_bytes = sum(size for entries in sizes.values() for size, _ in entries)
    print(f"| **all feeds and open data** | {len(outputs)} | {total_bytes / 1e6:.1f} MB | | {sum(seconds.values()):.2f} s |")
    # What one edited activity makes the feeds render again in an incremental build.
    activity = next(node for node in graph.nodes if node.type_name == "activity")
    again = [o for o in outputs if o.deps & {"@all", "@type:activity", activity.key}]
    print(f"| one activity edited: files rendered again | {len(again)} | | | {sum(per_output[o.path] for o in again):.2f} s |")
    print(f"| JSON-LD (inside {len(graph.nodes)} detail pages) | | {json_ld_bytes / 1e6:.1f} MB | | {json_ld_seconds:.2f} s |")


if __name__ == "__main__":
    main()
