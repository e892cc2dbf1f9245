"""Atom feeds per language: parse without bozo, right entries, escaping, stable IDs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest

FEEDS = ["vacatures", "activiteiten", "informatie"]


@pytest.mark.parametrize("prefix", ["", "en/", "ar/"])
@pytest.mark.parametrize("name", FEEDS)
def test_feed_parses_without_bozo(feeds_public, prefix, name):
    data = (feeds_public / f"{prefix}open-data/{name}.atom").read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title and parsed.feed.id.startswith("urn:uuid:")
    assert parsed.entries, "each test feed has entries"
    for entry in parsed.entries:
        assert entry.id.startswith("urn:uuid:") and entry.link.startswith("https://hulpwijzer.example.org/")
        assert entry.updated_parsed is not None
    lang = prefix.rstrip("/") or "nl"
    assert ET.fromstring(data).get("{http://www.w3.org/XML/1998/namespace}lang") == lang


def test_vacancy_feed_newest_first_without_expired(feeds_public):
    parsed = feedparser.parse((feeds_public / "open-data/vacatures.atom").read_bytes())
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Online taalmaatje & <coach>", "Maatje voor een oudere"], "newest first, expired vacancy left out"
    first = parsed.entries[0]
    assert first.author == "Steunpunt Testdorp"
    assert "<strong>video</strong>" in first.content[0].value


def test_activity_feed_has_only_upcoming(feeds_public):
    parsed = feedparser.parse((feeds_public / "open-data/activiteiten.atom").read_bytes())
    titles = {entry.title for entry in parsed.entries}
    assert "Cursus omgaan met dementie" not in titles  # in the past
    assert "Café <Praat> & \"koffie\" voor 'jonge' mantelzorgers" in titles


def test_page_feed_links_are_absolute(feeds_public):
    parsed = feedparser.parse((feeds_public / "open-data/informatie.atom").read_bytes())
    html = parsed.entries[0].content[0].value
    assert 'href="https://hulpwijzer.example.org/organisaties/steunpunt/"' in html


def test_translated_feed_uses_translations(feeds_public):
    english = feedparser.parse((feeds_public / "en/open-data/activiteiten.atom").read_bytes())
    assert english.feed.title.startswith("New activities")
    assert "Walking group for carers" in {entry.title for entry in english.entries}
    dutch = feedparser.parse((feeds_public / "open-data/activiteiten.atom").read_bytes())
    assert {e.id for e in english.entries}.isdisjoint({e.id for e in dutch.entries if e.title.startswith("Wandel")})
