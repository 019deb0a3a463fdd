"""Purchase orders: drafted from reorder suggestions or by hand, sent, received against (in part or
in full) and closed when the rest will not come.

Only draft, sent and closed are stored. Whether a sent order is partly or fully received is worked
out from the receive movements of its receipts, so reversing a receipt line makes it due again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import Item, Location, Movement, PurchaseOrder, PurchaseOrderLine, Receipt, Source
from hrsupply.services import laptop
from hrsupply.services.access import require
from hrsupply.services.bounds import check_units
from hrsupply.services.catalog import pack_units
from hrsupply.services.report import Column, Report

STATUSES = (
    QT_TR_NOOP("draft"),
    QT_TR_NOOP("sent"),
    QT_TR_NOOP("partly received"),
    QT_TR_NOOP("received"),
    QT_TR_NOOP("closed"),
)  # codes, shown through tr()


def number(order_id: int) -> str:
    return f"PO-{order_id:04d}"


@dataclass
class OrderLineForm:
    item_id: int
    packs: int
    pack: str | None = None  # a pack size's name; None: single units


@dataclass
class OrderForm:
    source_id: int
    location_id: int
    note: str | None = None
    lines: list[OrderLineForm] = field(default_factory=list)


def _checked_lines(s: Session, form: OrderForm) -> list[PurchaseOrderLine]:
    """The form's lines as rows, or a UserError naming every wrong field."""
    problems = []
    if s.get(Source, form.source_id) is None:
        problems.append(tr("Source: choose who the order goes to"))
    if s.get(Location, form.location_id) is None:
        problems.append(tr("Deliver to: choose a location"))
    if form.note and len(form.note) > PurchaseOrder.note.type.length:
        problems.append(tr("Note: at most {n} characters").format(n=PurchaseOrder.note.type.length))
    rows, seen = [], {}
    for n, line in enumerate(form.lines, start=1):
        item = s.get(Item, line.item_id)
        if item is None:
            problems.append(tr("Line {n}: no such item").format(n=n))
            continue
        where = tr("Line {n} ({sku})").format(n=n, sku=item.sku)
        if item.id in seen:
            problems.append(
                tr("{where}: already on line {n}; change the quantity there").format(where=where, n=seen[item.id])
            )
            continue
        seen[item.id] = n
        units = pack_units(s, item.id, line.pack)
        if units is None:
            problems.append(
                tr("{where}, pack: {sku} has no pack size {pack!r}").format(where=where, sku=item.sku, pack=line.pack)
            )
            continue
        try:
            check_units(line.packs, tr("the number of packs"))
            check_units(
                line.packs * units, tr("{line_packs:,} × {units:,} units").format(line_packs=line.packs, units=units)
            )
        except UserError as exc:
            problems.append(tr("{where}, quantity: {problem}").format(where=where, problem=exc))
            continue
        rows.append(PurchaseOrderLine(item_id=item.id, pack=line.pack or None, pack_units=units, packs=line.packs))
    if problems:
        raise UserError("\n".join(problems))
    return rows


def _create(s: Session, user: str, form: OrderForm) -> int:
    lines = _checked_lines(s, form)
    order = PurchaseOrder(
        source_id=form.source_id,
        location_id=form.location_id,
        status="draft",
        note=form.note or None,
        created_at=datetime.now(),
        created_by=user,
    )
    s.add(order)
    s.flush()
    for line in lines:
        line.order_id = order.id
    s.add_all(lines)
    return order.id


def create(db: Database, user: str, form: OrderForm) -> int:
    """A new draft order (its lines may come later); returns its id."""

    def work(s) -> int:
        require(s, user, "stock")
        laptop.central_only(s, laptop.RECEIPTS)
        return _create(s, user, form)

    return db.transaction(work)


@dataclass(frozen=True)
class Pick:
    """A reorder suggestion the supply lead kept: so many packs, from the item's default source."""

    item_id: int
    packs: int
    pack: str | None
    source_id: int | None


def drafts_from(
    db: Database, user: str, location_id: int, picks: list[Pick], fallback_source_id: int | None = None
) -> list[int]:
    """One draft order per source, in one transaction; items without a default source go to
    `fallback_source_id`. Returns the new orders' ids."""

    def work(s) -> list[int]:
        require(s, user, "stock")
        groups: dict[int, list[OrderLineForm]] = {}
        orphans = []
        for pick in picks:
            if pick.packs <= 0:
                continue
            source = pick.source_id or fallback_source_id
            if source is None:
                orphans.append(s.get(Item, pick.item_id).sku)
                continue
            groups.setdefault(source, []).append(OrderLineForm(pick.item_id, pick.packs, pick.pack))
        if orphans:
            raise UserError(
                tr("Source: {x} {x2} no default source; choose a source for items without one").format(
                    x=", ".join(orphans), x2="has" if len(orphans) == 1 else "have"
                )
            )
        if not groups:
            raise UserError(tr("Nothing to order: no line has packs to order"))
        return [
            _create(s, user, OrderForm(source, location_id, "from reorder suggestions", lines))
            for source, lines in sorted(groups.items())
        ]

    return db.transaction(work)


