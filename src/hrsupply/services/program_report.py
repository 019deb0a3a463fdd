"""The program report funders, the health department and the board ask for: people served, what
went out and came back, naloxone and reversals, referrals, and the supply side, for any period and
all locations or one. Counts only, never a participant code.

Every figure is read in a few grouped queries over the period (by month and location), then added
up per column in Python; distinct participants are counted per column from the distinct
(month, location, code) triples, never summed. A month's column is that month's own report: a
participant is new in the month of their first visit ever, so the months' new add up to the
period's. Kits count as kits, and what is in them counts again in its own category (syringes in
a safer-use kit are syringes handed out). Figures of different units are never added together.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, bindparam, case, exists, func, literal, select, union
from sqlalchemy.orm import aliased

from hrsupply.db import Database
from hrsupply.i18n import QT_TR_NOOP, long_date, month_year, period, tr
from hrsupply.models import (
    ClientCard,
    DayChange,
    Item,
    KitComponent,
    Location,
    Movement,
    Receipt,
    Source,
    Visit,
    VisitReferral,
)
from hrsupply.services import program, suppression
from hrsupply.services.access import require
from hrsupply.services.catalog import (
    LOCATION_KINDS,
    NALOXONE_FORMS,
    SOURCE_KINDS,
    is_naloxone,
    is_syringe,
    is_test_strip,
    location_by_code,
    naloxone_form,
    with_unit,
)
from hrsupply.services.changes import balances_at, month_sql
from hrsupply.services.program import FIRST_KIT
from hrsupply.services.stock import check_period, end_of
from hrsupply.steps import Steps, step

NOT_RECORDED = "not recorded"  # receipts imported without a source, naloxone without a reason

# (measure, what it is called in the report); the CSV's measure names are these keys.
PEOPLE = (
    ("visits", QT_TR_NOOP("Visits")),
    ("anonymous_visits", QT_TR_NOOP("Anonymous visits")),
    ("unique_participants", QT_TR_NOOP("Unique participants")),
    ("new_participants", QT_TR_NOOP("New participants")),
    ("returning_participants", QT_TR_NOOP("Returning participants")),
)
# Client cards printed in the period: all of them, and of those the replacements (card 2, 3…).
CARDS = (
    ("cards_issued", QT_TR_NOOP("Client cards issued")),
    ("cards_replaced", QT_TR_NOOP("Replacement cards (of those issued)")),
)
SUPPRESSED = {"unique_participants", "new_participants", "returning_participants"}
AT_END = {"stock_end"}
PER = {"syringes_per_participant"}  # a figure per person, "12.5" (a share prints as "97.5%")
SHARES = {"disposed_share", "return_ratio", *PER}  # "—" where there is nothing to divide by


@dataclass(frozen=True)
class Column:
    """One column of figures: a month (or the whole period) at a location (or all)."""

    label: str
    months: tuple[str, ...]  # "2026-11"
    location_ids: tuple[int, ...]  # the locations it adds up
    location: str  # a location code, or "ALL"
    period: str  # "ALL" (the whole report) or its month, "2026-11"
    first: date  # its first day: a participant seen before it is returning


@dataclass(frozen=True)
class Line:
    """One row of a table: a figure per column."""

    section: str
    label: str
    measure: str
    category: str = ""


@dataclass
class ProgramReport:
    start: date
    end: date
    place: str  # "All locations" or a location's name
    location: str  # its code, or "ALL"
    months: list[Column]  # a column per month and the total (just the total for one month)
    places: list[Column]  # for all locations: a column per location and the total
    lines: list[Line]
    values: dict[tuple[str, str, str], float | None] = field(default_factory=dict)  # (column, measure, category)
    grid: list[Column] = field(default_factory=list)  # each month at each location (several months, all)
    hidden: dict[tuple[str, str, str], str] = field(default_factory=dict)  # figures not shown outside
    weeks: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # one month: the chart by week
    # Visits of the period that arrived from a van laptop after it ended, and the last of them.
    late: tuple[int, datetime | None] = (0, None)
    _covering: dict | None = field(default=None, repr=False)

    @property
    def columns(self) -> list[Column]:
        """Every column once (the total is in both tables)."""
        return list(dict.fromkeys(self.months + self.places + self.grid))

    def value(self, column: Column, line: Line) -> float | None:
        """None where a figure is not kept (the stock at the end of a month inside the period) or
        has no meaning (a share of nothing received)."""
        return self.values.get((_key(column), line.measure, line.category), None if line.measure in AT_END else 0)

    def shown(self, column: Column, line: Line, *, outside: bool) -> str:
        """A figure as printed: outside, "<5" for a few people and "*" for a figure hidden so
        that no "<5" can be worked back."""
        value = self.value(column, line)
        if value is None:
            return "—" if line.measure in SHARES else ""
        if outside and (mark := self.hidden.get((_key(column), line.measure, line.category))):
            return mark
        if isinstance(value, float):
            return f"{value:,.1f}" if line.measure in PER else f"{value:.1%}"
        return f"{value:,}"

    def covering(self) -> dict[tuple[str, int], list[str]]:
        """(month, location id) -> the keys of the columns that add it up (a year at every
        location: 52 columns; looked up, not searched, for each grouped row)."""
        if self._covering is None:
            self._covering = {}
            for column in self.columns:
                for month in column.months:
                    for location in column.location_ids:
                        self._covering.setdefault((month, location), []).append(_key(column))
        return self._covering

    def total(self) -> Column:
        return self.months[-1]

    def table_columns(self) -> list[Column]:
        """A table's columns: each month (for more than one), each location (for all), the total."""
        months = self.months[:-1]
        return months + self.places[:-1] + [self.total()]

    def sections(self) -> dict[str, list[Line]]:
        out: dict[str, list[Line]] = {}
        for line in self.lines:
            out.setdefault(line.section, []).append(line)
        return out

    @property
    def period(self) -> str:
        if self.start == self.end:
            return long_date(self.start)
        whole_months = self.start.day == 1 and self.end + timedelta(days=1) == _next_month(self.end)
        if whole_months:
            if (self.start.year, self.start.month) == (self.end.year, self.end.month):
                return month_year(self.start)
            return tr("{start} to {end}").format(start=month_year(self.start), end=month_year(self.end))
        return period(self.start, self.end)

    def long_rows(self, *, outside: bool = False) -> list[tuple[str, str, str, str, float | str | None]]:
        """(measure, category, location, period, value): the whole period ("ALL") per location and
        ALL, then, over several months, each month the same way. Outside, the figures as the
        workbook shows them ("<5", "*")."""
        rows = []
        for when, columns in self.by_period():
            for column in columns:
                for line in self.lines:
                    value = self.value(column, line)
                    if value is None and line.measure in AT_END:
                        continue  # not kept for a month inside the period
                    if outside:
                        value = self.hidden.get((_key(column), line.measure, line.category), value)
                    rows.append((line.measure, line.category, column.location, when, value))
        return rows

    def by_period(self) -> list[tuple[str, list[Column]]]:
        """The columns of each period: ("ALL", each location and ALL), then each month's."""
        out = [("ALL", self.places or [self.total()])]
        for month in self.months[:-1]:
            here = [c for c in self.grid if c.period == month.period]
            out.append((month.period, here + [month]))
        return out

    def chart(self, *, outside: bool = False) -> tuple[list[str], list[tuple[str, list[float]]]]:
        """The main figures by month (by week for one month), for the line chart: the labels, then
        (name, one value per month or week). Outside, no count of people (a week's few would show)."""
        wanted = ("visits", "naloxone_kits_out", "reversals_reported")
        wanted = wanted if outside else ("visits", "unique_participants", *wanted[1:])
        found = {line.measure: line for line in self.lines if not line.category and line.measure in wanted}
        if len(self.months) == 1:
            labels = [label for label, _ in self.weeks]
            return labels, [(found[m].label, [w.get(m, 0) for _, w in self.weeks]) for m in wanted if m in found]
        months = self.months[:-1]
        return [c.label for c in months], [
            (found[m].label, [self.value(c, found[m]) or 0 for c in months]) for m in wanted if m in found
        ]


