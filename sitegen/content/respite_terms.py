"""What the respite listing's derived facets read from an offer: the age group of the person cared
for, whether an indication is needed, and what the carer pays (the facets are in
``sitegen.content.types``; the terms' texts are translated like every label)."""

from __future__ import annotations

from sitegen.content import model as m
from sitegen.i18n import N_

# Age groups of the person cared for (what carers ask: "is this for my child, my father?"). An offer is
# in every group its age range touches; an offer without ages is for every age. (slug, msgid, from, to).
AGE_GROUPS = (
    ("kind", N_("Kind (tot 18 jaar)"), 0, 17),
    ("jongvolwassene", N_("Jongvolwassene (18 tot 27 jaar)"), 18, 26),
    ("volwassene", N_("Volwassene (27 tot 65 jaar)"), 27, 64),
    ("oudere", N_("Oudere (65 jaar en ouder)"), 65, 200),
)
# Funding terms that mean "paid for by a law or a budget", so the carer does not pay the whole cost.
REIMBURSED = frozenset({"wmo", "wlz", "zvw", "jeugdwet", "pgb"})


def age_groups_of(item: m.RespiteOffer) -> list[str]:
    if item.age_min is None and item.age_max is None:
        return []
    low, high = item.age_min or 0, item.age_max if item.age_max is not None else 200
    return [slug for slug, _label, first, last in AGE_GROUPS if low <= last and high >= first]


def referral_of(item: m.RespiteOffer) -> list[str]:
    return ["ja" if item.referral_needed else "nee"]


def costs_of(item: m.RespiteOffer) -> list[str]:
    """What the carer pays, derived from funding and the own_contribution flag (a Wmo offer often has one)."""
    found = []
    if "gratis" in item.funding:
        found.append("gratis")
    if item.own_contribution or "eigen-betaling" in item.funding:
        found.append("eigen-bijdrage")
    if REIMBURSED.intersection(item.funding):
        found.append("vergoed")
    return found