def _order(s: Session, order_id: int, *, allowed: tuple[str, ...], action: str) -> PurchaseOrder:
    order = s.get(PurchaseOrder, order_id, with_for_update=True)
    if order is None:
        raise UserError(tr("there is no order {x}").format(x=number(order_id)))
    if order.status not in allowed:
        raise UserError(
            tr("{x} is {order_status}, so it cannot be {action}").format(
                x=number(order_id), order_status=order.status, action=action
            )
        )
    return order


def update(db: Database, user: str, order_id: int, form: OrderForm) -> None:
    """Replace a draft's source, destination, note and lines."""

    def work(s) -> None:
        require(s, user, "stock")
        order = _order(s, order_id, allowed=("draft",), action="changed; only a draft can")
        lines = _checked_lines(s, form)
        order.source_id, order.location_id, order.note = form.source_id, form.location_id, form.note or None
        s.execute(delete(PurchaseOrderLine).where(PurchaseOrderLine.order_id == order_id))
        for line in lines:
            line.order_id = order_id
        s.add_all(lines)

    db.transaction(work)


def mark_sent(db: Database, user: str, order_id: int) -> None:
    def work(s) -> None:
        require(s, user, "stock")
        order = _order(s, order_id, allowed=("draft",), action="sent again")
        if not s.scalar(select(PurchaseOrderLine.id).where(PurchaseOrderLine.order_id == order_id).limit(1)):
            raise UserError(tr("{x} has no lines: add at least one item before sending it").format(x=number(order_id)))
        order.status, order.sent_at = "sent", datetime.now()

    db.transaction(work)


def close(db: Database, user: str, order_id: int, note: str | None = None) -> None:
    """Nothing more is expected: what is still due stops counting as on order."""

    def work(s) -> None:
        require(s, user, "stock")
        order = _order(s, order_id, allowed=("sent",), action="closed")
        order.status, order.closed_at = "closed", datetime.now()
        if note:
            order.note = note[: PurchaseOrder.note.type.length]

    db.transaction(work)


def delete_draft(db: Database, user: str, order_id: int) -> None:
    def work(s) -> None:
        require(s, user, "stock")
        _order(s, order_id, allowed=("draft",), action="deleted; only a draft can")
        s.execute(delete(PurchaseOrderLine).where(PurchaseOrderLine.order_id == order_id))
        s.execute(delete(PurchaseOrder).where(PurchaseOrder.id == order_id))

    db.transaction(work)


# ---- what has arrived and what is still due -----------------------------------------------
def _received(s: Session, order_ids) -> dict[tuple[int, int], int]:
    """Units received per (order, item), net of reversed receipt lines."""
    rows = s.execute(
        select(Receipt.purchase_order_id, Movement.item_id, func.sum(Movement.quantity))
        .join(Movement, Movement.receipt_id == Receipt.id)
        .where(Receipt.purchase_order_id.in_(order_ids), Movement.type == "receive")
        .group_by(Receipt.purchase_order_id, Movement.item_id)
    )
    return {(o, i): q for o, i, q in rows}


def on_order(s: Session, location_id: int | None = None) -> dict[int, int]:
    """Units still due per item on sent orders (to `location_id`, or anywhere)."""
    q = (
        select(
            PurchaseOrderLine.order_id,
            PurchaseOrderLine.item_id,
            PurchaseOrderLine.packs * PurchaseOrderLine.pack_units,
        )
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.order_id)
        .where(PurchaseOrder.status == "sent")
    )
    if location_id is not None:
        q = q.where(PurchaseOrder.location_id == location_id)
    lines = s.execute(q).all()
    received = _received(s, {o for o, _, _ in lines}) if lines else {}
    due: dict[int, int] = {}
    for order_id, item_id, units in lines:
        left = units - received.get((order_id, item_id), 0)
        if left > 0:
            due[item_id] = due.get(item_id, 0) + left
    return due


def _shown_status(stored: str, ordered: int, received: int) -> str:
    if stored != "sent":
        return stored
    if received <= 0:
        return "sent"
    return "received" if received >= ordered else "partly received"


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    source_id: int
    source: str
    location_id: int
    location: str
    status: str
    note: str | None
    created_at: datetime
    created_by: str
    sent_at: datetime | None
    lines: int
    ordered: int  # units
    received: int  # units, counting only items on the order and at most what was ordered

    @property
    def due(self) -> int:
        return 0 if self.status == "closed" else self.ordered - self.received