def _key(column: Column) -> str:
    return f"{','.join(column.months)}@{column.location}"


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _months(start: date, end: date) -> list[tuple[str, date, date]]:
    out, day = [], start.replace(day=1)
    while day <= end:
        following = _next_month(day)
        out.append((f"{day:%Y-%m}", max(day, start), min(following - timedelta(days=1), end)))
        day = following
    return out


def build(
    db: Database, user: str, start: date, end: date, location: str | None = None, steps: Steps | None = None
) -> ProgramReport:
    """The report for `start`..`end` (both inclusive) at `location` (a code) or all locations.
    `steps` hears each part worked out, and may cancel between them (a year takes seconds)."""
    check_period(start, end)
    a, b = datetime.combine(start, time.min), end_of(end)
    with db.read() as s:
        require(s, user, "reports")
        places = s.execute(select(Location.id, Location.code, Location.name, Location.kind)).all()
        places.sort(key=lambda p: (LOCATION_KINDS.index(p.kind), p.code))  # sites, vans, then others
        if location:
            place = location_by_code(s, location)
            places = [p for p in places if p.id == place.id]
        ids = tuple(p.id for p in places)
        months = _months(start, end)
        month_keys = tuple(m for m, _, _ in months)
        everywhere = "ALL" if not location else places[0].code
        total = Column("Total", month_keys, ids, everywhere, "ALL", start)
        month_columns = [
            Column(month_year(first, short=True), (m,), ids, everywhere, m, first) for m, first, _ in months
        ]
        several = len(months) > 1
        report = ProgramReport(
            start,
            end,
            tr("All locations") if not location else places[0].name,
            everywhere,
            (month_columns + [total]) if several else [total],
            ([Column(p.code, month_keys, (p.id,), p.code, "ALL", start) for p in places] + [total])
            if not location
            else [],
            [],
        )
        if several and not location:
            report.grid = [
                Column(f"{c.label} {p.code}", c.months, (p.id,), p.code, c.period, c.first)
                for c in month_columns
                for p in places
            ]
        step(steps, 0, 4, tr("Reading the period's visits and movements…"))
        facts = _Facts(s, a, b, ids)
        step(steps, 1, 4, tr("Adding up the figures…"))
        items = {i.id: i for i in s.execute(select(Item.id, Item.sku, Item.name, Item.category, Item.unit, Item.doses))}
        facts.expand_kits(items)
        facts.naloxone = {i for i, item in items.items() if is_naloxone(item.category, item.doses)}
        lines = _people(report, facts) + _handouts(report, facts, items) + _naloxone(report, facts, items)
        lines += _services(report, facts) + _cards(report, facts) + _supply(report, facts, items, s, b)
        report.lines = lines
        step(steps, 2, 4, tr("Counting people…"))
        for column in report.columns:
            _distinct(report, column, facts)
            _ratios(report, column)
        if not several:
            report.weeks = _weeks(report, facts, items)
        step(steps, 3, 4, tr("Checking small counts…"))
        report.hidden = _hidden(report)
        report.late = _arrived_late(s, a, b, ids)
    return report


