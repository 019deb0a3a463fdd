"""A realistic month at a fixed site and a van, for `make run` / `hrsupply --demo`.

Everything is posted through the ledger like real work, so the demo obeys every rule.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hrsupply.db import Database, open_database
from hrsupply.errors import NotEnoughStock
from hrsupply.models import (
    Barcode,
    Item,
    KitComponent,
    PackSize,
    Preset,
    PresetLine,
    PurchaseOrder,
    PurchaseOrderLine,
    Receipt,
    Source,
    Visit,
)
from hrsupply.services import catalog, users
from hrsupply.services.ledger import Move, Poster
from hrsupply.services.program import NALOXONE_REASONS

# sku, name, category, unit, lot-tracked, site reorder point, van par, opening stock
CATALOG = [
    ("SYR-1ML-27", "Syringe 1 mL 27G 1/2 in", "Syringes", "each", False, 2000, 600, 8000),
    ("SYR-1ML-28", "Syringe 1 mL 28G 1/2 in", "Syringes", "each", False, 3000, 800, 12000),
    ("SYR-1ML-29", "Syringe 1 mL 29G 1/2 in", "Syringes", "each", False, 1000, 300, 4000),
    ("SYR-3ML-25", "Syringe 3 mL 25G 1 in", "Syringes", "each", False, 300, 100, 1000),
    ("VITC", "Vitamin C sachet (ascorbic acid)", "Injection supplies", "sachet", False, 1000, 300, 5000),
    ("COOKER", "Cooker", "Injection supplies", "each", False, 800, 250, 4000),
    ("COTTON", "Cotton filters (pack of 10)", "Injection supplies", "pack", False, 400, 120, 2000),
    ("ALCPAD", "Alcohol pad", "Injection supplies", "each", False, 2000, 600, 10000),
    ("TOURN", "Tourniquet", "Injection supplies", "each", False, 200, 60, 800),
    ("SHARPS-1QT", "Sharps container 1 qt", "Injection supplies", "each", False, 60, 20, 300),
    ("NAL-NS-4MG", "Naloxone nasal spray 4 mg (2-dose kit)", "Naloxone", "kit", True, 60, 30, 0),
    ("NAL-IM-04", "Naloxone IM 0.4 mg/mL kit", "Naloxone", "kit", True, 20, 10, 0),
    ("FTS", "Fentanyl test strip", "Test strips", "strip", True, 300, 100, 0),
    ("XTS", "Xylazine test strip", "Test strips", "strip", True, 200, 60, 0),
    ("WOUND-KIT", "Wound-care kit", "Wound care", "kit", False, 40, 15, 200),
    ("HYGIENE", "Hygiene kit", "Hygiene", "kit", False, 30, 10, 150),
    ("CONDOM", "Condoms (strip of 3)", "Safer sex", "strip", False, 200, 60, 1000),
    ("SMOKE-KIT", "Safer smoking kit", "Safer smoking", "kit", False, 80, 30, 400),
    ("SOCKS", "Socks (pair)", "Clothing", "pair", False, 40, 10, 200),
    ("FOOD-NOCOOK", "Food pack, no-cook (no can opener needed)", "Food", "pack", False, 30, 10, 150),
    ("FOOD-PACK", "Food pack", "Food", "pack", False, 20, 0, 100),
]

# Lots: (sku, lot number, days from today to expiry, quantity received on day 0)
LOTS = [
    ("NAL-NS-4MG", "NS24117", 200, 96),
    ("NAL-NS-4MG", "NS25302", 540, 144),
    ("NAL-IM-04", "IM24101", -5, 60),  # expired five days ago, some left: for Supply → Expiry
    ("NAL-IM-04", "IM24290", 21, 60),  # expires in three weeks: on the expiring list
    ("NAL-IM-04", "IM25088", 400, 48),
    ("FTS", "FT2506A", 300, 1000),
    ("FTS", "FT2511C", 420, 1000),
    ("XTS", "XT2509", 360, 800),
]

# What a visit usually looks like: (sku, low, high), each line taken with the given chance.
VISIT = [
    ("SYR-1ML-28", 10, 60, 0.7),
    ("SYR-1ML-27", 10, 40, 0.25),
    ("SYR-1ML-29", 10, 30, 0.1),
    ("SYR-3ML-25", 5, 10, 0.05),
    ("VITC", 5, 20, 0.5),
    ("COOKER", 2, 10, 0.5),
    ("COTTON", 1, 4, 0.4),
    ("ALCPAD", 10, 40, 0.5),
    ("TOURN", 1, 2, 0.15),
    ("SHARPS-1QT", 1, 1, 0.15),
    ("NAL-NS-4MG", 1, 2, 0.12),
    ("NAL-IM-04", 1, 1, 0.03),
    ("FTS", 2, 10, 0.3),
    ("XTS", 2, 5, 0.2),
    ("WOUND-KIT", 1, 1, 0.08),
    ("HYGIENE", 1, 1, 0.06),
    ("CONDOM", 1, 3, 0.2),
    ("SMOKE-KIT", 1, 2, 0.12),
    ("SOCKS", 1, 2, 0.08),
    ("FOOD-NOCOOK", 1, 1, 0.1),
    ("FOOD-PACK", 1, 1, 0.05),
]


# Sources by kind: funders ask what was donated, bought or state-allocated.
SOURCES = [
    ("State Department of Health", "state allocation"),
    ("NASEN clearinghouse", "clearinghouse"),
    ("Henry Schein", "supplier"),
    ("Community donations", "donation"),
]
# sku: [(pack, units, barcode)]; single-unit barcodes are (None, 1, code).
PACKS = {
    "SYR-1ML-27": [(None, 1, "0001270"), ("box", 100, "0100270"), ("case", 1000, "1000270")],
    "SYR-1ML-28": [(None, 1, "0001280"), ("box", 100, "0100280"), ("case", 1000, "1000280")],
    "SYR-1ML-29": [("box", 100, "0100290"), ("case", 1000, "1000290")],
    "VITC": [("box", 100, "0100301")],
    "ALCPAD": [("box", 200, "0200401")],
    "NAL-NS-4MG": [(None, 1, "3695000469")],
    "FTS": [("pack", 100, "FTS100")],
}
# The pack each item is ordered in (suggested orders round up to whole packs of it).
ORDER_PACKS = {
    "SYR-1ML-27": "case",
    "SYR-1ML-28": "case",
    "SYR-1ML-29": "case",
    "VITC": "box",
    "ALCPAD": "box",
    "FTS": "pack",
}
# A kit the site assembles itself: (sku, name, [(component sku, quantity)]).
KIT = (
    "SAFER-USE-KIT",
    "Safer use kit (assembled)",
    [("SYR-1ML-28", 10), ("VITC", 5), ("COOKER", 5), ("ALCPAD", 10), ("COTTON", 2)],
)

PRESETS = [
    ("Standard injection pack", [("SYR-1ML-28", 20), ("VITC", 10), ("COOKER", 10), ("COTTON", 2), ("ALCPAD", 20)]),
    ("Walk-in basics", [("SYR-1ML-28", 10), ("ALCPAD", 10)]),
    ("Naloxone kit", [("NAL-NS-4MG", 1)]),
    ("Test strips", [("FTS", 5), ("XTS", 2)]),
]


# Who works here in the demo; each signs in with the same PIN.
DEMO_USERS = {"sam": "admin", "jo": "supply_lead", "alex": "front_desk", "rio": "van_crew"}
DEMO_PIN = "1234"


def _codes(rng: random.Random, n: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPRSTVW"
    return ["".join(rng.choice(letters) for _ in range(4)) + f"{rng.randint(55, 99):02d}" for _ in range(n)]


def rebuild_demo(path: Path | None = None, today: date | None = None) -> Database:
    """Delete and rebuild the demo database; returns it open."""
    from hrsupply.db import demo_path

    path = path or demo_path()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(f"sqlite:///{path}", encrypt=False)  # invented data: never encrypted
    populate(db, today or date.today())
    return db


def populate(db: Database, today: date, days: int = 30) -> None:
    rng = random.Random(2026)
    with db.write() as s:
        for name, role in DEMO_USERS.items():
            users.add_in(s, name, role, DEMO_PIN, by="sam")
        month = _Month(s, rng, today)
        start = today - timedelta(days=days)
        month.open(start)
        codes = _codes(rng, 90)
        for offset in range(days):
            month.day(start + timedelta(days=offset), offset, codes)
        month.order_half_delivered()
        month.month_end()
        month.poster.flush()


class _Month:
    """A month of a program's work, posted in the order it happened (the random draws too, so
    the demo is the same month every time)."""

    def __init__(self, s, rng: random.Random, today: date):
        self.s, self.rng, self.today = s, rng, today
        self.site = catalog.upsert_location(s, "SITE", "Fixed site", "site")
        self.van = catalog.upsert_location(s, "VAN1", "Mobile health van", "van")
        catalog.upsert_location(s, "PARTNER", "Partner drop-in center", "other")
        self.ids: dict[str, int] = {}
        self.sources: dict[str, Source] = {}
        self._catalog()
        self.poster = Poster(s, "jo")

    def _catalog(self) -> None:
        s, ids, site, van = self.s, self.ids, self.site, self.van
        for sku, name, category, unit, tracked, reorder, van_par, _ in CATALOG:
            item = catalog.upsert_item(
                s, sku, name=name, category=category, unit=unit, lot_tracked=tracked, reorder_point=reorder
            )
            s.flush()
            ids[sku] = item.id
            if van_par:
                catalog.upsert_par(s, van.id, item.id, van_par, van_par // 3)
            catalog.upsert_par(s, site.id, item.id, reorder * 3, reorder)
        for name, kind in SOURCES:
            self.sources[kind] = Source(name=name, kind=kind, active=True)
            s.add(self.sources[kind])
        s.flush()
        for sku, packs in PACKS.items():
            for pack, units, code in packs:
                size = None
                if pack:
                    size = PackSize(item_id=ids[sku], name=pack, units=units)
                    s.add(size)
                    s.flush()
                s.add(Barcode(code=code, item_id=ids[sku], pack_size_id=size.id if size else None))
            source = self.sources["supplier" if sku.startswith("SYR") else "clearinghouse"]
            s.get(Item, ids[sku]).default_source_id = source.id
            s.get(Item, ids[sku]).order_pack = ORDER_PACKS.get(sku)
        kit_sku, kit_name, parts = KIT
        kit = catalog.upsert_item(s, kit_sku, name=kit_name, category="Kits", unit="kit", reorder_point=50)
        s.flush()
        ids[kit_sku] = kit.id
        s.add_all(KitComponent(kit_id=kit.id, component_id=ids[sku], quantity=q) for sku, q in parts)
        s.flush()
        self.lots = {
            lot: catalog.lot_for(s, ids[sku], lot, self.today + timedelta(days=d)).id for sku, lot, d, _ in LOTS
        }
        s.get(Item, ids["FOOD-PACK"]).limit_quantity, s.get(Item, ids["FOOD-PACK"]).limit_days = 1, 7
        s.get(Item, ids["NAL-NS-4MG"]).doses, s.get(Item, ids["NAL-IM-04"]).doses = 2, 1
        for position, (name, lines) in enumerate(PRESETS):
            preset = Preset(name=name, position=position)
            s.add(preset)
            s.flush()
            s.add_all(PresetLine(preset_id=preset.id, item_id=ids[sku], quantity=q) for sku, q in lines)

    def post(self, move: Move) -> bool:
        try:
            self.poster.post(move)
            return True
        except NotEnoughStock:
            return False

    def receipt(self, kind: str, at: datetime, reference: str, order_id: int | None = None) -> None:
        """What is posted next arrives on this receipt (until `poster.receipt_id` is cleared)."""
        made = Receipt(
            source_id=self.sources[kind].id,
            reference=reference,
            location_id=self.site.id,
            occurred_at=at,
            recorded_at=at,
            recorded_by="jo",
            purchase_order_id=order_id,
        )
        self.s.add(made)
        self.s.flush()
        self.poster.receipt_id = made.id

    def open(self, start: date) -> None:
        """Opening stock, the first lots, and 40 kits assembled."""
        ids, site = self.ids, self.site
        opening = datetime.combine(start, time(8))
        self.receipt("supplier", opening, "Opening stock")
        for sku, *_rest, qty in CATALOG:
            if qty:
                self.post(Move("receive", ids[sku], site.id, qty, opening, reference="Opening stock"))
        for kind in ("state allocation", "clearinghouse"):
            self.receipt(kind, opening, f"{kind.title()} shipment")
            for sku, lot, _, qty in LOTS:
                if sku.startswith("NAL") == (kind == "state allocation"):
                    self.post(Move("receive", ids[sku], site.id, qty, opening, lot_id=self.lots[lot]))
        self.poster.receipt_id = None
        kit_sku, _name, parts = KIT
        kits_at, why = opening + timedelta(hours=1), f"40 × {kit_sku}"
        for sku, q in parts:
            self.post(Move("adjust", ids[sku], site.id, -q * 40, kits_at, reason="kit assembly", reference=why))
        self.post(Move("adjust", ids[kit_sku], site.id, 40, kits_at, reason="kit assembly", reference=why))

    def day(self, day: date, offset: int, codes: list[str]) -> None:
        """A weekly restock, the van's weekday run, and the site's visits."""
        rng, ids, site = self.rng, self.ids, self.site
        weekday = day.weekday() < 5
        if offset and offset % 7 == 0:  # weekly restock of what moves most
            at = datetime.combine(day, time(9, 15))
            self.receipt("supplier", at, f"PO-{2400 + offset}")
            for sku, qty in (
                ("SYR-1ML-28", 3000),
                ("SYR-1ML-27", 1000),
                ("VITC", 1000),
                ("COOKER", 500),
                ("ALCPAD", 2000),
            ):
                self.post(Move("receive", ids[sku], site.id, qty, at, reference=f"PO-{2400 + offset}"))
            self.receipt("donation", at, f"Donation {day:%m/%d}")
            self.post(Move("receive", ids["CONDOM"], site.id, 200, at, reference=f"Donation {day:%m/%d}"))
            self.post(Move("receive", ids["SOCKS"], site.id, 60, at, reference=f"Donation {day:%m/%d}"))
            self.poster.receipt_id = None
        if weekday:
            self.van_run(day, codes)
        count = rng.randint(12, 30) if weekday else rng.randint(4, 10)
        _visits(rng, self.s, self.poster, self.post, ids, site.id, day, codes, count, (9, 17))

    def van_run(self, day: date, codes: list[str]) -> None:
        """The van runs on weekdays: load to par, hand out, close out."""
        rng, ids, site, van = self.rng, self.ids, self.site, self.van
        at = datetime.combine(day, time(8, 30))
        for sku, *_mid, van_par, _ in CATALOG:
            on_van = self.poster.item_on_hand(van.id, ids[sku]) if van_par else 0
            if van_par > on_van:
                need, reference = van_par - on_van, f"Load-out {day:%Y-%m-%d}"
                for qty in (need, need // 2 or 1):  # half of it when the site is short
                    if self.post(
                        Move("transfer", ids[sku], site.id, qty, at, to_location_id=van.id, reference=reference)
                    ):
                        break
        _visits(rng, self.s, self.poster, self.post, ids, van.id, day, codes, rng.randint(8, 18), (10, 15))
        # Close-out count of the syringes on the van: now and then one is miscounted.
        at = datetime.combine(day, time(16, 30))
        for sku in ("SYR-1ML-28", "SYR-1ML-27"):
            have = self.poster.available(van.id, ids[sku], None, at)
            counted = max(0, have - (rng.random() < 0.2) * rng.randint(1, 5))
            self.post(Move("count", ids[sku], van.id, counted, at))

    def order_half_delivered(self) -> None:
        """An order sent ten days ago: four of its ten cases of syringes came five days ago."""
        s, ids = self.s, self.ids
        sent = datetime.combine(self.today - timedelta(days=10), time(11))
        order = PurchaseOrder(
            source_id=self.sources["supplier"].id,
            location_id=self.site.id,
            status="sent",
            note="monthly syringe order",
            created_at=sent,
            created_by="jo",
            sent_at=sent,
        )
        s.add(order)
        s.flush()
        s.add_all(
            [
                PurchaseOrderLine(order_id=order.id, item_id=ids["SYR-1ML-28"], pack="case", pack_units=1000, packs=10),
                PurchaseOrderLine(order_id=order.id, item_id=ids["VITC"], pack="box", pack_units=100, packs=20),
            ]
        )
        arrived = datetime.combine(self.today - timedelta(days=5), time(10))
        self.receipt("supplier", arrived, f"PO-{order.id:04d}", order.id)
        self.post(Move("receive", ids["SYR-1ML-28"], self.site.id, 4000, arrived, reference=f"PO-{order.id:04d}"))
        self.poster.receipt_id = None

    def month_end(self) -> None:
        """The month-end count at the site (a few small differences, as in real life), a disposal,
        and the van's last shift, which ran out of hygiene kits on paper: the desk recorded them anyway."""
        rng, ids, site, van, poster = self.rng, self.ids, self.site, self.van, self.poster
        at = datetime.combine(self.today - timedelta(days=1), time(17, 30))
        for sku in ("COOKER", "COTTON", "TOURN", "WOUND-KIT"):
            have = poster.available(site.id, ids[sku], None, at)
            self.post(Move("count", ids[sku], site.id, max(0, have + rng.randint(-4, 2)), at))
        self.post(Move("dispose", ids["FTS"], site.id, 20, at, reason="damaged", reference="Water damage"))
        last = datetime.combine(self.today - timedelta(days=1), time(15, 40))
        short = poster.available(van.id, ids["HYGIENE"], None, last)
        found = "handed out beyond recorded stock"
        self.post(Move("adjust", ids["HYGIENE"], van.id, 3, last, reason="found", needs_review=True, reference=found))
        self.post(Move("handout", ids["HYGIENE"], van.id, short + 3, last))


