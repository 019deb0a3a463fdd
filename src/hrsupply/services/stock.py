"""What is on hand: now or at the end of a date, by item and location, and the stock card."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Balance, Barcode, Item, Location, Lot, Movement, ParLevel
from hrsupply.services.catalog import location_by_code
from hrsupply.services.changes import balances_at
from hrsupply.services.laptop import held_location
from hrsupply.services.usable import usable

EXPIRY_WINDOW_DAYS = 90


def check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError(tr("the period ends ({end}) before it starts ({start})").format(end=end, start=start))


def end_of(day: date) -> datetime:
    """The first instant after `day`: movements before it count for that day."""
    return datetime.combine(day + timedelta(days=1), time.min)


@dataclass(frozen=True)
class StockLine:
    location: str
    sku: str
    name: str
    lot: str | None
    expiry: date | None
    quantity: int  # everything on hand, expired or not
    expired: int = 0  # of it, units in lots that expired before the day


def on_hand(
    db: Database, *, location: str | None = None, lots: bool = False, as_of: date | None = None
) -> list[StockLine]:
    """On hand at the end of `as_of` (default: now), with the units in lots expired before that
    day. Zero lines are left out."""
    with db.read() as session:
        loc_id = location_by_code(session, location).id if location else None
        if as_of is None:
            # Always by lot, even for one line per item: a lot's expiry decides what is expired.
            q = (
                select(Balance.location_id, Balance.item_id, Balance.lot_id, func.sum(Balance.quantity))
                .where(Balance.in_stock)
                .group_by(Balance.location_id, Balance.item_id, Balance.lot_id)
            )
            if loc_id is not None:
                q = q.where(Balance.location_id == loc_id)
            totals = {tuple(r[:3]): r[3] for r in session.execute(q)}
        else:
            totals = balances_at(session, end_of(as_of), loc_id)
        return _lines(session, totals, lots, as_of or date.today())


def _lines(session: Session, totals: dict[tuple, int], lots: bool, day: date) -> list[StockLine]:
    lot_ids = {lot for _, _, lot in totals if lot}
    lot_rows = (
        {r.id: r for r in session.execute(select(Lot.id, Lot.lot_number, Lot.expiry).where(Lot.id.in_(lot_ids)))}
        if lot_ids
        else {}
    )
    merged: dict[tuple, list[int]] = {}
    for (loc, item, lot), qty in totals.items():
        t = merged.setdefault((loc, item, lot if lots else None), [0, 0])
        t[0] += qty
        if lot and not usable(lot_rows[lot].expiry, day):
            t[1] += qty
    locs = dict(session.execute(select(Location.id, Location.code)).all())
    items = {r.id: r for r in session.execute(select(Item.id, Item.sku, Item.name))}
    out = []
    for (loc, item, lot), (qty, expired) in merged.items():
        if not qty:
            continue
        lot_row = lot_rows.get(lot)
        out.append(
            StockLine(
                locs[loc],
                items[item].sku,
                items[item].name,
                lot_row.lot_number if lot_row else None,
                lot_row.expiry if lot_row else None,
                qty,
                expired,
            )
        )
    out.sort(key=lambda s: (s.location, s.sku, s.expiry or date.min, s.lot or ""))
    return out


# ---- the Stock screen --------------------------------------------------------------------
@dataclass(frozen=True)
class StockRow:
    location_id: int
    location: str
    item_id: int
    sku: str
    name: str
    category: str
    unit: str
    quantity: int  # every unit on hand, expired ones included (the ledger's figure)
    minimum: int | None
    par: int | None
    next_expiry: date | None  # of the usable lots
    expiring: int  # usable units in lots expiring within the window
    expired: int = 0  # units in lots past their expiry: on hand until disposed, never handed out

    @property
    def usable(self) -> int:
        return self.quantity - self.expired

    @property
    def status(self) -> str:
        if self.usable <= 0:
            return "out"
        if self.minimum is not None and self.usable < self.minimum:
            return "below minimum"
        if self.expired:
            return "expired"
        if self.expiring:
            return "expiring"
        return "ok"


STATUSES = ("out", "below minimum", "expired", "expiring")


def minimum_here(own: int | None, reorder_point: int | None, kind: str) -> int | None:
    """A location's minimum for an item: its own, else (at a site) the item's reorder point."""
    if own is not None:
        return own
    return reorder_point if kind == "site" else None


def overview(
    db: Database,
    *,
    search: str = "",
    category: str | None = None,
    status: str | None = None,
    today: date | None = None,
    window_days: int = EXPIRY_WINDOW_DAYS,
) -> list[StockRow]:
    """One row per item and location that holds it, had it, or has a par level for it; lots
    expiring within `window_days` count as expiring."""
    today = today or date.today()
    horizon = today + timedelta(days=window_days)
    with db.read() as session:
        item_rows = {i.id: i for i in session.scalars(_items_found(search, category))}
        if not item_rows:
            return []
        ids = list(item_rows)
        # Every place that had the item shows it, at 0 once its lots ran out; only what is in stock
        # is read lot by lot (years of emptied lots stay in the table and must not slow Home).
        had = select(Balance.location_id, Balance.item_id).where(Balance.item_id.in_(ids)).distinct()
        qty: dict[tuple[int, int], int] = {(loc, item): 0 for loc, item in session.execute(had)}
        expiring: dict[tuple[int, int], int] = {}
        expired: dict[tuple[int, int], int] = {}
        next_expiry: dict[tuple[int, int], date] = {}
        for r in session.execute(
            select(Balance.location_id, Balance.item_id, Balance.quantity, Lot.expiry)
            .outerjoin(Lot, Lot.id == Balance.lot_id)
            .where(Balance.in_stock, Balance.item_id.in_(ids))
        ):
            key = (r.location_id, r.item_id)
            qty[key] = qty.get(key, 0) + r.quantity
            if r.expiry is None or r.quantity <= 0:
                continue
            if not usable(r.expiry, today):
                expired[key] = expired.get(key, 0) + r.quantity
                continue
            if r.expiry <= horizon:
                expiring[key] = expiring.get(key, 0) + r.quantity
            if key not in next_expiry or r.expiry < next_expiry[key]:
                next_expiry[key] = r.expiry
        pars = {
            (p.location_id, p.item_id): p for p in session.scalars(select(ParLevel).where(ParLevel.item_id.in_(ids)))
        }
        locs = {l.id: l for l in session.scalars(select(Location))}
        own = held_location(session)  # a van laptop shows its own location's stock
        rows = []
        for key in qty.keys() | pars.keys():
            loc_id, item_id = key
            if own is not None and loc_id != own:
                continue
            item, par = item_rows[item_id], pars.get(key)
            minimum = minimum_here(par.min if par else None, item.reorder_point, locs[loc_id].kind)
            rows.append(
                StockRow(
                    loc_id,
                    locs[loc_id].code,
                    item_id,
                    item.sku,
                    item.name,
                    item.category,
                    item.unit,
                    qty.get(key, 0),
                    minimum,
                    par.par if par else None,
                    next_expiry.get(key),
                    expiring.get(key, 0),
                    expired.get(key, 0),
                )
            )
    if status:
        rows = [r for r in rows if _has_status(r, status)]
    rows.sort(key=lambda r: (r.category, r.name, r.location))
    return rows


def _items_found(search: str, category: str | None):
    """Active items in the category whose name or SKU holds the search text, or with that barcode."""
    items = select(Item).where(Item.active.is_(True))
    if category:
        items = items.where(Item.category == category)
    text = search.strip()
    if text:
        like = f"%{text.lower()}%"
        items = items.where(
            or_(
                func.lower(Item.name).like(like),
                func.lower(Item.sku).like(like),
                Item.id.in_(select(Barcode.item_id).where(Barcode.code == text)),
            )
        )
    return items


def _has_status(row: StockRow, status: str) -> bool:
    if status == "out":
        return row.usable <= 0
    if status == "below minimum":
        return row.minimum is not None and row.usable < row.minimum
    if status == "expired":
        return row.expired > 0
    if status == "expiring":
        return row.expiring > 0
    raise ValueError(f"unknown status {status!r}")


# ---- the stock card ----------------------------------------------------------------------
@dataclass(frozen=True)
class CardLine:
    id: int
    occurred_at: datetime
    type: str
    lot: str | None
    change: int
    balance: int  # on hand (all lots) right after this line
    counterpart: str | None  # the other location of a transfer
    reason: str | None
    reference: str | None
    recorded_by: str
    reversal: bool


@dataclass(frozen=True)
class CardPage:
    lines: list[CardLine]
    # Where the next (older) page starts; None when there is nothing older.
    after: tuple[datetime, int, int] | None


def stock_card(
    db: Database, location_id: int, item_id: int, *, after: tuple[datetime, int, int] | None = None, limit: int = 200
) -> CardPage:
    """The item's movements at the location, newest first, with the running balance.

    Pages by keyset (occurred_at, id), so the cost of a page does not grow with the ledger.
    """
    with db.read() as session:
        if after is None:
            balance = session.scalar(
                select(func.coalesce(func.sum(Balance.quantity), 0)).where(
                    Balance.location_id == location_id, Balance.item_id == item_id
                )
            )
            cursor = []
        else:
            at, last_id, balance = after
            cursor = [tuple_(Movement.occurred_at, Movement.id) < tuple_(at, last_id)]
        m = Movement
        both = [m.item_id == item_id, *cursor]
        out = select(
            m.id,
            m.occurred_at,
            m.type,
            m.lot_id,
            m.quantity.label("change"),
            m.to_location_id.label("other"),
            m.reason,
            m.reference,
            m.recorded_by,
            m.reverses_id,
        ).where(m.location_id == location_id, *both)
        into = select(
            m.id,
            m.occurred_at,
            m.type,
            m.lot_id,
            (-m.quantity).label("change"),
            m.location_id.label("other"),
            m.reason,
            m.reference,
            m.recorded_by,
            m.reverses_id,
        ).where(m.to_location_id == location_id, *both)
        newest = [s.order_by(m.occurred_at.desc(), m.id.desc()).limit(limit).subquery() for s in (out, into)]
        merged = select(*newest[0].c).union_all(select(*newest[1].c)).subquery()
        rows = session.execute(
            select(merged).order_by(merged.c.occurred_at.desc(), merged.c.id.desc()).limit(limit)
        ).all()
        codes = dict(session.execute(select(Location.id, Location.code)).all())
        lot_ids = {r.lot_id for r in rows if r.lot_id}
        lots = dict(session.execute(select(Lot.id, Lot.lot_number).where(Lot.id.in_(lot_ids))).all()) if lot_ids else {}
        lines = []
        for r in rows:
            lines.append(
                CardLine(
                    r.id,
                    r.occurred_at,
                    r.type,
                    lots.get(r.lot_id),
                    r.change,
                    balance,
                    codes.get(r.other),
                    r.reason,
                    r.reference,
                    r.recorded_by,
                    r.reverses_id is not None,
                )
            )
            balance -= r.change
        nxt = (rows[-1].occurred_at, rows[-1].id, balance) if len(rows) == limit else None
        return CardPage(lines, nxt)


@dataclass(frozen=True)
class LotOnHand:
    lot_id: int
    lot: str
    expiry: date
    quantity: int

    def expired_on(self, day: date) -> bool:
        return not usable(self.expiry, day)

    @property
    def expired(self) -> bool:
        return self.expired_on(date.today())


def lots_at(db: Database, location_id: int, item_id: int) -> list[LotOnHand]:
    """The item's lots in stock at the location, earliest expiry first (the FEFO order)."""
    with db.read() as session:
        rows = session.execute(
            select(Lot.id, Lot.lot_number, Lot.expiry, Balance.quantity)
            .join(Balance, Balance.lot_id == Lot.id)
            .where(Balance.location_id == location_id, Balance.item_id == item_id, Balance.in_stock)
            .order_by(Lot.expiry, Lot.lot_number)
        ).all()
    return [LotOnHand(*r) for r in rows]