def _arrived_late(s, a: datetime, b: datetime, ids: tuple[int, ...]) -> tuple[int, datetime | None]:
    """Visits of [a, b) that came from a van laptop after b: a report made before they came
    showed less. Read through the visits' (location, time) index: a year's visits, not its ledger."""
    count, latest = s.execute(
        select(func.count(), func.max(Visit.arrived_at)).where(
            Visit.location_id.in_(ids), Visit.occurred_at >= a, Visit.occurred_at < b, Visit.arrived_at >= b
        )
    ).one()
    return count or 0, latest


class _Facts:
    """The period's figures grouped by (month, location): read once, added up per column."""

    def __init__(self, s, a: datetime, b: datetime, ids: tuple[int, ...]):
        self.s, self.a, self.b, self.ids = s, a, b, ids
        v_month = month_sql(s, Visit.occurred_at)
        visits = and_(
            Visit.undone_at.is_(None), Visit.occurred_at >= a, Visit.occurred_at < b, Visit.location_id.in_(ids)
        )
        weighed = Visit.returned_grams.is_not(None)
        self.visits = s.execute(
            select(
                v_month,
                Visit.location_id,
                func.count(),
                func.sum(case((Visit.participant.is_(None), 1), else_=0)),
                func.sum(case((weighed | Visit.returned_estimated, 0), else_=Visit.syringes_returned)),
                func.sum(case((Visit.returned_estimated, Visit.syringes_returned), else_=0)),
                func.sum(Visit.collecting_for),
                func.sum(Visit.reversals_reported),
                func.sum(case((weighed, Visit.syringes_returned), else_=0)),
            )
            .where(visits)
            .group_by(v_month, Visit.location_id)
        ).all()
        self.reasons = s.execute(
            select(v_month, Visit.location_id, Visit.naloxone_reason, func.count())
            .where(visits, Visit.naloxone_reason.is_not(None))
            .group_by(v_month, Visit.location_id, Visit.naloxone_reason)
        ).all()
        self.referrals = s.execute(
            select(v_month, Visit.location_id, VisitReferral.referral, func.count())
            .join(Visit, Visit.id == VisitReferral.visit_id)
            .where(visits)
            .group_by(v_month, Visit.location_id, VisitReferral.referral)
        ).all()
        self.visit_filter = visits
        handout_codes = self._read_movements(s, a, b, ids)
        self.codes = s.execute(
            union(
                select(v_month, Visit.location_id, Visit.participant).where(visits, Visit.participant.is_not(None)),
                handout_codes,
            )
        ).all()
        self.first_seen = self._first_seen({code for _, _, code in self.codes})

    def _read_movements(self, s, a: datetime, b: datetime, ids: tuple[int, ...]):
        """Handouts, receipts and disposals by (month, location, item); returns the query of the
        codes on handouts."""
        m_month = month_sql(s, Movement.occurred_at)
        # `location_id + 0`: the period is read through the time index. On the location (and item)
        # index SQLite walked every location's whole history: 0.36 s a query for a month of 2M
        # movements, 0.045 s this way.
        moves = and_(Movement.occurred_at >= a, Movement.occurred_at < b, (Movement.location_id + 0).in_(ids))
        # Reversals are dated as what they reverse: the sums are net of undone visits.
        # What went out, from the day changes kept with the ledger (a year: thousands of rows).
        d_month = month_sql(s, DayChange.day)
        self.handouts = s.execute(
            select(d_month, DayChange.location_id, DayChange.item_id, -func.sum(DayChange.change))
            .where(
                DayChange.kind == "handout",
                DayChange.day >= a.date(),
                DayChange.day < b.date(),
                DayChange.location_id.in_(ids),
            )
            .group_by(d_month, DayChange.location_id, DayChange.item_id)
        ).all()
        kind = func.coalesce(Source.kind, literal(NOT_RECORDED))  # one expression: PostgreSQL groups by it
        self.received = s.execute(
            select(m_month, Movement.location_id, kind, func.sum(Movement.quantity), Movement.item_id)
            .select_from(Movement)
            .outerjoin(Receipt, Receipt.id == Movement.receipt_id)
            .outerjoin(Source, Source.id == Receipt.source_id)
            .where(moves, Movement.type == "receive")
            .group_by(m_month, Movement.location_id, kind, Movement.item_id)
        ).all()
        reversed_as = aliased(Movement)  # a disposal's reversal carries no reason of its own
        self.disposed = s.execute(
            select(
                m_month,
                Movement.location_id,
                func.coalesce(reversed_as.reason, Movement.reason),
                Movement.quantity,
                Movement.item_id,
            )
            .select_from(Movement)
            .outerjoin(reversed_as, reversed_as.id == Movement.reverses_id)
            .where(moves, Movement.type == "dispose")
        ).all()
        # Codes on handouts: a handout and its reversal add up to nothing, so a code whose
        # handouts were all reversed (an undone visit, a line entered twice) is left out.
        return (
            select(m_month, Movement.location_id, Movement.participant)
            .where(moves, Movement.type == "handout", Movement.participant.is_not(None))
            .group_by(m_month, Movement.location_id, Movement.participant)
            .having(func.sum(Movement.quantity) < 0)
        )

    def _first_seen(self, codes: set[str]) -> dict[str, datetime]:
        """When each code was first seen anywhere (a kept visit or handout): new in the month of
        that day, returning after. One look-up per code on the code-and-time indexes, stopping at
        the first row (a few milliseconds for hundreds of codes; one query over them all took
        seconds)."""
        code = bindparam("code")
        visit = select(Visit.occurred_at).where(Visit.participant == code, Visit.undone_at.is_(None))
        handout = select(Movement.occurred_at).where(Movement.participant == code, *_kept_handout(Movement))
        visit = visit.order_by(Visit.occurred_at).limit(1)
        handout = handout.order_by(Movement.occurred_at).limit(1)
        conn = self.s.connection()  # Core: hundreds of one-row look-ups
        out = {}
        for c in codes:
            seen = [t for q in (visit, handout) if (t := conn.execute(q, {"code": c}).scalar()) is not None]
            out[c] = min(seen) if seen else self.a
        return out

    def expand_kits(self, items: dict) -> None:
        """`self.out`: what went out, (month, location, item, quantity, in a kit): each handout as
        it was, and for a kit also what is in it (a kit of kits is opened all the way down)."""
        recipes: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for kit, part, qty in self.s.execute(
            select(KitComponent.kit_id, KitComponent.component_id, KitComponent.quantity)
        ):
            recipes[kit].append((part, qty))
        self.out = []
        for month, loc, item, qty in self.handouts:
            self.out.append((month, loc, item, qty, False))
            stack = [(item, qty, 0)]
            while stack:
                kit, n, depth = stack.pop()
                for part, each in recipes.get(kit, ()) if depth < 5 else ():
                    self.out.append((month, loc, part, n * each, True))
                    stack.append((part, n * each, depth + 1))


