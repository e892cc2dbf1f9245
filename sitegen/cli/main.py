"""The ``hulpwijzer`` command: build, check, serve, new, format, docs."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

from sitegen.clock import Clock
from sitegen.content.types import TYPES
from sitegen.problems import ContentError, Problem


class Progress:
    """A progress bar on a terminal; plain log lines elsewhere (CI, files)."""

    def __init__(self, stream=None):
        stream = stream or sys.stderr
        self.stream = stream
        self.tty = stream.isatty() and os.environ.get("CI") is None
        self.last = 0.0
        self.last_phase = ""

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.tty:
            now = time.monotonic()
            if done != total and now - self.last < 0.1:
                return
            self.last = now
            width = 30
            filled = int(width * done / total) if total else width
            self.stream.write(f"\r{phase:8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()
        elif done == total or (phase != self.last_phase and done == 0):
            self.stream.write(f"{phase}: {done}/{total}\n")
        self.last_phase = phase


def _report(problems: list[Problem], stream=None) -> None:
    stream = stream or sys.stderr
    for problem in problems:
        stream.write(problem.format() + "\n")


def _clock(value: str | None) -> Clock:
    """The clock of this command: --today fixes the build date, else the wall clock, read once here."""
    if value is None:
        return Clock.system()
    try:
        return Clock.on(dt.date.fromisoformat(value))
    except ValueError:
        raise SystemExit(f"--today: '{value}' is geen datum; schrijf JJJJ-MM-DD") from None


def cmd_build(args) -> int:
    from sitegen.build.pipeline import BuildOptions, RenderError, build

    options = BuildOptions(
        root=Path(args.root),
        out=Path(args.out) if args.out else None,
        clean=args.clean,
        jobs=args.jobs,
        strict=args.strict,
        clock=_clock(args.today),
        progress=None if args.quiet else Progress(),
    )
    try:
        result = build(options)
    except ContentError as error:
        _report(error.problems)
        errors = sum(1 for p in error.problems if p.severity == "error")
        sys.stderr.write(
            f"\nDe site is niet gebouwd: {errors or len(error.problems)} probleem/problemen. De gepubliceerde site ({options.public}) is niet veranderd.\n"
        )
        return 1
    except RenderError as error:
        sys.stderr.write(f"fout bij het maken van de pagina's: {error}\nDe gepubliceerde site is niet veranderd.\n")
        return 1
    _report(result.warnings)
    if not args.quiet:
        print(
            f"Klaar: {result.items} items, {result.outputs} bestanden "
            f"({result.written} geschreven, {result.kept} ongewijzigd, {result.removed} verwijderd), "
            f"{len(result.warnings)} waarschuwing(en), {result.seconds:.2f} s."
        )
    return 0


def cmd_check(args) -> int:
    from sitegen.build.pipeline import check

    problems = check(Path(args.root), _clock(args.today))
    _report(problems)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    if errors or (args.strict and warnings):
        sys.stderr.write(f"\n{len(errors)} fout(en), {len(warnings)} waarschuwing(en).\n")
        return 1
    print(f"Alles in orde ({len(warnings)} waarschuwing(en)).")
    return 0


def cmd_serve(args) -> int:
    from sitegen.cli.serve import serve

    # Without --today every rebuild reads the wall clock anew: the server may run for days.
    fixed = _clock(args.today) if args.today else None
    clock = (lambda: fixed) if fixed else Clock.system
    return serve(Path(args.root), host=args.host, port=args.port, clock=clock, build_first=not args.no_build)


def cmd_new(args) -> int:
    from sitegen.content.scaffold import new_item

    try:
        path = new_item(Path(args.root), args.type, args.title, Clock.system().today, lang=args.lang)
    except (ValueError, FileExistsError) as error:
        sys.stderr.write(f"{error}\n")
        return 1
    print(f"Nieuw bestand: {path}")
    return 0


def cmd_format(args) -> int:
    from sitegen.content.scaffold import format_content

    changed, problems = format_content(Path(args.root), write=not args.check)
    _report(problems)
    for path in changed:
        print(("moet opgemaakt worden: " if args.check else "opgemaakt: ") + path)
    return 1 if problems or (args.check and changed) else 0


def cmd_docs(args) -> int:
    from sitegen.parts.schema_docs import write_docs

    for path in write_docs(Path(args.root)):
        print(f"geschreven: {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="hulpwijzer", description="Bouw en beheer een Hulpwijzer-site uit content/.")
    main.add_argument("--root", default=".", help="map met content/ en themes/ (standaard: deze map)")
    sub = main.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="controleer content/ en bouw de site in public/")
    build.add_argument("--clean", action="store_true", help="alles opnieuw maken in plaats van alleen wat veranderd is")
    build.add_argument("--out", help="uitvoermap (standaard public/)")
    build.add_argument("--jobs", type=int, default=0, help="aantal processen (standaard: alle kernen)")
    build.add_argument("--strict", action="store_true", help="stop ook bij waarschuwingen")
    build.add_argument("--today", help="bouwdatum JJJJ-MM-DD (standaard vandaag)")
    build.add_argument("--quiet", "-q", action="store_true", help="alleen fouten tonen")
    build.set_defaults(func=cmd_build)

    check = sub.add_parser("check", help="controleer content/ en meld alle problemen")
    check.add_argument("--strict", action="store_true", help="ook waarschuwingen tellen als fout")
    check.add_argument("--today", help="datum JJJJ-MM-DD (standaard vandaag)")
    check.set_defaults(func=cmd_check)

    serve = sub.add_parser("serve", help="bekijk de site op deze computer, met automatisch herladen")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--today", help="bouwdatum JJJJ-MM-DD")
    serve.add_argument("--no-build", action="store_true", help="niet eerst bouwen")
    serve.set_defaults(func=cmd_serve)

    new = sub.add_parser("new", help="maak een nieuw, geldig inhoudsbestand")
    new.add_argument("type", choices=TYPES.names())
    new.add_argument("title", help="titel van het nieuwe item")
    new.add_argument("--lang", default=None, help="taalcode (standaard: de eerste taal in site.yaml)")
    new.set_defaults(func=cmd_new)

    fmt = sub.add_parser("format", help="schrijf alle inhoudsbestanden in de vaste vorm")
    fmt.add_argument("--check", action="store_true", help="alleen melden, niets schrijven")
    fmt.set_defaults(func=cmd_format)

    docs = sub.add_parser("docs", help="maak docs/content-model.md en de JSON Schemas opnieuw")
    docs.set_defaults(func=cmd_docs)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
