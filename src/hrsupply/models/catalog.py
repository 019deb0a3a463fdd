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
    barcode: Mapped[str | None] = mapped_column(String(64), index=True)
    reorder_point: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Advisory only: "limit_quantity per limit_days per participant" is shown, never enforced.
    limit_quantity: Mapped[int | None] = mapped_column(Integer)
    limit_days: Mapped[int | None] = mapped_column(Integer)


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
