"""What a quantity or a date can be, anywhere it is entered: screens, the command line, imports
and the services all check against these, so a typo can never become a figure staff rely on."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from hrsupply.errors import UserError
from hrsupply.i18n import tr

MOST_UNITS = 1_000_000  # one entry of stock: a pallet is far less
MOST_PEOPLE = 100_000  # syringes returned at one visit, people collected for
EARLIEST = date(1990, 1, 1)


def check_units(value: int, what: str, *, least: int = 1) -> int:
    """A whole number of units from `least` (1, or 0 for a count) to a million."""
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= MOST_UNITS:
        raise UserError(
            tr("{what} must be a whole number from {least} to {MOST_UNITS:,}, not {value!r}").format(
                what=what, least=least, MOST_UNITS=MOST_UNITS, value=value
            )
        )
    return value


def check_people(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MOST_PEOPLE:
        raise UserError(
            tr("{what} must be a whole number from 0 to {MOST_PEOPLE:,}, not {value!r}").format(
                what=what, MOST_PEOPLE=MOST_PEOPLE, value=value
            )
        )
    return value


def today() -> date:
    """The last day anything can be dated (tests that replay a later month move it)."""
    return date.today()


LATEST_EXPIRY = date(2100, 12, 31)


def check_expiry(expiry: date, received: date | None = None) -> None:
    """A lot's expiry: from 1990 to 2100 (year 1 or 1899 is a typo), and, on a receipt, not
    before the day it arrives."""
    if not EARLIEST <= expiry <= LATEST_EXPIRY:
        raise UserError(
            tr("expiry {expiry:%Y-%m-%d} is not between {a:%Y} and {b:%Y}: check the year").format(
                expiry=expiry, a=EARLIEST, b=LATEST_EXPIRY
            )
        )
    if received is not None and expiry < received:
        raise UserError(
            tr("expiry {expiry:%Y-%m-%d} is before the day it was received ({received:%Y-%m-%d})").format(
                expiry=expiry, received=received
            )
        )


def check_moment(when: datetime | date) -> None:
    """Nothing is dated after the end of today, nor before 1990."""
    day = when.date() if isinstance(when, datetime) else when
    if day > today():
        raise UserError(tr("{day:%Y-%m-%d} is in the future: nothing can be recorded after today").format(day=day))
    if day < EARLIEST:
        raise UserError(tr("{day:%Y-%m-%d} is before {EARLIEST:%Y}: check the year").format(day=day, EARLIEST=EARLIEST))


def plain_code(text: str, what: str) -> str:
    """A key people type or scan (a participant code, a SKU, a location code): NFKC-normalized
    (fullwidth letters become plain ones), accents folded (Ñ → N), then only ASCII letters, digits
    and hyphens, so one
    thing can never be spelled two ways (a Cyrillic "А", a zero-width space). Anything else is
    refused, naming the character."""
    code = unicodedata.normalize("NFKC", text or "").strip()
    # Accents fold to their letter (PEÑA and PENA are one code: Spanish names build codes too).
    code = "".join(ch for ch in unicodedata.normalize("NFKD", code) if unicodedata.category(ch) != "Mn")
    for ch in code:
        if not (ch == "-" or ("0" <= ch <= "9") or ("A" <= ch.upper() <= "Z" and ch.isascii())):
            shown = ch if ch.isprintable() and not ch.isspace() else ""
            raise UserError(
                tr("{what} has only letters A–Z, digits and hyphens, not {shown}(U+{x:04X})").format(
                    what=what, shown=f"“{shown}” " if shown else "", x=ord(ch)
                )
            )
    return code
