"""The static index is kept off the critical path: an edited page goes live first, and Pagefind
indexes the published site afterwards, swapping its new index in atomically (search/pagefind_index.py)."""

from __future__ import annotations

import json

from support import MINIMAL_SITE, TEST_TODAY, copy_site

import search.pagefind_index as pagefind_index
from sitegen.cli.main import main


def _build(root, capsys=None) -> str:
    code = main(["--root", str(root), "build", "--quiet", "--today", TEST_TODAY])
    err = capsys.readouterr().err if capsys is not None else ""
    assert code == 0, err
    return err


def _entry(root) -> dict:
    return json.loads((root / "public" / "pagefind" / "pagefind-entry.json").read_text())


def _edit_title(root, title: str) -> None:
    page = root / "content" / "pages" / "even-vrij.md"
    text = page.read_text(encoding="utf-8")
    first = text.split("\n", 2)[1]
    assert first.startswith("title:")
    page.write_text(text.replace(first, f"title: {title}", 1), encoding="utf-8")


def test_an_edit_is_published_before_the_index_is_made(tmp_path, monkeypatch, capsys):
    root = copy_site(MINIMAL_SITE, tmp_path)
    _build(root)
    before = _entry(root)
    seen = {}
    real = pagefind_index.run_pagefind

    def observed(site, bundle=pagefind_index.BUNDLE):
        # The real Pagefind runs; we look at what a visitor would get at that moment.
        seen["bundle"] = bundle
        seen["live_page"] = (site / "informatie" / "even-vrij" / "index.html").read_text(encoding="utf-8")
        seen["old_index_live"] = (site / "pagefind" / "pagefind-entry.json").is_file()
        return real(site, bundle)

    monkeypatch.setattr(pagefind_index, "run_pagefind", observed)
    _edit_title(root, "Even vrij, een nieuwe titel")
    _build(root)

    assert seen["bundle"] == pagefind_index.NEXT  # after the swap, beside the live index
    assert "Even vrij, een nieuwe titel" in seen["live_page"]
    assert seen["old_index_live"]
    assert _entry(root) != before  # the new index was swapped in
    assert not (root / "public" / pagefind_index.NEXT).exists()


def test_a_failed_index_after_the_swap_warns_keeps_the_pages_and_is_retried(tmp_path, monkeypatch, capsys):
    root = copy_site(MINIMAL_SITE, tmp_path)
    _build(root)
    before = _entry(root)
    _edit_title(root, "Even vrij, nog een titel")

    def broken(site, bundle=pagefind_index.BUNDLE):
        raise pagefind_index.SearchIndexError("Pagefind kon de zoekindex niet maken: test")

    with monkeypatch.context() as patch:
        patch.setattr(pagefind_index, "run_pagefind", broken)
        err = _build(root, capsys)
    assert "waarschuwing: de zoekindex is niet bijgewerkt" in err
    assert "Even vrij, nog een titel" in (root / "public" / "informatie" / "even-vrij" / "index.html").read_text(encoding="utf-8")
    assert _entry(root) == before  # the previous index still answers

    _build(root)  # nothing changed, but the index is still behind: made now
    assert _entry(root) != before
    assert not list((root / ".hulpwijzer").glob("*.index-pending"))


def test_a_clean_build_indexes_before_the_swap(tmp_path, monkeypatch):
    root = copy_site(MINIMAL_SITE, tmp_path)
    _build(root)
    seen = []
    real = pagefind_index.run_pagefind
    monkeypatch.setattr(pagefind_index, "run_pagefind", lambda site, bundle=pagefind_index.BUNDLE: seen.append((site.name, bundle)) or real(site, bundle))
    assert main(["--root", str(root), "build", "--quiet", "--clean", "--today", TEST_TODAY]) == 0
    assert seen == [(".public.staging", pagefind_index.BUNDLE)]
