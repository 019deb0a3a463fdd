"""The one rule for stock that can be handed out: a lot is usable through its expiry date; stock
without a lot (an untracked item) always is. The ledger and the reconciliation still count every
unit until it is disposed; what staff can hand out, load or order against is the usable part."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrsupply.models import Balance, Lot


def usable(expiry: date | None, day: date) -> bool:
    return expiry is None or expiry >= day


def usable_sql(day: date):
    """The same rule as a condition on a query that outer-joins Lot."""
    return or_(Lot.expiry.is_(None), Lot.expiry >= day)


@dataclass(frozen=True)
class Usable:
    on_hand: int  # every unit, expired or not
    expired: int  # in lots that expired before the day

    @property
    def usable(self) -> int:
        return self.on_hand - self.expired


def usable_stock(
    session: Session, day: date, *, location_id: int | None = None, item_ids: list[int] | None = None
) -> dict[tuple[int, int], Usable]:
    """Current on hand per (location, item), split into usable and expired on `day`."""
    q = (
        select(Balance.location_id, Balance.item_id, Balance.quantity, Lot.expiry)
        .outerjoin(Lot, Lot.id == Balance.lot_id)
        .where(Balance.in_stock)
    )
    if location_id is not None:
        q = q.where(Balance.location_id == location_id)
    if item_ids is not None:
        q = q.where(Balance.item_id.in_(item_ids))
    totals: dict[tuple[int, int], list[int]] = {}
    for loc, item, qty, expiry in session.execute(q):
        t = totals.setdefault((loc, item), [0, 0])
        t[0] += qty
        if not usable(expiry, day):
            t[1] += qty
    return {k: Usable(*v) for k, v in totals.items()}
