"""Languages: which ones a site has comes from site.yaml; what they are comes from Babel (CLDR).

Nothing else in Hulpwijzer keeps a table of languages. A language's name (in itself and in
Dutch), its text direction and the locale for dates come from CLDR (its plural rule too: Babel
writes it into a new catalogue, and the browser asks Intl.PluralRules), so a
municipality can add Turkish, Polish, Ukrainian or Tigrinya to ``languages`` in site.yaml and
get a complete site in it. Texts that are not translated into a language fall back to
English, then to the site's default language (``fallbacks``).

``url`` is the one place that knows the default language has no prefix: /vacatures/ in Dutch,
/en/vacatures/ in English.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global

FALLBACK = "en"  # the language of last resort for interface texts and labels

# A Dutch site writes British English (the EU's) and formats dates the Dutch way; for other
# languages CLDR's most likely region is right.
_REGION = {"en": "GB"}
# Open Graph names Arabic without a region; Facebook's own convention is ar_AR.
_OG_LOCALE = {"ar": "ar_AR"}


@dataclass(frozen=True)
class Language:
    code: str  # as in site.yaml and file names: nl, en, ar, tr
    name: str  # in the language itself, as a language switcher shows it: "Türkçe"
    dutch_name: str  # "Turks": for editors and the open-data feed
    direction: str  # "ltr" or "rtl"
    locale: str  # Babel locale for dates and numbers: nl_NL, en_GB, ar
    og_locale: str  # Open Graph og:locale: nl_NL, en_GB, ar_AR


@functools.cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def is_known(code: str) -> bool:
    """A language code CLDR knows (two or three lowercase letters)."""
    if not (2 <= len(code) <= 3 and code.isalpha() and code.islower()):
        return False
    try:
        _locale(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


@functools.cache
def language(code: str) -> Language:
    """What Hulpwijzer needs to know about a language; ``ValueError`` for an unknown code."""
    if not is_known(code):
        raise ValueError(f"'{code}' is geen taalcode die Hulpwijzer kent; gebruik een code van twee letters, zoals tr of uk")
    locale = _locale(code)
    name = locale.get_display_name(code) or code
    region = _REGION.get(code) or _likely_region(code)
    return Language(
        code=code,
        name=name[:1].upper() + name[1:],
        dutch_name=(locale.get_display_name("nl") or code),
        direction="rtl" if locale.character_order == "right-to-left" else "ltr",
        # CLDR's plain language locale, except where _REGION names a region: plain "ar" keeps
        # Western digits in dates, as the Arabic-speaking Dutch residents we wrote for expect.
        locale=f"{code}_{_REGION[code]}" if code in _REGION else code,
        og_locale=_OG_LOCALE.get(code) or (f"{code}_{region}" if region else code),
    )


@functools.cache
def name_in(code: str, lang: str) -> str:
    """A language's name in another language, as a page in ``lang`` shows it: ('tr', 'nl') -> 'Turks'."""
    if not (is_known(code) and is_known(lang)):
        return code
    return _locale(code).get_display_name(_locale(lang)) or code


@functools.cache
def plural_samples(code: str) -> dict[str, int]:
    """The smallest number of each CLDR plural category of a language: {'other': 0, 'one': 1} in
    Dutch; zero, one, two, few (3), many (11) and other (100) in Arabic. A template asks gettext's
    ngettext for each sample and hands the browser one text per category, which picks the right one
    with Intl.PluralRules (the same CLDR rules), so a count in the browser is as right as one in
    the page."""
    rule = _locale(code).plural_form
    samples: dict[str, int] = {}
    for number in range(1000):
        samples.setdefault(rule(number), number)
    return samples


def _likely_region(code: str) -> str | None:
    subtags = get_global("likely_subtags").get(code)
    if not subtags:
        return None
    parts = subtags.split("_")
    return next((part for part in parts[1:] if part.isupper() and len(part) == 2), None)


def direction(code: str) -> str:
    return language(code).direction if is_known(code) else "ltr"


def url(lang: str, default_lang: str, path: str = "/") -> str:
    """A site path in a language: ('en', 'nl', '/vacatures/') -> '/en/vacatures/'."""
    return path if lang == default_lang else f"/{lang}{path}"


def prefix(lang: str, default_lang: str) -> str:
    """The folder of a language in public/: '' for the default language, 'en/' for English."""
    return url(lang, default_lang, "/")[1:]


def fallbacks(lang: str, default_lang: str) -> list[str]:
    """Where to look for a text missing in ``lang``: the language, English, the default language."""
    found = [lang]
    for other in (FALLBACK, default_lang):
        if other not in found:
            found.append(other)
    return found


def pick(texts: dict[str, str], lang: str, default_lang: str) -> str:
    """A text from a {language: text} mapping, by ``fallbacks``; '' when there is none."""
    for code in fallbacks(lang, default_lang):
        if texts.get(code):
            return texts[code]
    return next((text for text in texts.values() if text), "")
