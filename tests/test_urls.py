"""One allow-list for link targets (sitegen/urls.py): in check, for every URL field of every model, and in templates."""

from __future__ import annotations

import re
import typing

import pytest
import yaml
from pydantic import BaseModel
from support import MINIMAL_SITE, REPO, TEST_TODAY, copy_site, render_with_unchecked_urls

from sitegen import urls
from sitegen.cli.main import main
from sitegen.content.model import Url
from sitegen.content.site_model import SiteConfig, Vocabulary
from sitegen.content.types import TYPES

# What a browser runs as script once it has dropped tabs, newlines and edge controls, ignored
# case and decoded character references; and a value made to look like a content link (….md).
BAD = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "&amp;#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "java\tscript:alert(1)//x.md",
    "javascript:alert(1)//x.md",
    "/informatie/\x00x.md",
    "https://example.org/\u200bx",
    "file:///etc/passwd",
]
GOOD = ["https://example.org/a?b=c#d", "http://example.org", "mailto:a@example.org", "tel:+31575123456", "/informatie/", "#inhoud", "../organisations/x.md"]


@pytest.mark.parametrize("value", BAD)
def test_bad_values_are_refused(value):
    with pytest.raises(ValueError, match="niet toegestaan"):
        urls.check_url(value)
    assert urls.safe_href(value) == "#"


@pytest.mark.parametrize("value", GOOD)
def test_good_values_pass(value):
    assert urls.check_url(value) == value
    assert urls.safe_href(value) == value


def test_menu_entries_are_paths_on_the_site():
    assert urls.check_site_path("/informatie/") == "/informatie/"
    for value in ("https://example.org/", "//example.org/", "informatie/"):
        with pytest.raises(ValueError, match="op deze site"):
            urls.check_site_path(value)


# ----------------------------------------------------------------------------- every URL field, found from the model

URLISH = re.compile(r"(^|_)(url|website|href|src|link|links)$")


def url_fields(model: type[BaseModel], path: tuple[str, ...] = ()):
    """(path, is a list element) for every field marked Url, nested models and lists included."""
    for name, info in model.model_fields.items():
        here = path + (name,)
        if any(isinstance(marker, Url) for marker in info.metadata) or _marked(info.annotation):
            yield here
        for inner in _models(info.annotation):
            yield from url_fields(inner, here + (("[]",) if _is_list(info.annotation) else ()))


def _marked(annotation) -> bool:
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Annotated and any(isinstance(m, Url) for m in arg.__metadata__):
            return True
    return typing.get_origin(annotation) is typing.Annotated and any(isinstance(m, Url) for m in annotation.__metadata__)


