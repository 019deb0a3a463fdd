"""The program report funders, the health department and the board ask for: people served, what
went out and came back, naloxone and reversals, referrals, and the supply side, for any period and
all locations or one. Counts only, never a participant code.

Every figure is read in a few grouped queries over the period (by month and location), then added
up per column in Python; distinct participants are counted per column from the distinct
(month, location, code) triples, never summed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, bindparam, case, exists, func, literal, select, union
from sqlalchemy.orm import aliased

from hrsupply.db import Database
from hrsupply.i18n import QT_TR_NOOP, long_date, month_year, period, tr
from hrsupply.models import DayChange, Item, Location, Movement, Receipt, Source, Visit, VisitReferral
from hrsupply.services import program
from hrsupply.services.catalog import LOCATION_KINDS, location_by_code, with_unit
from hrsupply.services.dashboard import is_naloxone
from hrsupply.services.ledger import balances_at, month_sql
from hrsupply.services.program import FIRST_KIT
from hrsupply.services.stock import check_period, end_of

NOT_RECORDED = "not recorded"  # receipts imported without a source
SMALL = 5  # a count of 1 to SMALL − 1 people at one location in one month is shown as "<5" outside

# (measure, what it is called in the report); the CSV's measure names are these keys.
PEOPLE = (
    ("visits", QT_TR_NOOP("Visits")),
    ("anonymous_visits", QT_TR_NOOP("Anonymous visits")),
    ("unique_participants", QT_TR_NOOP("Unique participants")),
    ("new_participants", QT_TR_NOOP("New participants")),
    ("returning_participants", QT_TR_NOOP("Returning participants")),
)
SUPPRESSED = {"unique_participants", "new_participants", "returning_participants"}
AT_END = {"stock_end"}


@dataclass(frozen=True)
class Column:
    """One column of figures: a month (or the whole period) at a location (or all)."""

    label: str
    months: tuple[str, ...]  # "2026-11"
    location_ids: tuple[int, ...]  # the locations it adds up
    location: str  # a location code, or "ALL"

    @property
    def one_month_one_place(self) -> bool:
        return len(self.months) == 1 and self.location != "ALL"


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
    values: dict[tuple[str, str, str], float] = field(default_factory=dict)  # (column label, measure, category)

    @property
    def columns(self) -> list[Column]:
        """Every column once (the total is in both tables)."""
        return list(dict.fromkeys(self.months + self.places))

    def value(self, column: Column, line: Line) -> float | None:
        """None where a figure is not kept: the stock at the end of a month inside the period."""
        return self.values.get((_key(column), line.measure, line.category), None if line.measure in AT_END else 0)

    def shown(self, column: Column, line: Line, *, outside: bool) -> str:
        """A figure as printed: "<5" for a few people at one place in one month, outside."""
        value = self.value(column, line)
        if value is None:
            return ""
        if outside and line.measure in SUPPRESSED and column.one_month_one_place and 0 < value < SMALL:
            return f"<{SMALL}"
        if isinstance(value, float):
            return f"{value:.1%}"
        return f"{value:,}"

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

    def long_rows(self) -> list[tuple[str, str, str, float]]:
        """(measure, category, location, value): the whole period, per location and ALL."""
        columns = self.places or [self.total()]
        rows = []
        for column in columns:
            for line in self.lines:
                rows.append((line.measure, line.category, column.location, self.value(column, line) or 0))
        return rows

    def chart(self) -> list[tuple[str, list[float]]]:
        """The main figures by month, for the line chart: (name, one value per month)."""
        months = [c for c in self.months if len(c.months) == 1]
        wanted = ("visits", "unique_participants", "naloxone_kits_out", "reversals_reported")
        found = {line.measure: line for line in self.lines if not line.category and line.measure in wanted}
        return [(found[m].label, [self.value(c, found[m]) for c in months]) for m in wanted if m in found]


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


def build(db: Database, start: date, end: date, location: str | None = None) -> ProgramReport:
    """The report for `start`..`end` (both inclusive) at `location` (a code) or all locations."""
    check_period(start, end)
    a, b = datetime.combine(start, time.min), end_of(end)
    with db.read() as s:
        places = s.execute(select(Location.id, Location.code, Location.name, Location.kind)).all()
        places.sort(key=lambda p: (LOCATION_KINDS.index(p.kind), p.code))  # sites, vans, then others
        if location:
            place = location_by_code(s, location)
            places = [p for p in places if p.id == place.id]
        ids = tuple(p.id for p in places)
        months = _months(start, end)
        month_keys = tuple(m for m, _, _ in months)
        everywhere = "ALL" if not location else places[0].code
        total = Column("Total", month_keys, ids, everywhere)
        month_columns = [Column(month_year(first, short=True), (m,), ids, everywhere) for m, first, _ in months]
        report = ProgramReport(
            start,
            end,
            tr("All locations") if not location else places[0].name,
            everywhere,
            (month_columns + [total]) if len(months) > 1 else [total],
            ([Column(p.code, month_keys, (p.id,), p.code) for p in places] + [total]) if not location else [],
            [],
        )
        facts = _Facts(s, a, b, ids)
        items = {i.id: i for i in s.execute(select(Item.id, Item.sku, Item.name, Item.category, Item.unit, Item.doses))}
        lines = _people(report, facts) + _handouts(report, facts, items) + _naloxone(report, facts, items)
        lines += _services(report, facts) + _supply(report, facts, items, s, b)
        report.lines = lines
        for column in report.columns:
            _distinct(report, column, facts)
    return report


class _Facts:
    """The period's figures grouped by (month, location): read once, added up per column."""

    def __init__(self, s, a: datetime, b: datetime, ids: tuple[int, ...]):
        self.s, self.a, self.b, self.ids = s, a, b, ids
        v_month, m_month = month_sql(s, Visit.occurred_at), month_sql(s, Movement.occurred_at)
        visits = and_(
            Visit.undone_at.is_(None), Visit.occurred_at >= a, Visit.occurred_at < b, Visit.location_id.in_(ids)
        )
        self.visits = s.execute(
            select(
                v_month,
                Visit.location_id,
                func.count(),
                func.sum(case((Visit.participant.is_(None), 1), else_=0)),
                func.sum(case((Visit.returned_estimated, 0), else_=Visit.syringes_returned)),
                func.sum(case((Visit.returned_estimated, Visit.syringes_returned), else_=0)),
                func.sum(Visit.collecting_for),
                func.sum(Visit.reversals_reported),
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
            select(m_month, Movement.location_id, kind, func.sum(Movement.quantity))
            .select_from(Movement)
            .outerjoin(Receipt, Receipt.id == Movement.receipt_id)
            .outerjoin(Source, Source.id == Receipt.source_id)
            .where(moves, Movement.type == "receive")
            .group_by(m_month, Movement.location_id, kind)
        ).all()
        reversed_as = aliased(Movement)  # a disposal's reversal carries no reason of its own
        self.disposed = s.execute(
            select(m_month, Movement.location_id, func.coalesce(reversed_as.reason, Movement.reason), Movement.quantity)
            .select_from(Movement)
            .outerjoin(reversed_as, reversed_as.id == Movement.reverses_id)
            .where(moves, Movement.type == "dispose")
        ).all()
        # Codes on handouts: a handout and its reversal add up to nothing, so a code whose
        # handouts were all reversed (an undone visit, a line entered twice) is left out.
        handout_codes = (
            select(m_month, Movement.location_id, Movement.participant)
            .where(moves, Movement.type == "handout", Movement.participant.is_not(None))
            .group_by(m_month, Movement.location_id, Movement.participant)
            .having(func.sum(Movement.quantity) < 0)
        )
        self.codes = s.execute(
            union(
                select(v_month, Visit.location_id, Visit.participant).where(visits, Visit.participant.is_not(None)),
                handout_codes,
            )
        ).all()
        seen = {code for _, _, code in self.codes}
        self.seen_before = self._seen_before(seen) if seen else set()

    def _seen_before(self, codes: set[str]) -> set[str]:
        """The codes seen anywhere before the period: they are returning, not new. One look-up
        per code on the code-and-time indexes, stopping at the first earlier visit or handout
        (a few milliseconds for hundreds of codes; one query over them all took seconds)."""
        code = bindparam("code")
        visit = select(Visit.id).where(Visit.participant == code, Visit.occurred_at < self.a, Visit.undone_at.is_(None))
        handout = select(Movement.id).where(Movement.participant == code, Movement.occurred_at < self.a)
        visit, handout = visit.limit(1), handout.where(*_kept_handout(Movement)).limit(1)
        conn = self.s.connection()  # Core: hundreds of one-row look-ups
        return {
            c for c in codes if conn.execute(visit, {"code": c}).first() or conn.execute(handout, {"code": c}).first()
        }


def _kept_handout(m) -> tuple:
    """A handout neither reversed nor a reversal (an undone visit's handouts do not count). A
    reversal is told by its sign, not `reverses_id IS NULL`: SQLite would walk that index."""
    reversal = aliased(Movement)
    return (m.type == "handout", m.quantity < 0, ~exists().where(reversal.reverses_id == m.id))


def _add(report: ProgramReport, rows, value_of, measure_of) -> None:
    """Add grouped rows (month, location, …) into every column that covers them."""
    columns = report.columns
    for row in rows:
        month, location = row[0], row[1]
        measure, category = measure_of(row)
        value = value_of(row)
        if not value:
            continue
        for column in columns:
            if month in column.months and location in column.location_ids:
                key = (_key(column), measure, category)
                report.values[key] = report.values.get(key, 0) + value


def _people(report: ProgramReport, facts: _Facts) -> list[Line]:
    for measure, n in (("visits", 2), ("anonymous_visits", 3)):
        _add(report, facts.visits, lambda r, n=n: r[n] or 0, lambda _r, m=measure: (m, ""))
    return [Line(QT_TR_NOOP("People"), tr(label), measure) for measure, label in PEOPLE]


def _distinct(report: ProgramReport, column: Column, facts: _Facts) -> None:
    codes = {code for month, loc, code in facts.codes if month in column.months and loc in column.location_ids}
    new = len(codes - facts.seen_before)
    for measure, value in (
        ("unique_participants", len(codes)),
        ("new_participants", new),
        ("returning_participants", len(codes) - new),
    ):
        report.values[(_key(column), measure, "")] = value


def _is_syringe(item) -> bool:
    return "syringe" in item.category.lower()


def _is_strip(item) -> bool:
    return "test strip" in item.category.lower() or "test strip" in item.name.lower()


def _is_naloxone(item) -> bool:
    """Home's rule (a naloxone category), or an item that counts doses."""
    return is_naloxone(item.category) or item.doses is not None


def _handouts(report: ProgramReport, facts: _Facts, items: dict) -> list[Line]:
    _add(report, facts.handouts, lambda r: r[3], lambda r: ("units_out", items[r[2]].category))
    _add(report, facts.handouts, lambda r: r[3], lambda r: ("units_out_item", items[r[2]].name))
    given = {r[2] for r in facts.handouts if r[3]}
    shown = sorted((items[i] for i in given), key=lambda i: (i.category.lower(), i.name.lower()))
    categories = sorted({i.category for i in shown}, key=str.lower)
    lines = [Line(QT_TR_NOOP("Handed out, by category"), c, "units_out", c) for c in categories]
    lines += [
        Line(QT_TR_NOOP("Handed out, by item"), with_unit(i.name, i.unit), "units_out_item", i.name) for i in shown
    ]
    lines += [
        Line(QT_TR_NOOP("Syringes"), tr("Handed out: {name}").format(name=i.name), "units_out_item", i.name)
        for i in shown
        if _is_syringe(i)
    ]
    for measure, n in (("syringes_returned_counted", 4), ("syringes_returned_estimated", 5)):
        _add(report, facts.visits, lambda r, n=n: r[n] or 0, lambda _r, m=measure: (m, ""))
    _add(report, facts.visits, lambda r: (r[4] or 0) + (r[5] or 0), lambda _r: ("syringes_returned", ""))
    _add(report, facts.visits, lambda r: r[6] or 0, lambda _r: ("secondary_reach", ""))
    lines += [
        Line(QT_TR_NOOP("Syringes"), tr("Returned (counted and estimated)"), "syringes_returned"),
        Line(QT_TR_NOOP("Syringes"), tr("Returned, counted"), "syringes_returned_counted"),
        Line(QT_TR_NOOP("Syringes"), tr("Returned, estimated"), "syringes_returned_estimated"),
        Line(QT_TR_NOOP("Syringes"), tr("People reached through secondary distribution"), "secondary_reach"),
    ]
    strips = [i for i in shown if _is_strip(i)]
    _add(
        report,
        [r for r in facts.handouts if _is_strip(items[r[2]])],
        lambda r: r[3],
        lambda r: ("test_strips_out", items[r[2]].name),
    )
    lines += [
        Line(QT_TR_NOOP("Drug checking"), tr("Test strips: {name}").format(name=i.name), "test_strips_out", i.name)
        for i in strips
    ]
    return lines


def _naloxone(report: ProgramReport, facts: _Facts, items: dict) -> list[Line]:
    kits = [r for r in facts.handouts if _is_naloxone(items[r[2]])]
    _add(report, kits, lambda r: r[3], lambda _r: ("naloxone_kits_out", ""))
    _add(report, kits, lambda r: r[3] * (items[r[2]].doses or 1), lambda _r: ("naloxone_doses_out", ""))
    _add(
        report,
        facts.reasons,
        lambda r: r[3],
        lambda r: ("naloxone_first_kits", "") if r[2] == FIRST_KIT else ("naloxone_refills", r[2]),
    )
    _add(report, facts.visits, lambda r: r[7] or 0, lambda _r: ("reversals_reported", ""))
    offered = program.naloxone_reasons(facts.s)[1:]  # a reason no longer offered still shows
    reasons = offered + sorted({r[2] for r in facts.reasons} - {FIRST_KIT, *offered})
    return [
        Line(QT_TR_NOOP("Naloxone"), tr("Kits handed out"), "naloxone_kits_out"),
        Line(QT_TR_NOOP("Naloxone"), tr("Doses handed out"), "naloxone_doses_out"),
        Line(QT_TR_NOOP("Naloxone"), tr("First kits"), "naloxone_first_kits"),
        *(
            Line(QT_TR_NOOP("Naloxone"), tr("Refills: {name}").format(name=tr(reason)), "naloxone_refills", reason)
            for reason in reasons
        ),
        Line(QT_TR_NOOP("Naloxone"), tr("Overdose reversals reported"), "reversals_reported"),
    ]


def _services(report: ProgramReport, facts: _Facts) -> list[Line]:
    _add(report, facts.referrals, lambda r: r[3], lambda r: ("referrals", r[2]))
    listed = list(program.get_in(facts.s, "referrals"))
    listed += sorted({r[2] for r in facts.referrals} - set(listed))
    return [Line(QT_TR_NOOP("Referrals"), tr(kind), "referrals", kind) for kind in listed]


def _supply(report: ProgramReport, facts: _Facts, items: dict, s, b: datetime) -> list[Line]:
    _add(report, facts.received, lambda r: r[3], lambda r: ("received", r[2]))
    reason = lambda r: (r[2] or "other").split(":")[0].strip()  # noqa: E731 - "expired: note" → expired
    _add(report, facts.disposed, lambda r: -r[3], lambda r: ("disposed", reason(r)))
    kinds = ["supplier", "donation", "state allocation", "clearinghouse"]
    kinds += sorted({r[2] for r in facts.received} - set(kinds))
    reasons = ["expired", "damaged", "recalled"]
    reasons += sorted({reason(r) for r in facts.disposed} - set(reasons))
    for column in report.columns:
        key = _key(column)
        received = sum(report.values.get((key, "received", k), 0) for k in kinds)
        disposed = sum(report.values.get((key, "disposed", r), 0) for r in reasons)
        report.values[(key, "received_total", "")] = received
        report.values[(key, "disposed_total", "")] = disposed
        report.values[(key, "disposed_share", "")] = disposed / received if received else 0.0
    # Stock at the end of the period, per category: in the total and per location (the months'
    # table shows it in its total column, which is the same column).
    at_end: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (loc, item, _lot), qty in balances_at(s, b).items():
        if loc in facts.ids:
            at_end[loc][items[item].category] += qty
    categories = sorted({c for per in at_end.values() for c, q in per.items() if q}, key=str.lower)
    for column in report.places or [report.total()]:
        for category in categories:
            key = (_key(column), "stock_end", category)
            report.values[key] = sum(at_end[loc][category] for loc in column.location_ids)
    return [
        *(Line(QT_TR_NOOP("Supply"), tr("Received: {name}").format(name=k), "received", k) for k in kinds),
        Line(QT_TR_NOOP("Supply"), tr("Received, all sources"), "received_total"),
        *(Line(QT_TR_NOOP("Supply"), tr("Disposed: {name}").format(name=tr(r)), "disposed", r) for r in reasons),
        Line(QT_TR_NOOP("Supply"), tr("Disposed, all reasons"), "disposed_total"),
        Line(QT_TR_NOOP("Supply"), tr("Disposed, share of what was received"), "disposed_share"),
        *(
            Line(QT_TR_NOOP("Supply"), tr("Stock at the end: {name}").format(name=c), "stock_end", c)
            for c in categories
        ),
    ]
