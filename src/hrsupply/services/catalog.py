"""Items, locations, lots and par levels: looked up and kept by their users' keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import Barcode, Item, Location, Lot, PackSize, ParLevel, Source
from hrsupply.services.bounds import check_expiry, plain_code
from hrsupply.services.laptop import held

LOCATION_KINDS = (QT_TR_NOOP("site"), QT_TR_NOOP("van"), QT_TR_NOOP("other"))  # codes, shown through tr()


def is_naloxone(category: str, doses: int | None = None) -> bool:
    """Naloxone is an item of a naloxone category, or one that counts doses (Home, the report,
    the desk and tally sheets all ask this)."""
    return "naloxone" in category.lower() or doses is not None


def is_syringe(item) -> bool:
    """A syringe, by its category (the report counts syringes in kits too)."""
    return "syringe" in item.category.lower()


def is_test_strip(item) -> bool:
    return "test strip" in item.category.lower() or "test strip" in item.name.lower()


NALOXONE_FORMS = (QT_TR_NOOP("nasal"), QT_TR_NOOP("injectable"), QT_TR_NOOP("other form"))


def naloxone_form(name: str) -> str:
    """A naloxone item's form, from its name: "Naloxone nasal spray 4 mg" is nasal, "Naloxone IM
    0.4 mg/mL kit" injectable (the quarterly naloxone report counts kits by form)."""
    words = name.lower().replace("/", " ").replace("-", " ").split()
    if "nasal" in words or "intranasal" in words:
        return NALOXONE_FORMS[0]
    if {"im", "injectable", "injection", "intramuscular", "vial", "syringe", "autoinjector"} & set(words):
        return NALOXONE_FORMS[1]
    return NALOXONE_FORMS[2]


SOURCE_KINDS = (
    QT_TR_NOOP("supplier"),
    QT_TR_NOOP("donation"),
    QT_TR_NOOP("state allocation"),
    QT_TR_NOOP("clearinghouse"),
)  # codes, shown through tr()


@dataclass(frozen=True)
class ItemInfo:
    id: int
    sku: str
    name: str
    category: str
    unit: str
    lot_tracked: bool
    reorder_point: int | None
    active: bool
    order_pack: str | None = None  # the pack size it is ordered in


@dataclass(frozen=True)
class LocationInfo:
    id: int
    code: str
    name: str
    kind: str


def _item_info(i: Item) -> ItemInfo:
    return ItemInfo(i.id, i.sku, i.name, i.category, i.unit, i.lot_tracked, i.reorder_point, i.active, i.order_pack)


@dataclass(frozen=True)
class ScanCode:
    """What a scanned barcode (or a typed SKU) stands for: `units` base units of an item."""

    item_id: int
    units: int
    pack: str | None  # the pack size's name; None for one base unit


def upsert_item(session: Session, sku: str, *, barcode: str | None = None, **fields) -> Item:
    """Create or update an item by SKU; `barcode` adds a base-unit barcode if it is new."""
    sku = plain_code(sku, tr("a SKU"))
    item = session.scalar(select(Item).where(Item.sku == sku))
    if item is None:
        item = Item(sku=sku, unit="each", lot_tracked=False, active=True)
        session.add(item)
    for name, value in fields.items():
        setattr(item, name, value)
    if barcode:
        owner = session.scalar(select(Barcode.item_id).where(Barcode.code == barcode))
        session.flush()
        if owner is None:
            session.add(Barcode(code=barcode, item_id=item.id))
        elif owner != item.id:
            raise UserError(tr("barcode {barcode} already belongs to another item").format(barcode=barcode))
    return item


def scan_codes(db: Database) -> dict[str, ScanCode]:
    """Every barcode of an active item, lower-cased, with the units it stands for."""
    with db.read() as session:
        rows = session.execute(
            select(Barcode.code, Barcode.item_id, PackSize.units, PackSize.name)
            .join(Item, Item.id == Barcode.item_id)
            .outerjoin(PackSize, PackSize.id == Barcode.pack_size_id)
            .where(Item.active.is_(True))
        )
        return {r.code.lower(): ScanCode(r.item_id, r.units or 1, r.name) for r in rows}


def base_barcodes(session: Session) -> dict[int, str]:
    """Each item's first base-unit barcode (the one the workbook's Items sheet carries)."""
    rows = session.execute(
        select(Barcode.item_id, Barcode.code).where(Barcode.pack_size_id.is_(None)).order_by(Barcode.id.desc())
    )
    return {item_id: code for item_id, code in rows}


@dataclass(frozen=True)
class PackInfo:
    id: int
    item_id: int
    name: str
    units: int


