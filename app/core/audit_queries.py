"""Reading the audit trail: who changed what and when, filtered and paged.

Reading it needs ``Permission.REPORTS`` (a manager: the trail names people and shows the
data before and after). Days are the cooperative's (``clock.tz``): ``start`` and ``end``
are both included. Events come newest first (by id: the order they were written).

Like the other lists, the Activity screen asks for the matching ids first
(``event_ids``) and reads the rows it shows a page at a time (``event_rows``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import column, table
from sqlmodel import col, func, select

from app.core import access
from app.core.access import Permission
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column
from app.core.errors import N_
from app.core.models import AuditEvent

#: What the tables are called to people (Qt context ``messages``); others show their name.
ENTITY_LABELS = {
    "account": N_("Account"),
    "booking": N_("Booking"),
    "booking_line": N_("Booking line"),
    "barcode_sequence": N_("Barcode numbering"),
    "booking_pricing": N_("Booking pricing"),
    "case": N_("Case"),
    "category_rate": N_("Category rate"),
    "coefficient_step": N_("Coefficient step"),
    "coefficient_table": N_("Coefficient table"),
    "contact": N_("Contact"),
    "customer": N_("Customer"),
    "customer_price_category": N_("Customer price category"),
    "damage_charge": N_("Damage charge"),
    "deposit": N_("Deposit"),
    "document_file": N_("Document file"),
    "document_sequence": N_("Document numbering"),
    "family_coefficient": N_("Family coefficient"),
    "inspection": N_("Inspection"),
    "inspection_due": N_("Inspection due"),
    "inspection_schedule": N_("Inspection schedule"),
    "issued_document": N_("Issued document"),
    "issued_line": N_("Issued line"),
    "item_photo": N_("Item photo"),
    "item_rate": N_("Item rate"),
    "item_type": N_("Item type"),
    "kit": N_("Kit"),
    "kit_line": N_("Kit line"),
    "line_discount": N_("Line discount"),
    "membership": N_("Membership"),
    "movement": N_("Movement"),
    "opening_balance": N_("Opening entry"),
    "opening_payment": N_("Opening entry payment"),
    "owner": N_("Owner"),
    "payment": N_("Payment"),
    "price_category": N_("Price category"),
    "record_seal": N_("Seal"),
    "reference_sequence": N_("Booking numbering"),
    "repair": N_("Repair"),
    "setting": N_("Setting"),
    "unit": N_("Unit"),
    "unit_event": N_("Unit event"),
}

#: The column naming a record to people (a booking's reference, an account's name…): the
#: Activity screen and ``regie audit`` show it beside the internal id.
REFERENCE_COLUMNS = {
    "account": "name",
    "booking": "reference",
    "case": "barcode",
    "coefficient_table": "name",
    "customer": "number",
    "inspection_schedule": "name",
    "issued_document": "number",
    "item_type": "code",
    "kit": "code",
    "opening_balance": "reference",
    "owner": "name",
    "price_category": "code",
    "unit": "barcode",
}

#: What the actions are called to people (Qt context ``messages``).
ACTION_LABELS = {
    "insert": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
}


@dataclass(frozen=True)
class AuditFilter:
    """Which events: every field left empty matches everything."""

    start: dt.date | None = None
    end: dt.date | None = None
    account: str = ""
    entity: str = ""
    entity_id: str = ""


@dataclass(frozen=True)
class AuditRow:
    """One recorded write. ``at`` is aware (UTC); ``before``/``after`` are the JSON
    objects (None for an insert's before and a delete's after)."""

    id: int
    at: dt.datetime
    account: str
    workstation: str
    entity: str
    entity_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    #: How people name the record (``REFERENCE_COLUMNS``: "R-2026-0393", "alice"), when
    #: its table has such a column; "" otherwise.
    reference: str = ""

    @property
    def changed(self) -> list[str]:
        """The columns this write set (an update's changed columns, without the key)."""
        after = self.after or {}
        before = self.before or {}
        if self.action == "update":
            return [name for name in after if name not in before or before[name] != after[name]]
        return list(after or before)


def _where(found: Any, where: AuditFilter, clock: Clock) -> Any:
    if where.start is not None:
        found = found.where(col(AuditEvent.at) >= _midnight(where.start, clock))
    if where.end is not None:
        found = found.where(col(AuditEvent.at) < _midnight(where.end + dt.timedelta(1), clock))
    if where.account.strip():
        name = where.account.strip().upper()
        found = found.where(func.upper(col(AuditEvent.account)) == name)
    if where.entity.strip():
        found = found.where(col(AuditEvent.entity) == where.entity.strip().lower())
    if where.entity_id.strip():
        found = found.where(col(AuditEvent.entity_id) == where.entity_id.strip())
    return found


def _midnight(day: dt.date, clock: Clock) -> dt.datetime:
    """The instant (UTC) the cooperative's ``day`` begins."""
    return dt.datetime.combine(day, dt.time(), clock.tz).astimezone(dt.UTC)


def event_ids(
    uow: UnitOfWork,
    where: AuditFilter,
    clock: Clock,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """The ids of the matching events, newest first (at most ``limit``, after the first
    ``offset``: a page)."""
    access.require(uow, Permission.REPORTS)
    found = _where(select(id_column(AuditEvent)), where, clock)
    found = found.order_by(id_column(AuditEvent).desc())
    if limit is not None:
        found = found.limit(max(limit, 0))
    if offset > 0:
        found = found.offset(offset)
    return [int(ident) for ident in uow.session.exec(found).all()]


def count_events(uow: UnitOfWork, where: AuditFilter, clock: Clock) -> int:
    """How many events match (the Activity screen lists the newest, says how many in all)."""
    access.require(uow, Permission.REPORTS)
    found = _where(select(func.count()).select_from(AuditEvent), where, clock)
    return int(uow.session.exec(found).one())


def event_rows(uow: UnitOfWork, ids: Sequence[int]) -> list[AuditRow]:
    """The events ``ids``, in that order (ids no longer there are left out)."""
    access.require(uow, Permission.REPORTS)
    wanted = list(ids)
    found: dict[int, AuditRow] = {}
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk : chunk + 500]
        query = select(AuditEvent).where(id_column(AuditEvent).in_(part))
        for event in uow.session.exec(query).all():
            row = _row(event)
            found[row.id] = row
    rows = [found[ident] for ident in wanted if ident in found]
    named = _references(uow, rows)
    return [
        dataclasses.replace(row, reference=named.get((row.entity, row.entity_id), ""))
        for row in rows
    ]


def _references(uow: UnitOfWork, rows: Sequence[AuditRow]) -> dict[tuple[str, str], str]:
    """How people name each row's record: the current value of its table's reference
    column, else the value the event recorded (a deleted row's)."""
    named: dict[tuple[str, str], str] = {}
    wanted: dict[str, set[int]] = {}
    for row in rows:
        name = REFERENCE_COLUMNS.get(row.entity)
        if name is None:
            continue
        for values in (row.after, row.before):
            if values and isinstance(values.get(name), str) and values[name]:
                named[(row.entity, row.entity_id)] = values[name]
                break
        if row.entity_id.isdigit() and row.action != "delete":
            wanted.setdefault(row.entity, set()).add(int(row.entity_id))
    for entity, idents in wanted.items():
        name = REFERENCE_COLUMNS[entity]
        clause = table(entity, column("id"), column(name))
        ordered = sorted(idents)
        for chunk in range(0, len(ordered), 500):
            query = select(clause.c.id, clause.c[name]).where(
                clause.c.id.in_(ordered[chunk : chunk + 500])
            )
            for ident, value in uow.session.execute(query).all():
                if value:
                    named[(entity, str(ident))] = str(value)
    return named


def events(
    uow: UnitOfWork,
    where: AuditFilter,
    clock: Clock,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[AuditRow]:
    """The matching events, newest first (at most ``limit``, after the first ``offset``)."""
    return event_rows(uow, event_ids(uow, where, clock, limit=limit, offset=offset))


def stream_events(
    uow: UnitOfWork,
    where: AuditFilter,
    clock: Clock,
    *,
    limit: int | None = None,
    offset: int = 0,
    block: int = 500,
) -> Iterator[AuditRow]:
    """``events``, read ``block`` rows at a time as they are consumed (a whole trail is
    printed without being held in memory)."""
    ids = event_ids(uow, where, clock, limit=limit, offset=offset)
    for start in range(0, len(ids), block):
        yield from event_rows(uow, ids[start : start + block])


def accounts(uow: UnitOfWork) -> list[str]:
    """Every account name the trail mentions, sorted (for a filter's choices)."""
    access.require(uow, Permission.REPORTS)
    query = select(AuditEvent.account).distinct()
    return sorted(uow.session.exec(query).all(), key=str.casefold)


def entities(uow: UnitOfWork) -> list[str]:
    """Every table the trail mentions, sorted (for a filter's choices)."""
    access.require(uow, Permission.REPORTS)
    return sorted(uow.session.exec(select(AuditEvent.entity).distinct()).all())


def _row(event: AuditEvent) -> AuditRow:
    at = event.at if event.at.tzinfo is not None else event.at.replace(tzinfo=dt.UTC)
    return AuditRow(
        id=event.id or 0,
        at=at.astimezone(dt.UTC),
        account=event.account,
        workstation=event.workstation,
        entity=event.entity,
        entity_id=event.entity_id,
        action=event.action,
        before=_json(event.before),
        after=_json(event.after),
    )


def _json(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}


def to_json(row: AuditRow, clock: Clock) -> dict[str, Any]:
    """The contract of ``regie audit --json``: ``at`` (UTC, ISO 8601 with its offset),
    ``at_local`` (the cooperative's time), ``account``, ``workstation``, ``entity``,
    ``entity_id``, ``action`` (insert, update, delete), ``before``, ``after``; and
    ``reference`` (how people name the record, "" when its table has no such column)."""
    return {
        "id": row.id,
        "at": row.at.isoformat(timespec="seconds"),
        "at_local": clock.to_local(row.at).isoformat(timespec="seconds"),
        "account": row.account,
        "workstation": row.workstation,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "action": row.action,
        "before": row.before,
        "after": row.after,
        "reference": row.reference,
    }
