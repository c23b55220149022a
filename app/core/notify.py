"""Telling every open window that another program changed the data, within about a second.

Two halves, both Qt-free (``app.gui.shell.live`` turns what a ``Watcher`` sees into the
screens' ``Change`` announcements):

- ``install(writer)`` hooks the writing sessions of a ``Database``. It notes the tables each
  transaction writes (the ORM's flushes and its ``insert``/``update``/``delete``
  statements). On PostgreSQL it sends ``NOTIFY regie_changes`` with those tables in the
  same message as the transaction's ``COMMIT`` (one round trip for both), so the notice is
  delivered at commit and never for a rolled-back write. On SQLite, when this process watches the database, it notes which ``audit_event``
  ids its own commits wrote (writers are serialised, so they are one contiguous range per
  commit).
- ``Watcher(engine)`` sees the commits of *other* programs (another window on the same PC,
  the CLI, another workstation): on PostgreSQL it ``LISTEN``s on its own connection and
  drops the notices this process sent; on SQLite it polls ``PRAGMA data_version`` on its own
  connection (one cheap call that changes only when another connection committed) and, when
  it changed, reads the entities of the new ``audit_event`` rows that are not its own. A
  change it cannot name (a write without an audit trail, notices missed while a server was
  unreachable) is ``UNKNOWN``: the windows then refresh everything.

The watcher never writes, holds no transaction open between polls (SQLite's checkpoints and
PostgreSQL's vacuum are never held back) and survives a lost connection (it reconnects,
then reports ``UNKNOWN`` since notices may have been missed meanwhile).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, inspect, text
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from app.core import dialect

#: The PostgreSQL channel every writing transaction notifies.
CHANNEL = "regie_changes"
#: What a change whose tables are not known is reported as: refresh everything.
UNKNOWN = "*"
#: This process's mark in the notices it sends (with the database's connection pool, see
#: ``origin``): its own writes are announced by the window that made them, not a second
#: time by the watcher.
ORIGIN = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
#: The audit trail's table (its rows name the entities other programs wrote).
AUDIT_TABLE = "audit_event"
#: After a first notice, how long a PostgreSQL watcher collects more before answering (a
#: burst of commits is one announcement).
GATHER_S = 0.2
#: How long a watcher waits before trying to reconnect to an unreachable database.
RECONNECT_S = 2.0

_TABLES = "regie_notify_tables"  # session.info: tables written in this transaction
_BASE = "regie_notify_audit_base"  # session.info: max(audit_event.id) when it began
_PENDING = "regie_notify_pending"  # session.info: the own range recorded at commit
#: connection.info: the notice its ``COMMIT`` will carry (sent by ``app.core.db_pg``)
NOTICE = "regie_notify_notice"
LOG = logging.getLogger("regie.notify")


# --- the writing side --------------------------------------------------------------------


def install(writer: Any) -> None:
    """Announce the commits of sessions made by ``writer`` (a ``sessionmaker``)."""
    event.listen(writer, "after_begin", _began)
    event.listen(writer, "after_flush", _flushed)
    event.listen(writer, "do_orm_execute", _executed)
    event.listen(writer, "before_commit", _committing)
    event.listen(writer, "after_commit", _forget)
    event.listen(writer, "after_rollback", _rolled_back)


def _table_of(obj: object) -> str:
    table = getattr(inspect(obj).mapper.local_table, "name", None)
    return table if isinstance(table, str) else UNKNOWN


def _written(session: Session) -> set[str]:
    tables = session.info.get(_TABLES)
    if not isinstance(tables, set):
        tables = set()
        session.info[_TABLES] = tables
    return tables


def _flushed(session: Session, _context: Any) -> None:
    tables = _written(session)
    for obj in (*session.new, *session.deleted):
        tables.add(_table_of(obj))
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            tables.add(_table_of(obj))


def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(getattr(state.statement, "table", None), "name", None)
        _written(state.session).add(table if isinstance(table, str) else UNKNOWN)


def _began(session: Session, _transaction: SessionTransaction, connection: Any) -> None:
    """On a watched SQLite database, note where this transaction's audit rows will start
    (the write lock is held from ``BEGIN IMMEDIATE``: no other writer can interleave)."""
    if _BASE in session.info or _tracker(connection.engine) is None:
        return
    session.info[_BASE] = _max_audit_id(connection)


def _committing(session: Session) -> None:
    """Inside the transaction, after its last flush: send the notice (PostgreSQL) or note
    this commit's own audit rows (a watched SQLite database)."""
    if not (session.info.get(_TABLES) or session.new or session.dirty or session.deleted):
        return  # wrote nothing
    session.flush()  # the commit's own flush finds nothing left: every table is known now
    tables = session.info.get(_TABLES)
    if not tables:
        return
    connection = session.connection()
    if dialect.name_of(connection) == dialect.POSTGRESQL:
        payload = json.dumps({"origin": origin(connection.engine), "tables": sorted(tables)})
        connection.info[NOTICE] = payload  # sent with the COMMIT (``app.core.db_pg``)
        return
    tracker = _tracker(connection.engine)
    base = session.info.get(_BASE)
    if tracker is not None and isinstance(base, int):
        high = _max_audit_id(connection)
        if high is not None:
            pending = (base, high)
            session.info[_PENDING] = (tracker, pending)
            tracker.own(pending)


