"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=500), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("movement_rows", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imports")),
        sa.UniqueConstraint("digest", name=op.f("uq_imports_digest")),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("lot_tracked", sa.Boolean(), nullable=False),
        sa.Column("barcode", sa.String(length=64), nullable=True),
        sa.Column("reorder_point", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("limit_quantity", sa.Integer(), nullable=True),
        sa.Column("limit_days", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("sku", name=op.f("uq_items_sku")),
    )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_items_barcode"), ["barcode"], unique=False)

    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("code", name=op.f("uq_locations_code")),
    )
    op.create_table(
        "presets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presets")),
        sa.UniqueConstraint("name", name=op.f("uq_presets_name")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lot_number", sa.String(length=64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_lots_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lots")),
        sa.UniqueConstraint("item_id", "lot_number", name="uq_lots_item_lot_number"),
    )
    op.create_table(
        "par_levels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("par", sa.Integer(), nullable=False),
        sa.Column("min", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_par_levels_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_par_levels_location_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_par_levels")),
        sa.UniqueConstraint("location_id", "item_id", name="uq_par_levels_location_item"),
    )
    op.create_table(
        "preset_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preset_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_preset_lines_item_id_items")),
        sa.ForeignKeyConstraint(["preset_id"], ["presets.id"], name=op.f("fk_preset_lines_preset_id_presets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preset_lines")),
    )
    with op.batch_alter_table("preset_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_preset_lines_preset_id"), ["preset_id"], unique=False)

    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("participant", sa.String(length=32), nullable=True),
        sa.Column("syringes_returned", sa.Integer(), nullable=False),
        sa.Column("returned_estimated", sa.Boolean(), nullable=False),
        sa.Column("collecting_for", sa.Integer(), nullable=False),
        sa.Column("naloxone_reason", sa.String(length=32), nullable=True),
        sa.Column("reversals_reported", sa.Integer(), nullable=False),
        sa.Column("from_tally", sa.Boolean(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_visits_location_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index("ix_visits_location_at", ["location_id", "occurred_at"], unique=False)
        batch_op.create_index("ix_visits_participant_at", ["participant", "occurred_at"], unique=False)

    op.create_table(
        "balances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("lot_key", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_balances_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_balances_location_id_locations")),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_balances_lot_id_lots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_balances")),
    )
    with op.batch_alter_table("balances", schema=None) as batch_op:
        batch_op.create_index("ix_balances_item", ["item_id"], unique=False)
        batch_op.create_index(
            "ix_balances_stocked",
            ["location_id", "item_id"],
            unique=False,
            sqlite_where=sa.text("quantity <> 0"),
            postgresql_where=sa.text("quantity <> 0"),
        )
        batch_op.create_index("uq_balances_key", ["location_id", "item_id", "lot_key"], unique=True)

    op.create_table(
        "movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("to_location_id", sa.Integer(), nullable=True),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("participant", sa.String(length=32), nullable=True),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["imports.id"], name=op.f("fk_movements_import_id_imports")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_movements_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_movements_location_id_locations")),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_movements_lot_id_lots")),
        sa.ForeignKeyConstraint(["reverses_id"], ["movements.id"], name=op.f("fk_movements_reverses_id_movements")),
        sa.ForeignKeyConstraint(
            ["to_location_id"], ["locations.id"], name=op.f("fk_movements_to_location_id_locations")
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_movements_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movements")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_movements_reverses_id")),
    )
    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.create_index("ix_movements_loc_item_at", ["location_id", "item_id", "occurred_at", "id"], unique=False)
        batch_op.create_index("ix_movements_occurred_at", ["occurred_at"], unique=False)
        batch_op.create_index(
            "ix_movements_to_item_at", ["to_location_id", "item_id", "occurred_at", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_movements_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "visit_referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("referral", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_visit_referrals_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_referrals")),
    )
    with op.batch_alter_table("visit_referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_referrals_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit_referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_referrals_visit_id"))

    op.drop_table("visit_referrals")
    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_movements_visit_id"))
        batch_op.drop_index("ix_movements_to_item_at")
        batch_op.drop_index("ix_movements_occurred_at")
        batch_op.drop_index("ix_movements_loc_item_at")

    op.drop_table("movements")
    with op.batch_alter_table("balances", schema=None) as batch_op:
        batch_op.drop_index("uq_balances_key")
        batch_op.drop_index(
            "ix_balances_stocked", sqlite_where=sa.text("quantity <> 0"), postgresql_where=sa.text("quantity <> 0")
        )
        batch_op.drop_index("ix_balances_item")

    op.drop_table("balances")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_participant_at")
        batch_op.drop_index("ix_visits_location_at")

    op.drop_table("visits")
    with op.batch_alter_table("preset_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_preset_lines_preset_id"))

    op.drop_table("preset_lines")
    op.drop_table("par_levels")
    op.drop_table("lots")
    op.drop_table("settings")
    op.drop_table("presets")
    op.drop_table("locations")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_items_barcode"))

    op.drop_table("items")
    op.drop_table("imports")
