"""Row seals: the canonical serialization of an issued document's rows and of a payment,
and the hash chain over them (table ``record_seal``, append-only; migration 0010).

Defined once, here, and used by the migration that seals the rows issued before it, by
issuing and payments (sealing in the transaction that writes the row) and by
``invoicing.integrity`` (recomputing). It reads the rows with plain SQL, values exactly as
SQLite stores them (integers, text; dates as 'YYYY-MM-DD', times as SQLAlchemy writes
them), so nothing in an ORM's conversions can change a seal. The column lists are fixed:
a column added later is not covered unless a new ``VERSION`` seals it.

A seal holds a hash per part (``parts``: the header — number, kind, series, dates,
customer, booking, cited invoice, buyer, reason, issuer —, the amounts, the lines, the
frozen document JSON; for a payment, the payment row), so a check can say which part
changed; ``row_sha256`` hashes the parts, and ``chain_hash`` links every seal to the one
before it (``GENESIS`` first).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, Protocol

from sqlalchemy import UniqueConstraint, text
from sqlmodel import Field, SQLModel

VERSION = 1
GENESIS = "0" * 64
DOCUMENT = "document"
PAYMENT = "payment"

HEADER_COLUMNS = (
    "id",
    "kind",
    "number",
    "series",
    "year",
    "sequence",
    "issue_date",
    "due_date",
    "booking_id",
    "customer_id",
    "cites_id",
    "buyer_name",
    "reason",
    "issued_at",
    "issued_by",
)
AMOUNT_COLUMNS = ("net_cents", "vat_cents", "gross_cents")
LINE_COLUMNS = (
    "id",
    "position",
    "covers",
    "covered_quantity",
    "description",
    "quantity",
    "net_cents",
    "vat_category",
    "vat_rate_bp",
    "credits_position",
)
PAYMENT_COLUMNS = (
    "id",
    "document_id",
    "amount_cents",
    "date",
    "method",
    "reference",
    "reverses",
    "deposit_id",
    "recorded_at",
    "recorded_by",
)


class RecordSeal(SQLModel, table=True):
    """One seal (append-only: the migration's triggers refuse UPDATE and DELETE)."""

    __tablename__ = "record_seal"
    __table_args__ = (UniqueConstraint("kind", "ref_id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # DOCUMENT or PAYMENT
    ref_id: int
    #: The issued document (the payment's invoice), to name it when its row is gone.
    document_id: int = Field(index=True)
    parts: str
    row_sha256: str
    prev_hash: str
    chain_hash: str = Field(unique=True)


class Connection(Protocol):
    """SQLAlchemy's ``Connection`` (the migration's bind, or a session's connection)."""

    def execute(self, statement: Any, parameters: Any = ...) -> Any: ...

    def exec_driver_sql(self, statement: str, parameters: Any = ...) -> Any: ...


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical(value: object) -> str:
    """The one canonical JSON text: sorted keys, no spaces, ASCII."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _plain(value: object) -> object:
    """A column's value as SQLite stores it, whichever engine read it: the same row hashes
    the same on a file and on a server (``regie db copy`` keeps every seal valid)."""
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, bool):  # before int: a PostgreSQL boolean is SQLite's 0 or 1
        return int(value)
    if value is None or isinstance(value, int | str):
        return value
    if isinstance(value, dt.datetime):  # SQLAlchemy's SQLite storage format
        return value.strftime("%Y-%m-%d %H:%M:%S.") + f"{value.microsecond:06d}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)  # never expected from either engine's types, but stable if it happens


def _row(
    conn: Connection, columns: tuple[str, ...], sql: str, params: dict[str, object]
) -> dict[str, object] | None:
    found = conn.execute(text(sql.format(cols=", ".join(columns))), params).first()
    if found is None:
        return None
    return {c: _plain(v) for c, v in zip(columns, found, strict=True)}


def document_parts(conn: Connection, document_id: int) -> dict[str, str] | None:
    """The part hashes of issued document ``document_id`` (None: no such row)."""
    columns = HEADER_COLUMNS + AMOUNT_COLUMNS + ("document_json",)
    row = _row(
        conn, columns, "SELECT {cols} FROM issued_document WHERE id = :id", {"id": document_id}
    )
    if row is None:
        return None
    lines = [
        {c: _plain(v) for c, v in zip(LINE_COLUMNS, found, strict=True)}
        for found in conn.execute(
            text(
                f"SELECT {', '.join(LINE_COLUMNS)} FROM issued_line WHERE document_id = :id "
                "ORDER BY position, id"
            ),
            {"id": document_id},
        ).all()
    ]
    return {
        "v": str(VERSION),
        "header": _sha(canonical({c: row[c] for c in HEADER_COLUMNS})),
        "amounts": _sha(canonical({c: row[c] for c in AMOUNT_COLUMNS})),
        "lines": _sha(canonical(lines)),
        "document": _sha(canonical(row["document_json"])),
    }


def payment_parts(conn: Connection, payment_id: int) -> dict[str, str] | None:
    row = _row(
        conn, PAYMENT_COLUMNS, "SELECT {cols} FROM payment WHERE id = :id", {"id": payment_id}
    )
    if row is None:
        return None
    return {"v": str(VERSION), "payment": _sha(canonical(row))}


def parts_of(conn: Connection, kind: str, ref_id: int) -> dict[str, str] | None:
    return document_parts(conn, ref_id) if kind == DOCUMENT else payment_parts(conn, ref_id)


def row_hash(parts_json: str) -> str:
    return _sha(parts_json)


def link(prev: str, kind: str, ref_id: int, document_id: int, row_sha: str) -> str:
    return _sha(f"{prev}|{kind}|{ref_id}|{document_id}|{row_sha}")


def tail(conn: Connection) -> str:
    found = conn.exec_driver_sql(
        "SELECT chain_hash FROM record_seal ORDER BY id DESC LIMIT 1"
    ).first()
    return str(found[0]) if found is not None else GENESIS


def append(conn: Connection, kind: str, ref_id: int, document_id: int) -> str:
    """Seal row ``ref_id`` of ``kind`` (of document ``document_id``) at the chain's end,
    in the caller's (write) transaction; returns the new chain hash."""
    parts = parts_of(conn, kind, ref_id)
    if parts is None:
        raise LookupError(f"no {kind} {ref_id} to seal")
    parts_json = canonical(parts)
    row_sha = row_hash(parts_json)
    prev = tail(conn)
    chain_hash = link(prev, kind, ref_id, document_id, row_sha)
    conn.execute(
        text(
            "INSERT INTO record_seal (kind, ref_id, document_id, parts, row_sha256, prev_hash, "
            "chain_hash) VALUES (:kind, :ref_id, :document_id, :parts, :row_sha256, :prev, "
            ":chain)"
        ),
        {
            "kind": kind,
            "ref_id": ref_id,
            "document_id": document_id,
            "parts": parts_json,
            "row_sha256": row_sha,
            "prev": prev,
            "chain": chain_hash,
        },
    )
    return chain_hash
