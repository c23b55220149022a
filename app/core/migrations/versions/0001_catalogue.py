"""Catalogue: item types, units, owners, status events, settings.

Revision ID: 0001_catalogue
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_catalogue"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "barcode_sequence",
        sa.Column("prefix", sa.String(), nullable=False),
        sa.Column("next_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix"),
    )
    op.create_table(
        "item_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("manufacturer", sa.String(), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("tracking", sa.String(), nullable=False),
        sa.Column("replacement_value_cents", sa.Integer(), nullable=False),
        sa.Column("deposit_cents", sa.Integer(), nullable=False),
        sa.Column("weight_grams", sa.Integer(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("stock_quantity", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(), nullable=True),
        sa.Column("sale_price_cents", sa.Integer(), nullable=False),
        sa.Column("prep_hours", sa.Integer(), nullable=False),
        sa.Column("deprep_hours", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_item_type_barcode"), "item_type", ["barcode"], unique=True)
    op.create_index(op.f("ix_item_type_category"), "item_type", ["category"], unique=False)
    op.create_index(op.f("ix_item_type_code"), "item_type", ["code"], unique=True)
    op.create_index(op.f("ix_item_type_name"), "item_type", ["name"], unique=False)
    op.create_table(
        "owner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_owner_name"), "owner", ["name"], unique=True)
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "item_photo",
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("thumbnail_png", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["item_type_id"], ["item_type.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_type_id"),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(), nullable=False),
        sa.Column("serial", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("purchase_date", sa.Date(), nullable=True),
        sa.Column("purchase_price_cents", sa.Integer(), nullable=True),
        sa.Column("condition_notes", sa.String(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_type_id"],
            ["item_type.id"],
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owner.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_unit_barcode"), "unit", ["barcode"], unique=True)
    op.create_index(op.f("ix_unit_item_type_id"), "unit", ["item_type_id"], unique=False)
    op.create_index(op.f("ix_unit_owner_id"), "unit", ["owner_id"], unique=False)
    op.create_index(op.f("ix_unit_serial"), "unit", ["serial"], unique=False)
    op.create_index(op.f("ix_unit_status"), "unit", ["status"], unique=False)
    op.create_table(
        "unit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("old_status", sa.String(), nullable=False),
        sa.Column("new_status", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_unit_event_unit_id"), "unit_event", ["unit_id"], unique=False)


def downgrade() -> None:
    for table in (
        "unit_event",
        "unit",
        "item_photo",
        "setting",
        "owner",
        "item_type",
        "barcode_sequence",
    ):
        op.drop_table(table)
