"""Items, locations, lots and par levels: looked up and kept by their users' keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.models import Item, Location, Lot, ParLevel
from hrsupply.services.errors import UserError

LOCATION_KINDS = ("site", "van", "other")


@dataclass(frozen=True)
class ItemInfo:
    id: int
    sku: str
    name: str
    category: str
    unit: str
    lot_tracked: bool
    barcode: str | None
    reorder_point: int | None
    active: bool


@dataclass(frozen=True)
class LocationInfo:
    id: int
    code: str
    name: str
    kind: str


def _item_info(i: Item) -> ItemInfo:
    return ItemInfo(i.id, i.sku, i.name, i.category, i.unit, i.lot_tracked, i.barcode, i.reorder_point, i.active)


def upsert_item(session: Session, sku: str, **fields) -> Item:
    item = session.scalar(select(Item).where(Item.sku == sku))
    if item is None:
        item = Item(sku=sku, unit="each", lot_tracked=False, active=True)
        session.add(item)
    for name, value in fields.items():
        setattr(item, name, value)
    return item


def upsert_location(session: Session, code: str, name: str, kind: str) -> Location:
    if kind not in LOCATION_KINDS:
        raise UserError(f"location kind must be one of {', '.join(LOCATION_KINDS)}, not {kind!r}")
    loc = session.scalar(select(Location).where(Location.code == code))
    if loc is None:
        loc = Location(code=code)
        session.add(loc)
    loc.name, loc.kind = name, kind
    return loc


def upsert_par(session: Session, location_id: int, item_id: int, par: int, minimum: int | None) -> ParLevel:
    row = session.scalar(
        select(ParLevel).where(ParLevel.location_id == location_id, ParLevel.item_id == item_id)
    )
    if row is None:
        row = ParLevel(location_id=location_id, item_id=item_id)
        session.add(row)
    row.par, row.min = par, minimum
    return row


def lot_for(session: Session, item_id: int, lot_number: str, expiry: date | None) -> Lot:
    """The lot with this number, created when new. A lot number keeps the expiry it was given."""
    lot = session.scalar(select(Lot).where(Lot.item_id == item_id, Lot.lot_number == lot_number))
    if lot is None:
        if expiry is None:
            raise UserError(f"lot {lot_number} is not known yet: give its expiry")
        lot = Lot(item_id=item_id, lot_number=lot_number, expiry=expiry)
        session.add(lot)
        session.flush()
    elif expiry is not None and expiry != lot.expiry:
        raise UserError(f"lot {lot_number} already has expiry {lot.expiry.isoformat()}, not {expiry.isoformat()}")
    return lot


def items(db: Database, *, include_inactive: bool = False) -> list[ItemInfo]:
    with db.read() as session:
        q = select(Item).order_by(Item.category, Item.name)
        if not include_inactive:
            q = q.where(Item.active.is_(True))
        return [_item_info(i) for i in session.scalars(q)]


def locations(db: Database) -> list[LocationInfo]:
    with db.read() as session:
        rows = [LocationInfo(l.id, l.code, l.name, l.kind) for l in session.scalars(select(Location))]
    return sorted(rows, key=lambda l: (LOCATION_KINDS.index(l.kind), l.code))  # sites, then vans, then others


def categories(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Item.category).distinct().order_by(Item.category)))


def location_by_code(session: Session, code: str) -> Location:
    loc = session.scalar(select(Location).where(Location.code == code))
    if loc is None:
        raise UserError(f"there is no location {code!r}")
    return loc