@dataclass(frozen=True)
class OrderLine:
    item_id: int
    sku: str
    name: str
    pack: str | None
    pack_units: int
    packs: int
    received: int  # units

    @property
    def ordered(self) -> int:
        return self.packs * self.pack_units

    @property
    def due(self) -> int:
        return max(self.ordered - self.received, 0)

    @property
    def due_packs(self) -> int:
        return -(-self.due // self.pack_units)


def lines_of(db: Database, order_id: int) -> list[OrderLine]:
    with db.read() as s:
        return _lines(s, [order_id]).get(order_id, [])


def _lines(s: Session, order_ids: list[int]) -> dict[int, list[OrderLine]]:
    received = _received(s, order_ids)
    out: dict[int, list[OrderLine]] = {}
    for r in s.execute(
        select(
            PurchaseOrderLine.order_id,
            Item.id,
            Item.sku,
            Item.name,
            PurchaseOrderLine.pack,
            PurchaseOrderLine.pack_units,
            PurchaseOrderLine.packs,
        )
        .join(Item, Item.id == PurchaseOrderLine.item_id)
        .where(PurchaseOrderLine.order_id.in_(order_ids))
        .order_by(Item.name)
    ):
        out.setdefault(r.order_id, []).append(
            OrderLine(r.id, r.sku, r.name, r.pack, r.pack_units, r.packs, received.get((r.order_id, r.id), 0))
        )
    return out


def orders(db: Database, *, open_only: bool = False) -> list[OrderRow]:
    """Orders, newest first. Open: drafts and sent orders with something still due."""
    with db.read() as s:
        heads = s.execute(
            select(PurchaseOrder, Source.name, Location.code)
            .join(Source, Source.id == PurchaseOrder.source_id)
            .join(Location, Location.id == PurchaseOrder.location_id)
            # A closed order is never open; a sent one may be fully received, known once its lines are read.
            .where(*([PurchaseOrder.status != "closed"] if open_only else []))
            .order_by(PurchaseOrder.id.desc())
        ).all()
        lines = _lines(s, [o.id for o, _, _ in heads]) if heads else {}
    rows = []
    for order, source, loc in heads:
        mine = lines.get(order.id, [])
        ordered = sum(l.ordered for l in mine)
        received = sum(min(l.received, l.ordered) for l in mine)
        row = OrderRow(
            order.id,
            number(order.id),
            order.source_id,
            source,
            order.location_id,
            loc,
            _shown_status(order.status, ordered, received),
            order.note,
            order.created_at,
            order.created_by,
            order.sent_at,
            len(mine),
            ordered,
            received,
        )
        if not open_only or row.status in ("draft", "sent", "partly received"):
            rows.append(row)
    return rows


def receivable(db: Database) -> list[OrderRow]:
    """Sent orders with something still due: what a delivery can be received against."""
    return [o for o in orders(db, open_only=True) if o.status != "draft"]


def check_receivable(s: Session, order_id: int) -> PurchaseOrder:
    """For receiving: the order must have been sent and not closed."""
    order = s.get(PurchaseOrder, order_id)
    if order is None:
        raise UserError(tr("Order: there is no order {x}").format(x=number(order_id)))
    if order.status != "sent":
        raise UserError(
            tr("Order: {x} is {order_status}; only a sent order can be received against").format(
                x=number(order_id), order_status=order.status
            )
        )
    return order


def order_report(order: OrderRow, lines: list[OrderLine], *, program: str) -> Report:
    """The order as a sheet to send: what, in which packs, how many; and what has arrived."""
    columns = [
        Column("Item", "text", 34),
        Column("SKU", "text", 14),
        Column("Pack", "text", 14),
        Column("Packs", "int", 9, total=True),
        Column("Units", "int", 10, total=True),
        Column("Received", "int", 10, total=True),
        Column("Still due", "int", 10, total=True),
    ]
    rows = [
        [
            l.name,
            l.sku,
            tr("{pack} of {units:,}").format(pack=l.pack, units=l.pack_units) if l.pack else tr("single"),
            l.packs,
            l.ordered,
            l.received,
            l.due,
        ]
        for l in lines
    ]
    sent = f" · sent {order.sent_at:%B %d, %Y}" if order.sent_at else ""
    return Report(
        f"Purchase order {order.number}",
        f"{program} · to {order.source} · deliver to {order.location} · {order.status}{sent}"
        + (f" · {order.note}" if order.note else ""),
        columns,
        rows,
    )
