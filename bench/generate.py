"""Generate a synthetic Hulpwijzer site of N items for benchmarks.

    python bench/generate.py 10000 bench/out/site-10000

Mix: 10 % organisations, 20 % information pages, 20 % activities (a third
recurring), 10 % respite offers, 40 % vacancies (a tenth expired). Vocabularies
and site.yaml come from tests/sites/minimal. Deterministic for a given N.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.content import frontmatter  # noqa: E402

WORDS = (
    "mantelzorg hulp zorg vrijwilliger buurt koffie wandelen praten steun rust oppas logeren "
    "moeder vader kind partner dementie geheugen vervoer boodschappen tuin computer taal lezen "
    "sport muziek huiskamer ontmoeting cursus informatie geld regeling aanvraag gemeente wijk"
).split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng, rng.randint(6, 14)) for _ in range(sentences))


def generate(count: int, target: Path) -> Path:
    rng = random.Random(count)
    if target.exists():
        shutil.rmtree(target)
    content = target / "content"
    source = REPO / "tests" / "sites" / "minimal" / "content"
    content.mkdir(parents=True)
    shutil.copy(source / "site.yaml", content / "site.yaml")
    shutil.copytree(source / "vocabularies", content / "vocabularies")
    vocab = {p.stem: [t["slug"] for t in frontmatter.load_yaml(p.read_text())["terms"]] for p in (content / "vocabularies").glob("*.yaml")}
    for folder in ("organisations", "pages", "activities", "offers", "vacancies"):
        (content / folder).mkdir()

    def write(folder: str, slug: str, data: dict, body: str) -> None:
        (content / folder / f"{slug}.md").write_text(frontmatter.dump(data, body), encoding="utf-8")

    organisations = max(1, count // 10)
    counts = {
        "pages": count * 2 // 10,
        "activities": count * 2 // 10,
        "offers": count // 10,
    }
    counts["vacancies"] = count - organisations - sum(counts.values())
    reviewed = "2026-10-01"
    for number in range(organisations):
        write(
            "organisations",
            f"organisatie-{number}",
            {
                "title": f"Organisatie {number} {rng.choice(WORDS)}",
                "summary": sentence(rng, 10),
                "last_reviewed": reviewed,
                "needs": rng.sample(vocab["needs"], 1),
                "phone": f"0123 {number:06d}",
                "email": f"info{number}@example.org",
                "locations": [{"address": f"Dorpsstraat {number}", "place": rng.choice(vocab["places"])}],
            },
            paragraph(rng),
        )
    org = lambda: f"organisatie-{rng.randrange(organisations)}"  # noqa: E731
    for number in range(counts["pages"]):
        write(
            "pages",
            f"pagina-{number}",
            {
                "title": f"Informatie {number} over {rng.choice(WORDS)}",
                "summary": sentence(rng, 12),
                "last_reviewed": reviewed,
                "needs": rng.sample(vocab["needs"], 2),
                "audiences": rng.sample(vocab["audiences"], 1),
            },
            "\n\n".join(["## " + sentence(rng, 3)[:-1], paragraph(rng), "- " + sentence(rng, 5) + "\n- " + sentence(rng, 5), paragraph(rng)]),
        )
    for number in range(counts["activities"]):
        day = 1 + number % 28
        month = 1 + (number // 28) % 12
        data = {
            "title": f"Activiteit {number}: {rng.choice(WORDS)}",
            "summary": sentence(rng, 10),
            "last_reviewed": reviewed,
            "needs": rng.sample(vocab["needs"], 1),
            "organiser": org(),
            "activity_type": rng.choice(vocab["activity_types"]),
            "start": f"2027-{month:02d}-{day:02d} 14:00",
            "end": f"2027-{month:02d}-{day:02d} 16:00",
            "location": {"name": "Dorpshuis", "place": rng.choice(vocab["places"])},
        }
        if number % 3 == 0:
            data["recurrence"] = {"rrule": "FREQ=MONTHLY;BYDAY=3TU;COUNT=8"}
        write("activities", f"activiteit-{number}", data, paragraph(rng))
    for number in range(counts["offers"]):
        write(
            "offers",
            f"aanbod-{number}",
            {
                "title": f"Respijtzorg {number}: {rng.choice(WORDS)}",
                "summary": sentence(rng, 10),
                "last_reviewed": reviewed,
                "needs": ["respijtzorg"],
                "provider": org(),
                "forms": rng.sample(vocab["respite_forms"], 1),
                "for_whom": sentence(rng, 6),
                "funding": rng.sample(vocab["funding"], 1),
                "referral_needed": rng.random() < 0.5,
                "how_to_apply": sentence(rng, 8),
            },
            paragraph(rng),
        )
    for number in range(counts["vacancies"]):
        expired = number % 10 == 0
        write(
            "vacancies",
            f"vacature-{number}",
            {
                "title": f"Vrijwilliger {number}: {rng.choice(WORDS)}",
                "summary": sentence(rng, 10),
                "last_reviewed": reviewed,
                "organisation": org(),
                "what_you_do": paragraph(rng, 2),
                "what_we_offer": sentence(rng, 8),
                "sectors": rng.sample(vocab["sectors"], 1),
                "location": {"place": rng.choice(vocab["places"])},
                "commitment": rng.choice(vocab["commitments"]),
                "times": rng.sample(vocab["times"], 1),
                "benefits": rng.sample(vocab["benefits"], 1),
                "contact": {"email": f"vacature{number}@example.org"},
                "posted": "2026-09-01",
                "valid_through": "2026-10-01" if expired else "2027-09-01",
            },
            "",
        )
    return target


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "bench" / "out" / f"site-{size}"
    generate(size, out)
    print(out)
