"""Indexes for the availability engine: lines by booking and type, units by type and status.

Revision ID: 0005_availability_indexes
Revises: 0004_movements
"""

from alembic import op

revision = "0005_availability_indexes"
down_revision = "0004_movements"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_booking_line_booking_type", "booking_line", ["booking_id", "item_type_id", "quantity"]
    )
    op.create_index("ix_unit_type_status", "unit", ["item_type_id", "status"])
    op.create_index("ix_booking_status_start", "booking", ["status", "start"])


def downgrade() -> None:
    op.drop_index("ix_booking_status_start", "booking")
    op.drop_index("ix_unit_type_status", "unit")
    op.drop_index("ix_booking_line_booking_type", "booking_line")
