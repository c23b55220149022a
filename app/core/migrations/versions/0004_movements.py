"""Desk movements: the ledger of check-outs and check-ins.

Revision ID: 0004_movements
Revises: 0003_customers_bookings
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_movements"
down_revision = "0003_customers_bookings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "movement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("condition", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("station", sa.String(), nullable=False),
        sa.Column("undoes", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["booking.id"],
        ),
        sa.ForeignKeyConstraint(
            ["item_type_id"],
            ["item_type.id"],
        ),
        sa.ForeignKeyConstraint(
            ["undoes"],
            ["movement.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_movement_booking_id"), "movement", ["booking_id"], unique=False)
    op.create_index(op.f("ix_movement_item_type_id"), "movement", ["item_type_id"], unique=False)
    op.create_index(op.f("ix_movement_undoes"), "movement", ["undoes"], unique=False)
    op.create_index("ix_movement_unit_id_id", "movement", ["unit_id", "id"], unique=False)


def downgrade() -> None:
    op.drop_table("movement")
