"""A member keeps its member number across years: the number is no longer unique per
membership (a renewal repeats it) but per customer, which the service checks
(``booking.customers.add_membership``). The unique index becomes a plain one.

Revision ID: 0011_member_numbers
Revises: 0010_integrity
"""

from alembic import op

revision = "0011_member_numbers"
down_revision = "0010_integrity"
branch_labels = None
depends_on = None

INDEX = "ix_membership_member_number"


def upgrade() -> None:
    op.drop_index(INDEX, table_name="membership")
    op.create_index(INDEX, "membership", ["member_number"], unique=False)


def downgrade() -> None:
    # Fails (as it should) when a renewal repeats a number: the old schema cannot hold it.
    op.drop_index(INDEX, table_name="membership")
    op.create_index(INDEX, "membership", ["member_number"], unique=True)
