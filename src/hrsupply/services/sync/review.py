"""Where a pair stands: when each side last sent and received, what waits to go, and the records
set aside, which an admin retries (once what they rest on has arrived) or dismisses."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import ClientCard, Location, Movement, SetAside, SyncPeer, Visit
from hrsupply.services.access import require
from hrsupply.services.sync.records import Inbox, unconfirmed


@dataclass(frozen=True)
class PairState:
    peer: str
    role: str  # what the other side is: "central" or "laptop"
    location: str
    last_sent: datetime | None
    last_received: datetime | None
    waiting: int  # records written here that the other side has not confirmed
    set_aside: int


@dataclass(frozen=True)
class AsideRow:
    id: int
    kind: str
    uid: str
    reason: str
    at: datetime
    what: str  # "handout 5 SYR-1ML at VAN1, 2026-11-03 10:15"


def pairs(db: Database) -> list[PairState]:
    """Every pair this database is in (none: it syncs with nobody)."""
    with db.read() as session:
        out = []
        for peer in session.scalars(select(SyncPeer).order_by(SyncPeer.id)):
            code = session.scalar(select(Location.code).where(Location.id == peer.location_id))
            after = (peer.sent_movements, peer.sent_visits, peer.sent_cards)
            filters = unconfirmed(after, peer.location_id if peer.role == "laptop" else None, peer.peer_id)
            waiting = sum(
                session.scalar(select(func.count()).select_from(model).where(*where)) or 0
                for model, where in zip((Movement, Visit, ClientCard), filters)
            )
            aside = (
                select(func.count())
                .select_from(SetAside)
                .where(SetAside.peer_id == peer.peer_id, SetAside.dismissed_at.is_(None))
            )
            out.append(
                PairState(peer.peer_id, peer.role, code, peer.last_sent_at, peer.last_received_at, waiting,
                          session.scalar(aside) or 0)
            )  # fmt: skip
        return out


def set_aside(db: Database, user: str) -> list[AsideRow]:
    with db.read() as session:
        require(session, user, "admin")
        rows = session.scalars(select(SetAside).where(SetAside.dismissed_at.is_(None)).order_by(SetAside.id))
        return [AsideRow(r.id, r.kind, r.uid, r.reason, r.at, _what(r)) for r in rows]


def _what(row: SetAside) -> str:
    record = json.loads(row.payload)
    if row.kind == "card":
        return f"client card {record['number']} of {record['code']}, {record['issued_at'][:16].replace('T', ' ')}"
    if row.kind == "visit":
        return f"visit at {record['location']}, {record['occurred_at'][:16].replace('T', ' ')}"
    return (
        f"{record['type']} {abs(record['quantity']):,} {record['sku']} at {record['location']}, "
        f"{record['occurred_at'][:16].replace('T', ' ')}"
    )


def retry(db: Database, user: str, aside_id: int) -> bool:
    """Apply a set-aside record again; True if it went in (it leaves the list), False if it is
    still set aside (its reason brought up to date)."""

    def work(session) -> bool:
        require(session, user, "admin")
        row = session.get(SetAside, aside_id)
        if row is None or row.dismissed_at is not None:
            raise UserError(tr("there is no record {x} set aside").format(x=aside_id))
        peer = session.scalar(select(SyncPeer).where(SyncPeer.peer_id == row.peer_id))
        if peer is None:
            raise UserError(tr("the pair that sent this record is gone"))
        held = (lambda _where: True) if peer.role == "laptop" else (lambda where: where == peer.location_id)
        record, kind = json.loads(row.payload), row.kind
        session.delete(row)
        session.flush()
        inbox = Inbox(session, user, peer.peer_id, held)
        inbox.apply({{"visit": "visits", "card": "cards"}.get(kind, "lines"): [record]})
        return inbox.result.set_aside == 0

    return db.transaction(work)


def dismiss(db: Database, user: str, aside_id: int) -> None:
    """Leave a set-aside record out for good (it stays in the log, marked dismissed)."""

    def work(session) -> None:
        require(session, user, "admin")
        row = session.get(SetAside, aside_id)
        if row is None or row.dismissed_at is not None:
            raise UserError(tr("there is no record {x} set aside").format(x=aside_id))
        row.dismissed_at, row.dismissed_by = datetime.now(), user

    db.transaction(work)
