"""``hulpwijzer check`` finds theme problems, and ``build`` reports them, naming template and line, without a traceback."""

from __future__ import annotations

import pytest
from support import MINIMAL_SITE, TEST_TODAY, copy_site

from sitegen.cli.main import main

# template file -> (its text, the line the message must name, words it must contain)
CASES = {
    "syntax": ("hub.html", '{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}\n', 3, "fout in het sjabloon"),
    "runtime": ("404.html", '{% extends "base.html" %}\n{% block content %}\n<p>{{ 1 // 0 }}</p>\n{% endblock %}\n', 3, "division"),
    "missing asset": (
        "404.html",
        '{% extends "base.html" %}\n{% block content %}\n<img src="{{ asset(\'img/weg.png\') }}" alt="">\n{% endblock %}\n',
        3,
        "img/weg.png",
    ),
    "missing template": (
        "404.html",
        '{% extends "base.html" %}\n{% block content %}\n{% include "partials/weg.html" %}\n{% endblock %}\n',
        3,
        "partials/weg.html",
    ),
    "circular extends": ("404.html", '{% extends "404.html" %}\n', 1, "kring"),
    "undefined name": ("detail/page.html", '{% extends "base.html" %}\n{% block content %}\n{{ item.bestaat_niet }}\n{% endblock %}\n', 3, "bestaat_niet"),
}


def _site(tmp_path, template: str, text: str):
    root = copy_site(MINIMAL_SITE, tmp_path)
    path = root / "themes" / "eigen" / "templates" / template
    path.parent.mkdir(parents=True)
    path.write_text(text)
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text() + "theme: eigen\n")
    return root


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_finds_theme_problems(case, tmp_path, capsys):
    template, text, line, words = CASES[case]
    root = _site(tmp_path, template, text)
    assert main(["--root", str(root), "check", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    errors = [entry for entry in err.splitlines() if ": fout: " in entry]
    assert errors and errors[0].startswith(f"themes/eigen/templates/{template}:{line}: fout: "), err
    assert words in err and "oplossing:" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("case", sorted(CASES))
def test_build_reports_theme_problems_without_a_traceback(case, tmp_path, capsys):
    template, text, _line, _words = CASES[case]
    root = _site(tmp_path, template, text)
    assert main(["--root", str(root), "build", "--quiet", "--jobs", "1", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert template in err, err
    assert "niet veranderd" in err
    assert not (root / "public").exists()


def test_the_default_theme_passes(tmp_path, capsys):
    root = copy_site(MINIMAL_SITE, tmp_path)
    assert main(["--root", str(root), "check", "--today", TEST_TODAY]) == 0, capsys.readouterr().err
