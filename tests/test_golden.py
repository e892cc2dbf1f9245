"""Golden output: the minimal sample site renders exactly the committed HTML.

When a template change is intended, regenerate the expected files with
    HULPWIJZER_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
and review the diff in git like any other change.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from support import MINIMAL_SITE, build_site, copy_site

GOLDEN = Path(__file__).parent / "golden" / "minimal"


def html_files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.html"))
        if "pagefind" not in path.parts and "widget" not in path.parts and not _other_search_result_page(path.relative_to(folder).parts)
    }


def _other_search_result_page(parts: tuple[str, ...]) -> bool:
    """The static search result pages (search/static_results.py) share one template: /zoeken/oppas/ stands for all."""
    return "zoeken" in parts and len(parts) - parts.index("zoeken") == 3 and parts != ("zoeken", "oppas", "index.html")


def test_minimal_site_matches_golden_html(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    build_site(root, clean=True)
    got = html_files(root / "public")
    if os.environ.get("HULPWIJZER_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in got.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    want = html_files(GOLDEN)
    assert want, "no golden files: run with HULPWIJZER_UPDATE_GOLDEN=1"
    assert sorted(got) == sorted(want), set(got) ^ set(want)
    for rel in want:
        if got[rel] != want[rel]:
            diff = "\n".join(difflib.unified_diff(want[rel].splitlines(), got[rel].splitlines(), "expected/" + rel, "built/" + rel, lineterm="", n=2))
            raise AssertionError(f"{rel} differs from the golden file:\n{diff[:4000]}")
