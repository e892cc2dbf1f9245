"""Every file in tests/broken/ yields exactly one clear message and leaves public/ as it was.

A case marked ``bounded`` is input that once made the build run for ever or exhaust memory
(alias bombs, RRULEs without dates): it runs in a subprocess with a time limit, so a regression
fails the test instead of hanging the suite. ``to`` may be site.yaml or a vocabulary: the
broken file then replaces that whole file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import MINIMAL_SITE, REPO, TEST_TODAY, copy_site

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


BOUNDED_SECONDS = 120  # generous on a loaded machine; an unbounded case never ends


def test_corpus_is_large_enough():
    assert len(EXPECTED) >= 45
    assert {p.name for p in BROKEN.iterdir() if p.suffix in (".md", ".yaml") and p.name != "expected.yaml"} == set(EXPECTED)


def _build(root: Path, bounded: bool, capsys) -> tuple[int, str]:
    args = ["--root", str(root), "build", "--quiet", "--today", TEST_TODAY]
    if not bounded:
        code = main(args)
        return code, capsys.readouterr().err
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    try:
        process = subprocess.run([sys.executable, "-m", "sitegen.cli.main", *args], capture_output=True, text=True, timeout=BOUNDED_SECONDS, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build did not end within {BOUNDED_SECONDS} s: this input is not bounded")
    return process.returncode, process.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_one_clear_message(name, built_minimal, tmp_path, capsys):
    expected = EXPECTED[name]
    root = tmp_path / "site"
    shutil.copytree(built_minimal, root)
    before = tree_digest(root / "public")
    target = root / "content" / expected["to"]
    target.write_bytes((BROKEN / name).read_bytes())

    code, err = _build(root, expected.get("bounded", False), capsys)

    assert code == 1, err
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
