"""van load-outs and close-outs

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "closeouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("return_to_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("counted_at", sa.DateTime(), nullable=False),
        sa.Column("counted_by", sa.String(length=64), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_closeouts_location_id_locations")),
        sa.ForeignKeyConstraint(["return_to_id"], ["locations.id"], name=op.f("fk_closeouts_return_to_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closeouts")),
    )
    with op.batch_alter_table("closeouts", schema=None) as batch_op:
        batch_op.create_index("ix_closeouts_location_day", ["location_id", "day"], unique=False)

    op.create_table(
        "loadouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_location_id", sa.Integer(), nullable=False),
        sa.Column("to_location_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("crew", sa.String(length=200), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_location_id"], ["locations.id"], name=op.f("fk_loadouts_from_location_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["to_location_id"], ["locations.id"], name=op.f("fk_loadouts_to_location_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loadouts")),
    )
    with op.batch_alter_table("loadouts", schema=None) as batch_op:
        batch_op.create_index("ix_loadouts_to_day", ["to_location_id", "day"], unique=False)

    op.create_table(
        "loadout_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loadout_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("par", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("short", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_loadout_lines_item_id_items")),
        sa.ForeignKeyConstraint(["loadout_id"], ["loadouts.id"], name=op.f("fk_loadout_lines_loadout_id_loadouts")),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_loadout_lines_lot_id_lots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loadout_lines")),
    )
    with op.batch_alter_table("loadout_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loadout_lines_loadout_id"), ["loadout_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("loadout_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loadout_lines_loadout_id"))

    op.drop_table("loadout_lines")
    with op.batch_alter_table("loadouts", schema=None) as batch_op:
        batch_op.drop_index("ix_loadouts_to_day")

    op.drop_table("loadouts")
    with op.batch_alter_table("closeouts", schema=None) as batch_op:
        batch_op.drop_index("ix_closeouts_location_day")

    op.drop_table("closeouts")
