"""The audit trail: every write, who, when, from which workstation, which entity, before
and after (table ``audit_event``, append-only on both engines; migration 0012).

``install(writer)`` hooks the writing sessions of a ``Database``: after each flush, one
``audit_event`` row per inserted, updated or deleted row, in the same transaction (so a
rolled-back write leaves no trace, and a committed one always has its record). The actor is
the unit of work's (``session.info["regie_actor"]``).

What a row records:

- ``insert``: ``after`` holds every column the program set (server defaults it did not
  read back are left out); ``before`` is empty.
- ``update``: only the changed columns, plus the primary key, in ``before`` and ``after``.
- ``delete``: ``before`` holds the row as it was loaded; ``after`` is empty.

Values are JSON: dates and date-times ISO 8601, ``Decimal`` as a string, enumerations by
value, bytes (and text over ``LONG_TEXT`` characters) as ``{"sha256": …, "length": …}`` so
a stored PDF never bloats the trail, secrets (password hashes, badge digests) as
``HIDDEN`` and a customer's or contact's personal data (``PERSONAL``) as ``PERSONAL_MARK``
(an anonymised person must leave no trace in an append-only trail). Serialising never
fails: an unknown type is recorded by its ``repr``.

On SQLite the rows are inserted at once; on PostgreSQL they go with the transaction's
``COMMIT``, in the same round trip (``app.core.db_pg``): the same transaction either way.

Only ORM unit-of-work writes pass through a flush. A service that writes with Core
statements on a hot path (booking creation: ``booking.bookings``) records them itself, in
the same transaction and the same form: ``inserted`` / ``updated`` describe each row,
``record_core`` writes them. Other Core statements (``insert(...)`` of the demo and bench
builders) and ORM bulk ``update()`` (the booking lines mirroring their booking, whose own
change is recorded) are not recorded.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, event, insert, inspect
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.state import InstanceState

from app.core import dialect
from app.core.access import SYSTEM, Actor, workstation
from app.core.models import AuditEvent

ACTOR_KEY = "regie_actor"
#: The table of the trail itself, never recorded (its rows are the records).
TABLE = "audit_event"
#: Text longer than this is recorded by its digest and length, like bytes.
LONG_TEXT = 4096
#: What a secret column's value is recorded as (whether it was set is still visible).
HIDDEN = "(hidden)"
#: Columns whose values never enter the trail.
SECRET_COLUMNS = frozenset({"password_hash", "badge_sha256"})
#: What a personal column's value is recorded as.
PERSONAL_MARK = "(personal)"
#: Personal data (RGPD), by table: the trail is append-only, so what it kept in clear could
#: never be erased when a customer asks to be anonymised. It records that these columns
#: changed (and whether they were empty), never their values; the tables keep the values.
PERSONAL = {
    "customer": frozenset(
        {
            "name",
            "email",
            "phone",
            "address",
            "postcode",
            "city",
            "siren",
            "siret",
            "vat_number",
            "service_code",
            "notes",
        }
    ),
    "contact": frozenset({"name", "role", "email", "phone"}),
    # free text that can name a person ("Mariage Dupont", a home address as venue)
    "booking": frozenset({"event", "venue", "notes"}),
    "deposit": frozenset({"notes"}),
}

INSERT = "insert"
UPDATE = "update"
DELETE = "delete"
ACTIONS = (INSERT, UPDATE, DELETE)


def install(writer: Any) -> None:
    """Record every flush of sessions made by ``writer`` (a ``sessionmaker``)."""
    event.listen(writer, "after_flush", record)


def record(session: Session, _context: Any) -> None:
    """One ``audit_event`` row per row the flush wrote, in the flush's transaction.

    Runs after the statements and before the session forgets what was new, dirty or
    deleted, so values and histories are still there (and new rows have their ids)."""
    rows = events(session)
    if rows:
        _write(session, rows)


#: PostgreSQL: the trail's rows of the current transaction, written in the same round trip
#: as its ``COMMIT`` (``app.core.db_pg``); key of the connection's ``info``.
PENDING = "regie_audit_pending"
#: The columns of a trail row, in ``PG_INSERT``'s order.
COLUMNS = ("at", "account", "workstation", "entity", "entity_id", "action", "before", "after")
#: The statement ``app.core.db_pg`` writes ``PENDING`` rows with (psycopg parameters).
PG_INSERT = (
    f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))})"
)


def _write(session: Session, rows: list[dict[str, Any]]) -> None:
    """Write trail rows in ``session``'s transaction: at once on SQLite (no round trip to
    save); on PostgreSQL with the transaction's ``COMMIT``, in its round trip — the same
    transaction either way (a rolled-back write leaves no trace, a committed one always
    has its record)."""
    connection = session.connection()
    if dialect.name_of(connection) == dialect.POSTGRESQL:
        pending = connection.info.setdefault(PENDING, [])
        pending.extend(tuple(row[name] for name in COLUMNS) for row in rows)
        return
    connection.execute(insert(AuditEvent), rows)


def _stamp(session: Session) -> dict[str, Any]:
    """When, who and where, for the rows recorded now in ``session``'s transaction."""
    actor = session.info.get(ACTOR_KEY)
    if not isinstance(actor, Actor):
        actor = SYSTEM
    return {
        "at": dt.datetime.now(dt.UTC),
        "account": actor.name,
        "workstation": actor.workstation or workstation(),
    }


