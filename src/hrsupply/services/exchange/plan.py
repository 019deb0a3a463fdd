"""The import's plan: every movement rehearsed against the stock as it stands (outside the
write transaction), rows already in the records found, and the write under lock, which writes the
rehearsed lines as they are unless another workstation moved the same stock meanwhile."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import aliased

from hrsupply.errors import ImportRefused, Problem, UserError
from hrsupply.i18n import tr
from hrsupply.models import Balance, ImportBatch, Item, Location, Lot, Movement, Receipt, Source
from hrsupply.services import catalog
from hrsupply.services.access import NotAllowed
from hrsupply.services.exchange.export import export_line
from hrsupply.services.exchange.rows import Row, content_key
from hrsupply.services.ledger import Move, Poster
from hrsupply.steps import Steps, step


@dataclass
class Plan:
    """An import rehearsed outside the write transaction: what it will write, and what it read."""

    moves: list[Row]
    poster: Poster
    items: dict[str, int]  # sku -> id, stand-ins (negative) for items the file adds
    locations: dict[str, int]
    new_lots: dict[tuple[str, str], tuple[int, date]]  # (sku, lot) -> (stand-in id, expiry)
    seen: set  # the balance rows the rehearsal's figures rest on, as they were
    skipped: int
    digest: str  # of the rows imported: the same rows are never imported twice
    used: bool = False
    visits: dict[str, int] = field(default_factory=dict)  # visit_id -> stand-in id (negative)
    receipts: dict[tuple, int] = field(default_factory=dict)  # (source, reference, location, at) -> stand-in


def rehearse(
    session,
    user: str,
    moves: list[Row],
    lot_tracked: dict[str, bool],
    new_locations,
    problems,
    skip_duplicates: bool,
    steps: Steps | None = None,
    visits: dict | None = None,
) -> Plan:
    """Check every movement against the stock as it stands, in a read transaction, and work out
    the ledger lines it will write. Items, locations and lots the file adds get stand-in ids."""
    items = dict(session.execute(select(Item.sku, Item.id)).all())
    for n, sku in enumerate(sorted(set(lot_tracked) - set(items)), start=1):
        items[sku] = -n
    locations = dict(session.execute(select(Location.code, Location.id)).all())
    for n, code in enumerate(sorted(set(new_locations) - set(locations)), start=1):
        locations[code] = -n
    moves, skipped = _without_duplicates(session, moves, items, locations, problems, skip_duplicates)

    poster = Poster(session, user, dry_run=True)
    for sku, item_id in items.items():
        if item_id < 0:
            poster.know_item(item_id, sku, lot_tracked[sku])
    for code, loc_id in locations.items():
        poster.know_location(loc_id, code)
    lots = {
        (r.item_id, r.lot_number): (r.id, r.expiry)
        for r in session.execute(
            select(Lot.id, Lot.item_id, Lot.lot_number, Lot.expiry).where(
                Lot.item_id.in_([i for i in items.values() if i > 0])
            )
        )
    }
    new_lots: dict[tuple[str, str], tuple[int, date]] = {}
    # Stable: the same moment keeps file order, a visit's lines after the movements (the stock a
    # visit found is added by an adjust of its own moment).
    moves = sorted(moves, key=lambda m: (m.at, m.visit is not None))
    visit_ids = {uid: -n for n, uid in enumerate(visits or {}, start=1)}
    receipts: dict[tuple, int] = {}
    for m in moves:
        if m.source:
            receipts.setdefault(receipt_key(m), -len(receipts) - 1)
    for n, m in enumerate(moves):
        if n % 5000 == 0:
            step(steps, n, len(moves), f"Checking movement {n:,} of {len(moves):,}…")
        lot_id = _lot_of(m, items[m.sku], lots, new_lots, poster, problems) if m.lot else None
        if lot_id is False:
            continue
        post_row(poster, m, items, locations, lot_id, problems, visit_ids, receipts)
    seen = _balance_rows(session, poster.keys(), lock=False)
    keys = [m.content_key + (m.movement_id or "") + (m.visit or "") for m in moves] + sorted(visits or {})
    digest = hashlib.sha256("\x1e".join(keys).encode()).hexdigest()
    return Plan(moves, poster, items, locations, new_lots, seen, skipped, digest, False, visit_ids, receipts)


def _lot_of(m: Row, item_id: int, lots: dict, new_lots: dict, poster: Poster, problems) -> int | bool:
    """The id of the row's lot (a stand-in for a lot the file adds), or False if the row gives
    no expiry for a new lot, or another expiry than the lot's."""
    known = lots.get((item_id, m.lot))
    if known is None:
        if m.expiry is None:
            message = tr("lot {m_lot} of {m_sku} is not known yet: give its expiry").format(m_lot=m.lot, m_sku=m.sku)
            problems.append(Problem("Movements", m.number, "expiry", message))
            return False
        known = lots[(item_id, m.lot)] = (-len(new_lots) - 1, m.expiry)
        new_lots[(m.sku, m.lot)] = known
        poster.know_lot(known[0], m.expiry, m.lot)
    elif m.expiry is not None and m.expiry != known[1]:
        message = tr("lot {m_lot} of {m_sku} has expiry {x}, not {m_expiry}")
        problems.append(
            Problem(
                "Movements", m.number, "expiry", message.format(m_lot=m.lot, m_sku=m.sku, x=known[1], m_expiry=m.expiry)
            )
        )
        return False
    return known[0]


