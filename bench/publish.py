"""Publish-to-visible time of the CMS on the demo site.

Loads the demo content (content/) into a CMS database in a temporary folder
(once; reused with --keep), then changes one organisation's phone number and
publishes it, the way the admin does, several times. Each time it measures how
long it takes until the new number is in the built page in public/ (file write
+ incremental build, which is synchronous in the publishing request).

    .venv/bin/python bench/publish.py [--runs 5] [--work /tmp/hulpwijzer-bench-publish]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

from sitegen.clock import Clock
from sitegen.content.rebase import DEMO_DATED_AROUND, rebase_content

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/hulpwijzer-bench-publish"))
    parser.add_argument("--keep", action="store_true", help="reuse the database and site of an earlier run")
    args = parser.parse_args()
    work = args.work.resolve()
    fresh = not (args.keep and (work / "db.sqlite3").exists())
    if fresh:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        shutil.copytree(REPO / "content", work / "content")
        rebase_content(work / "content", DEMO_DATED_AROUND, Clock.system().today)  # as the demo does
        shutil.copy(REPO / "netlify.toml", work / "netlify.toml")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        HULPWIJZER_ROOT=str(work),
        HULPWIJZER_DB=str(work / "db.sqlite3"),
        HULPWIJZER_MEDIA_ROOT=str(work / "media"),
    )
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from cms.clock import clock
    from cms.content import publishing
    from cms.content.models import OrganisationPage
    from cms.content.transfer import import_site

    if fresh:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        import_site(work, clock())
        print(f"import of the demo content: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    publishing.run_build()
    print(f"first build: {time.perf_counter() - started:.1f} s")

    org = OrganisationPage.objects.filter(locale__language_code="nl").order_by("file_name").first()
    target = work / "public" / "organisaties" / (org.slug) / "index.html"
    timings = []
    for run in range(args.runs):
        number = f"0575 {700 + run:03d} {100 + run:03d}"
        page = OrganisationPage.objects.get(pk=org.pk)
        page.phone = number
        started = time.perf_counter()
        with transaction.atomic():
            page.save_revision().publish()
        while number not in target.read_text(encoding="utf-8"):  # visible
            time.sleep(0.005)
        elapsed = time.perf_counter() - started
        result = publishing.last_result.build
        timings.append(elapsed)
        phases = ", ".join(f"{name} {seconds:.2f}" for name, seconds in result.timings.items())
        print(f"run {run + 1}: {elapsed:.2f} s (build {result.seconds:.2f} s: {phases}; {result.written} of {result.outputs} files rendered)")
    print(
        f"publish to visible, median of {len(timings)}: {statistics.median(timings):.2f} s "
        f"(min {min(timings):.2f}, max {max(timings):.2f}) on {platform.node()} ({os.cpu_count()} cores, Python {platform.python_version()})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
