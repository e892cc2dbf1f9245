"""Languages come from site.yaml: a site with a fourth language (Turkish) goes through the CMS and back intact."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import MINIMAL_SITE, REPO, rebased_copy, run_clock

from cms import languages
from cms.content.models import OrganisationPage, Vocabulary
from cms.content.transfer import export_site, import_site
from sitegen.content import frontmatter

pytestmark = pytest.mark.django_db


def _with_turkish(root: Path) -> Path:
    content = root / "content"
    site = frontmatter.load_yaml((content / "site.yaml").read_text(encoding="utf-8"))
    site["languages"] = ["nl", "en", "ar", "tr"]
    site["name"]["tr"] = "Testdorp Yardım Rehberi"
    (content / "site.yaml").write_text(frontmatter.dump_yaml(site), encoding="utf-8")
    needs = frontmatter.load_yaml((content / "vocabularies" / "needs.yaml").read_text(encoding="utf-8"))
    needs["name"]["tr"] = "İhtiyaç alanları"
    for term in needs["terms"]:
        term["label"]["tr"] = {"respijtzorg": "Mola bakımı"}.get(term["slug"], term["label"]["nl"] + " (tr)")
    (content / "vocabularies" / "needs.yaml").write_text(frontmatter.dump_yaml(needs), encoding="utf-8")
    english = (content / "organisations" / "steunpunt.en.md").read_text(encoding="utf-8")
    (content / "organisations" / "steunpunt.tr.md").write_text(
        english.replace("title: Testdorp Support Centre", "title: Testdorp Destek Merkezi"), encoding="utf-8"
    )
    return root


class _Form(HTMLParser):
    """The values an editor's browser would send for the snippet's edit form."""

    def __init__(self, action: str):
        super().__init__()
        self.action = action
        self.data: dict[str, str] = {}
        self.inside = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post" and attrs.get("action") == self.action:
            self.inside = True
        elif self.inside and tag == "input" and attrs.get("name"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            self.data[self._textarea] = ""
        elif self.inside and tag == "select" and attrs.get("name"):
            self.data[attrs["name"]] = ""
            self._select = attrs["name"]
        elif self.inside and tag == "option" and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        if tag == "form":
            self.inside = False


def test_a_fourth_language_round_trips_and_is_edited_in_the_admin(tmp_path, settings, admin_client, django_capture_on_commit_callbacks):
    root = _with_turkish(rebased_copy(MINIMAL_SITE, tmp_path / "site"))
    codes = ["nl", "en", "ar", "tr"]
    # What the settings read from the new site.yaml when the CMS starts.
    settings.WAGTAIL_CONTENT_LANGUAGES = languages.choices(codes)
    settings.LANGUAGES = languages.choices(codes)
    settings.HULPWIJZER_ROOT, settings.HULPWIJZER_PUBLIC = root, root / "public"
    settings.HULPWIJZER_BUILD_ON_PUBLISH = False
    settings.MEDIA_ROOT = tmp_path / "media"
    import_site(root, run_clock())

    turkish = OrganisationPage.objects.get(locale__language_code="tr", file_name="steunpunt")
    assert turkish.title == "Testdorp Destek Merkezi"

    needs = Vocabulary.objects.get(name="needs")
    url = f"/admin/snippets/content/vocabulary/edit/{needs.pk}/"
    html = admin_client.get(url).content.decode()
    index = list(needs.terms.order_by("sort_order").values_list("slug", flat=True)).index("respijtzorg")
    field = f"terms-{index}-label__tr"
    assert f'name="{field}"' in html and "Mola bakımı" in html and "Turks" in html
    assert 'lang="ar" dir="rtl"' in html  # Arabic is typed right to left

    form = _Form(url)
    form.feed(html)
    assert form.data[field] == "Mola bakımı"
    form.data[field] = "Dinlenme bakımı"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, form.data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = frontmatter.load_yaml((root / "content" / "vocabularies" / "needs.yaml").read_text(encoding="utf-8"))
    term = next(term for term in saved["terms"] if term["slug"] == "respijtzorg")
    assert term["label"] == {"nl": "Respijtzorg", "en": "Respite care", "tr": "Dinlenme bakımı"}
    assert saved["name"]["tr"] == "İhtiyaç alanları"

    out = tmp_path / "out"
    export_site(out)
    for key in ("site.yaml", "organisations/steunpunt.tr.md", "vocabularies/audiences.yaml"):
        assert (out / "content" / key).read_text(encoding="utf-8") == (root / "content" / key).read_text(encoding="utf-8"), key
    exported = frontmatter.load_yaml((out / "content" / "vocabularies" / "needs.yaml").read_text(encoding="utf-8"))
    assert next(t for t in exported["terms"] if t["slug"] == "respijtzorg")["label"]["tr"] == "Dinlenme bakımı"


def test_a_language_that_is_not_in_site_yaml_is_refused_with_a_clear_message(tmp_path, settings):
    from sitegen.problems import ContentError

    root = rebased_copy(MINIMAL_SITE, tmp_path / "site")
    english = root / "content" / "organisations" / "steunpunt.en.md"
    (root / "content" / "organisations" / "steunpunt.tr.md").write_text(english.read_text(encoding="utf-8"), encoding="utf-8")
    settings.MEDIA_ROOT = tmp_path / "media"
    with pytest.raises(ContentError) as raised:
        import_site(root, run_clock())
    assert any("'tr'" in problem.message and "site.yaml" in problem.message for problem in raised.value.problems)


def test_site_languages_come_from_site_yaml(tmp_path):
    root = _with_turkish(rebased_copy(MINIMAL_SITE, tmp_path / "site"))
    assert languages.site_languages(root) == ["nl", "en", "ar", "tr"]
    assert languages.choices(["tr", "ar"]) == [("tr", "Türkçe"), ("ar", "العربية")]
    assert languages.site_languages(tmp_path / "nowhere") == ["nl"]


@pytest.mark.django_db(transaction=False)
def test_the_data_migration_carries_the_old_language_columns_over(tmp_path):
    """A database of the first migration, with nl/en/ar columns, keeps its texts in {lang: text}."""
    db = tmp_path / "old.sqlite3"
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.dev", HULPWIJZER_DB=str(db), HULPWIJZER_ROOT=str(MINIMAL_SITE))
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(REPO / "cms" / "manage.py")]
    subprocess.run(manage + ["migrate", "content", "0002", "--no-input"], env=env, check=True, capture_output=True, timeout=300)
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO content_vocabulary (name, title_nl, title_en, title_ar, source_text) VALUES ('needs', 'Vraaggebieden', 'Needs', '', '')"
        )
        connection.execute(
            "INSERT INTO content_term (vocabulary_id, sort_order, slug, label_nl, label_en, label_ar, description_nl, description_en,"
            " description_ar, everyday_nl, everyday_en, everyday_ar, synonyms) VALUES (1, 0, 'respijtzorg', 'Respijtzorg', 'Respite care',"
            " 'رعاية', 'Even vrij', '', '', 'even vrij', '', '', '')"
        )
    subprocess.run(manage + ["migrate", "content", "--no-input"], env=env, check=True, capture_output=True, timeout=300)
    with sqlite3.connect(db) as connection:
        title = connection.execute("SELECT title FROM content_vocabulary").fetchone()[0]
        label, description, everyday = connection.execute("SELECT label, description, everyday FROM content_term").fetchone()
    import json

    assert json.loads(title) == {"nl": "Vraaggebieden", "en": "Needs"}
    assert json.loads(label) == {"nl": "Respijtzorg", "en": "Respite care", "ar": "رعاية"}
    assert json.loads(description) == {"nl": "Even vrij"} and json.loads(everyday) == {"nl": "even vrij"}
