"""Many editors publishing at the same moment, on the CMS's own SQLite settings (cms/settings/base.py).

Run by tests/cms/test_sqlite_concurrency.py in a process of its own, because the test settings use
an in-memory database, where SQLite locks differently than on a file:
``python concurrent_publish.py <database file> <site root> <publishes>``. Each thread publishes the
organisation page as the admin's publish button does (save a revision, then
PublishPageRevisionAction) and the script prints what happened as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import threading


def main(database: str, site_root: str, count: int) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        HULPWIJZER_DB=database,
        HULPWIJZER_ROOT=site_root,
        HULPWIJZER_PUBLIC=os.path.join(site_root, "public"),
        HULPWIJZER_BUILD_JOBS="1",
    )
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import OperationalError, close_old_connections, connection
    from wagtail.actions.publish_page_revision import PublishPageRevisionAction
    from wagtail.models import PageLogEntry

    from cms.content.models import OrganisationPage

    user = get_user_model().objects.create_superuser("hoofdredacteur", "r@example.org", "een-lang-wachtwoord")
    before = PageLogEntry.objects.filter(action="wagtail.publish").count()
    start = threading.Barrier(count)
    failures: list[str] = []

    def editor(number: int) -> None:
        close_old_connections()
        try:
            start.wait()
            page = OrganisationPage.objects.get(locale__language_code="nl", file_name="steunpunt")
            page.phone = f"0123 000 {number:03d}"
            revision = page.save_revision(user=user, log_action=True)
            PublishPageRevisionAction(revision, user=user, changed=True).execute(skip_permission_checks=True)
        except OperationalError as error:
            failures.append(f"{number}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    page = OrganisationPage.objects.get(locale__language_code="nl", file_name="steunpunt")
    print(
        json.dumps(
            {
                "failures": failures,
                "published": PageLogEntry.objects.filter(action="wagtail.publish").count() - before,
                "live_phone": page.phone,
                "options": connection.settings_dict["OPTIONS"],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
