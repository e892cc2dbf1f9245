"""A site publishes only what lives in its own content and theme folders (symlinks, traversal, names)."""

from __future__ import annotations

import shutil

import pytest
from support import MINIMAL_SITE, TEST_TODAY, copy_site

from sitegen.cli.main import main

SECRET = "geheim-buiten-de-site"


def _site(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    (outside / "page.md").write_text((MINIMAL_SITE / "content" / "pages" / "even-vrij.md").read_text().replace("Even vrij", SECRET, 1))
    return root, outside


def _run(root, command, capsys) -> tuple[int, str]:
    args = ["--root", str(root), command, "--today", TEST_TODAY] + (["--quiet"] if command == "build" else [])
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def _published(root) -> str:
    public = root / "public"
    return "".join(p.read_text(errors="replace") for p in public.rglob("*") if p.is_file()) if public.is_dir() else ""


def _link(root, outside, case):
    content = root / "content"
    (content / "media").mkdir(exist_ok=True)
    if case == "media file":
        (content / "media" / "secret.txt").symlink_to(outside / "secret.txt")
        return "content/media/secret.txt"
    if case == "media folder":
        (content / "media" / "more").symlink_to(outside, target_is_directory=True)
        return "content/media/more/"
    if case == "content file":
        (content / "pages" / "buiten.md").symlink_to(outside / "page.md")
        return "content/pages/buiten.md"
    if case == "content folder":
        shutil.move(content / "pages", outside / "pages")
        (content / "pages").symlink_to(outside / "pages", target_is_directory=True)
        return "content/pages/"
    if case == "vocabulary":
        vocabulary = content / "vocabularies" / "places.yaml"
        shutil.move(vocabulary, outside / "places.yaml")
        vocabulary.symlink_to(outside / "places.yaml")
        return "content/vocabularies/places.yaml"
    if case == "site.yaml":
        shutil.move(content / "site.yaml", outside / "site.yaml")
        (content / "site.yaml").symlink_to(outside / "site.yaml")
        return "content/site.yaml"
    raise AssertionError(case)


@pytest.mark.parametrize("case", ["media file", "media folder", "content file", "content folder", "vocabulary", "site.yaml"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_symlink_out_of_content_is_an_error_naming_it(case, command, tmp_path, capsys):
    root, outside = _site(tmp_path)
    named = _link(root, outside, case)
    code, text = _run(root, command, capsys)
    assert code == 1
    assert f"{named}: fout: " in text and "symlink" in text, text
    assert "Traceback" not in text
    assert SECRET not in _published(root)


def test_a_symlink_inside_content_is_fine(tmp_path, capsys):
    root, _ = _site(tmp_path)
    (root / "content" / "media").mkdir()
    (root / "content" / "media" / "same.md").symlink_to(root / "content" / "pages" / "even-vrij.md")
    code, text = _run(root, "check", capsys)
    assert code == 0, text


def _theme(root, name="eigen"):
    theme = root / "themes" / name
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text() + f"theme: {name}\n")
    return theme


@pytest.mark.parametrize("where", ["templates", "static"])
def test_a_symlink_out_of_the_theme_is_an_error(where, tmp_path, capsys):
    root, outside = _site(tmp_path)
    theme = _theme(root)
    (theme / where / ("secret.txt" if where == "static" else "404.html")).symlink_to(outside / "secret.txt")
    code, text = _run(root, "build", capsys)
    assert code == 1
    assert f"themes/eigen/{where}/" in text and "symlink" in text and "buiten de map van het thema" in text, text
    assert "Traceback" not in text
    assert SECRET not in _published(root)


def test_a_theme_folder_that_is_a_symlink_out_of_themes_is_an_error(tmp_path, capsys):
    root, outside = _site(tmp_path)
    (outside / "theme" / "templates").mkdir(parents=True)
    (root / "themes").mkdir()
    (root / "themes" / "eigen").symlink_to(outside / "theme", target_is_directory=True)
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text() + "theme: eigen\n")
    code, text = _run(root, "check", capsys)
    assert code == 1 and "themes/eigen is een snelkoppeling" in text, text


@pytest.mark.parametrize("name", ["../outside", "/etc", "default/../../x", "Default", "a b"])
def test_a_theme_name_is_a_name_not_a_path(name, tmp_path, capsys):
    root, _ = _site(tmp_path)
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text() + f"theme: '{name}'\n")
    code, text = _run(root, "check", capsys)
    assert code == 1
    assert "content/site.yaml" in text and "veld 'theme'" in text and "geen pad" in text, text


def test_a_theme_that_extends_a_path_or_itself_is_an_error(tmp_path, capsys):
    root, _ = _site(tmp_path)
    theme = _theme(root, "een")
    (theme / "theme.yaml").write_text("extends: ../../outside\n")
    code, text = _run(root, "check", capsys)
    assert code == 1 and "geen naam van een thema" in text, text
    other = root / "themes" / "twee"
    other.mkdir()
    (other / "theme.yaml").write_text("extends: een\n")
    (theme / "theme.yaml").write_text("extends: twee\n")
    code, text = _run(root, "check", capsys)
    assert code == 1 and "in een kring" in text and "Traceback" not in text, text


@pytest.mark.parametrize("name", ["Even Vrij.md", "even vrij.md", "EvenVrij.md", "even_vrij.en.md"])
def test_odd_file_names_warn(name, tmp_path, capsys):
    root, _ = _site(tmp_path)
    source = root / "content" / "pages" / "even-vrij.md"
    source.rename(source.with_name(name))
    code, text = _run(root, "check", capsys)
    assert f"content/pages/{name}: waarschuwing: " in text and "hoofdletters, spaties" in text, text
