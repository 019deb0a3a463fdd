"""The records a pair exchanges: visits and ledger lines, each with the id it was given where it
was written, named by codes (SKU, location code, lot number) because ids differ between sides.

Applying a record already here changes nothing; one whose id is here with other content is set
aside with its reason, never written over. The ledger never goes below zero on the side that
applies: a line that takes more than that side has on record brings "found" stock with it, for
the supply lead to review (as the front desk's shortfall does)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import insert, or_, select, text
from sqlalchemy.orm import Session, aliased

from hrsupply.models import ClientCard, Item, Location, Lot, Movement, SetAside, Visit, VisitReferral
from hrsupply.services import catalog
from hrsupply.services.ledger import Poster

VISIT_FIELDS = ("occurred_at", "recorded_at", "recorded_by", "participant", "syringes_returned", "returned_estimated")
VISIT_FIELDS += ("collecting_for", "naloxone_reason", "reversals_reported", "from_tally", "returned_grams")
LINE_FIELDS = ("type", "quantity", "counted", "reason", "reference", "participant", "occurred_at", "needs_review")
# What makes a resent record the same one (who recorded it and when is part of it too).
SAME_LINE = (*LINE_FIELDS, "sku", "location", "to_location", "lot", "visit", "reverses", "recorded_by")
SAME_VISIT = ("location", *VISIT_FIELDS, "referrals")
CARD_FIELDS = ("uid", "code", "number", "issued_at")
FOUND = "recorded elsewhere beyond the stock on record here"
OPENING = "opening"  # the origin of a laptop's opening stock: never sent back


@dataclass
class Applied:
    new: int = 0
    already: int = 0
    set_aside: int = 0
    found: list[str] = field(default_factory=list)  # found stock added, "12 SYR-1ML at VAN1"


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, datetime | date) else value


# ---- what goes out ------------------------------------------------------------------------
def settled(session: Session) -> None:
    """On PostgreSQL, wait for the writes under way and hold new ones off until this read ends:
    a line given a lower id by a transaction still open would otherwise commit under an id the
    other side has already confirmed, and never be sent. (SQLite has one writer at a time.)"""
    if session.bind.dialect.name == "postgresql":
        session.execute(text("LOCK TABLE movements, visits IN SHARE MODE"))


def unconfirmed(after: tuple[int, int, int], location_id: int | None, peer: str) -> tuple[list, list, list]:
    """The conditions on lines, visits and client cards of what the peer has not confirmed: on a
    laptop (`location_id` None) those written there; at the central, those at the laptop's location
    that neither that laptop nor the laptop's own opening stock wrote, and every card but the
    laptop's (a laptop numbers a replacement card from all of a code's cards)."""
    lines, visits, cards = [Movement.id > after[0]], [Visit.id > after[1]], [ClientCard.id > after[2]]
    if location_id is None:  # a laptop: its own records only
        return (
            [*lines, Movement.origin.is_(None)],
            [*visits, Visit.origin.is_(None)],
            [*cards, ClientCard.origin.is_(None)],
        )
    here = or_(Movement.location_id == location_id, Movement.to_location_id == location_id)
    not_theirs = or_(Movement.origin.is_(None), Movement.origin.not_in((peer, OPENING)))
    visits += [Visit.location_id == location_id, or_(Visit.origin.is_(None), Visit.origin != peer)]
    cards.append(or_(ClientCard.origin.is_(None), ClientCard.origin != peer))
    return [*lines, here, not_theirs], visits, cards


def outgoing(session: Session, own: str, *, after: tuple[int, int, int], location_id: int | None, peer: str) -> dict:
    """Lines, visits and cards written after the peer's confirmed ids (see `unconfirmed`)."""
    line_filter, visit_filter, card_filter = unconfirmed(after, location_id, peer)
    lines = select(Movement).where(*line_filter).order_by(Movement.id)
    visits = select(Visit).where(*visit_filter).order_by(Visit.id)
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    skus = dict(session.execute(select(Item.id, Item.sku)).all())
    moved = list(session.scalars(lines))
    visit_ids = {m.visit_id for m in moved if m.visit_id} | {v.id for v in session.scalars(visits)}
    reversed_ids = {m.reverses_id for m in moved if m.reverses_id}
    uids = dict(session.execute(select(Movement.id, Movement.uid).where(Movement.id.in_(reversed_ids))).all())
    lots = {l.id: l for l in session.scalars(select(Lot).where(Lot.id.in_({m.lot_id for m in moved if m.lot_id})))}
    found_visits = list(session.scalars(select(Visit).where(Visit.id.in_(visit_ids)).order_by(Visit.id)))
    visit_uids = {v.id: v.uid for v in found_visits}
    referrals: dict[int, list[str]] = {}
    for visit_id, referral in session.execute(
        select(VisitReferral.visit_id, VisitReferral.referral).where(VisitReferral.visit_id.in_(visit_ids))
    ):
        referrals.setdefault(visit_id, []).append(referral)
    return {
        "cards": [
            {
                **{f: _iso(getattr(c, f)) for f in CARD_FIELDS},
                "location": codes[c.location_id],
                "origin": c.origin or own,
            }
            for c in session.scalars(select(ClientCard).where(*card_filter).order_by(ClientCard.id))
        ],
        "visits": [
            {
                "uid": v.uid,
                "location": codes[v.location_id],
                **{f: _iso(getattr(v, f)) for f in VISIT_FIELDS},
                "referrals": sorted(referrals.get(v.id, [])),
                "undone_at": _iso(v.undone_at),
                "undone_by": v.undone_by,
                "origin": v.origin or own,
            }
            for v in found_visits
        ],
        "lines": [
            {
                "uid": m.uid,
                "sku": skus[m.item_id],
                "location": codes[m.location_id],
                "to_location": codes.get(m.to_location_id),
                "lot": lots[m.lot_id].lot_number if m.lot_id else None,
                "expiry": lots[m.lot_id].expiry.isoformat() if m.lot_id else None,
                **{f: _iso(getattr(m, f)) for f in LINE_FIELDS},
                "recorded_by": m.recorded_by,
                "recorded_at": _iso(m.recorded_at),
                "visit": visit_uids.get(m.visit_id),
                "reverses": uids.get(m.reverses_id),
                "origin": m.origin or own,
            }
            for m in moved
        ],
    }


