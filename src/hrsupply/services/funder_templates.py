"""Funder report templates: each funder's or state's report as data, in its own words.

A template is a TOML file (read with the standard library's tomllib): its name, its period, and
its fields, each a label in the funder's words (and in Spanish), the program report's measure(s)
it is, and the rule that makes one figure of them. The app ships some under
resources/report_templates/; a program adds its own state's as a file in the data folder's
report_templates/ folder, no code. A bad template is refused naming its file and line.

    name = "semiannual"
    title = "Semiannual funder summary"
    title_es = "Resumen semestral para el financiador"
    period = "half"                      # month, quarter, half, year, calendar_year
    year_starts = 7                      # a "year" that starts in July (default: January)

    [[fields]]
    id = "syringes_out"
    label = "Syringes distributed"
    label_es = "Jeringas entregadas"
    measures = ["syringes_out"]          # "measure", "measure:category" or "measure:*"
    rule = "sum"                         # sum, ratio (first / second) or class
    classes = [[0, "small"], [10000, "medium"]]   # class: the label of the last threshold reached
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from hrsupply.db import data_dir
from hrsupply.errors import UserError
from hrsupply.i18n import language, tr

PERIODS = ("month", "quarter", "half", "year", "calendar_year")
RULES = ("sum", "ratio", "class")
# Every measure of the program report a field may name (its CSV's measure column).
MEASURES = frozenset(
    """visits anonymous_visits unique_participants new_participants returning_participants cards_issued
    cards_replaced units_out units_out_in_kits units_out_item syringes_out syringes_out_in_kits
    syringes_returned syringes_returned_counted syringes_returned_estimated syringes_returned_weighed
    secondary_reach syringes_per_participant return_ratio test_strips_out naloxone_kits_out naloxone_doses_out
    naloxone_by_form naloxone_first_kits naloxone_refills naloxone_not_recorded reversals_reported referrals
    received received_by_source disposed disposed_by_reason disposed_share stock_end""".split()
)
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    label_es: str
    measures: tuple[tuple[str, str], ...]  # (measure, category); category "*": every category
    rule: str
    classes: tuple[tuple[float, str, str], ...] = ()  # (threshold, label, label in Spanish)
    decimals: int = 2

    def said(self) -> str:
        """The label in the language in use (the funder's words, or their Spanish)."""
        return self.label_es if language() == "es" and self.label_es else self.label


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    title_es: str
    period: str
    year_starts: int
    fields: tuple[Field, ...]
    path: Path
    funder: str = ""

    def said(self) -> str:
        return self.title_es if language() == "es" and self.title_es else self.title

    def snap(self, day: date) -> tuple[date, date]:
        """The whole period of this template's kind that holds `day`."""
        return snap(self.period, day, self.year_starts)


def snap(kind: str, day: date, year_starts: int = 1) -> tuple[date, date]:
    """The month, quarter, half, year (from `year_starts`) or calendar year holding `day`."""
    if kind == "month":
        first, months = day.replace(day=1), 1
    elif kind in ("quarter", "half"):
        months = 3 if kind == "quarter" else 6
        first = date(day.year, (day.month - 1) // months * months + 1, 1)
    elif kind == "year":
        year = day.year if day.month >= year_starts else day.year - 1
        first, months = date(year, year_starts, 1), 12
    else:
        first, months = date(day.year, 1, 1), 12
    month = first.month - 1 + months
    following = date(first.year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def _folders() -> list[Path]:
    shipped = Path(str(resources.files("hrsupply.resources").joinpath("report_templates")))
    return [shipped, data_dir() / "report_templates"]


def available() -> list[Template]:
    """Every template: the shipped ones and the program's own (a program's file of the same name
    takes the place of the shipped one). A bad file is refused, named, by `load`."""
    found: dict[str, Template] = {}
    for folder in _folders():
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            template = load(path)
            found[template.name] = template
    return sorted(found.values(), key=lambda t: t.name)


def named(name: str) -> Template:
    templates = {t.name: t for t in available()}
    if name not in templates:
        raise UserError(
            tr("no report template {name!r} (there are: {names})").format(name=name, names=", ".join(templates))
        )
    return templates[name]


def load(path: Path) -> Template:
    """The template in `path`, checked; UserError naming the file and line of the first problem."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(tr("{file}: not a TOML file: {problem}").format(file=path.name, problem=exc)) from None
    headers = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == "[[fields]]"]

    def refuse(problem: str, field: int | None = None) -> UserError:
        key = problem.split(" ", 1)[0].rstrip(":")
        line = _line_of(text, key, headers[field] if field is not None and field < len(headers) else 1)
        return UserError(tr("{file}, line {line}: {problem}").format(file=path.name, line=line, problem=problem))

    name = data.get("name")
    if not isinstance(name, str) or not NAME.match(name):
        raise refuse(tr("name: 1 to 40 small letters, digits, - or _ (it is typed after --template)"))
    if data.get("period") not in PERIODS:
        raise refuse(tr("period: one of {kinds}, not {got!r}").format(kinds=", ".join(PERIODS), got=data.get("period")))
    starts = data.get("year_starts", 1)
    if not isinstance(starts, int) or not 1 <= starts <= 12:
        raise refuse(tr("year_starts: the month the year starts in, 1 to 12"))
    if not isinstance(data.get("title"), str) or not data["title"].strip():
        raise refuse(tr("title: required"))
    raw = data.get("fields")
    if not isinstance(raw, list) or not raw:
        raise refuse(tr("fields: at least one [[fields]] table"))
    fields, seen = [], set()
    for n, entry in enumerate(raw):
        problem = _field_problem(entry, seen)
        if problem:
            raise refuse(problem, n)
        fields.append(_field(entry))
        seen.add(entry["id"])
    return Template(
        name,
        data["title"].strip(),
        str(data.get("title_es", "")).strip(),
        data["period"],
        starts,
        tuple(fields),
        path,
        str(data.get("funder", "")).strip(),
    )


def _line_of(text: str, key: str, after: int) -> int:
    """The line of `key = …` at or after line `after` (the field's table), else `after`."""
    for n, line in enumerate(text.splitlines(), start=1):
        if n >= after and line.split("=", 1)[0].strip() == key:
            return n
    return after


def _field_problem(entry, seen: set[str]) -> str | None:
    """What is wrong with one [[fields]] table, or None."""
    if not isinstance(entry, dict):
        return tr("fields: each is a [[fields]] table")
    fid = entry.get("id")
    if not isinstance(fid, str) or not NAME.match(fid):
        return tr("id: 1 to 40 small letters, digits, - or _")
    if fid in seen:
        return tr("id: {id!r} is a field already (each field once)").format(id=fid)
    if not isinstance(entry.get("label"), str) or not entry["label"].strip():
        return tr("label: required (the funder's words)")
    measures = entry.get("measures")
    if not isinstance(measures, list) or not measures or not all(isinstance(m, str) for m in measures):
        return tr('measures: a list of the report\'s measures, e.g. ["syringes_out"]')
    unknown = [m for m in measures if m.split(":", 1)[0] not in MEASURES]
    if unknown:
        return tr("measures: {unknown} is not a measure of the program report").format(unknown=", ".join(unknown))
    rule = entry.get("rule", "sum")
    if rule not in RULES:
        return tr("rule: one of {rules}, not {rule!r}").format(rules=", ".join(RULES), rule=rule)
    if rule == "ratio" and len(measures) != 2:
        return tr("measures: a ratio divides the first measure by the second: two measures")
    classes = entry.get("classes")
    if rule == "class" and (
        not isinstance(classes, list)
        or not classes
        or not all(isinstance(c, list) and len(c) in (2, 3) and isinstance(c[0], int | float) for c in classes)
    ):
        return tr('classes: a class needs [[threshold, "label"], …], lowest first')
    return None


def _field(entry: dict) -> Field:
    classes = tuple(
        (float(c[0]), str(c[1]), str(c[2]) if len(c) > 2 else str(c[1]))
        for c in sorted(entry.get("classes", []), key=lambda c: c[0])
    )
    return Field(
        entry["id"],
        entry["label"].strip(),
        str(entry.get("label_es", "")).strip(),
        tuple(tuple((m.split(":", 1) + [""])[:2]) for m in entry["measures"]),
        entry.get("rule", "sum"),
        classes,
        int(entry.get("decimals", 2)),
    )