def _models(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models(arg)


def _is_list(annotation) -> bool:
    return typing.get_origin(annotation) is list or any(typing.get_origin(arg) is list for arg in typing.get_args(annotation))


ALL_MODELS = [t.model for t in TYPES] + [SiteConfig, Vocabulary]


def test_every_field_that_looks_like_a_url_is_marked():
    """A new field named like a URL cannot skip the allow-list."""
    unmarked = []

    def walk(model, path=()):
        for name, info in model.model_fields.items():
            marked = any(isinstance(m, Url) for m in info.metadata) or _marked(info.annotation)
            if URLISH.search(name) and not marked and not any(issubclass(m, BaseModel) for m in _models(info.annotation)):
                unmarked.append(".".join(path + (name,)))
            for inner in _models(info.annotation):
                walk(inner, path + (name,))

    for model in ALL_MODELS:
        walk(model, (model.__name__,))
    assert unmarked == [] or unmarked == ["SiteConfig.base_url"], unmarked  # base_url has its own https pattern


def _set(data: dict, path: tuple[str, ...], value: str) -> None:
    """Put ``value`` at ``path`` in front matter, making the groups and one list element needed."""
    head, rest = path[0], path[1:]
    if not rest:
        data[head] = value
        return
    if rest[0] == "[]":
        element: dict = {"title": {"nl": "Een link"} if head in ("menu", "footer_links") else "Een link"}
        data[head] = [element]
        _set(element, rest[1:], value)
        return
    if not isinstance(data.get(head), dict):
        data[head] = {}
    _set(data[head], rest, value)


def _split(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


SAMPLE_FILES = {
    "page": "pages/even-vrij.md",
    "organisation": "organisations/steunpunt.md",
    "activity": "activities/mantelzorgcafe.md",
    "offer": "offers/logeerhuis.md",
    "vacancy": "vacancies/maatje.md",
}
CASES = [(type_name, path) for type_name in sorted(SAMPLE_FILES) for path in url_fields(TYPES[type_name].model) if path[-1] != "src"]
CASES += [("site", path) for path in url_fields(SiteConfig)]


def test_the_model_has_the_url_fields_we_know():
    found = {(t, ".".join(p)) for t, p in CASES}
    for expected in ("organisation", "website"), ("page", "related_links.[].url"), ("activity", "registration.contact.url"), ("site", "menu.[].url"):
        assert expected in found, found
    assert len(CASES) >= 8


@pytest.mark.parametrize("type_name,path", CASES, ids=[f"{t}:{'.'.join(p)}" for t, p in CASES])
@pytest.mark.parametrize("value", ["java\tscript:alert(1)//x.md", "&#106;avascript:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_check_refuses_bad_urls_in_every_field(type_name, path, value, tmp_path, capsys):
    root = copy_site(MINIMAL_SITE, tmp_path)
    if type_name == "site":
        target = root / "content" / "site.yaml"
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        _set(data, path, value)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        rel = "content/site.yaml"
    else:
        target = root / "content" / SAMPLE_FILES[type_name]
        data, body = _split(target.read_text(encoding="utf-8"))
        _set(data, path, value)
        target.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")
        rel = "content/" + SAMPLE_FILES[type_name]
    assert main(["--root", str(root), "check", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    field_name = ".".join("0" if part == "[]" else part for part in path)
    lines = [line for line in err.splitlines() if line.startswith(rel + ":") and f"veld '{field_name}'" in line]
    assert lines and "niet toegestaan" in lines[0], err
    assert "Traceback" not in err


# ----------------------------------------------------------------------------- the last wall in the templates

ATTRIBUTE = re.compile(r'\b(href|src|action)="([^"]*)"')
EXPRESSION = re.compile(r"{{\s*(.*?)\s*}}")


def test_every_template_link_from_data_goes_through_the_url_filter():
    """So escaping holds without the CSP header, also for a custom theme copied from this one."""
    loose = []
    for path in sorted((REPO / "themes").rglob("*.html")):
        for match in ATTRIBUTE.finditer(path.read_text(encoding="utf-8")):
            value = match.group(2)
            if value.startswith(("/", "mailto:")):
                continue  # a path on this site or an e-mail address, whatever follows
            for expression in EXPRESSION.findall(value):
                if not (
                    expression.endswith("| url") or expression.endswith("| tel") or expression.startswith(("url_for(", "asset(")) or expression == "home_url"
                ):
                    loose.append(f"{path.relative_to(REPO)}: {match.group(0)}")
    assert loose == []


def _anchors(html: str) -> list[str]:
    return re.findall(r'\b(?:href|src|action)="([^"]*)"', html)


def test_rendered_pages_never_carry_a_bad_scheme_even_when_data_skips_check(tmp_path):
    """Values that bypass validation (as a future field or a custom part might) are still made harmless."""
    pages = render_with_unchecked_urls(copy_site(MINIMAL_SITE, tmp_path), "java\tscript:window.__xss=1")
    assert len(pages) > 30
    for path, html in pages.items():
        for value in _anchors(html):
            normal = re.sub(r"[\t\n\r]|&#9;", "", value).strip().lower()
            assert not normal.startswith(("javascript", "data:", "vbscript")), (path, value)
