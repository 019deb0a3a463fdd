"""Stock takes: count a location by item and lot, review the differences, post the count.

Every figure is saved the moment it is entered, so a count in progress survives closing the app.
Posting writes a count movement (reference "Count <id>") for each counted line and nothing else:
items and lots not counted keep their stock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import Balance, Item, Location, Lot, StockCount, StockCountLine
from hrsupply.services.access import check_date, require
from hrsupply.services.bounds import check_units
from hrsupply.services.catalog import lot_for
from hrsupply.services.ledger import Move, Poster

STATUSES = (QT_TR_NOOP("open"), QT_TR_NOOP("posted"), QT_TR_NOOP("discarded"))  # shown through tr()


def reference(count_id: int) -> str:
    return f"Count {count_id}"


def start(
    db: Database,
    user: str,
    location_id: int,
    *,
    category: str | None = None,
    item_ids: list[int] | None = None,
    blind: bool = False,
) -> int:
    """Open a count of every active item, one category, or chosen items. Lot-tracked items get a
    line per lot in stock there; one with no stock gets a line whose lot is given when counted."""

    def work(s) -> int:
        require(s, user, "stock")
        loc = s.get(Location, location_id)
        if loc is None:
            raise UserError(tr("Location: choose the location to count"))
        other = s.scalar(
            select(StockCount.id).where(StockCount.location_id == location_id, StockCount.status == "open")
        )
        if other is not None:
            raise UserError(
                tr("{x} of {loc_code} is still open: post or discard it first").format(
                    x=reference(other), loc_code=loc.code
                )
            )
        q = select(Item).where(Item.active.is_(True))
        if item_ids is not None:
            if not item_ids:
                raise UserError(tr("Items: choose at least one item to count"))
            q = q.where(Item.id.in_(item_ids))
            scope = QT_TR_NOOP("Chosen items")  # kept in English; shown by `scope_shown`
        elif category:
            q = q.where(Item.category == category)
            scope = f"Category: {category}"
        else:
            scope = QT_TR_NOOP("All items")
        items = list(s.scalars(q))
        if not items:
            raise UserError(tr("{scope}: no active items to count").format(scope=scope))
        count = StockCount(
            location_id=location_id,
            scope=scope[:120],
            blind=blind,
            status="open",
            started_at=datetime.now(),
            started_by=user,
        )
        s.add(count)
        s.flush()
        stocked: dict[int, list[int]] = {}
        for item_id, lot_id in s.execute(
            select(Balance.item_id, Balance.lot_id).where(
                Balance.location_id == location_id, Balance.in_stock, Balance.lot_id.is_not(None)
            )
        ):
            stocked.setdefault(item_id, []).append(lot_id)
        rows = []
        for item in items:
            lots = stocked.get(item.id, []) if item.lot_tracked else []
            for lot_id in lots or [None]:
                rows.append(dict(count_id=count.id, item_id=item.id, lot_id=lot_id, lot_key=lot_id or 0))
        s.execute(StockCountLine.__table__.insert(), rows)
        return count.id

    return db.transaction(work)


def _open(s: Session, count_id: int) -> StockCount:
    count = s.get(StockCount, count_id)
    if count is None:
        raise UserError(tr("there is no {x}").format(x=reference(count_id).lower()))
    if count.status != "open":
        raise UserError(tr("{x} is already {count_status}").format(x=reference(count_id), count_status=count.status))
    return count


_LINE_T, _COUNT_T, _ITEM_T = StockCountLine.__table__, StockCount.__table__, Item.__table__
# Built once: a stock take saves hundreds of lines, and building a statement cost more than
# running it.
_ENTER_READ = (
    select(_LINE_T.c.count_id, _LINE_T.c.lot_id, _COUNT_T.c.status, _ITEM_T.c.sku, _ITEM_T.c.lot_tracked)
    .join(_COUNT_T, _COUNT_T.c.id == _LINE_T.c.count_id)
    .join(_ITEM_T, _ITEM_T.c.id == _LINE_T.c.item_id)
    .where(_LINE_T.c.id == bindparam("line"))
)
_ENTER_WRITE = (
    _LINE_T.update()
    .where(_LINE_T.c.id == bindparam("line"))
    .values(counted=bindparam("counted"), reason=bindparam("reason"))
)


def enter(db: Database, user: str, line_id: int, counted: int | None, reason: str | None = None) -> None:
    """Save one line's figure (None: not counted) and the reason it differs, if known. Typed a
    line at a time, each saved at once (a count survives closing the app): one read of the line,
    its count and its item, then one update, through Core. Saved as a draft (`Database.write`):
    a stock take of 500 lines should not wait for the disk 500 times."""
    text = (reason or "").strip()

    def work(s) -> None:
        require(s, user, "stock")
        row = s.connection().execute(_ENTER_READ, {"line": line_id}).one_or_none()
        if row is None:
            raise UserError(tr("there is no count line {line_id}").format(line_id=line_id))
        if row.status != "open":
            raise UserError(tr("{x} is already {row_status}").format(x=reference(row.count_id), row_status=row.status))
        if counted is not None:
            check_units(counted, tr("{row_sku}: the count").format(row_sku=row.sku), least=0)
            if row.lot_tracked and row.lot_id is None and counted > 0:
                raise UserError(
                    tr("{row_sku} is lot-tracked: add the lot you found, then count it").format(row_sku=row.sku)
                )
        if len(text) > StockCountLine.reason.type.length:
            raise UserError(
                tr("{row_sku}, reason: at most {StockCountLine_reason_type_length} characters").format(
                    row_sku=row.sku, StockCountLine_reason_type_length=StockCountLine.reason.type.length
                )
            )
        s.connection().execute(_ENTER_WRITE, {"line": line_id, "counted": counted, "reason": text or None})

    db.transaction(work, draft=True)  # a typed figure: the post that follows is durable


def add(
    db: Database, user: str, count_id: int, item_id: int, lot: str | None = None, expiry: date | None = None
) -> int:
    """Add an item (or a lot of it) found on the shelf but not on the sheet; returns its line.
    A lot the program has not seen before needs its expiry."""

    def work(s) -> int:
        require(s, user, "stock")
        _open(s, count_id)
        item = s.get(Item, item_id)
        if item is None:
            raise UserError(tr("Item: no such item"))
        lot_id = None
        if item.lot_tracked:
            if not (lot or "").strip():
                raise UserError(tr("{item_sku} is lot-tracked: give the lot number").format(item_sku=item.sku))
            lot_id = lot_for(s, item.id, lot.strip(), expiry).id
        elif lot:
            raise UserError(tr("{item_sku} is not lot-tracked, so it takes no lot").format(item_sku=item.sku))
        existing = s.scalar(
            select(StockCountLine.id).where(
                StockCountLine.count_id == count_id,
                StockCountLine.item_id == item_id,
                StockCountLine.lot_key == (lot_id or 0),
            )
        )
        if existing is not None:
            return existing
        line = StockCountLine(count_id=count_id, item_id=item_id, lot_id=lot_id, lot_key=lot_id or 0)
        s.add(line)
        s.flush()
        return line.id

    return db.transaction(work)


@dataclass(frozen=True)
class CountRow:
    line_id: int
    item_id: int
    sku: str
    name: str
    category: str
    unit: str
    lot_tracked: bool
    lot: str | None
    expiry: date | None
    expected: int  # on hand now, for this item and lot
    counted: int | None
    reason: str | None

    @property
    def variance(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected


@dataclass(frozen=True)
class CountInfo:
    id: int
    location_id: int
    location: str
    location_name: str
    scope: str
    blind: bool
    status: str
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    lines: int
    counted: int

    @property
    def scope_shown(self) -> str:
        """What was counted, in the user's language."""
        if self.scope.startswith("Category: "):
            return tr("Category: {category}").format(category=self.scope.removeprefix("Category: "))
        return tr(self.scope)

    @property
    def title(self) -> str:
        """As shown (the movements' reference stays "Count N" in every language)."""
        return tr("Count {count_id} · {location} · {scope}").format(
            count_id=self.id, location=self.location_name, scope=self.scope_shown
        )


