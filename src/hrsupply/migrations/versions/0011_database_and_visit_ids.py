"""database_id and visit ids: each database's own id (pruning backups removes only its own copies),
and each visit's id (an exported visit imported twice is refused, as a movement id is)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

import json
import uuid

from alembic import op
import sqlalchemy as sa


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(settings, [{"key": "database_id", "value": json.dumps(str(uuid.uuid4()))}])
    # Added without a table copy (SQLite), filled for every existing visit, then made unique.
    op.add_column("visits", sa.Column("uid", sa.String(length=36), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "UPDATE visits SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
            "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || "
            "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
        )
    else:
        op.execute("UPDATE visits SET uid = gen_random_uuid()::text")
    op.create_index("uq_visits_uid", "visits", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_visits_uid", table_name="visits")
    with op.batch_alter_table("visits") as batch_op:
        batch_op.drop_column("uid")
    op.execute("DELETE FROM settings WHERE key = 'database_id'")
