"""The self-test in the CMS: the demo's self-test (statements, answers, levels, situation questions
with their mapping to needs and target groups, in nl/en/ar) is imported into SelfTestPage, and its
fields alone give back the same item; an editor's change to a statement or a mapping is exported."""

from __future__ import annotations

import pytest
from support import REPO

from cms.content import convert
from cms.content.pages.blocks import SelfTestLevelBlock
from cms.content.pages.self_test import SelfTestPage
from cms.content.transfer import export_site, import_site
from sitegen.content.parse import parse_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_in_cms(tmp_path, settings):
    from support import copy_site, run_clock
    from wagtail.models import Page

    source = copy_site(REPO, tmp_path / "demo")
    settings.MEDIA_ROOT = tmp_path / "media"
    Page.objects.filter(depth__gt=2).delete()  # the minimal site of the other tests (rolled back afterwards)
    import_site(source, run_clock())
    return source


def test_the_selftest_fields_alone_give_back_the_item(demo_in_cms):
    pages = list(SelfTestPage.objects.all())
    assert {page.locale.language_code for page in pages} == {"nl", "en", "ar"}
    for page in pages:
        key = convert.content_key(page)
        original = parse_item(key, (demo_in_cms / "content" / key).read_bytes()).item
        page.source_text = ""  # only the fields, not the remembered text
        item = convert.page_to_item(page)
        assert item == original, key
        assert len(item.statements) == 9 and [level.slug for level in item.levels] == ["licht", "matig", "zwaar"]


def test_an_editor_changes_a_statement_and_the_mapping(demo_in_cms, tmp_path):
    page = SelfTestPage.objects.get(locale__language_code="nl")
    page.statements = ["Ik heb te weinig tijd voor mezelf, echt waar."] + page.statements[1:]
    levels = page.levels.raw_data
    levels[2]["value"]["needs"] = [{"type": "item", "value": "praktische-hulp", "id": "x"}]
    page.levels = levels
    page.save()
    export_site(tmp_path / "out")
    text = (tmp_path / "out" / "content" / "selftests" / "hoe-gaat-het-met-u.md").read_text(encoding="utf-8")
    item = parse_item("selftests/hoe-gaat-het-met-u.md", text.encode()).item
    assert item.statements[0] == "Ik heb te weinig tijd voor mezelf, echt waar."  # a comma stays in one statement
    assert item.levels[2].needs == ["praktische-hulp"]
    assert SelfTestLevelBlock.item_model.__name__ == "SelfTestLevel"


def test_the_selftest_opens_in_the_editor(demo_in_cms, admin_client):
    page = SelfTestPage.objects.get(locale__language_code="nl")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stellingen" in html and "Uitslagen" in html
    assert "Ik moet altijd maar klaarstaan voor mijn naaste." in html
