"""Row seals: an append-only, hash-chained table sealing every issued document's rows
(number, dates, buyer, amounts, lines, frozen JSON) and every payment, so that
``regie verify`` can name a document changed behind Régie's back. The rows issued before
this migration are sealed here, as they are now, with the same canonical serialization
(``app.core.seals``) the application uses: from then on a row without a seal is one that
did not come through Régie.

Revision ID: 0010_integrity
Revises: 0009_buyers
"""

import sqlalchemy as sa
from alembic import op

from app.core import dialect, seals

revision = "0010_integrity"
down_revision = "0009_buyers"
branch_labels = None
depends_on = None

TRIGGERS = ("record_seal_no_update", "record_seal_no_delete")


def upgrade() -> None:
    op.create_table(
        "record_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("parts", sa.String(), nullable=False),
        sa.Column("row_sha256", sa.String(), nullable=False),
        sa.Column("prev_hash", sa.String(), nullable=False),
        sa.Column("chain_hash", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "ref_id"),
        sa.UniqueConstraint("chain_hash"),
    )
    op.create_index(op.f("ix_record_seal_document_id"), "record_seal", ["document_id"])
    conn = op.get_bind()
    for statement in dialect.refuse_changes(
        dialect.name_of(conn), "record_seal", ("UPDATE", "DELETE"), "issued documents are immutable"
    ):
        op.execute(statement)
    # Documents and payments in the order they were written (ids grow with time).
    documents = [r[0] for r in conn.exec_driver_sql("SELECT id FROM issued_document ORDER BY id")]
    payments = conn.exec_driver_sql("SELECT id, document_id FROM payment ORDER BY id").all()
    for document_id in documents:
        seals.append(conn, seals.DOCUMENT, document_id, document_id)
    for payment_id, document_id in payments:
        seals.append(conn, seals.PAYMENT, payment_id, document_id)


def downgrade() -> None:
    engine = dialect.name_of(op.get_bind())
    for name in TRIGGERS:
        op.execute(dialect.drop_trigger(engine, "record_seal", name))
    op.drop_index(op.f("ix_record_seal_document_id"), "record_seal")
    op.drop_table("record_seal")