def pack_sizes(db: Database, item_id: int | None = None) -> list[PackInfo]:
    with db.read() as session:
        q = select(PackSize).order_by(PackSize.item_id, PackSize.units)
        if item_id is not None:
            q = q.where(PackSize.item_id == item_id)
        return [PackInfo(p.id, p.item_id, p.name, p.units) for p in session.scalars(q)]


def pack_units(session, item_id: int, pack: str | None) -> int | None:
    """Base units in one `pack` of the item (1 for single units); None if it has no such pack."""
    if not pack:
        return 1
    return session.scalar(
        select(PackSize.units).where(PackSize.item_id == item_id, func.lower(PackSize.name) == pack.strip().lower())
    )


def upsert_location(session: Session, code: str, name: str, kind: str) -> Location:
    code = plain_code(code, tr("a location code")).upper()
    if kind not in LOCATION_KINDS:
        raise UserError(
            tr("location kind must be one of {x}, not {kind!r}").format(x=", ".join(LOCATION_KINDS), kind=kind)
        )
    loc = session.scalar(select(Location).where(Location.code == code))
    if loc is None:
        loc = Location(code=code)
        session.add(loc)
    loc.name, loc.kind = name, kind
    return loc


def upsert_source(session: Session, name: str, kind: str, active: bool) -> Source:
    """A source by name, added or changed to this kind and state."""
    source = session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = Source(name=name)
        session.add(source)
    source.kind, source.active = kind, active
    return source


def upsert_par(session: Session, location_id: int, item_id: int, par: int, minimum: int | None) -> ParLevel:
    row = session.scalar(select(ParLevel).where(ParLevel.location_id == location_id, ParLevel.item_id == item_id))
    if row is None:
        row = ParLevel(location_id=location_id, item_id=item_id)
        session.add(row)
    row.par, row.min = par, minimum
    return row


def lot_for(session: Session, item_id: int, lot_number: str, expiry: date | None) -> Lot:
    """The lot with this number, created when new. A lot number keeps the expiry it was given."""
    lot = session.scalar(select(Lot).where(Lot.item_id == item_id, Lot.lot_number == lot_number))
    if lot is None:
        if expiry is None:
            raise UserError(tr("lot {lot_number} is not known yet: give its expiry").format(lot_number=lot_number))
        check_expiry(expiry)
        lot = Lot(item_id=item_id, lot_number=lot_number, expiry=expiry)
        session.add(lot)
        session.flush()
    elif expiry is not None and expiry != lot.expiry:
        raise UserError(
            tr("lot {lot_number} already has expiry {x}, not {x2}").format(
                lot_number=lot_number, x=lot.expiry.isoformat(), x2=expiry.isoformat()
            )
        )
    return lot


def with_unit(name: str, unit: str) -> str:
    """ "Alcohol pad (each)"; "Socks (pair)" counted in pairs says so once, not "(pair) (pair)"."""
    return name if name.lower().endswith(f"({unit.lower()})") else f"{name} ({unit})"


def in_units(quantities) -> str:
    """(unit, quantity) pairs added up per unit, never across units: syringes, kits and socks
    are not one figure. "600 each · 12 kits · 3 pairs"."""
    totals: dict[str, int] = {}
    for unit, quantity in quantities:
        totals[unit] = totals.get(unit, 0) + quantity
    return " · ".join(
        f"{q:,} {unit}" + ("" if q == 1 or unit == "each" or unit.endswith("s") else "s") for unit, q in totals.items()
    )


def units(db: Database) -> dict[str, str]:
    """Each item's base unit by SKU."""
    with db.read() as session:
        return dict(session.execute(select(Item.sku, Item.unit)).all())


def items(db: Database, *, include_inactive: bool = False) -> list[ItemInfo]:
    with db.read() as session:
        q = select(Item).order_by(Item.category, Item.name)
        if not include_inactive:
            q = q.where(Item.active.is_(True))
        return [_item_info(i) for i in session.scalars(q)]


def locations(db: Database) -> list[LocationInfo]:
    with db.read() as session:
        rows = [LocationInfo(l.id, l.code, l.name, l.kind) for l in session.scalars(select(Location))]
    return sorted(rows, key=lambda l: (LOCATION_KINDS.index(l.kind), l.code))  # sites, then vans, then others


def recording_places(db: Database) -> list[LocationInfo]:
    """Where work may be recorded here: every location, or on a van laptop its own one."""
    own = held(db)
    return [l for l in locations(db) if own is None or l.id == own]


def categories(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Item.category).distinct().order_by(Item.category)))


