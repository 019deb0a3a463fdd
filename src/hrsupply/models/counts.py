from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class StockCount(Base):
    """A stock take of one location. Each figure is saved as it is entered, so a count in progress
    survives closing the app; posting writes count movements (reference "Count <id>") for the
    counted lines only."""

    __tablename__ = "stock_counts"
    __table_args__ = (Index("ix_stock_counts_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    scope: Mapped[str] = mapped_column(String(120))  # "All items", "Category: Naloxone", "Chosen items"
    blind: Mapped[bool] = mapped_column(Boolean, default=False)  # counters do not see expected figures
    status: Mapped[str] = mapped_column(String(16))  # open posted discarded
    started_at: Mapped[datetime] = mapped_column(DateTime)
    started_by: Mapped[str] = mapped_column(String(64))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_by: Mapped[str | None] = mapped_column(String(64))


class StockCountLine(Base):
    __tablename__ = "stock_count_lines"
    __table_args__ = (UniqueConstraint("count_id", "item_id", "lot_key", name="uq_stock_count_lines_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_counts.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    lot_key: Mapped[int] = mapped_column(Integer)  # lot_id or 0, so the unique key works with NULLs
    counted: Mapped[int | None] = mapped_column(Integer)  # None: not counted yet
    reason: Mapped[str | None] = mapped_column(String(200))  # why it differs, if anyone knows
