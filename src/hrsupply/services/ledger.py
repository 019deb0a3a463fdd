"""The write path of the stock ledger: every movement goes through `Poster`.

A Poster works inside one write transaction. For each (location, item) it touches, it locks the
cached balance rows (SELECT ... FOR UPDATE on PostgreSQL; SQLite writers hold the database write
lock from BEGIN IMMEDIATE), keeps them in memory while it posts, and writes the new movements and
balances together when `flush()` is called. So the balances and the ledger change in the same
transaction or not at all, and two workstations can never both spend the same stock.

No balance may go negative at any point in time. A movement dated after everything else for its
(location, item, lot) only needs the current balance. A backdated one also needs the lowest
balance the key reaches at any later time; `last_at` on the balance row tells which case it is.
"""

from __future__ import annotations

import dataclasses
import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from types import SimpleNamespace

from sqlalchemy import bindparam, insert, select, tuple_
from sqlalchemy.orm import Session

from hrsupply.errors import NotEnoughStock, UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import Balance, Item, Location, Lot, Movement
from hrsupply.services.access import check_date
from hrsupply.services.bounds import check_units
from hrsupply.services.changes import add_changes, effects
from hrsupply.services.usable import usable

TYPES = (
    QT_TR_NOOP("receive"),
    QT_TR_NOOP("handout"),
    QT_TR_NOOP("transfer"),
    QT_TR_NOOP("adjust"),
    QT_TR_NOOP("dispose"),
    QT_TR_NOOP("count"),
)  # codes, shown through tr()
# Types whose quantity is a positive number of units taken from the location.
DRAWS = ("handout", "transfer", "dispose")


@dataclass
class Move:
    """A movement as a user states it: quantities positive except adjust (signed) and count
    (the counted figure). Lot-tracked draws that name no lot are split by FEFO."""

    type: str
    item_id: int
    location_id: int
    quantity: int
    occurred_at: datetime
    lot_id: int | None = None
    to_location_id: int | None = None
    reason: str | None = None
    reference: str | None = None
    participant: str | None = None
    needs_review: bool = False
    uid: str | None = None  # the movement's id from another database (an import); else a new one
    row_key: str | None = None  # the content key of the imported row it comes from


