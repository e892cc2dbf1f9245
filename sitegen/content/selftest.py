"""The content model of a self-test ("Hoe gaat het met u?"): statements, answers, load levels and
situation questions, all written by editors.

Everything a resident reads (statements, answer labels, result texts) and the mapping from a
situation to needs and target groups is content, so an editor can change it and translate it like
any other item; the code only adds up points and matches items (docs/selftest.md).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator, model_validator

from sitegen.content.model import FieldError, Item, Markdown, Strict, Vocab, field
from sitegen.i18n import N_

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class SelfTestAnswer(Strict):
    label: str = field(N_("Antwoord"), N_("Wat de inwoner kan kiezen, bijvoorbeeld: nee, min of meer, ja."), min_length=1, max_length=40)
    points: int = field(N_("Punten"), N_("Hoeveel punten dit antwoord telt, bijvoorbeeld 0 of 1."), ge=0, le=10)


class SelfTestLevel(Strict):
    slug: str = field(N_("Code"), N_("Het laatste deel van het webadres van de uitslag, bijvoorbeeld: licht."), pattern=SLUG)
    min_score: int = field(N_("Vanaf score"), N_("De laagste score die bij deze uitslag hoort."), ge=0)
    max_score: int = field(N_("Tot en met score"), N_("De hoogste score die bij deze uitslag hoort."), ge=0)
    title: str = field(N_("Titel van de uitslag"), N_("Vriendelijk en duidelijk, bijvoorbeeld: De zorg lijkt u nu zwaar te vallen."), min_length=2)
    text: Annotated[str, Markdown()] = field(N_("Uitleg"), N_("Wat betekent deze uitslag, en wat kan de inwoner doen? Kort, in B1."), min_length=5)
    loket_first: bool = field(N_("Eerst het loket"), N_("Zet het telefoonnummer van het loket bovenaan deze uitslag? ja of nee."), default=False)
    needs: Annotated[list[str], Vocab("needs")] = field(
        N_("Vraaggebieden"), N_("Welke hulp past altijd bij deze uitslag, ook als de inwoner verder niets kiest?"), default_factory=list
    )


class SelfTestOption(Strict):
    label: str = field(N_("Keuze"), N_("Een keuze in gewone woorden, bijvoorbeeld: iemand met dementie."), min_length=1)
    needs: Annotated[list[str], Vocab("needs")] = field(N_("Vraaggebieden"), N_("Welke hulp past bij deze keuze?"), default_factory=list)
    audiences: Annotated[list[str], Vocab("audiences")] = field(N_("Doelgroepen"), N_("Bij welke doelgroep hoort deze keuze?"), default_factory=list)


class SelfTestQuestion(Strict):
    question: str = field(N_("Vraag"), N_("Een vraag over de situatie, bijvoorbeeld: Voor wie zorgt u?"), min_length=2)
    options: list[SelfTestOption] = field(N_("Keuzes"), N_("De keuzes bij deze vraag, met de hulp die erbij past."), min_length=2)


class SelfTest(Item):
    instruction: str = field(N_("Uitleg bij de stellingen"), N_("Eén of twee zinnen die zeggen hoe de inwoner de stellingen invult."), min_length=5)
    statements: list[str] = field(N_("Stellingen"), N_("De stellingen van de vragenlijst, in de volgorde van de bron."), min_length=1, max_length=30)
    answers: list[SelfTestAnswer] = field(N_("Antwoorden"), N_("De antwoorden die bij elke stelling horen, met hun punten."), min_length=2, max_length=7)
    source: str = field(N_("Bron"), N_("Waar de vragenlijst vandaan komt, bijvoorbeeld de naam en het artikel."), min_length=5)
    levels: list[SelfTestLevel] = field(N_("Uitslagen"), N_("De uitslagen: van lage tot hoge score, zonder gaten."), min_length=1)
    situation: list[SelfTestQuestion] = field(
        N_("Vragen over uw situatie"), N_("Twee of drie vragen die bepalen welke hulp de uitslag toont."), default_factory=list, max_length=5
    )
    place_question: str | None = field(N_("Vraag naar de kern"), N_("Bijvoorbeeld: Waar woont u? Laat leeg om niet naar de kern te vragen."), default=None)
    general_audiences: Annotated[list[str], Vocab("audiences")] = field(
        N_("Voor iedereen"), N_("Doelgroepen waarvan het aanbod bij elke inwoner past, bijvoorbeeld: alle mantelzorgers."), default_factory=list
    )

    @field_validator("statements")
    @classmethod
    def _statements(cls, value: list[str]) -> list[str]:
        for number, statement in enumerate(value, 1):
            if len(statement.strip()) < 5:
                raise ValueError(f"stelling {number} is leeg of te kort; schrijf de hele stelling")
        return value

    @property
    def max_score(self) -> int:
        return len(self.statements) * max(answer.points for answer in self.answers)

    @model_validator(mode="after")
    def _levels_cover_every_score(self) -> SelfTest:
        slugs = [level.slug for level in self.levels]
        if len(set(slugs)) != len(slugs):
            raise FieldError("levels", "twee uitslagen hebben dezelfde code (slug); geef elke uitslag een eigen code")
        expected = 0
        for level in sorted(self.levels, key=lambda level: level.min_score):
            if level.min_score > level.max_score:
                raise FieldError("levels", f"bij uitslag '{level.slug}' is 'vanaf score' hoger dan 'tot en met score'; draai ze om")
            if level.min_score != expected:
                gap = level.min_score > expected
                raise FieldError(
                    "levels",
                    f"er is {'een gat' if gap else 'een overlap'} bij score {expected if gap else level.min_score}"
                    f": uitslag '{level.slug}' begint bij {level.min_score}"
                    f"; laat elke uitslag beginnen één na het einde van de vorige (de eerste bij 0)",
                )
            expected = level.max_score + 1
        if expected - 1 != self.max_score:
            raise FieldError(
                "levels",
                f"de uitslagen lopen tot {expected - 1}, maar de hoogste score is {self.max_score}"
                f" ({len(self.statements)} stellingen × {max(a.points for a in self.answers)} punten); laat de laatste uitslag tot {self.max_score} lopen",
            )
        return self

    def level_for(self, score: int) -> SelfTestLevel:
        return next(level for level in self.levels if level.min_score <= score <= level.max_score)
