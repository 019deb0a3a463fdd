"""Build exchange workbooks from plain lists, as a spreadsheet user would type them."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import Workbook

ITEMS = [
    ["sku", "name", "category", "unit", "lot_tracked", "reorder_point", "barcode"],
    ["SYR-1ML", "Syringe 1 mL 28G 1/2 in", "Syringes", "each", "no", 500, "0001"],
    ["NAL-4MG", "Naloxone 4 mg nasal (2 doses)", "Naloxone", "kit", "yes", 20, None],
]
LOCATIONS = [["code", "name", "kind"], ["SITE", "Fixed site", "site"], ["VAN1", "Mobile van", "van"]]


def workbook(path, **sheets):
    """workbook(path, Items=[header, row...], Movements=[...]) writes an .xlsx and returns its path."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


MOVES_HEADER = [
    "date",
    "type",
    "sku",
    "quantity",
    "location",
    "to_location",
    "lot",
    "expiry",
    "participant",
    "reason",
    "reference",
]


def move(
    date,
    type,
    sku,
    quantity,
    location,
    to_location=None,
    lot=None,
    expiry=None,
    participant=None,
    reason=None,
    reference=None,
):
    return [date, type, sku, quantity, location, to_location, lot, expiry, participant, reason, reference]


def stock_map(db, lots: bool = False) -> dict:
    """On hand as {(location, sku): quantity}, or {(location, sku, lot): quantity} with lots."""
    from hrsupply.services import stock

    if lots:
        return {(l.location, l.sku, l.lot): l.quantity for l in stock.on_hand(db, lots=True)}
    return {(l.location, l.sku): l.quantity for l in stock.on_hand(db)}


def box_syringes(db, item_id: int) -> None:
    """Give the test syringe a box of 100 and a case of 1,000, each with its own barcode."""
    from hrsupply.services import item_editor
    from hrsupply.services.item_editor import BarcodeLine, PackLine

    form = item_editor.load_item(db, item_id)
    form.packs = [PackLine("box", 100), PackLine("case", 1000)]
    form.barcodes = [BarcodeLine("0001"), BarcodeLine("0002", "box"), BarcodeLine("0003", "case")]
    item_editor.save_item(db, "lead", form)


def stock_the_site_for_the_van(db, cat) -> None:
    """Van pars (600 syringes, 30 naloxone) and site stock: 5,000 syringes, naloxone lots A ×10, B ×8."""
    from datetime import datetime

    from hrsupply.services import catalog, movements
    from hrsupply.services.ledger import Move

    with db.write() as s:
        catalog.upsert_par(s, cat.van, cat.syr, 600, 200)
        catalog.upsert_par(s, cat.van, cat.nal, 30, 10)
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 5000, datetime(2026, 11, 1)),
            Move("receive", cat.nal, cat.site, 10, datetime(2026, 11, 1), lot_id=cat.lots["A"]),
            Move("receive", cat.nal, cat.site, 8, datetime(2026, 11, 1), lot_id=cat.lots["B"]),
        ],
    )


# The sheets an export writes, in order (the workbook format in the README).
EXPORT_SHEETS = [
    "Items",
    "Locations",
    "Par",
    "Sources",
    "Packs",
    "Barcodes",
    "Kits",
    "Presets",
    "Movements",
    "Visits",
    "Visit lines",
]


def raw_sqlite(path, **options):
    """A DB-API connection to a SQLite file the suite made: plain, or encrypted with the suite's
    key (the encrypted pass sets HRSUPPLY_DB_KEY)."""
    from hrsupply import keys
    from hrsupply.db import connect_file

    path = Path(path)
    return connect_file(path, keys.key_for(path) if keys.is_encrypted(path) else None, **options)


def earlier_today(hours: float) -> datetime:
    """A moment that many hours ago, but never before midnight: the front desk records today's
    visits only, and a suite run just after midnight must not date one yesterday."""
    return max(datetime.now() - timedelta(hours=hours), datetime.combine(date.today(), time.min))
