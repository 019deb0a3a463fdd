"""Load-out (pick list): what to take from one location to bring another up to par, lot by lot,
earliest expiry first; then confirming it posts the transfers in one transaction.

The morning van load-out is the common case (site to van); the same works for restocking a
partner site from the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import func, select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Balance, Item, LoadOut, LoadOutLine, Location, Lot, PackSize, ParLevel
from hrsupply.services.access import check_date, require
from hrsupply.services.bounds import check_units
from hrsupply.services.ledger import Move, post_all
from hrsupply.services.usable import usable

LOAD_TIME = time(8, 0)  # a load-out entered for an earlier day happened before that day's handouts


@dataclass
class PickLot:
    lot_id: int | None  # None: an item without lots
    lot: str | None
    expiry: date | None
    quantity: int


@dataclass
class PickLine:
    item_id: int
    sku: str
    name: str
    unit: str
    pack_hint: str  # "box of 100" when the item has packs, to pick whole boxes
    par: int
    on_hand: int  # at the destination now
    available: int  # at the source, unexpired
    to_load: int
    short: int  # wanted but not at the source
    lots: list[PickLot] = field(default_factory=list)
    expired_here: list[PickLot] = field(default_factory=list)  # at the destination: bring it back
    source_lots: list[PickLot] = field(default_factory=list)  # everything the source could give, FEFO order


def when(day: date) -> datetime:
    return datetime.now() if day == date.today() else datetime.combine(day, LOAD_TIME)


def fefo(lots: list[PickLot], quantity: int) -> list[PickLot]:
    """Take `quantity` from `lots` (already in earliest-expiry order)."""
    out, left = [], quantity
    for lot in lots:
        take = min(left, lot.quantity)
        if take > 0:
            out.append(PickLot(lot.lot_id, lot.lot, lot.expiry, take))
            left -= take
    return out


def plan(db: Database, from_id: int, to_id: int, day: date | None = None) -> list[PickLine]:
    """For every active item with a par level at the destination: par − on hand there (never below
    0), capped by what the source has unexpired on `day`, and the source's lots to take by FEFO."""
    day = day or date.today()
    if from_id == to_id:
        raise UserError(tr("choose two different locations"))
    with db.read() as s:
        pars = s.execute(
            select(ParLevel.item_id, ParLevel.par, Item.sku, Item.name, Item.unit)
            .join(Item, Item.id == ParLevel.item_id)
            .where(ParLevel.location_id == to_id, Item.active.is_(True))
            .order_by(Item.category, Item.name)
        ).all()
        ids = [p.item_id for p in pars]
        held: dict[tuple[int, int], list] = {}
        for r in s.execute(
            select(Balance.location_id, Balance.item_id, Balance.lot_id, Balance.quantity, Lot.lot_number, Lot.expiry)
            .outerjoin(Lot, Lot.id == Balance.lot_id)
            .where(Balance.location_id.in_((from_id, to_id)), Balance.item_id.in_(ids), Balance.in_stock)
        ):
            held.setdefault((r.location_id, r.item_id), []).append(r)
        packs = {}
        for p in s.execute(
            select(PackSize.item_id, PackSize.name, PackSize.units)
            .where(PackSize.item_id.in_(ids))
            .order_by(PackSize.units)
        ):
            packs.setdefault(p.item_id, tr("{pack} of {units:,}").format(pack=p.name, units=p.units))
    lines = []
    for p in pars:
        here = held.get((to_id, p.item_id), [])
        # Expired stock does not count towards par: it cannot be handed out.
        on_hand = sum(r.quantity for r in here if usable(r.expiry, day))
        expired = [PickLot(r.lot_id, r.lot_number, r.expiry, r.quantity) for r in here if not usable(r.expiry, day)]
        source = sorted(
            (
                PickLot(r.lot_id, r.lot_number, r.expiry, r.quantity)
                for r in held.get((from_id, p.item_id), [])
                if usable(r.expiry, day)
            ),
            key=lambda l: (l.expiry or date.max, l.lot or ""),
        )
        available = sum(l.quantity for l in source)
        wanted = max(0, p.par - on_hand)
        to_load = min(wanted, available)
        lines.append(
            PickLine(
                p.item_id,
                p.sku,
                p.name,
                p.unit,
                packs.get(p.item_id, ""),
                p.par,
                on_hand,
                available,
                to_load,
                wanted - to_load,
                fefo(source, to_load),
                expired,
                source,
            )
        )
    return lines


def van_only(session, location_id: int, done: str) -> None:
    """Vans and partner locations are loaded out and closed out; a site's stock is counted."""
    place = session.get(Location, location_id)
    if place is None:
        raise UserError(tr("there is no location {location_id}").format(location_id=location_id))
    if place.kind == "site":
        raise UserError(
            tr(
                "{place_name} is a site: only a van or a partner location is {done}; count a site's stock in Counts"
            ).format(place_name=place.name, done=done)
        )


class AlreadyLoaded(UserError):
    pass


@dataclass(frozen=True)
class LoadOutInfo:
    id: int
    day: date
    from_location: str
    to_location: str
    crew: str | None
    confirmed_at: datetime
    confirmed_by: str
    units: int


