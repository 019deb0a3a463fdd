"""month_changes: the ledger's net change per month, location, item and lot

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from alembic import op
import sqlalchemy as sa


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "month_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("lot_key", sa.Integer(), nullable=False),
        sa.Column("change", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_month_changes_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_month_changes_location_id_locations")),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_month_changes_lot_id_lots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_changes")),
    )
    op.create_index(
        "uq_month_changes_key", "month_changes", ["month", "location_id", "item_id", "lot_key"], unique=True
    )
    # Filled from the ledger as it stands: a transfer changes its destination too.
    month = (
        "to_char(occurred_at, 'YYYY-MM')"
        if op.get_bind().dialect.name == "postgresql"
        else "strftime('%Y-%m', occurred_at)"
    )
    op.execute(
        f"""
        INSERT INTO month_changes (month, location_id, item_id, lot_id, lot_key, change)
        SELECT month, location_id, item_id, lot_id, COALESCE(lot_id, 0), SUM(delta)
        FROM (
            SELECT {month} AS month, location_id, item_id, lot_id, quantity AS delta FROM movements
            UNION ALL
            SELECT {month}, to_location_id, item_id, lot_id, -quantity FROM movements WHERE to_location_id IS NOT NULL
        ) AS effects
        GROUP BY month, location_id, item_id, lot_id
        HAVING SUM(delta) <> 0
        """
    )


def downgrade() -> None:
    op.drop_index("uq_month_changes_key", table_name="month_changes")
    op.drop_table("month_changes")
