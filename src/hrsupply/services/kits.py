"""Kits: assemble them from their components, or break them back down. One transaction each.

Both are adjustments with a "kit assembly" / "kit break-down" reason, so reconciliation (whose
columns are fixed) shows each component going into kits and the kits appearing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from hrsupply.db import Database
from hrsupply.errors import NotEnoughStock, UserError
from hrsupply.i18n import tr
from hrsupply.models import Item, KitComponent, Movement
from hrsupply.services.access import require
from hrsupply.services.bounds import check_units
from hrsupply.services.changes import KIT_REASONS
from hrsupply.services.ledger import Move, Poster

ASSEMBLY, BREAK_DOWN = KIT_REASONS  # the ledger counts them as use (day changes)


@dataclass(frozen=True)
class Component:
    item_id: int
    sku: str
    name: str
    quantity: int  # per kit
    lot_tracked: bool


def recipe(session, kit_id: int) -> list[Component]:
    rows = session.execute(
        select(Item.id, Item.sku, Item.name, KitComponent.quantity, Item.lot_tracked)
        .join(KitComponent, KitComponent.component_id == Item.id)
        .where(KitComponent.kit_id == kit_id)
        .order_by(KitComponent.id)
    )
    return [Component(*r) for r in rows]


def kits(db: Database) -> dict[int, list[Component]]:
    """Every kit item with its recipe."""
    with db.read() as s:
        ids = s.scalars(select(KitComponent.kit_id).distinct()).all()
        return {kit_id: recipe(s, kit_id) for kit_id in ids}


def _start(s, user: str, kit_id: int, location_id: int, count: int):
    check_units(count, tr("how many kits"))
    kit = s.get(Item, kit_id)
    parts = recipe(s, kit_id) if kit else []
    if not parts:
        raise UserError(
            tr("{x} is not a kit: give it components in Settings first").format(x=kit.sku if kit else kit_id)
        )
    poster = Poster(s, user)
    poster.lock({(location_id, kit_id)} | {(location_id, p.item_id) for p in parts})
    return kit, parts, poster


def assemble(db: Database, user: str, kit_id: int, location_id: int, count: int, at: datetime | None = None) -> None:
    """Make `count` kits at a location: the components are used up (earliest expiry first) and
    the kits added. If any component is short, nothing happens and every shortage is named."""
    at = at or datetime.now()

    def work(s) -> None:
        require(s, user, "stock")
        kit, parts, poster = _start(s, user, kit_id, location_id, count)
        short = [
            f"{p.name} needs {p.quantity * count}, {have} available"
            for p in parts
            if (have := poster.drawable(location_id, p.item_id, at)) < p.quantity * count
        ]
        if short:
            raise NotEnoughStock(
                tr("not enough to assemble {count} × {kit_name}: ").format(count=count, kit_name=kit.name)
                + "; ".join(short)
            )
        reference = f"{count} × {kit.sku}"
        for p in parts:
            poster.post(
                Move("adjust", p.item_id, location_id, -p.quantity * count, at, reason=ASSEMBLY, reference=reference)
            )
        poster.post(Move("adjust", kit_id, location_id, count, at, reason=ASSEMBLY, reference=reference))
        poster.flush()

    db.transaction(work)


def break_down(db: Database, user: str, kit_id: int, location_id: int, count: int, at: datetime | None = None) -> None:
    """Take `count` kits apart: the kits leave and their components return to stock. A lot-tracked
    component goes back into the lot most recently used to assemble this kit here."""
    at = at or datetime.now()

    def work(s) -> None:
        require(s, user, "stock")
        kit, parts, poster = _start(s, user, kit_id, location_id, count)
        have = poster.drawable(location_id, kit_id, at)
        if have < count:
            raise NotEnoughStock(
                tr("cannot break down {count} × {kit_name}: {have} at this location").format(
                    count=count, kit_name=kit.name, have=have
                )
            )
        reference = f"{count} × {kit.sku}"
        poster.post(Move("adjust", kit_id, location_id, -count, at, reason=BREAK_DOWN, reference=reference))
        for p in parts:
            lot_id = None
            if p.lot_tracked:
                lot_id = s.scalar(
                    select(Movement.lot_id)
                    .where(
                        Movement.item_id == p.item_id,
                        Movement.location_id == location_id,
                        Movement.reason == ASSEMBLY,
                        Movement.quantity < 0,
                    )
                    .order_by(Movement.occurred_at.desc(), Movement.id.desc())
                    .limit(1)
                )
                if lot_id is None:
                    raise UserError(
                        tr(
                            "{p_name} is lot-tracked and no kit here was assembled from a known lot: receive it by lot "
                            "instead"
                        ).format(p_name=p.name)
                    )
            poster.post(
                Move(
                    "adjust",
                    p.item_id,
                    location_id,
                    p.quantity * count,
                    at,
                    lot_id=lot_id,
                    reason=BREAK_DOWN,
                    reference=reference,
                )
            )
        poster.flush()

    db.transaction(work)
