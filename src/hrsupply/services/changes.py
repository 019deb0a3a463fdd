"""What the ledger keeps beside its movements: the signed change of each movement per location
(`effects`), the per-day and per-month changes (`day_changes`, `month_changes`, added in the
posting transaction), and balances as of any moment read from them (`balances_at`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from hrsupply.models import Balance, DayChange, MonthChange, Movement


def effects(*filters, location_id: int | None = None, columns=()):
    """The ledger as signed changes per location: one line per movement, plus a second line
    at the destination of each transfer. `filters` apply to both halves; `location_id` keeps the
    lines at that location (pushed into each half, so each can use its index)."""
    m = Movement
    here = ([m.location_id == location_id], [m.to_location_id == location_id]) if location_id else ([], [])
    out = select(
        m.location_id.label("location_id"),
        m.item_id,
        m.lot_id,
        m.quantity.label("delta"),
        m.occurred_at,
        m.type,
        m.id,
        *columns,
    ).where(*filters, *here[0])
    into = select(
        m.to_location_id.label("location_id"),
        m.item_id,
        m.lot_id,
        (-m.quantity).label("delta"),
        m.occurred_at,
        m.type,
        m.id,
        *columns,
    ).where(m.to_location_id.is_not(None), *filters, *here[1])
    return union_all(out, into).subquery("effects")


def month_of(at: datetime) -> str:
    return f"{at:%Y-%m}"


def month_sql(session: Session, column):
    """month_of in SQL: "YYYY-MM" of a timestamp column, on either database."""
    if session.bind.dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


KIT_REASONS = ("kit assembly", "kit break-down")  # an adjustment that is use (services/kits.py)


def day_kind(kind: str, reason: str | None) -> str:
    """A movement's kind in the day changes: its type; "kit" for an adjustment that assembled or
    broke down kits (use); a transfer is "transfer_out" at its origin (its destination's side is
    "transfer_in"), so a reconciliation tells what left from what came in on the same day."""
    if kind == "transfer":
        return "transfer_out"
    return "kit" if kind == "adjust" and reason in KIT_REASONS else kind


def add_changes(session: Session, rows) -> None:
    """Add movement rows (the pending dicts) to the per-month and per-day changes, in the caller's
    transaction (the write path holds the (location, item) locks, so two workstations never add to
    one row at once). A transfer changes both sides."""
    months: dict[tuple, int] = {}
    days: dict[tuple, int] = {}
    for r in rows:
        at, item, lot, qty = r["occurred_at"], r["item_id"], r["lot_id"], r["quantity"]
        sides = [(r["location_id"], qty, day_kind(r["type"], r.get("reason")))]
        if r.get("to_location_id"):
            sides.append((r["to_location_id"], -qty, "transfer_in"))
        for location, change, kind in sides:
            key = (month_of(at), location, item, lot)
            months[key] = months.get(key, 0) + change
            key = (at.date(), location, item, lot, kind)
            days[key] = days.get(key, 0) + change
    dialect, connection = session.bind.dialect.name, session.connection()
    month_rows = [
        dict(month=m, location_id=loc, item_id=item, lot_id=lot, lot_key=lot or 0, change=change)
        for (m, loc, item, lot), change in months.items()
        if change
    ]
    day_rows = [
        dict(day=d, location_id=loc, item_id=item, lot_id=lot, lot_key=lot or 0, kind=kind, change=change)
        for (d, loc, item, lot, kind), change in days.items()
        if change
    ]
    if month_rows:
        connection.execute(_upsert(dialect, MonthChange), month_rows)
    if day_rows:
        connection.execute(_upsert(dialect, DayChange), day_rows)


_UPSERTS: dict[tuple, object] = {}


def _upsert(dialect: str, model):
    """INSERT … ON CONFLICT DO UPDATE adding to the row's change, built once per database kind and
    table (building it on every visit cost more than running it). Core, not the ORM: its bulk
    insert splits a batch at each empty lot."""
    if (dialect, model) not in _UPSERTS:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as upsert
        else:
            from sqlalchemy.dialects.sqlite import insert as upsert
        table = model.__table__
        key = next(i for i in table.indexes if i.unique)
        stmt = upsert(table)
        _UPSERTS[(dialect, model)] = stmt.on_conflict_do_update(
            index_elements=[c.name for c in key.columns],
            set_={"change": table.c.change + stmt.excluded.change},
        )
    return _UPSERTS[(dialect, model)]


def _month_start(at: datetime) -> datetime:
    return datetime(at.year, at.month, 1)


def _next_month(at: datetime) -> datetime:
    return datetime(at.year + at.month // 12, at.month % 12 + 1, 1)


def _months(first: str, last: str) -> int:
    """Months from `first` to `last` ("YYYY-MM"), not counting `first`."""
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:])


def _forward(session: Session, cutoff: datetime, start: datetime, end: datetime) -> bool:
    """Whether adding up from the ledger's start reads fewer rows than taking back from today's
    balances: a month's changes or a day's are a row per item and place either way, so compare
    the months and days on each side. Last month's opening after five years is read one month
    back from today, not five years forward; a cutoff early in the history, forward."""
    here = month_of(cutoff)
    first = session.scalar(select(func.min(MonthChange.month)))  # one each: SQLite reads min and max
    last = session.scalar(select(func.max(MonthChange.month)))  # from the index only when alone
    if first is None:
        return (cutoff - start) <= (end - cutoff)
    before = max(0, _months(first, here)) + (cutoff - start).days
    after = 1 + max(0, _months(here, last)) + (end - cutoff).days  # 1: today's balances themselves
    return before <= after


def balances_at(
    session: Session, cutoff: datetime, location_id: int | None = None, item_ids: list[int] | None = None
) -> dict[tuple, int]:
    """On hand per (location, item, lot) just before `cutoff`.

    Forward: the months before the cutoff's month (`month_changes`), that month's whole days
    before the cutoff's day (`day_changes`), and that day's movements up to the cutoff. Backward,
    nearer the month's end: today's cached balances less the later months, the month's later
    days and the rest of the cutoff's day. Either way at most half a month of day changes and one
    day of movements are read, however old the ledger or the cutoff.
    """
    start, end = _month_start(cutoff), _next_month(cutoff)
    day = datetime.combine(cutoff.date(), datetime.min.time())
    forward = _forward(session, cutoff, start, end)
    sign = 1 if forward else -1
    mc, dc = MonthChange, DayChange
    totals: dict[tuple, int] = {}

    def add(q) -> None:
        for r in session.connection().execute(q):
            key = tuple(r[:3])
            totals[key] = totals.get(key, 0) + sign * r[3]

    def summed(model, column, *where):
        here = [model.location_id == location_id] if location_id else []
        items = [model.item_id.in_(item_ids)] if item_ids is not None else []
        keys = (model.location_id, model.item_id, model.lot_id)
        return select(*keys, func.sum(column)).where(*where, *here, *items).group_by(*keys)

    if forward:
        add(summed(mc, mc.change, mc.month < month_of(cutoff)))
        add(summed(dc, dc.change, dc.day >= start.date(), dc.day < day.date()))
        lo, hi = day, cutoff
    else:
        b = Balance  # an empty balance adds nothing (years of emptied lots)
        totals = {tuple(r[:3]): r[3] for r in session.connection().execute(summed(b, b.quantity, b.quantity != 0))}
        add(summed(mc, mc.change, mc.month > month_of(cutoff)))
        lo, hi = cutoff, day if cutoff == day else day + timedelta(days=1)
        add(summed(dc, dc.change, dc.day >= hi.date(), dc.day < end.date()))
    if lo < hi:  # part of the cutoff's day: its movements
        items = [Movement.item_id.in_(item_ids)] if item_ids is not None else []
        eff = effects(Movement.occurred_at >= lo, Movement.occurred_at < hi, *items, location_id=location_id)
        keys = (eff.c.location_id, eff.c.item_id, eff.c.lot_id)
        add(select(*keys, func.sum(eff.c.delta)).group_by(*keys))
    return totals
