"""PostgreSQL's engine (``app.core.db.make_engine`` for a server's URL): the same
guarantees as SQLite's, in as few round trips to the server as they allow.

Every message to the server waits for its answer, and on a busy machine each wait is one
more turn for the server's process to be scheduled: a transaction's fixed cost is its
number of round trips, which this module keeps to what it cannot do without.

- The driver runs in autocommit and Régie begins each transaction itself, in the same
  round trip as its first statement (a psycopg pipeline: the ``BEGIN`` and that statement
  are sent together, their answers read together). A read begins ``REPEATABLE READ, READ
  ONLY`` (one snapshot). A write begins ``READ COMMITTED, READ WRITE`` and waits for the
  write lock (``pg_advisory_xact_lock(WRITE_LOCK_KEY)``) before its first statement, for
  a quiet second at most (``lock_timeout``); when another program still holds it, the
  attempt is rolled back (its first statement never ran), the wait is said (logger
  ``regie.db``) and goes on in the server's queue until ``REGIE_BUSY_TIMEOUT``, then the
  first statement runs. A transaction that runs no statement costs nothing.
- ``COMMIT`` is sent in the same round trip as the transaction's audit rows
  (``app.core.audit``) and its change notice (``app.core.notify``).
- A pooled connection given back less than ``PING_AFTER_S`` ago is used as it is; an
  older one answers an empty query first (a server restarted meanwhile: a new connection,
  quietly).
- Commits are as durable as the SQLite file's (WAL, synchronous NORMAL: a power cut may
  lose the last commits, never corrupt nor half-apply one): Régie's sessions use
  ``synchronous_commit = off`` — unless the server's administrator chose a value (in
  postgresql.conf, ``ALTER SYSTEM``, ``ALTER DATABASE`` or ``ALTER ROLE``), which stays.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError

from app.core import audit, notify, paths, storage
from app.core.db import BUSY_LOG, WRITE_LOCK_KEY, WRITE_OPTION, write_wait_seconds

#: How a reading transaction begins (one consistent snapshot, never writing).
PG_BEGIN_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
#: How a writing transaction begins.
PG_BEGIN_WRITE = "BEGIN ISOLATION LEVEL READ COMMITTED, READ WRITE"
#: Once per new connection: ``synchronous_commit`` off unless an administrator chose it.
PG_SESSION_SETUP = (
    "SELECT set_config('synchronous_commit', 'off', false) FROM pg_settings "
    "WHERE name = 'synchronous_commit' AND source = 'default'"
)
#: A pooled connection given back less than this many seconds ago is taken as alive.
PING_AFTER_S = 1.0
#: How long a write waits for the write lock before saying so (at most).
QUIET_S = 1.0
_USED = "regie_checked_in"  # pool record info: when the connection was given back
_BEGIN = "regie_begin"  # connection info: this transaction's BEGIN, not sent yet
_WRITING = "regie_writing"  # connection info: is this transaction a write?


def make_pg_engine(url: str) -> Engine:
    engine = create_engine(
        paths.normal_url(url),
        isolation_level="AUTOCOMMIT",  # each transaction is begun here, not by the driver
        connect_args={
            "application_name": storage.application_name(),
            "connect_timeout": 10,
            # Times are stored as UTC wall-clock times, as on SQLite: the session's time zone
            # must be UTC whatever the server's default, or an aware time written into a
            # ``timestamp`` column would be shifted by the server's offset.
            "options": "-c TimeZone=UTC",
        },
    )
    event.listen(engine, "connect", _connected)
    event.listen(engine.pool, "checkout", _checked_out)
    event.listen(engine.pool, "checkin", _checked_in)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "commit", _commit)
    event.listen(engine, "rollback", _rolled_back)
    event.listen(engine, "do_execute", _execute)
    event.listen(engine, "do_execute_no_params", _execute_no_params)
    event.listen(engine, "do_executemany", _executemany)
    return engine


# --- the pool ------------------------------------------------------------------------------


def _connected(dbapi_conn: Any, record: Any) -> None:
    dbapi_conn.execute(PG_SESSION_SETUP, prepare=False)
    if not dbapi_conn.autocommit:  # before the engine set autocommit: end what it began
        dbapi_conn.commit()
    record.info[_USED] = time.monotonic()


def _checked_in(_dbapi_conn: Any, record: Any) -> None:
    if record is not None:
        record.info[_USED] = time.monotonic()


def _checked_out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
    """A connection idle for more than ``PING_AFTER_S`` answers one empty query first; one
    that does not is replaced by a new connection (the server restarted meanwhile)."""
    last = record.info.get(_USED)
    if isinstance(last, float) and time.monotonic() - last < PING_AFTER_S:
        return
    import psycopg

    try:
        dbapi_conn.execute(";", prepare=False)
    except psycopg.Error as err:
        raise DisconnectionError(f"the connection was lost: {err}") from err


# --- transactions ----------------------------------------------------------------------------


def _begin(conn: Any) -> None:
    """Note how this transaction begins; the ``BEGIN`` goes with its first statement."""
    write = bool(conn.get_execution_options().get(WRITE_OPTION, False))
    conn.info[_BEGIN] = write
    conn.info[_WRITING] = write


def _rolled_back(conn: Any) -> None:
    """Forget what the transaction left to send (never to be sent). A read that ran well
    ends with ``COMMIT`` rather than ``ROLLBACK`` (the same for a read, and the driver then
    keeps its prepared statements: after a ``ROLLBACK`` it deallocates them all, one more
    round trip, and prepares them again later)."""
    if conn.invalidated:  # an invalidated connection's notes went with it
        return
    info = conn.info
    for key in (_BEGIN, audit.PENDING, notify.NOTICE):
        info.pop(key, None)
    if info.pop(_WRITING, True):
        return
    import psycopg

    raw = conn.connection.driver_connection
    if raw is None or raw.info.transaction_status != psycopg.pq.TransactionStatus.INTRANS:
        return  # not begun, or failed: the driver's ROLLBACK
    try:
        raw.commit()
    except psycopg.Error:  # the connection is lost: the driver's rollback says so
        BUSY_LOG.debug("ending a read by COMMIT failed", exc_info=True)


def _commit(conn: Any) -> None:
    """The transaction's audit rows, its change notice and its ``COMMIT`` in one round
    trip (a pipeline: if a row is refused, nothing after it runs and nothing commits).
    The driver's own ``commit()`` then finds nothing left to commit."""
    info = conn.info
    rows = info.pop(audit.PENDING, None)
    notice = info.pop(notify.NOTICE, None)
    info.pop(_BEGIN, None)
    info.pop(_WRITING, None)
    if not rows and not isinstance(notice, str):
        return
    raw = conn.connection.driver_connection
    with raw.pipeline():
        if rows:
            raw.cursor().executemany(audit.PG_INSERT, rows)
        if isinstance(notice, str):
            raw.execute("SELECT pg_notify(%s, %s)", (notify.CHANNEL, notice))
        raw.execute("COMMIT", prepare=False)