def events(session: Session) -> list[dict[str, Any]]:
    """The ``audit_event`` rows describing what the current flush wrote."""
    stamp = _stamp(session)
    changes = [
        *(_inserted(inspect(obj)) for obj in session.new),
        *(_updated(inspect(obj)) for obj in session.dirty),
        *(_deleted(inspect(obj)) for obj in session.deleted),
    ]
    return [{**stamp, **change} for change in changes if change is not None]


# --- writes made by Core statements (no flush sees them) -----------------------------------


def record_core(session: Session, changes: Sequence[Mapping[str, Any]]) -> None:
    """Record ``changes`` (from ``inserted``, ``updated``) that Core statements made in
    ``session``'s transaction: one statement, the same rows a flush would have recorded."""
    if changes:
        stamp = _stamp(session)
        _write(session, [{**stamp, **c} for c in changes])


def inserted(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """The change of a row a Core ``insert`` wrote into ``table``: ``values`` are the
    columns it set, its primary key included."""
    after = {c.name: values[c.name] for c in table.columns if c.name in values}
    return _core_change(table, INSERT, None, after)


def updated(
    table: Table, key: Mapping[str, Any], before: Mapping[str, Any], after: Mapping[str, Any]
) -> dict[str, Any]:
    """The change of a row a Core ``update`` made in ``table``: ``key`` its primary key,
    ``before`` and ``after`` the values of the columns it changed."""
    keys = {c.name: key[c.name] for c in table.primary_key.columns}
    old = {c.name: before[c.name] for c in table.columns if c.name in before}
    new = {c.name: after[c.name] for c in table.columns if c.name in after}
    return _core_change(table, UPDATE, {**keys, **old}, {**keys, **new})


def _core_change(
    table: Table, action: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> dict[str, Any]:
    row = after if after is not None else before or {}
    key = ",".join("" if row.get(c.name) is None else str(row[c.name]) for c in table.primary_key)
    return {
        "entity": table.name,
        "entity_id": key,
        "action": action,
        "before": None if before is None else to_json(before, table.name),
        "after": None if after is None else to_json(after, table.name),
    }


# --- writes seen by a flush ---------------------------------------------------------------


def _inserted(state: InstanceState[Any]) -> dict[str, Any] | None:
    if _skipped(state):
        return None
    values = {name: state.dict[key] for key, name in _columns(state.mapper) if key in state.dict}
    return _change(state, INSERT, None, values)


def _deleted(state: InstanceState[Any]) -> dict[str, Any] | None:
    if _skipped(state):
        return None
    values = {name: state.dict[key] for key, name in _columns(state.mapper) if key in state.dict}
    return _change(state, DELETE, values, None)


def _updated(state: InstanceState[Any]) -> dict[str, Any] | None:
    if _skipped(state) or state.deleted or state.was_deleted:
        return None
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    names = _names(state.mapper)
    changed = [key for key in names if key in state.committed_state]  # in column order
    for key in changed:
        name = names[key]
        history = state.attrs[key].history
        if not history.added:  # not set in this flush (deleted alone: expired, not changed)
            continue
        new = history.added[0]
        old = history.deleted[0] if history.deleted else _UNKNOWN
        if old is not _UNKNOWN and _same(old, new):
            continue
        after[name] = new
        if old is not _UNKNOWN:
            before[name] = old
    if not after:
        return None
    key_values = _key_values(state)
    return _change(state, UPDATE, {**key_values, **before}, {**key_values, **after})


_UNKNOWN = object()


def _same(old: Any, new: Any) -> bool:
    try:
        return bool(old == new) and type(old) is type(new)
    except Exception:  # noqa: BLE001 - an odd type compares as different, never fails
        return False


def _table(state: InstanceState[Any]) -> str:
    return str(getattr(state.mapper.local_table, "name", ""))


def _skipped(state: InstanceState[Any]) -> bool:
    return _table(state) == TABLE


def _columns(mapper: Mapper[Any]) -> Iterable[tuple[str, str]]:
    """(attribute key, column name) of every mapped column."""
    return _names(mapper).items()


@functools.cache
def _names(mapper: Mapper[Any]) -> dict[str, str]:
    """Attribute key → column name of every mapped column, in the table's order."""
    return {prop.key: prop.columns[0].name for prop in mapper.column_attrs}


def _key_values(state: InstanceState[Any]) -> dict[str, Any]:
    mapper = state.mapper
    found: dict[str, Any] = {}
    for column in mapper.primary_key:
        key = mapper.get_property_by_column(column).key
        found[str(getattr(column, "name", key))] = state.dict.get(key)
    return found


def _entity_id(state: InstanceState[Any]) -> str:
    identity = state.identity
    values = list(identity) if identity else list(_key_values(state).values())
    return ",".join("" if value is None else str(value) for value in values)


def _change(
    state: InstanceState[Any],
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> dict[str, Any]:
    entity = _table(state)
    return {
        "entity": entity,
        "entity_id": _entity_id(state),
        "action": action,
        "before": None if before is None else to_json(before, entity),
        "after": None if after is None else to_json(after, entity),
    }


def to_json(values: dict[str, Any], entity: str = "") -> str:
    """``values`` (a row of ``entity``) as the compact JSON text the trail stores (keys in
    column order); secrets and personal data masked when set."""
    personal = PERSONAL.get(entity, frozenset())
    plain = {name: _masked(name, value, personal) for name, value in values.items()}
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":"))


def _masked(name: str, value: Any, personal: frozenset[str]) -> Any:
    if value is None or value == "":
        return value
    if name in SECRET_COLUMNS:
        return HIDDEN
    if name in personal:
        return PERSONAL_MARK
    return plain_value(value)


def plain_value(value: Any) -> Any:
    """``value`` as something ``json.dumps`` writes (never raises)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, enum.Enum):
        return plain_value(value.value)
    if isinstance(value, str):
        return value if len(value) <= LONG_TEXT else _digest(value.encode("utf-8"))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _digest(bytes(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, (list, tuple)):
        return [plain_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain_value(item) for key, item in value.items()}
    try:
        return repr(value)
    except Exception:  # noqa: BLE001 - the trail must never break a write
        return f"<{type(value).__name__}>"


def _digest(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "length": len(data)}
