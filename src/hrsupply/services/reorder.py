"""Reorder suggestions: what each item's use says to order, per location or for the whole program.

AMC (average monthly consumption) looks back a number of whole months and is corrected for the
days the item was out: use × days / (days − stockout days). Months of stock = on hand / AMC.
The target is the highest of par, minimum and target months × AMC; the suggestion brings on hand
plus on order up to it, rounded up to whole order packs.
"""

from __future__ import annotations

import math
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import String, exists, func, literal, or_, select, type_coerce

from hrsupply.db import Database
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.i18n import period as i18n_period
from hrsupply.models import DayChange, Item, KitComponent, Location, Lot, Movement, PackSize, ParLevel, Source
from hrsupply.services import expiry, program
from hrsupply.services.catalog import location_by_code
from hrsupply.services.changes import balances_at
from hrsupply.services.purchase_orders import on_order
from hrsupply.services.report import Column, Report
from hrsupply.services.stock import minimum_here
from hrsupply.services.usable import usable, usable_stock

STATUSES = (
    QT_TR_NOOP("stocked out"),
    QT_TR_NOOP("below minimum"),
    QT_TR_NOOP("reorder"),
    "OK",
    QT_TR_NOOP("overstocked"),
)


# ---- the formulas ------------------------------------------------------------------------
def amc(used: int, months: int, days: int, stockout_days: int, carried_days: int | None = None) -> float:
    """Average monthly use, corrected for days out of stock: use per day in stock, times the days
    in a month of the look-back. `carried_days` (default: all `days`) are the days the item was
    stocked here at all. When it was out every day the correction has nothing to stand on, so
    the plain average is used."""
    if months <= 0 or days <= 0:
        return 0.0
    in_stock = (days if carried_days is None else carried_days) - stockout_days
    if in_stock <= 0:
        return used / months
    return used * days / in_stock / months


def months_of_stock(on_hand: int, monthly: float) -> float | None:
    """None when nothing is used: the stock lasts indefinitely."""
    return on_hand / monthly if monthly > 0 else None


def target(par: int | None, minimum: int | None, monthly: float, target_months: int) -> int:
    return max(par or 0, minimum or 0, math.ceil(monthly * target_months - 1e-9))


def suggested_packs(target_units: int, on_hand: int, on_order_units: int, pack_units: int) -> int:
    """Whole packs that bring on hand + on order up to the target (never below zero)."""
    need = target_units - max(on_hand, 0) - on_order_units
    return math.ceil(need / pack_units) if need > 0 else 0


def status(on_hand: int, minimum: int | None, packs: int, months: float | None, overstock_months: int) -> str:
    if on_hand <= 0:
        return "stocked out"
    if minimum is not None and on_hand < minimum:
        return "below minimum"
    if packs > 0:
        return "reorder"
    if months is not None and months > overstock_months:
        return "overstocked"
    return "OK"


