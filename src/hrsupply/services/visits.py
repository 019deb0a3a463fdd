"""Front desk: record a participant visit, see today's visits, undo one.

Supply is never blocked. Limits only advise, a missing code is an anonymous visit, and if the
records show less stock than staff are physically handing out, the visit is saved anyway: the
difference goes in as a "found" adjustment flagged for the supply lead to review.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, insert, select, union

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import short_day, tr
from hrsupply.models import Balance, Item, Location, Lot, Movement, ParticipantCode, Review, Visit, VisitReferral
from hrsupply.services import bounds
from hrsupply.services.access import NotAllowed, check_date, require
from hrsupply.services.bounds import check_people, check_units
from hrsupply.services.catalog import is_naloxone
from hrsupply.services.ledger import Move, Poster
from hrsupply.services.program import get_in, naloxone_reasons, normalize_code
from hrsupply.services.returns import syringes_for
from hrsupply.services.stock import check_period, end_of
from hrsupply.services.usable import usable_sql


@dataclass
class Line:
    item_id: int
    quantity: int
    lot_id: int | None = None


@dataclass
class VisitForm:
    location_id: int
    occurred_at: datetime
    participant: str | None = None
    lines: list[Line] = field(default_factory=list)
    syringes_returned: int = 0
    returned_estimated: bool = False  # estimated from a sharps container's size
    returned_grams: int | None = None  # weighed: the count is worked out from the weight (returns.py)
    collecting_for: int = 0
    naloxone_reason: str | None = None
    reversals_reported: int = 0
    referrals: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Shortfall:
    item_id: int
    name: str
    wanted: int
    available: int

    def __str__(self) -> str:
        return tr("{name}: handing out {wanted}, records show {available}").format(
            name=self.name, wanted=self.wanted, available=self.available
        )


@dataclass(frozen=True)
class Check:
    advice: list[str]  # quiet notices; staff can always go ahead
    shortfalls: list[Shortfall]  # need a confirmation, then are recorded as found stock
    naloxone: bool = False  # naloxone is on the visit: the desk offers its reason (never required)


class ShortfallNotConfirmed(UserError):
    def __init__(self, shortfalls: list[Shortfall]):
        self.shortfalls = shortfalls
        super().__init__(
            tr("records show less than is being handed out: {x}").format(x="; ".join(map(str, shortfalls)))
        )


def _validate(form: VisitForm) -> None:
    for n, line in enumerate(form.lines, start=1):
        check_units(line.quantity, tr("line {n}: the quantity").format(n=n))
    for name in ("syringes_returned", "collecting_for", "reversals_reported"):
        check_people(getattr(form, name), name.replace("_", " "))
    if form.returned_grams is not None and not 0 < form.returned_grams <= 1_000_000:
        raise UserError(tr("the weight of the returned sharps: above 0, up to 2,000"))


def check(db: Database, form: VisitForm) -> Check:
    """Advisory limits and shortfalls for a visit about to be saved. Reads only."""
    _validate(form)
    code = normalize_code(form.participant)
    wanted: dict[int, int] = defaultdict(int)
    for line in form.lines:
        wanted[line.item_id] += line.quantity
    advice, shortfalls = [], []
    with db.read() as session:
        items = {i.id: i for i in session.scalars(select(Item).where(Item.id.in_(wanted)))}
        for item_id, qty in wanted.items():
            item = items[item_id]
            if code and item.limit_quantity and item.limit_days:
                since = form.occurred_at - timedelta(days=item.limit_days)
                given, last = _given_since(session, code, item_id, since)
                if given + qty > item.limit_quantity:
                    said = tr("{item}: suggested {n} per {days} days").format(
                        item=item.name, n=item.limit_quantity, days=item.limit_days
                    )
                    if last:
                        said += tr("; {given} given since {since}, last on {last}").format(
                            given=given, since=short_day(since), last=short_day(last, weekday=True)
                        )
                    advice.append(said)
        # The save's own rule (Poster.drawable), line by line as the save posts them (a named lot
        # draws on it alone); the lines' stock and items read at once, as the save reads them.
        poster = Poster(session, "", dry_run=True)
        poster.lock({(form.location_id, line.item_id) for line in form.lines})
        for line in form.lines:
            have = poster.drawable(form.location_id, line.item_id, form.occurred_at, line.lot_id)
            if have < line.quantity:
                shortfalls.append(Shortfall(line.item_id, items[line.item_id].name, line.quantity, have))
    return Check(advice, shortfalls, any(is_naloxone(i.category, i.doses) for i in items.values()))


def _given_since(session, code: str, item_id: int, since: datetime) -> tuple[int, datetime | None]:
    row = session.execute(
        select(func.coalesce(-func.sum(Movement.quantity), 0), func.max(Visit.occurred_at))
        .join(Visit, Visit.id == Movement.visit_id)
        .where(
            Visit.participant == code,
            Visit.occurred_at > since,
            Visit.undone_at.is_(None),
            Movement.item_id == item_id,
            Movement.type == "handout",
        )
    ).one()
    return row[0], row[1]


_NEW_VISIT = insert(Visit.__table__).returning(Visit.__table__.c.id)


def record(db: Database, user: str, form: VisitForm, *, confirm_shortfall: bool = False) -> int:
    """Save the visit and its handouts in one transaction; returns the visit id.

    If the records show less than is handed out, raises ShortfallNotConfirmed unless
    `confirm_shortfall`: then the difference is recorded as found stock, flagged for review.
    """
    _validate(form)
    code = normalize_code(form.participant)

    def work(session) -> int:
        require(session, user, "visits")
        check_date(session, user, form.occurred_at)  # a visit with only returns or referrals too
        if form.naloxone_reason is not None and form.naloxone_reason not in naloxone_reasons(session):
            raise UserError(
                tr("unknown naloxone refill reason {form_naloxone_reason!r}").format(
                    form_naloxone_reason=form.naloxone_reason
                )
            )
        returned, estimated = form.syringes_returned, form.returned_estimated and form.syringes_returned > 0
        if form.returned_grams is not None:  # weighed: the count is the weight's, never a container's
            returned = syringes_for(form.returned_grams, get_in(session, "syringes_per_pound"))
            estimated = False
        visit_id = (
            session.connection()
            .execute(  # Core: the desk's every save, and the ORM's unit of work costs more than the insert
                _NEW_VISIT,
                dict(
                    location_id=form.location_id,
                    occurred_at=form.occurred_at,
                    recorded_at=datetime.now(),
                    recorded_by=user,
                    participant=code,
                    syringes_returned=returned,
                    returned_estimated=estimated,
                    returned_grams=form.returned_grams,
                    collecting_for=form.collecting_for,
                    naloxone_reason=form.naloxone_reason,
                    reversals_reported=form.reversals_reported,
                ),
            )
            .scalar_one()
        )
        session.add_all(VisitReferral(visit_id=visit_id, referral=r) for r in dict.fromkeys(form.referrals))
        poster = Poster(session, user, visit_id=visit_id)
        poster.lock({(form.location_id, line.item_id) for line in form.lines})
        short = []
        for line in form.lines:
            at = form.occurred_at
            have = poster.drawable(form.location_id, line.item_id, at, line.lot_id)
            if have < line.quantity:
                name = session.scalar(select(Item.name).where(Item.id == line.item_id))
                short.append(Shortfall(line.item_id, name, line.quantity, have))
                if not confirm_shortfall:
                    continue
                lot_id = line.lot_id or _found_lot(session, poster, form.location_id, line.item_id, at)
                poster.post(
                    Move(
                        "adjust",
                        line.item_id,
                        form.location_id,
                        line.quantity - have,
                        at,
                        lot_id=lot_id,
                        reason="found",
                        needs_review=True,
                        reference="handed out beyond recorded stock",
                    )
                )
            poster.post(
                Move("handout", line.item_id, form.location_id, line.quantity, at, lot_id=line.lot_id, participant=code)
            )
        if short and not confirm_shortfall:
            raise ShortfallNotConfirmed(short)  # rolls the visit back
        poster.flush()
        return visit_id

    return db.transaction(work)


def _found_lot(session, poster: Poster, location_id: int, item_id: int, at: datetime) -> int | None:
    """Where found stock of a lot-tracked item goes: the earliest unexpired lot seen at this
    location, else anywhere; else a placeholder lot for the supply lead to sort out."""
    if not session.scalar(select(Item.lot_tracked).where(Item.id == item_id)):
        return None
    unexpired = select(Lot.id).where(Lot.item_id == item_id, usable_sql(at.date())).order_by(Lot.expiry, Lot.lot_number)
    here = session.scalar(unexpired.join(Balance, Balance.lot_id == Lot.id).where(Balance.location_id == location_id))
    lot_id = here or session.scalar(unexpired)
    if lot_id is None:
        lot = Lot(item_id=item_id, lot_number=f"UNRECORDED-{at:%Y%m%d}", expiry=at.date())
        existing = session.scalar(select(Lot.id).where(Lot.item_id == item_id, Lot.lot_number == lot.lot_number))
        if existing:
            return existing
        session.add(lot)
        session.flush()
        lot_id = lot.id
    return lot_id


def last_lines(db: Database, user: str, participant: str, location_id: int | None = None) -> list[Line]:
    """What this participant took at their most recent visit (that was not undone): for whoever
    records visits."""
    code = normalize_code(participant)
    if not code:
        return []
    with db.read() as session:
        require(session, user, "visits")
        visit_id = session.scalar(
            select(Visit.id)
            .where(Visit.participant == code, Visit.undone_at.is_(None))
            .order_by(Visit.occurred_at.desc(), Visit.id.desc())
            .limit(1)
        )
        if visit_id is None:
            return []
        rows = session.execute(
            select(Movement.item_id, -func.sum(Movement.quantity))
            .join(Item, Item.id == Movement.item_id)
            .where(Movement.visit_id == visit_id, Movement.type == "handout", Item.active.is_(True))
            .group_by(Movement.item_id)
            .order_by(func.min(Movement.id))
        ).all()
        return [Line(item_id, qty) for item_id, qty in rows if qty > 0]


@dataclass(frozen=True)
class CodeMatch:
    code: str | None  # as it will be saved; None: anonymous
    known: bool  # seen at an earlier visit; False: a new participant (or a typo)
    near: tuple[str, ...] = ()  # a new code's known neighbours, one or two letters off (nearest first)


NEAR = 3  # known codes offered for a new one, at most


def near_codes(code: str, known: list[str]) -> list[str]:
    """The known codes one or two letters from `code` (a letter changed, two swapped, one left
    out or one too many), nearest first: a typo must not quietly become a new participant."""
    found = []
    for other in known:
        if abs(len(other) - len(code)) > 1 or other == code:
            continue
        if len(other) == len(code):
            wrong = [n for n, (a, b) in enumerate(zip(code, other)) if a != b]
            swapped = (
                len(wrong) == 2
                and wrong[1] == wrong[0] + 1
                and (code[wrong[0]], code[wrong[1]]) == (other[wrong[1]], other[wrong[0]])
            )
            if len(wrong) <= 2:
                found.append((1 if swapped or len(wrong) == 1 else 2, other))
        else:
            short, long = sorted((code, other), key=len)
            if any(long[:n] + long[n + 1 :] == short for n in range(len(long))):
                found.append((1, other))
    return [other for _, other in sorted(found)[:NEAR]]


def match_code(db: Database, user: str, text: str | None) -> CodeMatch:
    """The code typed at the front desk: a known code, a prefix of exactly one known code
    (completed to it), or a new code. Raises UserError for a code that cannot be one."""
    code = normalize_code(text)
    if code is None:
        return CodeMatch(None, False)
    with db.read() as session:
        require(session, user, "visits")
        # Codes hold only letters, digits and hyphens, so LIKE has no wildcard to escape.
        found = list(session.scalars(_codes(f"{code}%").limit(2)))
        if code in found:
            return CodeMatch(code, True)
        if len(found) == 1:
            return CodeMatch(found[0], True)
        return CodeMatch(code, False, tuple(near_codes(code, list(session.scalars(_codes())))))


def known_codes(db: Database, user: str) -> list[str]:
    """Every participant code seen (the desk completes codes from them): for whoever records visits."""
    with db.read() as session:
        require(session, user, "visits")
        return list(session.scalars(_codes()))


def known_among(session, codes: list[str]) -> set[str]:
    """Which of these codes are known here (as `_codes` tells)."""
    found: set[str] = set()
    for n in range(0, len(codes), 500):
        found |= set(session.scalars(_codes(among=codes[n : n + 500])))
    return found


def _codes(like: str | None = None, among: list[str] | None = None):
    """Codes seen in visits here, and (on a van laptop) those the central knew at the last sync."""
    seen = select(Visit.participant.label("code")).where(Visit.participant.is_not(None))
    known = select(ParticipantCode.code.label("code"))
    if like is not None:
        seen, known = seen.where(Visit.participant.like(like)), known.where(ParticipantCode.code.like(like))
    if among is not None:
        seen, known = seen.where(Visit.participant.in_(among)), known.where(ParticipantCode.code.in_(among))
    both = union(seen, known).subquery()
    return select(both.c.code).order_by(both.c.code)


# ---- today's visits ----------------------------------------------------------------------
@dataclass(frozen=True)
class VisitRow:
    id: int
    occurred_at: datetime
    location: str
    participant: str | None
    items: str  # "Syringe 1 mL ×40, Vitamin C ×10"
    syringes_out: int
    naloxone_out: int
    syringes_returned: int
    returned_estimated: bool
    collecting_for: int
    naloxone_reason: str | None
    reversals_reported: int
    referrals: tuple[str, ...]
    recorded_by: str
    undone: bool


@dataclass(frozen=True)
class Totals:
    visits: int
    unique_codes: int
    syringes_out: int
    syringes_returned: int
    naloxone_kits_out: int


def between(db: Database, user: str, start: date, end: date, location_id: int | None = None) -> list[VisitRow]:
    """Visits from `start` to `end` (both included), newest first. They carry participant codes:
    an admin may read any days; whoever records visits, today's only (the desk's list)."""
    check_period(start, end)
    lo, hi = datetime.combine(start, time.min), end_of(end)
    with db.read() as session:
        if require(session, user, "visits") != "admin" and not start == end == bounds.today():
            raise NotAllowed(
                tr("{username} may see only today's visits; ask an admin for other days").format(username=user)
            )
        q = select(Visit).where(Visit.occurred_at >= lo, Visit.occurred_at < hi)
        if location_id is not None:
            q = q.where(Visit.location_id == location_id)
        visits = session.scalars(q.order_by(Visit.occurred_at.desc(), Visit.id.desc())).all()
        ids = [v.id for v in visits]
        undone = {v.id for v in visits if v.undone_at is not None}
        lines = defaultdict(list)
        # What a visit handed out, net of reversed lines; an undone visit shows what it had handed out.
        given = -func.sum(case((Movement.reverses_id.is_(None), Movement.quantity), else_=0))
        for visit_id, name, category, net, gross in session.execute(
            select(Movement.visit_id, Item.name, Item.category, -func.sum(Movement.quantity), given)
            .join(Item, Item.id == Movement.item_id)
            .where(Movement.visit_id.in_(ids), Movement.type == "handout")
            .group_by(Movement.visit_id, Item.name, Item.category)
            .order_by(Item.name)
        ):
            qty = gross if visit_id in undone else net
            if qty:
                lines[visit_id].append((name, category, qty))
        referrals = defaultdict(list)
        for visit_id, referral in session.execute(
            select(VisitReferral.visit_id, VisitReferral.referral).where(VisitReferral.visit_id.in_(ids))
        ):
            referrals[visit_id].append(referral)
        codes = dict(session.execute(select(Location.id, Location.code)).all())
    return [
        VisitRow(
            v.id,
            v.occurred_at,
            codes[v.location_id],
            v.participant,
            ", ".join(f"{name} ×{qty}" for name, _, qty in lines[v.id]),
            sum(q for _, cat, q in lines[v.id] if cat == "Syringes"),
            sum(q for _, cat, q in lines[v.id] if cat == "Naloxone"),
            v.syringes_returned,
            v.returned_estimated or v.returned_grams is not None,  # by a container or by weight
            v.collecting_for,
            v.naloxone_reason,
            v.reversals_reported,
            tuple(referrals[v.id]),
            v.recorded_by,
            v.undone_at is not None,
        )
        for v in visits
    ]


def totals(rows: list[VisitRow]) -> Totals:
    kept = [r for r in rows if not r.undone]
    return Totals(
        len(kept),
        len({r.participant for r in kept if r.participant}),
        sum(r.syringes_out for r in kept),
        sum(r.syringes_returned for r in kept),
        sum(r.naloxone_out for r in kept),
    )


def _undoable(session, visit_id: int) -> tuple[list[Movement], list[Movement]]:
    """What undoing the visit reverses: its handouts, and the "found" stock it added so they
    could go ahead (unless the supply lead already reviewed that)."""
    lines = session.scalars(
        select(Movement)
        .where(Movement.visit_id == visit_id, Movement.reverses_id.is_(None), Movement.type.in_(("handout", "adjust")))
        .order_by(Movement.id)
    ).all()
    reversed_ids = (
        set(session.scalars(select(Movement.reverses_id).where(Movement.reverses_id.in_([m.id for m in lines]))))
        if lines
        else set()
    )
    reviewed = (
        set(session.scalars(select(Review.movement_id).where(Review.movement_id.in_([m.id for m in lines]))))
        if lines
        else set()
    )
    handouts = [m for m in lines if m.type == "handout" and m.id not in reversed_ids]
    found = [m for m in lines if m.needs_review and m.id not in reversed_ids and m.id not in reviewed]
    return handouts, found


def undo_summary(db: Database, visit_id: int) -> str:
    """What undoing the visit will reverse, in words, for the confirmation."""
    with db.read() as session:
        handouts, found = _undoable(session, visit_id)
        names = dict(session.execute(select(Item.id, Item.name)).all())
    given: dict[str, int] = defaultdict(int)
    for m in handouts:
        given[names[m.item_id]] -= m.quantity
    text = (
        tr("Puts back on the shelf: {x}").format(x=", ".join(f"{n} ×{q:,}" for n, q in given.items()))
        if given
        else tr("No handouts to reverse.")
    )
    if found:
        text += "\n" + tr("Takes away the found stock this visit added: {x}.").format(
            x=", ".join(f"{names[m.item_id]} ×{m.quantity:,}" for m in found)
        )
    return text


def undo(db: Database, user: str, visit_id: int) -> None:
    """Undo a visit recorded today, in one transaction: its handouts are reversed (never
    deleted), and so is any "found" stock it added, which leaves the review list as reversed.
    The visit is kept and marked undone. Older visits are corrected by the supply lead. "Today"
    is the computer's, never the caller's."""
    today = bounds.today()

    def work(session) -> None:
        require(session, user, "visits")
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise UserError(tr("there is no visit {visit_id}").format(visit_id=visit_id))
        if visit.undone_at is not None:
            raise UserError(
                tr("this visit was already undone at {visit_undone_at:%H:%M} by {visit_undone_by}").format(
                    visit_undone_at=visit.undone_at, visit_undone_by=visit.undone_by
                )
            )
        if visit.occurred_at.date() != today:
            raise UserError(tr("only today's visits can be undone here; older ones are corrected in Stock"))
        handouts, found = _undoable(session, visit.id)
        poster = Poster(session, user, visit_id=visit.id)
        poster.lock({(m.location_id, m.item_id) for m in handouts + found})
        for movement in handouts + found:  # the handouts first: they put back what the found stock covered
            poster.reverse(movement, "visit undone at the front desk")
        poster.flush()
        now = datetime.now()
        session.add_all(
            Review(movement_id=m.id, outcome="reversed", note="the visit was undone", reviewed_at=now, reviewed_by=user)
            for m in found
        )
        visit.undone_at, visit.undone_by = now, user

    db.transaction(work)
