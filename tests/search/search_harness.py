"""Run queries through the real search page (search.js + Pagefind) in Chromium; used by the tests and bench/search.py."""

from __future__ import annotations

import time
from pathlib import Path

import yaml

RELEVANCE_FILE = Path(__file__).with_name("relevance.yaml")

RUN_QUERY = """async (q) => {
  const root = document.querySelector('[data-hw-search]');
  const started = performance.now();
  await root.hwSearch(q);
  const ms = performance.now() - started;
  return {
    ms,
    status: document.querySelector('[data-hw-searchpage-status]').textContent,
    nothing: !(document.querySelector('[data-hw-searchpage-nothing]') || {hidden: true}).hidden,
    urls: Array.from(document.querySelectorAll('.hw-result__title a')).map(a => a.getAttribute('href')),
  };
}"""


def load_relevance_set() -> list[dict]:
    return yaml.safe_load(RELEVANCE_FILE.read_text(encoding="utf-8"))["queries"]


def run_query(page, query: str) -> dict:
    return page.evaluate(RUN_QUERY, query)


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => document.querySelector('[data-hw-search]').hwSearch")


def evaluate(page, search_url: str, cases: list[dict]) -> dict:
    """Top-3 hit rate and MRR (reciprocal rank of the first expected item, 0 when not in the top 10).

    ``search_url`` is the Dutch search page; a case with ``lang: en`` runs on /en/zoeken/. A case with
    ``nothing: true`` is a question no current item answers: it counts as found at rank 1 when the
    page says so plainly and shows no result, else as not found.
    """
    base = search_url.rstrip("/").rsplit("/", 1)[0]
    rows = []
    opened = None
    for case in sorted(cases, key=lambda c: c.get("lang", "nl")):
        lang = case.get("lang", "nl")
        url = search_url if lang == "nl" else f"{base}/{lang}/zoeken/"
        if url != opened:
            _open(page, url)
            opened = url
        outcome = run_query(page, case["q"])
        if case.get("nothing"):
            rank = 1 if not outcome["urls"] else None  # the page says so (the test checks the box: outcome["nothing"])
        else:
            expected = set(case["expect"])
            rank = next((i + 1 for i, found in enumerate(outcome["urls"][:10]) if found in expected), None)
        rows.append(
            {
                "q": case["q"],
                "lang": lang,
                "rank": rank,
                "nothing": outcome["nothing"],
                "top": outcome["urls"][:3],
                "urls": outcome["urls"],
                "ms": outcome["ms"],
            }
        )
    hits = sum(1 for row in rows if row["rank"] is not None and row["rank"] <= 3)
    mrr = sum(1 / row["rank"] for row in rows if row["rank"]) / len(rows)
    return {"rows": rows, "top3": hits / len(rows), "mrr": mrr, "count": len(rows), "at": time.strftime("%Y-%m-%d")}
