from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(32), default="each")
    lot_tracked: Mapped[bool] = mapped_column(Boolean, default=False)
    reorder_point: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Advisory only: "limit_quantity per limit_days per participant" is shown, never enforced.
    limit_quantity: Mapped[int | None] = mapped_column(Integer)
    limit_days: Mapped[int | None] = mapped_column(Integer)
    default_source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    # The pack size (by name) the item is ordered in; suggested orders round up to whole packs.
    order_pack: Mapped[str | None] = mapped_column(String(32))
    doses: Mapped[int | None] = mapped_column(Integer)  # naloxone: doses in one unit (a 2-dose kit: 2)


class Location(Base):
    __tablename__ = "locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # site | van | other


class Lot(Base):
    __tablename__ = "lots"
    __table_args__ = (UniqueConstraint("item_id", "lot_number", name="uq_lots_item_lot_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    lot_number: Mapped[str] = mapped_column(String(64))
    expiry: Mapped[date] = mapped_column(Date)


class ParLevel(Base):
    __tablename__ = "par_levels"
    __table_args__ = (UniqueConstraint("location_id", "item_id", name="uq_par_levels_location_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    par: Mapped[int] = mapped_column(Integer)
    min: Mapped[int | None] = mapped_column(Integer)


class PackSize(Base):
    """A named pack of an item's base units: a syringe "box" of 100, a "case" of 1,000."""

    __tablename__ = "pack_sizes"
    __table_args__ = (UniqueConstraint("item_id", "name", name="uq_pack_sizes_item_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    name: Mapped[str] = mapped_column(String(32))
    units: Mapped[int] = mapped_column(Integer)


class Barcode(Base):
    """A code printed on an item or on one of its packs: scanning it means that many base units."""

    __tablename__ = "barcodes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    pack_size_id: Mapped[int | None] = mapped_column(ForeignKey("pack_sizes.id"))  # None: one base unit


class Source(Base):
    """Where stock comes from; funders ask how much was donated, bought or state-allocated."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(24))  # supplier | donation | state allocation | clearinghouse
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class KitComponent(Base):
    """One line of a kit's recipe: `quantity` base units of `component` go into one kit."""

    __tablename__ = "kit_components"
    __table_args__ = (UniqueConstraint("kit_id", "component_id", name="uq_kit_components_kit_component"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kit_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    component_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    quantity: Mapped[int] = mapped_column(Integer)
