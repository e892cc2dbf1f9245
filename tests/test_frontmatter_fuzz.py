"""Random front matter never produces a traceback: only problems with a place and a fix."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.content.parse import load_vocabularies, parse_item
from sitegen.graph.site_graph import build_graph
from sitegen.content.parse import load_site_config
from sitegen.content.types import TYPES
from support import MINIMAL_SITE

SITE, _, _ = load_site_config(MINIMAL_SITE)
VOCABULARIES, _, _ = load_vocabularies(MINIMAL_SITE)

FIELD_NAMES = sorted({name for t in TYPES for name in t.model.model_fields} | {"titel", "", "1"})

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(min_value=dt.date(1, 1, 1)).map(str),
    st.sampled_from(["2026-02-30", "2026-13-01", "24:61", "FREQ=WEEKLY", "javascript:alert(1)", "<script>x</script>", "steunpunt", "respijtzorg", "ja", "nee"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELD_NAMES), children, max_size=4),
    ),
    max_leaves=12,
)
front_matter = st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=12)


def render_file(data, body: str) -> bytes:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(type_name=st.sampled_from(sorted(TYPES.names())), data=front_matter, body=st.text(max_size=200))
def test_random_front_matter_never_raises(type_name, data, body):
    key = f"{TYPES[type_name].folder}/random.md"
    try:
        raw = render_file(data, body)
    except UnicodeEncodeError:
        return
    parsed = parse_item(key, raw)
    for problem in parsed.problems:
        assert problem.path == "content/" + key
        assert problem.message
        assert problem.fix
    if parsed.item is not None:
        # A valid item also survives the whole-site checks.
        graph, problems = build_graph(SITE, VOCABULARIES, [parsed], dt.date(2026, 11, 23))
        for problem in problems:
            assert problem.message and problem.fix


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=300))
def test_random_bytes_never_raise(raw):
    parsed = parse_item("pages/random.md", b"---\n" + raw)
    assert parsed.item is None or not parsed.problems


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_random_yaml_text_never_raises(text):
    parsed = parse_item("vacancies/random.md", f"---\n{text}\n---\n".encode("utf-8", "surrogatepass") if "\ud800" not in text else b"---\n---\n")
    for problem in parsed.problems:
        assert problem.message and problem.fix