def counts(db: Database, *, limit: int = 50, count_id: int | None = None) -> list[CountInfo]:
    """Open counts first, then the latest finished ones (or just `count_id`)."""
    with db.read() as s:
        tally = (
            select(
                StockCountLine.count_id,
                func.count().label("lines"),
                func.count(StockCountLine.counted).label("counted"),
            )
            .group_by(StockCountLine.count_id)
            .subquery()
        )
        rows = s.execute(
            select(StockCount, Location.code, Location.name, tally.c.lines, tally.c.counted)
            .join(Location, Location.id == StockCount.location_id)
            .outerjoin(tally, tally.c.count_id == StockCount.id)
            .where(*([StockCount.id == count_id] if count_id is not None else []))
            .order_by((StockCount.status == "open").desc(), StockCount.id.desc())
            .limit(limit)
        ).all()
        return [
            CountInfo(
                c.id,
                c.location_id,
                code,
                name,
                c.scope,
                c.blind,
                c.status,
                c.started_at,
                c.started_by,
                c.finished_at,
                lines or 0,
                done or 0,
            )
            for c, code, name, lines, done in rows
        ]


def count_info(db: Database, count_id: int) -> CountInfo:
    for info in counts(db, count_id=count_id):
        return info
    raise UserError(tr("there is no {x}").format(x=reference(count_id).lower()))


