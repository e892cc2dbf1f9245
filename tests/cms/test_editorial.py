"""Partners, approval, expiry, the freshness report and 'checked, still correct'."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from support import moved, run_clock

from cms.content.models import ActivityPage, InfoPagePage, OrganisationIndexPage, OrganisationPage, VacancyPage
from cms.editorial import freshness
from cms.editorial.groups import COORDINATORS, partner_group_name, setup_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(client):
    """A second organisation with its own partner user; logged in."""
    index = OrganisationIndexPage.objects.get(locale__language_code="nl")
    steunpunt = OrganisationPage.objects.get(file_name="steunpunt", locale__language_code="nl")
    other = steunpunt.copy(to=index, update_attrs={"title": "Buurtzorg", "slug": "buurtzorg", "file_name": "buurtzorg"}, copy_revisions=False)
    user = get_user_model().objects.create_user("partner", "p@example.org", "wachtwoord-van-partner")
    user.groups.add(setup_partner(other))
    client.force_login(user)
    return user, other, steunpunt


def test_partner_may_edit_own_organisation_but_not_another(client, partner):
    user, own, foreign = partner
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    # Another organisation's pages: HTTP 403 with a clear Dutch page (not Wagtail's redirect).
    foreign_vacancy = VacancyPage.objects.child_of(foreign).first()
    for url in (f"/admin/pages/{foreign.pk}/edit/", f"/admin/pages/{foreign_vacancy.pk}/edit/", f"/admin/pages/add/content/vacancypage/{foreign.pk}/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "U mag deze pagina niet openen" in response.content.decode()
    assert client.get(f"/admin/pages/add/content/vacancypage/{own.pk}/").status_code == 200


def test_partner_cannot_publish_without_approval(client, partner):
    user, own, _ = partner
    perms = own.permissions_for_user(user)
    assert perms.can_edit() and not perms.can_publish()
    response = client.get(f"/admin/pages/{own.pk}/edit/")
    html = response.content.decode()
    assert "action-publish" not in html
    assert "action-submit" in html  # 'Ter goedkeuring indienen'
    workflow = own.get_workflow()
    assert workflow is not None
    from wagtail.models import GroupApprovalTask

    from cms.editorial.groups import WORKFLOW

    assert workflow.name == WORKFLOW, workflow.name
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert set(task.groups.values_list("name", flat=True)) == {COORDINATORS}
    assert Group.objects.filter(name=partner_group_name(own)).exists()


def test_expired_items_are_imported_as_expired_and_keep_their_file(site_root, admin_client):
    # Imported at the test clock: the expired vacancy and the past activity are Wagtail's "expired" pages.
    for model, name in ((VacancyPage, "verlopen"), (ActivityPage, "oude-cursus")):
        page = model.objects.get(file_name=name, locale__language_code="nl")
        assert not page.live and page.expired, name
    assert VacancyPage.objects.get(file_name="maatje", locale__language_code="nl").live
    assert (site_root / "content" / "vacancies" / "verlopen.md").exists()
    # Wagtail's own admin search does not present them as live.
    html = admin_client.get("/admin/pages/search/", {"q": "zomermarkt"}).content.decode()
    assert "Helpen bij de zomermarkt" in html and "verlopen" in html.lower()
    assert freshness.expired_pages(run_clock().today) == []  # nothing left for the nightly job


def test_expiry_job_expires_what_ends_later_and_keeps_the_file(site_root, django_capture_on_commit_callbacks):
    later = moved(dt.date(2027, 4, 1))  # after maatje's valid_through (2027-03-31)
    with django_capture_on_commit_callbacks(execute=True):
        pages = freshness.unpublish_expired(later)
    assert "maatje" in {page.specific.file_name for page in pages}
    maatje = VacancyPage.objects.get(file_name="maatje", locale__language_code="nl")
    assert not maatje.live and maatje.expired
    assert (site_root / "content" / "vacancies" / "maatje.md").exists()  # content stays; the site hides it


def test_unpublish_command_writes_to_stdout(site_root):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("unpublish_expired", stdout=out)
    assert "offline gehaald" in out.getvalue()


def test_stale_report_lists_the_right_items(settings):
    report = freshness.build_report(moved(dt.date(2027, 9, 1)))  # limit: 2026-09-01 with 12 months
    stale = {page.file_name for page in report.stale}
    assert "logeerhuis" in stale  # last_reviewed 2026-08-01
    assert "steunpunt" not in stale  # 2026-10-01
    assert "even-vrij" not in stale  # 2026-09-15
    assert {page.file_name for page in VacancyPage.objects.filter(pk__in=[p.pk for p in report.expiring])} == set()
    soon = freshness.build_report(moved(dt.date(2027, 3, 20)))
    assert [page.file_name for page in soon.expiring] == ["maatje"]  # valid through 2027-03-31


def test_review_period_comes_from_site_settings():
    from cms.content.models import SiteSettings

    settings_obj = SiteSettings.load()
    settings_obj.review_period_months = 1
    settings_obj.save()
    report = freshness.build_report(moved(dt.date(2026, 11, 23)))
    assert "steunpunt" in {page.file_name for page in report.stale}


def test_checked_still_correct_sets_today(admin_client, site_root):
    page = InfoPagePage.objects.get(file_name="even-vrij")
    response = admin_client.post(f"/admin/actueel/{page.pk}/gecontroleerd/")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.last_reviewed == run_clock().today
    assert page.live and not page.has_unpublished_changes
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Actueel houden" in dashboard
    report = admin_client.get("/admin/actueel/").content.decode()
    assert "Gecontroleerd, klopt nog" in report


def test_coordinator_approves_a_partner_change_and_it_is_published(partner, site_root, django_capture_on_commit_callbacks):
    user, own, _ = partner
    coordinator = get_user_model().objects.create_user("coordinator", "c@example.org", "coordinator-wachtwoord")
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    vacancy = VacancyPage.objects.get(file_name="maatje", locale__language_code="nl")
    vacancy = vacancy.copy(to=own, update_attrs={"slug": "maatje-2", "file_name": "maatje-2"}, copy_revisions=False, keep_live=False)
    vacancy.hours = "4 uur per week"
    revision = vacancy.save_revision(user=user)
    workflow_state = vacancy.get_workflow().start(vacancy, user)
    assert not vacancy.live
    assert not (site_root / "content" / "vacancies" / "maatje-2.md").exists()
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(vacancy, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, coordinator, "approve")
    vacancy.refresh_from_db()
    assert vacancy.live and vacancy.live_revision_id >= revision.pk
    text = (site_root / "content" / "vacancies" / "maatje-2.md").read_text()
    assert "hours: 4 uur per week" in text and "organisation: buurtzorg" in text


def test_every_admin_view_works_with_stale_expiring_and_expired_items(client, admin_user, partner):
    """Dashboard, report, listings, edit and preview answer 200 for a coordinator and a partner."""
    _user, own, _foreign = partner
    today = run_clock().today
    stale = InfoPagePage.objects.get(file_name="even-vrij", locale__language_code="nl")
    stale.last_reviewed = today - dt.timedelta(days=800)
    stale.save_revision().publish()
    expiring = VacancyPage.objects.get(file_name="maatje", locale__language_code="nl")
    expiring.valid_through = today + dt.timedelta(days=5)
    expiring.save_revision().publish()
    own_vacancy = expiring.copy(to=own, update_attrs={"slug": "maatje-eigen", "file_name": "maatje-eigen"}, copy_revisions=False)
    expired = VacancyPage.objects.get(file_name="verlopen", locale__language_code="nl")
    assert expired.expired and not expired.live
    report = freshness.build_report(today)
    assert stale in report.stale and expiring in report.expiring

    coordinator = get_user_model().objects.create_user("coordinator2", "c2@example.org", "coordinator-wachtwoord")
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    pages = [stale, expiring, expired, own]
    for who, reachable in ((admin_user, pages), (coordinator, pages), (partner[0], [own, own_vacancy])):
        client.force_login(who)
        urls = ["/admin/", "/admin/actueel/", "/admin/pages/search/?q=maatje"]
        if who != partner[0]:
            urls += ["/admin/vacatures/", "/admin/activiteiten/", "/admin/informatie/", "/admin/organisaties/"]
        urls += [f"/admin/pages/{page.pk}/edit/" for page in reachable]
        urls += [f"/admin/pages/{page.pk}/view_draft/" for page in reachable]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (who.username, url, response.status_code)
        if who != partner[0]:
            dashboard = client.get("/admin/").content.decode()
            assert "Actueel houden" in dashboard and stale.title in dashboard  # the oldest review comes first
            report_html = client.get("/admin/actueel/").content.decode()
            assert stale.title in report_html and expiring.title in report_html
            assert f"({stale.get_verbose_name()}, nl)" in report_html  # the type label that used to raise HTTP 500
