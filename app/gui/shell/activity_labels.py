"""How the Activity screen names what the audit trail recorded: tables, records (by their
human reference), columns (``booking_id`` reads "réservation"), masked values, and a
write's changes in one line."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from app import i18n
from app.core import audit, audit_queries
from app.core.audit_queries import AuditRow

tr = QCoreApplication.translate


def entity_label(entity: str) -> str:
    """A table as people call it ("Réservation"); its name when it has no label."""
    known = audit_queries.ENTITY_LABELS.get(entity)
    return i18n.label(known) if known else entity


def action_label(action: str) -> str:
    known = audit_queries.ACTION_LABELS.get(action)
    return i18n.label(known) if known else action


def record_label(row: AuditRow) -> str:
    """The record as people name it: "Réservation R-2026-0393", "Compte alice"; its table's
    label and internal id when it has no reference."""
    return f"{entity_label(row.entity)} {row.reference or row.entity_id}".strip()


def column_label(name: str) -> str:
    """A recorded column as people call it ("Réservation" for ``booking_id``); the column's
    own name when it has no label."""
    known = _column_labels().get(name)
    return known if known else name


def _column_labels() -> dict[str, str]:
    return {
        "id": tr("ActivityColumns", "internal id"),
        "name": tr("ActivityColumns", "name"),
        "full_name": tr("ActivityColumns", "full name"),
        "role": tr("ActivityColumns", "role"),
        "password_hash": tr("ActivityColumns", "password"),
        "badge_sha256": tr("ActivityColumns", "badge"),
        "auto_login": tr("ActivityColumns", "logs in automatically"),
        "disabled": tr("ActivityColumns", "disabled"),
        "failed_logins": tr("ActivityColumns", "wrong passwords in a row"),
        "locked_until": tr("ActivityColumns", "locked until"),
        "last_login_at": tr("ActivityColumns", "last login"),
        "created_at": tr("ActivityColumns", "created at"),
        "created_by": tr("ActivityColumns", "created by"),
        "reference": tr("ActivityColumns", "reference"),
        "number": tr("ActivityColumns", "number"),
        "code": tr("ActivityColumns", "code"),
        "barcode": tr("ActivityColumns", "barcode"),
        "serial": tr("ActivityColumns", "serial number"),
        "status": tr("ActivityColumns", "status"),
        "kind": tr("ActivityColumns", "kind"),
        "category": tr("ActivityColumns", "category"),
        "location": tr("ActivityColumns", "location"),
        "notes": tr("ActivityColumns", "notes"),
        "note": tr("ActivityColumns", "note"),
        "quantity": tr("ActivityColumns", "quantity"),
        "start": tr("ActivityColumns", "start"),
        "end": tr("ActivityColumns", "end"),
        "use_start": tr("ActivityColumns", "use from"),
        "use_end": tr("ActivityColumns", "use until"),
        "event": tr("ActivityColumns", "event"),
        "venue": tr("ActivityColumns", "venue"),
        "email": tr("ActivityColumns", "email"),
        "phone": tr("ActivityColumns", "phone"),
        "address": tr("ActivityColumns", "address"),
        "postcode": tr("ActivityColumns", "postcode"),
        "city": tr("ActivityColumns", "city"),
        "booking_id": tr("ActivityColumns", "booking"),
        "item_type_id": tr("ActivityColumns", "item type"),
        "unit_id": tr("ActivityColumns", "unit"),
        "customer_id": tr("ActivityColumns", "customer"),
        "document_id": tr("ActivityColumns", "document"),
        "owner_id": tr("ActivityColumns", "owner"),
        "case_id": tr("ActivityColumns", "case"),
        "kit_id": tr("ActivityColumns", "kit"),
        "direction": tr("ActivityColumns", "direction"),
        "condition": tr("ActivityColumns", "condition"),
        "at": tr("ActivityColumns", "at"),
        "date": tr("ActivityColumns", "date"),
        "user": tr("ActivityColumns", "person"),
        "station": tr("ActivityColumns", "workstation"),
        "amount_cents": tr("ActivityColumns", "amount (cents)"),
        "method": tr("ActivityColumns", "method"),
        "issued_at": tr("ActivityColumns", "issued at"),
        "issued_by": tr("ActivityColumns", "issued by"),
        "recorded_by": tr("ActivityColumns", "recorded by"),
        "value": tr("ActivityColumns", "value"),
        "opened_on": tr("ActivityColumns", "opened on"),
        "closed_on": tr("ActivityColumns", "closed on"),
        "key": tr("ActivityColumns", "setting"),
    }


def shown(value: Any) -> str:
    """A recorded value as a cell shows it: text as is (a masked secret or personal value
    in the user's language), the rest as JSON, None as "—"."""
    if value is None:
        return "—"
    if value == audit.HIDDEN:
        return tr("ActivityView", "(hidden)")
    if value == audit.PERSONAL_MARK:
        return tr("ActivityView", "(personal)")
    if isinstance(value, bool):
        return tr("ActivityView", "yes") if value else tr("ActivityView", "no")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def changes_summary(row: AuditRow, most: int = 4) -> str:
    """What a write set: "name: A → B" for an update, the values a created or deleted row
    held otherwise (its id and empty columns left out; the first ``most``)."""
    before, after = row.before or {}, row.after or {}
    if row.action == "update":
        names = row.changed
        parts = [
            f"{column_label(n)}: {_short(before.get(n))} → {_short(after.get(n))}" for n in names
        ]
    else:
        values = after if row.after is not None else before
        parts = [
            f"{column_label(n)}: {_short(v)}"
            for n, v in values.items()
            if n != "id" and v not in (None, "")
        ]
    more = len(parts) - most
    return "; ".join(parts[:most]) + (f"; +{more}" if more > 0 else "")


def _short(value: Any) -> str:
    text = shown(value)
    return text if len(text) <= 30 else text[:29] + "…"
