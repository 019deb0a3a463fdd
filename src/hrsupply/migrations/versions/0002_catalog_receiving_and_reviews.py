"""catalog, receiving and reviews

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Items get several barcodes, each tied to a pack size: the one barcode an item had moves to
`barcodes` as its base-unit code. Receipts, sources, kits and reviews are new.
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_receipts_location_id_locations")),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_receipts_source_id_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
    )
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.create_index("ix_receipts_occurred_at", ["occurred_at"], unique=False)

    op.create_table(
        "kit_components",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kit_id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["component_id"], ["items.id"], name=op.f("fk_kit_components_component_id_items")),
        sa.ForeignKeyConstraint(["kit_id"], ["items.id"], name=op.f("fk_kit_components_kit_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kit_components")),
        sa.UniqueConstraint("kit_id", "component_id", name="uq_kit_components_kit_component"),
    )
    op.create_table(
        "pack_sizes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_pack_sizes_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_sizes")),
        sa.UniqueConstraint("item_id", "name", name="uq_pack_sizes_item_name"),
    )
    op.create_table(
        "barcodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("pack_size_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_barcodes_item_id_items")),
        sa.ForeignKeyConstraint(["pack_size_id"], ["pack_sizes.id"], name=op.f("fk_barcodes_pack_size_id_pack_sizes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_barcodes")),
        sa.UniqueConstraint("code", name=op.f("uq_barcodes_code")),
    )
    with op.batch_alter_table("barcodes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_barcodes_item_id"), ["item_id"], unique=False)

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["movement_id"], ["movements.id"], name=op.f("fk_reviews_movement_id_movements")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sa.UniqueConstraint("movement_id", name=op.f("uq_reviews_movement_id")),
    )
    op.execute("INSERT INTO barcodes (code, item_id) SELECT barcode, id FROM items WHERE barcode IS NOT NULL")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("default_source_id", sa.Integer(), nullable=True))
        batch_op.drop_index(batch_op.f("ix_items_barcode"))
        batch_op.create_foreign_key(
            batch_op.f("fk_items_default_source_id_sources"), "sources", ["default_source_id"], ["id"]
        )
        batch_op.drop_column("barcode")

    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receipt_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_movements_receipt_id"), ["receipt_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_movements_receipt_id_receipts"), "receipts", ["receipt_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_movements_receipt_id_receipts"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_movements_receipt_id"))
        batch_op.drop_column("receipt_id")

    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("barcode", sa.VARCHAR(length=64), nullable=True))
        batch_op.drop_constraint(batch_op.f("fk_items_default_source_id_sources"), type_="foreignkey")
        batch_op.create_index(batch_op.f("ix_items_barcode"), ["barcode"], unique=False)
        batch_op.drop_column("default_source_id")
    op.execute(
        "UPDATE items SET barcode = (SELECT min(code) FROM barcodes "
        "WHERE barcodes.item_id = items.id AND barcodes.pack_size_id IS NULL)"
    )

    op.drop_table("reviews")
    with op.batch_alter_table("barcodes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_barcodes_item_id"))

    op.drop_table("barcodes")
    op.drop_table("pack_sizes")
    op.drop_table("kit_components")
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.drop_index("ix_receipts_occurred_at")

    op.drop_table("receipts")
    op.drop_table("sources")
