"""Adjust and dispose with a reason, correct a mistake by reversal, and review what the front
desk flagged (a "found" adjustment made so a handout could go ahead)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, QT_TRANSLATE_NOOP, tr
from hrsupply.models import Item, Location, Lot, Movement, Review, Visit
from hrsupply.services import movements
from hrsupply.services.access import require
from hrsupply.services.catalog import lot_for
from hrsupply.services.ledger import Move, Poster

# Kept in the records in English; shown as tr(reason, "stock") (a lot is "caducado", a kit "caducada").
ADJUST_REASONS = (
    QT_TRANSLATE_NOOP("stock", "damaged"),
    QT_TRANSLATE_NOOP("stock", "lost"),
    QT_TRANSLATE_NOOP("stock", "stolen"),
    QT_TRANSLATE_NOOP("stock", "found"),
    QT_TRANSLATE_NOOP("stock", "distributed without record"),
    QT_TRANSLATE_NOOP("stock", "other"),
)
DISPOSE_REASONS = (
    QT_TRANSLATE_NOOP("stock", "expired"),
    QT_TRANSLATE_NOOP("stock", "damaged"),
    QT_TRANSLATE_NOOP("stock", "recalled"),
)


def _reason(reason: str, note: str | None, allowed: tuple[str, ...], what: str) -> str:
    if reason not in allowed:
        raise UserError(tr("{what} reason must be one of: {x}").format(what=tr(what), x=", ".join(allowed)))
    note = (note or "").strip()
    if reason == "other" and not note:
        raise UserError(tr("say what happened when the reason is “other”"))
    text = f"{reason}: {note}" if note else reason
    if len(text) > Movement.reason.type.length:
        raise UserError(
            tr("the note is too long (at most {x} characters)").format(x=Movement.reason.type.length - len(reason) - 2)
        )
    return text


def adjust(
    db: Database,
    user: str,
    *,
    location_id: int,
    item_id: int,
    quantity: int,
    reason: str,
    note: str | None = None,
    lot: str | None = None,
    expiry: date | None = None,
    at: datetime | None = None,
) -> None:
    """A signed correction. Adding to a lot-tracked item names its lot (a new lot needs its
    expiry); taking away draws the named lot or, without one, earliest expiry first."""
    text = _reason(reason, note, ADJUST_REASONS, QT_TR_NOOP("An adjustment"))
    if not isinstance(quantity, int) or quantity == 0:
        raise UserError(tr("quantity: a whole number other than 0 (negative takes stock away)"))
    at = at or datetime.now()

    def work(s) -> None:
        require(s, user, "stock")
        item = s.get(Item, item_id)
        lot_id = None
        if lot:
            if not item.lot_tracked:
                raise UserError(tr("{item_sku} is not lot-tracked, so it takes no lot").format(item_sku=item.sku))
            lot_id = lot_for(s, item_id, lot.strip(), expiry if quantity > 0 else None).id
        poster = Poster(s, user)
        poster.lock({(location_id, item_id)})
        poster.post(Move("adjust", item_id, location_id, quantity, at, lot_id=lot_id, reason=text))
        poster.flush()

    db.transaction(work)


def dispose(
    db: Database,
    user: str,
    *,
    location_id: int,
    item_id: int,
    quantity: int,
    reason: str,
    note: str | None = None,
    lot_id: int | None = None,
    at: datetime | None = None,
) -> None:
    text = _reason(reason, note, DISPOSE_REASONS, QT_TR_NOOP("A disposal"))
    movements.record(
        db, user, [Move("dispose", item_id, location_id, quantity, at or datetime.now(), lot_id=lot_id, reason=text)]
    )


# ---- review ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Flagged:
    movement_id: int
    occurred_at: datetime
    location: str
    sku: str
    name: str
    lot: str | None
    quantity: int
    recorded_by: str
    participant: str | None


def _flags(*extra):
    """A flagged movement's columns (as Flagged takes them), then `extra`, with what it joins."""
    return (
        select(
            Movement.id,
            Movement.occurred_at,
            Location.code,
            Item.sku,
            Item.name,
            Lot.lot_number,
            Movement.quantity,
            Movement.recorded_by,
            Visit.participant,
            *extra,
        )
        .join(Location, Location.id == Movement.location_id)
        .join(Item, Item.id == Movement.item_id)
        .outerjoin(Lot, Lot.id == Movement.lot_id)
        .outerjoin(Visit, Visit.id == Movement.visit_id)
    )


def flagged(db: Database) -> list[Flagged]:
    """Movements flagged for the supply lead that nobody has reviewed yet, oldest first."""
    with db.read() as s:
        rows = s.execute(
            _flags().outerjoin(Review, Review.movement_id == Movement.id).where(Movement.flagged, Review.id.is_(None))
        )
        # Sorted here: asked to sort, SQLite would walk the whole ledger in time order instead of
        # using the small index of flagged lines.
        return sorted((Flagged(*r) for r in rows), key=lambda f: (f.occurred_at, f.movement_id))


@dataclass(frozen=True)
class Reviewed:
    flag: Flagged
    outcome: str  # kept | reversed
    note: str | None
    reviewed_at: datetime
    reviewed_by: str


def recently_reviewed(db: Database, *, days: int = 7, today: date | None = None) -> list[Reviewed]:
    """Flags closed in the last `days` days, newest first: kept or reversed by the supply lead,
    or reversed with the visit that made them when the front desk undid it."""
    since = datetime.combine((today or date.today()) - timedelta(days=days), datetime.min.time())
    with db.read() as s:
        rows = s.execute(
            _flags(Review.outcome, Review.note, Review.reviewed_at, Review.reviewed_by)
            .join(Review, Review.movement_id == Movement.id)
            .where(Review.reviewed_at >= since)
            .order_by(Review.reviewed_at.desc(), Review.id.desc())
        )
        return [Reviewed(Flagged(*r[:9]), *r[9:]) for r in rows]


def review(db: Database, user: str, movement_id: int, *, keep: bool, note: str | None = None) -> None:
    """Close a flag: keep the adjustment (the stock was there after all), or reverse it."""
    note = (note or "").strip() or None
    if not keep and not note:
        raise UserError(tr("say why the adjustment is reversed"))

    def work(s) -> None:
        require(s, user, "stock")
        m = s.get(Movement, movement_id)
        if m is None or not m.needs_review:
            raise UserError(tr("movement {movement_id} is not waiting for review").format(movement_id=movement_id))
        if s.scalar(select(Review.id).where(Review.movement_id == movement_id)):
            raise UserError(tr("someone has already reviewed this"))
        if not keep:
            poster = Poster(s, user)
            poster.lock({(m.location_id, m.item_id)})
            poster.reverse(m, f"review: {note}")
            poster.flush()
        s.add(
            Review(
                movement_id=movement_id,
                outcome="kept" if keep else "reversed",
                note=note,
                reviewed_at=datetime.now(),
                reviewed_by=user,
            )
        )

    db.transaction(work)