def _forget(session: Session) -> None:
    for key in (_TABLES, _BASE, _PENDING):
        session.info.pop(key, None)


def _rolled_back(session: Session) -> None:
    """A commit that failed after its rows were noted as ours: they were never written, so
    their ids may be another program's next (not ours to hide)."""
    pending = session.info.get(_PENDING)
    if isinstance(pending, tuple):
        tracker, span = pending
        tracker.disown(span)
    _forget(session)


def origin(engine: Engine) -> str:
    """Who sent a notice: this process and this database (its pool of connections)."""
    return f"{ORIGIN}-{id(engine.pool)}"


def _max_audit_id(connection: Any) -> int | None:
    try:
        found = connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {AUDIT_TABLE}"))
        return int(found.scalar() or 0)
    except Exception:  # noqa: BLE001 - no trail yet (an old file): the watcher says UNKNOWN
        LOG.debug("no audit trail to read", exc_info=True)
        return None


# --- this process's own commits on a watched SQLite database ------------------------------


@dataclass
class _Tracker:
    """The ``audit_event`` id ranges (``low < id <= high``) this process committed, until
    the watcher has read past them; and how many commits it made."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    spans: list[tuple[int, int]] = field(default_factory=list)
    commits: int = 0
    watchers: int = 0

    def own(self, span: tuple[int, int]) -> None:
        with self.lock:
            self.spans.append(span)
            self.commits += 1

    def disown(self, span: tuple[int, int]) -> None:
        with self.lock:
            if span in self.spans:
                self.spans.remove(span)
                self.commits -= 1

    def take(self) -> tuple[list[tuple[int, int]], int]:
        """The spans so far and the number of own commits since the last call."""
        with self.lock:
            commits, self.commits = self.commits, 0
            return list(self.spans), commits

    def read_up_to(self, last: int) -> None:
        """The watcher has read every id up to ``last``: spans below it are done with."""
        with self.lock:
            self.spans = [span for span in self.spans if span[1] > last]


_trackers: dict[int, _Tracker] = {}
_trackers_lock = threading.Lock()


def _tracker(engine: Engine) -> _Tracker | None:
    return _trackers.get(id(engine.pool))


def _watch(engine: Engine) -> _Tracker:
    with _trackers_lock:
        tracker = _trackers.setdefault(id(engine.pool), _Tracker())
        tracker.watchers += 1
        return tracker


def _unwatch(engine: Engine) -> None:
    with _trackers_lock:
        tracker = _trackers.get(id(engine.pool))
        if tracker is not None:
            tracker.watchers -= 1
            if tracker.watchers <= 0:
                del _trackers[id(engine.pool)]


# --- the watching side -------------------------------------------------------------------


def _ours(ident: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(low < ident <= high for low, high in spans)


class Watcher:
    """Sees the commits of other programs on ``engine``'s database.

    ``changes(timeout, stop)`` returns the tables they wrote (``UNKNOWN`` among them when
    it cannot say which), waiting at most ``timeout`` seconds; empty when nothing changed.
    Call it from one thread; ``close()`` from the same thread once it returns."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.postgresql = dialect.name_of(engine) == dialect.POSTGRESQL
        self._origin = origin(engine)
        self._tracker = None if self.postgresql else _watch(engine)
        self._conn: Any = None
        self._version: int | None = None
        self._last_id = 0
        self._lost = False  # the connection was lost: what happened meanwhile is unknown
        self._closed = False

    # --- connection -----------------------------------------------------------------------

    def _connect(self) -> Any:
        """A connection of our own (out of the engine's pool: same settings, never shared),
        in autocommit: no transaction stays open between polls."""
        raw = self.engine.raw_connection()
        conn: Any = raw.driver_connection
        raw.detach()
        if conn is None:
            raise ConnectionError("the database connection was invalidated")
        try:
            if self.postgresql:
                conn.rollback()  # whatever a connect hook began: autocommit needs none open
                conn.autocommit = True
                conn.execute(f"LISTEN {CHANNEL}")
            else:
                conn.isolation_level = None
                self._version = self._data_version(conn)
                last = _max_audit_id_raw(conn)
                self._last_id = last if last is not None else 0
        except Exception:
            _close_quietly(conn)
            raise
        return conn

    def _disconnect(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            _close_quietly(conn)

    def close(self) -> None:
        """Close the watcher's connection; it sees nothing more."""
        if self._closed:
            return
        self._closed = True
        self._disconnect()
        if not self.postgresql:
            _unwatch(self.engine)

    # --- polling --------------------------------------------------------------------------

    def changes(self, timeout: float, stop: threading.Event | None = None) -> frozenset[str]:
        stop = stop or threading.Event()
        if self._closed:
            return frozenset()
        if self._conn is None:
            try:
                self._conn = self._connect()
            except Exception:  # noqa: BLE001 - unreachable for now: try again later
                if not self._lost:  # said once per outage, not every few seconds
                    LOG.info("live refresh: cannot connect yet", exc_info=True)
                self._lost = True
                stop.wait(max(timeout, RECONNECT_S))
                return frozenset()
            if self._lost:  # back after a loss: notices may have been missed
                self._lost = False
                return frozenset({UNKNOWN})
        try:
            if self.postgresql:
                return self._notices(timeout, stop)
            if stop.wait(timeout):
                return frozenset()
            return self._poll()
        except Exception:  # noqa: BLE001 - a lost connection: reconnect at the next call
            LOG.info("live refresh: connection lost", exc_info=True)
            self._disconnect()
            self._lost = True
            return frozenset()

    def _notices(self, timeout: float, stop: threading.Event) -> frozenset[str]:
        tables: set[str] = set()
        heard = False
        remaining = timeout
        while remaining > 0 and not stop.is_set() and not heard:
            step = min(remaining, 0.5)
            for notice in self._conn.notifies(timeout=step, stop_after=1):
                heard = True
                tables |= _tables_of(notice.payload, self._origin)
            remaining -= step
        if heard:  # a burst of commits: one answer
            for notice in self._conn.notifies(timeout=GATHER_S):
                tables |= _tables_of(notice.payload, self._origin)
        return frozenset(tables)

    def _poll(self) -> frozenset[str]:
        conn = self._conn
        if self._data_version(conn) == self._version:  # nobody else committed
            return frozenset()
        tracker = self._tracker
        if tracker is None:
            return frozenset()
        conn.execute("BEGIN")  # one snapshot: the version and the rows agree
        try:
            rows = _new_audit_rows(conn, self._last_id)  # the snapshot starts here
            self._version = self._data_version(conn)
        finally:
            conn.execute("COMMIT")
        # Our own spans are noted before their rows can be seen: read after the rows.
        spans, own_commits = tracker.take()
        if rows is None:  # no trail to read: something changed, not what
            return frozenset() if own_commits else frozenset({UNKNOWN})
        theirs = {str(entity) for ident, entity in rows if not _ours(int(ident), spans)}
        if rows:
            self._last_id = int(rows[-1][0])
            tracker.read_up_to(self._last_id)
        if theirs:
            return frozenset(theirs)
        if rows or own_commits:  # only our own commits since the last poll
            return frozenset()
        return frozenset({UNKNOWN})  # a commit that left no trail (a raw write, a restore)

    @staticmethod
    def _data_version(conn: Any) -> int:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])


