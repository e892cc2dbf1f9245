"""A site with more respite offers than fit on one listing page (page size 20), for the tests of
combined filters on long listings: the minimal site plus generated offers in Dutch, a few of them
also in Arabic."""

from __future__ import annotations

from pathlib import Path

import yaml

OFFER = """---
title: {title}
summary: {summary}
last_reviewed: 2026-08-01
needs:
- respijtzorg
provider: steunpunt
forms: {forms}
for_whom: Mensen die thuis wonen.
funding: {funding}
referral_needed: {referral}
{extra}cost: Zie de website van de aanbieder.
places: {places}
how_to_apply: Bel de aanbieder.
---
"""
FORMS = (["dagopvang"], ["logeeropvang"], ["dagopvang", "logeeropvang"])
FUNDING = (["gratis"], ["wmo"], ["gratis", "wmo"])
PLACES = (["testdorp"], ["buitenhoek"], ["testdorp", "buitenhoek"])
AGES = ((None, None), (0, 17), (65, None), (18, 64), (50, 80))
GENERATED = 44


def add_offers(root: Path) -> None:
    folder = root / "content" / "offers"
    for number in range(GENERATED):
        funding = FUNDING[(number // 3) % 3]
        low, high = AGES[number % 5]
        extra = "".join(f"{key}: {value}\n" for key, value in (("age_min", low), ("age_max", high)) if value is not None)
        if "wmo" in funding and number % 4 == 1:
            extra += "own_contribution: true\n"
        fields = {
            "forms": FORMS[number % 3],
            "funding": funding,
            "referral": "true" if number % 2 else "false",
            "places": PLACES[(number // 2) % 3],
            "extra": extra,
        }
        (folder / f"opvang-{number:02d}.md").write_text(OFFER.format(title=f"Opvang {number:02d}", summary="Even tijd voor uzelf.", **fields))
        if number % 4 == 0:  # some in Arabic too: the Arabic listing mixes both, as a real one would
            (folder / f"opvang-{number:02d}.ar.md").write_text(OFFER.format(title=f"رعاية {number:02d}", summary="وقت لنفسك.", **fields))


# The rules of the respite facets, written out again from docs/theme.md (not imported from sitegen).
AGE_GROUPS = {"kind": (0, 17), "jongvolwassene": (18, 26), "volwassene": (27, 64), "oudere": (65, 200)}


def offer_terms(offer: dict) -> dict[str, set[str]]:
    funding = set(offer["funding"])
    low, high = offer.get("age_min"), offer.get("age_max")
    if low is None and high is None:
        ages = set(AGE_GROUPS)
    else:
        low, high = low or 0, 200 if high is None else high
        ages = {name for name, (first, last) in AGE_GROUPS.items() if low <= last and high >= first}
    costs = {"gratis"} & funding
    if offer.get("own_contribution") or "eigen-betaling" in funding:
        costs.add("eigen-bijdrage")
    if funding & {"wmo", "wlz", "zvw", "jeugdwet", "pgb"}:
        costs.add("vergoed")
    return {
        "vorm": set(offer["forms"]),
        "betaling": funding,
        "kern": set(offer["places"]),
        "indicatie": {"ja" if offer["referral_needed"] else "nee"},
        "kosten": costs,
        "leeftijd": ages,
    }


def offers_of(root: Path) -> list[dict[str, set[str]]]:
    """The terms of every offer a listing shows (one per Dutch file: a translation replaces it)."""
    found = []
    for path in sorted((root / "content" / "offers").glob("*.md")):
        if "." not in path.stem:
            found.append(offer_terms(yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])))
    return found


def expected_count(offers, choice: dict[str, set[str]]) -> int:
    return sum(all(not wanted or terms[facet] & wanted for facet, wanted in choice.items()) for terms in offers)
