"""Live refresh: what other windows and workstations commit reaches the screens within
about a second, without a restart.

A ``Live`` runs one daemon thread that waits on ``app.core.notify.Watcher`` (PostgreSQL
``LISTEN``, or SQLite's data-version poll every second) and hands the tables written by
others to the GUI thread, which announces their kinds on ``Operations.changed`` exactly as
a write of this window does: each screen refreshes what it shows, through ``ops.read`` (off
the GUI thread). This window's own writes are not announced twice (the watcher drops them).
A burst of commits is one announcement, at most one per ``QUIET_S``, and never before the
screens have finished re-reading the previous one.

``Operations`` starts it when it runs jobs on a real thread (the application, not the
tests' ``SyncRunner``) and stops it when the application quits or the operations go away:
the thread then ends within a poll and closes its own connection.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core import notify
from app.gui.shell.changes import kinds_of

if TYPE_CHECKING:
    from app.gui.shell.operations import Operations

#: How long the watcher waits for a change per call (SQLite: the poll's period).
INTERVAL_S = 1.0
#: At least this long between two announcements (a burst of commits is one).
QUIET_S = 0.5
#: How long stopping waits for the thread (it is a daemon: never holds the exit).
STOP_WAIT_S = 2.0
LOG = logging.getLogger("regie.live")


class Live(QObject):
    """Watches the database of ``ops`` for the commits of others; announces their kinds."""

    #: The tables others wrote (a frozenset), carried to the GUI thread.
    arrived = Signal(object)

    def __init__(self, ops: Operations, interval: float = INTERVAL_S) -> None:
        super().__init__(ops)
        self.ops = ops
        self.interval = interval
        #: How many announcements were made (tests and the journey read it).
        self.announcements = 0
        self._pending: set[str] = set()  # tables others wrote, not announced yet
        self._refreshing = False  # the screens are re-reading the last announcement
        self.watcher = notify.Watcher(ops.ctx.db.engine)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="regie-live", daemon=True)
        self.arrived.connect(self._announce)
        stop = self._stop  # not self: the signal may outlive this object's Python side
        ops.destroyed.connect(lambda *_: stop.set())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def start(self) -> Live:
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        """Stop watching; waits for the thread a moment (it closes its connection)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(STOP_WAIT_S)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                tables = self.watcher.changes(self.interval, self._stop)
                if not tables or self._stop.is_set():
                    continue
                try:
                    self.arrived.emit(tables)
                except RuntimeError:  # the window went away meanwhile
                    return
                self._stop.wait(QUIET_S)
        except Exception:  # noqa: BLE001 - never a traceback from a helper thread
            LOG.exception("live refresh stopped")
        finally:
            self.watcher.close()

    def _announce(self, tables: frozenset[str]) -> None:
        """Announce what others changed — once the screens have re-read what the previous
        announcement asked for (a busy server never piles refreshes up behind each other:
        what arrives meanwhile is announced together afterwards)."""
        self._pending |= tables
        if self._refreshing or self._stop.is_set():
            return
        kinds = kinds_of(self._pending)
        LOG.debug("changed elsewhere: %s", ", ".join(sorted(self._pending)))
        self._pending = set()
        self.announcements += 1
        self._refreshing = True
        try:
            for kind in kinds:
                self.ops.changed.emit(kind)
        finally:  # the one worker runs jobs in order: this ends after the screens' reads
            self.ops.runner.submit(lambda: None, self._refreshed, self._refreshed)

    def _refreshed(self, _result: object) -> None:
        self._refreshing = False
        if self._pending:
            self._announce(frozenset())


def start(ops: Operations, interval: float = INTERVAL_S) -> Live:
    """Watch ``ops``'s database from now on (stopped at quit)."""
    return Live(ops, interval).start()
