"""Bulk writes of the large demo: hundreds of thousands of generated rows per table.

- ``insert_rows``: one ``INSERT`` compiled once for the table and the columns given, run as
  one ``executemany`` on the driver's cursor with the rows' values converted column by
  column by the column types' own bind processors (what SQLAlchemy would store, without its
  per-row bookkeeping: the ORM's bulk insert spent more time there than the database).
- ``indexes_deferred``: the tables' secondary indexes dropped while their rows go in and
  created again afterwards, in the same transaction (an index built once from the whole
  table is several times cheaper than one kept up to date row by row, in random order).
- ``bulk_session``: on SQLite, the build's connection given a large page cache for the
  transaction (the indexes are built in memory rather than spilled page by page).

Dialect differences live here, in the one module of the demo that needs them; the rows, the
statements and the generated ids are the same on both engines (``follow_ids`` makes
PostgreSQL's sequences follow ids given explicitly).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert

from app.core import dialect

#: Rows per ``executemany``: bounded memory for the converted values.
BATCH = 50_000


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` in one statement."""
    if not rows:
        return
    keys = list(rows[0])
    defaults = _defaults(table, keys)
    keys += list(defaults)
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=keys)
    processors = [
        table.c[key].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for key in keys
    ]
    order = list(compiled.positiontup or ()) if compiled.positional else keys
    position = [keys.index(name) for name in order]
    for first in range(0, len(rows), BATCH):
        batch = rows[first : first + BATCH]
        columns = []
        for key, process in zip(keys, processors, strict=True):
            values = (
                [defaults[key]] * len(batch) if key in defaults else [row[key] for row in batch]
            )
            if process is not None:
                values = _converted(values, process)
            columns.append(values)
        if compiled.positional:
            params: list[Any] = list(zip(*(columns[i] for i in position), strict=True))
        else:
            params = [dict(zip(keys, values, strict=True)) for values in zip(*columns, strict=True)]
        conn.exec_driver_sql(compiled.string, params)


def _converted(values: list[Any], process: Any) -> list[Any]:
    """``values`` through a bind processor, each distinct value converted once (a
    booking's dates are repeated on each of its lines)."""
    seen: dict[Any, Any] = {None: None}
    out = []
    for value in values:
        try:
            out.append(seen[value])
        except KeyError:
            seen[value] = converted = process(value)
            out.append(converted)
    return out


def _defaults(table: Table, keys: Sequence[str]) -> dict[str, Any]:
    """The columns the rows leave out that have a Python-side default: the default's
    value (what Core's own insert would send for each row)."""
    found: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.key in keys or default is None:
            continue
        if not getattr(default, "is_scalar", False):
            raise ValueError(f"{table.name}.{column.key}: give its value (computed default)")
        found[column.key] = getattr(default, "arg", None)
    return found


def _secondary_indexes(conn: Connection, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of ``table``'s indexes that no constraint owns."""
    if dialect.name_of(conn) == dialect.POSTGRESQL:
        rows = conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = %(t)s AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            {"t": table},
        ).all()
    else:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (table,),
        ).all()
    return sorted((str(name), str(sql)) for name, sql in rows)


@contextlib.contextmanager
def indexes_deferred(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    """``tables``' secondary indexes dropped for the block, then created again as they were
    (inside the caller's transaction: an error rolls both back)."""
    dropped = [entry for table in tables for entry in _secondary_indexes(conn, table)]
    for name, _sql in dropped:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in dropped:
        conn.exec_driver_sql(sql)


def follow_ids(conn: Connection, tables: Sequence[str]) -> None:
    """After rows inserted with explicit ids: the next generated id follows them."""
    engine = dialect.name_of(conn)
    for table in tables:
        for statement in dialect.follow_ids(engine, table):
            conn.exec_driver_sql(statement)


@contextlib.contextmanager
def bulk_session(conn: Connection) -> Iterator[None]:
    """SQLite: a large page cache for the block (the default back afterwards).
    PostgreSQL: as it is."""
    if dialect.name_of(conn) == dialect.POSTGRESQL:
        yield
        return
    conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MB
    try:
        yield
    finally:
        conn.exec_driver_sql("PRAGMA cache_size = -2000")