# ---- what comes in ------------------------------------------------------------------------
class Inbox:
    """Applies a peer's records in one transaction: visits first, then lines in the order they
    were written. `held(location_id)` says which locations' stock this side keeps. What the file
    rests on (its visits, lots, the lines it reverses, what is already here) is read in a few
    queries, not one per record: a week on the road is thousands of them."""

    def __init__(self, session: Session, user: str, peer: str, held):
        self.session, self.peer, self.held, self.user = session, peer, held, user
        self.now = datetime.now()
        self.poster = Poster(session, user, synced=True)
        self.result = Applied()
        self.items = dict(session.execute(select(Item.sku, Item.id)).all())
        self.locations = dict(session.execute(select(Location.code, Location.id)).all())
        self.known: dict[str, dict] = {}  # the file's lines already here, by id
        self.visit_ids: dict[str, int] = {}  # visit id -> row id, of the visits the file names
        self.line_ids: dict[str, int] = {}  # line id -> row id, of the lines the file reverses
        self.lots: dict[tuple[int, str], tuple[int, str]] = {}  # (item, number) -> (lot id, expiry)
        self.touched: dict[tuple, datetime] = {}  # held (location, item, lot) -> its earliest new line

    def apply(self, body: dict) -> Applied:
        visits, lines = body.get("visits", []), body.get("lines", [])
        self._cards(body.get("cards", []))
        self._visits(visits)
        self.visit_ids = _ids(self.session, Visit, {m["visit"] for m in lines if m["visit"]})
        self.line_ids = _ids(self.session, Movement, {m["reverses"] for m in lines if m["reverses"]})
        for item_id, number, lot_id, expiry in self.session.execute(
            select(Lot.item_id, Lot.lot_number, Lot.id, Lot.expiry).where(
                Lot.lot_number.in_({m["lot"] for m in lines if m["lot"]})
            )
        ):
            self.lots[(item_id, number)] = (lot_id, expiry.isoformat())
        self.known = self._known_lines([line["uid"] for line in lines])
        for line in lines:
            self.line(line)
        self._cover()
        self.poster.flush()
        return self.result

    def _aside(self, kind: str, record: dict, reason: str) -> None:
        self.result.set_aside += 1
        found = self.session.scalar(
            select(SetAside).where(SetAside.peer_id == self.peer, SetAside.kind == kind, SetAside.uid == record["uid"])
        )
        if found is None:
            payload = json.dumps(record, sort_keys=True)
            self.session.add(
                SetAside(peer_id=self.peer, kind=kind, uid=record["uid"], reason=reason[:300], payload=payload,
                         at=datetime.now())
            )  # fmt: skip

    def _cards(self, incoming: list[dict]) -> None:
        """New cards written; one here already is the same card, or set aside."""
        here = {}
        for n in range(0, len(incoming), 500):
            uids = [c["uid"] for c in incoming[n : n + 500]]
            here.update(
                (row.uid, row) for row in self.session.scalars(select(ClientCard).where(ClientCard.uid.in_(uids)))
            )
        codes = {i: c for c, i in self.locations.items()}
        for c in incoming:
            row = here.get(c["uid"])
            if row is not None:
                mine = {**{f: _iso(getattr(row, f)) for f in CARD_FIELDS}, "location": codes.get(row.location_id)}
                differ = [f for f in mine if mine[f] != c[f]]
                if differ:
                    self._aside("card", c, f"this card is already here with other {', '.join(differ)}")
                else:
                    self.result.already += 1
            elif c["location"] not in self.locations:
                self._aside("card", c, f"no location {c['location']} here")
            else:
                where, at = self.locations[c["location"]], datetime.fromisoformat(c["issued_at"])
                self.session.add(
                    ClientCard(uid=c["uid"], code=c["code"], number=c["number"], location_id=where, issued_at=at,
                               origin=c["origin"], arrived_at=self.now)
                )  # fmt: skip
                self.result.new += 1

    def _visits(self, incoming: list[dict]) -> None:
        """The new visits written at once; one here already is the same, a later state of it (undone
        since), or set aside."""
        here = {}
        uids = [v["uid"] for v in incoming]
        for n in range(0, len(uids), 500):
            here.update(
                (row.uid, row) for row in self.session.scalars(select(Visit).where(Visit.uid.in_(uids[n : n + 500])))
            )
        new = []
        for v in incoming:
            row = here.get(v["uid"])
            if row is not None:
                self._visit_again(row, v)
            elif v["location"] not in self.locations:
                self._aside("visit", v, f"no location {v['location']} here")
            else:
                new.append(v)
        if not new:
            return
        rows = [
            dict(
                uid=v["uid"],
                location_id=self.locations[v["location"]],
                origin=v["origin"],
                arrived_at=self.now,
                undone_at=datetime.fromisoformat(v["undone_at"]) if v["undone_at"] else None,
                undone_by=v["undone_by"],
                **{f: _from_iso(f, v.get(f)) for f in VISIT_FIELDS},  # a file from before a field: None
            )
            for v in new
        ]
        ids = self.session.scalars(insert(Visit).returning(Visit.id, sort_by_parameter_order=True), rows).all()
        referrals = [dict(visit_id=i, referral=r) for i, v in zip(ids, new) for r in v["referrals"]]
        if referrals:
            self.session.execute(insert(VisitReferral), referrals)
        self.result.new += len(new)

    def _visit_again(self, row: Visit, v: dict) -> None:
        mine = self._visit_record(row)
        differ = [f for f in SAME_VISIT if mine[f] != v.get(f)]
        if differ:
            self._aside("visit", v, f"this visit is already here with other {', '.join(differ)}")
            return
        if v["undone_at"] and row.undone_at is None:  # undone since it came: a later state
            row.undone_at, row.undone_by = datetime.fromisoformat(v["undone_at"]), v["undone_by"]
        self.result.already += 1

    def _visit_record(self, row: Visit) -> dict:
        codes = {i: c for c, i in self.locations.items()}
        referrals = self.session.scalars(select(VisitReferral.referral).where(VisitReferral.visit_id == row.id))
        return {
            "location": codes[row.location_id],
            **{f: _iso(getattr(row, f)) for f in VISIT_FIELDS},
            "referrals": sorted(referrals),
        }

    def line(self, m: dict) -> None:
        mine = self.known.get(m["uid"])
        if mine is not None:
            differ = [f for f in SAME_LINE if mine[f] != m[f]]
            if differ:
                self._aside("movement", m, f"this movement is already here with other {', '.join(differ)}")
            else:
                self.result.already += 1
            return
        missing = self._missing(m)
        if missing:
            self._aside("movement", m, missing)
            return
        fields = self._fields(m)
        self.poster.apply_synced(fields, self.held)
        for where in (fields["location_id"], fields["to_location_id"]):
            if where is not None and self.held(where):
                key = (where, fields["item_id"], fields["lot_id"])
                self.touched[key] = min(self.touched.get(key, fields["occurred_at"]), fields["occurred_at"])
        self.result.new += 1

    def _missing(self, m: dict) -> str | None:
        """What the line rests on that is not here, in words; None if all of it is."""
        if m["sku"] not in self.items:
            return f"no item {m['sku']} here"
        for where in (m["location"], m["to_location"]):
            if where is not None and where not in self.locations:
                return f"no location {where} here"
        if m["visit"] and m["visit"] not in self.visit_ids:
            self.visit_ids.update(_ids(self.session, Visit, {m["visit"]}))  # retried alone
            if m["visit"] not in self.visit_ids:
                return "its visit is not here"
        if m["reverses"] and m["reverses"] not in self.line_ids:
            self.poster.flush()  # the line it reverses may be in this file
            self.line_ids.update(_ids(self.session, Movement, {m["reverses"]}))
            if m["reverses"] not in self.line_ids:
                return "the movement it reverses is not here"
        if m["lot"]:
            lot = self.lots.get((self.items[m["sku"]], m["lot"]))
            if not m["expiry"] or (lot is not None and lot[1] != m["expiry"]):
                return f"lot {m['lot']} of {m['sku']} has another expiry here"
        return None

    def _fields(self, m: dict) -> dict:
        item_id = self.items[m["sku"]]
        lot_id = None
        if m["lot"]:
            if (item_id, m["lot"]) not in self.lots:  # a lot first seen on the other side
                lot = catalog.lot_for(self.session, item_id, m["lot"], date.fromisoformat(m["expiry"]))
                self.lots[(item_id, m["lot"])] = (lot.id, m["expiry"])
            lot_id = self.lots[(item_id, m["lot"])][0]
        return dict(
            uid=m["uid"],
            item_id=item_id,
            location_id=self.locations[m["location"]],
            to_location_id=self.locations.get(m["to_location"]) if m["to_location"] else None,
            lot_id=lot_id,
            visit_id=self.visit_ids[m["visit"]] if m["visit"] else None,
            reverses_id=self.line_ids[m["reverses"]] if m["reverses"] else None,
            origin=m["origin"],
            arrived_at=self.now,
            recorded_at=datetime.fromisoformat(m["recorded_at"]),
            recorded_by=m["recorded_by"],
            **{f: _from_iso(f, m[f]) for f in LINE_FIELDS},
        )

    def _cover(self) -> None:
        """Once the file's lines are in (a line may rest on a later one of the same file), found
        stock where a held balance would stand below zero: there a moment before the first line that
        touched it (a line of the same moment sorts before it)."""
        codes = {i: c for c, i in self.locations.items()}
        skus = {i: s for s, i in self.items.items()}
        for (where, item, lot), at in sorted(self.touched.items(), key=lambda kv: kv[1]):
            before = at - timedelta(microseconds=1)
            short = -self.poster.lowest_from(where, item, lot, before)
            if short > 0:  # as a line of its own: a later count does not absorb it (the other side's won't)
                found = dict(type="adjust", item_id=item, location_id=where, lot_id=lot, quantity=short,
                             occurred_at=before, reason="found", reference=FOUND, needs_review=True,
                             recorded_at=datetime.now(), recorded_by=self.user)  # fmt: skip
                self.poster.apply_synced(found, self.held)
                self.result.found.append(f"{short:,} {skus[item]} at {codes[where]}")

    def _known_lines(self, uids: list[str]) -> dict[str, dict]:
        """The lines of these ids already here, as records, read in a few queries (a resent day
        is mostly lines already here)."""
        codes = {i: c for c, i in self.locations.items()}
        skus = {i: s for s, i in self.items.items()}
        original = aliased(Movement)
        out = {}
        for n in range(0, len(uids), 500):
            rows = self.session.execute(
                select(Movement, Lot.lot_number, Visit.uid, original.uid)
                .outerjoin(Lot, Lot.id == Movement.lot_id)
                .outerjoin(Visit, Visit.id == Movement.visit_id)
                .outerjoin(original, original.id == Movement.reverses_id)
                .where(Movement.uid.in_(uids[n : n + 500]))
            )
            for row, lot, visit, reverses in rows:
                out[row.uid] = {
                    "sku": skus.get(row.item_id),
                    "location": codes.get(row.location_id),
                    "to_location": codes.get(row.to_location_id),
                    "lot": lot,
                    **{f: _iso(getattr(row, f)) for f in LINE_FIELDS},
                    "recorded_by": row.recorded_by,
                    "visit": visit,
                    "reverses": reverses,
                }
        return out


def _ids(session: Session, model, uids: set[str]) -> dict[str, int]:
    """{record id: row id} of the rows of `model` with these ids that are here."""
    out, uids = {}, sorted(uids)
    for n in range(0, len(uids), 500):
        out.update(session.execute(select(model.uid, model.id).where(model.uid.in_(uids[n : n + 500]))).all())
    return out


def _from_iso(name: str, value):
    if name in ("occurred_at", "recorded_at") and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value
