"""Page types, where they may be created, and the mapping from the content model."""

from __future__ import annotations

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.content import kinds
from cms.content.models import (
    PAGE_MODELS,
    ActivityPage,
    HomePage,
    InfoPagePage,
    InformationIndexPage,
    OrganisationIndexPage,
    OrganisationPage,
    RespiteOfferPage,
    SelfTestIndexPage,
    VacancyPage,
)
from sitegen.content.types import TYPES

pytestmark = pytest.mark.django_db


class TestTree(WagtailPageTestCase):
    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(HomePage, {InformationIndexPage, OrganisationIndexPage, SelfTestIndexPage})
        self.assertAllowedSubpageTypes(InformationIndexPage, {InfoPagePage})
        self.assertAllowedSubpageTypes(OrganisationIndexPage, {OrganisationPage})
        self.assertAllowedSubpageTypes(OrganisationPage, {ActivityPage, RespiteOfferPage, VacancyPage})
        for leaf in (InfoPagePage, ActivityPage, RespiteOfferPage, VacancyPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_allowed_parents(self):
        self.assertAllowedParentPageTypes(VacancyPage, {OrganisationPage})
        self.assertAllowedParentPageTypes(ActivityPage, {OrganisationPage})
        self.assertAllowedParentPageTypes(InfoPagePage, {InformationIndexPage})
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(InformationIndexPage, VacancyPage)
        self.assertCanNotCreateAt(OrganisationIndexPage, ActivityPage)


def test_every_field_of_the_content_model_is_in_the_cms():
    for type_name, item_model in ((t.name, t.model) for t in TYPES):
        page_model = PAGE_MODELS[type_name]
        names = {field.name for field in page_model._meta.get_fields()}
        for kind in kinds.item_fields(item_model):
            if kind.kind == "ref":
                continue  # the parent organisation
            assert kind.name in names, (type_name, kind.name)
            field = page_model._meta.get_field(kind.name)
            assert field.help_text, (type_name, kind.name)


def test_imported_tree():
    org = OrganisationPage.objects.get(locale__language_code="nl", file_name="steunpunt")
    children = {type(child.specific) for child in org.get_children()}
    assert children == {ActivityPage, RespiteOfferPage, VacancyPage}
    english = org.get_translation_or_none(
        org.locale.get_translation_or_none if False else __import__("wagtail.models", fromlist=["Locale"]).Locale.objects.get(language_code="en")
    )
    assert english is not None and english.specific.title == "Testdorp Support Centre"


def test_listings_per_type_with_filters(admin_client):
    response = admin_client.get("/admin/vacatures/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Maatje voor een oudere" in html and "Geldig tot" in html
    filtered = admin_client.get("/admin/vacatures/", {"last_reviewed_before": "2026-01-01"}).content.decode()
    assert "Maatje voor een oudere" not in filtered
    assert admin_client.get("/admin/activiteiten/", {"online": "true"}).status_code == 200
    for url in ("/admin/organisaties/", "/admin/respijtzorg/", "/admin/informatie/"):
        assert admin_client.get(url).status_code == 200, url


def test_every_page_type_opens_in_the_editor(admin_client):
    for model in PAGE_MODELS.values():
        page = model.objects.filter(locale__language_code="nl").first()
        if page is None:  # the minimal site has no self-test: tests/cms/test_selftest_cms.py opens one
            continue
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, model.__name__
        assert "help" in response.content.decode()
    parent = OrganisationPage.objects.filter(locale__language_code="nl").first()
    assert admin_client.get(f"/admin/pages/add/content/activitypage/{parent.pk}/").status_code == 200


def test_the_editor_form_reports_problems_in_dutch():
    from cms.content.convert import ItemInvalid, validate_page
    from cms.content.models import InfoPagePage

    page = InfoPagePage.objects.get(file_name="even-vrij")
    page.summary = "kort"
    page.body = '<p>Tekst</p><p><img src="media/x.png" alt=""></p>'
    with pytest.raises(ItemInvalid) as error:
        validate_page(page)
    assert any(name == "summary" and "te kort" in message for name, message in error.value.messages)
    page.summary = "Een samenvatting die lang genoeg is."
    page.body = "<p>Tekst</p>" + '<p><a href="javascript:alert(1)">klik</a></p>'
    with pytest.raises(ItemInvalid) as error:
        validate_page(page)
    assert error.value.messages[0][0] == "body" and "niet toegestaan" in error.value.messages[0][1]
