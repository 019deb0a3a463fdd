"""`hrsupply verify`: the ledger's whole promise, checked. Each cached balance equals the sum of
its movements and knows the time of its last one, and no (location, item, lot) balance was ever
below zero at any point in its history. The per-month changes (services/changes.py, MonthChange)
add up to the ledger's, month by month. `repair` rewrites the cached balances and the month
changes from the ledger, in one transaction, never writing a negative balance, and says so in the
audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, insert, literal, select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Balance, DayChange, Item, Location, Lot, MonthChange, Movement
from hrsupply.services import audit
from hrsupply.services.access import require
from hrsupply.services.changes import KIT_REASONS, effects, month_sql
from hrsupply.services.laptop import held_location


@dataclass(frozen=True)
class Drift:
    location: str
    sku: str
    lot: str | None
    ledger: int
    cached: int


@dataclass(frozen=True)
class Stale:
    """A cached balance whose last-movement time is wrong: backdated entries would be checked
    against the wrong history."""

    location: str
    sku: str
    lot: str | None
    ledger: datetime | None
    cached: datetime | None


@dataclass(frozen=True)
class Dip:
    """A balance that went below zero: `lowest`, first reached at `at`."""

    location: str
    sku: str
    lot: str | None
    lowest: int
    at: datetime


@dataclass(frozen=True)
class MonthDrift:
    """A month's kept change that differs from its movements': balances at dates in or after it
    would be wrong."""

    month: str
    location: str
    sku: str
    lot: str | None
    ledger: int
    kept: int


@dataclass(frozen=True)
class Findings:
    drift: list[Drift]
    stale: list[Stale]
    dips: list[Dip]
    months: list[MonthDrift] = ()

    @property
    def repairable(self) -> bool:
        """What `repair` rewrites from the ledger disagrees with it."""
        return bool(self.drift or self.stale or self.months)

    @property
    def ok(self) -> bool:
        return not (self.repairable or self.dips)

    def lines(self) -> list[str]:
        def where(f) -> str:
            return f"{f.location} {f.sku}" + (f" lot {f.lot}" if f.lot else "")

        return (
            [f"{where(d)}: ledger {d.ledger}, cached {d.cached}" for d in self.drift]
            + [f"{where(s)}: last movement {_when(s.ledger)}, cached {_when(s.cached)}" for s in self.stale]
            + [f"{where(d)}: falls to {d.lowest} on {d.at:%Y-%m-%d %H:%M}" for d in self.dips]
            + [f"{where(m)}: {m.month} changed by {m.ledger} in the ledger, {m.kept} kept" for m in self.months]
        )


def _when(at: datetime | None) -> str:
    return "none" if at is None else f"{at:%Y-%m-%d %H:%M:%S}"


def _ledger_sums(session: Session, held: int | None = None):
    eff = effects(location_id=held)
    return session.execute(
        select(
            eff.c.location_id,
            eff.c.item_id,
            eff.c.lot_id,
            func.sum(eff.c.delta).label("quantity"),
            func.max(eff.c.occurred_at).label("last_at"),
        ).group_by(eff.c.location_id, eff.c.item_id, eff.c.lot_id)
    ).all()


class _Names:
    def __init__(self, session: Session):
        self.locs = dict(session.execute(select(Location.id, Location.code)).all())
        self.skus = dict(session.execute(select(Item.id, Item.sku)).all())
        self.lots = dict(session.execute(select(Lot.id, Lot.lot_number)).all())

    def __call__(self, key) -> tuple[str, str, str | None]:
        loc, item, lot = key
        return self.locs[loc], self.skus[item], self.lots.get(lot)


def _order(found: list) -> list:
    return sorted(found, key=lambda f: (f.location, f.sku, f.lot or ""))


def find_drift(session: Session) -> list[Drift]:
    """Every (location, item, lot) whose cached balance differs from the sum of its movements."""
    return check_session(session, history=False).drift


def check_session(session: Session, *, history: bool = True) -> Findings:
    held = held_location(session)  # a van laptop keeps one location's stock
    ledger = {(r.location_id, r.item_id, r.lot_id): (r.quantity, r.last_at) for r in _ledger_sums(session, held)}
    balances = select(Balance.location_id, Balance.item_id, Balance.lot_id, Balance.quantity, Balance.last_at)
    if held is not None:
        balances = balances.where(Balance.location_id == held)
    cached = {(r.location_id, r.item_id, r.lot_id): (r.quantity, r.last_at) for r in session.execute(balances)}
    names = _Names(session)
    drift, stale = [], []
    for key in ledger.keys() | cached.keys():
        (lq, lat), (cq, cat) = ledger.get(key, (0, None)), cached.get(key, (0, None))
        if lq != cq:
            drift.append(Drift(*names(key), lq, cq))
        elif lat != cat and (lat is not None or cq != 0):
            stale.append(Stale(*names(key), lat, cat))
    dips = [Dip(*names(key), lowest, at) for key, lowest, at in _dips(session, held)] if history else []
    kept = {
        (r.month, r.location_id, r.item_id, r.lot_id): r.change
        for r in session.execute(
            select(
                MonthChange.month, MonthChange.location_id, MonthChange.item_id, MonthChange.lot_id, MonthChange.change
            )
        )
    }
    by_month = _month_sums(session)
    months = [
        MonthDrift(key[0], *names(key[1:]), by_month.get(key, 0), kept.get(key, 0))
        for key in by_month.keys() | kept.keys()
        if by_month.get(key, 0) != kept.get(key, 0)
    ]
    dc = DayChange
    kept_days = {
        (r.day, r.location_id, r.item_id, r.lot_id, r.kind): r.change
        for r in session.execute(select(dc.day, dc.location_id, dc.item_id, dc.lot_id, dc.kind, dc.change))
    }
    by_day = _day_sums(session)
    months += [  # a day's kind that does not add up: named by its day and kind, like a month
        MonthDrift(f"{key[0]} {key[4]}", *names(key[1:4]), by_day.get(key, 0), kept_days.get(key, 0))
        for key in by_day.keys() | kept_days.keys()
        if by_day.get(key, 0) != kept_days.get(key, 0)
    ]
    months.sort(key=lambda m: (m.month, m.location, m.sku, m.lot or ""))
    return Findings(_order(drift), _order(stale), _order(dips), months)


def _month_sums(session: Session) -> dict[tuple, int]:
    """The ledger's change per (month, location, item, lot), added up from the movements."""
    eff = effects()
    month = month_sql(session, eff.c.occurred_at)
    rows = session.execute(
        select(month, eff.c.location_id, eff.c.item_id, eff.c.lot_id, func.sum(eff.c.delta)).group_by(
            month, eff.c.location_id, eff.c.item_id, eff.c.lot_id
        )
    )
    return {tuple(r[:4]): r[4] for r in rows if r[4]}


