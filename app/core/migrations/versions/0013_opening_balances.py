"""Opening balances: invoices left unpaid in the previous tool, brought in as opening
entries of their customers (not Régie invoices: no number of Régie's series, no
Factur-X), and what is paid on them afterwards.

``opening_balance``: one entry per unpaid invoice of the previous tool — its reference
there (unique), the customer, its issue and due dates, the amount still owed (incl. VAT),
a label. ``opening_payment``: a payment against an entry; a correction is a reversing
entry (negative amount naming the entry it cancels), as for ``payment``. Both are
append-only: triggers refuse UPDATE and DELETE on both engines.

Revision ID: 0013_opening_balances
Revises: 0012_accounts_audit
"""

import sqlalchemy as sa
from alembic import op

from app.core import dialect

revision = "0013_opening_balances"
down_revision = "0012_accounts_audit"
branch_labels = None
depends_on = None

MESSAGE = "opening entries are append-only"
TABLES = ("opening_balance", "opening_payment")


def upgrade() -> None:
    op.create_table(
        "opening_balance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False, server_default=""),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_opening_balance_reference", "opening_balance", ["reference"], unique=True)
    op.create_index("ix_opening_balance_customer_id", "opening_balance", ["customer_id"])
    op.create_table(
        "opening_payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opening_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("reference", sa.String(), nullable=False, server_default=""),
        sa.Column("reverses", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["opening_id"], ["opening_balance.id"]),
        sa.ForeignKeyConstraint(["reverses"], ["opening_payment.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reverses"),
    )
    op.create_index("ix_opening_payment_opening_id", "opening_payment", ["opening_id"])
    name = dialect.name_of(op.get_bind())
    for table in TABLES:
        for statement in dialect.refuse_changes(name, table, ("UPDATE", "DELETE"), MESSAGE):
            op.execute(statement)


def downgrade() -> None:
    name = dialect.name_of(op.get_bind())
    for table in TABLES:
        for action in ("update", "delete"):
            op.execute(dialect.drop_trigger(name, table, f"{table}_no_{action}"))
    op.drop_index("ix_opening_payment_opening_id", table_name="opening_payment")
    op.drop_table("opening_payment")
    op.drop_index("ix_opening_balance_customer_id", table_name="opening_balance")
    op.drop_index("ix_opening_balance_reference", table_name="opening_balance")
    op.drop_table("opening_balance")