def _max_audit_id_raw(conn: Any) -> int | None:
    try:
        row = conn.execute(f"SELECT coalesce(max(id), 0) FROM {AUDIT_TABLE}").fetchone()
        return int(row[0])
    except Exception:  # noqa: BLE001 - an old file without a trail
        return None


def _new_audit_rows(conn: Any, after: int) -> list[tuple[int, str]] | None:
    try:
        return list(
            conn.execute(
                f"SELECT id, entity FROM {AUDIT_TABLE} WHERE id > ? ORDER BY id", (after,)
            ).fetchall()
        )
    except Exception:  # noqa: BLE001 - an old file without a trail
        LOG.debug("live refresh: no audit trail", exc_info=True)
        return None


def _tables_of(payload: str, own: str) -> set[str]:
    """The tables a notice names; none for our own (``own`` sent it); ``UNKNOWN`` if it
    cannot be read."""
    try:
        notice = json.loads(payload)
        if notice.get("origin") == own:
            return set()
        return {str(table) for table in notice.get("tables", [])} or {UNKNOWN}
    except (ValueError, AttributeError, TypeError):
        return {UNKNOWN}


def _close_quietly(conn: Any) -> None:
    try:
        conn.close()
    except Exception:  # noqa: BLE001 - closing a broken connection
        LOG.debug("closing the watcher's connection failed", exc_info=True)