def location_by_code(session: Session, code: str) -> Location:
    loc = session.scalar(select(Location).where(Location.code == code))
    if loc is None:
        raise UserError(tr("there is no location {code!r}").format(code=code))
    return loc


@dataclass(frozen=True)
class Match:
    """An item found from what was typed or scanned; a pack barcode stands for `units` units."""

    item: ItemInfo
    units: int = 1
    pack: str | None = None
    scanned: bool = False  # a barcode: what it stands for is exact (a typed item may take a default pack)


def _singular(word: str) -> str:
    """ "cases" → "case", "boxes" → "box": how a pack is typed after a count."""
    word = word.lower()
    for end in ("es", "s"):
        if word.endswith(end) and len(word) > len(end) + 1:
            return word[: -len(end)]
    return word


class ItemFinder:
    """Finds an item the way a busy desk types or scans it: an exact barcode (of the item or one
    of its packs), SKU, "Name (SKU)" label or name; else the only item whose name or SKU holds
    the text, or the only one whose name starts with it."""

    def __init__(self, items: list[ItemInfo], codes: dict[str, ScanCode], packs: list | None = None):
        self.items = items
        by_id = {i.id: i for i in items}
        self.by_label = {f"{i.name} ({i.sku})": i for i in items}
        self._scans = {
            code: Match(by_id[c.item_id], c.units, c.pack, scanned=True)
            for code, c in codes.items()
            if c.item_id in by_id
        }
        self.packs: dict[int, dict[str, tuple[str, int]]] = {}  # item -> typed name -> (pack, units)
        for p in packs or []:
            named = self.packs.setdefault(p.item_id, {})
            for typed in (p.name.lower(), _singular(p.name)):
                named.setdefault(typed, (p.name, p.units))
        self._exact = {i.sku.lower(): Match(i) for i in items}
        self._exact.update({i.name.lower(): Match(i) for i in items})
        self._exact.update({label.lower(): Match(i) for label, i in self.by_label.items()})
        self._exact.update(self._scans)

    def scanned(self, text: str) -> Match | None:
        return self._scans.get(text.strip().lower())

    def find(self, text: str) -> Match | None:
        text = text.strip().lower()
        if not text:
            return None
        if text in self._exact:
            return self._exact[text]
        matches = [i for i in self.items if text in i.name.lower() or text in i.sku.lower()]
        if len(matches) != 1:
            matches = [i for i in matches if i.name.lower().startswith(text)]
        return Match(matches[0]) if len(matches) == 1 else None

    def candidates(self, text: str) -> list[ItemInfo]:
        """The items a text could mean when no single one matches it ("syr": every syringe),
        by name: what a pick list offers."""
        text = text.strip().lower()
        if not text:
            return []
        return sorted(
            (i for i in self.items if text in i.name.lower() or text in i.sku.lower()), key=lambda i: i.name.lower()
        )

    def find_counted(self, text: str) -> tuple[Match | None, int, str]:
        """What was typed with an optional count first ("20 syr", "3x box"): (match, count, the
        item text). A name that itself starts with a number ("3 mL syringe") is found whole."""
        whole = self.find(text)
        counted = QUANTITY_FIRST.match(text)
        if whole is not None or not counted:
            return whole, 1, text.strip()
        rest = counted.group(2) or counted.group(4)
        count = int(counted.group(1) or counted.group(3))
        first, _, after = rest.strip().partition(" ")
        if after:  # "2 case SYR-1ML-28", "3 boxes syr": a pack of the item named after it
            found = self.find(after)
            pack = self.pack_of(found.item.id, first) if found else None
            if pack is not None:
                return Match(found.item, pack[1], pack[0]), count, after.strip()
        return self.find(rest), count, rest.strip()

    def pack_of(self, item_id: int, typed: str) -> tuple[str, int] | None:
        """(pack name, units) for a pack typed as "case", "cases", "Box"; None if the item has none."""
        named = self.packs.get(item_id, {})
        return named.get(typed.lower()) or named.get(_singular(typed))


QUANTITY_FIRST = re.compile(r"^\s*(\d+)\s*[x*]?\s+(.+)$|^\s*(\d+)\s*[x*]\s*(.+)$")


def item_finder(db: Database) -> ItemFinder:
    return ItemFinder(items(db), scan_codes(db), pack_sizes(db))


def lot_expiry(db: Database, item_id: int, lot_number: str) -> date | None:
    """The expiry on record for a lot number, or None for a lot not seen before."""
    with db.read() as session:
        return session.scalar(select(Lot.expiry).where(Lot.item_id == item_id, Lot.lot_number == lot_number.strip()))
