from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class LoadOut(Base):
    """A confirmed pick list: stock moved from one location to another (site to van each morning).
    Its transfers carry the reference "Load-out <id>"; its lines are kept for reprinting."""

    __tablename__ = "loadouts"
    __table_args__ = (Index("ix_loadouts_to_day", "to_location_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    day: Mapped[date] = mapped_column(Date)
    crew: Mapped[str | None] = mapped_column(String(200))
    confirmed_at: Mapped[datetime] = mapped_column(DateTime)
    confirmed_by: Mapped[str] = mapped_column(String(64))


class LoadOutLine(Base):
    __tablename__ = "loadout_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    loadout_id: Mapped[int] = mapped_column(ForeignKey("loadouts.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    par: Mapped[int] = mapped_column(Integer)
    on_hand: Mapped[int] = mapped_column(Integer)  # at the destination before loading
    quantity: Mapped[int] = mapped_column(Integer)
    short: Mapped[int] = mapped_column(Integer, default=0)  # wanted but not at the source


class CloseOut(Base):
    """An evening close-out: a count of everything the van carries and what went back to the site.
    Its count and transfer movements carry the reference "Close-out <id>"."""

    __tablename__ = "closeouts"
    __table_args__ = (Index("ix_closeouts_location_day", "location_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    return_to_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    day: Mapped[date] = mapped_column(Date)
    counted_at: Mapped[datetime] = mapped_column(DateTime)
    counted_by: Mapped[str] = mapped_column(String(64))
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
