"""Importing a workbook, all of it or nothing: `prepare` reads, checks and rehearses it (the
preview, nothing written), `commit` writes it in one transaction."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select

from hrsupply.db import Database
from hrsupply.errors import ImportRefused, Problem, UserError
from hrsupply.i18n import tr
from hrsupply.models import (
    Barcode,
    Item,
    KitComponent,
    Location,
    Movement,
    PackSize,
    ParLevel,
    Source,
    Visit,
    VisitReferral,
)
from hrsupply.services import audit, catalog, laptop, program
from hrsupply.services.access import check_date, require
from hrsupply.services.exchange import plan, read, rows
from hrsupply.services.presets import put_preset
from hrsupply.services.visits import Line as VisitLine
from hrsupply.steps import Steps, step


@dataclass(frozen=True)
class ImportSummary:
    items: int
    locations: int
    par_levels: int
    movements: int  # rows imported
    ledger_lines: int  # lines written (FEFO may split a row across lots)
    skipped: int = 0  # rows already in the records, left out (--skip-duplicates)
    visits: int = 0  # visits added (their handouts are in `movements`)


@dataclass
class Prepared:
    """A workbook read, checked and rehearsed, nothing written yet: what a preview shows and
    `commit` writes. `problems` lists everything wrong (a file with any is not imported)."""

    path: Path
    user: str
    items: dict
    locations: dict
    pars: dict
    plan: plan.Plan | None
    problems: list[Problem]
    catalog: dict = field(default_factory=dict)  # sources, packs, barcodes, kits, presets: as parsed
    visits: dict[str, rows.VisitRow] = field(default_factory=dict)  # the visits to add, by visit_id

    @property
    def summary(self) -> ImportSummary:
        """What the import adds: items and locations (new or changed), par levels, movement rows
        (`ledger_lines` is what they become, FEFO may split a row), rows already in the records."""
        rehearsed = self.plan
        return ImportSummary(
            len(self.items),
            len(self.locations),
            len(self.pars),
            len(rehearsed.moves) if rehearsed else 0,
            rehearsed.poster.posted if rehearsed else 0,
            rehearsed.skipped if rehearsed else 0,
            len(self.visits),
        )


def import_workbook(
    db: Database, path: str | Path, user: str, *, skip_duplicates: bool = False, steps: Steps | None = None
) -> ImportSummary:
    """Import a workbook: all of it or nothing. Raises ImportRefused listing every problem."""
    return commit(db, prepare(db, path, user, skip_duplicates=skip_duplicates, steps=steps), steps=steps)


def prepare(
    db: Database, path: str | Path, user: str, *, skip_duplicates: bool = False, steps: Steps | None = None
) -> Prepared:
    """Read, check and rehearse a workbook without writing anything (the preview). Everything
    slow happens here, outside the write transaction, so other workstations wait only for the
    writing. A file that cannot be read at all raises ImportRefused; anything else wrong is in
    `problems`. `steps` hears the progress and may cancel."""
    path = Path(path)
    problems: list[Problem] = []
    step(steps, 0, 3, f"Reading {path.name}…")
    sheets = read.read_sheets(path, problems)
    step(steps, 1, 3, "Checking every row…")
    with db.read() as session:
        require(session, user, "stock")  # before the slow part: say at once if the user may not
        laptop.central_only(session, laptop.CATALOG)  # a workbook writes the catalog too
        known_items = {r.sku: r.lot_tracked for r in session.execute(select(Item.sku, Item.lot_tracked))}
        items = rows.parse_items(sheets.get("items", []), problems)
        owners = dict(session.execute(select(Barcode.code, Item.sku).join(Item, Item.id == Barcode.item_id)).all())
        _check_items(session, items, known_items, owners, problems)
        locations = rows.parse_locations(sheets.get("locations", []), problems)
        lot_tracked = {**known_items, **{sku: f["lot_tracked"] for sku, (_, f) in items.items()}}
        loc_codes = set(session.scalars(select(Location.code))) | set(locations)
        pars = rows.parse_par(sheets.get("par", []), problems, lot_tracked, loc_codes)
        more = _parse_catalog(session, sheets, problems, lot_tracked, owners, items)
        sources = set(session.scalars(select(Source.name))) | set(more["sources"])
        moves = rows.parse_movements(sheets.get("movements", []), problems, lot_tracked, loc_codes, sources)
        visits, skipped = _parse_all_visits(session, user, sheets, problems, loc_codes, skip_duplicates)
        moves += rows.parse_visit_lines(sheets.get("visit lines", []), problems, lot_tracked, visits, skipped)
        sheets.clear()  # the cells as read: every row now lives in `moves`
        rehearsed = None
        if moves:
            rehearsed = plan.rehearse(
                session, user, moves, lot_tracked, locations, problems, skip_duplicates, steps, visits
            )
            if skip_duplicates:
                rehearsed.skipped += len(skipped)
    return Prepared(path, user, items, locations, pars, rehearsed, problems, more, visits)


def _check_items(session, items: dict, known: dict[str, bool], owners: dict[str, str], problems) -> None:
    """An item's barcode belongs to no other item; an item with stock keeps its lot tracking."""
    stocked = set(session.scalars(select(Item.sku).join(Movement, Movement.item_id == Item.id).distinct()))
    seen: dict[str, str] = {}
    for sku, (number, fields) in items.items():
        code = fields["barcode"]
        if code and (owners.get(code, sku) != sku or seen.setdefault(code, sku) != sku):
            owner = owners.get(code) or seen[code]
            problems.append(
                Problem("Items", number, "barcode", tr("{code} already belongs to {x}").format(code=code, x=owner))
            )
        if sku in stocked and fields["lot_tracked"] != known[sku]:
            # Existing stock is held with (or without) lots; switching would orphan it.
            message = tr("{sku} already has movements, so lot tracking cannot change").format(sku=sku)
            problems.append(Problem("Items", number, "lot_tracked", message))


