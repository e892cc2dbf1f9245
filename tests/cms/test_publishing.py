"""Publishing writes content/ and rebuilds public/; preview is the published page."""

from __future__ import annotations

import threading

import pytest
from django.test import RequestFactory

from cms.content import publishing
from cms.content.models import OrganisationPage, VacancyPage

pytestmark = pytest.mark.django_db


def test_publish_writes_the_file_and_rebuilds_the_page(site_root, publish):
    org = OrganisationPage.objects.get(locale__language_code="nl", file_name="steunpunt")
    org.phone = "0123 999 888"
    result = publish(org)
    assert result.error is None
    assert "organisations/steunpunt.md" in result.written
    text = (site_root / "content" / "organisations" / "steunpunt.md").read_text()
    assert "phone: 0123 999 888" in text
    html = (site_root / "public" / "organisaties" / "steunpunt" / "index.html").read_text()
    assert "0123 999 888" in html


def test_unpublish_and_delete_remove_the_file_and_the_page(site_root, django_capture_on_commit_callbacks):
    vacancy = VacancyPage.objects.get(file_name="maatje", locale__language_code="nl")
    page_file = site_root / "public" / "vacatures" / "maatje" / "index.html"
    assert page_file.exists()
    with django_capture_on_commit_callbacks(execute=True):
        vacancy.unpublish()
    assert not (site_root / "content" / "vacancies" / "maatje.md").exists()
    assert not page_file.exists()

    offer = (
        OrganisationPage.objects.get(file_name="steunpunt", locale__language_code="nl")
        .get_children()
        .type(__import__("cms.content.models", fromlist=["RespiteOfferPage"]).RespiteOfferPage)
        .first()
    )
    with django_capture_on_commit_callbacks(execute=True):
        offer.delete()
    assert not (site_root / "content" / "offers" / "logeerhuis.md").exists()
    assert not (site_root / "public" / "respijtzorg" / "logeerhuis" / "index.html").exists()


def test_preview_is_the_published_page(site_root, publish):
    vacancy = VacancyPage.objects.get(file_name="maatje", locale__language_code="nl")
    vacancy.hours = "3 uur per week"
    request = RequestFactory().get("/")
    preview = vacancy.serve_preview(request, "").content.decode()
    assert "3 uur per week" in preview
    publish(vacancy)
    published = (site_root / "public" / "vacatures" / "maatje" / "index.html").read_text()
    assert preview == published


def test_preview_of_invalid_page_explains_in_dutch(site_root):
    vacancy = VacancyPage.objects.get(file_name="maatje", locale__language_code="nl")
    vacancy.summary = "kort"
    html = vacancy.serve_preview(RequestFactory().get("/"), "").content.decode()
    assert "Het voorbeeld kan nog niet getoond worden" in html and "summary" in html


def test_concurrent_writes_are_not_lost(site_root):
    """Many threads writing files and building at once: every file is there, the last build has them all."""
    texts = {}
    source = (site_root / "content" / "pages" / "even-vrij.md").read_text()
    for number in range(6):
        texts[f"pages/kopie-{number}.md"] = source.replace("title: Even vrij van de zorg", f"title: Kopie {number}")

    def worker(key, text):
        with publishing.content_lock():
            publishing.write_file(key, text)
        publishing.run_build()

    threads = [threading.Thread(target=worker, args=item) for item in texts.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for number in range(6):
        assert (site_root / "public" / "informatie" / f"kopie-{number}" / "index.html").exists()


def test_settings_and_vocabularies_are_written_when_saved(site_root, django_capture_on_commit_callbacks):
    from cms.content.models import SiteSettings, Vocabulary
    from cms.content.publishing import export_vocabulary
    from sitegen.content import frontmatter

    settings_obj = SiteSettings.load()
    settings_obj.review_period_months = 6
    with django_capture_on_commit_callbacks(execute=True):
        settings_obj.save()
    data = frontmatter.load_yaml((site_root / "content" / "site.yaml").read_text())
    assert data["review_period_months"] == 6 and data["loket"]["phone"] == "0123 456 789"

    needs = Vocabulary.objects.get(name="needs")
    term = needs.terms.get(slug="respijtzorg")
    term.label = {**term.label, "nl": "Even vrij (respijtzorg)"}
    term.save()
    with django_capture_on_commit_callbacks(execute=True):
        export_vocabulary(needs)
    text = (site_root / "content" / "vocabularies" / "needs.yaml").read_text()
    assert "nl: Even vrij (respijtzorg)" in text
    assert "Even vrij (respijtzorg)" in (site_root / "public" / "onderwerp" / "respijtzorg" / "index.html").read_text()


def test_moving_a_vacancy_to_another_organisation_rewrites_its_reference(site_root, django_capture_on_commit_callbacks):
    from cms.content.models import OrganisationIndexPage

    index = OrganisationIndexPage.objects.get(locale__language_code="nl")
    steunpunt = OrganisationPage.objects.get(file_name="steunpunt", locale__language_code="nl")
    with django_capture_on_commit_callbacks(execute=True):
        other = steunpunt.copy(to=index, update_attrs={"title": "Buurtzorg", "slug": "buurtzorg", "file_name": "buurtzorg"}, copy_revisions=False)
        other.save_revision().publish()
    vacancy = VacancyPage.objects.get(file_name="maatje", locale__language_code="nl")
    with django_capture_on_commit_callbacks(execute=True):
        vacancy.move(other, pos="last-child")
    assert "organisation: buurtzorg" in (site_root / "content" / "vacancies" / "maatje.md").read_text()


def test_deleting_an_organisation_removes_its_children_files(site_root, django_capture_on_commit_callbacks):
    steunpunt = OrganisationPage.objects.get(file_name="steunpunt", locale__language_code="nl")
    content = site_root / "content"
    assert (content / "vacancies" / "maatje.md").exists()
    with django_capture_on_commit_callbacks(execute=True):
        for translation in steunpunt.get_translations():
            translation.delete()
        steunpunt.delete()
    for key in ("organisations/steunpunt.md", "organisations/steunpunt.en.md", "vacancies/maatje.md", "activities/mantelzorgcafe.md", "offers/logeerhuis.md"):
        assert not (content / key).exists(), key


def test_a_rolled_back_change_never_reaches_content(site_root, publish, django_capture_on_commit_callbacks):
    """A save that is rolled back (a failed form, an error later in the request) leaves no trace,
    also not in the next publish."""
    from django.db import transaction

    kept = site_root / "content" / "organisations" / "steunpunt.md"
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                publishing.queue_remove("organisations/steunpunt.md")
                publishing.queue_write("organisations/teruggedraaid.md", "niet schrijven\n")
                raise RuntimeError("de aanvraag mislukt")
        except RuntimeError:
            pass
    vacancy = VacancyPage.objects.get(file_name="maatje", locale__language_code="nl")
    vacancy.hours = "3 uur per week"
    result = publish(vacancy)
    assert result.error is None
    assert "vacancies/maatje.md" in result.written
    assert kept.exists()
    assert not (site_root / "content" / "organisations" / "teruggedraaid.md").exists()
    assert "organisations/steunpunt.md" not in result.removed
