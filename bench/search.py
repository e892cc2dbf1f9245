"""Search benchmark: Pagefind index time, query latency and bytes per query.

    python bench/search.py 10000        # generates /tmp/hulpwijzer-bench/site-10000 (bench/generate.py) if needed
    python bench/search.py --demo       # the demo content in content/, with the relevance set
    python bench/search.py 10000 --browser-only   # only the browser figures, on the site built before

Measures, on a built site:
- Pagefind index time (a fresh `pagefind` run over the built site) and the time the
  post-build step takes when no HTML changed (the previous index is carried over);
- index size on disk per language;
- in headless Chromium through the real search page (search.js + Pagefind): latency of
  each query (first query in a fresh browser context = cold, then warm), and the bytes the
  browser downloads for one query in a fresh context (page + assets + index chunks);
- with --demo: top-3 hit rate and MRR of tests/search/relevance.yaml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench"), str(REPO / "tests"), str(REPO / "tests" / "search")]

from support import CHROMIUM_ARGS, chromium_path, serve_directory  # noqa: E402

from search.pagefind_index import BUNDLE, after_render, run_pagefind  # noqa: E402
from sitegen.build.pipeline import BuildOptions, build  # noqa: E402
from sitegen.clock import Clock  # noqa: E402

TODAY = dt.date(2026, 11, 23)
QUERIES = [
    "mantelzorg",
    "oppas voor mijn man",
    "repsijtzorg",
    "even vrij van de zorg",
    "dementie cursus",
    "vrijwilliger koffie",
    "geld pgb",
    "praten met anderen",
]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def kind_of(url: str) -> str:
    """Where a downloaded byte belongs: what the search page costs, part by part."""
    path = url.split("?", 1)[0]
    name = path.rsplit("/", 1)[-1]
    if "/pagefind/" in path:
        if name.endswith(".pf_fragment"):
            return "fragments"
        if name.endswith(".pf_index"):
            return "index chunks"
        if name.endswith(".pf_filter"):
            return "filter chunks"
        if name.endswith(".pf_meta"):
            return "metadata"
        if ".pagefind" in name or name.endswith(".wasm"):
            return "wasm"
        return "pagefind scripts"
    if name == "zoekdata.json":
        return "zoekdata.json"
    return "page, css, js"


def compressed_size(body: bytes) -> int:
    """Bytes on the wire as Netlify serves them: gzip (level 6) unless the file is gzip already (Pagefind's index files)."""
    if body[:2] == b"\x1f\x8b":
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


def measure_browser(public: Path, queries: list[str]) -> dict:
    """Per query in a fresh browser context: the time from the page being interactive (the search
    function ready) to the first results shown, then the same query and a changed one again (later
    queries), and the bytes of page plus first query, gzip as Netlify serves them, by part."""
    from playwright.sync_api import sync_playwright

    cold, warm, transfer, raw = [], [], [], []
    warm_new, warm_same = [], []
    parts: dict[str, list[int]] = {}
    with serve_directory(public) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            responses: list = []
            page.on("response", lambda response, responses=responses: responses.append(response))
            page.goto(url + "/zoeken/")
            page.wait_for_function("() => document.querySelector('[data-hw-search]').hwSearch")
            outcome = page.evaluate(
                "async (q) => { const t = performance.now(); await document.querySelector('[data-hw-search]').hwSearch(q); return {ms: performance.now() - t, n: document.querySelectorAll('.hw-result').length}; }",
                query,
            )
            cold.append(outcome["ms"])
            page.wait_for_timeout(200)
            by_kind: dict[str, int] = {}
            total_raw = 0
            for response in responses:
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
                    continue
                total_raw += len(body)
                kind = kind_of(response.url)
                by_kind[kind] = by_kind.get(kind, 0) + compressed_size(body)
            for kind, size in by_kind.items():
                parts.setdefault(kind, []).append(size)
            transfer.append(sum(by_kind.values()))
            raw.append(total_raw)
            # A space more and the query again plan the same words (the page remembers the search); the
            # first word alone, or the word with "en", is a new search.
            for again, new_words in ((query + " ", False), (query.split()[0] if " " in query else query + "en", True), (query, False)):
                result = page.evaluate(
                    "async (q) => { const t = performance.now(); await document.querySelector('[data-hw-search]').hwSearch(q); return performance.now() - t; }",
                    again,
                )
                warm.append(result)
                (warm_new if new_words else warm_same).append(result)
            print(
                f"  {query!r}: first {outcome['ms']:.0f} ms, {outcome['n']} results, {sum(by_kind.values()) / 1000:.0f} KB gzip ({total_raw / 1000:.0f} KB raw) for page + query",
                flush=True,
            )
            context.close()
        browser.close()
    return {
        "first_query_ms_median": statistics.median(cold),
        "first_query_ms_max": max(cold),
        "later_query_ms_median": statistics.median(warm),
        "later_query_ms_max": max(warm),
        "later_query_new_words_ms_median": statistics.median(warm_new),
        "later_query_new_words_ms_max": max(warm_new),
        "later_query_same_words_ms_median": statistics.median(warm_same),
        "gzip_bytes_page_and_first_query_median": statistics.median(transfer),
        "gzip_bytes_page_and_first_query_max": max(transfer),
        "raw_bytes_page_and_first_query_median": statistics.median(raw),
        "gzip_bytes_by_part_median": {kind: statistics.median(sizes) for kind, sizes in sorted(parts.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", nargs="?", type=int, default=10_000)
    parser.add_argument("--demo", action="store_true", help="measure the demo content in content/ instead")
    parser.add_argument("--work", type=Path, default=Path("/tmp/hulpwijzer-bench"), help="where generated sites and builds go")
    parser.add_argument("--browser-only", action="store_true", help="only the browser figures, on the site already built (no build, no Pagefind runs)")
    args = parser.parse_args()
    if args.demo:
        root = REPO
        out = args.work / "demo-public"
    else:
        from generate import generate

        root = args.work / f"site-{args.size}"
        if not (root / "content").is_dir():
            print(f"generating {args.size} items in {root}", flush=True)
            generate(args.size, root)
        out = root / "public"
    if args.browser_only:
        report = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load_average": [round(x, 1) for x in os.getloadavg()]}
        report["browser"] = measure_browser(out, QUERIES)
        report["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
        print(json.dumps(report, indent=2))
        return
    print("building…", flush=True)
    result = build(BuildOptions(root=root, out=out, clean=True, clock=Clock.on(TODAY)))
    report: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, python {platform.python_version()}",
        "items": result.items,
        "outputs": result.outputs,
        "build_seconds": round(result.seconds, 2),
        "post_build_seconds_clean": round(result.timings.get("after-render", 0), 2),
    }
    html = sum(1 for _ in out.rglob("*.html"))
    runs = [run_pagefind(out) for _ in range(2)]
    report["pagefind_index_seconds"] = round(min(runs), 2)
    report["html_files"] = html
    entry = json.loads((out / BUNDLE / "pagefind-entry.json").read_text())
    report["indexed_pages"] = {lang: data["page_count"] for lang, data in entry["languages"].items()}
    report["index_bytes"] = folder_bytes(out / BUNDLE)
    # A no-change post-build: the previous index is linked in instead of rebuilt.
    staging = out.with_name(out.name + ".bench-staging")
    subprocess.run(["cp", "-al", str(out), str(staging)], check=True)
    subprocess.run(["rm", "-rf", str(staging / BUNDLE)], check=True)
    started = time.perf_counter()
    # Only what after_render reads of the build context: the site root (its state folder) and a memo.
    after_render(types.SimpleNamespace(root=root, memo=lambda _ns, _key, make: make()), staging, set(), out)
    report["post_build_no_change_seconds"] = round(time.perf_counter() - started, 3)
    subprocess.run(["rm", "-rf", str(staging)], check=True)
    no_change = build(BuildOptions(root=root, out=out, clock=Clock.on(TODAY)))
    report["rebuild_no_change_seconds"] = round(no_change.seconds, 2)
    print("browser…", flush=True)
    report["browser"] = measure_browser(out, QUERIES)
    if args.demo:
        from playwright.sync_api import sync_playwright
        from search_harness import evaluate, load_relevance_set

        with serve_directory(out) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            relevance = evaluate(browser.new_page(), url + "/zoeken/", load_relevance_set())
            browser.close()
        report["relevance"] = {k: relevance[k] for k in ("top3", "mrr", "count")}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
