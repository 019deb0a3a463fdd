"""Reconciliation: for a period, every unit from opening to closing explained by type."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time

from sqlalchemy import case, func, select

from hrsupply.db import Database
from hrsupply.models import Item, Location, Movement
from hrsupply.services.catalog import location_by_code
from hrsupply.services.ledger import balances_at, effects
from hrsupply.services.stock import check_period, end_of


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


def reconcile(db: Database, start: date, end: date, *, location: str | None = None) -> list[ReconcileLine]:
    """Both dates inclusive. closing = opening + received + transferred_in − handed_out
    − transferred_out − disposed + adjusted + count_variance = on hand at the end of `end`."""
    check_period(start, end)
    lo, hi = datetime.combine(start, time.min), end_of(end)
    with db.read() as session:
        loc_id = location_by_code(session, location).id if location else None
        closing: dict[tuple[int, int], int] = {}
        for (loc, item, _lot), qty in balances_at(session, hi, loc_id).items():
            closing[(loc, item)] = closing.get((loc, item), 0) + qty
        # The movement row's own location is the "out" side of a transfer; its destination is "in".
        eff = effects(Movement.occurred_at >= lo, Movement.occurred_at < hi, location_id=loc_id,
                      columns=[Movement.location_id.label("origin")])
        out_side = eff.c.location_id == eff.c.origin
        buckets = {
            "received": eff.c.type == "receive",
            "handed_out": eff.c.type == "handout",
            "transferred_out": (eff.c.type == "transfer") & out_side,
            "transferred_in": (eff.c.type == "transfer") & ~out_side,
            "disposed": eff.c.type == "dispose",
            "adjusted": eff.c.type == "adjust",
            "count_variance": eff.c.type == "count",
        }
        sums = [func.sum(case((cond, eff.c.delta), else_=0)).label(name) for name, cond in buckets.items()]
        moved = {(r.location_id, r.item_id): r for r in session.execute(
            select(eff.c.location_id, eff.c.item_id, *sums).group_by(eff.c.location_id, eff.c.item_id))}
        locs = dict(session.execute(select(Location.id, Location.code)).all())
        items = {r.id: r for r in session.execute(select(Item.id, Item.sku, Item.name))}
    lines = []
    for key in closing.keys() | moved.keys():
        r = moved.get(key)
        v = {name: (getattr(r, name) or 0) if r else 0 for name in buckets}
        end_qty = closing.get(key, 0)
        opening = end_qty - sum(v.values())
        for name in ("handed_out", "transferred_out", "disposed"):  # outflows read as positive
            v[name] = -v[name]
        if not (opening or end_qty or any(v.values())):
            continue
        loc_id, item_id = key
        lines.append(ReconcileLine(locs[loc_id], items[item_id].sku, items[item_id].name,
                                   opening=opening, closing=end_qty, **v))
    lines.sort(key=lambda l: (l.location, l.sku))
    return lines
