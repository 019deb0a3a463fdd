"""Text that leaves the app in a spreadsheet or a CSV stays text: an item named `=HYPERLINK(...)`
or a reason `@SUM(...)` must never become a live formula in the reader's spreadsheet program."""

from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

# What spreadsheet programs read as the start of a formula (OWASP's CSV injection list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")


def text(cell: Cell) -> Cell:
    """Keep a string cell a string, whatever it starts with; other values are left as they are."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def printable(value):
    """A value a workbook can hold: the control characters no .xlsx may carry (stored by some older
    import, or typed through a service) shown as "�", so that writing never fails."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


def csv_field(value):
    """A CSV field that no spreadsheet program will run: text starting like a formula gets a
    leading quote; a plain number (-5, +3) stays as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value
