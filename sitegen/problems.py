"""Problems found in content: what, where and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, e.g. content/vacancies/x.md
    line: int | None
    field: str | None
    message: str
    fix: str = ""
    severity: str = "error"  # "error" or "warning"

    def format(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        what = f"veld '{self.field}': " if self.field else ""
        text = f"{where}: {'waarschuwing' if self.severity == 'warning' else 'fout'}: {what}{self.message}"
        if self.fix:
            text += f"\n    oplossing: {self.fix}"
        return text


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} fout(en) in de inhoud")
        self.problems = problems
