"""Program-wide settings kept in the database: the participant code scheme, sharps container
sizes for estimating returns, and the referral list. Every workstation sees the same."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import Setting
from hrsupply.services import audit, laptop
from hrsupply.services.access import require
from hrsupply.services.bounds import plain_code

FIRST_KIT = QT_TR_NOOP("first kit")  # always offered first: the report counts first kits apart from refills
# The defaults below are stored in English and shown through tr(): a program that writes its own
# lists (Settings → Front desk) sees them as written.
NALOXONE_REASONS = (
    FIRST_KIT,
    QT_TR_NOOP("used on an overdose"),
    QT_TR_NOOP("lost"),
    QT_TR_NOOP("taken by police"),
    QT_TR_NOOP("expired"),
    QT_TR_NOOP("gave it away"),
)

DEFAULTS = {
    # (what to ask, how many characters to keep, from the "start" or the "end" of the answer)
    "code_scheme": [
        [QT_TR_NOOP("Mother's first name"), 2, "start"],
        [QT_TR_NOOP("Own first name"), 2, "start"],
        [QT_TR_NOOP("Year of birth"), 2, "end"],
    ],
    # (container, syringes it holds when full)
    "sharps_sizes": [[QT_TR_NOOP("1 quart"), 100], [QT_TR_NOOP("2 quart"), 200], [QT_TR_NOOP("1 gallon"), 400]],
    "referrals": [
        QT_TR_NOOP("HCV test"),
        QT_TR_NOOP("HIV test"),
        QT_TR_NOOP("Primary care"),
        QT_TR_NOOP("Medication for opioid use disorder"),
        QT_TR_NOOP("Wound care"),
        QT_TR_NOOP("Housing"),
    ],
    # Lots expiring within this many days are listed as expiring (Stock, Supply → Expiry).
    # Why a participant takes another naloxone kit (after "first kit", which is always offered).
    "naloxone_reasons": list(NALOXONE_REASONS[1:]),
    "expiry_window_days": 90,
    # Printed at the top of load-out sheets and reports.
    "program_name": QT_TR_NOOP("Syringe services program"),
    "program_address": "",
    # Reorder: months of use the average looks back over, months of stock to order up to, and
    # above how many months of stock an item counts as overstocked.
    "reorder_lookback_months": 3,
    "target_months": 3,
    "overstock_months": 6,
    # Nothing may be dated before this day (YYYY-MM-DD) except by an admin; null: no lock.
    "lock_date": None,
    # The app locks after this many minutes without a key press or click.
    "idle_lock_minutes": 10,
    # The shortest PIN a user may choose (an admin: 10 characters, or 8 digits).
    "min_pin_length": 6,
    # SQLite: the app backs up every so many hours while open, and when it closes, into this
    # folder ("" : a "backups" folder beside the database).
    "backup_every_hours": 4,
    "backup_folder": "",
    # Program reports sent outside (Excel, PDF): 1 to 4 unique participants at one location in
    # one month is shown as "<5", so nobody can be picked out. The CSV, for the program, has all.
    "small_count_suppression": True,
    # Used syringes returned may be weighed: syringes to the pound (null: counted only) and the
    # unit the front desk types the weight in.
    "syringes_per_pound": None,
    "returns_weight_unit": "lb",
    # The client card: phone lines, hours, the statement and what to do if found ("" for each
    # language: the neutral default), the languages printed, and whether a back is printed.
    "program_phone": "",
    "card_verify_phone": "",
    "program_hours": "",
    "card_statement": {"en": "", "es": ""},
    "card_found": {"en": "", "es": ""},
    "card_languages": "en+es",
    "card_back": False,
}
# Longest text of each card setting: a card fits every length allowed (tests measure the longest).
CARD_TEXT = {"program_phone": 30, "card_verify_phone": 30, "program_hours": 100}
CARD_PARAGRAPHS = {"card_statement": 200, "card_found": 120}
CARD_LANGUAGES = ("en", "es", "en+es")
# Whole-number settings and the range each may take.
NUMBERS = {
    "expiry_window_days": (1, 730),
    "reorder_lookback_months": (1, 24),
    "target_months": (1, 24),
    "overstock_months": (2, 60),
    "idle_lock_minutes": (1, 240),
    "min_pin_length": (6, 20),
    "backup_every_hours": (1, 168),
}


@dataclass(frozen=True)
class CodePart:
    question: str
    length: int
    take: str = "start"  # or "end": 1985 -> 85


def get(db: Database, key: str):
    with db.read() as session:
        return get_in(session, key)


def get_in(session, key: str):
    """A setting, read inside the caller's transaction."""
    return get_all_in(session, key)[0]


