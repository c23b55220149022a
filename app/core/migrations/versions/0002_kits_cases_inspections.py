"""Kits, cases, inspection schedules and logs, repairs.

Revision ID: 0002_kits_cases_inspections
Revises: 0001_catalogue
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_kits_cases_inspections"
down_revision = "0001_catalogue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("permanent", sa.Boolean(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_case_barcode"), "case", ["barcode"], unique=True)
    op.create_table(
        "kit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_kit_code"), "kit", ["code"], unique=True)
    op.create_table(
        "inspection_schedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("interval_months", sa.Integer(), nullable=False),
        sa.Column("at_each_remount", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["item_type_id"], ["item_type.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_inspection_schedule_item_type_id"),
        "inspection_schedule",
        ["item_type_id"],
        unique=False,
    )
    op.create_table(
        "kit_line",
        sa.Column("kit_id", sa.Integer(), nullable=False),
        sa.Column("item_type_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_type_id"],
            ["item_type.id"],
        ),
        sa.ForeignKeyConstraint(["kit_id"], ["kit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("kit_id", "item_type_id"),
    )
    op.create_table(
        "inspection_due",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["schedule_id"], ["inspection_schedule.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id", "schedule_id"),
    )
    op.create_index(op.f("ix_inspection_due_due_on"), "inspection_due", ["due_on"], unique=False)
    op.create_table(
        "inspection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("inspector", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["inspection_schedule.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_inspection_unit_id"), "inspection", ["unit_id"], unique=False)
    op.create_table(
        "repair",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("repairer", sa.String(), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_repair_unit_id"), "repair", ["unit_id"], unique=False)
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_unit_case_id_case", "case", ["case_id"], ["id"])
        batch.create_index("ix_unit_case_id", ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.drop_index("ix_unit_case_id")
        batch.drop_constraint("fk_unit_case_id_case", type_="foreignkey")
        batch.drop_column("case_id")
    for table in (
        "repair",
        "inspection",
        "inspection_due",
        "kit_line",
        "inspection_schedule",
        "kit",
        "case",
    ):
        op.drop_table(table)
