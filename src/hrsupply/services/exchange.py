"""The spreadsheet exchange format: import a whole workbook or nothing, export everything.

Sheets (names and headers case-insensitive, columns in any order, header in row 1):
Items, Locations, Par, Movements. Every problem in a file is reported at once, by sheet, row
and column; a file with any problem writes nothing.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from python_calamine import CalamineError, CalamineWorkbook
from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import aliased

from hrsupply.db import Database
from hrsupply.i18n import tr
from hrsupply.models import Balance, Barcode, ImportBatch, Item, Location, Lot, Movement, ParLevel
from hrsupply.services import audit, catalog, program
from hrsupply.services.access import NotAllowed, require
from hrsupply.services.bounds import check_moment, check_units
from hrsupply.services.cells import text
from hrsupply.services.errors import ImportRefused, Problem, UserError
from hrsupply.services.ledger import TYPES, Move, Poster
from hrsupply.services.steps import Steps, step


@dataclass(frozen=True)
class SheetSpec:
    title: str
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


SHEETS = {
    "items": SheetSpec("Items", ("sku", "name", "category"), ("unit", "lot_tracked", "reorder_point", "barcode")),
    "locations": SheetSpec("Locations", ("code", "name", "kind"), ()),
    "par": SheetSpec("Par", ("location", "sku", "par"), ("min",)),
    "movements": SheetSpec(
        "Movements",
        ("date", "type", "sku", "quantity", "location"),
        ("to_location", "lot", "expiry", "participant", "reason", "reference", "movement_id"),
    ),
}


# Longest text each column can hold, from the tables that store it.
LIMITS = {
    "sku": Item.sku.type.length,
    "name": Item.name.type.length,
    "category": Item.category.type.length,
    "unit": Item.unit.type.length,
    "barcode": Barcode.code.type.length,
    "code": Location.code.type.length,
    "location": Location.code.type.length,
    "to_location": Location.code.type.length,
    "lot": Lot.lot_number.type.length,
    "participant": Movement.participant.type.length,
    "reason": Movement.reason.type.length,
    "reference": Movement.reference.type.length,
}
LARGEST = 1_000_000_000  # no real quantity comes near; a bigger one is a typo


@dataclass(frozen=True)
class ImportSummary:
    items: int
    locations: int
    par_levels: int
    movements: int  # rows imported
    ledger_lines: int  # lines written (FEFO may split a row across lots)
    skipped: int = 0  # rows already in the records, left out (--skip-duplicates)


class _Cells:
    """Turns cell values into typed values, noting a Problem for each one that does not fit."""

    def __init__(self, sheet: str, problems: list[Problem]):
        self.sheet, self.problems = sheet, problems

    def bad(self, row: int, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.sheet, row, column, message))

    @staticmethod
    def text(value) -> str | None:
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        value = str(value).strip()
        return value or None

    def blank(self, row: int, column: str, value, required: bool) -> bool:
        """True for an empty cell, noting a problem if the column needs a value."""
        empty = value is None or (isinstance(value, str) and not value.strip())
        if empty and required:
            self.bad(row, column, tr("is required"))
        return empty

    def required(self, row: int, column: str, value) -> str | None:
        value = self.text(value)
        if value is None:
            self.bad(row, column, tr("is required"))
        return value

    def integer(self, row: int, column: str, value, *, required: bool = False) -> int | None:
        if self.blank(row, column, value, required):
            return None
        number = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str):
            try:
                number = int(value.strip())
            except ValueError:
                pass
        if number is None:
            self.bad(row, column, tr("must be a whole number, not {value!r}").format(value=value))
        elif abs(number) > LARGEST:
            self.bad(row, column, tr("{number:,} is too large").format(number=number))
            number = None
        return number

    def yes_no(self, row: int, column: str, value) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("yes", "y", "true", "1"):
            return True
        if text in ("no", "n", "false", "0", ""):
            return False
        self.bad(row, column, tr("must be yes or no, not {value!r}").format(value=value))
        return None

    def moment(self, row: int, column: str, value, *, required: bool = False) -> datetime | None:
        if self.blank(row, column, value, required):
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip())
            except ValueError:
                pass
        if isinstance(value, datetime):
            # Times are kept in local time, as staff read them; an offset is converted to it.
            return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
        if isinstance(value, date):
            return datetime.combine(value, time.min)
        self.bad(
            row,
            column,
            tr("must be a date (YYYY-MM-DD, YYYY-MM-DD HH:MM or a date cell), not {value!r}").format(value=value),
        )
        return None


def _read_sheets(path: Path, problems: list[Problem]) -> dict[str, list[tuple[int, dict]]]:
    """Rows of each known sheet as {column: value}, numbered as the spreadsheet numbers them.

    Read with calamine (Rust): an order of magnitude faster than openpyxl on a big file, and its
    XML reader never expands entities or fetches anything a file points at."""
    name = path.name
    if not path.is_file():
        raise ImportRefused([Problem(name, None, None, tr("file not found"))])
    try:
        book = CalamineWorkbook.from_path(str(path))
    except UNREADABLE as exc:
        raise ImportRefused(
            [Problem(name, None, None, tr("not an .xlsx workbook ({x})").format(x=_why(exc)))]
        ) from None
    out: dict[str, list[tuple[int, dict]]] = {}
    try:
        _read_into(out, book, problems)
    except UNREADABLE as exc:  # a sheet's XML is broken, or hostile
        raise ImportRefused(
            [Problem(name, None, None, tr("not a readable .xlsx workbook ({x})").format(x=_why(exc)))]
        ) from None
    finally:
        book.close()
    return out


def sheet_rows(path: str | Path) -> dict[str, int]:
    """How many rows each known sheet of a workbook holds; ImportRefused if it cannot be read."""
    problems: list[Problem] = []
    return {sheet: len(rows) for sheet, rows in _read_sheets(Path(path), problems).items()}


# What a damaged or hostile file raises while it is read.
UNREADABLE = (CalamineError, zipfile.BadZipFile, OSError, ValueError, TypeError, IndexError, KeyError)


def _why(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


def _read_into(out: dict, book, problems: list[Problem]) -> None:
    """Rows of each known sheet as {column: value}, numbered as the spreadsheet numbers them."""
    for title in book.sheet_names:
        spec = SHEETS.get(title.strip().lower())
        if spec is None:
            problems.append(
                Problem(title, None, None, tr("unknown sheet (expected Items, Locations, Par or Movements)"))
            )
            continue
        rows = book.get_sheet_by_name(title).iter_rows()  # from cell A1, empty rows included
        header = next(rows, None) or ()
        columns: list[str | None] = []
        for value in header:
            col = str(value).strip().lower() if value is not None and str(value).strip() else None
            if col is not None and col not in spec.columns:
                problems.append(Problem(spec.title, 1, str(value).strip(), tr("unknown column")))
                col = None
            elif col is not None and col in columns:
                problems.append(Problem(spec.title, 1, col, tr("column appears twice")))
                col = None
            columns.append(col)
        for col in spec.required:
            if col not in columns:
                problems.append(Problem(spec.title, 1, col, tr("required column is missing")))
        keep = [(i, c) for i, c in enumerate(columns) if c]
        data = []
        limits = [(c, LIMITS[c]) for _, c in keep if c in LIMITS]
        for number, values in enumerate(rows, start=2):
            # calamine gives "" for an empty cell: None, as the checks below expect
            record = {c: (values[i] if values[i] != "" else None) if i < len(values) else None for i, c in keep}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in record.values()):
                continue
            for col, limit in limits:
                text = _Cells.text(record[col])
                if text is not None and len(text) > limit:
                    problems.append(
                        Problem(spec.title, number, col, tr("is longer than {limit} characters").format(limit=limit))
                    )
            data.append((number, record))
        out[spec.title.lower()] = data


@dataclass
class _Row:
    number: int
    at: datetime
    type: str
    sku: str
    quantity: int
    location: str
    to_location: str | None
    lot: str | None
    expiry: date | None
    participant: str | None
    reason: str | None
    reference: str | None
    movement_id: str | None = None

    @functools.cached_property
    def content_key(self) -> str:
        """What makes two rows the same movement: every column but the expiry (which belongs to
        the lot), the date to the minute."""
        return _content_key(
            self.at,
            self.type,
            self.sku,
            self.quantity,
            self.location,
            self.to_location,
            self.lot,
            self.participant,
            self.reason,
            self.reference,
        )


def _content_key(at: datetime, *values) -> str:
    """The minute, then a hash of the rest: keys of a dated import arrive in order, so their index
    grows at its end."""
    text = "\x1f".join(["" if v is None else str(v) for v in values])
    return f"{at:%Y%m%d%H%M}" + hashlib.sha1(text.encode()).hexdigest()[:28]


@dataclass
class _Plan:
    """An import rehearsed outside the write transaction: what it will write, and what it read."""

    moves: list[_Row]
    poster: Poster
    items: dict[str, int]  # sku -> id, stand-ins (negative) for items the file adds
    locations: dict[str, int]
    new_lots: dict[tuple[str, str], tuple[int, date]]  # (sku, lot) -> (stand-in id, expiry)
    seen: set  # the balance rows the rehearsal's figures rest on, as they were
    skipped: int
    digest: str  # of the rows imported: the same rows are never imported twice
    used: bool = False


@dataclass
class Prepared:
    """A workbook read, checked and rehearsed, nothing written yet: what a preview shows and
    `commit` writes. `problems` lists everything wrong (a file with any is not imported)."""

    path: Path
    user: str
    items: dict
    locations: dict
    pars: dict
    plan: _Plan | None
    problems: list[Problem]

    @property
    def summary(self) -> ImportSummary:
        """What the import adds: items and locations (new or changed), par levels, movement rows
        (`ledger_lines` is what they become, FEFO may split a row), rows already in the records."""
        plan = self.plan
        return ImportSummary(
            len(self.items),
            len(self.locations),
            len(self.pars),
            len(plan.moves) if plan else 0,
            plan.poster.posted if plan else 0,
            plan.skipped if plan else 0,
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
    sheets = _read_sheets(path, problems)
    step(steps, 1, 3, "Checking every row…")
    with db.read() as session:
        require(session, user, "stock")  # before the slow part: say at once if the user may not
        known_items = {r.sku: r.lot_tracked for r in session.execute(select(Item.sku, Item.lot_tracked))}
        known_locs = set(session.scalars(select(Location.code)))
        items = _parse_items(sheets.get("items", []), problems)
        stocked = set(session.scalars(select(Item.sku).join(Movement, Movement.item_id == Item.id).distinct()))
        owners = dict(session.execute(select(Barcode.code, Item.sku).join(Item, Item.id == Barcode.item_id)).all())
        seen: dict[str, str] = {}
        for sku, (number, fields) in items.items():
            code = fields["barcode"]
            if code and (owners.get(code, sku) != sku or seen.setdefault(code, sku) != sku):
                problems.append(
                    Problem(
                        "Items",
                        number,
                        "barcode",
                        tr("{code} already belongs to {x}").format(code=code, x=owners.get(code) or seen[code]),
                    )
                )
            if sku in stocked and fields["lot_tracked"] != known_items[sku]:
                # Existing stock is held with (or without) lots; switching would orphan it.
                problems.append(
                    Problem(
                        "Items",
                        number,
                        "lot_tracked",
                        tr("{sku} already has movements, so lot tracking cannot change").format(sku=sku),
                    )
                )
        locations = _parse_locations(sheets.get("locations", []), problems)
        lot_tracked = {**known_items, **{sku: f["lot_tracked"] for sku, (_, f) in items.items()}}
        loc_codes = known_locs | set(locations)
        pars = _parse_par(sheets.get("par", []), problems, lot_tracked, loc_codes)
        moves = _parse_movements(sheets.get("movements", []), problems, lot_tracked, loc_codes)
        sheets.clear()  # the cells as read: every row now lives in `moves`
        plan = (
            _rehearse(session, user, moves, lot_tracked, locations, problems, skip_duplicates, steps) if moves else None
        )
    return Prepared(path, user, items, locations, pars, plan, problems)


def commit(db: Database, prepared: Prepared, steps: Steps | None = None) -> ImportSummary:
    """Write a prepared workbook in one transaction (ImportRefused if it has problems, or if
    what it rests on changed so that a row no longer fits)."""
    if prepared.problems:
        raise ImportRefused(prepared.problems)
    path, user, items, locations, pars, plan = (
        prepared.path,
        prepared.user,
        prepared.items,
        prepared.locations,
        prepared.pars,
        prepared.plan,
    )
    step(steps, 2, 3, "Writing…")  # the last moment a cancel leaves nothing written

    def write(session) -> int:
        require(session, user, "stock")
        for sku, (_, fields) in items.items():
            _audited(
                session,
                user,
                "item",
                sku,
                select(Item).where(Item.sku == sku),
                lambda sku=sku, fields=fields: catalog.upsert_item(session, sku, **fields),
                {k: k for k in fields if k != "barcode"},
            )
        for code, (_, (name, kind)) in locations.items():
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
        for (loc, sku), (_, par, minimum) in pars.items():
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
        lines = 0
        if plan is not None and plan.moves:
            lines = _write_movements(session, path, user, plan, item_ids, loc_ids)
            audit.log(session, user, "import", path.name, {"movements": [None, len(plan.moves)]})
        return lines

    lines = db.transaction(write)
    return ImportSummary(
        len(items), len(locations), len(pars), len(plan.moves) if plan else 0, lines, plan.skipped if plan else 0
    )


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


def _parse_items(rows, problems) -> dict[str, tuple[int, dict]]:
    cells, out = _Cells("Items", problems), {}
    for n, r in rows:
        sku = cells.required(n, "sku", r.get("sku"))
        fields = dict(
            name=cells.required(n, "name", r.get("name")),
            category=cells.required(n, "category", r.get("category")),
            unit=cells.text(r.get("unit")) or "each",
            lot_tracked=bool(cells.yes_no(n, "lot_tracked", r.get("lot_tracked"))),
            reorder_point=cells.integer(n, "reorder_point", r.get("reorder_point")),
            barcode=cells.text(r.get("barcode")),
        )
        if fields["reorder_point"] is not None and fields["reorder_point"] < 0:
            cells.bad(n, "reorder_point", tr("cannot be negative"))
        if sku is None:
            continue
        if sku in out:
            cells.bad(n, "sku", tr("{sku} already appears in row {x}").format(sku=sku, x=out[sku][0]))
        out[sku] = (n, fields)
    return out


def _parse_locations(rows, problems) -> dict[str, tuple[int, tuple[str, str]]]:
    cells, out = _Cells("Locations", problems), {}
    for n, r in rows:
        code = cells.required(n, "code", r.get("code"))
        name = cells.required(n, "name", r.get("name"))
        kind = (cells.required(n, "kind", r.get("kind")) or "").lower()
        if kind and kind not in catalog.LOCATION_KINDS:
            cells.bad(n, "kind", tr("must be site, van or other, not {x!r}").format(x=r.get("kind")))
        if code is None:
            continue
        if code in out:
            cells.bad(n, "code", tr("{code} already appears in row {x}").format(code=code, x=out[code][0]))
        out[code] = (n, (name, kind))
    return out


def _parse_par(rows, problems, skus, loc_codes) -> dict[tuple[str, str], tuple[int, int, int | None]]:
    cells, out = _Cells("Par", problems), {}
    for n, r in rows:
        loc = cells.required(n, "location", r.get("location"))
        sku = cells.required(n, "sku", r.get("sku"))
        par = cells.integer(n, "par", r.get("par"), required=True)
        minimum = cells.integer(n, "min", r.get("min"))
        if loc and loc not in loc_codes:
            cells.bad(n, "location", tr("unknown location {loc}").format(loc=loc))
        if sku and sku not in skus:
            cells.bad(n, "sku", tr("unknown sku {sku}").format(sku=sku))
        for col, v in (("par", par), ("min", minimum)):
            if v is not None and v < 0:
                cells.bad(n, col, tr("cannot be negative"))
        if par is not None and minimum is not None and minimum > par:
            cells.bad(n, "min", tr("min ({minimum}) is above par ({par})").format(minimum=minimum, par=par))
        if loc and sku:
            if (loc, sku) in out:
                cells.bad(
                    n,
                    "sku",
                    tr("{sku} at {loc} already appears in row {x}").format(sku=sku, loc=loc, x=out[loc, sku][0]),
                )
            out[(loc, sku)] = (n, par, minimum)
    return out


def _parse_movements(rows, problems, lot_tracked: dict[str, bool], loc_codes) -> list[_Row]:
    cells, out = _Cells("Movements", problems), []
    ids_seen: dict[str, int] = {}
    for n, r in rows:
        before = len(problems)
        at = cells.moment(n, "date", r.get("date"), required=True)
        kind = (cells.required(n, "type", r.get("type")) or "").lower()
        sku = cells.required(n, "sku", r.get("sku"))
        qty = cells.integer(n, "quantity", r.get("quantity"), required=True)
        loc = cells.required(n, "location", r.get("location"))
        to = cells.text(r.get("to_location"))
        lot = cells.text(r.get("lot"))
        expiry = cells.moment(n, "expiry", r.get("expiry"))
        participant = cells.text(r.get("participant"))
        if participant:
            try:
                participant = program.normalize_code(participant)
            except UserError as exc:
                cells.bad(n, "participant", str(exc))
        reason = cells.text(r.get("reason"))
        reference = cells.text(r.get("reference"))
        movement_id = cells.text(r.get("movement_id"))
        if movement_id:
            try:
                movement_id = str(uuid.UUID(movement_id))
            except ValueError:
                cells.bad(
                    n,
                    "movement_id",
                    tr("must be a movement id as an export writes it, not {movement_id!r}").format(
                        movement_id=movement_id
                    ),
                )
            else:
                if movement_id in ids_seen:
                    cells.bad(n, "movement_id", tr("already appears in row {x}").format(x=ids_seen[movement_id]))
                ids_seen.setdefault(movement_id, n)
        if kind and kind not in TYPES:
            cells.bad(n, "type", tr("must be one of {x}, not {x2!r}").format(x=", ".join(TYPES), x2=r.get("type")))
            kind = ""
        if sku and sku not in lot_tracked:
            cells.bad(n, "sku", tr("unknown sku {sku}").format(sku=sku))
        for col, code in (("location", loc), ("to_location", to)):
            if code and code not in loc_codes:
                cells.bad(n, col, tr("unknown location {code}").format(code=code))
        if at is not None:
            try:
                check_moment(at)
            except UserError as exc:
                cells.bad(n, "date", str(exc))
        if qty is not None and kind:
            try:
                if kind == "adjust":
                    check_units(abs(qty), tr("an adjust (not 0)"))
                else:
                    check_units(qty, tr("a {kind}").format(kind=tr(kind)), least=0 if kind == "count" else 1)
            except UserError as exc:
                cells.bad(n, "quantity", str(exc))
        if kind == "transfer":
            if not to:
                cells.bad(n, "to_location", tr("a transfer needs to_location"))
            elif to == loc:
                cells.bad(n, "to_location", tr("must differ from location"))
        elif to and kind:
            cells.bad(n, "to_location", tr("only a transfer has to_location, not a {kind}").format(kind=tr(kind)))
        if kind in ("adjust", "dispose") and not reason:
            cells.bad(n, "reason", tr("a {kind} needs a reason").format(kind=tr(kind)))
        if participant and kind and kind != "handout":
            cells.bad(n, "participant", tr("only a handout names a participant"))
        tracked = lot_tracked.get(sku)
        if tracked is False and (lot or expiry):
            cells.bad(
                n,
                "lot" if lot else "expiry",
                tr("{sku} is not lot-tracked, so it takes no lot or expiry").format(sku=sku),
            )
        elif tracked:
            if kind == "receive" and not lot:
                cells.bad(n, "lot", tr("receiving lot-tracked {sku} needs lot").format(sku=sku))
            if kind == "receive" and not expiry:
                cells.bad(n, "expiry", tr("receiving lot-tracked {sku} needs expiry").format(sku=sku))
            if not lot and (kind == "count" or (kind == "adjust" and (qty or 0) > 0)):
                cells.bad(
                    n,
                    "lot",
                    tr("a {x} of lot-tracked {sku} needs lot").format(
                        x="count" if kind == "count" else "positive adjust", sku=sku
                    ),
                )
        if expiry and not lot and tracked:
            cells.bad(n, "lot", tr("expiry is given without a lot"))
        if len(problems) == before:
            out.append(
                _Row(
                    n,
                    at,
                    kind,
                    sku,
                    qty,
                    loc,
                    to,
                    lot,
                    expiry.date() if expiry else None,
                    participant,
                    reason,
                    reference,
                    movement_id,
                )
            )
    return out


def _rehearse(
    session,
    user: str,
    moves: list[_Row],
    lot_tracked: dict[str, bool],
    new_locations,
    problems,
    skip_duplicates: bool,
    steps: Steps | None = None,
) -> _Plan:
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
    moves = sorted(moves, key=lambda m: m.at)  # stable: same date keeps file order
    for n, m in enumerate(moves):
        if n % 5000 == 0:
            step(steps, n, len(moves), f"Checking movement {n:,} of {len(moves):,}…")
        item_id = items[m.sku]
        lot_id = None
        if m.lot:
            known = lots.get((item_id, m.lot))
            if known is None:
                if m.expiry is None:
                    problems.append(
                        Problem(
                            "Movements",
                            m.number,
                            "expiry",
                            tr("lot {m_lot} of {m_sku} is not known yet: give its expiry").format(
                                m_lot=m.lot, m_sku=m.sku
                            ),
                        )
                    )
                    continue
                known = lots[(item_id, m.lot)] = (-len(new_lots) - 1, m.expiry)
                new_lots[(m.sku, m.lot)] = known
                poster.know_lot(known[0], m.expiry, m.lot)
            elif m.expiry is not None and m.expiry != known[1]:
                problems.append(
                    Problem(
                        "Movements",
                        m.number,
                        "expiry",
                        tr("lot {m_lot} of {m_sku} has expiry {x}, not {m_expiry}").format(
                            m_lot=m.lot, m_sku=m.sku, x=known[1], m_expiry=m.expiry
                        ),
                    )
                )
                continue
            lot_id = known[0]
        _post_row(poster, m, items, locations, lot_id, problems)
    seen = _balance_rows(session, poster.keys(), lock=False)
    digest = hashlib.sha256("\x1e".join(m.content_key + (m.movement_id or "") for m in moves).encode()).hexdigest()
    return _Plan(moves, poster, items, locations, new_lots, seen, skipped, digest)


def _post_row(poster: Poster, m: _Row, items, locations, lot_id, problems) -> None:
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
        row_key=None if m.movement_id else m.content_key,
    )
    try:
        poster.post(move)
    except NotAllowed as exc:
        problems.append(Problem("Movements", m.number, "date", str(exc)))
    except UserError as exc:
        problems.append(Problem("Movements", m.number, "quantity", str(exc)))


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


def _write_movements(session, path: Path, user: str, plan: _Plan, item_ids, loc_ids) -> int:
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
    if fresh:
        plan.poster.rebind(session, items=items, locations=locations, lots=lots, import_id=batch.id)
        plan.poster.flush()
        return plan.poster.posted
    problems: list[Problem] = []
    poster = Poster(session, user, import_id=batch.id)
    poster.lock(keys)
    known = {(r.item_id, r.lot_number): r.id for r in session.execute(select(Lot.id, Lot.item_id, Lot.lot_number))}
    for m in plan.moves:
        _post_row(poster, m, item_ids, loc_ids, known.get((item_ids[m.sku], m.lot)) if m.lot else None, problems)
    if problems:
        raise ImportRefused(problems)  # rolls the whole transaction back
    poster.flush()
    return poster.posted


def _without_duplicates(session, moves: list[_Row], items, locations, problems, skip: bool) -> tuple[list[_Row], int]:
    """The rows that are not already in the ledger. A row with a movement_id is in it when that id
    is; a row without one when a movement matches it on every column (or an earlier import made
    one from the same row). Identical rows in one file are separate movements, so each existing
    copy accounts for one row."""
    ids = [m.movement_id for m in moves if m.movement_id]
    have_ids = set()
    for n in range(0, len(ids), 500):
        have_ids |= set(session.scalars(select(Movement.uid).where(Movement.uid.in_(ids[n : n + 500]))))
    plain = [m for m in moves if not m.movement_id]
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
        if m.movement_id:
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
        line = _export_line(r, r.reversed_type, codes, r.counted)
        if line is None:
            continue
        kind, qty, loc, to, reason = line
        key = _content_key(
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
    ws.append([text(WriteOnlyCell(ws, v)) if isinstance(v, str) and v.startswith("=") else v for v in values])


def _dated(ws, value, fmt: str):
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value)
    cell.number_format = fmt
    return cell


def export_workbook(db: Database, user: str, path: str | Path) -> int:
    """Write every item, location, par level and movement; returns the movement rows written.

    Importing the file into an empty database gives the same stock and lots. A reversal is
    written as the movement that has the same effect (an adjust, or a transfer back).
    """
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
                ],
            )
        ws = _sheet(book, "locations")
        codes = {}
        for loc in session.scalars(select(Location).order_by(Location.code)):
            codes[loc.id] = loc.code
            _append(ws, [loc.code, loc.name, loc.kind])
        skus = dict(session.execute(select(Item.id, Item.sku)).all())
        ws = _sheet(book, "par")
        for p in session.scalars(select(ParLevel).order_by(ParLevel.location_id, ParLevel.item_id)):
            _append(ws, [codes[p.location_id], skus[p.item_id], p.par, p.min])
        lots = {r.id: r for r in session.execute(select(Lot.id, Lot.lot_number, Lot.expiry))}
        ws = _sheet(book, "movements")
        original = aliased(Movement)
        rows = session.execute(
            select(Movement, original.type.label("reversed_type"))
            .outerjoin(original, original.id == Movement.reverses_id)
            .order_by(Movement.occurred_at, Movement.id)
            .execution_options(yield_per=5000)
        )
        written = 0
        # A count is written as the balance it left, which is what re-importing it must set.
        running: dict[tuple, int] = {}
        for m, reversed_type in rows:
            key = (m.location_id, m.item_id, m.lot_id)
            running[key] = running.get(key, 0) + m.quantity
            if m.to_location_id is not None:
                dest = (m.to_location_id, m.item_id, m.lot_id)
                running[dest] = running.get(dest, 0) - m.quantity
            line = _export_line(m, reversed_type, codes, running[key])
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
                    m.uid,
                ],
            )
            written += 1
    book.save(path)
    return written


def _export_line(m: Movement, reversed_type: str | None, codes, balance_after: int):
    loc, to = codes[m.location_id], codes.get(m.to_location_id)
    if reversed_type is None:
        qty = {"receive": m.quantity, "adjust": m.quantity, "count": balance_after}.get(m.type, -m.quantity)
        return m.type, qty, loc, to, m.reason
    if m.type == "transfer":
        return "transfer", m.quantity, to, loc, m.reason  # the stock goes back the other way
    if m.quantity == 0:  # undoing a count that found no difference changes nothing
        return None
    return "adjust", m.quantity, loc, None, f"reversal of {reversed_type}: {m.reason}"
