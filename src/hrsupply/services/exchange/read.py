"""Reading a workbook: the file to raw rows of each known sheet ({column: value}, numbered as
the spreadsheet numbers them), refusing a file too large or too damaged to read before any row is
looked at. Headers, codes, control characters and lengths are checked here; types in rows.py."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from hrsupply.errors import ImportRefused, Problem, UserError
from hrsupply.i18n import tr
from hrsupply.services.bounds import plain_code
from hrsupply.services.exchange.sheets import KEYS, LIMITS, SHEETS, SheetSpec, cell_text

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
# What a damaged or hostile file raises while it is read.
UNREADABLE = (CalamineError, zipfile.BadZipFile, OSError, ValueError, TypeError, IndexError, KeyError)
# Control characters (an "_x0000_" escape in a cell) would poison every later export.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def read_sheets(path: Path, problems: list[Problem]) -> dict[str, SheetRows]:
    """Rows of each known sheet as {column: value}, numbered as the spreadsheet numbers them.

    Read with calamine (Rust): an order of magnitude faster than openpyxl on a big file, and its
    XML reader never expands entities or fetches anything a file points at."""
    name = path.name
    if not path.is_file():
        raise ImportRefused([Problem(name, None, None, tr("file not found"))])
    if (why := too_big(path)) is not None:
        raise ImportRefused([Problem(name, None, None, why)])
    try:
        book = CalamineWorkbook.from_path(str(path))
    except UNREADABLE as exc:
        raise ImportRefused(
            [Problem(name, None, None, tr("not an .xlsx workbook ({x})").format(x=_why(exc)))]
        ) from None
    out: dict[str, SheetRows] = {}
    try:
        _read_into(out, book, problems)
    except UNREADABLE as exc:  # a sheet's XML is broken, or hostile
        raise ImportRefused(
            [Problem(name, None, None, tr("not a readable .xlsx workbook ({x})").format(x=_why(exc)))]
        ) from None
    finally:
        book.close()
    return out


def too_big(path: Path) -> str | None:
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
    return {sheet: len(rows) for sheet, rows in read_sheets(Path(path), problems).items()}


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
            expected = ", ".join(s.title for s in SHEETS.values())
            problems.append(Problem(title, None, None, tr("unknown sheet (expected {x})").format(x=expected)))
            continue
        rows = book.get_sheet_by_name(title).iter_rows()  # from cell A1, empty rows included
        keep = _columns(spec, next(rows, None) or (), problems)
        data = SheetRows(c for _i, c in keep)
        for number, values in enumerate(rows, start=2):
            # calamine gives "" for an empty cell: None, as the checks below expect
            record = {c: _cell(values[i]) if i < len(values) else None for i, c in keep}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in record.values()):
                continue
            _check_text(spec.title, number, record, problems)
            data.append(number, record)
        out[spec.title.lower()] = data


def _cell(value):
    """A cell as the checks expect it: None for an empty one; text interned, since a sheet repeats
    the same codes, types and SKUs on every row (one copy each, not one per row)."""
    if isinstance(value, str):
        return sys.intern(value) if value else None
    return value


class SheetRows:
    """A sheet's rows as read and checked, numbered as the spreadsheet numbers them. Each is kept
    as a tuple and handed out as {column: value} one at a time: a dict per row, held for a
    100k-row sheet, cost more than the cells themselves."""

    def __init__(self, columns) -> None:
        self.columns = tuple(columns)
        self._rows: list[tuple[int, tuple]] = []

    def append(self, number: int, record: dict) -> None:
        self._rows.append((number, tuple(record.values())))

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self):
        columns = self.columns
        for number, values in self._rows:
            yield number, dict(zip(columns, values))


def _columns(spec: SheetSpec, header, problems: list[Problem]) -> list[tuple[int, str]]:
    """The header's known columns, by position; an unknown, repeated or missing one is a problem."""
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
    return [(i, c) for i, c in enumerate(columns) if c]


def _check_text(sheet: str, number: int, record: dict, problems: list[Problem]) -> None:
    """Codes in their one spelling; no control character; no text longer than its column holds.
    A cell that fails is noted and set to None."""
    for col, what in KEYS.get(sheet, {}).items():  # one thing, one spelling
        if isinstance(record.get(col), str) and record[col].strip():
            try:
                record[col] = plain_code(record[col], tr(what))
                if what == "a location code":
                    record[col] = record[col].upper()
            except UserError as exc:
                problems.append(Problem(sheet, number, col, str(exc)))
                record[col] = None
    for col, value in record.items():
        if isinstance(value, str) and (bad := _CONTROL.search(value)):
            message = tr("holds a control character (U+{x:04X}), which no name or code may hold")
            problems.append(Problem(sheet, number, col, message.format(x=ord(bad.group()))))
            record[col] = None
    for col, value in record.items():
        text = cell_text(value)
        if col in LIMITS and text is not None and len(text) > LIMITS[col]:
            message = tr("is longer than {limit} characters").format(limit=LIMITS[col])
            problems.append(Problem(sheet, number, col, message))
