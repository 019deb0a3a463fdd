"""The home screen's figures: what needs the supply lead today, and how use is trending."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from hrsupply.db import Database
from hrsupply.models import DayChange, Item, Visit
from hrsupply.services import adjustments, catalog, expiry, first_run, program, stock
from hrsupply.services.adjustments import Flagged
from hrsupply.services.expiry import ExpiringLot
from hrsupply.services.laptop import held
from hrsupply.services.stock import StockRow

WEEKS = 12


@dataclass(frozen=True)
class NaloxoneHere:
    location: str
    name: str
    units: int  # usable: expired kits are not naloxone anyone can carry out
    minimum: int | None  # the sum of the location's naloxone minimums, if any are set
    kind: str
    expired: int = 0  # expired kits still there, waiting to be disposed of

    @property
    def short(self) -> bool:
        """Below its minimum, or none at a site or van (a partner may not carry naloxone)."""
        if self.minimum is not None:
            return self.units < self.minimum
        return self.units <= 0 and self.kind in ("site", "van")


@dataclass(frozen=True)
class Trend:
    """Units handed out per week (Monday to Sunday), oldest first, per category."""

    weeks: list[date]  # each week's Monday
    by_category: dict[str, list[int]]

    def total(self, week: int) -> int:
        return sum(values[week] for values in self.by_category.values())


@dataclass(frozen=True)
class Dashboard:
    stocked_out: list[StockRow]
    below_minimum: list[StockRow]
    expiring: list[ExpiringLot]
    expiry_window_days: int
    naloxone: list[NaloxoneHere]
    visits_today: int
    flagged: list[Flagged]
    trend: Trend
    next_step: str | None = None  # a new program: what is still to do (services/first_run.py)


def dashboard(db: Database, today: date | None = None) -> Dashboard:
    today = today or date.today()
    window = program.expiry_window_days(db)
    rows = stock.overview(db, today=today, window_days=window)
    with db.read() as s:
        visits = s.scalar(
            select(func.count(Visit.id)).where(
                Visit.occurred_at >= datetime.combine(today, time.min),
                Visit.occurred_at < stock.end_of(today),
                Visit.undone_at.is_(None),
            )
        )
    return Dashboard(
        stocked_out=[r for r in rows if r.status == "out" and (r.minimum or r.par)],
        below_minimum=[r for r in rows if r.status == "below minimum"],
        expiring=expiry.expiring(db, within_days=window, today=today),
        expiry_window_days=window,
        naloxone=naloxone_on_hand(db, rows),
        visits_today=visits or 0,
        flagged=adjustments.flagged(db),
        trend=trend(db, today),
        next_step=first_run.next_step(db),
    )


def naloxone_on_hand(db: Database, rows: list[StockRow]) -> list[NaloxoneHere]:
    """Every location, even one with none: a van out of naloxone is what this tile is for."""
    out, own = [], held(db)  # a van laptop: its own location only
    for loc in catalog.locations(db):
        if own is not None and loc.id != own:
            continue
        mine = [r for r in rows if r.location_id == loc.id and catalog.is_naloxone(r.category)]
        mins = [r.minimum for r in mine if r.minimum is not None]
        out.append(
            NaloxoneHere(
                loc.code,
                loc.name,
                sum(r.usable for r in mine),
                sum(mins) if mins else None,
                loc.kind,
                sum(r.expired for r in mine),
            )
        )
    return out


def trend(db: Database, today: date, weeks: int = WEEKS) -> Trend:
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    lo = datetime.combine(starts[0], time.min)
    with db.read() as s:  # the day changes kept with the ledger: twelve weeks are a few thousand rows
        rows = s.execute(
            select(Item.category, DayChange.day, func.sum(DayChange.change))
            .join(Item, Item.id == DayChange.item_id)
            .where(DayChange.kind == "handout", DayChange.day >= lo.date(), DayChange.day <= today)
            .group_by(Item.category, DayChange.day)
        ).all()
        categories = sorted(set(s.scalars(select(Item.category).where(Item.active.is_(True)))))
    by_category = {c: [0] * weeks for c in categories}
    for category, on, quantity in rows:
        d = on if isinstance(on, date) else date.fromisoformat(on)
        by_category.setdefault(category, [0] * weeks)[(d - starts[0]).days // 7] += -quantity
    return Trend(starts, {c: v for c, v in by_category.items() if any(v)})
