"""Typing and checking the rows of each sheet: every cell that does not fit is noted as a
Problem (sheet, row, column), and each row that fits becomes what the plan writes."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time

from hrsupply.errors import Problem, UserError
from hrsupply.i18n import tr
from hrsupply.models import VisitReferral
from hrsupply.services import catalog, program
from hrsupply.services.bounds import check_expiry, check_moment, check_units
from hrsupply.services.exchange.sheets import cell_text
from hrsupply.services.ledger import TYPES

LARGEST = 1_000_000_000  # no real quantity comes near; a bigger one is a typo


# A whole number as text: ASCII digits, optionally in comma-separated groups of three ("1,000").
# Not Python's own rules, which also take "1_000" and other scripts' digits.
_WHOLE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)", re.ASCII)


class Cells:
    """Turns cell values into typed values, noting a Problem for each one that does not fit."""

    def __init__(self, sheet: str, problems: list[Problem]):
        self.sheet, self.problems = sheet, problems

    def bad(self, row: int, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.sheet, row, column, message))

    text = staticmethod(cell_text)

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


@dataclass(slots=True)  # slots: an import holds one per row (100k rows: 37 MiB less)
class Row:
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
    _key: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def content_key(self) -> str:
        """What makes two rows the same movement: every column but the expiry (which belongs to
        the lot), the date to the minute."""
        if self._key is None:
            self._key = self._content_key()
        return self._key

    def _content_key(self) -> str:
        return content_key(
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


def content_key(at: datetime, *values) -> str:
    """The minute, then a hash of the rest: keys of a dated import arrive in order, so their index
    grows at its end."""
    text = "\x1f".join(["" if v is None else str(v) for v in values])
    return f"{at:%Y%m%d%H%M}" + hashlib.sha1(text.encode()).hexdigest()[:28]


@dataclass
class VisitRow:
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


def parse_items(rows, problems) -> dict[str, tuple[int, dict]]:
    cells, out = Cells("Items", problems), {}
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


def parse_locations(rows, problems) -> dict[str, tuple[int, tuple[str, str]]]:
    cells, out = Cells("Locations", problems), {}
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


def parse_par(rows, problems, skus, loc_codes) -> dict[tuple[str, str], tuple[int, int, int | None]]:
    cells, out = Cells("Par", problems), {}
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


def parse_sources(rows, problems) -> dict[str, tuple[int, tuple[str, bool]]]:
    cells, out = Cells("Sources", problems), {}
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


def parse_packs(rows, problems, skus) -> dict[tuple[str, str], tuple[int, int]]:
    cells, out = Cells("Packs", problems), {}
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


def parse_barcodes(rows, problems, skus, packs) -> dict[str, tuple[int, str, str | None]]:
    cells, out = Cells("Barcodes", problems), {}
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


def parse_kits(rows, problems, skus) -> dict[str, list[tuple[int, str, int]]]:
    cells, out = Cells("Kits", problems), {}
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


def parse_presets(rows, problems, skus) -> dict[str, tuple[int, list[tuple[str, int]]]]:
    cells, out = Cells("Presets", problems), {}
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


def parse_visits(rows, problems, loc_codes) -> dict[str, VisitRow]:
    cells, out = Cells("Visits", problems), {}
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
            out[uid] = VisitRow(
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


def parse_visit_lines(
    rows, problems, lot_tracked: dict[str, bool], visits: dict[str, VisitRow], skipped: set[str] = frozenset()
) -> list[Row]:
    """A visit's handouts, as movement rows tied to the visit (dated when it happened); the lines
    of a visit left out as already in the records are left out too."""
    cells, out = Cells("Visit lines", problems), []
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
            row = Row(n, visit.at, "handout", sku, qty, visit.location, None, lot, None, visit.participant, None, None)
            row.visit, row.undone = visit.uid, visit.undone
            out.append(row)
    return out


def parse_movements(rows, problems, lot_tracked: dict[str, bool], loc_codes, sources=frozenset()) -> list[Row]:
    cells, out = Cells("Movements", problems), []
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
        movement_id = _movement_id(cells, n, cells.text(r.get("movement_id")), ids_seen)
        if kind and kind not in TYPES:
            cells.bad(n, "type", tr("must be one of {x}, not {x2!r}").format(x=", ".join(TYPES), x2=r.get("type")))
            kind = ""
        expiry = expiry.date() if expiry else None
        row = Row(n, at, kind, sku, qty, loc, to, lot, expiry, participant, reason, reference, movement_id, source)
        _check_where_and_when(cells, row, lot_tracked, loc_codes)
        _check_kind(cells, row)
        _check_lot(cells, row, lot_tracked.get(sku))
        if len(problems) == before:
            out.append(row)
    return out


def _movement_id(cells: Cells, n: int, movement_id: str | None, ids_seen: dict[str, int]) -> str | None:
    """A movement id as an export writes it (a UUID), once in the file."""
    if not movement_id:
        return movement_id
    try:
        movement_id = str(uuid.UUID(movement_id))
    except ValueError:
        message = tr("must be a movement id as an export writes it, not {movement_id!r}")
        cells.bad(n, "movement_id", message.format(movement_id=movement_id))
        return movement_id
    if movement_id in ids_seen:
        cells.bad(n, "movement_id", tr("already appears in row {x}").format(x=ids_seen[movement_id]))
    ids_seen.setdefault(movement_id, n)
    return movement_id


def _check_where_and_when(cells: Cells, m: Row, lot_tracked: dict[str, bool], loc_codes) -> None:
    n = m.number
    if m.sku and m.sku not in lot_tracked:
        cells.bad(n, "sku", tr("unknown sku {sku}").format(sku=m.sku))
    for col, code in (("location", m.location), ("to_location", m.to_location)):
        if code and code not in loc_codes:
            cells.bad(n, col, tr("unknown location {code}").format(code=code))
    if m.at is not None:
        try:
            check_moment(m.at)
        except UserError as exc:
            cells.bad(n, "date", str(exc))


def _check_kind(cells: Cells, m: Row) -> None:
    """What each type of movement needs: a quantity in bounds, a transfer's destination, an
    adjust's or a disposal's reason; only a handout names a participant."""
    n, kind, qty = m.number, m.type, m.quantity
    if qty is not None and kind:
        try:
            if kind == "adjust":
                check_units(abs(qty), tr("an adjust (not 0)"))
            else:
                check_units(qty, tr("a {kind}").format(kind=tr(kind)), least=0 if kind == "count" else 1)
        except UserError as exc:
            cells.bad(n, "quantity", str(exc))
    if kind == "transfer":
        if not m.to_location:
            cells.bad(n, "to_location", tr("a transfer needs to_location"))
        elif m.to_location == m.location:
            cells.bad(n, "to_location", tr("must differ from location"))
    elif m.to_location and kind:
        cells.bad(n, "to_location", tr("only a transfer has to_location, not a {kind}").format(kind=tr(kind)))
    if kind in ("adjust", "dispose") and not m.reason:
        cells.bad(n, "reason", tr("a {kind} needs a reason").format(kind=tr(kind)))
    if m.participant and kind and kind != "handout":
        cells.bad(n, "participant", tr("only a handout names a participant"))


def _check_lot(cells: Cells, m: Row, tracked: bool | None) -> None:
    """A lot-tracked item's receive, count or positive adjust names its lot (a receive its expiry
    too); an item without lots takes neither."""
    n, kind, sku, lot, expiry = m.number, m.type, m.sku, m.lot, m.expiry
    if tracked is False and (lot or expiry):
        message = tr("{sku} is not lot-tracked, so it takes no lot or expiry").format(sku=sku)
        cells.bad(n, "lot" if lot else "expiry", message)
    elif tracked:
        if kind == "receive" and not lot:
            cells.bad(n, "lot", tr("receiving lot-tracked {sku} needs lot").format(sku=sku))
        if kind == "receive" and not expiry:
            cells.bad(n, "expiry", tr("receiving lot-tracked {sku} needs expiry").format(sku=sku))
        if not lot and (kind == "count" or (kind == "adjust" and (m.quantity or 0) > 0)):
            what = "count" if kind == "count" else "positive adjust"
            cells.bad(n, "lot", tr("a {x} of lot-tracked {sku} needs lot").format(x=what, sku=sku))
    if expiry and not lot and tracked:
        cells.bad(n, "lot", tr("expiry is given without a lot"))
    if expiry:
        try:
            check_expiry(expiry, m.at.date() if m.at and kind == "receive" else None)
        except UserError as exc:
            cells.bad(n, "expiry", str(exc))