def _visits(rng, session, poster, post, ids, location_id, day, codes, count, hours) -> None:
    times = sorted(time(rng.randint(hours[0], hours[1] - 1), rng.randint(0, 59)) for _ in range(count))
    for moment in times:  # recorded as they happen, in order
        at = datetime.combine(day, moment)
        code = rng.choice(codes) if rng.random() < 0.75 else None  # a quarter stay anonymous
        lines = [(sku, rng.randint(low, high)) for sku, low, high, chance in VISIT if rng.random() < chance]
        naloxone = any(sku.startswith("NAL") for sku, _ in lines)
        estimated = rng.random() < 0.1
        visit = Visit(
            location_id=location_id,
            occurred_at=at,
            recorded_at=at,
            recorded_by="alex",
            participant=code,
            syringes_returned=100 if estimated else rng.choice([0, 0, 10, 20, 30, 40, 50]),
            returned_estimated=estimated,
            collecting_for=rng.choice([0, 0, 0, 1, 2]),
            naloxone_reason=rng.choice(NALOXONE_REASONS) if naloxone else None,
            reversals_reported=int(naloxone and rng.random() < 0.3),
        )
        session.add(visit)
        session.flush()
        poster.visit_id = visit.id
        for sku, qty in lines:
            post(Move("handout", ids[sku], location_id, qty, at, participant=code))
        poster.visit_id = None
