"""Every interface string of the theme is translated into English and Arabic."""

from __future__ import annotations

import pytest

from catalog_check import theme_messages
from sitegen.i18n import translations


def test_extraction_finds_the_theme_strings():
    messages = theme_messages()
    assert "Naar de inhoud" in messages  # template
    assert "Respijtzorg: even vrij van de zorg" in messages  # N_() in sitegen/content/types.py
    assert "Kern of wijk" in messages  # N_() in sitegen/content/types.py
    assert len(messages) > 100


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_theme_message_has_a_translation(lang):
    catalog = translations(lang)
    missing = []
    for message in theme_messages():
        if isinstance(message, tuple):
            singular, plural = message
            for count in (1, 2, 5, 11):
                text = catalog.ngettext(singular, plural, count)
                if not text.strip() or text in (singular, plural):
                    missing.append(message)
        else:
            text = catalog.gettext(message)
            same_in_both = message in {"Online", "Home", "Contact", "Sector", "Website", "Open"}
            if not text.strip() or (text == message and not same_in_both):
                missing.append(message)
    assert not missing, f"untranslated in {lang}: {sorted(set(map(str, missing)))}"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_placeholders_survive_translation(lang):
    import re

    catalog = translations(lang)
    for message in theme_messages():
        if isinstance(message, tuple):
            continue
        wanted = sorted(re.findall(r"%\(\w+\)s", message))
        assert sorted(re.findall(r"%\(\w+\)s", catalog.gettext(message))) == wanted, message
