"""The exchange format itself: the sheets a workbook may hold, their columns, and how long a
text each column takes (from the tables that store it)."""

from __future__ import annotations

from dataclasses import dataclass

from hrsupply.i18n import QT_TR_NOOP
from hrsupply.models import Barcode, Item, Location, Lot, Movement, PackSize, Preset, Visit


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
KEYS = {
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


def cell_text(value) -> str | None:
    """A cell as text: stripped, a whole-number float without its ".0", None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    value = str(value).strip()
    return value or None
