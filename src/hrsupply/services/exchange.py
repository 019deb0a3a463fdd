"""The spreadsheet exchange format: import a whole workbook or nothing, export everything.

Sheets (names and headers case-insensitive, columns in any order, header in row 1): Items,
Locations, Par, Sources, Packs, Barcodes, Kits, Presets, Movements, Visits and Visit lines; any of
them may be left out. Every problem in a file is reported at once, by sheet, row and column; a
file with any problem writes nothing. An export holds everything a program needs to move to a new
computer or another system (never users or PIN hashes), and imports into an empty database as the
same records: the handouts of a visit are its Visit lines, the Movements are everything else.
"""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from python_calamine import CalamineError, CalamineWorkbook
from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import aliased

from hrsupply.db import Database
from hrsupply.files import written
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import (
    Balance,
    Barcode,
    ImportBatch,
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
from hrsupply.services import audit, catalog, program
from hrsupply.services.access import NotAllowed, check_date, require
from hrsupply.services.bounds import check_expiry, check_moment, check_units, plain_code
from hrsupply.services.cells import printable, text
from hrsupply.services.errors import ImportRefused, Problem, UserError
from hrsupply.services.ledger import TYPES, Move, Poster
from hrsupply.services.presets import put_preset
from hrsupply.services.steps import Steps, step
from hrsupply.services.visits import Line as VisitLine


@dataclass(frozen=True)
class SheetSpec:
    title: str
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


SHEETS = {
    "items": SheetSpec(
        "Items", ("sku", "name", "category"), ("unit", "lot_tracked", "reorder_point", "barcode", "doses")
    ),
    "locations": SheetSpec("Locations", ("code", "name", "kind"), ()),
    "par": SheetSpec("Par", ("location", "sku", "par"), ("min",)),
    "sources": SheetSpec("Sources", ("name", "kind"), ("active",)),
    "packs": SheetSpec("Packs", ("sku", "name", "units"), ()),
    "barcodes": SheetSpec("Barcodes", ("code", "sku"), ("pack",)),
    "kits": SheetSpec("Kits", ("kit", "component", "quantity"), ()),
    "presets": SheetSpec("Presets", ("preset", "sku", "quantity"), ("position",)),
    "movements": SheetSpec(
        "Movements",
        ("date", "type", "sku", "quantity", "location"),
        ("to_location", "lot", "expiry", "participant", "reason", "reference", "source", "movement_id"),
    ),
    "visits": SheetSpec(
        "Visits",
        ("visit_id", "date", "location"),
        (
            "participant",
            "returned",
            "returned_estimated",
            "collecting_for",
            "naloxone_reason",
            "reversals",
            "referrals",
            "undone",
        ),
    ),
    "visit lines": SheetSpec("Visit lines", ("visit_id", "sku", "quantity"), ("lot",)),
}


# The columns that name an item or a location: NFKC, ASCII letters, digits and hyphens (a location
# code in upper case), so a Cyrillic letter or a zero-width space never makes a second one.
_SKU, _LOC = QT_TR_NOOP("a SKU"), QT_TR_NOOP("a location code")
_KEYS = {
    "Items": {"sku": _SKU},
    "Locations": {"code": _LOC},
    "Par": {"sku": _SKU, "location": _LOC},
    "Packs": {"sku": _SKU},
    "Barcodes": {"sku": _SKU},
    "Kits": {"kit": _SKU, "component": _SKU},
    "Presets": {"sku": _SKU},
    "Movements": {"sku": _SKU, "location": _LOC, "to_location": _LOC},
    "Visits": {"location": _LOC},
    "Visit lines": {"sku": _SKU},
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
    "kit": Item.sku.type.length,
    "component": Item.sku.type.length,
    "preset": Preset.name.type.length,
    "pack": PackSize.name.type.length,
    "naloxone_reason": Visit.naloxone_reason.type.length,
}
LARGEST = 1_000_000_000  # no real quantity comes near; a bigger one is a typo
# A whole number as text: ASCII digits, optionally in comma-separated groups of three ("1,000").
# Not Python's own rules, which also take "1_000" and other scripts' digits.
_WHOLE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)", re.ASCII)
# Control characters (an "_x0000_" escape in a cell) would poison every later export.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ImportSummary:
    items: int
    locations: int
    par_levels: int
    movements: int  # rows imported
    ledger_lines: int  # lines written (FEFO may split a row across lots)
    skipped: int = 0  # rows already in the records, left out (--skip-duplicates)
    visits: int = 0  # visits added (their handouts are in `movements`)


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

    def participant(self, row: int, value) -> str | None:
        """A participant code as the desk stores it, or None for an anonymous row."""
        try:
            return program.normalize_code(self.text(value))
        except UserError as exc:
            self.bad(row, "participant", str(exc))
            return None

    def sku(self, row: int, column: str, value, skus) -> str | None:
        """A SKU that is required and must be known (in the records or the file's Items)."""
        sku = self.required(row, column, value)
        if sku and sku not in skus:
            self.bad(row, column, tr("unknown sku {sku}").format(sku=sku))
        return sku

    def integer(self, row: int, column: str, value, *, required: bool = False) -> int | None:
        if self.blank(row, column, value, required):
            return None
        number = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
            number = int(value.strip().replace(",", ""))  # digits, in groups of three if with commas
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
    if (too_big := _too_big(path)) is not None:
        raise ImportRefused([Problem(name, None, None, too_big)])
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


