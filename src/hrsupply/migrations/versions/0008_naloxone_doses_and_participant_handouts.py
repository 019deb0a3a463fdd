"""items: naloxone doses per unit; movements: handouts found by participant code

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from alembic import op
import sqlalchemy as sa


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL: not a naloxone product (a 2-dose nasal kit: 2), for the program report's doses.
    op.add_column("items", sa.Column("doses", sa.Integer(), nullable=True))
    # The program report asks whether a code was seen before a period, in imported handouts too.
    op.create_index(
        "ix_movements_participant_at",
        "movements",
        ["participant", "occurred_at"],
        sqlite_where=sa.text("participant IS NOT NULL"),
        postgresql_where=sa.text("participant IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_movements_participant_at", table_name="movements")
    with op.batch_alter_table("items") as batch_op:
        batch_op.drop_column("doses")
