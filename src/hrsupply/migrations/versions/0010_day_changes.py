"""day_changes: the ledger's net change per day, location, item, lot and kind

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

from alembic import op
import sqlalchemy as sa


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("lot_key", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("change", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_day_changes_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_day_changes_location_id_locations")),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_day_changes_lot_id_lots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_changes")),
    )
    op.create_index(
        "uq_day_changes_key", "day_changes", ["day", "location_id", "item_id", "lot_key", "kind"], unique=True
    )
    # Filled from the ledger as it stands: a transfer is "transfer_out" at its origin and
    # "transfer_in" at its destination; assembling or breaking down kits is "kit" (it counts as use).
    day = "CAST(occurred_at AS DATE)" if op.get_bind().dialect.name == "postgresql" else "date(occurred_at)"
    kind = (
        "CASE WHEN type = 'transfer' THEN 'transfer_out' "
        "WHEN type = 'adjust' AND reason IN ('kit assembly', 'kit break-down') THEN 'kit' ELSE type END"
    )
    op.execute(
        f"""
        INSERT INTO day_changes (day, location_id, item_id, lot_id, lot_key, kind, change)
        SELECT day, location_id, item_id, lot_id, COALESCE(lot_id, 0), kind, SUM(delta)
        FROM (
            SELECT {day} AS day, location_id, item_id, lot_id, {kind} AS kind, quantity AS delta FROM movements
            UNION ALL
            SELECT {day}, to_location_id, item_id, lot_id, 'transfer_in', -quantity FROM movements
            WHERE to_location_id IS NOT NULL
        ) AS effects
        GROUP BY day, location_id, item_id, lot_id, kind
        HAVING SUM(delta) <> 0
        """
    )


def downgrade() -> None:
    op.drop_index("uq_day_changes_key", table_name="day_changes")
    op.drop_table("day_changes")