# What a real program's workbook stays well inside; a file past these is refused before the reader
# sees it (a 5 KB file declaring a cell at XFD1048576 made the reader ask for 512 GB and abort).
MAX_ROWS = 1_000_000  # rows over all sheets
MAX_CELLS = 30_000_000  # a sheet's last row × its last column
MAX_XML = 200 * 1024 * 1024  # the sheets' XML, inflated
# Fast: only a reference past row 999,999, or in a column past Z, is looked at closely (a real
# program's sheets have neither, so a 100k-row sheet is scanned at the speed of bytes.find).
_FAR_ROW = re.compile(rb'\sr(?:ef)?="(?:[A-Z]{1,3}[0-9]{1,7}:)?[A-Z]{1,3}([0-9]{7,})"')
_WIDE = re.compile(rb'\sr(?:ef)?="(?:[A-Z]{1,3}[0-9]{1,7}:)?([A-Z]{2,3})([0-9]{1,7})"')
_CELL = re.compile(rb'\sr(?:ef)?="(?:[A-Z]{1,3}[0-9]{1,7}:)?[A-Z]{1,3}([0-9]{1,7})"')


def _too_big(path: Path) -> str | None:
    """Why a workbook is too large to read, or None. Reads the sheets' XML as it inflates (never
    trusting the sizes the zip declares), stopping at MAX_XML: the last cell each sheet names or
    declares, and its rows."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a zip: the reader says so
    with archive:
        inflated, rows = 0, 0
        for info in archive.infolist():
            if not info.filename.startswith("xl/worksheets/") or not info.filename.endswith(".xml"):
                continue
            last_row = last_col = 0
            tail = b""
            try:
                with archive.open(info) as part:
                    while chunk := part.read(1 << 20):
                        inflated += len(chunk)
                        if inflated > MAX_XML:
                            return tr("the workbook is too large: its sheets hold more than {x} MB of data").format(
                                x=MAX_XML // (1024 * 1024)
                            )
                        text = tail + chunk
                        for digits in _FAR_ROW.findall(text):
                            last_row = max(last_row, int(digits))
                        wide = _WIDE.findall(text)
                        if wide:  # a column past Z: the rows it spans matter too
                            last_col = max([last_col, *(_column_number(c) for c, _d in wide)])
                            last_row = max([last_row, *map(int, _CELL.findall(text))])
                        rows += text.count(b"<row") - tail.count(b"<row")
                        tail = text[-200:]
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
                return None  # damaged: the reader says so
            if last_row * max(last_col, 1) > MAX_CELLS or last_row > MAX_ROWS + 1:
                return tr(
                    "the workbook is too large: a sheet reaches cell {cell} ({rows:,} rows × {cols:,} columns)"
                ).format(cell=f"{_column_letters(last_col or 1)}{last_row}", rows=last_row, cols=max(last_col, 1))
            if rows > MAX_ROWS + 20:
                return tr("the workbook is too large: more than {x:,} rows").format(x=MAX_ROWS)
    return None


def _column_number(letters: bytes) -> int:
    n = 0
    for c in letters:
        n = n * 26 + c - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out or "A"


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
        spec = SHEETS.get(" ".join(title.split()).lower())
        if spec is not None and spec.title.lower() in out:
            problems.append(Problem(title, None, None, tr("a second {x} sheet").format(x=spec.title)))
            continue
        if spec is None:
            problems.append(
                Problem(
                    title,
                    None,
                    None,
                    tr("unknown sheet (expected {x})").format(x=", ".join(s.title for s in SHEETS.values())),
                )
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
            for col, what in _KEYS.get(spec.title, {}).items():  # one thing, one spelling
                if isinstance(record.get(col), str) and record[col].strip():
                    try:
                        record[col] = plain_code(record[col], tr(what))
                        if what == "a location code":
                            record[col] = record[col].upper()
                    except UserError as exc:
                        problems.append(Problem(spec.title, number, col, str(exc)))
                        record[col] = None
            for col, value in record.items():
                if isinstance(value, str) and (bad := _CONTROL.search(value)):
                    problems.append(
                        Problem(
                            spec.title,
                            number,
                            col,
                            tr("holds a control character (U+{x:04X}), which no name or code may hold").format(
                                x=ord(bad.group())
                            ),
                        )
                    )
                    record[col] = None
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
    source: str | None = None  # a receive's source, by name
    visit: str | None = None  # a visit line's visit_id
    undone: bool = False  # a line of an undone visit: handed out and taken back at once

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
    visits: dict[str, int] = field(default_factory=dict)  # visit_id -> stand-in id (negative)
    receipts: dict[tuple, int] = field(default_factory=dict)  # (source, reference, location, at) -> stand-in


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
    catalog: dict = field(default_factory=dict)  # sources, packs, barcodes, kits, presets: as parsed
    visits: dict[str, _Visit] = field(default_factory=dict)  # the visits to add, by visit_id

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
        more = _parse_catalog(session, sheets, problems, lot_tracked, owners, items)
        sources = set(session.scalars(select(Source.name))) | set(more["sources"])
        moves = _parse_movements(sheets.get("movements", []), problems, lot_tracked, loc_codes, sources)
        visits, skipped = _parse_all_visits(session, user, sheets, problems, loc_codes, skip_duplicates)
        moves += _parse_visit_lines(sheets.get("visit lines", []), problems, lot_tracked, visits, skipped)
        sheets.clear()  # the cells as read: every row now lives in `moves`
        plan = (
            _rehearse(session, user, moves, lot_tracked, locations, problems, skip_duplicates, steps, visits)
            if moves
            else None
        )
        if plan is not None and skip_duplicates:
            plan.skipped += len(skipped)
    return Prepared(path, user, items, locations, pars, plan, problems, more, visits)


def _parse_catalog(session, sheets, problems, lot_tracked, owners: dict[str, str], items) -> dict:
    """Sources, packs, barcodes, kits and presets, checked against the records and the file."""
    packs = _parse_packs(sheets.get("packs", []), problems, lot_tracked)
    known_packs = set(session.execute(select(Item.sku, PackSize.name).join(PackSize, PackSize.item_id == Item.id)))
    barcodes = _parse_barcodes(sheets.get("barcodes", []), problems, lot_tracked, known_packs | set(packs))
    in_items = {f["barcode"]: sku for sku, (_n, f) in items.items() if f["barcode"]}
    for code, (n, sku, _pack) in barcodes.items():
        owner = owners.get(code) or in_items.get(code)
        if owner not in (None, sku):
            problems.append(
                Problem("Barcodes", n, "code", tr("{code} already belongs to {x}").format(code=code, x=owner))
            )
    return {
        "sources": _parse_sources(sheets.get("sources", []), problems),
        "packs": packs,
        "barcodes": barcodes,
        "kits": _parse_kits(sheets.get("kits", []), problems, lot_tracked),
        "presets": _parse_presets(sheets.get("presets", []), problems, lot_tracked),
    }


def _parse_all_visits(
    session, user: str, sheets, problems, loc_codes, skip: bool
) -> tuple[dict[str, _Visit], set[str]]:
    """The Visits sheet: each visit checked as the desk checks it; one already in the records is
    refused (or, with --skip-duplicates, left out with its lines)."""
    visits = _parse_visits(sheets.get("visits", []), problems, loc_codes)
    reasons = set(program.naloxone_reasons(session))
    for v in visits.values():
        if v.naloxone_reason and v.naloxone_reason not in reasons:
            problems.append(
                Problem(
                    "Visits",
                    v.number,
                    "naloxone_reason",
                    tr("unknown naloxone refill reason {x!r}").format(x=v.naloxone_reason),
                )
            )
        try:
            check_date(session, user, v.at)
        except UserError as exc:
            problems.append(Problem("Visits", v.number, "date", str(exc)))
    uids, have = list(visits), set()
    for n in range(0, len(uids), 500):
        have |= set(session.scalars(select(Visit.uid).where(Visit.uid.in_(uids[n : n + 500]))))
    if have and not skip:
        rows = sorted(visits[u].number for u in have)
        problems.append(
            Problem(
                "Visits",
                rows[0],
                "visit_id",
                tr(
                    "{n:,} visit{x} already in the records (rows {rows}); leave them out (--skip-duplicates) to add "
                    "only the new ones"
                ).format(n=len(rows), x="s are" if len(rows) > 1 else " is", rows=", ".join(map(str, rows[:10]))),
            )
        )
    return {u: v for u, v in visits.items() if u not in have}, have


def commit(db: Database, prepared: Prepared, steps: Steps | None = None) -> ImportSummary:
    """Write a prepared workbook in one transaction (ImportRefused if it has problems, or if
    what it rests on changed so that a row no longer fits)."""
    if prepared.problems:
        raise ImportRefused(prepared.problems)
    path, user, items, locations, pars, plan, more, visits = (
        prepared.path,
        prepared.user,
        prepared.items,
        prepared.locations,
        prepared.pars,
        prepared.plan,
        prepared.catalog,
        prepared.visits,
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
        if more:
            _write_catalog(session, user, more, item_ids)
        visit_ids = _write_visits(session, user, visits, loc_ids)
        lines = 0
        if plan is not None and plan.moves:
            lines = _write_movements(session, path, user, plan, item_ids, loc_ids, visit_ids)
        if plan is not None and plan.moves or visits:
            changes = {"movements": [None, len(plan.moves) if plan else 0], "visits": [None, len(visits)]}
            audit.log(session, user, "import", path.name, changes)
        return lines

    lines = db.transaction(write)
    return ImportSummary(
        len(items),
        len(locations),
        len(pars),
        len(plan.moves) if plan else 0,
        lines,
        plan.skipped if plan else 0,
        len(visits),
    )


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
            lambda name=name, kind=kind, active=active: _upsert_source(session, name, kind, active),
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


def _upsert_source(session, name: str, kind: str, active: bool) -> Source:
    source = session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = Source(name=name)
        session.add(source)
    source.kind, source.active = kind, active
    return source


def _write_visits(session, user: str, visits: dict[str, _Visit], loc_ids: dict[str, int]) -> dict[str, int]:
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


def _write_receipts(session, user: str, plan: _Plan, loc_ids: dict[str, int]) -> dict[tuple, int]:
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
            doses=cells.integer(n, "doses", r.get("doses")),
        )
        if fields["doses"] is not None and not 1 <= fields["doses"] <= 100:
            cells.bad(n, "doses", tr("doses in one unit: 1 to 100"))
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


def _parse_sources(rows, problems) -> dict[str, tuple[int, tuple[str, bool]]]:
    cells, out = _Cells("Sources", problems), {}
    for n, r in rows:
        name = cells.required(n, "name", r.get("name"))
        kind = (cells.required(n, "kind", r.get("kind")) or "").lower()
        active = cells.yes_no(n, "active", r.get("active"))
        if kind and kind not in catalog.SOURCE_KINDS:
            cells.bad(n, "kind", tr("must be one of {x}, not {y!r}").format(x=", ".join(catalog.SOURCE_KINDS), y=kind))
        if name is None:
            continue
        if name in out:
            cells.bad(n, "name", tr("{name} already appears in row {x}").format(name=name, x=out[name][0]))
        out[name] = (n, (kind, active is not False))
    return out


def _parse_packs(rows, problems, skus) -> dict[tuple[str, str], tuple[int, int]]:
    cells, out = _Cells("Packs", problems), {}
    for n, r in rows:
        sku = cells.sku(n, "sku", r.get("sku"), skus)
        name = cells.required(n, "name", r.get("name"))
        units = cells.integer(n, "units", r.get("units"), required=True)
        if units is not None and units < 2:
            cells.bad(n, "units", tr("a pack holds at least 2 units"))
        if sku and name:
            if (sku, name.lower()) in {(s, k.lower()) for s, k in out}:
                cells.bad(n, "name", tr("{sku} already has a pack called {name}").format(sku=sku, name=name))
            out[(sku, name)] = (n, units)
    return out


def _parse_barcodes(rows, problems, skus, packs) -> dict[str, tuple[int, str, str | None]]:
    cells, out = _Cells("Barcodes", problems), {}
    for n, r in rows:
        code = cells.required(n, "code", r.get("code"))
        sku = cells.required(n, "sku", r.get("sku"))
        pack = cells.text(r.get("pack"))
        if sku and sku not in skus:
            cells.bad(n, "sku", tr("unknown sku {sku}").format(sku=sku))
        elif sku and pack and (sku, pack) not in packs:
            cells.bad(n, "pack", tr("{sku} has no pack called {pack}").format(sku=sku, pack=pack))
        if code and code in out:
            cells.bad(n, "code", tr("{code} already appears in row {x}").format(code=code, x=out[code][0]))
        if code and sku:
            out[code] = (n, sku, pack)
    return out


def _parse_kits(rows, problems, skus) -> dict[str, list[tuple[int, str, int]]]:
    cells, out = _Cells("Kits", problems), {}
    for n, r in rows:
        kit = cells.sku(n, "kit", r.get("kit"), skus)
        part = cells.sku(n, "component", r.get("component"), skus)
        qty = cells.integer(n, "quantity", r.get("quantity"), required=True)
        if qty is not None and qty < 1:
            cells.bad(n, "quantity", tr("must be at least 1"))
        if kit and part == kit:
            cells.bad(n, "component", tr("a kit cannot contain itself"))
        if kit and part and qty:
            if any(p == part for _, p, _ in out.get(kit, [])):
                cells.bad(n, "component", tr("{part} appears twice in {kit}").format(part=part, kit=kit))
            out.setdefault(kit, []).append((n, part, qty))
    for parts in out.values():
        for n, part, _ in parts:
            if part in out:
                cells.bad(n, "component", tr("{part} is itself a kit; list its components instead").format(part=part))
    return out


def _parse_presets(rows, problems, skus) -> dict[str, tuple[int, list[tuple[str, int]]]]:
    cells, out = _Cells("Presets", problems), {}
    for n, r in rows:
        name = cells.required(n, "preset", r.get("preset"))
        sku = cells.sku(n, "sku", r.get("sku"), skus)
        qty = cells.integer(n, "quantity", r.get("quantity"), required=True)
        position = cells.integer(n, "position", r.get("position"))
        if qty is not None and qty < 1:
            cells.bad(n, "quantity", tr("must be at least 1"))
        if name and sku and qty:
            at, lines = out.get(name, (position or 0, []))
            out[name] = (at if position is None else position, [*lines, (sku, qty)])
    return out


@dataclass
class _Visit:
    """A visit row as read: what `Visit` stores, by its id from the file."""

    number: int
    uid: str
    at: datetime
    location: str
    participant: str | None
    returned: int
    estimated: bool
    collecting_for: int
    naloxone_reason: str | None
    reversals: int
    referrals: list[str]
    undone: bool


def _parse_visits(rows, problems, loc_codes) -> dict[str, _Visit]:
    cells, out = _Cells("Visits", problems), {}
    for n, r in rows:
        before = len(problems)
        uid = cells.required(n, "visit_id", r.get("visit_id"))
        if uid:
            try:
                uid = str(uuid.UUID(uid))
            except ValueError:
                cells.bad(n, "visit_id", tr("must be a visit id as an export writes it, not {x!r}").format(x=uid))
            if uid in out:
                cells.bad(n, "visit_id", tr("already appears in row {x}").format(x=out[uid].number))
        at = cells.moment(n, "date", r.get("date"), required=True)
        if at is not None:
            try:
                check_moment(at)
            except UserError as exc:
                cells.bad(n, "date", str(exc))
        loc = cells.required(n, "location", r.get("location"))
        if loc and loc not in loc_codes:
            cells.bad(n, "location", tr("unknown location {code}").format(code=loc))
        participant = cells.participant(n, r.get("participant"))
        counts = {}
        for col in ("returned", "collecting_for", "reversals"):
            counts[col] = cells.integer(n, col, r.get(col)) or 0
            if counts[col] < 0:
                cells.bad(n, col, tr("cannot be negative"))
        referrals = [x.strip() for x in (cells.text(r.get("referrals")) or "").split(";") if x.strip()]
        if any(len(x) > VisitReferral.referral.type.length for x in referrals):
            cells.bad(n, "referrals", tr("a referral is longer than {x} characters").format(x=64))
        undone = cells.yes_no(n, "undone", r.get("undone"))
        estimated = cells.yes_no(n, "returned_estimated", r.get("returned_estimated"))
        if len(problems) == before and uid:
            out[uid] = _Visit(
                n,
                uid,
                at,
                loc,
                participant,
                counts["returned"],
                bool(estimated),
                counts["collecting_for"],
                cells.text(r.get("naloxone_reason")),
                counts["reversals"],
                list(dict.fromkeys(referrals)),
                bool(undone),
            )
    return out


def _parse_visit_lines(
    rows, problems, lot_tracked: dict[str, bool], visits: dict[str, _Visit], skipped: set[str] = frozenset()
) -> list[_Row]:
    """A visit's handouts, as movement rows tied to the visit (dated when it happened); the lines
    of a visit left out as already in the records are left out too."""
    cells, out = _Cells("Visit lines", problems), []
    for n, r in rows:
        before = len(problems)
        uid = cells.required(n, "visit_id", r.get("visit_id"))
        try:
            uid = str(uuid.UUID(uid)) if uid else None
        except ValueError:
            pass
        visit = visits.get(uid) if uid else None
        if uid in skipped:
            continue
        if uid and visit is None:
            cells.bad(n, "visit_id", tr("no visit {x} on the Visits sheet").format(x=uid))
        sku = cells.required(n, "sku", r.get("sku"))
        qty = cells.integer(n, "quantity", r.get("quantity"), required=True)
        lot = cells.text(r.get("lot"))
        if sku and sku not in lot_tracked:
            cells.bad(n, "sku", tr("unknown sku {sku}").format(sku=sku))
        elif sku and lot and not lot_tracked[sku]:
            cells.bad(n, "lot", tr("{sku} is not lot-tracked, so it takes no lot or expiry").format(sku=sku))
        if qty is not None:
            try:
                check_units(qty, tr("a handout"))
            except UserError as exc:
                cells.bad(n, "quantity", str(exc))
        if len(problems) == before and visit is not None:
            row = _Row(n, visit.at, "handout", sku, qty, visit.location, None, lot, None, visit.participant, None, None)
            row.visit, row.undone = visit.uid, visit.undone
            out.append(row)
    return out


def _parse_movements(rows, problems, lot_tracked: dict[str, bool], loc_codes, sources=frozenset()) -> list[_Row]:
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
        participant = cells.participant(n, r.get("participant"))
        reason = cells.text(r.get("reason"))
        reference = cells.text(r.get("reference"))
        source = cells.text(r.get("source"))
        if source and kind and kind != "receive":
            cells.bad(n, "source", tr("only a receive has a source"))
        elif source and source not in sources:
            cells.bad(n, "source", tr("unknown source {x}").format(x=source))
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
        if expiry:
            try:
                check_expiry(expiry.date(), at.date() if at and kind == "receive" else None)
            except UserError as exc:
                cells.bad(n, "expiry", str(exc))
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
                    source,
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
    visits: dict | None = None,
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
    # Stable: the same moment keeps file order, a visit's lines after the movements (the stock a
    # visit found is added by an adjust of its own moment).
    moves = sorted(moves, key=lambda m: (m.at, m.visit is not None))
    visit_ids = {uid: -n for n, uid in enumerate(visits or {}, start=1)}
    receipts: dict[tuple, int] = {}
    for m in moves:
        if m.source:
            receipts.setdefault(_receipt_key(m), -len(receipts) - 1)
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
        _post_row(poster, m, items, locations, lot_id, problems, visit_ids, receipts)
    seen = _balance_rows(session, poster.keys(), lock=False)
    keys = [m.content_key + (m.movement_id or "") + (m.visit or "") for m in moves] + sorted(visits or {})
    digest = hashlib.sha256("\x1e".join(keys).encode()).hexdigest()
    return _Plan(moves, poster, items, locations, new_lots, seen, skipped, digest, False, visit_ids, receipts)


def _receipt_key(m: _Row) -> tuple:
    """Rows received from one source, with one reference, at one place and moment: one receipt."""
    return (m.source, m.reference, m.location, m.at)


def _post_row(poster: Poster, m: _Row, items, locations, lot_id, problems, visits=None, receipts=None) -> None:
    poster.visit_id = visits[m.visit] if m.visit else None
    poster.receipt_id = receipts[_receipt_key(m)] if m.source else None
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


def _write_movements(session, path: Path, user: str, plan: _Plan, item_ids, loc_ids, visit_ids) -> int:
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
        _post_row(poster, m, item_ids, loc_ids, lot, problems, visit_ids, receipt_ids)
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
        sources = dict(
            session.execute(select(Receipt.id, Source.name).join(Source, Source.id == Receipt.source_id)).all()
        )
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
                    sources.get(m.receipt_id) if kind == "receive" else None,
                    m.uid,
                ],
            )
            moved += 1
        _export_visits(session, book, codes, skus, lots)
    book.save(path)
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
                "yes" if v.returned_estimated else "no",
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