def _day_sums(session: Session) -> dict[tuple, int]:
    """The ledger's change per (day, location, item, lot, kind), added up from the movements."""
    eff = effects(columns=[Movement.reason, Movement.location_id.label("origin")])
    day = func.date(eff.c.occurred_at)
    kind = case(  # changes.day_kind, in SQL
        ((eff.c.type == "transfer") & (eff.c.location_id == eff.c.origin), literal("transfer_out")),
        (eff.c.type == "transfer", literal("transfer_in")),
        ((eff.c.type == "adjust") & eff.c.reason.in_(KIT_REASONS), literal("kit")),
        else_=eff.c.type,
    )
    rows = session.execute(
        select(day, eff.c.location_id, eff.c.item_id, eff.c.lot_id, kind, func.sum(eff.c.delta)).group_by(
            day, eff.c.location_id, eff.c.item_id, eff.c.lot_id, kind
        )
    )
    out = {}
    for r in rows:
        if r[5]:
            on = r[0] if isinstance(r[0], date) else date.fromisoformat(str(r[0]))
            out[(on, *r[1:5])] = r[5]
    return out


def rebuild_month_changes(session: Session) -> int:
    """Rewrite the per-month and per-day changes from the ledger; how many rows were written."""
    session.execute(MonthChange.__table__.delete())
    session.execute(DayChange.__table__.delete())
    rows = [
        dict(month=m, location_id=loc, item_id=item, lot_id=lot, lot_key=lot or 0, change=change)
        for (m, loc, item, lot), change in _month_sums(session).items()
    ]
    days = [
        dict(day=d, location_id=loc, item_id=item, lot_id=lot, lot_key=lot or 0, kind=kind, change=change)
        for (d, loc, item, lot, kind), change in _day_sums(session).items()
    ]
    if rows:
        session.execute(insert(MonthChange), rows)
    if days:
        session.execute(insert(DayChange), days)
    return len(rows) + len(days)


