"""Van close-out: count everything the van carries (by lot where lot-tracked), send what goes back
to the site, in one save; and the van's reconciliation for a shift or any dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Balance, CloseOut, Item, Location, Lot, Movement, ParLevel
from hrsupply.services.access import check_date, require
from hrsupply.services.bounds import check_units
from hrsupply.services.ledger import Move, post_all
from hrsupply.services.loadout import van_only
from hrsupply.services.reconcile import reconcile
from hrsupply.services.stock import check_period, end_of
from hrsupply.services.usable import usable

CLOSE_TIME = time(17, 0)  # a close-out entered for an earlier day: after that day's handouts


@dataclass
class CountLine:
    item_id: int
    sku: str
    name: str
    lot_id: int | None
    lot: str | None
    expiry: date | None
    expected: int
    counted: int | None = None  # None: not counted (keeps its stock)
    returned: int = 0  # sent back to the site after counting
    reason: str | None = None  # why the count differs

    def expired_on(self, day: date) -> bool:
        """Past its expiry: bring it back to the site to be disposed of, never hand it out."""
        return not usable(self.expiry, day)


def sheet(db: Database, van_id: int) -> list[CountLine]:
    """Every item the van carries or has a par for, one line per lot in stock."""
    with db.read() as s:
        par_items = set(s.scalars(select(ParLevel.item_id).where(ParLevel.location_id == van_id)))
        held = s.execute(
            select(Balance.item_id, Balance.lot_id, Balance.quantity, Lot.lot_number, Lot.expiry)
            .outerjoin(Lot, Lot.id == Balance.lot_id)
            .where(Balance.location_id == van_id, Balance.in_stock)
        ).all()
        ids = par_items | {r.item_id for r in held}
        items = {i.id: i for i in s.scalars(select(Item).where(Item.id.in_(ids)))}
    lines = [
        CountLine(r.item_id, items[r.item_id].sku, items[r.item_id].name, r.lot_id, r.lot_number, r.expiry, r.quantity)
        for r in held
    ]
    stocked = {r.item_id for r in held}
    lines += [
        CountLine(i, items[i].sku, items[i].name, None, None, None, 0)
        for i in par_items - stocked
        if items[i].active and not items[i].lot_tracked
    ]
    return sorted(lines, key=lambda l: (items[l.item_id].category, l.name, l.expiry or date.max))


def when(day: date) -> datetime:
    return datetime.now() if day == date.today() else datetime.combine(day, CLOSE_TIME)


def close_out(
    db: Database, user: str, van_id: int, return_to_id: int, day: date, lines: list[CountLine], *, blind: bool = False
) -> int:
    """Post the counts, then the returns, in one transaction; returns the close-out's id."""
    at = when(day)
    problems = []
    for line in lines:
        where = tr("{name}, lot {lot}").format(name=line.name, lot=line.lot) if line.lot else line.name
        try:
            if line.counted is not None:
                check_units(line.counted, tr("{where}: the count").format(where=where), least=0)
            check_units(line.returned, tr("{where}: what goes back").format(where=where), least=0)
        except UserError as exc:
            problems.append(str(exc))
            continue
        have = line.counted if line.counted is not None else line.expected
        if line.returned > have:
            problems.append(
                tr("{where}: can return 0 to {have:,}, not {returned:,}").format(
                    where=where, have=have, returned=line.returned
                )
            )
    if problems:
        raise UserError("\n".join(problems))

    def work(s) -> int:
        require(s, user, "van")
        check_date(s, user, day)
        van_only(s, van_id, "closed out")
        made = CloseOut(
            location_id=van_id,
            return_to_id=return_to_id,
            day=day,
            counted_at=datetime.now(),
            counted_by=user,
            blind=blind,
        )
        s.add(made)
        s.flush()
        reference = f"Close-out {made.id}"
        counts = [
            Move(
                "count",
                l.item_id,
                van_id,
                l.counted,
                at,
                lot_id=l.lot_id,
                reason=(l.reason or "").strip() or None,
                reference=reference,
            )
            for l in lines
            if l.counted is not None
        ]
        back = at + timedelta(seconds=1)  # after the count, so the count is what was on the van
        returns = [
            Move(
                "transfer",
                l.item_id,
                van_id,
                l.returned,
                back,
                lot_id=l.lot_id,
                to_location_id=return_to_id,
                reference=reference,
            )
            for l in lines
            if l.returned
        ]
        post_all(s, user, counts + returns)
        return made.id

    return db.transaction(work)


@dataclass(frozen=True)
class VanLine:
    sku: str
    name: str
    start: int  # on the van when the period began
    loaded: int
    handed_out: int
    adjusted: int  # adjustments less disposals
    expected: int  # start + loaded − handed out + adjusted: what the count should find
    counted: int | None  # the last count in the period (all lots); None when not counted
    variance: int  # what the counts found beyond the expected
    returned: int  # sent back to the site (or on to another location)
    end: int  # on the van at the end of the period
    reasons: str  # the reasons given for the variance


def van_reconcile(db: Database, van_code: str, start: date, end: date) -> list[VanLine]:
    """Per item: what the van started with, was loaded, handed out, returned, and what the count found."""
    check_period(start, end)
    lines = reconcile(db, start, end, location=van_code)
    lo, hi = datetime.combine(start, time.min), end_of(end)
    with db.read() as s:
        van = s.scalar(select(Location.id).where(Location.code == van_code))
        last: dict[tuple[str, int | None], int] = {}
        reasons: dict[str, list[str]] = {}
        for sku, lot_id, counted, reason in s.execute(
            select(Item.sku, Movement.lot_id, Movement.counted, Movement.reason)
            .join(Item, Item.id == Movement.item_id)
            # Naming the items lets the (location, item, time) index seek each item's day
            # instead of walking the van's whole history.
            .where(
                Movement.location_id == van,
                Movement.item_id.in_(list(s.scalars(select(Item.id)))),
                Movement.type == "count",
                Movement.counted.is_not(None),
                Movement.occurred_at >= lo,
                Movement.occurred_at < hi,
            )
            .order_by(Movement.occurred_at, Movement.id)
        ):
            last[(sku, lot_id)] = counted  # the latest count of each lot stands
            if reason and reason != "entry before this count, recorded later":
                reasons.setdefault(sku, []).append(reason)
    counted: dict[str, int] = {}
    for (sku, _lot), n in last.items():
        counted[sku] = counted.get(sku, 0) + n
    return [
        VanLine(
            l.sku,
            l.name,
            l.opening,
            l.transferred_in,
            l.handed_out,
            l.adjusted - l.disposed,
            l.opening + l.transferred_in - l.handed_out + l.adjusted - l.disposed,
            counted.get(l.sku),
            l.count_variance,
            l.transferred_out,
            l.closing,
            "; ".join(dict.fromkeys(reasons.get(l.sku, []))),
        )
        for l in lines
    ]


@dataclass(frozen=True)
class CloseOutInfo:
    id: int
    day: date
    counted_at: datetime
    counted_by: str
    blind: bool


def history(db: Database, van_id: int) -> list[CloseOutInfo]:
    with db.read() as s:
        return [
            CloseOutInfo(c.id, c.day, c.counted_at, c.counted_by, c.blind)
            for c in s.scalars(
                select(CloseOut).where(CloseOut.location_id == van_id).order_by(CloseOut.day.desc(), CloseOut.id.desc())
            )
        ]
