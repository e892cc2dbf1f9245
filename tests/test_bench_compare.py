"""The pure helpers of bench/compare.py (no builds: benchmarks are not timed tests)."""

import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("compare", Path(__file__).resolve().parent.parent / "bench" / "compare.py")
compare = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(compare)


def test_hugo_rebuild_lines():
    assert compare.parse_rebuilt("Total in 102 ms") == 102  # hugo 0.111 (Debian 12)
    assert compare.parse_rebuilt("Rebuilt in 87 ms") == 87  # later releases
    assert compare.parse_rebuilt("Source changed CREATE  content/vacatures/vacature-1.md") is None


def test_build_summary():
    text = "Klaar: 200 items, 987 bestanden (12 geschreven, 975 ongewijzigd, 0 verwijderd), 0 waarschuwing(en), 1.23 s."
    assert compare.parse_summary(text) == {"items": 200, "outputs": 987, "written": 12, "kept": 975, "removed": 0}
    assert compare.parse_summary("") is None


def test_ratio_table():
    runs = lambda *walls: [{"wall": w, "cpu": w, "rss_mib": 100.0, "load": 0.1} for w in walls]  # noqa: E731
    results = {"clean": {"hulpwijzer": runs(3.0, 5.0, 4.0), "hugo": runs(2.0, 2.0, 9.0)}}
    row = compare.table(results).splitlines()[2]
    assert row.startswith("| clean | 4.00 s | 2.00 s | 2.00× |")
    assert "100 MiB | 100 MiB | 1.00×" in row
    assert compare.ratio(1.0, None) is None and compare.ratio(1.0, 0) is None
