from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    TypeDecorator,
    false,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class Quantity(TypeDecorator):
    """Units of stock: BIGINT on PostgreSQL, so sums and balances never overflow (SQLite's
    INTEGER is 64-bit already). PostgreSQL sums a BIGINT as NUMERIC; it comes back an int."""

    impl = BigInteger
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(Integer() if dialect.name == "sqlite" else BigInteger())

    def process_result_value(self, value, dialect):
        return None if value is None else int(value)

    def result_processor(self, dialect, coltype):
        # SQLite's integers come back as ints: no call per row (reports read thousands).
        return None if dialect.name == "sqlite" else super().result_processor(dialect, coltype)


class Movement(Base):
    """One append-only ledger line. Never updated or deleted.

    `quantity` is the signed change at `location`. A transfer is one row per lot: it changes
    `location` by `quantity` (negative) and `to_location` by `-quantity`. A count stores the
    counted figure in `counted` and the variance in `quantity`. A reversal repeats the type with
    the opposite quantity and points at the movement it reverses.
    """

    __tablename__ = "movements"
    __table_args__ = (
        Index("ix_movements_loc_item_at", "location_id", "item_id", "occurred_at", "id"),
        Index("ix_movements_to_item_at", "to_location_id", "item_id", "occurred_at", "id"),
        Index("ix_movements_occurred_at", "occurred_at"),
        Index("uq_movements_uid", "uid", unique=True),
        Index("ix_movements_row_key", "row_key"),
        Index(
            "ix_movements_participant_at",
            "participant",
            "occurred_at",
            sqlite_where=text("participant IS NOT NULL"),
            postgresql_where=text("participant IS NOT NULL"),
        ),
        # The few flagged lines, found without reading the ledger (the Home screen asks every time).
        Index(
            "ix_movements_flagged",
            "id",
            sqlite_where=text("needs_review = true"),
            postgresql_where=text("needs_review = true"),
        ),
    )
    # The condition of ix_movements_flagged, written the same way so the planner can use it.
    flagged = text("movements.needs_review = true")

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(16))  # receive handout transfer adjust dispose count
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    quantity: Mapped[int] = mapped_column(Quantity())
    counted: Mapped[int | None] = mapped_column(Quantity())
    reason: Mapped[str | None] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(200))
    participant: Mapped[str | None] = mapped_column(String(32))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(64))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("movements.id"), unique=True)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"), index=True)
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"), index=True)
    # A "found" adjustment made so a handout could go ahead: for the supply lead to look at.
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Stable across databases: an export carries it, so an import never counts a movement twice
    # (and a van's offline records can be merged on it).
    uid: Mapped[str | None] = mapped_column(String(36))
    # The database_id of the side that wrote it, when it came by sync (None: written here).
    origin: Mapped[str | None] = mapped_column(String(36))
    arrived_at: Mapped[datetime | None] = mapped_column(DateTime)  # when it came by sync
    # An imported row's content key, on the first line it made: the same row imported again
    # (from a workbook with no movement ids) is recognised even where FEFO split it across lots.
    row_key: Mapped[str | None] = mapped_column(String(40))


class Balance(Base):
    """Cached on-hand per (location, item, lot); always equal to the ledger sum.

    `last_at` is the latest occurred_at of any movement touching this key, so the write path
    knows in O(1) whether a new movement is backdated and needs the later balances checked.
    `lot_key` is lot_id or 0: NULLs are distinct in unique indexes on both databases.
    """

    __tablename__ = "balances"
    __table_args__ = (
        Index("uq_balances_key", "location_id", "item_id", "lot_key", unique=True),
        Index("ix_balances_item", "item_id"),
        # Years of emptied lots stay in this table; what is in stock is found without them.
        Index(
            "ix_balances_stocked",
            "location_id",
            "item_id",
            sqlite_where=text("quantity <> 0"),
            postgresql_where=text("quantity <> 0"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    lot_key: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Quantity())

    # The condition of ix_balances_stocked, written the same way so the planner can use it.
    in_stock = text("balances.quantity <> 0")
    last_at: Mapped[datetime] = mapped_column(DateTime)


class MonthChange(Base):
    """The ledger's net change per (month, location, item, lot), kept with it in the same
    transaction: on hand at any instant is the months before it added up plus a part of one
    month's movements, so a reconciliation or `stock --as-of` costs the span asked for, never the
    ledger's age. A backdated movement changes only its own month's row. `month` is "YYYY-MM"."""

    __tablename__ = "month_changes"
    __table_args__ = (Index("uq_month_changes_key", "month", "location_id", "item_id", "lot_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    lot_key: Mapped[int] = mapped_column(Integer)
    change: Mapped[int] = mapped_column(Quantity())


class DayChange(Base):
    """The ledger's net change per (day, location, item, lot, kind), kept with it: what was used
    over three months (reorder) or handed out over twelve weeks (Home) is read from a few thousand
    rows, not hundreds of thousands of movements. `kind` is the movement's type, except "kit" for
    an adjustment made by assembling or breaking down kits (it counts as use)."""

    __tablename__ = "day_changes"
    __table_args__ = (Index("uq_day_changes_key", "day", "location_id", "item_id", "lot_key", "kind", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    lot_key: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    change: Mapped[int] = mapped_column(Quantity())


class ImportBatch(Base):
    """One imported workbook; `digest` identifies its movements so they are never imported twice."""

    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(500))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    movement_rows: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    imported_by: Mapped[str] = mapped_column(String(64))


class Receipt(Base):
    """A delivery: its receive movements point here, so totals by source come from the ledger."""

    __tablename__ = "receipts"
    __table_args__ = (Index("ix_receipts_occurred_at", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    reference: Mapped[str | None] = mapped_column(String(200))  # packing slip or order number
    purchase_order_id: Mapped[int | None] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(64))


class Review(Base):
    """The supply lead has looked at a flagged movement (a front-desk "found" adjustment)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    movement_id: Mapped[int] = mapped_column(ForeignKey("movements.id"), unique=True)
    outcome: Mapped[str] = mapped_column(String(16))  # kept | reversed
    note: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime] = mapped_column(DateTime)
    reviewed_by: Mapped[str] = mapped_column(String(64))
