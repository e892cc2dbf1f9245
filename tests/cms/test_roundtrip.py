"""content/ -> CMS -> content/ is byte-identical; rich text and fields survive the mapping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db.models import Q
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from support import REPO

from cms.content import convert, kinds
from cms.content.models import PAGE_MODELS, VacancyPage
from cms.content.transfer import export_site, import_site
from sitegen.content.parse import parse_item
from sitegen.content.richtext import html_to_md, md_to_html, normalise_html
from sitegen.content.scaffold import canonical_text

pytestmark = pytest.mark.django_db


def _files(root: Path) -> dict[str, bytes]:
    content = root / "content"
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file() and p.suffix in (".md", ".yaml")}


def test_minimal_site_round_trip_is_byte_identical(minimal_copy, tmp_path):
    export_site(tmp_path)
    assert _files(tmp_path) == _files(minimal_copy)


def test_round_trip_without_the_remembered_text(minimal_copy):
    """The fields alone give back the same items (the remembered text only keeps the formatting)."""
    count = 0
    for model in PAGE_MODELS.values():
        for page in model.objects.filter(Q(live=True) | Q(expired=True)):
            original = parse_item(convert.content_key(page), (minimal_copy / "content" / convert.content_key(page)).read_bytes()).item
            page.source_text = ""
            assert convert.page_to_item(page) == original, convert.content_key(page)
            count += 1
    assert count == 8


@pytest.mark.slow
def test_demo_content_round_trip_is_byte_identical(tmp_path, settings):
    from support import copy_site, run_clock

    source = copy_site(REPO, tmp_path / "demo")
    files = _files(source)
    if sum(1 for key in files if key.endswith(".md")) < 10:
        pytest.fail("the demo content in content/ is missing")
    settings.MEDIA_ROOT = tmp_path / "media"
    from wagtail.models import Page

    Page.objects.filter(depth__gt=2).delete()  # the minimal site of the other tests (rolled back afterwards)
    import_site(source, run_clock())
    export_site(tmp_path / "out")
    exported = _files(tmp_path / "out")
    assert sorted(exported) == sorted(files)
    different = [key for key in files if exported[key] != files[key]]
    assert different == []
    # And from the fields alone (without the remembered text) every item comes back equal;
    # Markdown may differ only in form (soft line breaks become spaces): the same HTML.
    unequal = []
    for model in PAGE_MODELS.values():
        for page in model.objects.filter(Q(live=True) | Q(expired=True), alias_of__isnull=True):
            key = convert.content_key(page)
            original = parse_item(key, files[key]).item
            page.source_text = ""
            back = convert.page_to_item(page)
            markdown_fields = {kind.name for kind in kinds.item_fields(model.item_model) if kind.kind == "markdown"}
            for name in type(original).model_fields:
                before, after = getattr(original, name), getattr(back, name)
                if name in markdown_fields:
                    before, after = normalise_html(md_to_html(before)), normalise_html(md_to_html(after))
                if before != after:
                    unequal.append(f"{key}: {name}")
    assert unequal == []


# ----------------------------------------------------------------------------- property tests

words = st.text(alphabet=st.sampled_from("abcdeéfghijklmnoprstuvwz"), min_size=1, max_size=8)
sentence = st.lists(words, min_size=1, max_size=6).map(" ".join)


@st.composite
def inline(draw):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        text = draw(sentence)
        style = draw(st.sampled_from(["plain", "bold", "italic", "link"]))
        if style == "bold":
            text = f"**{text}**"
        elif style == "italic":
            text = f"*{text}*"
        elif style == "link":
            text = f"[{text}](https://example.org/{draw(words)})"
        parts.append(text)
    return " ".join(parts)


@st.composite
def markdown_documents(draw):
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["p", "h", "ul", "ol"]))
        if kind == "p":
            blocks.append(draw(inline()))
        elif kind == "h":
            blocks.append("#" * draw(st.integers(2, 4)) + " " + draw(sentence))
        else:
            items = draw(st.lists(inline(), min_size=1, max_size=4))
            blocks.append("\n".join((f"{i}. " if kind == "ol" else "- ") + item for i, item in enumerate(items, 1)))
    # Two lists of the same kind in a row would merge into one: put a paragraph between them.
    merged = []
    for block in blocks:
        if merged and block[:2] in ("- ", "1.") and merged[-1][:2] == block[:2]:
            merged.append("tussentekst")
        merged.append(block)
    return "\n\n".join(merged)


@hsettings(max_examples=150, deadline=None)
@given(markdown_documents())
def test_markdown_survives_the_rich_text_editor(text):
    html = md_to_html(text)
    assert html_to_md(html) == text or normalise_html(md_to_html(html_to_md(html))) == normalise_html(html)
    # Draftail adds block keys and writes <b>/<i>; the Markdown stays the same.
    edited = html.replace("<p>", '<p data-block-key="k1">').replace("<strong>", "<b>").replace("</strong>", "</b>")
    assert normalise_html(md_to_html(html_to_md(edited))) == normalise_html(html)


@hsettings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=sentence.filter(lambda s: len(s) >= 2),
    summary=sentence.filter(lambda s: len(s) >= 5),
    body=markdown_documents(),
    remote=st.booleans(),
    times=st.lists(st.sampled_from(["overdag", "avond", "weekend"]), unique=True),
    days=st.integers(0, 400),
)
def test_vacancy_fields_round_trip(title, summary, body, remote, times, days):
    """Any valid vacancy, put into a page and read back, is the same item with the same canonical text."""
    from hypothesis import assume

    from sitegen.content.model import Vacancy

    assume(len(body) >= 5)
    item = Vacancy.model_validate(
        {
            "title": title,
            "summary": summary,
            "last_reviewed": dt.date(2026, 1, 1) + dt.timedelta(days=days),
            "organisation": "steunpunt",
            "what_you_do": body,
            "sectors": ["zorg-en-welzijn"],
            "remote": remote,
            "location": None if remote else {"place": "testdorp", "name": title},
            "commitment": "structureel",
            "times": times,
            "contact": {"email": "a@example.org", "name": title},
            "posted": "2026-01-01",
            "valid_through": "2027-12-31",
            "body": body,
        }
    )
    parent = VacancyPage.objects.get(file_name="maatje").get_parent()
    page = VacancyPage(locale=parent.locale)
    convert.set_page_fields(page, item, "nieuw", None)
    page.path, page.depth = parent.path + "9999", parent.depth + 1  # in the tree, without saving
    back = convert.page_to_item(page)
    assert back == item
    assert canonical_text(back) == canonical_text(item)


def test_check_and_import_agree_on_sibling_slugs(tmp_path):
    """An activity and a vacancy of one organisation with one slug: check says so, and import says the same."""
    from support import MINIMAL_SITE, rebased_copy, run_clock

    from sitegen.build.pipeline import check
    from sitegen.problems import ContentError

    root = rebased_copy(MINIMAL_SITE, tmp_path / "site")
    vacancy = (root / "content" / "vacancies" / "maatje.md").read_text(encoding="utf-8")
    activity_slug = "mantelzorgcafe"
    (root / "content" / "vacancies" / f"{activity_slug}.md").write_text(
        vacancy.replace("title: Maatje voor een oudere", "title: Gastvrouw mantelzorgcafé"), encoding="utf-8"
    )
    organiser = parse_item("activities/mantelzorgcafe.md", (root / "content" / "activities" / "mantelzorgcafe.md").read_bytes()).item.organiser
    assert organiser == parse_item("vacancies/maatje.md", vacancy.encode()).item.organisation
    problems = [p for p in check(root, run_clock()) if p.severity == "error"]
    assert len(problems) == 1 and "van dezelfde organisatie" in problems[0].message
    assert "content/activities/mantelzorgcafe.md" in problems[0].message or "content/vacancies/mantelzorgcafe.md" in problems[0].message
    with pytest.raises(ContentError) as raised:
        import_site(root, run_clock())
    assert [p.format() for p in raised.value.problems] == [p.format() for p in problems]


def test_an_import_leaves_the_cms_search_complete(minimal_copy):
    """The import rebuilds Wagtail's search index once at the end instead of per save
    (cms/content/bulk.py): every imported page is found in the admin's search."""
    from wagtail.models import Page

    pages = [page for model in PAGE_MODELS.values() for page in model.objects.filter(Q(live=True) | Q(expired=True))]
    assert len(pages) == 8
    for page in pages:
        found = Page.objects.search(page.title.split()[0], operator="or")
        assert page.pk in {hit.pk for hit in found}, page.title
    assert all(page.first_published_at is not None for page in pages)
