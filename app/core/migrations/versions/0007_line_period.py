"""Booking lines mirror their booking's period and status, indexed for the availability
engine (a type's holding lines by one index range).

Revision ID: 0007_line_period
Revises: 0006_invoicing
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_line_period"
down_revision = "0006_invoicing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("booking_line") as batch:
        batch.add_column(sa.Column("start", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("end", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("status", sa.String(), nullable=False, server_default=""))
    op.execute(
        'UPDATE booking_line SET start = (SELECT b.start FROM booking b WHERE b.id = '
        'booking_line.booking_id), "end" = (SELECT b."end" FROM booking b WHERE b.id = '
        "booking_line.booking_id), status = (SELECT b.status FROM booking b WHERE b.id = "
        "booking_line.booking_id)"
    )
    op.create_index(
        "ix_booking_line_type_status_end", "booking_line", ["item_type_id", "status", "end"]
    )
    op.create_index("ix_booking_line_status_end", "booking_line", ["status", "end"])


def downgrade() -> None:
    op.drop_index("ix_booking_line_status_end", "booking_line")
    op.drop_index("ix_booking_line_type_status_end", "booking_line")
    with op.batch_alter_table("booking_line") as batch:
        batch.drop_column("status")
        batch.drop_column("end")
        batch.drop_column("start")
