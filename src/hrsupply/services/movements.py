"""Recording and reversing movements: each call is one transaction."""

from __future__ import annotations

from hrsupply.db import Database
from hrsupply.models import Movement
from hrsupply.services.errors import UserError
from hrsupply.services.ledger import Move, Poster


def record(db: Database, user: str, moves: list[Move]) -> int:
    """Post movements together: all of them, or (on any error) none. Returns ledger lines written."""
    with db.write() as session:
        poster = Poster(session, user)
        for move in moves:
            poster.post(move)
        poster.flush()
        return poster.posted


def reverse(db: Database, user: str, movement_id: int, reason: str) -> None:
    """Correct a mistaken movement by posting its opposite (the original stays in the ledger)."""
    with db.write() as session:
        movement = session.get(Movement, movement_id)
        if movement is None:
            raise UserError(f"there is no movement {movement_id}")
        poster = Poster(session, user)
        poster.reverse(movement, reason)
        poster.flush()