def _kept_handout(m) -> tuple:
    """A handout neither reversed nor a reversal (an undone visit's handouts do not count). A
    reversal is told by its sign, not `reverses_id IS NULL`: SQLite would walk that index."""
    reversal = aliased(Movement)
    return (m.type == "handout", m.quantity < 0, ~exists().where(reversal.reverses_id == m.id))


def _add(report: ProgramReport, rows, value_of, measure_of) -> None:
    """Add grouped rows (month, location, …) into every column that covers them."""
    covering = report.covering()
    values = report.values
    for row in rows:
        value = value_of(row)
        if not value:
            continue
        measure, category = measure_of(row)
        for column in covering.get((row[0], row[1]), ()):
            key = (column, measure, category)
            values[key] = values.get(key, 0) + value


def _people(report: ProgramReport, facts: _Facts) -> list[Line]:
    for measure, n in (("visits", 2), ("anonymous_visits", 3)):
        _add(report, facts.visits, lambda r, n=n: r[n] or 0, lambda _r, m=measure: (m, ""))
    return [Line(QT_TR_NOOP("People"), tr(label), measure) for measure, label in PEOPLE]


def _distinct(report: ProgramReport, column: Column, facts: _Facts) -> None:
    codes = {code for month, loc, code in facts.codes if month in column.months and loc in column.location_ids}
    since = datetime.combine(column.first, time.min)
    new = sum(1 for code in codes if facts.first_seen[code] >= since)
    for measure, value in (
        ("unique_participants", len(codes)),
        ("new_participants", new),
        ("returning_participants", len(codes) - new),
    ):
        report.values[(_key(column), measure, "")] = value


