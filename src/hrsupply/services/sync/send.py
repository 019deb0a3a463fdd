"""Exchanging records: by file (`export` on one side, `import` on the other, either direction) or
directly (`now`, on a laptop that can reach the central's database). A file holds every record
the other side has not confirmed, so a lost file costs nothing and a resent one adds nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, make_url, select
from sqlalchemy.exc import OperationalError, ProgrammingError

from hrsupply import sealed
from hrsupply.db import Database, open_database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import ClientCard, Location, Movement, SyncPeer, Visit
from hrsupply.services.access import require
from hrsupply.services.sync import package, snapshot
from hrsupply.services.sync.pair import own_id
from hrsupply.services.sync.records import Inbox, outgoing, settled


@dataclass(frozen=True)
class Outcome:
    new: int
    already: int
    set_aside: int
    found: list[str] = field(default_factory=list)  # found stock added to keep the ledger whole

    def line(self) -> str:
        return tr("{new:,} new, {already:,} already here, {aside:,} set aside").format(
            new=self.new, already=self.already, aside=self.set_aside
        )


@dataclass(frozen=True)
class Sent:
    visits: int
    lines: int
    path: Path | None = None


def _peer(session, peer_id: str | None = None) -> SyncPeer:
    """The pair's other side: on a laptop its one central; at the central the laptop named."""
    q = select(SyncPeer)
    if peer_id is not None:
        q = q.where(SyncPeer.peer_id == peer_id)
    peers = session.scalars(q).all()
    if not peers:
        raise UserError(tr("this database is not paired with that one (set up a van laptop first)"))
    if len(peers) > 1:
        raise UserError(tr("this database has several van laptops: say which one (--location CODE)"))
    return peers[0]


def _laptop_for(session, location: str) -> str:
    """The newest laptop set up for a location (at the central, where several may be)."""
    code = location.strip().upper()
    peer = session.scalar(
        select(SyncPeer.peer_id)
        .join(Location, Location.id == SyncPeer.location_id)
        .where(SyncPeer.role == "laptop", Location.code == code)
        .order_by(SyncPeer.id.desc())
    )
    if peer is None:
        raise UserError(tr("no van laptop is set up for {code}").format(code=code))
    return peer


def pack(session, user: str, peer_id: str | None = None) -> tuple[dict, dict, SyncPeer]:
    """Everything for the peer that it has not confirmed, with what this side has of its records."""
    require(session, user, "van")
    peer = _peer(session, peer_id)
    settled(session)
    own = own_id(session)
    laptop = peer.role == "laptop"  # this side is the central
    body = outgoing(
        session,
        own,
        after=(peer.sent_movements, peer.sent_visits, peer.sent_cards),
        location_id=peer.location_id if laptop else None,
        peer=peer.peer_id,
    )
    body["upto"] = [session.scalar(select(func.max(t.id))) or 0 for t in (Movement, Visit, ClientCard)]
    body["after"] = [peer.sent_movements, peer.sent_visits, peer.sent_cards]
    # The peer's records applied here.
    body["have"] = [peer.received_movements, peer.received_visits, peer.received_cards]
    if laptop:
        body["catalog"] = snapshot.take(session)
    peer.last_sent_at = datetime.now()
    return {"kind": "records", "from": own, "to": peer.peer_id}, body, peer


def unpack(session, user: str, head: dict, body: dict) -> Outcome:
    """Apply a peer's records in the caller's transaction."""
    require(session, user, "van")
    if head.get("to") != own_id(session):
        raise UserError(tr("this file is for another database, not this one"))
    peer = _peer(session, head.get("from"))
    laptop = peer.role == "laptop"
    if not laptop and "catalog" in body:
        snapshot.apply(session, body["catalog"])
    held = (lambda _where: True) if laptop else (lambda where: where == peer.location_id)
    result = Inbox(session, user, peer.peer_id, held).apply(body)
    # What the peer has of ours: nothing before it needs sending again. (A file of a version
    # before client cards has two figures: its cards are then none.)
    have, after, upto = (list(body[k]) + [0] * (3 - len(body[k])) for k in ("have", "after", "upto"))
    peer.sent_movements, peer.sent_visits, peer.sent_cards = (
        max(mine, theirs) for mine, theirs in zip((peer.sent_movements, peer.sent_visits, peer.sent_cards), have)
    )
    # The file holds all of the peer's records after what it knew we had: ours now reach its end.
    received = (peer.received_movements, peer.received_visits, peer.received_cards)
    if all(a <= r for a, r in zip(after, received)):
        peer.received_movements, peer.received_visits, peer.received_cards = (max(r, u) for r, u in zip(received, upto))
    peer.last_received_at = datetime.now()
    return Outcome(result.new, result.already, result.set_aside, result.found)


