"""Copy a cooperative's data from one database into another, empty one (``regie db copy``).

The copy knows no table by name: both databases are read by reflection (tables, columns,
primary and foreign keys), so a table added by a later migration is copied without a
change here. Both sides are opened (and migrated) by this Régie first, so their schemas are
the same revision; the target's schema comes from the same migrations as every database
(triggers, indexes and all), never from the source's DDL — that is what lets a SQLite file
become a PostgreSQL database and back.

Rows go in the target's dependency order (a table after the tables it refers to), each
table in primary-key order (a payment's reversal and a movement's undo refer to earlier
rows), through Core inserts: the audit trail records people's writes, and a copy is not
one — the source's audit trail is copied as it is. Everything is one transaction on the
target, under its write lock: the counts of every table are compared with the source's and
the caller's ``check`` runs (``regie verify``'s checks) before it commits, so a copy that
fails leaves the target as it was. On PostgreSQL the ids' sequences are then moved past
the copied ids, so the next row inserted gets a fresh id.

"Empty" means what migrations leave in a new database: no rows, apart from the ones they
put there themselves (``SEEDED``), which the copy replaces with the source's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, func, inspect, select, text

from app.core import access, connection, dialect, migrate, paths
from app.core.db import Database, UnitOfWork
from app.core.errors import Conflict, NotFound

#: Alembic's own bookkeeping: both sides are at the same revision, never copied.
SKIPPED = frozenset({"alembic_version"})
#: Tables a new database's migrations fill, with how many rows they put there: the
#: default coefficient table and its steps (0006), the ``admin`` account (0012).
SEEDED = {"coefficient_table": 1, "coefficient_step": 30, "account": 1}
#: Rows inserted per statement.
BATCH = 500


@dataclass(frozen=True)
class TableCopy:
    """One table copied: its name and how many rows it holds on both sides."""

    name: str
    rows: int


@dataclass
class Copied:
    """What a copy did: every table (dependency order) with its rows."""

    source: str
    target: str
    tables: list[TableCopy] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


#: ``check(source_uow, target_uow)``: raises a ``DomainError`` to refuse the copy before
#: it commits (``regie db copy`` runs the integrity checks here).
Check = Callable[[UnitOfWork, UnitOfWork], None]


def copy(source: Database, target: Database, *, check: Check | None = None) -> Copied:
    """Copy every row of ``source`` into ``target`` (which must hold no data yet).

    Refused (nothing written) when the acting account of ``source`` may not copy the
    database, when the target holds data, when the schemas differ, when a table's count
    differs after the copy, or when ``check`` refuses."""
    done = Copied(source.display_name, target.display_name)
    with source.read() as src:
        access.require(src, access.Permission.BACKUPS)
        with target.write() as dst:
            tconn = dst.session.connection()
            refuse_data(tconn, target.display_name)
            sconn = src.session.connection()
            tables = _tables(sconn, tconn)
            _prepare(tconn)
            _clear_seeds(tconn, tables)
            for source_table, target_table in tables:
                count = _copy_rows(sconn, source_table, tconn, target_table)
                done.tables.append(TableCopy(target_table.name, count))
            _reset_sequences(tconn, [t for _, t in tables])
            _check_counts(sconn, tconn, tables)
            dst.flush()
            if check is not None:
                check(src, dst)
    return done


def may_copy(source: Database) -> None:
    """Refuse (``Forbidden``) before anything is opened or made when the acting account
    of ``source`` may not copy the database (administrators only)."""
    with source.read() as uow:
        access.require(uow, access.Permission.BACKUPS)


# --- opening both sides --------------------------------------------------------------------


def where_of(value: str) -> Path | str:
    """A database named on the command line: a server's URL (driver named) or a file."""
    return paths.database(value)


def shown(where: Path | str) -> str:
    return paths.display_url(where) if isinstance(where, str) else str(where)


def open_source(where: Path | str) -> Database:
    """The Régie database to copy from, opened (and migrated) — only if it is one: a
    missing file or an empty server database is refused, never created."""
    if isinstance(where, Path) and (not where.is_file() or where.stat().st_size == 0):
        raise NotFound("There is no Régie database at {where}.", where=str(where))
    revision, tables = connection.look(where)
    if revision is None:
        raise NotFound("There is no Régie database at {where}.", where=shown(where))
    return migrate.open_database(where)


def open_target(where: Path | str) -> tuple[Database, bool]:
    """The database to copy into, opened and migrated (its schema made by this Régie's
    migrations), and whether this made a new file. A folder that does not exist, or a
    database holding tables that are not Régie's, is refused before anything is written."""
    created = False
    if isinstance(where, Path):
        if not where.parent.is_dir():
            raise NotFound(
                "There is no folder {folder} for the database {path}.",
                folder=str(where.parent),
                path=where.name,
            )
        created = not where.exists() or where.stat().st_size == 0
    if not created:
        revision, tables = connection.look(where)
        if revision is None and tables:
            raise Conflict(
                "{target} holds other tables ({table}…) and is not a Régie database: copy "
                "into a new file or an empty database.",
                target=shown(where),
                table=sorted(tables)[0],
            )
    try:
        return migrate.open_database(where), created
    except BaseException:
        if created and isinstance(where, Path):
            discard(where)
        raise