def _ratios(report: ProgramReport, column: Column) -> None:
    """Syringes per participant and returned per syringe handed out: None where there is nothing
    to divide by (printed "—", not 0)."""
    k, v = _key(column), report.values
    out, people = v.get((k, "syringes_out", ""), 0), v.get((k, "unique_participants", ""), 0)
    v[(k, "syringes_per_participant", "")] = out / people if people else None
    v[(k, "return_ratio", "")] = v.get((k, "syringes_returned", ""), 0) / out if out else None


def _names(items: dict) -> dict[int, str]:
    """Each item's name as a category of the report: its name, with its SKU where two share it."""
    seen: dict[str, int] = defaultdict(int)
    for i in items.values():
        seen[i.name] += 1
    return {i.id: i.name if seen[i.name] == 1 else f"{i.name} ({i.sku})" for i in items.values()}


def _handouts(report: ProgramReport, facts: _Facts, items: dict) -> list[Line]:
    name = _names(items)
    # By category: kits as kits and what is in them in its own category; by item: as handed out.
    _add(report, facts.out, lambda r: r[3], lambda r: ("units_out", items[r[2]].category))
    in_kits = [r for r in facts.out if r[4]]
    _add(report, in_kits, lambda r: r[3], lambda r: ("units_out_in_kits", items[r[2]].category))
    _add(report, facts.handouts, lambda r: r[3], lambda r: ("units_out_item", name[r[2]]))
    given = {r[2] for r in facts.out if r[3]}
    shown = sorted((items[i] for i in given), key=lambda i: (i.category.lower(), i.name.lower()))
    direct = [i for i in shown if any(r[2] == i.id and r[3] for r in facts.handouts)]
    categories = sorted({i.category for i in shown}, key=str.lower)
    kit_categories = sorted({items[r[2]].category for r in in_kits if r[3]}, key=str.lower)
    section = QT_TR_NOOP("Handed out, by category")
    lines = [Line(section, c, "units_out", c) for c in categories]
    lines += [
        Line(section, tr("{category}: of them in kits").format(category=c), "units_out_in_kits", c)
        for c in kit_categories
    ]
    lines += [
        Line(QT_TR_NOOP("Handed out, by item"), with_unit(i.name, i.unit), "units_out_item", name[i.id]) for i in direct
    ]
    syringes = [r for r in facts.out if is_syringe(items[r[2]])]
    _add(report, syringes, lambda r: r[3], lambda _r: ("syringes_out", ""))
    _add(report, [r for r in syringes if r[4]], lambda r: r[3], lambda _r: ("syringes_out_in_kits", ""))
    _add(report, syringes, lambda r: r[3], lambda r: ("syringes_out", name[r[2]]))
    lines += [
        Line(QT_TR_NOOP("Syringes"), tr("Handed out (in kits too)"), "syringes_out"),
        Line(QT_TR_NOOP("Syringes"), tr("Handed out in kits"), "syringes_out_in_kits"),
    ]
    lines += [
        Line(QT_TR_NOOP("Syringes"), tr("Handed out: {name}").format(name=i.name), "syringes_out", name[i.id])
        for i in shown
        if is_syringe(i)
    ]
    returns = (("syringes_returned_counted", 4), ("syringes_returned_estimated", 5), ("syringes_returned_weighed", 8))
    for measure, n in returns:
        _add(report, facts.visits, lambda r, n=n: r[n] or 0, lambda _r, m=measure: (m, ""))
    _add(report, facts.visits, lambda r: sum(r[n] or 0 for _m, n in returns), lambda _r: ("syringes_returned", ""))
    _add(report, facts.visits, lambda r: r[6] or 0, lambda _r: ("secondary_reach", ""))
    lines += [
        Line(QT_TR_NOOP("Syringes"), tr("Returned (counted and estimated)"), "syringes_returned"),
        Line(QT_TR_NOOP("Syringes"), tr("Returned, counted"), "syringes_returned_counted"),
        Line(QT_TR_NOOP("Syringes"), tr("Returned, estimated"), "syringes_returned_estimated"),
        Line(QT_TR_NOOP("Syringes"), tr("Returned, estimated by weight"), "syringes_returned_weighed"),
        Line(QT_TR_NOOP("Syringes"), tr("People reached through secondary distribution"), "secondary_reach"),
        Line(QT_TR_NOOP("Syringes"), tr("Handed out per participant"), "syringes_per_participant"),
        Line(QT_TR_NOOP("Syringes"), tr("Returned for each one handed out"), "return_ratio"),
    ]
    strips = [i for i in shown if is_test_strip(i)]
    _add(
        report,
        [r for r in facts.out if is_test_strip(items[r[2]])],
        lambda r: r[3],
        lambda r: ("test_strips_out", name[r[2]]),
    )
    lines += [
        Line(QT_TR_NOOP("Drug checking"), tr("Test strips: {name}").format(name=i.name), "test_strips_out", name[i.id])
        for i in strips
    ]
    return lines


