"""The hulpwijzer command: new, format, check, docs, and the generator's independence of Django."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from support import MINIMAL_SITE, REPO, TEST_TODAY, copy_site

from sitegen.cli.main import main
from sitegen.parts.schema_docs import rendered_docs
from sitegen.content.types import TYPES

TODAY = dt.date.fromisoformat(TEST_TODAY)


@pytest.fixture
def site(tmp_path):
    return copy_site(MINIMAL_SITE, tmp_path / "site")


@pytest.mark.parametrize("type_name", sorted(TYPES.names()))
def test_new_makes_a_valid_file(site, type_name, capsys):
    assert main(["--root", str(site), "new", type_name, "Iets nieuws voor Testdorp"]) == 0
    created = [p for p in (site / "content").rglob("iets-nieuws-voor-testdorp.md")]
    assert len(created) == 1
    assert main(["--root", str(site), "check", "--today", TEST_TODAY]) == 0, capsys.readouterr().err
    # A second file with the same title is refused, not overwritten.
    assert main(["--root", str(site), "new", type_name, "Iets nieuws voor Testdorp"]) == 1
    assert "bestaat al" in capsys.readouterr().err


def test_new_refuses_a_title_without_letters(site, capsys):
    assert main(["--root", str(site), "new", "page", "!!!"]) == 1
    assert "letters of cijfers" in capsys.readouterr().err


def test_format_is_idempotent_and_keeps_meaning(site, capsys):
    from sitegen.content.read import load_site

    before = {n.key: n.data for n in load_site(site, TODAY).graph.nodes}
    assert main(["--root", str(site), "format"]) == 0
    after = {n.key: n.data for n in load_site(site, TODAY).graph.nodes}
    assert before == after
    assert main(["--root", str(site), "format", "--check"]) == 0
    assert "moet opgemaakt" not in capsys.readouterr().out


def test_check_succeeds_on_valid_site(site, capsys):
    assert main(["--root", str(site), "check", "--today", TEST_TODAY]) == 0
    assert "Alles in orde" in capsys.readouterr().out


def test_build_summary(site, capsys):
    assert main(["--root", str(site), "build", "--today", TEST_TODAY]) == 0
    out = capsys.readouterr().out
    assert "Klaar:" in out and "items" in out and "waarschuwing" in out


def test_missing_site_yaml_is_a_clear_error(site, capsys):
    (site / "content" / "site.yaml").unlink()
    assert main(["--root", str(site), "build", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    assert "content/site.yaml" in err and "oplossing" in err


def test_bad_today_option(site):
    with pytest.raises(SystemExit) as raised:
        main(["--root", str(site), "build", "--today", "morgen"])
    assert "JJJJ-MM-DD" in str(raised.value)


def test_docs_match_the_code():
    """docs/content-model.md and docs/schema/ are generated; regenerate with `hulpwijzer docs`."""
    for rel, text in rendered_docs().items():
        assert (REPO / rel).read_text(encoding="utf-8") == text, f"{rel} is out of date: run hulpwijzer docs"


def test_generator_never_imports_django(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    code = (
        "import sys, datetime\n"
        "from sitegen.build.pipeline import build, BuildOptions\n"
        "from sitegen.clock import Clock\n"
        f"build(BuildOptions(root=__import__('pathlib').Path({str(root)!r}), clock=Clock.on(datetime.date(2026, 11, 23)), jobs=1))\n"
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.') or m.startswith('wagtail')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_date_only_until_includes_that_day():
    import datetime as dt

    from sitegen import dates
    from sitegen.content.model import Activity

    activity = Activity.model_validate({
        "title": "Wandelen", "summary": "Elke woensdag samen wandelen.", "last_reviewed": "2026-10-01",
        "organiser": "steunpunt", "activity_type": "cursus", "start": "2027-06-16 14:00", "end": "2027-06-16 15:00",
        "online": True, "recurrence": {"rrule": "FREQ=WEEKLY;UNTIL=20270707"},
    })
    starts = [start.date() for start, _ in dates.occurrences(activity)]
    assert starts[-1] == dt.date(2027, 7, 7)
