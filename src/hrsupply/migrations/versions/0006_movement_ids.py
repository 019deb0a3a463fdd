"""a stable unique id on every movement, the key of the imported row it came from; 64-bit stock
quantities on PostgreSQL

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added without a table copy (SQLite), filled for every existing row, then made unique.
    op.add_column("movements", sa.Column("uid", sa.String(length=36), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "UPDATE movements SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
            "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || "
            "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
        )
    else:
        op.execute("UPDATE movements SET uid = gen_random_uuid()::text")
        # SQLite integers are 64-bit already; PostgreSQL's INTEGER is not.
        for table, column in (("movements", "quantity"), ("movements", "counted"), ("balances", "quantity")):
            op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())
    op.create_index("uq_movements_uid", "movements", ["uid"], unique=True)
    op.add_column("movements", sa.Column("row_key", sa.String(length=40), nullable=True))
    op.create_index("ix_movements_row_key", "movements", ["row_key"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_movements_row_key", table_name="movements")
    op.drop_index("uq_movements_uid", table_name="movements")
    with op.batch_alter_table("movements") as batch_op:
        batch_op.drop_column("row_key")
        batch_op.drop_column("uid")
