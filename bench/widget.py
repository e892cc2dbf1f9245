"""Measure the vacancy widget: gzipped size and time to render 5 vacancies in Chromium.

    /tmp/venvtest/bin/python bench/widget.py [--runs 20] [--root .]

Builds the site (default: the repository's content/) into a temporary folder, serves it
on one localhost port and a partner page on another, and loads the partner page in a
fresh browser context per run (no cache). Reports, per run:

* defined: ms from navigation start until the custom element is defined (script loaded);
* rendered: ms from navigation start until 5 vacancies and the 'all' link are in the shadow DOM;
* render: rendered - defined (feed request + DOM building).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gzip
import http.server
import statistics
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from support import CHROMIUM_ARGS, chromium_path, serve_directory  # noqa: E402

from sitegen.build.pipeline import BuildOptions, build  # noqa: E402
from sitegen.clock import Clock  # noqa: E402

PARTNER = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partner</title>
<script>window.__t = {{}}; customElements.whenDefined('hulpwijzer-vacatures').then(() => {{ window.__t.defined = performance.now(); }});
(function poll() {{ const h = document.querySelector('hulpwijzer-vacatures'); const r = h && h.shadowRoot;
  if (r && r.querySelector('.a') ) {{ window.__t.rendered = performance.now(); window.__t.items = r.querySelectorAll('.t').length; return; }}
  requestAnimationFrame(poll); }})();</script>
<script src="{site}/widget/v1/vacatures.js" defer></script></head>
<body><h1>Partner</h1><hulpwijzer-vacatures max="5"></hulpwijzer-vacatures></body></html>"""


@contextlib.contextmanager
def serve_plain(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--today", default="2026-11-23")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        public = Path(tmp) / "public"
        build(BuildOptions(root=args.root, out=public, clean=True, clock=Clock.on(dt.date.fromisoformat(args.today))))
        script = (public / "widget" / "v1" / "vacatures.js").read_bytes()
        feed = (public / "feeds" / "vacatures" / "v1" / "alle.json").read_bytes()
        print(f"widget script: {len(script)} bytes, {len(gzip.compress(script, 9))} bytes gzipped (-9)")
        print(f"feed alle.json: {len(feed)} bytes, {len(gzip.compress(feed, 9))} bytes gzipped (-9)")
        partner = Path(tmp) / "partner"
        partner.mkdir()
        results = []
        with serve_directory(public) as site, serve_plain(partner) as partner_url, sync_playwright() as playwright:
            (partner / "index.html").write_text(PARTNER.format(site=site), encoding="utf-8")
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
            for _ in range(args.runs + 1):  # the first run warms up Chromium itself
                context = browser.new_context()
                page = context.new_page()
                page.goto(partner_url + "/")
                page.wait_for_function("() => window.__t && window.__t.rendered", timeout=10000)
                results.append(page.evaluate("() => window.__t"))
                context.close()
            browser.close()
        results = results[1:]
        assert all(r["items"] == 5 for r in results), results
        for name, values in (
            ("defined", [r["defined"] for r in results]),
            ("rendered", [r["rendered"] for r in results]),
            ("render", [r["rendered"] - r["defined"] for r in results]),
        ):
            values.sort()
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(f"{name:9s} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   (n={len(values)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