def export_file(db: Database, user: str, out: str | Path, *, location: str | None = None) -> Sent:
    """Write the records the other side has not confirmed (at the central: for the laptop of
    `location`, needed when several are set up)."""

    def work(session):
        peer_id = _laptop_for(session, location) if location else None
        head, body, peer = pack(session, user, peer_id)
        return head, body, peer.secret

    head, body, secret = db.transaction(work)
    path = package.write(out, head, body, bytes.fromhex(secret), seal=_seal(secret))
    return Sent(len(body["visits"]), len(body["lines"]), path)


def import_file(db: Database, user: str, path: str | Path) -> Outcome:
    """Apply a sync file from the other side, whole or not at all."""
    head = package.header(path)
    if head.get("kind") != "records":
        raise UserError(
            tr("{name} is a setup file: it is joined (`hrsupply sync join`), not imported").format(name=Path(path).name)
        )

    def secret(session) -> str:
        if head.get("to") != own_id(session):
            raise UserError(tr("{name} is for another database, not this one").format(name=Path(path).name))
        return _peer(session, head.get("from")).secret

    with db.read() as session:
        key = bytes.fromhex(secret(session))
    head, body = package.read(path, key, seal=_seal(key.hex()))  # checked whole before anything is written
    try:
        return db.transaction(lambda session: unpack(session, user, head, body))
    except (KeyError, TypeError, IndexError, AttributeError):
        raise UserError(tr("{name} is damaged: its records cannot be read").format(name=Path(path).name)) from None


def _seal(secret: str) -> bytes:
    """The key a pair's records files are sealed with, from the pair's secret (hex)."""
    return sealed.from_secret(bytes.fromhex(secret), b"records")


def now(db: Database, user: str, central_url: str | None = None) -> tuple[Outcome, Outcome]:
    """On a laptop: send to the central's database, then receive from it, directly."""
    with db.read() as session:
        peer = _peer(session)
        if peer.role != "central":
            raise UserError(tr("`sync now` runs on a van laptop, towards its central"))
        url = central_url or peer.central_url
    if not url:
        raise UserError(tr("give the central database's address: --central URL"))
    central = _reach(url)
    try:
        head, body = db.transaction(lambda s: _without_peer(pack(s, user)))
        sent = central.transaction(lambda s: unpack(s, user, head, body))
        laptop = head["from"]
        head, body = central.transaction(lambda s: _without_peer(pack(s, user, laptop)))
        received = db.transaction(lambda s: unpack(s, user, head, body))
    except (OperationalError, OSError) as exc:  # the network went while sending: nothing half-applied
        raise UserError(tr("the central database could not be reached ({x})").format(x=_why(exc))) from None
    finally:
        central.dispose()
    return sent, received


def _reach(url: str) -> Database:
    """The central's database, or UserError when it cannot be reached now (never a new, empty
    one made where the central's file should be, and never a wait of minutes on a dead link)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if not u.database or not Path(u.database).is_file():
            raise UserError(tr("the central database could not be reached ({x} is not there)").format(x=u.database))
    elif "connect_timeout" not in u.query:
        url = u.update_query_dict({"connect_timeout": "5"}).render_as_string(hide_password=False)
    try:
        central = open_database(url, migrate=False)
    except UserError as exc:  # said by the database layer: which address, and why
        raise UserError(tr("the central database could not be reached: {x}").format(x=exc)) from None
    try:
        with central.read() as session:
            session.execute(select(func.count()).select_from(SyncPeer))
    except (OperationalError, OSError) as exc:
        central.dispose()
        raise UserError(tr("the central database could not be reached ({x})").format(x=_why(exc))) from None
    except ProgrammingError:
        central.dispose()
        raise UserError(tr("the central database runs another version of hrsupply: update both")) from None
    return central


def _why(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:160] if text else type(exc).__name__


def _without_peer(packed):
    head, body, _peer_row = packed
    return head, body
