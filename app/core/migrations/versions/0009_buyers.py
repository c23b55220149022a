"""Customers beyond French companies and public buyers: a customer may be a public body
paid through Chorus Pro (with its service code); a booking carries the buyer's own
references (BT-10 buyer reference, BT-13 purchase order or commitment number); an item
type may be an exempt operation, with the legal article printed on the invoice.

Plain ``ADD COLUMN`` (no table rebuild): SQLite keeps every trigger as it is.

Revision ID: 0009_buyers
Revises: 0008_code_keys
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_buyers"
down_revision = "0008_code_keys"
branch_labels = None
depends_on = None

COLUMNS = (
    ("customer", sa.Column("public_buyer", sa.Boolean(), nullable=False, server_default="0")),
    ("customer", sa.Column("service_code", sa.String(), nullable=False, server_default="")),
    ("booking", sa.Column("buyer_reference", sa.String(), nullable=False, server_default="")),
    ("booking", sa.Column("order_reference", sa.String(), nullable=False, server_default="")),
    ("item_rate", sa.Column("vat_exemption", sa.String(), nullable=False, server_default="")),
)


def upgrade() -> None:
    for table, column in COLUMNS:
        op.add_column(table, column)
    # Communes were the public buyers before the flag existed.
    customer = sa.table("customer", sa.column("public_buyer", sa.Boolean), sa.column("category"))
    op.execute(customer.update().where(customer.c.category == "commune").values(public_buyer=True))


def downgrade() -> None:
    for table, column in reversed(COLUMNS):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column.name)
