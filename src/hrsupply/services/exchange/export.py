"""Exporting everything but users, as the sheets an import reads back to the same records."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import aliased

from hrsupply.db import Database
from hrsupply.files import written
from hrsupply.models import (
    Barcode,
    Item,
    KitComponent,
    Location,
    Lot,
    Movement,
    PackSize,
    ParLevel,
    Preset,
    PresetLine,
    Receipt,
    Source,
    Visit,
    VisitReferral,
)
from hrsupply.services import catalog
from hrsupply.services.access import require
from hrsupply.services.cells import printable, text
from hrsupply.services.exchange.sheets import SHEETS

# ---- export ------------------------------------------------------------------------------
# Column widths in characters, so dates and names read without widening columns by hand.
WIDTHS = {
    "movement_id": 37,
    "date": 17,
    "expiry": 11,
    "sku": 14,
    "name": 40,
    "category": 20,
    "lot": 12,
    "reason": 30,
    "reference": 20,
    "location": 10,
    "to_location": 11,
    "participant": 11,
    "code": 10,
    "type": 9,
}


def _sheet(book: Workbook, key: str):
    """A write-only sheet with a bold, frozen header row and readable column widths."""
    spec = SHEETS[key]
    ws = book.create_sheet(spec.title)
    ws.freeze_panes = "A2"
    for n, column in enumerate(spec.columns, start=1):
        ws.column_dimensions[get_column_letter(n)].width = WIDTHS.get(column, max(9, len(column) + 2))
    header = []
    for column in spec.columns:
        cell = WriteOnlyCell(ws, column)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    return ws


def _append(ws, values: list) -> None:
    """A row whose text stays text: a name starting with "=" is written as a string, not a formula."""
    values = [printable(v) for v in values]
    ws.append([text(WriteOnlyCell(ws, v)) if isinstance(v, str) and v.startswith("=") else v for v in values])


def _dated(ws, value, fmt: str):
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value)
    cell.number_format = fmt
    return cell


def export_workbook(db: Database, user: str, path: str | Path) -> int:
    """Write everything but users: items, locations, par levels, sources, packs, barcodes, kits,
    presets, movements, visits and their lines; returns the movement rows written.

    Importing the file into an empty database gives the same stock, lots, visits and program
    report. A reversal is written as the movement that has the same effect (an adjust, or a
    transfer back); a visit's handouts are its Visit lines, not Movements.
    """
    with written(path) as temp:  # the target is checked first: no sheet is begun for nothing
        return _write_everything(db, user, temp)


def _write_everything(db: Database, user: str, path: Path) -> int:
    book = Workbook(write_only=True)
    with db.read() as session:
        require(session, user, "admin")  # every movement and visit, with participant codes
        ws = _sheet(book, "items")
        barcodes = catalog.base_barcodes(session)
        for i in session.scalars(select(Item).order_by(Item.sku)):
            _append(
                ws,
                [
                    i.sku,
                    i.name,
                    i.category,
                    i.unit,
                    "yes" if i.lot_tracked else "no",
                    i.reorder_point,
                    barcodes.get(i.id),
                    i.doses,
                ],
            )
        ws = _sheet(book, "locations")
        codes = {}
        for loc in session.scalars(select(Location).order_by(Location.code)):
            codes[loc.id] = loc.code
            _append(ws, [loc.code, loc.name, loc.kind])
        skus = dict(session.execute(select(Item.id, Item.sku)).all())
        ws = _sheet(book, "par")
        pars = session.scalars(select(ParLevel)).all()
        for p in sorted(pars, key=lambda p: (codes[p.location_id], skus[p.item_id])):  # by code: ids differ elsewhere
            _append(ws, [codes[p.location_id], skus[p.item_id], p.par, p.min])
        _export_catalog(session, book, skus, barcodes)
        lots = {r.id: r for r in session.execute(select(Lot.id, Lot.lot_number, Lot.expiry))}
        moved = _export_movements(session, book, codes, skus, lots)
        _export_visits(session, book, codes, skus, lots)
    book.save(path)
    return moved


def _export_movements(session, book: Workbook, codes: dict[int, str], skus: dict[int, str], lots: dict) -> int:
    """Every movement but a visit's handouts, oldest first; returns the rows written."""
    sources = dict(session.execute(select(Receipt.id, Source.name).join(Source, Source.id == Receipt.source_id)).all())
    ws = _sheet(book, "movements")
    original = aliased(Movement)
    rows = session.execute(
        select(Movement, original.type.label("reversed_type"))
        .outerjoin(original, original.id == Movement.reverses_id)
        .order_by(Movement.occurred_at, Movement.id)
        .execution_options(yield_per=5000)
    )
    moved = 0
    # A count is written as the balance it left, which is what re-importing it must set.
    running: dict[tuple, int] = {}
    for m, reversed_type in rows:
        key = (m.location_id, m.item_id, m.lot_id)
        running[key] = running.get(key, 0) + m.quantity
        if m.to_location_id is not None:
            dest = (m.to_location_id, m.item_id, m.lot_id)
            running[dest] = running.get(dest, 0) - m.quantity
        if m.type == "handout" and m.visit_id is not None:
            continue  # a visit's handouts (and their reversals) are its Visit lines
        line = export_line(m, reversed_type, codes, running[key])
        if line is None:
            continue
        kind, qty, loc, to, reason = line
        lot = lots.get(m.lot_id)
        _append(
            ws,
            [
                _dated(ws, m.occurred_at, "yyyy-mm-dd hh:mm"),
                kind,
                skus[m.item_id],
                qty,
                loc,
                to,
                lot.lot_number if lot else None,
                _dated(ws, lot.expiry if lot else None, "yyyy-mm-dd"),
                m.participant if kind == "handout" else None,
                reason,
                m.reference,
                sources.get(m.receipt_id) if kind == "receive" else None,
                m.uid,
            ],
        )
        moved += 1
    return moved