def receipt_key(m: Row) -> tuple:
    """Rows received from one source, with one reference, at one place and moment: one receipt."""
    return (m.source, m.reference, m.location, m.at)


def post_row(poster: Poster, m: Row, items, locations, lot_id, problems, visits=None, receipts=None) -> None:
    poster.visit_id = visits[m.visit] if m.visit else None
    poster.receipt_id = receipts[receipt_key(m)] if m.source else None
    move = Move(
        m.type,
        items[m.sku],
        locations[m.location],
        m.quantity,
        m.at,
        lot_id=lot_id,
        to_location_id=locations[m.to_location] if m.to_location else None,
        reason=m.reason,
        reference=m.reference,
        participant=m.participant,
        uid=m.movement_id,
        row_key=None if m.movement_id or m.visit else m.content_key,
    )
    sheet = "Visit lines" if m.visit else "Movements"
    try:
        if m.undone:
            poster.post_undone(move, "visit undone")
        else:
            poster.post(move)
    except NotAllowed as exc:
        problems.append(Problem(sheet, m.number, "date", str(exc)))
    except UserError as exc:
        problems.append(Problem(sheet, m.number, "quantity", str(exc)))
    finally:
        poster.visit_id = poster.receipt_id = None


def _balance_rows(session, keys: set[tuple[int, int]], *, lock: bool) -> set:
    """Every balance row of these (location, item) keys, locked for the write if asked."""
    keys = sorted(k for k in keys if k[0] > 0 and k[1] > 0)
    rows = set()
    for n in range(0, len(keys), 400):
        q = (
            select(Balance.id, Balance.location_id, Balance.item_id, Balance.lot_id, Balance.quantity, Balance.last_at)
            .where(tuple_(Balance.location_id, Balance.item_id).in_(keys[n : n + 400]))
            .order_by(Balance.location_id, Balance.item_id, Balance.id)
        )
        rows |= set(map(tuple, session.execute(q.with_for_update() if lock else q)))
    return rows


def _write_receipts(session, user: str, plan: Plan, loc_ids: dict[str, int]) -> dict[tuple, int]:
    """A receipt for each source, reference, place and moment the file's receive rows name."""
    sources = dict(session.execute(select(Source.name, Source.id)).all())
    out = {}
    now = datetime.now()
    for key in plan.receipts:
        source, reference, location, at = key
        row = Receipt(
            source_id=sources[source],
            reference=reference,
            location_id=loc_ids[location],
            occurred_at=at,
            recorded_at=now,
            recorded_by=user,
        )
        session.add(row)
        session.flush()
        out[key] = row.id
    return out


def write_movements(session, path: Path, user: str, plan: Plan, item_ids, loc_ids, visit_ids) -> int:
    """Write the rehearsed lines if nothing they rest on has changed; otherwise (another
    workstation moved the same stock meanwhile) work them out again here, under lock."""
    items = {plan.items[sku]: real for sku, real in item_ids.items() if plan.items.get(sku, 0) < 0}
    locations = {plan.locations[code]: real for code, real in loc_ids.items() if plan.locations.get(code, 0) < 0}
    keys = {(locations.get(l, l), items.get(i, i)) for l, i in plan.poster.keys()}
    # Lock first: from here a desk saving a visit of the same stock waits for this write.
    fresh = _balance_rows(session, keys, lock=True) == plan.seen and not plan.used
    plan.used = True  # a retried transaction starts over from the ledger
    earlier = session.scalar(select(ImportBatch).where(ImportBatch.digest == plan.digest))
    if earlier is not None:
        raise ImportRefused(
            [
                Problem(
                    "Movements",
                    None,
                    None,
                    tr(
                        "these movements were already imported (from {earlier_filename} on "
                        "{earlier_imported_at:%Y-%m-%d %H:%M}); nothing was imported"
                    ).format(earlier_filename=earlier.filename, earlier_imported_at=earlier.imported_at),
                )
            ]
        )
    batch = ImportBatch(
        filename=path.name,
        digest=plan.digest,
        movement_rows=len(plan.moves),
        imported_at=datetime.now(),
        imported_by=user,
    )
    session.add(batch)
    session.flush()
    lots = {}
    for (sku, number), (stand_in, expiry) in plan.new_lots.items():
        if session.scalar(select(Lot.id).where(Lot.item_id == item_ids[sku], Lot.lot_number == number)):
            fresh = False  # another workstation added this lot meanwhile
        lots[stand_in] = catalog.lot_for(session, item_ids[sku], number, expiry).id
    session.flush()
    receipt_ids = _write_receipts(session, user, plan, loc_ids)
    if fresh:
        plan.poster.rebind(
            session,
            items=items,
            locations=locations,
            lots=lots,
            import_id=batch.id,
            visits={plan.visits[uid]: real for uid, real in visit_ids.items()},
            receipts={plan.receipts[key]: real for key, real in receipt_ids.items()},
        )
        plan.poster.flush()
        return plan.poster.posted
    problems: list[Problem] = []
    poster = Poster(session, user, import_id=batch.id)
    poster.lock(keys)
    known = {(r.item_id, r.lot_number): r.id for r in session.execute(select(Lot.id, Lot.item_id, Lot.lot_number))}
    for m in plan.moves:
        lot = known.get((item_ids[m.sku], m.lot)) if m.lot else None
        post_row(poster, m, item_ids, loc_ids, lot, problems, visit_ids, receipt_ids)
    if problems:
        raise ImportRefused(problems)  # rolls the whole transaction back
    poster.flush()
    return poster.posted


