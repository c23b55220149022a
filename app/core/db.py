"""Database engine and unit of work, on an SQLite file or a PostgreSQL server.

The engines' differences live here (and, for PostgreSQL's round trips, in
``app.core.db_pg``) and nowhere else; both give the same guarantee behind
the same ``Database`` interface: **one writer at a time, readers never wait**.

SQLite: pragmas (WAL, foreign keys, busy timeout) and ``BEGIN IMMEDIATE`` for writing units
of work. Reading never waits for a writer (WAL).

PostgreSQL (``postgresql+psycopg://`` URL): a writing unit of work runs at READ COMMITTED
and its first statement takes one transaction-level advisory lock
(``pg_advisory_xact_lock(WRITE_LOCK_KEY)``), released by the commit or the rollback. So
writers are serialised exactly as by SQLite's ``BEGIN IMMEDIATE``: a check made inside a
write (units left for a booking, the next invoice number, "this unit is already out")
still holds when it commits, and every service written for SQLite stays correct unchanged
— no SERIALIZABLE retries to add to each service, no row lock to forget in a new one.
READ COMMITTED is enough under that lock: every writer starts after the previous one
committed, so each of its statements sees all earlier writes. The cost is throughput
(writes never run in parallel), which a cooperative's few workstations never notice: a
write lasts milliseconds. Reading units of work are REPEATABLE READ, READ ONLY: one
consistent snapshot for the whole read, like a WAL reader, never blocked by the lock.

A write waits for the write lock: first quietly for a second, then it logs a "busy" record
(logger ``regie.db``, which the CLI and the GUI show as "the database is busy —
waiting…") and keeps trying until ``REGIE_BUSY_TIMEOUT`` seconds (default 30) have passed;
then it refuses, naming the program holding the lock (on PostgreSQL: the holder's
``application_name``, e.g. "regie desk on magasin"). Failures of the file, the disk or
the server (read-only, damaged, full, server down, wrong password, connection lost...)
leave a unit of work as a ``StorageError`` with a sentence (``app.core.storage``).

On PostgreSQL the ``BEGIN`` (and the wait for the write lock) travels with a transaction's
first statement and the ``COMMIT`` with its change notice, and Régie's sessions commit as
durably as the SQLite file (``synchronous_commit`` off unless the server's administrator
chose it): ``app.core.db_pg``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from app.core import audit, notify, paths, storage
from app.core import log as _log  # noqa: F401  (no warning ever printed by "last resort")
from app.core import models as _kernel_models  # noqa: F401  (accounts, audit trail)
from app.core.access import SYSTEM, Actor
from app.core.errors import DomainError

#: How long one statement waits for a lock before SQLite says "busy" (readers in WAL mode
#: only meet one during a checkpoint: milliseconds).
BUSY_TIMEOUT_MS = 1_000
#: How long a write waits for the write lock in all (``REGIE_BUSY_TIMEOUT`` seconds).
DEFAULT_WAIT_S = 30.0
#: How long closing waits to refresh the planner's statistics (never worth waiting for).
OPTIMIZE_TIMEOUT_MS = 50
#: PostgreSQL: the advisory lock every writing transaction takes first ("Régie" in ASCII).
WRITE_LOCK_KEY = 0x52_65_67_69_65
_WRITE = "regie_write"
WRITE_OPTION = _WRITE  # execution option: this connection begins with BEGIN IMMEDIATE
BUSY_LOG = logging.getLogger("regie.db")
T = TypeVar("T")


class _IntoRegieLog(logging.Handler):
    """psycopg's own warnings ("error ignored terminating <psycopg.Pipeline [BAD]>" when
    the server goes away mid-copy) go to Régie's log, never to the terminal: Python prints
    a warning of a logger without a handler ("last resort")."""

    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger("regie.psycopg").handle(record)


if not any(isinstance(h, _IntoRegieLog) for h in logging.getLogger("psycopg").handlers):
    logging.getLogger("psycopg").addHandler(_IntoRegieLog())


def write_wait_seconds() -> float:
    """``REGIE_BUSY_TIMEOUT`` (seconds) when it is a number >= 0, else 30."""
    try:
        value = float(os.environ.get("REGIE_BUSY_TIMEOUT", ""))
    except ValueError:
        return DEFAULT_WAIT_S
    return value if value >= 0 else DEFAULT_WAIT_S


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
    if not immediate:
        conn.exec_driver_sql("BEGIN")
        return
    raw = conn.connection.driver_connection  # the sqlite3 connection
    path = Path(conn.engine.url.database or "")
    wait = write_wait_seconds()
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            raw.execute("BEGIN IMMEDIATE")  # waits up to BUSY_TIMEOUT_MS by itself
            return
        except sqlite3.Error as err:
            if not storage.is_busy(err):
                raise
            if not told:
                told = True
                found = storage.holders(path)
                BUSY_LOG.warning(
                    "database %s busy (%s): waiting up to %g s",
                    path,
                    storage.describe_holders(found) or "another program",
                    wait,
                    extra={"regie_busy": storage.describe_holders(found), "regie_db": path},
                )
            if time.monotonic() >= deadline:
                raise storage.busy(path, wait) from err
            time.sleep(0.05)


def make_engine(target: Path | str) -> Engine:
    """An engine for an SQLite file (a path) or a PostgreSQL server (a URL)."""
    if paths.is_url(target):
        from app.core.db_pg import make_pg_engine

        return make_pg_engine(str(target))
    engine = create_engine(
        sqlite_url(target),
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def storage_problem(err: BaseException, where: Path | str | None) -> DomainError | None:
    """``err`` as a sentence when it is a failure of the file, the disk or the database
    server (``where``: the file's path or the server's URL), else None."""
    if isinstance(err, DomainError):
        return None
    if isinstance(where, str) or storage.is_pg_error(err):
        return storage.pg_problem(err, where if isinstance(where, str) else None)
    if isinstance(err, (DBAPIError, sqlite3.Error, OSError)):
        return storage.problem(err, where)
    return None


class UnitOfWork:
    """One transaction: rolled back unless ``commit()`` is called.

    A writing unit of work takes the database's write lock at its first statement
    (``BEGIN IMMEDIATE`` on SQLite), so a check made inside it holds until commit.
    """

    def __init__(self, session: Session, actor: Actor = SYSTEM) -> None:
        self.session = session
        #: The account acting in this transaction (``app.core.access``): services refuse
        #: what its role may not do; the audit trail names it.
        self.actor = actor
        session.info[audit.ACTOR_KEY] = actor
        self.committed = False
        #: Per-transaction memo of small, rarely written tables (settings, coefficient
        #: tables): read once per unit of work, never across transactions.
        self.memo: dict[object, object] = {}

    def commit(self) -> None:
        self.session.commit()
        self.committed = True

    def flush(self) -> None:
        self.session.flush()

    def row(self, model: type[T], ident: object) -> T:
        """The ``model`` row whose primary key is ``ident``, known to exist (a foreign key
        just read): a missing one is a programming error, raised as ``LookupError``. For a
        row a person names, look it up and raise ``NotFound`` instead."""
        found = self.session.get(model, ident)
        if found is None:
            raise LookupError(f"no {model.__name__} {ident!r}")
        return found


class HasId(Protocol):
    """A table row: SQLModel types the primary key optional (None until flushed)."""

    @property
    def id(self) -> int | None: ...


def require_id(row: HasId) -> int:
    """The primary key of a stored row (read, or added and flushed). A row without one is
    a programming error, never a user's: it raises ``LookupError``."""
    if row.id is None:
        raise LookupError(f"{type(row).__name__} has no id yet: flush it first")
    return row.id