def get_all_in(session, *keys: str) -> tuple:
    """Settings read inside the caller's transaction, in one query (a round trip each costs)."""
    stored = dict(session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys))).all())
    return tuple(json.loads(stored[k]) if k in stored else DEFAULTS[k] for k in keys)


def _valid(key: str, value) -> bool:
    if key == "lock_date":
        if value is None:
            return True
        try:
            return isinstance(value, str) and bool(date.fromisoformat(value))
        except ValueError:
            return False
    if key == "backup_folder":
        return isinstance(value, str) and len(value) <= 500
    if key == "small_count_suppression":
        return isinstance(value, bool)
    if key == "syringes_per_pound":
        return value is None or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5000)
    if key == "returns_weight_unit":
        return value in ("lb", "kg")
    if key == "program_name":
        return isinstance(value, str) and 0 < len(value.strip()) <= 100
    if key == "program_address":
        return isinstance(value, str) and len(value) <= 200
    if key in CARD_TEXT:
        return isinstance(value, str) and len(value) <= CARD_TEXT[key] and "\n" not in value
    if key in CARD_PARAGRAPHS:
        return (
            isinstance(value, dict)
            and set(value) == {"en", "es"}
            and all(isinstance(v, str) and len(v) <= CARD_PARAGRAPHS[key] for v in value.values())
        )
    if key == "card_languages":
        return value in CARD_LANGUAGES
    if key == "card_back":
        return isinstance(value, bool)
    if key in NUMBERS:
        low, high = NUMBERS[key]
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    if not isinstance(value, list) or not value:
        return False
    if key == "code_scheme":
        return (
            all(
                isinstance(p, list)
                and len(p) == 3
                and isinstance(p[0], str)
                and p[0].strip()
                and isinstance(p[1], int)
                and not isinstance(p[1], bool)
                and 0 < p[1] <= 20  # a code is at most 20 characters
                and p[2] in ("start", "end")
                for p in value
            )
            and sum(p[1] for p in value) <= 20
        )
    if key == "sharps_sizes":
        return all(
            isinstance(p, list)
            and len(p) == 2
            and isinstance(p[0], str)
            and p[0].strip()
            and isinstance(p[1], int)
            and not isinstance(p[1], bool)
            and 0 < p[1] <= 100_000
            for p in value
        )
    if key == "naloxone_reasons" and any(isinstance(r, str) and r.strip().lower() == FIRST_KIT for r in value):
        return False  # always offered already
    return all(isinstance(r, str) and r.strip() and len(r) <= 40 for r in value) and len(set(value)) == len(value)


EXAMPLES = {
    "code_scheme": '[["Mother\'s first name", 2, "start"], ["Year of birth", 2, "end"]]',
    "sharps_sizes": '[["1 quart", 100], ["1 gallon", 400]]',
    "referrals": '["HCV test", "Housing"]',
    "naloxone_reasons": '["used on an overdose", "lost"] (each different, up to 40 characters; "first kit" is '
    "always offered)",
    "expiry_window_days": "90 (a whole number of days, 1 to 730)",
    "reorder_lookback_months": "3 (a whole number of months, 1 to 24)",
    "target_months": "3 (a whole number of months, 1 to 24)",
    "overstock_months": "6 (a whole number of months, 2 to 60)",
    "program_name": '"Eastside Harm Reduction" (up to 100 characters)',
    "program_address": '"12 Main St, Springfield" (up to 200 characters, or "" for none)',
    "small_count_suppression": "true or false",
    "syringes_per_pound": "a whole number from 1 to 5000 (e.g. 281), or null: returns are counted only",
    "returns_weight_unit": '"lb" or "kg"',
    "lock_date": '"2026-09-30" (a date, YYYY-MM-DD) or null for none',
    "idle_lock_minutes": "10 (a whole number of minutes, 1 to 240)",
    "min_pin_length": "6 (the shortest PIN a user may choose, 6 to 20)",
    "backup_every_hours": "4 (a whole number of hours, 1 to 168)",
    "backup_folder": '"/mnt/backups/hrsupply" (a folder; "" for beside the database)',
    "program_phone": '"(555) 010-0100" (up to 30 characters, or "" for none)',
    "card_verify_phone": '"(555) 010-0199", the line police may call to verify a card (up to 30 characters, or "")',
    "program_hours": '"Mon–Fri 9–5, van Sat 10–2" (up to 100 characters, or "")',
    "card_statement": '{"en": "...", "es": "..."} (up to 200 characters each; "" for the default)',
    "card_found": '{"en": "...", "es": "..."} (up to 120 characters each; "" for the default)',
    "card_languages": '"en", "es" or "en+es"',
    "card_back": "true or false (print a back for duplex printing)",
}


