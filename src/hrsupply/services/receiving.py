"""Receive a delivery: packs converted to base units, lots and expiry, one receive movement per
line, all in one transaction; and the receipts list with totals by source for funders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Item, Location, Lot, Movement, Receipt, Source
from hrsupply.services import laptop, purchase_orders
from hrsupply.services.access import check_date, require
from hrsupply.services.bounds import check_units
from hrsupply.services.catalog import in_units, lot_for, pack_units
from hrsupply.services.ledger import Move, post_all
from hrsupply.services.stock import check_period, end_of
from hrsupply.services.usable import usable


@dataclass
class ReceiptLine:
    item_id: int
    packs: int  # how many of `pack` arrived
    pack: str | None = None  # a pack size's name; None: single units
    lot: str | None = None
    expiry: date | None = None  # required for a lot this program has not seen before


@dataclass
class ReceiptForm:
    source_id: int
    location_id: int
    occurred_at: datetime
    reference: str | None = None
    lines: list[ReceiptLine] = field(default_factory=list)
    purchase_order_id: int | None = None  # the order this delivery fills, in part or in full


def record_receipt(db: Database, user: str, form: ReceiptForm) -> int:
    """Post the receipt; returns its id. Any problem refuses the whole receipt, naming every line."""

    def work(s) -> int:
        require(s, user, "stock")
        laptop.central_only(s, laptop.RECEIPTS)
        check_date(s, user, form.occurred_at)
        moves = _checked(s, form)
        receipt = Receipt(
            source_id=form.source_id,
            reference=form.reference or None,
            location_id=form.location_id,
            occurred_at=form.occurred_at,
            recorded_at=datetime.now(),
            recorded_by=user,
            purchase_order_id=form.purchase_order_id,
        )
        s.add(receipt)
        s.flush()
        post_all(s, user, moves, receipt_id=receipt.id)
        return receipt.id

    return db.transaction(work)


def _checked(s, form: ReceiptForm) -> list[Move]:
    """The receive movement of each line; UserError naming every problem of the form and its lines."""
    problems = []
    if s.get(Source, form.source_id) is None:
        problems.append(tr("Source: choose where this delivery came from"))
    if s.get(Location, form.location_id) is None:
        problems.append(tr("Location: choose where the delivery goes"))
    if not form.lines:
        problems.append(tr("Lines: add at least one item"))
    if form.purchase_order_id is not None:
        try:
            order = purchase_orders.check_receivable(s, form.purchase_order_id)
            if order.source_id != form.source_id:
                problems.append(
                    tr("Source: {order} was ordered from {source}").format(
                        order=purchase_orders.number(order.id), source=s.get(Source, order.source_id).name
                    )
                )
        except UserError as exc:
            problems.append(str(exc))
    if form.reference and len(form.reference) > Receipt.reference.type.length:
        problems.append(tr("Reference: at most {n} characters").format(n=Receipt.reference.type.length))
    moves = [_move(s, form, n, line, problems) for n, line in enumerate(form.lines, start=1)]
    if problems:
        raise UserError("\n".join(problems))
    return moves


def _move(s, form: ReceiptForm, n: int, line: ReceiptLine, problems: list[str]) -> Move | None:
    """A line as the receive movement it posts, or None with its problem noted."""
    item = s.get(Item, line.item_id)
    if item is None:
        problems.append(tr("Line {n}: no such item").format(n=n))
        return None
    where = tr("Line {n} ({sku})").format(n=n, sku=item.sku)
    units = pack_units(s, item.id, line.pack)
    if units is None:
        problems.append(
            tr("{where}, pack: {sku} has no pack size {pack!r}").format(where=where, sku=item.sku, pack=line.pack)
        )
        return None
    try:
        check_units(line.packs, tr("the number of packs"))
        check_units(line.packs * units, f"{line.packs:,} × {units:,}")
    except UserError as exc:
        problems.append(f"{where}, quantity: {exc}")
        return None
    lot_id = None
    if item.lot_tracked:
        number = (line.lot or "").strip()
        if not number:
            problems.append(f"{where}, lot: {item.sku} is lot-tracked; give the lot number")
            return None
        if not usable(line.expiry, form.occurred_at.date()):
            problems.append(f"{where}, expiry: {line.expiry:%Y-%m-%d} is before the receipt date")
            return None
        try:
            lot_id = lot_for(s, item.id, number, line.expiry).id
        except UserError as exc:
            problems.append(f"{where}, lot: {exc}")
            return None
    elif line.lot:
        problems.append(f"{where}, lot: {item.sku} is not lot-tracked, so it takes no lot")
        return None
    qty = line.packs * units
    return Move("receive", item.id, form.location_id, qty, form.occurred_at, lot_id=lot_id, reference=form.reference)


def form_for_order(db: Database, order_id: int, occurred_at: datetime | None = None) -> ReceiptForm:
    """A receipt filled with what is still due on the order, in the packs it was ordered in."""
    with db.read() as s:
        order = purchase_orders.check_receivable(s, order_id)
        source_id, location_id = order.source_id, order.location_id
    lines = [ReceiptLine(l.item_id, l.due_packs, l.pack) for l in purchase_orders.lines_of(db, order_id) if l.due > 0]
    return ReceiptForm(
        source_id,
        location_id,
        occurred_at or datetime.now(),
        reference=purchase_orders.number(order_id),
        lines=lines,
        purchase_order_id=order_id,
    )


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    occurred_at: datetime
    source: str
    kind: str
    reference: str | None
    location: str
    lines: int
    units: str  # per unit, never added across units: "2,000 each · 24 kits"
    recorded_by: str


@dataclass(frozen=True)
class SourceTotal:
    kind: str
    source: str
    receipts: int
    units: str  # per unit, as a receipt's


def _receipts_query(start: date, end: date):
    check_period(start, end)
    return (Receipt.occurred_at >= datetime.combine(start, datetime.min.time()), Receipt.occurred_at < end_of(end))


def receipts(db: Database, start: date, end: date) -> list[ReceiptRow]:
    """Receipts in the period, newest first. Units are net of any receive line reversed since."""
    window = _receipts_query(start, end)
    with db.read() as s:
        rows = s.execute(
            select(
                Receipt.id,
                Receipt.occurred_at,
                Source.name,
                Source.kind,
                Receipt.reference,
                Location.code,
                func.count(Movement.id).filter(Movement.reverses_id.is_(None)),
                Receipt.recorded_by,
            )
            .join(Source, Source.id == Receipt.source_id)
            .join(Location, Location.id == Receipt.location_id)
            .outerjoin(Movement, Movement.receipt_id == Receipt.id)
            .where(*window)
            .group_by(Receipt.id, Source.name, Source.kind, Location.code)
            .order_by(Receipt.occurred_at.desc(), Receipt.id.desc())
        ).all()
        units = _per_unit(s, Receipt.id, window)
        return [ReceiptRow(*r[:7], in_units(units.get(r[0], [])), r[7]) for r in rows]


def _per_unit(s, key, window) -> dict:
    """{key: [(unit, quantity), ...]}: what receipts brought, net of lines reversed, per unit."""
    out: dict = {}
    for k, unit, qty in s.execute(
        select(key, Item.unit, func.sum(Movement.quantity))
        .select_from(Receipt)
        .join(Source, Source.id == Receipt.source_id)
        .join(Movement, Movement.receipt_id == Receipt.id)
        .join(Item, Item.id == Movement.item_id)
        .where(*window)
        .group_by(key, Item.unit)
        .order_by(key, Item.unit)
    ):
        out.setdefault(k, []).append((unit, qty or 0))
    return out


def totals_by_source(db: Database, start: date, end: date) -> list[SourceTotal]:
    """Units received per source in the period, grouped by kind (donated, purchased, allocated)."""
    window = _receipts_query(start, end)
    with db.read() as s:
        rows = s.execute(
            select(Source.kind, Source.name, func.count(func.distinct(Receipt.id)))
            .join(Receipt, Receipt.source_id == Source.id)
            .where(*window)
            .group_by(Source.kind, Source.name)
            .order_by(Source.kind, Source.name)
        ).all()
        units = _per_unit(s, Source.name, window)
        return [SourceTotal(kind, name, n, in_units(units.get(name, []))) for kind, name, n in rows]


@dataclass(frozen=True)
class ReceivedLine:
    movement_id: int
    sku: str
    name: str
    lot: str | None
    expiry: date | None
    quantity: int
    reversed: bool


def receipt_lines(db: Database, receipt_id: int) -> list[ReceivedLine]:
    with db.read() as s:
        reversed_ids = set(
            s.scalars(
                select(Movement.reverses_id).where(Movement.receipt_id == receipt_id, Movement.reverses_id.is_not(None))
            )
        )
        rows = s.execute(
            select(Movement.id, Item.sku, Item.name, Lot.lot_number, Lot.expiry, Movement.quantity)
            .join(Item, Item.id == Movement.item_id)
            .outerjoin(Lot, Lot.id == Movement.lot_id)
            .where(Movement.receipt_id == receipt_id, Movement.reverses_id.is_(None))
            .order_by(Movement.id)
        )
        return [ReceivedLine(*r, reversed=r[0] in reversed_ids) for r in rows]
