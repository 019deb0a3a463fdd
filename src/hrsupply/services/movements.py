"""Recording and reversing movements: each call is one transaction."""

from __future__ import annotations

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Movement
from hrsupply.services.access import require
from hrsupply.services.ledger import Move, Poster, post_all


def record(db: Database, user: str, moves: list[Move]) -> int:
    """Post movements together: all of them, or (on any error) none. Returns ledger lines written."""

    def work(session) -> int:
        require(session, user, "stock")
        return post_all(session, user, moves).posted

    return db.transaction(work)


def reverse(db: Database, user: str, movement_id: int, reason: str) -> None:
    """Correct a mistaken movement by posting its opposite (the original stays in the ledger)."""

    def work(session) -> None:
        require(session, user, "stock")
        movement = session.get(Movement, movement_id)
        if movement is None:
            raise UserError(tr("there is no movement {movement_id}").format(movement_id=movement_id))
        poster = Poster(session, user)
        poster.lock({(loc, movement.item_id) for loc in (movement.location_id, movement.to_location_id) if loc})
        poster.reverse(movement, reason)
        poster.flush()

    db.transaction(work)
