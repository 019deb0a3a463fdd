"""A table to export: what the Excel and PDF writers (services/exports.py) take. Kept apart from
them so a screen can build one without loading openpyxl or ReportLab."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  # text | int | signed | decimal | date
    width: float = 10  # characters in the spreadsheet; the PDF shares the page in proportion
    total: bool = False


@dataclass
class Report:
    title: str
    subtitle: str  # program, place and period
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    highlight: set[int] = field(default_factory=set)  # row indexes to mark (shortfalls, differences)
    note: str = ""  # a line under the table explaining the highlight
    units: list[str] | None = None  # each row's unit: totals are per unit, never across units

    def totals(self) -> list[list]:
        """The totals rows: one, or one per unit when rows are in several (syringes, kits and
        socks are not one figure)."""
        if not any(c.total for c in self.columns) or not self.rows:
            return []
        units = self.units or [""] * len(self.rows)
        out = []
        for unit in dict.fromkeys(units):
            rows = [r for r, u in zip(self.rows, units) if u == unit]
            total = [sum(r[n] or 0 for r in rows) if c.total else None for n, c in enumerate(self.columns)]
            total[0] = f"Total, {unit}" if len(set(units)) > 1 else "Total"
            out.append(total)
        return out
