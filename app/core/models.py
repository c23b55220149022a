"""The kernel's own tables (migration 0012): accounts and the audit trail."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Account(SQLModel, table=True):
    """A person who uses Régie, with a role (``app.core.access.Role`` key)."""

    __table_args__ = (UniqueConstraint("badge_sha256"),)

    id: int | None = Field(default=None, primary_key=True)
    #: Unique regardless of case (an ``upper(name)`` index).
    name: str
    full_name: str = ""
    role: str
    #: argon2id hash; empty: no password set.
    password_hash: str = ""
    #: SHA-256 (hex) of the badge's barcode; None: no badge.
    badge_sha256: str | None = None
    auto_login: bool = False
    disabled: bool = False
    failed_logins: int = 0
    locked_until: dt.datetime | None = None
    last_login_at: dt.datetime | None = None
    created_at: dt.datetime
    created_by: str = ""


class AuditEvent(SQLModel, table=True):
    """One row written: who, when (UTC), where, what, before and after (JSON)."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_account", "account", "at"),
        Index("ix_audit_event_entity", "entity", "entity_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(index=True)
    account: str
    workstation: str = ""
    entity: str
    entity_id: str = ""
    action: str
    before: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    after: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