def discard(path: Path) -> None:
    """Remove a database file this copy made (with SQLite's companions)."""
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        path.with_name(name).unlink(missing_ok=True)


# --- is the target empty? -----------------------------------------------------------------


def data_counts(conn: Connection) -> dict[str, int]:
    """The rows each table holds (Alembic's table left out), in the target's order."""
    names = [name for name in _ordered_names(conn) if name not in SKIPPED]
    return {name: _count(conn, _bare(conn, name)) for name in names}


def holding_data(conn: Connection) -> tuple[str, int] | None:
    """The first table holding more than a new database's rows (its name and count)."""
    for name, count in data_counts(conn).items():
        if count > SEEDED.get(name, 0):
            return name, count
    return None


def refuse_data(conn: Connection, where: str) -> None:
    found = holding_data(conn)
    if found is not None:
        raise Conflict(
            "{target} already holds data ({table}: {count} rows): copy only into an empty "
            "database (a new file, or a database just created on the server).",
            target=where,
            table=found[0],
            count=found[1],
        )


# --- tables by reflection -----------------------------------------------------------------


def _ordered_names(conn: Connection) -> list[str]:
    """Table names, each after the tables its foreign keys refer to."""
    return [name for name, _ in inspect(conn).get_sorted_table_and_fkc_names() if name]


def _bare(conn: Connection, name: str) -> Table:
    """A table with its columns as ``conn``'s database declares them (types included, so
    values are read and written in each engine's own way); no indexes or constraints."""
    insp = inspect(conn)
    keys = set(insp.get_pk_constraint(name).get("constrained_columns") or ())
    columns = [
        Column(c["name"], c["type"], primary_key=c["name"] in keys) for c in insp.get_columns(name)
    ]
    return Table(name, MetaData(), *columns)


def _tables(sconn: Connection, tconn: Connection) -> list[tuple[Table, Table]]:
    """(source, target) pairs of every table to copy, in the target's dependency order."""
    source_names = set(_ordered_names(sconn)) - SKIPPED
    target_names = [n for n in _ordered_names(tconn) if n not in SKIPPED]
    if source_names != set(target_names):
        raise _schemas_differ(sorted(source_names.symmetric_difference(target_names))[0])
    pairs = []
    for name in target_names:
        source, target = _bare(sconn, name), _bare(tconn, name)
        if set(source.columns.keys()) != set(target.columns.keys()):
            raise _schemas_differ(name)
        pairs.append((source, target))
    return pairs


def _schemas_differ(table: str) -> Conflict:
    return Conflict(
        "The two databases' tables differ (table {table}): open both with this Régie "
        "version first.",
        table=table,
    )


# --- copying ------------------------------------------------------------------------------


def _prepare(tconn: Connection) -> None:
    """SQLite checks foreign keys at commit during the copy (rows of a table may refer to
    later rows of another); PostgreSQL checks them at each statement's end."""
    if dialect.name_of(tconn) == dialect.SQLITE:
        tconn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def _clear_seeds(tconn: Connection, tables: list[tuple[Table, Table]]) -> None:
    """Remove the rows a new database's migrations put there (the source has its own)."""
    for _, target in reversed(tables):
        if target.name in SEEDED and _count(tconn, target):
            tconn.execute(target.delete())


def _batches(sconn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = sconn.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    for rows in result.mappings().partitions():
        yield [dict(row) for row in rows]


def _copy_rows(sconn: Connection, source: Table, tconn: Connection, target: Table) -> int:
    copied = 0
    for rows in _batches(sconn, source):
        if rows:
            tconn.execute(target.insert(), rows)
            copied += len(rows)
    return copied


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _check_counts(sconn: Connection, tconn: Connection, tables: list[tuple[Table, Table]]) -> None:
    for source, target in tables:
        expected, found = _count(sconn, source), _count(tconn, target)
        if expected != found:
            raise Conflict(
                "The copy of table {table} has {found} rows instead of {expected}: nothing "
                "was copied.",
                table=target.name,
                found=found,
                expected=expected,
            )


def _reset_sequences(tconn: Connection, tables: list[Table]) -> None:
    """PostgreSQL: each id sequence restarts after the highest id copied (SQLite takes
    the next rowid from the rows themselves)."""
    if dialect.name_of(tconn) != dialect.POSTGRESQL:
        return
    quote = tconn.dialect.identifier_preparer.quote
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1:
            continue
        key = keys[0].name
        sequence = tconn.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": quote(table.name), "column": key},
        ).scalar()
        if sequence is None:
            continue
        tconn.execute(
            text(
                f"SELECT setval(:sequence, COALESCE(MAX({quote(key)}), 0) + 1, false) "
                f"FROM {quote(table.name)}"
            ),
            {"sequence": sequence},
        )
