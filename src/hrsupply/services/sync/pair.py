"""Making a pair: the central writes a setup file for one location's laptop; the laptop joins
from it into a new, empty database and is from then on that location's replica."""

from __future__ import annotations

import json
import secrets
import uuid
from datetime import datetime, time
from pathlib import Path

from sqlalchemy import func, select

from hrsupply import keys
from hrsupply.db import Database, without_secrets
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Balance, Item, Location, Lot, Movement, Setting, SyncPeer, User, Visit
from hrsupply.services import audit, program
from hrsupply.services.access import require
from hrsupply.services.bounds import EARLIEST
from hrsupply.services.ledger import Poster
from hrsupply.services.sync import package, snapshot
from hrsupply.services.sync.records import OPENING, settled

SETUP_KEY = b"hrsupply setup file"  # signs a setup file; its content is sealed with the program's passphrase


def own_id(session) -> str:
    return program.get_in(session, "database_id")


def setup(db: Database, user: str, location: str, out: str | Path, *, central_url: str | None = None) -> Path:
    """Write the setup file of a laptop for `location` (admin): catalog, settings, users, codes,
    the location's stock by lot, and the pair's secret."""

    def work(session) -> tuple[dict, dict]:
        require(session, user, "admin")
        loc = session.scalar(select(Location).where(Location.code == location.strip().upper()))
        if loc is None:
            raise UserError(tr("there is no location {code!r}").format(code=location))
        if loc.kind == "site":
            raise UserError(
                tr("{code} is a site: a van laptop is set up for a van or a partner location").format(code=loc.code)
            )
        settled(session)
        lines = session.scalar(select(func.max(Movement.id))) or 0
        visits = session.scalar(select(func.max(Visit.id))) or 0
        laptop, secret = str(uuid.uuid4()), secrets.token_hex(32)
        session.add(
            SyncPeer(peer_id=laptop, role="laptop", location_id=loc.id, secret=secret, sent_movements=lines,
                     sent_visits=visits, received_movements=0, received_visits=0)
        )  # fmt: skip
        audit.log(session, user, "setting", f"van laptop for {loc.code}", {"laptop": [None, laptop]}, created=True)
        body = {
            "central": own_id(session),
            "laptop": laptop,
            "secret": secret,
            "location": loc.code,
            "central_url": str(without_secrets(central_url)) if central_url else None,
            "after": [lines, visits],
            "catalog": snapshot.take(session),
            "stock": _stock(session, loc.id),
        }
        return {"kind": "setup", "from": body["central"], "to": laptop}, body

    head, body = db.transaction(work)
    # Sealed with the program's passphrase (the central's own, or HRSUPPLY_DB_KEY): the file holds
    # the users' PIN hashes, the known codes and the pair's secret.
    return package.write(out, head, body, SETUP_KEY, seal=db.key or keys.key_for(None))


def _stock(session, location_id: int) -> list[list]:
    rows = session.execute(
        select(Item.sku, Lot.lot_number, Lot.expiry, Balance.quantity)
        .join(Item, Item.id == Balance.item_id)
        .outerjoin(Lot, Lot.id == Balance.lot_id)
        .where(Balance.location_id == location_id, Balance.quantity != 0)
        .order_by(Item.sku, Lot.lot_number)
    )
    return [[sku, lot, expiry.isoformat() if expiry else None, qty] for sku, lot, expiry, qty in rows]


def join(db: Database, path: str | Path, passphrase: str | None = None) -> tuple[str, int]:
    """Make this new, empty database the laptop of a setup file; returns (location, users who
    may sign in). Nothing to sign in to yet: the file's users sign in afterwards. A sealed file
    opens with the program's passphrase: given, HRSUPPLY_DB_KEY, or this laptop's own key."""
    head, body = package.read(path, SETUP_KEY, seal=passphrase or keys.key_for(None) or db.key)
    if head.get("kind") != "setup":
        raise UserError(
            tr("{name} is not a setup file (a sync file goes to `hrsupply sync import`)").format(name=Path(path).name)
        )

    def work(session) -> tuple[str, int]:
        if any(session.scalar(select(func.count()).select_from(t)) for t in (Movement, Visit, Item, SyncPeer)):
            raise UserError(tr("this database already holds records: a laptop joins into a new, empty database"))
        snapshot.apply(session, body["catalog"])
        session.get(Setting, "database_id").value = json.dumps(body["laptop"])
        loc_id = session.scalar(select(Location.id).where(Location.code == body["location"]))
        lines, visits = body["after"]
        session.add(
            SyncPeer(peer_id=body["central"], role="central", location_id=loc_id, secret=body["secret"],
                     central_url=body["central_url"], sent_movements=0, sent_visits=0,
                     received_movements=lines, received_visits=visits)
        )  # fmt: skip
        _opening(session, loc_id, body["stock"], body["central"])
        return body["location"], session.scalar(select(func.count()).select_from(User).where(User.active)) or 0

    return db.transaction(work)


def _opening(session, location_id: int, stock: list[list], central: str) -> None:
    """The location's stock as the central had it: one line per lot, never sent back, dated before
    anything (a line the central dates back later still falls after it)."""
    items = dict(session.execute(select(Item.sku, Item.id)).all())
    poster, now = Poster(session, "setup", synced=True), datetime.combine(EARLIEST, time.min)
    for sku, number, _expiry, qty in stock:
        lot = (
            session.scalar(select(Lot.id).where(Lot.item_id == items[sku], Lot.lot_number == number))
            if number
            else None
        )
        poster.apply_synced(
            dict(type="adjust", item_id=items[sku], location_id=location_id, lot_id=lot, quantity=qty,
                 occurred_at=now, recorded_at=datetime.now(), recorded_by="setup", reason="opening stock",
                 reference=f"van laptop set up from {central[:8]}", origin=OPENING),
            lambda _where: True,
        )  # fmt: skip
    poster.flush()
