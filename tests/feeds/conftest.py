"""A small test site for the feeds: tests/sites/minimal plus activities and vacancies written here."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from support import MINIMAL_SITE, build_site, copy_site

REPO = Path(__file__).resolve().parents[2]

EXTRA = {
    # Weekly at 14:00 across the start of summer time (2027-03-28), one date off, one extra date.
    "activities/wandelgroep.md": """
        title: Wandelgroep voor mantelzorgers
        summary: Elke week samen wandelen en praten.
        last_reviewed: 2026-11-01
        organiser: steunpunt
        activity_type: lotgenotencontact
        start: 2027-03-16 14:00
        end: 2027-03-16 15:30
        recurrence:
          rrule: FREQ=WEEKLY;COUNT=4
          dates: [2027-04-20 14:00]
          exdates: [2027-03-23 14:00]
        location:
          name: Parkingang
          address: Parklaan 2
          place: testdorp
          latitude: 52.1
          longitude: 6.2
        cost: gratis
        """,
    "activities/wandelgroep.en.md": """
        title: Walking group for carers
        summary: Walk and talk together every week.
        translation_key: wandelgroep
        last_reviewed: 2026-11-01
        organiser: steunpunt
        activity_type: lotgenotencontact
        start: 2027-03-16 14:00
        end: 2027-03-16 15:30
        recurrence:
          rrule: FREQ=WEEKLY;COUNT=4
          dates: [2027-04-20 14:00]
          exdates: [2027-03-23 14:00]
        location:
          name: Park entrance
          address: Parklaan 2
          place: testdorp
        cost: free
        """,
    # Monthly until a date, online and on location, with characters that need escaping.
    "activities/cafe-praat.md": """
        title: "Café <Praat> & \\"koffie\\" voor 'jonge' mantelzorgers"
        summary: Praten met andere jongeren die zorgen voor iemand thuis.
        last_reviewed: 2026-11-10
        organiser: steunpunt
        activity_type: cursus
        start: 2026-12-02 19:00
        end: 2026-12-02 21:00
        recurrence:
          rrule: FREQ=MONTHLY;BYDAY=1WE;UNTIL=20270707
        location:
          name: Jongerencentrum
          address: Stationsweg 5
          postcode: 1234 CD
          place: testdorp
        online: true
        cost: € 5 per keer
        registration:
          required: true
          how: Stuur een mail naar jong@example.org.
        """,
    "vacancies/online-maatje.md": """
        title: Online taalmaatje & <coach>
        summary: Help iemand vanuit huis met Nederlands praten.
        last_reviewed: 2026-11-01
        organisation: steunpunt
        what_you_do: Eén keer per week bellen via **video**.
        what_we_offer: Een training & begeleiding.
        sectors: [zorg-en-welzijn]
        remote: true
        commitment: structureel
        hours: 1 uur per week
        contact:
          url: https://steunpunt.example.org/aanmelden
        posted: 2026-11-20
        valid_through: 2027-05-31
        """,
    "offers/oppas.md": """
        title: Oppas aan huis
        summary: Een vrijwilliger past op, zodat u even weg kunt.
        last_reviewed: 2026-10-01
        provider: steunpunt
        forms: [dagopvang]
        for_whom: Iedereen die zorgt voor iemand thuis.
        age_min: 18
        funding: [gratis]
        referral_needed: false
        cost: gratis
        how_to_apply: Bel het steunpunt.
        contact:
          name: Petra
          phone: 0123 456 780
          email: oppas@example.org
        """,
}


def write_extra(content: Path, files: dict[str, str] = EXTRA) -> None:
    for key, front in files.items():
        path = content / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + textwrap.dedent(front).strip() + "\n---\n\nMeer uitleg.\n", encoding="utf-8")


def make_site(root: Path) -> Path:
    copy_site(MINIMAL_SITE, root)
    write_extra(root / "content")
    return root


@pytest.fixture(scope="session")
def feeds_root(tmp_path_factory) -> Path:
    return make_site(tmp_path_factory.mktemp("feeds-site"))


@pytest.fixture(scope="session")
def feeds_public(feeds_root, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("feeds-out") / "public"
    build_site(feeds_root, out=out, clean=True)
    return out


def hsds_schema_dir() -> Path:
    import os

    folder = Path(os.environ.get("HSDS_SCHEMA_DIR") or REPO.parent / "shared" / "hsds" / "schema")
    if not (folder / "compiled" / "service.json").is_file():
        pytest.fail(f"HSDS 3.0 schemas not found in {folder}; set HSDS_SCHEMA_DIR to the folder with compiled/")
    return folder


# Test modules import helpers from here by a name that cannot clash with the other conftest.py files.
sys.modules["feeds_conftest"] = sys.modules[__name__]