def _naloxone(report: ProgramReport, facts: _Facts, items: dict) -> list[Line]:
    kits = [r for r in facts.out if r[2] in facts.naloxone]
    _add(report, kits, lambda r: r[3], lambda _r: ("naloxone_kits_out", ""))
    _add(report, kits, lambda r: r[3] * (items[r[2]].doses or 1), lambda _r: ("naloxone_doses_out", ""))
    _add(report, kits, lambda r: r[3], lambda r: ("naloxone_by_form", naloxone_form(items[r[2]].name)))
    # Kits by the visit's reason: first kit, a refill's reason, or not recorded (the rest: a visit
    # with no reason, a handout imported without a visit).
    by_reason = _naloxone_by_reason(facts, sorted(facts.naloxone))
    _add(report, by_reason, lambda r: r[3], lambda r: _reason_measure(r[2]))
    for column in report.columns:
        key = _key(column)
        said = sum(v or 0 for (k, m, _c), v in report.values.items() if k == key and m in _REASONED)
        report.values[(key, "naloxone_not_recorded", "")] = max(
            0, report.values.get((key, "naloxone_kits_out", ""), 0) - said
        )
    _add(report, facts.visits, lambda r: r[7] or 0, lambda _r: ("reversals_reported", ""))
    offered = program.naloxone_reasons(facts.s)[1:]  # a reason no longer offered still shows
    reasons = offered + sorted({r[2] for r in by_reason} - {FIRST_KIT, *offered})
    return [
        Line(QT_TR_NOOP("Naloxone"), tr("Kits handed out"), "naloxone_kits_out"),
        Line(QT_TR_NOOP("Naloxone"), tr("Doses handed out"), "naloxone_doses_out"),
        *(
            Line(QT_TR_NOOP("Naloxone"), tr("Kits handed out: {form}").format(form=tr(f)), "naloxone_by_form", f)
            for f in NALOXONE_FORMS
        ),
        Line(QT_TR_NOOP("Naloxone"), tr("First kits"), "naloxone_first_kits"),
        *(
            Line(QT_TR_NOOP("Naloxone"), tr("Refills: {name}").format(name=tr(reason)), "naloxone_refills", reason)
            for reason in reasons
        ),
        Line(QT_TR_NOOP("Naloxone"), tr("Kits with no reason recorded"), "naloxone_not_recorded"),
        Line(QT_TR_NOOP("Naloxone"), tr("Overdose reversals reported"), "reversals_reported"),
    ]


_REASONED = {"naloxone_first_kits", "naloxone_refills"}


def _reason_measure(reason: str) -> tuple[str, str]:
    return ("naloxone_first_kits", "") if reason == FIRST_KIT else ("naloxone_refills", reason)


def _naloxone_by_reason(facts: _Facts, naloxone: list[int]) -> list[tuple]:
    """(month, location, reason, kits): kits handed out on visits by the visit's reason, net of
    lines reversed (a tally sheet puts one kit on each visit it gives a reason)."""
    if not naloxone:
        return []
    s, v_month = facts.s, month_sql(facts.s, Visit.occurred_at)
    original = aliased(Movement)  # a line reversed at the stock card: its reversal names no visit
    return [
        tuple(r)
        for r in s.execute(
            select(v_month, Visit.location_id, Visit.naloxone_reason, -func.sum(Movement.quantity))
            .select_from(Movement)
            .outerjoin(original, original.id == Movement.reverses_id)
            .join(Visit, Visit.id == func.coalesce(Movement.visit_id, original.visit_id))
            .where(
                facts.visit_filter,
                Visit.naloxone_reason.is_not(None),
                Movement.type == "handout",
                Movement.item_id.in_(naloxone),
            )
            .group_by(v_month, Visit.location_id, Visit.naloxone_reason)
        )
    ]