def _without_duplicates(session, moves: list[Row], items, locations, problems, skip: bool) -> tuple[list[Row], int]:
    """The rows that are not already in the ledger. A row with a movement_id is in it when that id
    is; a row without one when a movement matches it on every column (or an earlier import made
    one from the same row). Identical rows in one file are separate movements, so each existing
    copy accounts for one row."""
    ids = [m.movement_id for m in moves if m.movement_id]
    have_ids = set()
    for n in range(0, len(ids), 500):
        have_ids |= set(session.scalars(select(Movement.uid).where(Movement.uid.in_(ids[n : n + 500]))))
    plain = [m for m in moves if not m.movement_id and not m.visit]  # a visit's lines: by its visit_id
    copies: dict[str, int] = {}
    if plain:
        keys = sorted({m.content_key for m in plain})
        for n in range(0, len(keys), 500):  # rows an earlier import made, even if FEFO split them
            copies.update(
                session.execute(
                    select(Movement.row_key, func.count())
                    .where(Movement.row_key.in_(keys[n : n + 500]))
                    .group_by(Movement.row_key)
                ).all()
            )
        in_ledger = _ledger_keys(
            session,
            min(m.at for m in plain),
            max(m.at for m in plain),
            [items[m.sku] for m in plain if items[m.sku] > 0],
        )
        for key, n in in_ledger.items():
            copies[key] = max(copies.get(key, 0), n)
    fresh, dupes = [], []
    for m in moves:
        if m.visit:
            fresh.append(m)
        elif m.movement_id:
            (dupes if m.movement_id in have_ids else fresh).append(m)
        elif copies.get(key := m.content_key, 0) > 0:
            copies[key] -= 1
            dupes.append(m)
        else:
            fresh.append(m)
    if dupes and not skip:
        rows = ", ".join(str(m.number) for m in dupes[:10]) + (" …" if len(dupes) > 10 else "")
        problems.append(
            Problem(
                "Movements",
                dupes[0].number,
                None,
                tr(
                    "{n:,} row{x} already in the records (rows {rows}); leave them out (--skip-duplicates) to add "
                    "only the new rows"
                ).format(n=len(dupes), x="s are" if len(dupes) > 1 else " is", rows=rows),
            )
        )
    return fresh, len(dupes) if skip else 0


def _ledger_keys(session, first: datetime, last: datetime, item_ids: list[int]) -> dict[str, int]:
    """Content keys of the ledger's lines in [first, last + 1 minute), written as an export
    writes them, with how many lines share each."""
    if not item_ids:
        return {}
    original = aliased(Movement)
    rows = session.execute(
        select(
            Movement.occurred_at,
            Movement.type,
            Movement.item_id,
            Movement.quantity,
            Movement.counted,
            Movement.location_id,
            Movement.to_location_id,
            Movement.lot_id,
            Movement.participant,
            Movement.reason,
            Movement.reference,
            original.type.label("reversed_type"),
        )
        .outerjoin(original, original.id == Movement.reverses_id)
        .where(
            Movement.occurred_at >= first.replace(second=0, microsecond=0),
            Movement.occurred_at < last.replace(second=0, microsecond=0) + timedelta(minutes=1),
            Movement.item_id.in_(sorted(set(item_ids))),
        )
        .execution_options(yield_per=5000)
    )
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    skus = dict(session.execute(select(Item.id, Item.sku)).all())
    lots = dict(session.execute(select(Lot.id, Lot.lot_number).where(Lot.item_id.in_(sorted(set(item_ids))))).all())
    out: dict[str, int] = {}
    for r in rows:
        line = export_line(r, r.reversed_type, codes, r.counted)
        if line is None:
            continue
        kind, qty, loc, to, reason = line
        key = content_key(
            r.occurred_at,
            kind,
            skus[r.item_id],
            qty,
            loc,
            to,
            lots.get(r.lot_id),
            r.participant if kind == "handout" else None,
            reason,
            r.reference,
        )
        out[key] = out.get(key, 0) + 1
    return out
