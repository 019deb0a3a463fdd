from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class PurchaseOrder(Base):
    """An order to a source. Draft → sent → partly received → received, or closed by hand when
    the rest will not come. What has arrived is the receive movements of its receipts, so a
    reversed receipt line is due again."""

    __tablename__ = "purchase_orders"
    __table_args__ = (Index("ix_purchase_orders_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))  # deliver to
    status: Mapped[str] = mapped_column(String(16))  # draft sent partly received received closed
    note: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_lines"
    __table_args__ = (UniqueConstraint("order_id", "item_id", name="uq_purchase_order_lines_order_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    pack: Mapped[str | None] = mapped_column(String(32))  # a pack size's name; None: single units
    pack_units: Mapped[int] = mapped_column(Integer)  # base units per pack when ordered
    packs: Mapped[int] = mapped_column(Integer)