def _check(key: str, value) -> None:
    if key not in DEFAULTS:
        raise UserError(tr("unknown setting {key!r} (known: {x})").format(key=key, x=", ".join(DEFAULTS)))
    if not _valid(key, value):
        raise UserError(tr("{key} must look like {x}").format(key=key, x=EXAMPLES[key]))
    if key == "lock_date" and value and date.fromisoformat(value) > date.today():
        raise UserError(tr("the lock date cannot be after today: nobody but an admin could record today's work"))


def _put_in(session, user: str, key: str, value) -> None:
    row = session.get(Setting, key) or Setting(key=key)
    before = json.loads(row.value) if row.value else DEFAULTS[key]
    row.value = json.dumps(value)
    session.add(row)
    audit.log(session, user, "setting", key, {"value": [before, value]} if before != value else {})


def put(db: Database, user: str, key: str, value) -> None:
    put_many(db, user, {key: value})


def put_many(db: Database, user: str, values: dict, also: Callable[[Session], None] | None = None) -> None:
    """Change several settings in one transaction (a Settings page's Save), each change audited;
    `also(session)` writes what belongs with them (the presets). Nothing is saved if any is wrong."""
    for key, value in values.items():
        _check(key, value)

    def work(session):
        require(session, user, "admin")
        laptop.central_only(session, laptop.SETTINGS)
        for key, value in values.items():
            _put_in(session, user, key, value)
        if also is not None:
            also(session)

    db.transaction(work)


def all_settings(db: Database) -> dict:
    return {key: get(db, key) for key in DEFAULTS}


def naloxone_reasons(session: Session) -> list[str]:
    """The reasons the front desk offers for a naloxone kit, "first kit" first (read in the
    caller's transaction)."""
    return [FIRST_KIT, *get_in(session, "naloxone_reasons")]


def naloxone_reasons_of(db: Database) -> list[str]:
    with db.read() as session:
        return naloxone_reasons(session)


def letterhead(db: Database) -> str:
    """The program's name, and its address if set: the first line of every printed sheet."""
    with db.read() as session:
        name, address = tr(get_in(session, "program_name")), get_in(session, "program_address").strip()
    return f"{name} · {address}" if address else name


def expiry_window_days(db: Database) -> int:
    return get(db, "expiry_window_days")


def code_scheme(db: Database) -> list[CodePart]:
    return [CodePart(*part) for part in get(db, "code_scheme")]


CODE_LENGTH = 20


def normalize_code(text: str | None) -> str | None:
    """A participant code as it is stored and matched: trimmed, upper case, Unicode NFC, letters,
    digits and hyphens only, at most 20 characters. Empty means anonymous (None); anything else
    is refused, so one person's code can never be spelled two ways."""
    code = plain_code(text or "", tr("a participant code")).upper()
    if not code:
        return None
    if len(code) > CODE_LENGTH:
        raise UserError(
            tr("a participant code has at most {CODE_LENGTH} characters ({code} has {n})").format(
                CODE_LENGTH=CODE_LENGTH, code=code, n=len(code)
            )
        )
    return code


def _letters_and_digits(answer: str) -> str:
    """An answer to a code question, reduced to what a code can hold ("Mary Ann" -> MARYANN)."""
    text = unicodedata.normalize("NFC", answer or "").upper()
    return "".join(ch for ch in text if ch in "0123456789" or unicodedata.category(ch).startswith("L"))


def build_code(scheme: list[CodePart], answers: list[str]) -> str:
    """The participant's code from their answers, e.g. MA + JO + 85 -> MAJO85."""
    if len(answers) != len(scheme):
        raise UserError(tr("the code needs {n} answers").format(n=len(scheme)))
    parts = []
    for part, answer in zip(scheme, answers):
        cleaned = _letters_and_digits(answer)
        if len(cleaned) < part.length:
            raise UserError(
                tr("{part_question}: needs {part_length} letters or digits").format(
                    part_question=part.question, part_length=part.length
                )
            )
        parts.append(cleaned[-part.length :] if part.take == "end" else cleaned[: part.length])
    return "".join(parts)
