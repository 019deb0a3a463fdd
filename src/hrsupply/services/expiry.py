"""Lots and expiry: what expires soon or has expired, everywhere, and disposing of an expired lot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Balance, Item, Location, Lot
from hrsupply.services import movements
from hrsupply.services.laptop import held_location
from hrsupply.services.ledger import Move
from hrsupply.services.usable import usable


@dataclass(frozen=True)
class ExpiringLot:
    location_id: int
    location: str
    item_id: int
    sku: str
    name: str
    lot_id: int
    lot: str
    expiry: date
    quantity: int
    days_left: int  # negative once expired

    @property
    def expired(self) -> bool:
        return self.days_left < 0


def expiring(
    db: Database, *, within_days: int = 90, today: date | None = None, location_id: int | None = None
) -> list[ExpiringLot]:
    """Lots in stock that have expired or expire within `within_days`, soonest first."""
    today = today or date.today()
    with db.read() as s:
        q = (
            select(
                Balance.location_id,
                Location.code,
                Item.id,
                Item.sku,
                Item.name,
                Lot.id,
                Lot.lot_number,
                Lot.expiry,
                Balance.quantity,
            )
            .join(Lot, Lot.id == Balance.lot_id)
            .join(Item, Item.id == Balance.item_id)
            .join(Location, Location.id == Balance.location_id)
            .where(Balance.in_stock, Lot.expiry <= today + timedelta(days=within_days))
            .order_by(Lot.expiry, Item.sku, Location.code)
        )
        location_id = location_id if location_id is not None else held_location(s)  # a laptop: its own
        if location_id is not None:
            q = q.where(Balance.location_id == location_id)
        return [ExpiringLot(*r, days_left=(r.expiry - today).days) for r in s.execute(q)]


def dispose_expired(db: Database, user: str, location_id: int, lot_id: int, *, at: datetime | None = None) -> int:
    """Dispose of everything left of an expired lot at a location (reason "expired"); returns units."""
    at = at or datetime.now()
    with db.read() as s:
        lot = s.get(Lot, lot_id)
        if lot is None:
            raise UserError(tr("there is no lot {lot_id}").format(lot_id=lot_id))
        have = (
            s.scalar(select(Balance.quantity).where(Balance.location_id == location_id, Balance.lot_id == lot_id)) or 0
        )
    if usable(lot.expiry, at.date()):
        raise UserError(
            tr("lot {lot_lot_number} expires {lot_expiry:%Y-%m-%d}; it has not expired yet").format(
                lot_lot_number=lot.lot_number, lot_expiry=lot.expiry
            )
        )
    if have <= 0:
        raise UserError(tr("there is nothing left of lot {lot_lot_number} here").format(lot_lot_number=lot.lot_number))
    movements.record(db, user, [Move("dispose", lot.item_id, location_id, have, at, lot_id=lot_id, reason="expired")])
    return have
