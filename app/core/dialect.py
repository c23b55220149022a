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
