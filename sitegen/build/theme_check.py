"""``hulpwijzer check`` for the theme: every template compiles, and a sample of each page renders.

A build renders only what changed, so a broken template can hide until the day its page is
rebuilt; ``check`` therefore compiles every template of the active theme and of the themes it
extends, and renders one output per template and language. Each problem names the template
file and line, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from sitegen.build.render import THEMES_DIR
from sitegen.problems import Problem

TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".json")
FIX = "verbeter het sjabloon op deze regel (zie docs/theme.md), of haal het weg zodat het standaardthema geldt"


def check_theme(prepared) -> list[Problem]:
    problems = _compile_all(prepared)
    if problems:
        return problems  # a page that includes a broken template would report it once more
    return _render_samples(prepared)


def _shown(path: str | None, root: Path) -> str:
    """A template file as the editor finds it: relative to the site, or to the package's themes/."""
    if not path:
        return "themes/"
    file = Path(path)
    for base in (root, THEMES_DIR.parent):
        if file.is_relative_to(base):
            return file.relative_to(base).as_posix()
    return file.as_posix()


def _compile_all(prepared) -> list[Problem]:
    root = prepared.ctx.root
    env = prepared.ctx.renderer.environment(prepared.site.graph.default_lang)
    problems = []
    for folder in prepared.theme.folders:
        base = folder / "templates"
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file() or path.suffix not in TEMPLATE_SUFFIXES:
                continue
            try:
                source = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                problems.append(Problem(_shown(str(path), root), None, None, "het sjabloon is geen UTF-8-tekst", "sla het bestand op als UTF-8"))
                continue
            try:
                env.compile(source, path.relative_to(base).as_posix(), str(path))
            except jinja2.TemplateSyntaxError as error:
                problems.append(Problem(_shown(str(path), root), error.lineno, None, f"fout in het sjabloon: {error.message}", FIX))
    return problems


def _render_samples(prepared) -> list[Problem]:
    root = prepared.ctx.root
    renderer = prepared.ctx.renderer
    sampled: set[tuple[str, str]] = set()
    problems: dict[tuple[str, int | None], Problem] = {}
    for output in prepared.outputs:
        if output.template is None or (output.template, output.lang) in sampled:
            continue
        sampled.add((output.template, output.lang))
        try:
            output.produce(renderer)
        except jinja2.TemplateNotFound as error:
            where, line = template_frame(error)
            problem = Problem(_shown(where, root), line, None, f"het sjabloon '{error.name}' bestaat niet in het thema", FIX)
        except RecursionError as error:
            where, line = template_frame(error)
            problem = Problem(_shown(where, root), line, None, f"de sjablonen voor /{output.path} breiden elkaar in een kring uit (extends of include)", FIX)
        except Exception as error:  # any error a template raises is reported with its line (others are raised again)
            where, line = template_frame(error)
            if where is None:
                raise  # not in a template: a fault of the generator itself, which must show as one
            problem = Problem(_shown(where, root), line, None, f"fout bij het maken van /{output.path}: {error}", FIX)
        else:
            continue
        problems.setdefault((problem.path, problem.line), problem)  # once per template line, not per language
    return list(problems.values())


def template_frame(error: BaseException) -> tuple[str | None, int | None]:
    """The innermost template file and line in the traceback of ``error``."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.filename, error.lineno
    tb = error.__traceback__
    where: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIXES):
            where = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return where