def _loaded_before(s, from_id: int, to_id: int, day: date) -> str | None:
    earlier = s.execute(
        select(LoadOut.confirmed_at, LoadOut.confirmed_by).where(
            LoadOut.from_location_id == from_id, LoadOut.to_location_id == to_id, LoadOut.day == day
        )
    ).first()
    if earlier is None:
        return None
    return f"this was already loaded for {day:%Y-%m-%d} at {earlier.confirmed_at:%H:%M} by {earlier.confirmed_by}"


def loaded_before(db: Database, from_id: int, to_id: int, day: date) -> str | None:
    """Whether (and when, by whom) this van was loaded from there that day: asked with the
    confirmation, so a second trip is one question, not two."""
    with db.read() as s:
        return _loaded_before(s, from_id, to_id, day)


def confirm(
    db: Database,
    user: str,
    from_id: int,
    to_id: int,
    day: date,
    lines: list[PickLine],
    *,
    crew: str | None = None,
    again: bool = False,
) -> int:
    """Post the load-out as transfers of the lots on each line (as edited), and keep it for
    reprinting. A second load-out to the same place on the same day is refused unless `again`."""
    at = when(day)

    def work(s) -> int:
        require(s, user, "van")
        check_date(s, user, day)
        van_only(s, to_id, "loaded out")
        before = _loaded_before(s, from_id, to_id, day)
        if before and not again:
            raise AlreadyLoaded(f"{before}; confirm again only for a second trip")
        if not any(lot.quantity for line in lines for lot in line.lots):
            raise UserError(tr("nothing to load: every line is 0"))
        loadout = LoadOut(
            from_location_id=from_id,
            to_location_id=to_id,
            day=day,
            crew=(crew or "").strip() or None,
            confirmed_at=datetime.now(),
            confirmed_by=user,
        )
        s.add(loadout)
        s.flush()
        moves = []
        for line in lines:
            for lot in line.lots:
                check_units(lot.quantity, tr("{line_sku}: the quantity to load").format(line_sku=line.sku), least=0)
                if lot.quantity:
                    moves.append(
                        Move(
                            "transfer",
                            line.item_id,
                            from_id,
                            lot.quantity,
                            at,
                            lot_id=lot.lot_id,
                            to_location_id=to_id,
                            reference=f"Load-out {loadout.id}",
                        )
                    )
                    s.add(
                        LoadOutLine(
                            loadout_id=loadout.id,
                            item_id=line.item_id,
                            lot_id=lot.lot_id,
                            par=line.par,
                            on_hand=line.on_hand,
                            quantity=lot.quantity,
                            short=line.short,
                        )
                    )
            if not line.lots and line.short:  # nothing to take, but the sheet should still show it
                s.add(
                    LoadOutLine(
                        loadout_id=loadout.id,
                        item_id=line.item_id,
                        par=line.par,
                        on_hand=line.on_hand,
                        quantity=0,
                        short=line.short,
                    )
                )
        post_all(s, user, moves)
        return loadout.id

    return db.transaction(work)


def history(db: Database, location_id: int) -> list[LoadOutInfo]:
    """Load-outs to (or from) a location, newest first."""
    with db.read() as s:
        codes = dict(s.execute(select(Location.id, Location.code)).all())
        rows = s.execute(
            select(LoadOut, func.coalesce(func.sum(LoadOutLine.quantity), 0))
            .outerjoin(LoadOutLine, LoadOutLine.loadout_id == LoadOut.id)
            .where((LoadOut.to_location_id == location_id) | (LoadOut.from_location_id == location_id))
            .group_by(LoadOut.id)
            .order_by(LoadOut.day.desc(), LoadOut.id.desc())
        ).all()
        return [
            LoadOutInfo(
                r.id,
                r.day,
                codes[r.from_location_id],
                codes[r.to_location_id],
                r.crew,
                r.confirmed_at,
                r.confirmed_by,
                units,
            )
            for r, units in rows
        ]


def lines_of(db: Database, loadout_id: int) -> list[PickLine]:
    """A confirmed load-out's lines as they were loaded, for reprinting."""
    with db.read() as s:
        rows = s.execute(
            select(LoadOutLine, Item.sku, Item.name, Item.unit, Lot.lot_number, Lot.expiry)
            .join(Item, Item.id == LoadOutLine.item_id)
            .outerjoin(Lot, Lot.id == LoadOutLine.lot_id)
            .where(LoadOutLine.loadout_id == loadout_id)
            .order_by(Item.category, Item.name, LoadOutLine.id)
        ).all()
    lines: dict[int, PickLine] = {}
    for r in rows:
        line = r.LoadOutLine
        pick = lines.get(line.item_id)
        if pick is None:
            pick = lines[line.item_id] = PickLine(
                line.item_id, r.sku, r.name, r.unit, "", line.par, line.on_hand, 0, 0, line.short
            )
        if line.quantity:
            pick.lots.append(PickLot(line.lot_id, r.lot_number, r.expiry, line.quantity))
            pick.to_load += line.quantity
    return list(lines.values())
