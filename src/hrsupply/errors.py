"""Errors a user can act on. Anything else is a bug."""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """Bad input or a refused request: shown to the user as it is, never as a traceback."""


class NotEnoughStock(UserError):
    pass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an imported file, located as a spreadsheet user would look for it."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class ImportRefused(UserError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