def new_uid() -> str:
    """A movement's id: a UUID in the version 7 layout (48 bits of milliseconds, then random), so
    new ids sort by time and the index takes them at its end instead of all over (a fast import)."""
    rand = int.from_bytes(os.urandom(10), "big")
    value = (time.time_ns() // 1_000_000) << 80 | 0x7 << 76 | (rand >> 68) << 64 | 0b10 << 62 | rand & (1 << 62) - 1
    return str(uuid.UUID(int=value))


@dataclass
class _Bal:
    id: int | None
    lot_id: int | None
    quantity: int
    last_at: datetime | None
    dirty: bool = False


@dataclass
class _ItemInfo:
    sku: str
    lot_tracked: bool


def _balance_read(*where):
    """A Poster's read of balances with their lots, in the shared lock order; plain for a
    rehearsal, FOR UPDATE for a posting."""
    q = (
        select(
            Balance.id,
            Balance.location_id,
            Balance.item_id,
            Balance.lot_id,
            Balance.quantity,
            Balance.last_at,
            Lot.expiry,
            Lot.lot_number,
        )
        .outerjoin(Lot, Lot.id == Balance.lot_id)
        .where(*where)
        .order_by(Balance.location_id, Balance.item_id, Balance.id)
    )
    return q, q.with_for_update(of=Balance)


_HERE = (Balance.location_id == bindparam("loc"), Balance.item_id == bindparam("item"))
_BALANCE_READS = {
    "stocked keys": _balance_read(
        tuple_(Balance.location_id, Balance.item_id).in_(bindparam("keys", expanding=True)), Balance.in_stock
    ),
    "stocked": _balance_read(*_HERE, Balance.in_stock),
    "lot": _balance_read(*_HERE, Balance.lot_key == bindparam("lot")),
}
_ITEMS = select(Item.id, Item.sku, Item.lot_tracked).where(Item.id.in_(bindparam("ids", expanding=True)))
_INSERT_MOVEMENTS = insert(Movement.__table__)
_BATCH = 5000  # ledger lines one executemany sends
_UPDATE_BALANCE = (
    Balance.__table__.update()
    .where(Balance.__table__.c.id == bindparam("balance"))
    .values(quantity=bindparam("quantity"), last_at=bindparam("last_at"))
)


@dataclass
class Poster:
    session: Session
    user: str
    recorded_at: datetime = field(default_factory=datetime.now)
    import_id: int | None = None
    visit_id: int | None = None
    receipt_id: int | None = None
    # A rehearsal outside the write transaction (an import's check): reads without locking and
    # writes nothing; `rebind` then hands the result to the write transaction.
    dry_run: bool = False
    # Records made on another side and synced here were dated by that side's rules; the found
    # stock that covers them is dated with them.
    synced: bool = False

    def __post_init__(self) -> None:
        self._balances: dict[tuple[int, int], dict[int | None, _Bal]] = {}
        self._items: dict[int, _ItemInfo] = {}
        self._lots: dict[int, tuple[date, str]] = {}  # lot id -> (expiry, lot number)
        self._codes: dict[int, str] = {}  # location id -> code, for messages
        self._pending: list[dict] = []
        # The pending lines of each (location, item, lot), each with its order and its sign there.
        self._pending_at: dict[tuple, list[tuple[int, dict, int]]] = {}
        self.posted = 0

    def _check_date(self, at: datetime) -> None:
        """Today only for front desk and van crew; nothing before the lock date but by an admin
        (the one rule for every dated record, read once per transaction)."""
        if not self.synced:
            check_date(self.session, self.user, at)

    # ---- loading -------------------------------------------------------------------------
    def know_item(self, item_id: int, sku: str, lot_tracked: bool) -> None:
        """An item not in the database yet (a rehearsal's stand-in id)."""
        self._items[item_id] = _ItemInfo(sku, lot_tracked)

    def know_lot(self, lot_id: int, expiry: date, number: str) -> None:
        self._lots[lot_id] = (expiry, number)

    def know_location(self, location_id: int, code: str) -> None:
        self._codes[location_id] = code

    def keys(self) -> set[tuple[int, int]]:
        """The (location, item) keys this Poster has read or changed."""
        return set(self._balances)

    def _item(self, item_id: int) -> _ItemInfo:
        info = self._items.get(item_id)
        if info is None:
            row = self.session.execute(select(Item.sku, Item.lot_tracked).where(Item.id == item_id)).one_or_none()
            if row is None:
                raise UserError(tr("no item with id {item_id}").format(item_id=item_id))
            info = self._items[item_id] = _ItemInfo(row.sku, row.lot_tracked)
        return info

    def _key(self, location_id: int, item_id: int) -> dict[int | None, _Bal]:
        """The item's stocked lots at the location, locked. Empty lots (years of them, for a
        lot-tracked item) are left in the database until a movement names one (`_bal`)."""
        key = (location_id, item_id)
        lots = self._balances.get(key)
        if lots is None:
            lots = self._balances[key] = {}
            self._load(lots, "stocked", loc=location_id, item=item_id)
        return lots

    def lock(self, keys: set[tuple[int, int]]) -> None:
        """Lock the stocked balances of all these (location, item) keys at once, in one order
        every workstation shares, so two transactions never wait on each other in a circle."""
        keys = sorted(k for k in keys if k not in self._balances)
        for key in keys:
            self._balances[key] = {}
        if keys:
            self._load(None, "stocked keys", keys=keys)
        unknown = {item for _, item in keys} - self._items.keys()
        if unknown:  # every item the posting names, in one query rather than one each
            for row in self.session.connection().execute(_ITEMS, {"ids": sorted(unknown)}):
                self._items[row.id] = _ItemInfo(row.sku, row.lot_tracked)

    def _load(self, into: dict | None, read: str, **params) -> None:
        # Core, not the ORM, and statements built once: this runs for every visit, and the ORM's
        # layers and building a statement cost more than the query.
        plain, locked = _BALANCE_READS[read]
        rows = self.session.connection().execute(plain if self.dry_run else locked, params).all()
        for r in rows:
            target = into if into is not None else self._balances[(r.location_id, r.item_id)]
            target[r.lot_id] = _Bal(r.id, r.lot_id, r.quantity, r.last_at)
            if r.lot_id is not None:
                self._lots[r.lot_id] = (r.expiry, r.lot_number)

    def item_on_hand(self, location_id: int, item_id: int) -> int:
        """Current on hand of an item at a location, all lots, including what this Poster posted."""
        return sum(b.quantity for b in self._key(location_id, item_id).values())

    def _bal(self, location_id: int, item_id: int, lot_id: int | None) -> _Bal:
        lots = self._key(location_id, item_id)
        if lot_id not in lots:
            self._load(lots, "lot", loc=location_id, item=item_id, lot=lot_id or 0)
        bal = lots.get(lot_id)
        if bal is None:
            bal = lots[lot_id] = _Bal(None, lot_id, 0, None)
        return bal

    def _lot(self, lot_id: int) -> tuple[date, str]:
        if lot_id not in self._lots:
            row = self.session.execute(select(Lot.expiry, Lot.lot_number).where(Lot.id == lot_id)).one()
            self._lots[lot_id] = (row.expiry, row.lot_number)
        return self._lots[lot_id]

    # ---- the never-negative rule, and later counts ---------------------------------------
    def available(self, location_id: int, item_id: int, lot_id: int | None, at: datetime) -> int:
        """How much can leave this key at `at` without its balance dipping below 0 then or later.

        A later count stands: what it found on the shelf stays the balance (see `_change`), so only
        the balances up to that count can be affected.
        """
        later = self._later(location_id, item_id, lot_id, at)
        running = lowest = self._bal(location_id, item_id, lot_id).quantity - sum(r.delta for r in later)
        stop = self._standing_count(later)
        for r in reversed(later):  # oldest first
            if r is stop:
                break
            running += r.delta
            lowest = min(lowest, running)
        return lowest

    def _standing_count(self, later):
        """The first count among `later` lines that still stands (is neither a reversal nor reversed)."""
        for r in reversed(later):
            if (
                r.type == "count"
                and r.counted is not None
                and (r.id is None or not self.session.scalar(select(Movement.id).where(Movement.reverses_id == r.id)))
            ):
                return r
        return None

    def balance_at(self, location_id: int, item_id: int, lot_id: int | None, at: datetime) -> int:
        later = self._later(location_id, item_id, lot_id, at)
        return self._bal(location_id, item_id, lot_id).quantity - sum(r.delta for r in later)

    def _later(self, location_id: int, item_id: int, lot_id: int | None, at: datetime) -> list:
        """Ledger lines of this key after `at`, newest first; none unless `at` is backdated.
        Lines this Poster has not written yet are taken from memory, as the newest of their
        time: a rehearsal writes nothing, and a long batch need not write line by line."""
        bal = self._bal(location_id, item_id, lot_id)
        if bal.last_at is None or at >= bal.last_at:
            return []
        lot_filter = Movement.lot_id.is_(None) if lot_id is None else Movement.lot_id == lot_id
        eff = effects(
            Movement.item_id == item_id,
            lot_filter,
            Movement.occurred_at > at,
            location_id=location_id,
            columns=[Movement.counted, Movement.reference],
        )
        stored = self.session.execute(select(eff)).all()
        mine = [
            SimpleNamespace(
                occurred_at=r["occurred_at"],
                id=None,
                type=r["type"],
                counted=r["counted"],
                reference=r["reference"],
                order=n,
                delta=sign * r["quantity"],
            )
            for n, r, sign in self._pending_at.get((location_id, item_id, lot_id), ())
            if r["occurred_at"] > at
        ]
        return sorted(
            [*stored, *mine],
            reverse=True,
            key=lambda r: (r.occurred_at, 0, r.id) if r.id is not None else (r.occurred_at, 1, r.order),
        )

    def drawable(self, location_id: int, item_id: int, at: datetime, lot_id: int | None = None) -> int:
        """How many units a handout at `at` can draw: the named lot, or every unexpired lot."""
        if lot_id is not None or not self._item(item_id).lot_tracked:
            return self.available(location_id, item_id, lot_id, at)
        return sum(self.available(location_id, item_id, lot, at) for lot in self._fefo_lots(location_id, item_id, at))

    def _fefo_lots(self, location_id: int, item_id: int, at: datetime) -> list[int]:
        """Stocked lots not expired on `at`'s day, earliest expiry first, then by lot number."""
        lots = [
            lot for lot in self._key(location_id, item_id) if lot is not None and usable(self._lot(lot)[0], at.date())
        ]
        return sorted(lots, key=self._lot)

    def _draw(self, move: Move, qty: int) -> list[tuple[int | None, int]]:
        """Which lots `qty` units come from: the named lot, or FEFO over unexpired lots."""
        item = self._item(move.item_id)
        at = move.occurred_at
        if not item.lot_tracked or move.lot_id is not None:
            have = self.available(move.location_id, move.item_id, move.lot_id, at)
            if have < qty:
                raise NotEnoughStock(self._short(move, qty, have))
            return [(move.lot_id, qty)]
        plan, left = [], qty
        for lot_id in self._fefo_lots(move.location_id, move.item_id, at):
            take = min(left, self.available(move.location_id, move.item_id, lot_id, at))
            if take > 0:
                plan.append((lot_id, take))
                left -= take
            if left == 0:
                return plan
        raise NotEnoughStock(self._short(move, qty, qty - left, unexpired=True))

    def _short(self, move: Move, wanted: int, have: int, unexpired: bool = False) -> str:
        loc = self._codes.get(move.location_id) or self.session.scalar(
            select(Location.code).where(Location.id == move.location_id)
        )
        what = "unexpired stock" if unexpired else "stock"
        if move.lot_id is not None:
            what += f" of lot {self._lot(move.lot_id)[1]}"
        when = move.occurred_at.strftime("%Y-%m-%d %H:%M")
        return (
            f"not enough {what} of {self._item(move.item_id).sku} at {loc} on {when}: "
            f"{move.type} needs {wanted}, {have} available"
        )

    # ---- posting -------------------------------------------------------------------------
    def post(self, move: Move) -> list[dict]:
        """Validate and post one movement; returns the ledger rows it creates.

        Nothing changes in memory unless the whole movement is valid.
        """
        self._check_date(move.occurred_at)
        item = self._item(move.item_id)
        t, q = move.type, move.quantity
        if t not in TYPES:
            raise UserError(tr("unknown movement type {t!r}").format(t=tr(t)))
        if t in DRAWS or t == "receive":
            check_units(q, tr("{t} quantity").format(t=tr(t)))
        elif t == "adjust":
            if isinstance(q, int) and q < 0:
                check_units(-q, tr("adjust quantity"))
            else:
                check_units(q, tr("adjust quantity (not 0)"))
        elif t == "count":
            check_units(q, tr("a count"), least=0)
        if t == "transfer":
            if move.to_location_id is None:
                raise UserError(tr("a transfer needs a destination location"))
            if move.to_location_id == move.location_id:
                raise UserError(tr("a transfer needs a destination different from its location"))
        elif move.to_location_id is not None:
            raise UserError(tr("only a transfer has a destination, not a {t}").format(t=tr(t)))
        if t in ("adjust", "dispose") and not (move.reason or "").strip():
            raise UserError(tr("{t} needs a reason").format(t=tr(t)))
        if move.lot_id is not None and not item.lot_tracked:
            raise UserError(tr("{item_sku} is not lot-tracked, so it takes no lot").format(item_sku=item.sku))
        needs_lot = t in ("receive", "count") or (t == "adjust" and q > 0)
        if item.lot_tracked and needs_lot and move.lot_id is None:
            raise UserError(tr("{item_sku} is lot-tracked: this {t} needs its lot").format(item_sku=item.sku, t=tr(t)))

        # (lot, signed change at location, counted)
        if t == "count":
            before = self.balance_at(move.location_id, move.item_id, move.lot_id, move.occurred_at)
            variance = q - before
            if variance < 0:
                have = self.available(move.location_id, move.item_id, move.lot_id, move.occurred_at)
                if have < -variance:
                    raise NotEnoughStock(
                        tr(
                            "count of {item_sku} on {move_occurred_at:%Y-%m-%d} would leave a later balance below zero "
                            "({have} can leave, the count removes {x})"
                        ).format(item_sku=item.sku, move_occurred_at=move.occurred_at, have=have, x=-variance)
                    )
            lines = [(move.lot_id, variance, q)]
        elif t == "receive" or (t == "adjust" and q > 0):
            lines = [(move.lot_id, q, None)]
        else:
            lines = [(lot_id, -take, None) for lot_id, take in self._draw(move, abs(q))]
        return self._append(move, lines, None)

    def _append(self, move: Move, lines, reverses_id: int | None, links: dict | None = None) -> list[dict]:
        links = links or dict(visit_id=self.visit_id, receipt_id=self.receipt_id)
        rows = []
        for n, (lot_id, delta, counted) in enumerate(lines):
            self._change(move.location_id, move.item_id, lot_id, delta, move.occurred_at)
            if move.to_location_id is not None:
                self._change(move.to_location_id, move.item_id, lot_id, -delta, move.occurred_at)
            rows.append(
                self._row(
                    type=move.type,
                    item_id=move.item_id,
                    location_id=move.location_id,
                    to_location_id=move.to_location_id,
                    lot_id=lot_id,
                    quantity=delta,
                    counted=counted,
                    reason=move.reason,
                    reference=move.reference,
                    participant=move.participant,
                    occurred_at=move.occurred_at,
                    reverses_id=reverses_id,
                    needs_review=move.needs_review,
                    **links,
                    **(dict(uid=move.uid or new_uid(), row_key=move.row_key) if n == 0 else {}),
                )
            )
        for row in rows:
            self._add_pending(row)
        self.posted += len(rows)
        return rows

    def reverse(self, movement: Movement, reason: str) -> dict:
        """Undo one ledger line by posting its opposite, dated when the original happened."""
        if not (reason or "").strip():
            raise UserError(tr("a reversal needs a reason"))
        if movement.reverses_id is not None:
            raise UserError(
                tr("movement {movement_id} is itself a reversal; record the movement again instead").format(
                    movement_id=movement.id
                )
            )
        self._check_date(movement.occurred_at)
        self._flush_movements()
        if self.session.scalar(select(Movement.id).where(Movement.reverses_id == movement.id)):
            raise UserError(tr("movement {movement_id} has already been reversed").format(movement_id=movement.id))
        delta = -movement.quantity
        at = movement.occurred_at
        # The reversal takes stock away from one side: that side must still have it.
        taker = movement.location_id if delta < 0 else movement.to_location_id
        if taker is not None and delta != 0:
            have = self.available(taker, movement.item_id, movement.lot_id, at)
            if have < abs(delta):
                raise NotEnoughStock(
                    tr(
                        "cannot reverse movement {movement_id}: only {have} of {sku} can leave since {at:%Y-%m-%d}"
                    ).format(movement_id=movement.id, have=have, sku=self._item(movement.item_id).sku, at=at)
                )
        move = Move(
            movement.type,
            movement.item_id,
            movement.location_id,
            delta,
            at,
            lot_id=movement.lot_id,
            to_location_id=movement.to_location_id,
            reason=reason,
            reference=movement.reference,
            participant=movement.participant,
        )
        # The reversal belongs to the same visit or receipt, so their totals stay net.
        links = dict(visit_id=movement.visit_id, receipt_id=movement.receipt_id)
        return self._append(move, [(movement.lot_id, delta, None)], movement.id, links)[0]

    def post_undone(self, move: Move, reason: str) -> None:
        """A handout and its reversal at the same instant (an undone visit, imported): the shelf
        never holds less at any moment, so no stock is needed and no balance changes. The
        reversal is tied to its handout when both are written."""
        self._check_date(move.occurred_at)
        item = self._item(move.item_id)
        if item.lot_tracked and move.lot_id is None:
            raise UserError(
                tr("{item_sku} is lot-tracked: an undone visit's line needs its lot").format(item_sku=item.sku)
            )
        check_units(move.quantity, tr("handout quantity"))
        common = dict(
            type="handout",
            item_id=move.item_id,
            location_id=move.location_id,
            lot_id=move.lot_id,
            participant=move.participant,
            reference=move.reference,
            occurred_at=move.occurred_at,
            visit_id=self.visit_id,
        )
        out = self._row(**common, quantity=-move.quantity)
        back = self._row(**common, quantity=move.quantity, reason=reason)
        back["reverses_uid"] = out["uid"]  # its reverses_id once the handout has one
        for row in (out, back):
            self._add_pending(row)
        self.posted += 2

    def lowest_from(self, location_id: int, item_id: int, lot_id: int | None, at: datetime) -> int:
        """The lowest this key's balance stands at `at` or any time after, every later line added
        as it is (a synced line is never absorbed by a later count)."""
        later = self._later(location_id, item_id, lot_id, at)
        running = lowest = self._bal(location_id, item_id, lot_id).quantity - sum(r.delta for r in later)
        for r in reversed(later):  # oldest first
            running += r.delta
            lowest = min(lowest, running)
        return lowest

    def apply_synced(self, fields: dict, held) -> None:
        """A ledger line written on another side, as it was written there (its id, who recorded it
        and when, its change): added to the balances of the locations `held(location_id)` says
        this side keeps. No recount: the other side's recount lines come as lines of their own."""
        row = {**self._row(**fields), "recorded_at": fields["recorded_at"], "recorded_by": fields["recorded_by"]}
        for where, change in ((row["location_id"], row["quantity"]), (row["to_location_id"], -row["quantity"])):
            if where is not None and held(where):
                bal = self._bal(where, row["item_id"], row["lot_id"])
                bal.quantity += change
                if bal.last_at is None or row["occurred_at"] > bal.last_at:
                    bal.last_at = row["occurred_at"]
                bal.dirty = True
        self._add_pending(row)
        self.posted += 1

    def _change(self, location_id: int, item_id: int, lot_id: int | None, delta: int, at: datetime):
        bal = self._bal(location_id, item_id, lot_id)
        # An entry made late (a tally sheet, a reversal) that happened before a later count: the
        # count found what was on the shelf, so it absorbs the change with a recount line.
        recount = self._standing_count(self._later(location_id, item_id, lot_id, at))
        bal.quantity += delta
        if bal.last_at is None or at > bal.last_at:
            bal.last_at = at
        bal.dirty = True
        if recount is not None and delta:
            bal.quantity -= delta
            self._add_pending(
                self._row(
                    type="count",
                    item_id=item_id,
                    location_id=location_id,
                    lot_id=lot_id,
                    quantity=-delta,
                    counted=recount.counted,
                    reason="entry before this count, recorded later",
                    reference=recount.reference,
                    occurred_at=recount.occurred_at,
                )
            )
            self.posted += 1

    def _add_pending(self, row: dict) -> None:
        self._pending_at.setdefault((row["location_id"], row["item_id"], row["lot_id"]), []).append(
            (len(self._pending), row, 1)
        )
        if row["to_location_id"] is not None:
            self._pending_at.setdefault((row["to_location_id"], row["item_id"], row["lot_id"]), []).append(
                (len(self._pending), row, -1)
            )
        self._pending.append(row)

    def _row(self, **fields) -> dict:
        """A ledger line with every column present (one executemany needs the same keys)."""
        blank = dict(
            to_location_id=None,
            counted=None,
            reason=None,
            reference=None,
            participant=None,
            reverses_id=None,
            needs_review=False,
            visit_id=None,
            receipt_id=None,
            row_key=None,
            origin=None,
            arrived_at=None,
        )
        # Who recorded it, when, and the import are the Poster's own, added as the rows are
        # written: three keys fewer keep a line's dict in the smaller of Python's table sizes.
        return {**blank, "uid": new_uid(), **fields}

    # ---- writing -------------------------------------------------------------------------
    def rebind(
        self,
        session: Session,
        *,
        items: dict,
        locations: dict,
        lots: dict,
        import_id: int | None,
        visits: dict | None = None,
        receipts: dict | None = None,
    ) -> None:
        """Hand a rehearsal's result to the write transaction: the stand-in ids it gave new items,
        locations, lots, visits and receipts become the real ones. The caller has checked, under
        lock, that nothing it read has changed since."""

        def real(ids: dict, value):
            return ids.get(value, value)

        for row in self._pending:
            row["item_id"] = real(items, row["item_id"])
            row["location_id"] = real(locations, row["location_id"])
            row["to_location_id"] = real(locations, row["to_location_id"])
            row["lot_id"] = real(lots, row["lot_id"])
            row["visit_id"] = real(visits or {}, row["visit_id"])
            row["receipt_id"] = real(receipts or {}, row["receipt_id"])
        balances = {}
        for (location_id, item_id), by_lot in self._balances.items():
            balances[(real(locations, location_id), real(items, item_id))] = {
                real(lots, lot): dataclasses.replace(bal, lot_id=real(lots, lot)) for lot, bal in by_lot.items()
            }
        self._balances = balances
        rows, self._pending, self._pending_at = self._pending, [], {}
        for row in rows:
            self._add_pending(row)
        self.session, self.import_id, self.dry_run = session, import_id, False

    def _flush_movements(self) -> None:
        if self._pending:
            # Core executemany: the ORM's bulk insert would split the batch wherever the
            # pattern of empty columns changes (a handout, then a transfer, ...).
            backs = [r for r in self._pending if "reverses_uid" in r]
            rows = [r for r in self._pending if "reverses_uid" not in r] if backs else self._pending
            self._insert(rows)
            if backs:  # reversals of lines written just now: tied to them by their ids
                uids, ids = [r["reverses_uid"] for r in backs], {}
                for n in range(0, len(uids), 500):
                    found = select(Movement.uid, Movement.id).where(Movement.uid.in_(uids[n : n + 500]))
                    ids.update(self.session.execute(found).all())
                for r in backs:
                    r["reverses_id"] = ids[r.pop("reverses_uid")]
                self._insert(backs)
            add_changes(self.session, self._pending)
            self._pending, self._pending_at = [], {}

    def _insert(self, rows: list[dict]) -> None:
        """Insert ledger lines in batches (SQLAlchemy and the driver each copy what one executemany
        sends), each with who recorded it and when, unless it came with its own (a synced line)."""
        common = {"recorded_at": self.recorded_at, "recorded_by": self.user, "import_id": self.import_id}
        for n in range(0, len(rows), _BATCH):
            self.session.connection().execute(_INSERT_MOVEMENTS, [{**common, **r} for r in rows[n : n + _BATCH]])

    def flush(self) -> None:
        """Write pending movements and the balances they changed (still inside the transaction)."""
        self._flush_movements()
        updates, inserts = [], []
        for (location_id, item_id), lots in self._balances.items():
            for bal in lots.values():
                if not bal.dirty:
                    continue
                if bal.quantity < 0:  # the checks above make this impossible; never store it
                    raise AssertionError(f"balance would go negative at {location_id}/{item_id}/{bal.lot_id}")
                values = dict(quantity=bal.quantity, last_at=bal.last_at)
                if bal.id is None:
                    inserts.append(
                        dict(
                            values, location_id=location_id, item_id=item_id, lot_id=bal.lot_id, lot_key=bal.lot_id or 0
                        )
                    )
                else:
                    updates.append(dict(values, balance=bal.id))
                bal.dirty = False
        if updates:
            self.session.connection().execute(_UPDATE_BALANCE, updates)
        if inserts:
            ids = self.session.scalars(
                insert(Balance).returning(Balance.id, sort_by_parameter_order=True), inserts
            ).all()
            for row, new_id in zip(inserts, ids):
                self._balances[(row["location_id"], row["item_id"])][row["lot_id"]].id = new_id


def post_all(session: Session, user: str, moves: list[Move], **links) -> Poster:
    """Post movements of one use case inside its transaction: lock every (location, item) they
    touch at once, in the shared order, then post them in turn and write them out. `links` are
    the Poster's visit_id / receipt_id."""
    poster = Poster(session, user, **links)
    poster.lock(
        {(m.location_id, m.item_id) for m in moves} | {(m.to_location_id, m.item_id) for m in moves if m.to_location_id}
    )
    for move in moves:
        poster.post(move)
    poster.flush()
    return poster