def _export_catalog(session, book: Workbook, skus: dict[int, str], base: dict[int, str]) -> None:
    """Sources, packs, barcodes (the base one of each item is on Items), kits and presets."""
    ws = _sheet(book, "sources")
    for s in session.scalars(select(Source).order_by(Source.name)):
        _append(ws, [s.name, s.kind, "yes" if s.active else "no"])
    ws = _sheet(book, "packs")
    packs = {}
    for p in sorted(session.scalars(select(PackSize)), key=lambda p: (skus[p.item_id], p.units, p.name)):
        packs[p.id] = p.name
        _append(ws, [skus[p.item_id], p.name, p.units])
    ws = _sheet(book, "barcodes")
    shown = set(base.values())
    for b in sorted(session.scalars(select(Barcode)), key=lambda b: (skus[b.item_id], b.code)):
        if b.code not in shown or b.pack_size_id is not None:
            _append(ws, [b.code, skus[b.item_id], packs.get(b.pack_size_id)])
    ws = _sheet(book, "kits")
    for k in sorted(session.scalars(select(KitComponent)), key=lambda k: (skus[k.kit_id], k.id)):
        _append(ws, [skus[k.kit_id], skus[k.component_id], k.quantity])
    ws = _sheet(book, "presets")
    names = {p.id: (p.name, p.position) for p in session.scalars(select(Preset))}
    preset_lines = session.scalars(select(PresetLine)).all()
    for line in sorted(preset_lines, key=lambda l: (names[l.preset_id][1], names[l.preset_id][0], l.id)):
        name, position = names[line.preset_id]
        _append(ws, [name, skus[line.item_id], line.quantity, position])


def _export_visits(session, book: Workbook, codes: dict[int, str], skus: dict[int, str], lots: dict) -> None:
    """Visits (a blank participant is an anonymous visit; referrals separated by semicolons) and
    what each handed out: net of lines reversed since; an undone visit's as it was."""
    referrals: dict[int, list[str]] = {}
    for visit_id, referral in session.execute(
        select(VisitReferral.visit_id, VisitReferral.referral).order_by(VisitReferral.id)
    ):
        referrals.setdefault(visit_id, []).append(referral)
    ws_visits, ws_lines = _sheet(book, "visits"), _sheet(book, "visit lines")
    original = aliased(Movement)
    handed: dict[int, dict[tuple, int]] = {}  # what each visit handed out
    net: dict[int, dict[tuple, int]] = {}  # less what was taken back since
    for visit_id, item_id, lot_id, qty, reversal in session.execute(
        select(Movement.visit_id, Movement.item_id, Movement.lot_id, Movement.quantity, original.id.is_not(None))
        .outerjoin(original, original.id == Movement.reverses_id)
        .where(Movement.type == "handout", Movement.visit_id.is_not(None))
        .order_by(Movement.id)
        .execution_options(yield_per=5000)
    ):
        key = (item_id, lot_id)
        if not reversal:
            per = handed.setdefault(visit_id, {})
            per[key] = per.get(key, 0) - qty
        per = net.setdefault(visit_id, {})
        per[key] = per.get(key, 0) - qty
    for v in session.scalars(select(Visit).order_by(Visit.occurred_at, Visit.id).execution_options(yield_per=5000)):
        _append(
            ws_visits,
            [
                v.uid,
                _dated(ws_visits, v.occurred_at, "yyyy-mm-dd hh:mm"),
                codes[v.location_id],
                v.participant,
                v.syringes_returned,
                "yes" if v.returned_estimated or v.returned_grams is not None else "no",  # weighed: estimated
                v.collecting_for,
                v.naloxone_reason,
                v.reversals_reported,
                "; ".join(referrals.get(v.id, [])),
                "yes" if v.undone_at else "no",
            ],
        )
        for (item_id, lot_id), qty in (handed if v.undone_at else net).get(v.id, {}).items():
            if qty > 0:
                lot = lots.get(lot_id)
                _append(ws_lines, [v.uid, skus[item_id], qty, lot.lot_number if lot else None])


def export_line(m: Movement, reversed_type: str | None, codes, balance_after: int):
    loc, to = codes[m.location_id], codes.get(m.to_location_id)
    if reversed_type is None:
        qty = {"receive": m.quantity, "adjust": m.quantity, "count": balance_after}.get(m.type, -m.quantity)
        return m.type, qty, loc, to, m.reason
    if m.type == "transfer":
        return "transfer", m.quantity, to, loc, m.reason  # the stock goes back the other way
    if m.quantity == 0:  # undoing a count that found no difference changes nothing
        return None
    return "adjust", m.quantity, loc, None, f"reversal of {reversed_type}: {m.reason}"