def _parse_catalog(session, sheets, problems, lot_tracked, owners: dict[str, str], items) -> dict:
    """Sources, packs, barcodes, kits and presets, checked against the records and the file."""
    packs = rows.parse_packs(sheets.get("packs", []), problems, lot_tracked)
    known_packs = set(session.execute(select(Item.sku, PackSize.name).join(PackSize, PackSize.item_id == Item.id)))
    barcodes = rows.parse_barcodes(sheets.get("barcodes", []), problems, lot_tracked, known_packs | set(packs))
    in_items = {f["barcode"]: sku for sku, (_n, f) in items.items() if f["barcode"]}
    for code, (n, sku, _pack) in barcodes.items():
        owner = owners.get(code) or in_items.get(code)
        if owner not in (None, sku):
            problems.append(
                Problem("Barcodes", n, "code", tr("{code} already belongs to {x}").format(code=code, x=owner))
            )
    return {
        "sources": rows.parse_sources(sheets.get("sources", []), problems),
        "packs": packs,
        "barcodes": barcodes,
        "kits": rows.parse_kits(sheets.get("kits", []), problems, lot_tracked),
        "presets": rows.parse_presets(sheets.get("presets", []), problems, lot_tracked),
    }


def _parse_all_visits(
    session, user: str, sheets, problems, loc_codes, skip: bool
) -> tuple[dict[str, rows.VisitRow], set[str]]:
    """The Visits sheet: each visit checked as the desk checks it; one already in the records is
    refused (or, with --skip-duplicates, left out with its lines)."""
    visits = rows.parse_visits(sheets.get("visits", []), problems, loc_codes)
    reasons = set(program.naloxone_reasons(session))
    for v in visits.values():
        if v.naloxone_reason and v.naloxone_reason not in reasons:
            message = tr("unknown naloxone refill reason {x!r}").format(x=v.naloxone_reason)
            problems.append(Problem("Visits", v.number, "naloxone_reason", message))
        try:
            check_date(session, user, v.at)
        except UserError as exc:
            problems.append(Problem("Visits", v.number, "date", str(exc)))
    uids, have = list(visits), set()
    for n in range(0, len(uids), 500):
        have |= set(session.scalars(select(Visit.uid).where(Visit.uid.in_(uids[n : n + 500]))))
    if have and not skip:
        numbers = sorted(visits[u].number for u in have)
        message = tr(
            "{n:,} visit{x} already in the records (rows {rows}); leave them out (--skip-duplicates) to add "
            "only the new ones"
        ).format(n=len(numbers), x="s are" if len(numbers) > 1 else " is", rows=", ".join(map(str, numbers[:10])))
        problems.append(Problem("Visits", numbers[0], "visit_id", message))
    return {u: v for u, v in visits.items() if u not in have}, have


def commit(db: Database, prepared: Prepared, steps: Steps | None = None) -> ImportSummary:
    """Write a prepared workbook in one transaction (ImportRefused if it has problems, or if
    what it rests on changed so that a row no longer fits)."""
    if prepared.problems:
        raise ImportRefused(prepared.problems)
    step(steps, 2, 3, "Writing…")  # the last moment a cancel leaves nothing written
    lines = db.transaction(lambda session: _write(session, prepared))
    return dataclasses.replace(prepared.summary, ledger_lines=lines)


def _write(session, prepared: Prepared) -> int:
    """Everything the file adds or changes, in the transaction; returns the ledger lines written."""
    user, rehearsed, visits = prepared.user, prepared.plan, prepared.visits
    require(session, user, "stock")
    item_ids, loc_ids = _write_places_and_items(session, user, prepared)
    if prepared.catalog:
        _write_catalog(session, user, prepared.catalog, item_ids)
    visit_ids = _write_visits(session, user, visits, loc_ids)
    lines = 0
    if rehearsed is not None and rehearsed.moves:
        lines = plan.write_movements(session, prepared.path, user, rehearsed, item_ids, loc_ids, visit_ids)
    if rehearsed is not None and rehearsed.moves or visits:
        changes = {"movements": [None, len(rehearsed.moves) if rehearsed else 0], "visits": [None, len(visits)]}
        audit.log(session, user, "import", prepared.path.name, changes)
    return lines


