"""What differs between SQLite and PostgreSQL, in one place.

Migrations and the few raw statements of the kernel ask here for their dialect's form; no
domain module tests the dialect.
"""

from __future__ import annotations

from typing import Any

SQLITE = "sqlite"
POSTGRESQL = "postgresql"

#: The PL/pgSQL function every refusing trigger calls; its argument is the message.
_PG_REFUSE = (
    "CREATE OR REPLACE FUNCTION regie_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$"
)


def name_of(bind: Any) -> str:
    """``sqlite`` or ``postgresql`` for an engine, a connection or a session's bind."""
    return str(bind.dialect.name)


def refuse_changes(dialect: str, table: str, actions: tuple[str, ...], message: str) -> list[str]:
    """Statements creating one trigger per action (``UPDATE``, ``DELETE``) that refuses
    it on ``table`` with ``message``; each trigger is named ``{table}_no_{action}``."""
    statements: list[str] = []
    if dialect == POSTGRESQL:
        statements.append(_PG_REFUSE)
    for action in actions:
        name = f"{table}_no_{action.lower()}"
        if dialect == POSTGRESQL:
            statements.append(
                f"CREATE TRIGGER {name} BEFORE {action} ON {table} FOR EACH ROW "
                f"EXECUTE FUNCTION regie_refuse('{message}')"
            )
        else:
            statements.append(
                f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
    return statements


def drop_trigger(dialect: str, table: str, name: str) -> str:
    if dialect == POSTGRESQL:
        return f"DROP TRIGGER IF EXISTS {name} ON {table}"
    return f"DROP TRIGGER IF EXISTS {name}"


def follow_ids(dialect: str, table: str) -> list[str]:
    """After rows were inserted with explicit ids: the statements that make the next
    generated id follow them (PostgreSQL's sequence; SQLite needs none)."""
    if dialect != POSTGRESQL:
        return []
    return [
        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
        f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'
    ]


def timestamp_param(dialect: str) -> str:
    """A positional parameter holding a timestamp written ``YYYY-MM-DD HH:MM:SS``, for SQL
    run on the driver's own cursor (``?`` on SQLite, ``%s`` cast on PostgreSQL)."""
    return "CAST(%s AS timestamp)" if dialect == POSTGRESQL else "?"


def minutes_since(dialect: str, column: str) -> str:
    """SQL: the whole minutes (rounded) from a timestamp parameter (``timestamp_param``) to
    ``column`` — SQLite's ``julianday``, PostgreSQL's ``EXTRACT(EPOCH …)``."""
    origin = timestamp_param(dialect)
    if dialect == POSTGRESQL:
        return f"CAST(round(EXTRACT(EPOCH FROM ({column} - {origin})) / 60) AS INTEGER)"
    return f"CAST(round((julianday({column}) - julianday({origin})) * 1440) AS INTEGER)"


def has_table(conn: Any, table: str) -> bool:
    """Does the database have ``table``? (One query, no Alembic, no reflection cache.)"""
    if name_of(conn) == POSTGRESQL:
        found = conn.exec_driver_sql("SELECT to_regclass(%(t)s) IS NOT NULL", {"t": table})
        return bool(found.scalar())
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)
    ).first()
    return found is not None


def triggers(conn: Any) -> dict[str, str]:
    """Every trigger of the database: name → its definition (SQL as the engine keeps it)."""
    if name_of(conn) == POSTGRESQL:
        rows = conn.exec_driver_sql(
            "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace "
            "AND t.tgenabled <> 'D'"
        ).all()
    else:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).all()
    return {str(name): str(sql or "") for name, sql in rows}


def trigger_states(conn: Any) -> dict[str, tuple[str, bool]]:
    """Every trigger: name → (its table, does it still refuse the change?). SQLite: its
    body raises ``RAISE(ABORT, …)``; PostgreSQL: enabled, BEFORE, FOR EACH ROW, and its
    function still raises an exception."""
    if name_of(conn) == POSTGRESQL:
        rows = conn.exec_driver_sql(
            "SELECT t.tgname, c.relname, t.tgenabled <> 'D' AND (t.tgtype & 3) = 3 "
            "AND p.prosrc ILIKE '%%RAISE EXCEPTION%%' FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
        ).all()
        return {str(name): (str(table), bool(ok)) for name, table, ok in rows}
    states: dict[str, tuple[str, bool]] = {}
    for name, table, sql in conn.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
    ).all():
        compact = " ".join(str(sql or "").upper().split())
        on_table = f" ON {str(table).upper()} " in compact + " "
        states[str(name)] = (str(table), on_table and "RAISE(ABORT" in compact)
    return states


def table_triggers(conn: Any, table: str) -> list[tuple[str, str]]:
    """``table``'s triggers as ``(name, statement recreating it)``."""
    if name_of(conn) == POSTGRESQL:
        rows = conn.exec_driver_sql(
            "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
            "WHERE t.tgrelid = to_regclass(%(t)s) AND NOT t.tgisinternal ORDER BY t.tgname",
            {"t": table},
        ).all()
    else:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
            "ORDER BY name",
            (table,),
        ).all()
    return [(str(name), str(sql)) for name, sql in rows]


def integrity_problems(conn: Any) -> list[str]:
    """What the engine itself finds damaged, in short sentences (empty: nothing).

    SQLite: ``PRAGMA integrity_check`` (pages, indexes) and ``foreign_key_check``.
    PostgreSQL keeps its own pages checksummed and enforces foreign keys at every write, so
    what is checked there is what could have been switched off or slipped past: every
    foreign key and check constraint still validated (``pg_constraint.convalidated``), no
    index left invalid by an interrupted build (``pg_index.indisvalid``), and no trigger
    disabled (``ALTER TABLE … DISABLE TRIGGER``). No ``amcheck`` (an extension a
    cooperative's server may not have)."""
    if name_of(conn) == POSTGRESQL:
        found: list[str] = []
        schema = "current_schema()::regnamespace"
        for name, table in conn.exec_driver_sql(
            "SELECT conname, conrelid::regclass::text FROM pg_constraint "
            f"WHERE NOT convalidated AND connamespace = {schema}"
        ).all():
            found.append(f"constraint {name} of {table} is not validated")
        for name, table in conn.exec_driver_sql(
            "SELECT i.indexrelid::regclass::text, i.indrelid::regclass::text FROM pg_index i "
            f"JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = {schema} "
            "AND NOT (i.indisvalid AND i.indisready)"
        ).all():
            found.append(f"index {name} of {table} is invalid")
        for name, table in conn.exec_driver_sql(
            "SELECT t.tgname, t.tgrelid::regclass::text FROM pg_trigger t "
            f"JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = {schema} "
            "AND NOT t.tgisinternal AND t.tgenabled = 'D'"
        ).all():
            found.append(f"trigger {name} of {table} is disabled")
        return found
    result = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    found = [] if result == ["ok"] else ["SQLite integrity check: " + "; ".join(result[:5])]
    for table, rowid, parent, _fkid in conn.exec_driver_sql("PRAGMA foreign_key_check").all()[:20]:
        found.append(f"row {rowid} of {table} points to a missing {parent}")
    return found
