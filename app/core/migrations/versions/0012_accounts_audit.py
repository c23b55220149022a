"""People and their roles, and the audit trail.

``account``: one row per person who uses Régie, with a role (technician, staff, manager,
admin), an argon2id password hash (empty: none set), a badge (the SHA-256 of its barcode,
for logging in at the desk by scanning it), locking after repeated failures. The embedded
SQLite file starts with one administrator, ``admin``, who logs in automatically (so first
use stays two commands); a PostgreSQL server's ``admin`` must be given a password.

``audit_event``: every write, who (account), when, from which workstation, which entity
(table and id), the action and the row before and after (JSON). Append-only: triggers
refuse UPDATE and DELETE on both engines.

Revision ID: 0012_accounts_audit
Revises: 0011_member_numbers
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from app.core import dialect

revision = "0012_accounts_audit"
down_revision = "0011_member_numbers"
branch_labels = None
depends_on = None

AUDIT_MESSAGE = "the audit trail is append-only"


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False, server_default=""),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("password_hash", sa.String(), nullable=False, server_default=""),
        sa.Column("badge_sha256", sa.String(), nullable=True),
        sa.Column("auto_login", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("badge_sha256"),
    )
    op.create_index("ix_account_name_upper", "account", [sa.text("upper(name)")], unique=True)
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("account", sa.String(), nullable=False),
        sa.Column("workstation", sa.String(), nullable=False, server_default=""),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False, server_default=""),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_event_at", "audit_event", ["at"])
    op.create_index("ix_audit_event_account", "audit_event", ["account", "at"])
    op.create_index("ix_audit_event_entity", "audit_event", ["entity", "entity_id"])
    name = dialect.name_of(op.get_bind())
    for statement in dialect.refuse_changes(
        name, "audit_event", ("UPDATE", "DELETE"), AUDIT_MESSAGE
    ):
        op.execute(statement)
    accounts = sa.table(
        "account",
        sa.column("name", sa.String),
        sa.column("full_name", sa.String),
        sa.column("role", sa.String),
        sa.column("auto_login", sa.Boolean),
        sa.column("created_at", sa.DateTime),
        sa.column("created_by", sa.String),
    )
    op.bulk_insert(
        accounts,
        [
            {
                "name": "admin",
                "full_name": "Administrateur",
                "role": "admin",
                "auto_login": name == dialect.SQLITE,
                "created_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                "created_by": "system",
            }
        ],
    )


def downgrade() -> None:
    name = dialect.name_of(op.get_bind())
    for action in ("update", "delete"):
        op.execute(dialect.drop_trigger(name, "audit_event", f"audit_event_no_{action}"))
    op.drop_table("audit_event")
    op.drop_index("ix_account_name_upper", table_name="account")
    op.drop_table("account")