def _write_places_and_items(session, user: str, prepared: Prepared) -> tuple[dict[str, int], dict[str, int]]:
    """Items, locations and par levels, each change audited; returns sku -> id and code -> id."""
    for sku, (_, fields) in prepared.items.items():
        _audited(
            session,
            user,
            "item",
            sku,
            select(Item).where(Item.sku == sku),
            lambda sku=sku, fields=fields: catalog.upsert_item(session, sku, **fields),
            {k: k for k in fields if k != "barcode"},
        )
    for code, (_, (name, kind)) in prepared.locations.items():
        _audited(
            session,
            user,
            "location",
            code,
            select(Location).where(Location.code == code),
            lambda code=code, name=name, kind=kind: catalog.upsert_location(session, code, name, kind),
            {"name": "name", "kind": "kind"},
        )
    session.flush()
    item_ids = dict(session.execute(select(Item.sku, Item.id)).all())
    loc_ids = dict(session.execute(select(Location.code, Location.id)).all())
    for (loc, sku), (_, par, minimum) in prepared.pars.items():
        where = (ParLevel.location_id == loc_ids[loc], ParLevel.item_id == item_ids[sku])
        _audited(
            session,
            user,
            "par",
            f"{sku} at {loc}",
            select(ParLevel).where(*where),
            lambda loc=loc, sku=sku, par=par, minimum=minimum: catalog.upsert_par(
                session, loc_ids[loc], item_ids[sku], par, minimum
            ),
            {"par": "par", "minimum": "min"},
        )
    return item_ids, loc_ids


def _write_catalog(session, user: str, more: dict, item_ids: dict[str, int]) -> None:
    """Sources, packs, barcodes, kit recipes and presets from the file: added, or changed to what
    the file says (a kit or preset the file lists is replaced whole)."""
    for name, (_n, (kind, active)) in more["sources"].items():
        _audited(
            session,
            user,
            "source",
            name,
            select(Source).where(Source.name == name),
            lambda name=name, kind=kind, active=active: catalog.upsert_source(session, name, kind, active),
            {"kind": "kind", "active": "active"},
        )
    packs = {}
    for (sku, name), (_n, units) in more["packs"].items():
        pack = session.scalar(select(PackSize).where(PackSize.item_id == item_ids[sku], PackSize.name == name))
        if pack is None:
            pack = PackSize(item_id=item_ids[sku], name=name, units=units)
            session.add(pack)
        pack.units = units
    session.flush()
    for sku, name, pack_id in session.execute(
        select(Item.sku, PackSize.name, PackSize.id).join(PackSize, PackSize.item_id == Item.id)
    ):
        packs[(sku, name)] = pack_id
    for code, (_n, sku, pack) in more["barcodes"].items():
        row = session.scalar(select(Barcode).where(Barcode.code == code))
        if row is None:
            row = Barcode(code=code, item_id=item_ids[sku])
            session.add(row)
        row.item_id, row.pack_size_id = item_ids[sku], packs[(sku, pack)] if pack else None
    for kit, parts in more["kits"].items():
        session.execute(delete(KitComponent).where(KitComponent.kit_id == item_ids[kit]))
        session.add_all(
            KitComponent(kit_id=item_ids[kit], component_id=item_ids[part], quantity=qty) for _n, part, qty in parts
        )
        audit.log(session, user, "item", kit, {"kit": [None, ", ".join(f"{q} × {p}" for _n, p, q in parts)]})
    for name, (position, lines) in more["presets"].items():
        put_preset(session, user, name, [VisitLine(item_ids[sku], qty) for sku, qty in lines], position)
    session.flush()


def _write_visits(session, user: str, visits: dict[str, rows.VisitRow], loc_ids: dict[str, int]) -> dict[str, int]:
    """Add the file's visits; returns visit_id -> the new row's id."""
    out = {}
    now = datetime.now()
    for uid, v in visits.items():
        row = Visit(
            uid=uid,
            location_id=loc_ids[v.location],
            occurred_at=v.at,
            recorded_at=now,
            recorded_by=user,
            participant=v.participant,
            syringes_returned=v.returned,
            returned_estimated=v.estimated,
            collecting_for=v.collecting_for,
            naloxone_reason=v.naloxone_reason,
            reversals_reported=v.reversals,
            undone_at=now if v.undone else None,
            undone_by=user if v.undone else None,
        )
        session.add(row)
        session.flush()
        out[uid] = row.id
        session.add_all(VisitReferral(visit_id=row.id, referral=r) for r in v.referrals)
    session.flush()
    return out


def _audited(session, user: str, entity: str, key: str, find, upsert, fields: dict[str, str]) -> None:
    """Insert or update a row as `upsert` does, and log what that changed ({label: attribute})."""
    row = session.scalar(find)
    before = {label: getattr(row, f) for label, f in fields.items()} if row is not None else {}
    row = upsert()
    audit.log(
        session,
        user,
        entity,
        key,
        audit.diff(before, {label: getattr(row, f) for label, f in fields.items()}),
        created=not before,
    )
