"""A new program's first steps, after its first admin: its name, its locations, a catalog to start
from (the starter catalog of common SSP supplies, a spreadsheet, or nothing), then the opening
stock, counted at each location. `next_step` says on Home what is still to do."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from sqlalchemy import func, select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Item, Location, Movement, StockCount
from hrsupply.services.access import require
from hrsupply.services.catalog import LOCATION_KINDS
from hrsupply.services.item_editor import ItemForm, PackLine, save_item_in, save_location


@dataclass(frozen=True)
class StarterItem:
    sku: str
    name: str
    category: str
    unit: str
    lot_tracked: bool
    packs: tuple[tuple[str, int], ...] = ()
    doses: int | None = None


def starter_catalog() -> list[StarterItem]:
    """resources/starter_catalog.json: common supplies with a unit, packs and lot tracking."""
    data = json.loads(resources.files("hrsupply.resources").joinpath("starter_catalog.json").read_text("utf-8"))
    return [
        StarterItem(
            i["sku"],
            i["name"],
            i["category"],
            i["unit"],
            i["lot_tracked"],
            tuple((p["name"], p["units"]) for p in i.get("packs", ())),
            i.get("doses"),
        )
        for i in data["items"]
    ]


def add_starter_catalog(db: Database, user: str, chosen: list[str] | None = None) -> int:
    """Add the starter catalog's items (or the `chosen` SKUs), all or none, each audited as an
    item made in Settings would be; an SKU already in the catalog is left as it is. Returns how
    many were added."""

    def work(s) -> int:
        require(s, user, "catalog")
        have = set(s.scalars(select(Item.sku)))
        added = 0
        for item in starter_catalog():
            if item.sku in have or (chosen is not None and item.sku not in chosen):
                continue
            form = ItemForm(
                sku=item.sku,
                name=item.name,
                category=item.category,
                unit=item.unit,
                lot_tracked=item.lot_tracked,
                doses=item.doses,
                packs=[PackLine(name, units) for name, units in item.packs],
            )
            save_item_in(s, user, form)
            added += 1
        return added

    return db.transaction(work)


def add_locations(db: Database, user: str, rows: list[tuple[str, str, str]]) -> int:
    """(code, name, kind) rows: every row is checked first, and every problem named by its row,
    before any is saved. A code already there is left as it is. Returns how many were added."""
    problems: list[str] = []
    seen: set[str] = set()
    for n, (code, name, kind) in enumerate(rows, start=1):
        code = code.strip().upper()
        if not code or len(code) > Location.code.type.length or not code.replace("-", "").isalnum():
            problems.append(
                tr("Row {n}, code: 1 to {length} letters, digits or hyphens").format(
                    n=n, length=Location.code.type.length
                )
            )
        elif code in seen:
            problems.append(tr("Row {n}, code: {code} is on another row too").format(n=n, code=code))
        seen.add(code)
        if not name.strip():
            problems.append(tr("Row {n}, name: required").format(n=n))
        if kind not in LOCATION_KINDS:
            problems.append(tr("Row {n}, kind: one of {kinds}").format(n=n, kinds=", ".join(LOCATION_KINDS)))
    if problems:
        raise UserError("\n".join(problems))
    with db.read() as s:
        have = set(s.scalars(select(Location.code)))
    added = [row for row in rows if row[0].strip().upper() not in have]
    for code, name, kind in added:
        save_location(db, user, code, name, kind)
    return len(added)


def next_step(db: Database) -> str | None:
    """What a new program still has to do before the app is of use, said on Home; None once
    there is a catalog, a location and some stock."""
    with db.read() as s:
        if not s.scalar(select(func.count()).select_from(Location)):
            return tr("Next: add your locations (Settings → Locations): the fixed site, each van, partner sites.")
        if not s.scalar(select(func.count()).select_from(Item)):
            return tr(
                "Next: add your catalog (Settings → Items), or import a spreadsheet (File → Import spreadsheet…)."
            )
        if not s.scalar(select(Movement.id).limit(1)):
            counting = s.scalar(select(StockCount.id).where(StockCount.status == "open").limit(1))
            if counting:
                return tr("Next: finish the opening count (Counts): type what is on the shelf, then Post count.")
            return tr(
                "Next: count your opening stock (Counts → Start count, at each location), "
                "or receive a delivery (Supply)."
            )
    return None
