"""Sync between the central and van laptops: the pairs, records set aside, the codes a laptop
knows, and where and when each synced movement and visit was written and arrived

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_peers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("peer_id", sa.String(length=36), nullable=False, unique=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("location_id", sa.Integer(), sa.ForeignKey("locations.id"), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("central_url", sa.String(length=500), nullable=True),
        sa.Column("sent_movements", sa.Integer(), nullable=False),
        sa.Column("sent_visits", sa.Integer(), nullable=False),
        sa.Column("received_movements", sa.Integer(), nullable=False),
        sa.Column("received_visits", sa.Integer(), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_received_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "sync_set_aside",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("peer_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=True),
        sa.Column("dismissed_by", sa.String(length=64), nullable=True),
    )
    op.create_index("uq_sync_set_aside", "sync_set_aside", ["peer_id", "kind", "uid"], unique=True)
    op.create_table("participant_codes", sa.Column("code", sa.String(length=32), primary_key=True))
    for table in ("movements", "visits"):
        op.add_column(table, sa.Column("origin", sa.String(length=36), nullable=True))
        op.add_column(table, sa.Column("arrived_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in ("visits", "movements"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("arrived_at")
            batch_op.drop_column("origin")
    op.drop_table("participant_codes")
    op.drop_index("uq_sync_set_aside", table_name="sync_set_aside")
    op.drop_table("sync_set_aside")
    op.drop_table("sync_peers")
