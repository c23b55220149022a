"""Codes are compared without case (scanners with Caps Lock, labels written in lower case):
an index on ``upper(code)`` for each scanned code, so such a lookup stays one index probe.

Revision ID: 0008_code_keys
Revises: 0007_line_period
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_code_keys"
down_revision = "0007_line_period"
branch_labels = None
depends_on = None

KEYS = (
    ("ix_unit_barcode_key", "unit", "barcode"),
    ("ix_item_type_barcode_key", "item_type", "barcode"),
    ("ix_item_type_code_key", "item_type", "code"),
    ("ix_case_barcode_key", "case", "barcode"),
    ("ix_kit_code_key", "kit", "code"),
)


def upgrade() -> None:
    for name, table, column in KEYS:
        op.create_index(name, table, [sa.text(f"upper({column})")])


def downgrade() -> None:
    for name, table, _column in KEYS:
        op.drop_index(name, table_name=table)
