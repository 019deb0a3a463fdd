"""database_id: each database's own id, so that pruning backups only ever removes its own copies

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


def downgrade() -> None:
    op.execute("DELETE FROM settings WHERE key = 'database_id'")
