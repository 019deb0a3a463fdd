"""Whether this database is a van laptop, and which location's stock it keeps: on a laptop the
other side of a line (the site a load-out came from) is the central's to keep, so what a laptop
shows and checks is its own location's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import SyncPeer

CATALOG = QT_TR_NOOP("items, locations, sources and presets")
SETTINGS = QT_TR_NOOP("the program's settings")
USERS = QT_TR_NOOP("users")
RECEIPTS = QT_TR_NOOP("deliveries and orders")


def held_location(session: Session) -> int | None:
    """The laptop's location; None at the central (and anywhere not synced), which keeps all."""
    return session.scalar(select(SyncPeer.location_id).where(SyncPeer.role == "central"))


def held(db: Database) -> int | None:
    with db.read() as session:
        return held_location(session)


def central_only(session: Session, what: str) -> None:
    """Refuse, on a van laptop, a change to what belongs to the central (it arrives with each sync
    and would be written over there): the catalog, settings, users, receipts and orders."""
    if held_location(session) is not None:
        raise UserError(
            tr("on a van laptop {what} come from the central with each sync: change them there").format(what=tr(what))
        )
