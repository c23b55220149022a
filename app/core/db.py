"""Database engine and unit of work.

This module is the SQLite adapter: pragmas (WAL, foreign keys, busy timeout) and the
``BEGIN IMMEDIATE`` used by writing units of work live here and nowhere else, so a
PostgreSQL engine can later be slotted in behind the same ``Database`` interface.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

BUSY_TIMEOUT_MS = 10_000
_WRITE = "regie_write"


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would defer it).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path | str) -> Engine:
    engine = create_engine(
        sqlite_url(path),
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class UnitOfWork:
    """One transaction: rolled back unless ``commit()`` is called.

    A writing unit of work takes the database's write lock at its first statement
    (``BEGIN IMMEDIATE`` on SQLite), so a check made inside it holds until commit.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.committed = False
        #: Per-transaction memo of small, rarely written tables (settings, coefficient
        #: tables): read once per unit of work, never across transactions.
        self.memo: dict[object, object] = {}

    def commit(self) -> None:
        self.session.commit()
        self.committed = True

    def flush(self) -> None:
        self.session.flush()


class Database:
    """An opened (and migrated) database: the factory of units of work."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._reader = sessionmaker(bind=engine, class_=Session, expire_on_commit=False)
        self._writer = sessionmaker(
            bind=engine.execution_options(**{_WRITE: True}),
            class_=Session,
            expire_on_commit=False,
        )

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        # Closing the session ends the (read) transaction; loaded objects stay readable.
        with self._reader() as session:
            yield UnitOfWork(session)

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """A writing transaction, committed when the block ends without error."""
        with self._writer() as session:
            uow = UnitOfWork(session)
            try:
                yield uow
                if not uow.committed:
                    uow.commit()
            except BaseException:
                session.rollback()
                raise

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())

    def dispose(self) -> None:
        # Refresh the planner's statistics if stale. In a writing transaction: a deferred
        # one is rolled back at the end (the statistics were lost) and, when another
        # process writes meanwhile, cannot wait for the lock ("database is locked").
        with self.write() as uow:
            uow.session.connection().exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()
