"""Where a later search query's time goes, phase by phase, in headless Chromium.

    python bench/search_profile.py PUBLIC_DIR [query ...]

Runs each query once (cold) and then measures a later query phase by phase with
`performance.now()` in the page: the query plan, each Pagefind search the backend runs
(the words, the words with each factor filter), loading the first page's fragments, and
the whole `hwSearch` for comparison. Prints one line per phase (median of 5 runs, ms).
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from support import CHROMIUM_ARGS, chromium_path, serve_directory  # noqa: E402

PHASES = """async (q) => {
  const root = document.querySelector('[data-hw-search]');
  const pf = await import('/pagefind/pagefind.js');
  const data = await (await fetch(root.getAttribute('data-data-url'))).json();
  const t = {};
  let s = performance.now();
  const plan = await root.hwPlan(q);
  t.plan = performance.now() - s;
  const text = plan.terms.join(' ');
  s = performance.now();
  const main = await pf.search(text);
  t['search (words)'] = performance.now() - s;
  t.results = main ? main.results.length : 0;
  s = performance.now();
  await pf.search(text, {filters: {}});
  t['search again (same words)'] = performance.now() - s;
  for (const type of Object.keys(data.boosts || {})) {
    s = performance.now();
    await pf.search(text, {filters: {type}});
    t['search type=' + type] = performance.now() - s;
  }
  s = performance.now();
  await pf.search(text, {filters: {stale: '1'}});
  t['search stale=1'] = performance.now() - s;
  s = performance.now();
  await Promise.all(main.results.slice(0, 10).map((r) => r.data()));
  t['10 fragments'] = performance.now() - s;
  s = performance.now();
  await root.hwSearch(q + ' ');
  t['hwSearch total'] = performance.now() - s;
  return t;
}"""


def main() -> None:
    public = Path(sys.argv[1])
    queries = sys.argv[2:] or ["mantelzorg", "oppas voor mijn man", "vrijwilliger koffie"]
    from playwright.sync_api import sync_playwright

    with serve_directory(public) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "/zoeken/")
        page.wait_for_function("() => document.querySelector('[data-hw-search]').hwSearch")
        for query in queries:
            page.evaluate("(q) => document.querySelector('[data-hw-search]').hwSearch(q)", query)
            runs = [page.evaluate(PHASES, query) for _ in range(5)]
            print(f"{query!r}:")
            for phase in runs[0]:
                print(f"  {phase:28} {statistics.median(r[phase] for r in runs):8.1f}")
        browser.close()
    print(json.dumps({"queries": queries}))


if __name__ == "__main__":
    main()
