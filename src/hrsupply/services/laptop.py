"""Whether this database is a van laptop, and which location's stock it keeps: on a laptop the
other side of a line (the site a load-out came from) is the central's to keep, so what a laptop
shows and checks is its own location's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.models import SyncPeer


def held_location(session: Session) -> int | None:
    """The laptop's location; None at the central (and anywhere not synced), which keeps all."""
    return session.scalar(select(SyncPeer.location_id).where(SyncPeer.role == "central"))


def held(db: Database) -> int | None:
    with db.read() as session:
        return held_location(session)