def _services(report: ProgramReport, facts: _Facts) -> list[Line]:
    _add(report, facts.referrals, lambda r: r[3], lambda r: ("referrals", r[2]))
    listed = list(program.get_in(facts.s, "referrals"))
    listed += sorted({r[2] for r in facts.referrals} - set(listed))
    return [Line(QT_TR_NOOP("Referrals"), tr(kind), "referrals", kind) for kind in listed]


def _cards(report: ProgramReport, facts: _Facts) -> list[Line]:
    s, month = facts.s, month_sql(facts.s, ClientCard.issued_at)
    rows = s.execute(
        select(month, ClientCard.location_id, func.count(), func.sum(case((ClientCard.number > 1, 1), else_=0)))
        .where(ClientCard.issued_at >= facts.a, ClientCard.issued_at < facts.b, ClientCard.location_id.in_(facts.ids))
        .group_by(month, ClientCard.location_id)
    ).all()
    for measure, n in (("cards_issued", 2), ("cards_replaced", 3)):
        _add(report, rows, lambda r, n=n: r[n] or 0, lambda _r, m=measure: (m, ""))
    return [Line(QT_TR_NOOP("Client cards"), tr(label), measure) for measure, label in CARDS]


def _supply(report: ProgramReport, facts: _Facts, items: dict, s, b: datetime) -> list[Line]:
    """Received and disposed per category (never syringes and naloxone kits in one sum), by
    source and by reason, and the stock at the end."""
    cat = lambda r: items[r[4]].category  # noqa: E731
    reason = lambda r: (r[2] or "other").split(":")[0].strip()  # noqa: E731 - "expired: note" → expired
    _add(report, facts.received, lambda r: r[3], lambda r: ("received", cat(r)))
    _add(report, facts.received, lambda r: r[3], lambda r: ("received_by_source", f"{r[2]}: {cat(r)}"))
    _add(report, facts.disposed, lambda r: -r[3], lambda r: ("disposed", cat(r)))
    _add(report, facts.disposed, lambda r: -r[3], lambda r: ("disposed_by_reason", f"{reason(r)}: {cat(r)}"))
    kinds = list(SOURCE_KINDS)
    kinds += sorted({r[2] for r in facts.received} - set(kinds))
    reasons = ["expired", "damaged", "recalled"]
    reasons += sorted({reason(r) for r in facts.disposed} - set(reasons))
    moved = [r for r in (*facts.received, *facts.disposed) if r[3]]
    categories = sorted({cat(r) for r in moved}, key=str.lower)
    received_cats = sorted({cat(r) for r in facts.received if r[3]}, key=str.lower)
    disposed_cats = sorted({cat(r) for r in facts.disposed if r[3]}, key=str.lower)
    by_source = [(k, c) for c in categories for k in kinds if any(r[2] == k and cat(r) == c for r in facts.received)]
    by_reason = [
        (x, c) for c in categories for x in reasons if any(reason(r) == x and cat(r) == c for r in facts.disposed)
    ]
    for column in report.columns:
        key = _key(column)
        for c in categories:
            received = report.values.get((key, "received", c), 0)
            disposed = report.values.get((key, "disposed", c), 0)
            report.values[(key, "disposed_share", c)] = disposed / received if received else None
    # Stock at the end of the period, per category: in the total and per location (the months'
    # table shows it in its total column, which is the same column).
    at_end: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (loc, item, _lot), qty in balances_at(s, b).items():
        if loc in facts.ids:
            at_end[loc][items[item].category] += qty
    held = sorted({c for per in at_end.values() for c, q in per.items() if q}, key=str.lower)
    for column in report.places or [report.total()]:
        for category in held:
            key = (_key(column), "stock_end", category)
            report.values[key] = sum(at_end[loc][category] for loc in column.location_ids)
    section = QT_TR_NOOP("Supply")
    return [
        *(Line(section, tr("Received: {name}").format(name=c), "received", c) for c in received_cats),
        *(
            Line(
                section,
                tr("Received from {kind}: {name}").format(kind=tr(k), name=c),
                "received_by_source",
                f"{k}: {c}",
            )
            for k, c in by_source
        ),
        *(Line(section, tr("Disposed: {name}").format(name=c), "disposed", c) for c in disposed_cats),
        *(
            Line(
                section,
                tr("Disposed ({reason}): {name}").format(reason=tr(x, "stock"), name=c),
                "disposed_by_reason",
                f"{x}: {c}",
            )
            for x, c in by_reason
        ),
        *(
            Line(section, tr("Disposed, share of what was received: {name}").format(name=c), "disposed_share", c)
            for c in categories
        ),
        *(Line(section, tr("Stock at the end: {name}").format(name=c), "stock_end", c) for c in held),
    ]


