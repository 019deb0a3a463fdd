"""users: whether a user's PIN is shorter than the rules now ask

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from alembic import op
import sqlalchemy as sa


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL: not known until the user next signs in (only then is the PIN itself at hand).
    op.add_column("users", sa.Column("short_secret", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("short_secret")