def months_back(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(y, m + 1, min(day.day, monthrange(y, m + 1)[1]))


# ---- the view ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ReorderLine:
    item_id: int
    sku: str
    name: str
    category: str
    unit: str
    on_hand: int  # usable: expired units are not stock to plan with
    on_order: int
    used: int  # in the look-back window
    stockout_days: int
    amc: float
    months_of_stock: float | None
    minimum: int | None
    par: int | None
    target: int
    status: str
    pack: str | None  # the order pack's name; None: single units
    pack_units: int
    packs: int  # suggested
    source_id: int | None
    source: str | None
    kit: bool = False  # assembled here from its components, not ordered
    expired: int = 0  # on the shelf past expiry, to dispose of; not in on_hand
    expiring: int = 0  # of on_hand, units expiring within the expiry window

    @property
    def suggested(self) -> int:
        return self.packs * self.pack_units


@dataclass(frozen=True)
class ReorderView:
    location: str | None  # None: the whole program
    start: date
    end: date  # exclusive: today is not over yet
    months: int
    target_months: int
    lines: list[ReorderLine]
    recorded_days: int | None = None  # when the history is shorter than the look-back

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def use_label(self) -> str:
        if self.recorded_days is not None:
            return tr("use over the {days} days recorded").format(days=self.recorded_days)
        return tr("use over {months} months").format(months=self.months)


def suggestions(
    db: Database,
    *,
    location: str | None = None,
    months: int | None = None,
    target_months: int | None = None,
    today: date | None = None,
) -> ReorderView:
    """One line per active item the location stocks, uses, orders or has a level for (every
    active item for the whole program), sorted by urgency then name."""
    today = today or date.today()
    with db.read() as s:
        lookback, target_default, overstock, window = program.get_all_in(
            s, "reorder_lookback_months", "target_months", "overstock_months", "expiry_window_days"
        )
        months, target_months = months or lookback, target_months or target_default
        start = months_back(today, months)
        lo, hi = datetime.combine(start, time.min), datetime.combine(today, time.min)
        days = (today - start).days
        loc = location_by_code(s, location) if location else None
        loc_id = loc.id if loc else None
        items = {i.id: i for i in s.scalars(select(Item).where(Item.active.is_(True)))}
        on_hand, expired = _on_hand(s, today, loc_id)
        used, stockout, carried = _use(s, loc_id, list(items), lo, hi, days)
        ordered = on_order(s, loc_id)
        pars, mins = _levels(s, loc, items)
        packs = {(p.item_id, p.name.lower()): p.units for p in s.scalars(select(PackSize))}
        sources = dict(s.execute(select(Source.id, Source.name)).all())
        kits = set(s.scalars(select(KitComponent.kit_id)))
    soon = _expiring_soon(db, window, today, loc_id)
    lines = []
    for item_id, item in items.items():
        have, due, use = on_hand.get(item_id, 0), ordered.get(item_id, 0), used.get(item_id, 0)
        par, minimum = pars.get(item_id), mins.get(item_id)
        if loc_id and not (have or due or use or par or minimum or expired.get(item_id)):
            continue
        out_days = stockout.get(item_id, 0)
        monthly = amc(use, months, days, out_days, carried.get(item_id, 0))
        mos = months_of_stock(have, monthly)
        goal = target(par, minimum, monthly, target_months)
        pack = item.order_pack if item.order_pack and (item_id, item.order_pack.lower()) in packs else None
        units = packs[(item_id, pack.lower())] if pack else 1
        n = suggested_packs(goal, have, due, units)
        lines.append(
            ReorderLine(
                item_id,
                item.sku,
                item.name,
                item.category,
                item.unit,
                have,
                due,
                use,
                out_days,
                monthly,
                mos,
                minimum,
                par,
                goal,
                status(have, minimum, n, mos, overstock),
                pack,
                units,
                n,
                item.default_source_id,
                sources.get(item.default_source_id),
                kit=item_id in kits,
                expired=expired.get(item_id, 0),
                expiring=soon.get(item_id, 0),
            )
        )
    lines.sort(key=lambda l: (STATUSES.index(l.status), l.category, l.name))
    longest = max(carried.values(), default=0)
    return ReorderView(
        location, start, today, months, target_months, lines, recorded_days=longest if longest < days else None
    )


def _on_hand(s, today: date, loc_id: int | None) -> tuple[dict[int, int], dict[int, int]]:
    """Usable and expired units per item."""
    on_hand: dict[int, int] = {}
    expired: dict[int, int] = {}
    for (_, item_id), u in usable_stock(s, today, location_id=loc_id).items():
        on_hand[item_id] = on_hand.get(item_id, 0) + u.usable
        expired[item_id] = expired.get(item_id, 0) + u.expired
    return on_hand, expired


def _expiring_soon(db: Database, window: int, today: date, loc_id: int | None) -> dict[int, int]:
    """Usable units per item in lots expiring within the expiry window."""
    soon: dict[int, int] = {}
    for lot in expiry.expiring(db, within_days=window, today=today, location_id=loc_id):
        if not lot.expired:
            soon[lot.item_id] = soon.get(lot.item_id, 0) + lot.quantity
    return soon


def _use(s, loc_id: int | None, item_ids: list[int], lo: datetime, hi: datetime, days: int) -> tuple[dict, dict, dict]:
    """Units used per item in [lo, hi), the days each was out, and the days each was carried.

    A day is out when it ended with no usable stock, counted only once the item was first stocked
    here (before that it was not carried, not out). An item with any record here before the
    window was carried all along.

    Use is handouts plus what went into kits. At one location it also counts what it sent to
    other locations net of what came back (the site stocks the van); for the whole program
    transfers cancel out."""
    kits = set(s.scalars(select(KitComponent.kit_id)))
    # The day changes kept with the ledger, summed in SQL: what was used (a few rows an item) and
    # each day's net change of each item and lot (a few thousand rows for three months).
    dc = DayChange
    window = [dc.day >= lo.date(), dc.day < hi.date(), *([dc.location_id == loc_id] if loc_id is not None else [])]
    transfers = ("transfer_in", "transfer_out")
    kinds = ("handout", "kit", *(transfers if loc_id is not None else ()))
    conn = s.connection()  # Core: thousands of plain rows, no ORM layer over each
    used: dict[int, int] = {}
    sent: dict[int, int] = {}
    use = select(dc.item_id, dc.kind, func.sum(dc.change)).where(*window, dc.kind.in_(kinds))
    for item_id, kind, delta in conn.execute(use.group_by(dc.item_id, dc.kind)):
        if kind in transfers:
            sent[item_id] = sent.get(item_id, 0) - delta  # out is negative here, back in positive
        elif kind == "handout" or item_id not in kits:
            used[item_id] = used.get(item_id, 0) - delta
    moved = [dc.kind.not_in(transfers)] if loc_id is None else []  # program-wide a transfer moves nothing
    day = type_coerce(dc.day, String)  # "YYYY-MM-DD" as stored: no date object made per row
    daily: dict[int, dict[str, dict[int | None, int]]] = {}  # item -> "YYYY-MM-DD" -> lot -> change
    for item_id, lot_id, on, delta in conn.execute(
        select(dc.item_id, dc.lot_id, day, func.sum(dc.change))
        .where(*window, *moved)
        .group_by(dc.item_id, dc.lot_id, dc.day)
    ):
        daily.setdefault(item_id, {}).setdefault(str(on), {})[lot_id] = delta
    for item_id, net in sent.items():
        used[item_id] = used.get(item_id, 0) + max(net, 0)
    opening: dict[int, dict[int | None, int]] = {}
    for (_loc, item_id, lot), qty in balances_at(s, lo, loc_id, item_ids if loc_id is not None else None).items():
        if qty:  # years of emptied lots: nothing to add up day by day
            opening.setdefault(item_id, {})[lot] = opening.get(item_id, {}).get(lot, 0) + qty
    lot_ids = {lot for lots in opening.values() for lot in lots} | {
        lot for by_day in daily.values() for lots in by_day.values() for lot in lots
    }
    lot_ids.discard(None)
    expiry = dict(s.execute(select(Lot.id, Lot.expiry).where(Lot.id.in_(lot_ids))).all()) if lot_ids else {}
    before = _carried_before(s, loc_id, lo)
    first = lo.date()
    on_days = [first + timedelta(days=n) for n in range(days)]
    keys = [on.isoformat() for on in on_days]
    lapsing: dict[date, list[int]] = {}  # a lot is usable through its expiry: it lapses the day after
    for lot, when in expiry.items():
        if when is not None and first < when + timedelta(days=1) < hi.date():
            lapsing.setdefault(when + timedelta(days=1), []).append(lot)
    stockout: dict[int, int] = {}
    carried: dict[int, int] = {}
    for item_id in opening.keys() | daily.keys() | before:
        lots, moves = dict(opening.get(item_id, {})), daily.get(item_id, {})
        stocked, out, carried_days = item_id in before, 0, 0
        have = sum(q for lot, q in lots.items() if usable(expiry.get(lot), first))
        for on, key in zip(on_days, keys):  # "have" kept as it goes: the walk is days, not days × lots
            for lot in lapsing.get(on, ()):
                have -= lots.get(lot, 0)
            for lot, delta in moves.get(key, {}).items():
                lots[lot] = lots.get(lot, 0) + delta
                if usable(expiry.get(lot), on):
                    have += delta
            stocked = stocked or have > 0
            if stocked:
                carried_days += 1
                out += have <= 0
        stockout[item_id], carried[item_id] = out, carried_days
    return used, stockout, carried


def _carried_before(s, loc_id: int | None, lo: datetime) -> set[int]:
    """Items with any record here (anywhere, for the program) before `lo`: one index seek per
    item and location, not a scan of the years before."""
    m = Movement
    pairs = select(Item.id, Location.id.label("loc")).join(Location, literal(True)).subquery()
    here = [] if loc_id is None else [pairs.c.loc == loc_id]
    at_loc = exists().where(m.location_id == pairs.c.loc, m.item_id == pairs.c.id, m.occurred_at < lo)
    into = exists().where(m.to_location_id == pairs.c.loc, m.item_id == pairs.c.id, m.occurred_at < lo)
    return set(s.scalars(select(pairs.c.id).where(*here, or_(at_loc, into)).distinct()))


def _levels(s, loc: Location | None, items: dict) -> tuple[dict, dict]:
    """Par and minimum per item: the location's own, or the sum over every location."""
    q = select(ParLevel)
    if loc is not None:
        q = q.where(ParLevel.location_id == loc.id)
    levels = {(p.location_id, p.item_id): p for p in s.scalars(q)}
    pars: dict[int, int] = {}
    mins: dict[int, int] = {}
    for place in [loc] if loc is not None else list(s.scalars(select(Location))):
        for item_id, item in items.items():
            own = levels.get((place.id, item_id))
            if own is not None:
                pars[item_id] = pars.get(item_id, 0) + own.par
            minimum = minimum_here(own.min if own else None, item.reorder_point, place.kind)
            if minimum is not None:
                mins[item_id] = mins.get(item_id, 0) + minimum
    return pars, mins


# ---- the order sheet ----------------------------------------------------------------------
def order_sheet(view: ReorderView, *, program: str, place: str, only_to_order: bool = False) -> Report:
    """The suggestions as a sheet to order from; stocked-out and below-minimum lines highlighted."""
    lines = [l for l in view.lines if l.packs] if only_to_order else view.lines
    columns = [
        Column(tr("Item"), "text", 20),
        Column(tr("SKU"), "text", 13),
        Column(tr("Source"), "text", 14),
        Column(tr("Status"), "text", 11),
        Column(tr("Usable on hand"), "int", 8),
        Column(tr("Expired"), "int", 9),
        Column(tr("Expiring soon"), "int", 9),
        Column(tr("On order"), "int", 8),
        Column(
            tr("Used ({days} days)").format(days=view.recorded_days)
            if view.recorded_days is not None
            else tr("Used ({months} mo)").format(months=view.months),
            "int",
            8,
        ),
        Column(tr("Days out"), "int", 6),
        Column(tr("AMC"), "decimal", 10),
        Column(tr("Months of stock"), "decimal", 8),
        Column(tr("Min"), "int", 7),
        Column(tr("Par"), "int", 7),
        Column(tr("Target"), "int", 8),
        Column(tr("Order pack"), "text", 10),
        Column(tr("Packs to order"), "int", 8, total=True),
        Column(tr("Units to order"), "int", 9, total=True),
    ]
    rows = [
        [
            l.name,
            l.sku,
            l.source or "",
            tr(l.status),
            l.on_hand,
            l.expired or None,
            l.expiring or None,
            l.on_order,
            l.used,
            l.stockout_days,
            l.amc,
            l.months_of_stock,
            l.minimum,
            l.par,
            l.target,
            tr("kits to assemble")
            if l.kit
            else tr("{pack} of {units:,}").format(pack=l.pack, units=l.pack_units)
            if l.pack
            else tr("single"),
            l.packs,
            l.suggested,
        ]
        for l in lines
    ]
    first = view.end - timedelta(days=view.recorded_days) if view.recorded_days is not None else view.start
    subtitle = tr("{program} · {place} · {use}, {period} · target {months} months of stock").format(
        program=program,
        place=place,
        use=view.use_label,
        period=i18n_period(first, view.end - timedelta(days=1)),
        months=view.target_months,
    )
    return Report(
        tr("Order sheet"),
        subtitle,
        columns,
        rows,
        highlight={n for n, l in enumerate(lines) if l.status in ("stocked out", "below minimum")},
        units=[l.unit for l in lines],
        note=tr(
            "On hand counts usable stock only: expired units are listed apart, to dispose of. "
            "AMC: average monthly use, corrected for days out of stock. Target: the highest of par, "
            "minimum and target months × AMC. Suggested packs bring on hand plus on order up to the "
            "target (kits: how many to assemble). Highlighted: stocked out or below minimum."
        ),
    )