def sheet(db: Database, count_id: int) -> list[CountRow]:
    """The count's lines by category, name, then earliest expiry, with what the ledger expects."""
    with db.read() as s:
        count = s.get(StockCount, count_id)
        if count is None:
            raise UserError(tr("there is no {x}").format(x=reference(count_id).lower()))
        expected = {
            (r.item_id, r.lot_key): r.quantity
            for r in s.execute(
                select(Balance.item_id, Balance.lot_key, Balance.quantity).where(
                    Balance.location_id == count.location_id
                )
            )
        }
        rows = s.execute(
            select(StockCountLine, Item, Lot.lot_number, Lot.expiry)
            .join(Item, Item.id == StockCountLine.item_id)
            .outerjoin(Lot, Lot.id == StockCountLine.lot_id)
            .where(StockCountLine.count_id == count_id)
        ).all()
    out = [
        CountRow(
            line.id,
            item.id,
            item.sku,
            item.name,
            item.category,
            item.unit,
            item.lot_tracked,
            lot,
            expiry,
            expected.get((item.id, line.lot_key), 0),
            line.counted,
            line.reason,
        )
        for line, item, lot, expiry in rows
    ]
    out.sort(key=lambda r: (r.category.lower(), r.name.lower(), r.expiry or date.min, r.lot or ""))
    return out


@dataclass(frozen=True)
class Posted:
    lines: int  # count movements written (one per counted line)
    differences: int  # of them, lines whose count differed from the ledger
    not_counted: int  # lines left as they were


def post(db: Database, user: str, count_id: int, *, at: datetime | None = None) -> Posted:
    """Post the counted lines as count movements, in one transaction; the count is then closed.
    A lot-tracked item with no lot found (counted 0 on its no-lot line) needs no movement."""
    at = at or datetime.now()

    def work(s) -> Posted:
        require(s, user, "stock")
        check_date(s, user, at)
        count = _open(s, count_id)
        lines = (
            s.connection()
            .execute(  # Core: a site's count is hundreds of lines
                select(_LINE_T.c.item_id, _LINE_T.c.lot_id, _LINE_T.c.counted, _LINE_T.c.reason, _ITEM_T.c.lot_tracked)
                .join(_ITEM_T, _ITEM_T.c.id == _LINE_T.c.item_id)
                .where(_LINE_T.c.count_id == count_id)
            )
            .all()
        )
        counted = [l for l in lines if l.counted is not None]
        if not counted:
            raise UserError(tr("{x}: nothing has been counted yet").format(x=reference(count_id)))
        moves = [
            Move(
                "count",
                l.item_id,
                count.location_id,
                l.counted,
                at,
                lot_id=l.lot_id,
                reason=l.reason,
                reference=reference(count_id),
            )
            for l in counted
            if l.lot_id is not None or not l.lot_tracked
        ]
        poster = Poster(s, user)
        poster.lock({(count.location_id, m.item_id) for m in moves})
        differences = sum(poster.post(m)[0]["quantity"] != 0 for m in moves)
        poster.flush()
        count.status, count.finished_at, count.finished_by = "posted", datetime.now(), user
        return Posted(len(moves), differences, len(lines) - len(counted))

    return db.transaction(work)


def discard(db: Database, user: str, count_id: int) -> None:
    """Give up a count: nothing is posted; the figures entered are kept for the record."""

    def work(s) -> None:
        require(s, user, "stock")
        count = _open(s, count_id)
        count.status, count.finished_at = "discarded", datetime.now()

    db.transaction(work)
