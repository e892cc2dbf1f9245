"""Every file in tests/broken/ yields exactly one clear message and leaves public/ as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from support import MINIMAL_SITE, TEST_TODAY, copy_site

from sitegen.cli.main import main

BROKEN = Path(__file__).parent / "broken"
EXPECTED = yaml.safe_load((BROKEN / "expected.yaml").read_text(encoding="utf-8"))


def tree_digest(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def built_minimal(tmp_path_factory) -> Path:
    root = copy_site(MINIMAL_SITE, tmp_path_factory.mktemp("minimal"))
    assert main(["--root", str(root), "build", "--quiet", "--today", TEST_TODAY]) == 0
    return root


def test_corpus_is_large_enough():
    assert len(EXPECTED) >= 15
    assert {p.name for p in BROKEN.glob("*.md")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_one_clear_message(name, built_minimal, tmp_path, capsys):
    expected = EXPECTED[name]
    root = tmp_path / "site"
    shutil.copytree(built_minimal, root)
    before = tree_digest(root / "public")
    target = root / "content" / expected["to"]
    target.write_bytes((BROKEN / name).read_bytes())

    code = main(["--root", str(root), "build", "--quiet", "--today", TEST_TODAY])
    err = capsys.readouterr().err

    assert code == 1
    errors = [line for line in err.splitlines() if ": fout: " in line]
    assert len(errors) == 1, err
    message = errors[0]
    where = f"content/{expected['to']}" + (f":{expected['line']}:" if expected["line"] else ":")
    assert message.startswith(where), message
    if expected["field"]:
        assert f"veld '{expected['field']}'" in message, message
    assert expected["words"].lower() in message.lower(), message
    assert "oplossing:" in err  # every problem says how to fix it
    assert "Traceback" not in err
    assert "niet veranderd" in err
    # The failed build left the published site byte-for-byte as it was.
    assert tree_digest(root / "public") == before
    assert not any(p.name.startswith(".public.") for p in root.iterdir())


def test_check_reports_all_problems_at_once(built_minimal, tmp_path, capsys):
    root = tmp_path / "site"
    shutil.copytree(built_minimal, root)
    for name in ("missing-title.md", "unknown-term.md", "dangling-reference.md", "impossible-date.md"):
        (root / "content" / EXPECTED[name]["to"]).write_bytes((BROKEN / name).read_bytes())
    assert main(["--root", str(root), "check", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    assert err.count(": fout: ") == 4
    assert "4 fout(en)" in err


def test_crash_while_rendering_leaves_public_unchanged(built_minimal, tmp_path, capsys):
    root = tmp_path / "site"
    shutil.copytree(built_minimal, root)
    before = tree_digest(root / "public")
    theme = root / "themes" / "broken"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "404.html").write_text("{{ no_such_variable.attribute }}")
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text() + "theme: broken\n")

    code = main(["--root", str(root), "build", "--quiet", "--today", TEST_TODAY])
    err = capsys.readouterr().err
    assert code == 1
    assert "404.html" in err and "Traceback" not in err
    assert tree_digest(root / "public") == before
