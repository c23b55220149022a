"""Invoicing: rates, coefficient tables, deposits, damage charges, issued invoices and
credit notes (immutable, enforced by triggers), numbering sequences and payments.

Revision ID: 0006_invoicing
Revises: 0005_availability_indexes

The refusing triggers come from ``app.core.dialect.refuse_changes``: on SQLite the very
statements this migration always ran (existing files are unchanged), on PostgreSQL one
PL/pgSQL function raising the message, attached ``BEFORE UPDATE``/``BEFORE DELETE``.
"""

import sqlalchemy as sa
from alembic import op

from app.core import dialect

revision = "0006_invoicing"
down_revision = "0005_availability_indexes"
branch_labels = None
depends_on = None

#: Append-only tables: an issued document, its lines, its bytes, and payments.
IMMUTABLE = ("issued_document", "issued_line", "document_file", "payment")

#: The default coefficient table (INVOICING-FR.md §6.1), days -> thousandths.
DEFAULT_STEPS = [(1, 1000), (2, 1500), (3, 2000), (4, 2500), (5, 3000)]
DEFAULT_STEPS += [(d, 3250 + 250 * (d - 6)) for d in range(6, 18)]
DEFAULT_STEPS += [(d, 6000 + 100 * (d - 17)) for d in range(18, 31)]


