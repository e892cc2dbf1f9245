"""An incremental build must equal a clean build of the same content."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from support import MINIMAL_SITE, build_site, copy_site


def tree(folder: Path) -> dict[str, str]:
    """Digest per file. Pagefind names its index files by a hash that differs from run to
    run, so its folder is compared by what it indexed (pages per language) instead."""
    table = {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "pagefind" not in path.relative_to(folder).parts
    }
    entry = folder / "pagefind" / "pagefind-entry.json"
    if entry.exists():
        languages = json.loads(entry.read_text())["languages"]
        table["pagefind/pages"] = json.dumps({lang: info["page_count"] for lang, info in sorted(languages.items())})
    return table


def assert_incremental_equals_clean(root: Path, tmp_path: Path):
    incremental = build_site(root)
    clean_out = tmp_path / "clean-public"
    build_site(root, out=clean_out, clean=True)
    got, want = tree(root / "public"), tree(clean_out)
    assert sorted(got) == sorted(want), set(got) ^ set(want)
    differing = [path for path in got if got[path] != want[path]]
    assert not differing, differing
    return incremental


@pytest.fixture
def site(tmp_path) -> Path:
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    first = build_site(root)
    assert first.written == first.outputs
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_no_change_rebuild_writes_nothing(site, tmp_path):
    result = assert_incremental_equals_clean(site, tmp_path)
    assert result.written == 0 and result.removed == 0


def test_edit_one_file(site, tmp_path):
    edit(site / "content/organisations/steunpunt.md", "Steunpunt Testdorp", "Steunpunt Testdorp en Omstreken")
    result = assert_incremental_equals_clean(site, tmp_path)
    # The organisation's name shows on pages that refer to it, not on unrelated ones.
    assert 0 < result.written < result.outputs
    assert "Steunpunt Testdorp en Omstreken" in (site / "public/vacatures/maatje/index.html").read_text()


def test_edit_body_of_page_rerenders_few_outputs(site, tmp_path):
    edit(site / "content/pages/even-vrij.md", "Soms wilt u even niets.", "Soms wilt u even helemaal niets.")
    result = assert_incremental_equals_clean(site, tmp_path)
    assert result.written < result.outputs / 2


def test_add_file(site, tmp_path):
    (site / "content/vacancies/voorlezen.md").write_text(
        (site / "content/vacancies/maatje.md").read_text().replace("Maatje voor een oudere", "Voorlezen in de bibliotheek"),
        encoding="utf-8",
    )
    assert_incremental_equals_clean(site, tmp_path)
    assert (site / "public/vacatures/voorlezen/index.html").exists()


def test_delete_file_removes_outputs_and_references(site, tmp_path):
    (site / "content/offers/logeerhuis.md").unlink()
    result = assert_incremental_equals_clean(site, tmp_path)
    assert result.removed >= 1
    assert not (site / "public/respijtzorg/logeerhuis").exists()
    for path in (site / "public").rglob("*.html"):
        assert "/respijtzorg/logeerhuis/" not in path.read_text(encoding="utf-8"), path


def test_rename_file(site, tmp_path):
    os.rename(site / "content/pages/even-vrij.md", site / "content/pages/even-rust.md")
    assert_incremental_equals_clean(site, tmp_path)
    assert (site / "public/informatie/even-rust/index.html").exists()
    assert not (site / "public/informatie/even-vrij").exists()


def test_change_to_site_yaml_vocabulary_and_theme(site, tmp_path):
    edit(site / "content/site.yaml", "0123 456 789", "0123 999 999")
    result = assert_incremental_equals_clean(site, tmp_path)
    assert result.rendered >= result.outputs - 5  # site.yaml is read by every output ...
    assert all(path in result.changed for path in ("index.html", "agenda/index.html", "vacatures/maatje/index.html"))  # ... and the loket is on every page
    edit(site / "content/vocabularies/sectors.yaml", "Zorg en welzijn", "Zorg & welzijn")
    assert_incremental_equals_clean(site, tmp_path)
    theme = site / "themes" / "eigen"
    (theme / "static/css").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: default\n")
    (theme / "static/css/tokens.css").write_text(":root { --hw-brand-primary: #7a1f5c; }\n")
    edit(site / "content/site.yaml", "municipality: Testdorp", "municipality: Testdorp\ntheme: eigen")
    assert_incremental_equals_clean(site, tmp_path)


def test_time_passing_expires_vacancy(site, tmp_path):
    build_site(site, today="2027-04-01")
    clean_out = tmp_path / "later"
    build_site(site, out=clean_out, clean=True, today="2027-04-01")
    assert tree(site / "public") == tree(clean_out)
    listing = (site / "public/vacatures/index.html").read_text()
    assert "/vacatures/maatje/" not in listing  # valid through 2027-03-31


def test_parallel_build_equals_serial(site, tmp_path):
    serial = tmp_path / "serial"
    parallel = tmp_path / "parallel"
    build_site(site, out=serial, clean=True, jobs=1)
    # Enough outputs to use the process pool: copy the vacancy many times.
    for number in range(80):
        (site / f"content/vacancies/kopie-{number}.md").write_text(
            (site / "content/vacancies/maatje.md").read_text().replace("Maatje voor een oudere", f"Maatje nummer {number}"),
            encoding="utf-8",
        )
    build_site(site, out=serial, clean=True, jobs=1)
    build_site(site, out=parallel, clean=True, jobs=2)
    assert tree(serial) == tree(parallel)


def test_one_vacancy_edit_rerenders_only_what_shows_it(site, tmp_path):
    for number in range(60):
        (site / f"content/vacancies/kopie-{number:02d}.md").write_text(
            (site / "content/vacancies/maatje.md").read_text().replace("Maatje voor een oudere", f"Maatje nummer {number:02d}"),
            encoding="utf-8",
        )
    build_site(site)
    edit(site / "content/vacancies/kopie-07.md", "Ga één keer per week op bezoek", "Ga één keer per week langs")
    result = assert_incremental_equals_clean(site, tmp_path)
    # Listing pages and feeds that do not show this vacancy are kept as they were: per
    # language the one page of the full listing and of each of its 6 filters that shows it.
    assert result.written < result.outputs / 4, (result.written, result.outputs)
    listings = {path for path in result.changed if "vacatures/" in path and path.endswith("index.html") and "kopie-07" not in path and "widget" not in path}
    assert len(listings) == 7 * 3, sorted(listings)


def test_successive_edits_reuse_the_previous_site_correctly(site, tmp_path):
    """From the second incremental build on, the staging folder is the site of two builds
    ago: it must still end up equal to a clean build after every edit, and revert."""
    page = site / "content/pages/even-vrij.md"
    original = page.read_text(encoding="utf-8")
    edit(page, "Soms wilt u even niets.", "Eerste wijziging.")
    assert_incremental_equals_clean(site, tmp_path / "a")
    edit(site / "content/organisations/steunpunt.md", "Wij helpen u graag.", "Wij helpen u echt graag.")
    assert_incremental_equals_clean(site, tmp_path / "b")
    assert (site / ".public.spare").is_dir()
    page.write_text(original, encoding="utf-8")
    result = assert_incremental_equals_clean(site, tmp_path / "c")
    assert "Eerste wijziging" not in (site / "public/informatie/even-vrij/index.html").read_text()
    assert result.rendered >= result.written


def test_after_a_build_that_changed_every_page_the_next_edit_starts_from_the_live_site(site, tmp_path):
    """The spare tree (two builds old) is far behind after a site-wide change: the next build
    starts from hard links to the live site instead, renders only what the edit touched, and
    leaves nothing behind — also not a folder a killed build left at the top of the spare tree."""
    edit(site / "content/site.yaml", "0123 456 789", "0123 999 999")  # on every page
    assert_incremental_equals_clean(site, tmp_path / "a")
    page = site / "content/pages/even-vrij.md"
    edit(page, "Soms wilt u even niets.", "Eerste wijziging.")
    result = assert_incremental_equals_clean(site, tmp_path / "b")
    assert result.rendered < result.outputs / 4, (result.rendered, result.outputs)
    assert not (site / ".public.trash").exists()
    (site / ".public.spare" / "pagefind.next").mkdir()
    (site / ".public.spare" / "pagefind.next" / "stray.js").write_text("// left behind\n")
    edit(page, "Eerste wijziging.", "Tweede wijziging.")
    result = assert_incremental_equals_clean(site, tmp_path / "c")  # the spare tree again, now close behind
    assert result.rendered < result.outputs / 4, (result.rendered, result.outputs)
    assert not (site / "public" / "pagefind.next").exists()
