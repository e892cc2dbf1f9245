"""The YAML reader: what it refuses (with the line), and what it still reads as before."""

from __future__ import annotations

import pytest

from sitegen.content import frontmatter


def refused(text: str) -> frontmatter.FrontMatterError:
    with pytest.raises(frontmatter.FrontMatterError) as caught:
        frontmatter.parse_yaml(text)
    return caught.value


def test_an_alias_is_refused_at_its_line():
    error = refused("a: &x [1, 2]\nb: 3\nc: *x\n")
    assert error.line == 3 and "verwijzing" in error.message


def test_an_alias_as_a_key_and_a_merge_key_are_refused():
    assert "verwijzing" in refused("a: &k naam\n*k : 2\n").message
    assert refused("a: &m {b: 1}\nc:\n  <<: *m\n").line == 3


def test_an_alias_that_contains_itself_is_refused():
    assert refused("a: &x [*x]\n").line == 1


def test_an_anchor_without_alias_is_harmless():
    assert frontmatter.parse_yaml("a: &x 1\n").data == {"a": 1}


def test_depth_is_bounded_before_python_recursion():
    deep = "a: " + "[" * 200 + "]" * 200 + "\n"
    assert "te diep" in refused(deep).message
    block = "".join(" " * i + f"k{i}:\n" for i in range(600))
    assert "te diep" in refused(block).message
    ok = "a:\n  b:\n    c: [[1]]\n"
    assert frontmatter.parse_yaml(ok).data == {"a": {"b": {"c": [[1]]}}}


def test_a_second_document_is_refused_at_its_line():
    error = refused("a: 1\nb: 2\n---\nc: 3\n")
    assert error.line == 3 and "meer dan één YAML-document" in error.message
    assert frontmatter.parse_yaml("---\na: 1\n").data == {"a": 1}  # one document that starts with --- is fine


def test_duplicate_keys_are_found_at_every_depth():
    document = frontmatter.parse_yaml("a: 1\ncontact:\n  email: x\n  email: y\nlinks:\n- url: /a/\n  url: /b/\na: 2\n")
    assert sorted(document.duplicate_keys) == [("a", 8), ("contact.email", 4), ("links.0.url", 7)]


def test_lines_are_recorded_as_before():
    document = frontmatter.parse("---\ntitle: x\ncontact:\n  email: a@b.nl\nfaq:\n- question: q\n  answer: a\n---\nbody\n")
    assert document.line_of(("title",)) == 2
    assert document.line_of(("contact", "email")) == 4
    assert document.line_of(("faq", 0, "answer")) == 7
    assert document.body == "body\n" and document.body_line == 9


def test_load_yaml_refuses_like_a_value_error():
    """The CMS validates site settings with load_yaml and reports a ValueError to the editor."""
    with pytest.raises(ValueError, match="verwijzing"):
        frontmatter.load_yaml("a: &x 1\nb: *x\n")
