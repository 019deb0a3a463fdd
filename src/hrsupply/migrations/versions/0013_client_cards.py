"""Client cards: which card of a participant code was printed when, and the sync pair's
confirmed card ids

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "client_cards",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("location_id", sa.Integer(), sa.ForeignKey("locations.id"), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=True),
        sa.Column("arrived_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_client_cards_code", "client_cards", ["code"])
    op.create_index("uq_client_cards_uid", "client_cards", ["uid"], unique=True)
    for column in ("sent_cards", "received_cards"):
        op.add_column("sync_peers", sa.Column(column, sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("sync_peers") as batch_op:
        batch_op.drop_column("received_cards")
        batch_op.drop_column("sent_cards")
    op.drop_index("uq_client_cards_uid", table_name="client_cards")
    op.drop_index("ix_client_cards_code", table_name="client_cards")
    op.drop_table("client_cards")