def _weeks(report: ProgramReport, facts: _Facts, items: dict) -> list[tuple[str, dict[str, int]]]:
    """One month's main figures by week (weeks start on Monday, clipped to the period)."""
    s, start, end = facts.s, report.start, report.end
    weeks: list[tuple[date, date]] = []
    day = start
    while day <= end:
        last = min(end, day + timedelta(days=6 - day.weekday()))
        weeks.append((day, last))
        day = last + timedelta(days=1)

    def week_of(when) -> int:
        d = when if isinstance(when, date) and not isinstance(when, datetime) else when.date()
        return next(n for n, (a, b) in enumerate(weeks) if a <= d <= b)

    figures = [defaultdict(int) for _ in weeks]
    people: list[set[str]] = [set() for _ in weeks]
    for at, code, reversals in s.execute(
        select(Visit.occurred_at, Visit.participant, Visit.reversals_reported).where(facts.visit_filter)
    ):
        n = week_of(at)
        figures[n]["visits"] += 1
        figures[n]["reversals_reported"] += reversals or 0
        if code:
            people[n].add(code)
    for at, code in s.execute(
        select(Movement.occurred_at, Movement.participant).where(
            Movement.occurred_at >= facts.a,
            Movement.occurred_at < facts.b,
            (Movement.location_id + 0).in_(facts.ids),
            Movement.participant.is_not(None),
            *_kept_handout(Movement),
        )
    ):
        people[week_of(at)].add(code)
    naloxone = sorted(facts.naloxone)
    if naloxone:
        for day, qty in s.execute(
            select(DayChange.day, -func.sum(DayChange.change))
            .where(
                DayChange.kind == "handout",
                DayChange.day >= start,
                DayChange.day <= end,
                DayChange.location_id.in_(facts.ids),
                DayChange.item_id.in_(naloxone),
            )
            .group_by(DayChange.day)
        ):
            figures[week_of(day)]["naloxone_kits_out"] += qty or 0
    for n, codes in enumerate(people):
        figures[n]["unique_participants"] = len(codes)
    return [(f"{a:%b} {a.day}–{b.day}" if a != b else f"{a:%b} {a.day}", dict(f)) for (a, b), f in zip(weeks, figures)]


def _hidden(report: ProgramReport) -> dict[tuple[str, str, str], str]:
    """The people figures to hide outside: every count of 1 to 4, and whatever else would let
    one be worked back (see services/suppression.py), over every figure published together."""
    cells = {}
    for column in report.columns:
        for measure in SUPPRESSED:
            cells[(_key(column), measure, "")] = int(report.values.get((_key(column), measure, ""), 0))
    relations = []
    R = suppression.Relation
    u, n, r = "unique_participants", "new_participants", "returning_participants"
    for column in report.columns:
        k = _key(column)
        relations.append(R("sum", (k, u, ""), ((k, n, ""), (k, r, ""))))
    # A column and its parts: the locations of a period, the months of a place.
    by_period = report.by_period()
    for _period, columns in by_period:
        whole, parts = columns[-1], columns[:-1]
        if parts:
            for m in (u, n, r):
                relations.append(R("distinct", (_key(whole), m, ""), tuple((_key(p), m, "") for p in parts)))
    places = {c.location: c for _p, columns in by_period[:1] for c in columns}
    for location, whole in places.items():
        parts = [c for _p, columns in by_period[1:] for c in columns if c.location == location]
        if not parts:
            continue
        wk, pk = _key(whole), [_key(p) for p in parts]
        relations.append(R("distinct", (wk, u, ""), tuple((p, u, "") for p in pk)))
        # A person new in the period is new in exactly one month of it program-wide, so there the
        # months add up; at one place they may be new in none of its months (first seen elsewhere).
        # Someone returning in the period returns in each month they come; new in October, they
        # return in November too.
        relations.append(R("sum" if location == "ALL" else "at_least", (wk, n, ""), tuple((p, n, "") for p in pk)))
        relations.append(R("at_most", (wk, r, ""), tuple((p, r, "") for p in pk)))
    hidden = suppression.suppress(cells, relations)
    for k, measure, category in list(hidden):  # per participant would give the count back
        if measure == "unique_participants":
            hidden[(k, "syringes_per_participant", category)] = "*"
    return hidden
