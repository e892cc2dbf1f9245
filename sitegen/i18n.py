"""Gettext for everything a resident or editor reads.

Catalogs live in ``sitegen/locale/<lang>/LC_MESSAGES/hulpwijzer.po``. The
source language of the strings is Dutch; other languages are translations, and English
is the fallback for what a catalogue lacks.
We read the ``.po`` files directly with Babel so that no compile step (and no
committed ``.mo`` binary) is needed.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "hulpwijzer"

SOURCE = "nl"  # the language the messages are written in (msgids)
FALLBACK = "en"  # where a language without (a complete) catalogue takes its messages from


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


@functools.lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The messages of a language. A message its catalogue lacks (or a language without a
    catalogue, such as Turkish until someone translates it) comes from English, so a resident
    never sees Dutch interface text on a page in another language."""
    own = _catalogue(lang)
    if lang not in (SOURCE, FALLBACK):
        own.add_fallback(translations(FALLBACK))
    return own


def _catalogue(lang: str) -> gettext.NullTranslations:
    """All catalogs of a language merged: each part of Hulpwijzer keeps its own .po file
    (theme.po, search.po, vacancies.po, …) in sitegen/locale/<lang>/LC_MESSAGES/."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    merged: Translations | None = None
    for po_path in sorted(folder.glob("*.po")) if folder.is_dir() else []:
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=DOMAIN)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        part = Translations(fp=buffer, domain=DOMAIN)
        if merged is None:
            merged = part
        else:
            merged.merge(part)
    return merged if merged is not None else gettext.NullTranslations()


def gettext_for(lang: str):
    return translations(lang).gettext