def id_column(model: type[Any]) -> ColumnElement[int]:
    """``model``'s primary key as a column to select, join or compare on, typed as what it
    reads: a stored row always has one (SQLModel types ``id`` optional only for rows not
    yet flushed)."""
    column = model.__table__.c.id
    if not isinstance(column, ColumnElement):
        raise TypeError(f"{model.__name__} has no id column")
    return column


class Database:
    """An opened (and migrated) database: the factory of units of work."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None = None,
        actor: Actor = SYSTEM,
        url: str | None = None,
    ) -> None:
        self.engine = engine
        #: The SQLite file (None on a server).
        self.path = path
        #: The server's URL (None for a file).
        self.url = url
        #: The logged-in account every unit of work acts as (``SYSTEM`` until a face logs
        #: a person in: migrations, the demo build, tests).
        self.actor = actor
        #: Has a write committed since opening? (``dispose`` then refreshes statistics.)
        self.wrote = False
        self._reader = sessionmaker(bind=engine, class_=Session, expire_on_commit=False)
        self._writer = sessionmaker(
            bind=engine.execution_options(**{_WRITE: True}),
            class_=Session,
            expire_on_commit=False,
        )
        audit.install(self._writer)
        notify.install(self._writer)

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        # Closing the session ends the (read) transaction; loaded objects stay readable.
        try:
            with self._reader() as session:
                yield UnitOfWork(session, self.actor)
        except Exception as err:
            problem = storage_problem(err, self.where)
            if problem is None:
                raise
            raise problem from err

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """A writing transaction, committed when the block ends without error."""
        try:
            with self._writer() as session:
                uow = UnitOfWork(session, self.actor)
                try:
                    yield uow
                    if not uow.committed:
                        uow.commit()
                    self.wrote = True
                except BaseException:
                    _quietly(session.rollback)
                    raise
        except Exception as err:
            problem = storage_problem(err, self.where)
            if problem is None:
                raise
            raise problem from err

    @property
    def where(self) -> Path | str | None:
        """The file or the server's URL (what sentences about a failure name)."""
        return self.url if self.url is not None else self.path

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return str(self.engine.dialect.name)

    @property
    def display_name(self) -> str:
        """The file's path, or the server's URL without its password."""
        if self.url is not None:
            return paths.display_url(self.url)
        return str(self.path) if self.path is not None else "?"

    def integrity_check(self) -> str:
        """``ok``, or what the engine found damaged (``app.core.dialect.integrity_problems``)."""
        from app.core import dialect

        with self.engine.connect() as conn:
            problems = dialect.integrity_problems(conn)
        return "\n".join(problems) if problems else "ok"

    def dispose(self) -> None:
        """Close the connections. After writes, first refresh the planner's statistics
        (``PRAGMA optimize``) if the write lock is free at once: never waited for, never
        fatal, and a reader's close never needs the lock."""
        if self.wrote and self.url is None:
            _quietly(self._optimize)
        self.engine.dispose()

    def _optimize(self) -> None:
        raw = self.engine.raw_connection()
        try:
            conn = raw.driver_connection  # autocommit (isolation_level None): ANALYZE sticks
            if conn is None:  # already invalidated: nothing to refresh
                return
            conn.execute(f"PRAGMA busy_timeout = {OPTIMIZE_TIMEOUT_MS}")
            try:
                conn.execute("PRAGMA optimize")
            finally:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        finally:
            raw.close()


def _quietly(action: Any) -> None:
    """Run a clean-up that must not hide the error being handled (or fail a close)."""
    try:
        action()
    except Exception:  # noqa: BLE001 - best effort by design
        BUSY_LOG.debug("clean-up failed", exc_info=True)