def _dips(session: Session, held: int | None = None) -> list[tuple[tuple, int, datetime]]:
    """Keys whose balance, taken at the end of each moment (lines at the same time together: a
    recount line absorbs the entry before it), ever fell below zero; the lowest and when."""
    eff = effects(location_id=held)
    per_moment = (
        select(eff.c.location_id, eff.c.item_id, eff.c.lot_id, eff.c.occurred_at, func.sum(eff.c.delta).label("delta"))
        .group_by(eff.c.location_id, eff.c.item_id, eff.c.lot_id, eff.c.occurred_at)
        .subquery()
    )
    key = (per_moment.c.location_id, per_moment.c.item_id, per_moment.c.lot_id)
    running = select(
        *key,
        per_moment.c.occurred_at,
        func.sum(per_moment.c.delta).over(partition_by=key, order_by=per_moment.c.occurred_at).label("balance"),
    ).subquery()
    rows = session.execute(select(running).where(running.c.balance < 0).order_by(running.c.occurred_at)).all()
    out: dict[tuple, tuple[int, datetime]] = {}
    for r in rows:
        k = (r.location_id, r.item_id, r.lot_id)
        if k not in out or r.balance < out[k][0]:
            out[k] = (r.balance, out[k][1] if k in out else r.occurred_at)
    return [(k, lowest, at) for k, (lowest, at) in out.items()]


def check(db: Database) -> Findings:
    with db.read() as session:
        return check_session(session)


def rebuild_balances(session: Session) -> int:
    """Rewrite the cached balances from the ledger; returns how many keys were written. A key
    whose movements add up to less than zero is named and nothing is written."""
    held = held_location(session)
    sums = _ledger_sums(session, held)
    negative = [r for r in sums if r.quantity < 0]
    if negative:
        names = _Names(session)
        shown = [
            " ".join(filter(None, names((r.location_id, r.item_id, r.lot_id)))) + f" ({r.quantity})"
            for r in negative[:5]
        ]
        raise UserError(
            tr("the ledger adds up to less than zero for ")
            + ", ".join(shown)
            + tr("; nothing was repaired: correct those movements first")
        )
    kept = Balance.__table__.delete()
    session.execute(kept if held is None else kept.where(Balance.__table__.c.location_id == held))
    rows = [
        dict(
            location_id=r.location_id,
            item_id=r.item_id,
            lot_id=r.lot_id,
            lot_key=r.lot_id or 0,
            quantity=r.quantity,
            last_at=r.last_at,
        )
        for r in sums
    ]
    if rows:
        session.execute(insert(Balance), rows)
    return len(rows)


def repair(db: Database, user: str) -> int:
    """An admin rewrites the cached balances from the ledger, in one transaction, logged."""

    def work(session) -> int:
        require(session, user, "admin")
        before = check_session(session, history=False)
        n = rebuild_balances(session)
        months = rebuild_month_changes(session)
        audit.log(
            session,
            user,
            "balances",
            "repair",
            {
                "balances rewritten": [None, n],
                "disagreed": [None, len(before.drift)],
                "last movement time wrong": [None, len(before.stale)],
                "month changes rewritten": [None, months],
                "months that disagreed": [None, len(before.months)],
            },
        )
        return n

    return db.transaction(work)