def _pending(context: Any) -> bool | None:
    """The transaction's BEGIN still to send (True: a write), or None once sent."""
    try:
        info = context.root_connection.info
    except NotImplementedError:  # the dialect's first look at a new connection: no begin
        return None
    found = info.pop(_BEGIN, None)
    return found if isinstance(found, bool) else None


def _execute(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    write = _pending(context)
    if write is None:
        return False  # the driver executes it as usual
    import psycopg

    raw = cursor.connection
    if isinstance(cursor, psycopg.ServerCursor):  # a named cursor: not in a pipeline
        _begin_alone(raw, write, context)
        return False
    if not write:
        with raw.pipeline():
            raw.execute(PG_BEGIN_READ, prepare=False)
            cursor.execute(statement, parameters)
        return True
    wait = write_wait_seconds()
    started = time.monotonic()
    quiet_ms = max(1, int(min(QUIET_S, wait) * 1000))
    try:
        with raw.pipeline():
            raw.execute(PG_BEGIN_WRITE, prepare=False)
            # Queued for the lock, then the statement: it runs only once the lock is held.
            raw.execute(f"SET LOCAL lock_timeout = {quiet_ms}", prepare=False)
            raw.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})", prepare=False)
            raw.execute("SET LOCAL lock_timeout TO DEFAULT", prepare=False)
            cursor.execute(statement, parameters)
        return True
    except psycopg.errors.LockNotAvailable:
        raw.rollback()  # still busy after the quiet wait: the statement never ran
    raw.execute(PG_BEGIN_WRITE, prepare=False)
    take_write_lock_pg(raw, _url(context), started=started)
    cursor.execute(statement, parameters)
    return True


def _execute_no_params(cursor: Any, statement: str, context: Any) -> bool:
    return _execute(cursor, statement, None, context)


def _executemany(cursor: Any, _statement: str, _parameters: Any, context: Any) -> bool:
    write = _pending(context)
    if write is not None:
        _begin_alone(cursor.connection, write, context)
    return False  # the driver executes them (in a pipeline of its own)


def _begin_alone(raw: Any, write: bool, context: Any) -> None:
    """Begin in a round trip of its own (before a statement that cannot join a pipeline)."""
    if not write:
        raw.execute(PG_BEGIN_READ, prepare=False)
        return
    raw.execute(PG_BEGIN_WRITE, prepare=False)
    take_write_lock_pg(raw, _url(context))


def _url(context: Any) -> str:
    return str(context.root_connection.engine.url.render_as_string(hide_password=False))


def take_write_lock_pg(raw: Any, url: str, started: float | None = None) -> None:
    """Take the write lock in the psycopg transaction ``raw`` has begun: at once when free;
    else quietly for a second after ``started`` (now when not given), then saying "busy"
    (logger), in the server's queue until the wait runs out."""
    lock = f"pg_try_advisory_xact_lock({WRITE_LOCK_KEY})"
    if raw.execute(f"SELECT {lock}").fetchone()[0]:
        return
    wait = write_wait_seconds()
    started = time.monotonic() if started is None else started
    quiet_until = started + min(QUIET_S, wait)
    while time.monotonic() < quiet_until:
        time.sleep(0.01)
        if raw.execute(f"SELECT {lock}").fetchone()[0]:
            return
    found = storage.pg_holders(raw, WRITE_LOCK_KEY)
    where = paths.display_url(url)
    BUSY_LOG.warning(
        "database %s busy (%s): waiting up to %g s",
        where,
        ", ".join(found) or "another program",
        wait,
        extra={"regie_busy": ", ".join(found), "regie_db": where},
    )
    left_ms = max(1, int((started + wait - time.monotonic()) * 1000))
    # Now in the server's queue (first come, first served) for what is left of the wait.
    raw.execute(f"SET LOCAL lock_timeout = {left_ms}")
    try:
        raw.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
    except Exception as err:
        if storage.pg_sqlstate(err) == storage.PG_LOCK_NOT_AVAILABLE:
            raise storage.pg_busy(url, wait, found) from err
        raise
    raw.execute("SET LOCAL lock_timeout TO DEFAULT")