def upgrade() -> None:
    op.create_table(
        "coefficient_table",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "document_sequence",
        sa.Column("series", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("next_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", "year"),
    )
    op.create_table(
        "price_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_price_category_code"), "price_category", ["code"], unique=True)
    op.create_table(
        "category_rate",
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("day_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["category_id"], ["price_category.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["item_type_id"], ["item_type.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("category_id", "item_type_id"),
    )
    op.create_table(
        "coefficient_step",
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("coefficient_milli", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["table_id"], ["coefficient_table.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("table_id", "days"),
    )
    op.create_table(
        "customer_price_category",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["category_id"], ["price_category.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("customer_id"),
    )
    op.create_index(
        op.f("ix_customer_price_category_category_id"),
        "customer_price_category",
        ["category_id"],
        unique=False,
    )
    op.create_table(
        "family_coefficient",
        sa.Column("family", sa.String(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["table_id"], ["coefficient_table.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("family"),
    )
    op.create_index(
        op.f("ix_family_coefficient_table_id"), "family_coefficient", ["table_id"], unique=False
    )
    op.create_table(
        "item_rate",
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("member_day_cents", sa.Integer(), nullable=False),
        sa.Column("non_member_day_cents", sa.Integer(), nullable=False),
        sa.Column("vat_rate_bp", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["item_type_id"], ["item_type.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_type_id"),
    )
    op.create_table(
        "booking_pricing",
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("coefficient_table_id", sa.Integer(), nullable=True),
        sa.Column("fixed_coefficient_milli", sa.Integer(), nullable=True),
        sa.Column("discount_bp", sa.Integer(), nullable=False),
        sa.Column("minimum_cents", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["booking_id"], ["booking.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["coefficient_table_id"],
            ["coefficient_table.id"],
        ),
        sa.PrimaryKeyConstraint("booking_id"),
    )
    op.create_table(
        "damage_charge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["booking.id"],
        ),
        sa.ForeignKeyConstraint(
            ["item_type_id"],
            ["item_type.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_damage_charge_booking_id"), "damage_charge", ["booking_id"], unique=False
    )
    op.create_table(
        "deposit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("retained_cents", sa.Integer(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["booking.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_deposit_booking_id"), "deposit", ["booking_id"], unique=False)
    op.create_table(
        "issued_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("series", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("cites_id", sa.Integer(), nullable=True),
        sa.Column("buyer_name", sa.String(), nullable=False),
        sa.Column("net_cents", sa.Integer(), nullable=False),
        sa.Column("vat_cents", sa.Integer(), nullable=False),
        sa.Column("gross_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("document_json", sa.String(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["booking.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cites_id"],
            ["issued_document.id"],
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_issued_document_booking_id"), "issued_document", ["booking_id"], unique=False
    )
    op.create_index(
        op.f("ix_issued_document_cites_id"), "issued_document", ["cites_id"], unique=False
    )
    op.create_index(
        op.f("ix_issued_document_customer_id"), "issued_document", ["customer_id"], unique=False
    )
    op.create_index(
        "ix_issued_document_kind_issue_date",
        "issued_document",
        ["kind", "issue_date"],
        unique=False,
    )
    op.create_index(op.f("ix_issued_document_number"), "issued_document", ["number"], unique=True)
    op.create_table(
        "line_discount",
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("discount_bp", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["booking_id"], ["booking.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["item_type_id"],
            ["item_type.id"],
        ),
        sa.PrimaryKeyConstraint("booking_id", "item_type_id"),
    )
    op.create_table(
        "document_file",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("xml", sa.LargeBinary(), nullable=True),
        sa.Column("pdf_sha256", sa.String(), nullable=False),
        sa.Column("xml_sha256", sa.String(), nullable=False),
        sa.Column("prev_chain_hash", sa.String(), nullable=False),
        sa.Column("chain_hash", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["issued_document.id"],
        ),
        sa.PrimaryKeyConstraint("document_id"),
        sa.UniqueConstraint("chain_hash"),
    )
    op.create_table(
        "issued_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("covers", sa.String(), nullable=False),
        sa.Column("covered_quantity", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("quantity", sa.String(), nullable=False),
        sa.Column("net_cents", sa.Integer(), nullable=False),
        sa.Column("vat_category", sa.String(), nullable=False),
        sa.Column("vat_rate_bp", sa.Integer(), nullable=False),
        sa.Column("credits_position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["issued_document.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_issued_line_covers"), "issued_line", ["covers"], unique=False)
    op.create_index(
        op.f("ix_issued_line_document_id"), "issued_line", ["document_id"], unique=False
    )
    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("reference", sa.String(), nullable=False),
        sa.Column("reverses", sa.Integer(), nullable=True),
        sa.Column("deposit_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deposit_id"],
            ["deposit.id"],
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["issued_document.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reverses"],
            ["payment.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reverses"),
    )
    op.create_index("ix_payment_document_id", "payment", ["document_id"], unique=False)

    name = dialect.name_of(op.get_bind())
    for table in IMMUTABLE:
        for statement in dialect.refuse_changes(
            name, table, ("UPDATE", "DELETE"), "issued documents are immutable"
        ):
            op.execute(statement)
    tables = sa.table(
        "coefficient_table",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("is_default", sa.Boolean),
    )
    steps = sa.table(
        "coefficient_step",
        sa.column("table_id", sa.Integer),
        sa.column("days", sa.Integer),
        sa.column("coefficient_milli", sa.Integer),
    )
    op.bulk_insert(tables, [{"id": 1, "name": "Barème standard", "is_default": True}])
    for statement in dialect.follow_ids(name, "coefficient_table"):
        op.execute(statement)
    op.bulk_insert(
        steps, [{"table_id": 1, "days": d, "coefficient_milli": c} for d, c in DEFAULT_STEPS]
    )


def downgrade() -> None:
    name = dialect.name_of(op.get_bind())
    for table in IMMUTABLE:
        for action in ("update", "delete"):
            op.execute(dialect.drop_trigger(name, table, f"{table}_no_{action}"))
    for table in (
        "payment",
        "document_file",
        "issued_line",
        "issued_document",
        "damage_charge",
        "deposit",
        "line_discount",
        "booking_pricing",
        "family_coefficient",
        "customer_price_category",
        "coefficient_step",
        "category_rate",
        "price_category",
        "document_sequence",
        "coefficient_table",
        "item_rate",
    ):
        op.drop_table(table)
