"""Reconciliation: for a period, every unit from opening to closing explained by type."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time

from sqlalchemy import case, func, select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.i18n import period as i18n_period
from hrsupply.models import DayChange, Item, Location, Lot, Movement
from hrsupply.services.catalog import location_by_code
from hrsupply.services.changes import balances_at, effects
from hrsupply.services.report import Column, Report
from hrsupply.services.stock import check_period, end_of
from hrsupply.steps import Steps, step


@dataclass(frozen=True)
class ReconcileLine:
    location: str
    sku: str
    name: str
    opening: int
    received: int
    transferred_in: int
    handed_out: int
    transferred_out: int
    disposed: int
    adjusted: int
    count_variance: int
    closing: int


COLUMNS = [f.name for f in fields(ReconcileLine)]
OUTFLOWS = ("handed_out", "transferred_out", "disposed")


def _buckets(eff) -> dict:
    """Which ledger lines make up each column. The movement row's own location is the "out" side
    of a transfer; its destination is the "in" side."""
    out_side = eff.c.location_id == eff.c.origin
    return {
        "received": eff.c.type == "receive",
        "handed_out": eff.c.type == "handout",
        "transferred_out": (eff.c.type == "transfer") & out_side,
        "transferred_in": (eff.c.type == "transfer") & ~out_side,
        "disposed": eff.c.type == "dispose",
        "adjusted": eff.c.type == "adjust",
        "count_variance": eff.c.type == "count",
    }


# Each column's kinds of day change (services/changes.py, day_kind).
DAY_KINDS = {
    "received": ("receive",),
    "handed_out": ("handout",),
    "transferred_out": ("transfer_out",),
    "transferred_in": ("transfer_in",),
    "disposed": ("dispose",),
    "adjusted": ("adjust", "kit"),
    "count_variance": ("count",),
}


def reconcile(
    db: Database, start: date, end: date, *, location: str | None = None, steps: Steps | None = None
) -> list[ReconcileLine]:
    """Both dates inclusive. closing = opening + received + transferred_in − handed_out
    − transferred_out − disposed + adjusted + count_variance = on hand at the end of `end`.
    `steps` hears the two reads and may cancel between them."""
    check_period(start, end)
    hi = end_of(end)
    with db.read() as session:
        loc_id = location_by_code(session, location).id if location else None
        step(steps, 0, 2, tr("Reading the balances…"))
        closing: dict[tuple[int, int], int] = {}
        for (loc, item, _lot), qty in balances_at(session, hi, loc_id).items():
            closing[(loc, item)] = closing.get((loc, item), 0) + qty
        # The period's flows from the day changes kept with the ledger: a month is a few
        # thousand rows however busy the program, not every movement in it.
        kind_sums = {
            name: func.sum(case((DayChange.kind.in_(kinds), DayChange.change), else_=0))
            for name, kinds in DAY_KINDS.items()
        }
        here = [DayChange.location_id == loc_id] if loc_id else []
        step(steps, 1, 2, tr("Adding up the period's movements…"))
        moved = {
            (r.location_id, r.item_id): r
            for r in session.execute(
                select(DayChange.location_id, DayChange.item_id, *(v.label(k) for k, v in kind_sums.items()))
                .where(DayChange.day >= start, DayChange.day <= end, *here)
                .group_by(DayChange.location_id, DayChange.item_id)
            )
        }
        buckets = DAY_KINDS
        locs = dict(session.execute(select(Location.id, Location.code)).all())
        items = {r.id: r for r in session.execute(select(Item.id, Item.sku, Item.name))}
    lines = []
    for key in closing.keys() | moved.keys():
        r = moved.get(key)
        v = {name: (getattr(r, name) or 0) if r else 0 for name in buckets}
        end_qty = closing.get(key, 0)
        opening = end_qty - sum(v.values())
        for name in OUTFLOWS:  # outflows read as positive
            v[name] = -v[name]
        if not (opening or end_qty or any(v.values())):
            continue
        loc_id, item_id = key
        lines.append(
            ReconcileLine(locs[loc_id], items[item_id].sku, items[item_id].name, opening=opening, closing=end_qty, **v)
        )
    lines.sort(key=lambda l: (l.location, l.sku))
    return lines


# ---- drill-down --------------------------------------------------------------------------
@dataclass(frozen=True)
class BehindLine:
    """One ledger line behind a reconciliation figure, in that column's sense: the lines of a
    cell add up to the cell."""

    id: int
    occurred_at: datetime
    type: str
    lot: str | None
    quantity: int
    counterpart: str | None  # the other location of a transfer
    reason: str | None
    reference: str | None
    recorded_by: str
    reversal: bool


def behind(db: Database, start: date, end: date, location: str, sku: str, column: str) -> list[BehindLine]:
    """The movements behind one cell of `reconcile` (not opening or closing: those are balances)."""
    check_period(start, end)
    lo, hi = datetime.combine(start, time.min), end_of(end)
    with db.read() as session:
        loc_id = location_by_code(session, location).id
        item_id = session.scalar(select(Item.id).where(Item.sku == sku))
        if item_id is None:
            raise UserError(tr("there is no item {sku!r}").format(sku=sku))
        m = Movement
        eff = effects(
            m.occurred_at >= lo,
            m.occurred_at < hi,
            m.item_id == item_id,
            location_id=loc_id,
            columns=[
                m.location_id.label("origin"),
                m.to_location_id.label("dest"),
                m.reason,
                m.reference,
                m.recorded_by,
                m.reverses_id,
            ],
        )
        buckets = _buckets(eff)
        if column not in buckets:
            raise UserError(
                tr("{column} is a balance, not movements: open the stock card instead").format(column=column)
            )
        rows = session.execute(
            select(eff, Lot.lot_number)
            .outerjoin(Lot, Lot.id == eff.c.lot_id)
            .where(buckets[column])
            .order_by(eff.c.occurred_at, eff.c.id)
        ).all()
        codes = dict(session.execute(select(Location.id, Location.code)).all())
    sign = -1 if column in OUTFLOWS else 1
    return [
        BehindLine(
            r.id,
            r.occurred_at,
            r.type,
            r.lot_number,
            sign * r.delta,
            codes.get(r.dest if r.origin == loc_id else r.origin) if r.type == "transfer" else None,
            r.reason,
            r.reference,
            r.recorded_by,
            r.reverses_id is not None,
        )
        for r in rows
    ]


# ---- the printed and spreadsheet versions ------------------------------------------------
TITLES = {
    "location": QT_TR_NOOP("Location"),
    "sku": QT_TR_NOOP("SKU"),
    "name": QT_TR_NOOP("Item"),
    "opening": QT_TR_NOOP("Opening"),
    "received": QT_TR_NOOP("Received"),
    "transferred_in": QT_TR_NOOP("Transferred in"),
    "handed_out": QT_TR_NOOP("Handed out"),
    "transferred_out": QT_TR_NOOP("Transferred out"),
    "disposed": QT_TR_NOOP("Disposed"),
    "adjusted": QT_TR_NOOP("Adjusted"),
    "count_variance": QT_TR_NOOP("Count variance"),
    "closing": QT_TR_NOOP("Closing"),
}


def report(
    lines: list[ReconcileLine], *, program: str, start: date, end: date, place: str, units: dict[str, str]
) -> Report:
    """Every unit from opening to closing, totalled per unit (`units`: each SKU's); lines where a
    count found what the records do not explain are highlighted."""
    widths = {"location": 9, "sku": 14, "name": 26}
    columns = [
        Column(tr(TITLES[name]), "text", widths[name])
        if name in widths
        else Column(tr(TITLES[name]), "signed" if name in ("adjusted", "count_variance") else "int", 11, total=True)
        for name in COLUMNS
    ]
    rows = [[getattr(l, name) for name in COLUMNS] for l in lines]
    period = i18n_period(start, end)
    return Report(
        tr("Reconciliation"),
        f"{program} · {place} · {period}",
        columns,
        rows,
        highlight={n for n, l in enumerate(lines) if l.count_variance},
        units=[units.get(l.sku, "each") for l in lines],
        note=tr(
            "Closing = opening + received + transferred in − handed out − transferred out − disposed "
            "± adjusted ± count variance. Highlighted: a count found a difference the records do not "
            "explain."
        ),
    )
