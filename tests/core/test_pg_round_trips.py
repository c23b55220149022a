"""What a transaction costs on PostgreSQL beyond its own statements, and how durable its
commit is.

Every round trip to the server waits for the server's answer, and on a busy machine each
one is a wait for the server's process to be scheduled: the fixed cost of a transaction is
counted here in round trips, never timed. A transaction's ``BEGIN`` (and a write's wait
for the write lock) travels with its first statement, a write's change notice with its
``COMMIT``; a pooled connection used a moment ago is not checked again, one idle for longer
is (a server restarted meanwhile costs nothing but a new connection).

Régie's sessions commit as durably as its SQLite files (``synchronous_commit`` off: a power
cut may lose the last commits, never corrupt one), unless the server's administrator chose
otherwise, which stays.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.core import db as core_db
from app.core import db_pg
from app.core.db import Database
from app.core.errors import StorageError
from app.core.migrate import open_database
from app.core.settings import Setting
from tests import pg

WAIT_S = 5.0


@contextmanager
def round_trips() -> Iterator[list[list[str]]]:
    """The round trips this process makes to the server meanwhile, each as the statements
    it carried: a cursor's execution on its own, a pipeline (its statements sent together,
    their answers read together: ``executemany`` makes one), a commit or a rollback that
    had a transaction to end."""
    trips: list[list[str]] = []
    depth = 0
    execute, executemany = psycopg.Cursor.execute, psycopg.Cursor.executemany
    pipeline = psycopg.Connection.pipeline
    commit, rollback = psycopg.Connection.commit, psycopg.Connection.rollback

    def counted_execute(cursor: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        shown = query.as_string(cursor) if hasattr(query, "as_string") else str(query)
        if depth == 0:
            trips.append([shown])
        else:
            trips[-1].append(shown)
        return execute(cursor, query, *args, **kwargs)

    def counted_executemany(cursor: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal depth
        if depth == 0:  # in a pipeline of its own: one round trip
            trips.append([str(query)])
        else:
            trips[-1].append(str(query))
        depth += 1
        try:
            return executemany(cursor, query, *args, **kwargs)
        finally:
            depth -= 1

    @contextmanager
    def counted_pipeline(conn: Any) -> Iterator[Any]:
        nonlocal depth
        if depth == 0:
            trips.append([])
        depth += 1
        try:
            with pipeline(conn) as inside:
                yield inside
        finally:
            depth -= 1

    def ending(name: str, method: Any) -> Any:
        def counted(conn: Any) -> Any:
            if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                trips.append([name])
            return method(conn)

        return counted

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(psycopg.Cursor, "execute", counted_execute)
        patch.setattr(psycopg.Cursor, "executemany", counted_executemany)
        patch.setattr(psycopg.Connection, "pipeline", counted_pipeline)
        patch.setattr(psycopg.Connection, "commit", ending("COMMIT", commit))
        patch.setattr(psycopg.Connection, "rollback", ending("ROLLBACK", rollback))
        yield trips


def _write_setting(database: Database, key: str) -> None:
    with database.write() as uow:
        uow.session.add(Setting(key=key, value="v"))


def _warm(database: Database) -> None:
    """One write and one read first: the connection is made and its statements known."""
    _write_setting(database, "warm-up")
    with database.read() as uow:
        uow.session.execute(text("SELECT 1")).all()


def test_a_write_costs_no_round_trip_beyond_its_statements_and_its_commit(
    pg_db: Database,
) -> None:
    _warm(pg_db)
    with round_trips() as trips:
        _write_setting(pg_db, "counted")
    assert len(trips) == 2, trips
    begin, end = trips
    # BEGIN, the write lock waited for, then the insert: one round trip
    assert begin[0] == db_pg.PG_BEGIN_WRITE and "pg_advisory_xact_lock" in " ".join(begin)
    assert "INSERT INTO setting" in begin[-1]
    # its audit row, the change notice and the COMMIT: one round trip
    assert "INSERT INTO audit_event" in end[0]
    assert "pg_notify" in end[1] and end[-1] == "COMMIT"
    with pg_db.read() as uow:  # committed, and recorded on the audit trail
        found = uow.session.execute(
            text("SELECT count(*) FROM audit_event WHERE entity = 'setting' AND entity_id = :k"),
            {"k": "counted"},
        ).scalar()
    assert found == 1


def test_a_read_costs_one_round_trip_beyond_its_statements(pg_db: Database) -> None:
    _warm(pg_db)
    with round_trips() as trips, pg_db.read() as uow:
        first = uow.session.execute(text("SELECT count(*) FROM setting")).scalar()
        again = uow.session.execute(text("SELECT count(*) FROM setting")).scalar()
    assert first == again
    assert len(trips) == 3, trips
    assert trips[0][0] == db_pg.PG_BEGIN_READ and "count(*)" in trips[0][1]
    # ended by COMMIT: the same for a read, and the driver keeps its prepared statements
    assert "count(*)" in trips[1][0] and trips[2] == ["COMMIT"]


def test_statements_stay_prepared_across_reads_and_writes(pg_db: Database) -> None:
    """After a ROLLBACK the driver deallocates every prepared statement (one more round
    trip) and counts again from zero: reads end by COMMIT, so a statement run often is
    prepared once and stays so."""
    for n in range(8):
        _write_setting(pg_db, f"k{n}")
        with pg_db.read() as uow:
            uow.session.execute(text("SELECT count(*) FROM setting WHERE key <> :k"), {"k": "x"})
    with pg_db.read() as uow:
        prepared = uow.session.execute(
            text("SELECT statement FROM pg_prepared_statements")
        ).scalars()
        statements = " | ".join(prepared)
    assert "FROM setting WHERE key <>" in statements and "INSERT INTO setting" in statements


def test_a_transaction_that_runs_nothing_costs_nothing(pg_db: Database) -> None:
    _warm(pg_db)
    with round_trips() as trips:
        with pg_db.read() as uow:
            uow.memo["x"] = 1
        with pg_db.write() as uow:
            uow.memo["x"] = 1
    assert trips == []


def test_a_read_still_refuses_to_write_and_a_write_still_waits_its_turn(
    pg_db: Database, pg_url: str
) -> None:
    with pytest.raises(StorageError, match="may not write"), pg_db.read() as uow:
        uow.session.execute(text("INSERT INTO setting (key, value) VALUES ('no', 'v')"))
    holder = psycopg.connect(pg.Cluster.conninfo_of(pg_url))
    try:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (core_db.WRITE_LOCK_KEY,))
        with pg_db.engine.connect() as probe:  # a write begun meanwhile does not get the lock
            raw = probe.connection.driver_connection
            assert raw is not None
            raw.execute(db_pg.PG_BEGIN_WRITE)
            lock = f"SELECT pg_try_advisory_xact_lock({core_db.WRITE_LOCK_KEY})"
            assert raw.execute(lock).fetchone() == (False,)
            raw.rollback()
    finally:
        holder.rollback()
        holder.close()
    _write_setting(pg_db, "after")  # free again


def test_a_connection_idle_for_a_while_is_checked_and_replaced_quietly(
    pg_db: Database, pg_cluster: pg.Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_setting(pg_db, "before")
    with pg_db.read() as uow:
        pid = uow.session.execute(text("SELECT pg_backend_pid()")).scalar()
    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    monkeypatch.setattr(db_pg, "PING_AFTER_S", 0.0)  # "a while" has passed
    _write_setting(pg_db, "after")  # no error: a new connection, quietly
    with pg_db.read() as uow:
        again = uow.session.execute(text("SELECT pg_backend_pid()")).scalar()
        keys = set(uow.session.execute(text("SELECT key FROM setting")).scalars())
    assert again != pid and {"before", "after"} <= keys


def test_commits_are_as_durable_as_sqlite_unless_the_administrator_chose(
    pg_db: Database, pg_url: str, pg_cluster: pg.Cluster
) -> None:
    def setting(database: Database) -> tuple[str, str]:
        with database.read() as uow:
            row = uow.session.execute(
                text("SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'")
            ).one()
        return str(row[0]), str(row[1])

    value, source = setting(pg_db)
    # The test server is started with synchronous_commit=off (tests/pg.py): an
    # administrator's choice, kept; a server left at PostgreSQL's default gets "off".
    assert value == "off" and source in {"command line", "session"}
    name = make_url(pg_url).database
    pg_cluster.admin(f"ALTER DATABASE {name} SET synchronous_commit = on")
    chosen = open_database(pg_url)
    try:
        assert setting(chosen) == ("on", "database")  # the administrator's, not Régie's
    finally:
        chosen.dispose()


def test_a_server_left_at_its_default_commits_like_sqlite() -> None:
    """A server where nobody chose ``synchronous_commit`` (PostgreSQL's default, ``on``):
    Régie's sessions use ``off``; any other client keeps the server's ``on``."""
    cluster = pg.start_cluster(durable=True)
    try:
        with psycopg.connect(cluster.conninfo(), autocommit=True) as plain:
            assert plain.execute("SHOW synchronous_commit").fetchone() == ("on",)
        engine = db_pg.make_pg_engine(cluster.url("postgres"))
        try:
            with engine.connect() as conn:
                assert conn.execute(text("SHOW synchronous_commit")).scalar() == "off"
        finally:
            engine.dispose()
    finally:
        pg.stop_cluster(cluster)
