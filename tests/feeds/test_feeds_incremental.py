"""The feeds' dependencies are right: after an edit, an incremental build equals a clean build."""

from __future__ import annotations

from pathlib import Path

from feeds_conftest import make_site
from support import build_site


def feed_files(public: Path) -> dict[str, bytes]:
    found = {}
    for path in public.rglob("*"):
        name = path.relative_to(public).as_posix()
        if path.is_file() and (name.endswith((".ics", ".atom")) or name.startswith(("open-data/", "en/open-data/", "ar/open-data/"))):
            found[name] = path.read_bytes()
    return found


def assert_same_as_clean(root: Path, public: Path, tmp: Path, step: str) -> None:
    result = build_site(root, out=public)
    clean = tmp / f"clean-{step}"
    build_site(root, out=clean, clean=True)
    incremental, expected = feed_files(public), feed_files(clean)
    assert sorted(incremental) == sorted(expected), step
    stale = [name for name in expected if incremental[name] != expected[name]]
    assert stale == [], f"{step}: stale after an incremental build"
    return result


def test_incremental_feeds_equal_clean_build(tmp_path):
    root = make_site(tmp_path / "site")
    public = tmp_path / "public"
    build_site(root, out=public, clean=True)
    content = root / "content"

    org = content / "organisations" / "steunpunt.md"
    org.write_text(org.read_text(encoding="utf-8").replace("title: Steunpunt Testdorp", "title: Steunpunt Testdorp-Oost"), encoding="utf-8")
    assert_same_as_clean(root, public, tmp_path, "organisation renamed")
    assert b"Steunpunt Testdorp-Oost" in (public / "open-data" / "agenda" / "organisatie" / "steunpunt.ics").read_bytes()

    walk = content / "activities" / "wandelgroep.md"
    walk.write_text(walk.read_text(encoding="utf-8").replace("activity_type: lotgenotencontact", "activity_type: cursus"), encoding="utf-8")
    result = assert_same_as_clean(root, public, tmp_path, "activity type changed")
    assert "open-data/agenda/soort/cursus.ics" in result.changed or any("cursus.ics" in name for name in result.changed)
    assert not [name for name in result.changed if name.startswith("open-data/hsds/taxonom") and name.endswith(".json")], "vocabulary files did not change"

    (content / "activities" / "cafe-praat.md").unlink()
    assert_same_as_clean(root, public, tmp_path, "activity deleted")
