"""The seam between widgets and services (after Anki's operations).

Widgets never open sessions: they ask ``Operations`` to run a read or a write on the one
database worker thread, and get the result (or a translated error) back on the GUI thread.
``changed`` tells every screen what kind of data changed so each refreshes what it shows —
after this window's writes, and (``live``) after the commits of other windows and
workstations.
Long work (imports, batch PDFs) runs through ``long`` with progress and cancellation.
In tests, ``SyncRunner`` runs everything at once on the calling thread.

Every job ends with a call back, whatever it raised, so a screen never stays busy: a
DomainError (a refusal, or a failure of the database or the disk in a sentence) goes to
the failure callback as usual (none given: ``failed``, which the main window shows);
anything else is written with its traceback to the log file, shown in the error dialog,
and handed to the failure callback as an ``UnexpectedError`` (a DomainError) so the
screen can reset. A call back that raises is shown the same way: no failure is silent. While a write waits for the
database's lock (another program is writing), ``busy`` says so in the window's status bar.
"""

from __future__ import annotations

import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow

from app.bootstrap import Context
from app.core import storage
from app.core.db import BUSY_LOG, UnitOfWork
from app.core.errors import DomainError, UnexpectedError
from app.gui.shell import live, lost
from app.gui.shell.changes import Change
from app.gui.shell.error_dialog import as_error, show_error
from app.gui.shell.live import Live

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[DomainError], object]  # what it returns is not used


class Cancelled(Exception):
    """Raised inside a long task when the user pressed Cancel."""


class Progress:
    """Handed to a long task: report ``(done, total)``; raises Cancelled once cancelled."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._report(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Carries results from the worker thread back to the GUI thread."""

    finished = Signal(object, object, object)  # callback, result, error
    progressed = Signal(object, int, int)  # callback, done, total


def unexpected(err: BaseException, trace: str = "", where: str = "a background job") -> Any:
    """``err`` as something to show (``as_error``), even when writing the log fails."""
    trace = trace or "".join(traceback.format_exception(err))
    try:
        return as_error(err, trace=trace, where=where)
    except Exception:  # noqa: BLE001 - the log is unwritable: still say what happened
        return UnexpectedError(err, trace=trace)


def run_job(work: Callable[[], Any]) -> tuple[bool, Any]:
    """Run ``work``: ``(True, result)``, or ``(False, error)`` whatever it raised — a
    DomainError or Cancelled as itself, anything else as ``unexpected`` makes it (also what
    is not an Exception, such as a ``SystemExit`` from a library: a job never ends
    silently)."""
    try:
        return True, work()
    except (DomainError, Cancelled) as err:
        return False, err
    except BaseException as err:  # noqa: BLE001 - delivered, never lost in the thread
        return False, unexpected(err)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay, done: Done, failed: Failed) -> None:
        super().__init__()
        self.work, self.relay, self.done, self.failed = work, relay, done, failed

    def run(self) -> None:
        ok, value = run_job(self.work)
        if ok:
            self.relay.finished.emit(self.done, value, None)
        else:
            self.relay.finished.emit(self.failed, None, value)


class ThreadRunner(QObject):
    """One worker thread for all database work (SQLite has one writer anyway)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.relay = _Relay(self)
        self.relay.finished.connect(self._finish)
        self.relay.progressed.connect(self._progress)

    def submit(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        self.pool.start(_Job(work, self.relay, done, failed))

    def progress_reporter(self, callback: Callable[[int, int], None]) -> Callable[[int, int], None]:
        return lambda done, total: self.relay.progressed.emit(callback, done, total)

    @Slot(object, object, object)
    def _finish(self, callback: Callable[[Any], None], result: Any, error: Any) -> None:
        callback(error if error is not None else result)

    @Slot(object, int, int)
    def _progress(self, callback: Callable[[int, int], None], done: int, total: int) -> None:
        callback(done, total)

    def wait(self) -> None:
        self.pool.waitForDone()


class SyncRunner:
    """Runs work immediately on the calling thread (tests, benchmarks)."""

    def submit(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        ok, value = run_job(work)  # as the thread runner does
        (done if ok else failed)(value)

    def progress_reporter(self, callback: Callable[[int, int], None]) -> Callable[[int, int], None]:
        return callback

    def wait(self) -> None:
        return None


Runner = ThreadRunner | SyncRunner


class _BusyRelay(logging.Handler):
    """Passes the database's "busy, waiting" record (logged by the worker thread while a
    write waits for the lock) to every live Operations on that database."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.listeners: weakref.WeakSet[Operations] = weakref.WeakSet()

    def emit(self, record: logging.LogRecord) -> None:
        holders = getattr(record, "regie_busy", None)
        if holders is None:
            return
        where = getattr(record, "regie_db", None)
        for ops in list(self.listeners):
            path = ops.ctx.db.path
            if where is None or path is None or Path(path).absolute() == Path(where).absolute():
                ops.busy.emit(holders)


_busy_relay: _BusyRelay | None = None


def _listen_for_busy(ops: Operations) -> None:
    global _busy_relay
    if _busy_relay is None:
        _busy_relay = _BusyRelay()
        BUSY_LOG.addHandler(_busy_relay)
    _busy_relay.listeners.add(ops)


def offers_retry(err: BaseException) -> bool:
    """Is ``err`` worth a Retry box: a connection lost, a server restarting or unreachable
    (``storage.transient``)? Not the write lock held past the whole wait: the status bar
    said so meanwhile and its sentence names who holds it (the screen shows it as ever)."""
    if not storage.transient(err):
        return False
    template = str(getattr(err, "template", ""))
    return not any(busy in template for busy in (" is busy", " is still busy"))


class Operations(QObject):
    """Runs reads and writes for the screens; announces what changed."""

    changed = Signal(object)  # a Change: what the write changed
    failed = Signal(object)  # a DomainError nobody handled: the main window shows it
    #: A background job failed unexpectedly (an UnexpectedError): the error dialog shows it.
    unexpected = Signal(object)
    #: A write waits for the database's lock: who holds it ("" when unknown).
    busy = Signal(str)

    def __init__(self, ctx: Context, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        #: The last error dialog shown for an unexpected failure (tests read it).
        self.error_dialog: Any = None
        self._busy_window: QMainWindow | None = None
        self.busy_message = ""
        self.unexpected.connect(self._show_unexpected)
        self.busy.connect(self._show_busy)
        _listen_for_busy(self)
        #: Announces the commits of other windows and workstations on ``changed`` (only
        #: with a real worker thread: the tests' SyncRunner runs without it).
        self.live: Live | None = None
        if isinstance(runner, ThreadRunner):
            self.live = live.start(self)

    # --- failures and waits ------------------------------------------------------------

    def _failure(self, failed: Failed | None) -> Failed:
        """The failure callback of a job: an unexpected error opens the error dialog, then
        the screen's own callback (if any) lets it reset; a refusal goes where it always
        went (the screen's callback, else ``failed``: the main window shows it)."""

        def deliver(err: Any) -> None:
            self._clear_busy()
            if isinstance(err, UnexpectedError):
                self.unexpected.emit(err)
                if failed is not None:
                    self._call_back(failed, err)
                return
            if failed is None:
                self.failed.emit(err)
            else:
                self._call_back(failed, err)

        return deliver

    def _success(self, done: Callable[[Any], None]) -> Callable[[Any], None]:
        def deliver(result: Any) -> None:
            self._clear_busy()
            self._call_back(done, result)

        return deliver

    def _call_back(self, callback: Callable[[Any], object], value: Any) -> None:
        """A screen's call back that raises is a failure of the job too: shown, not lost
        (a refusal as any other, anything else in the error dialog)."""
        try:
            callback(value)
        except Cancelled as err:
            self.failed.emit(err)
        except Exception as err:  # noqa: BLE001 - shown to the user, with the log
            error = unexpected(err, where="a screen receiving a job's result")
            if isinstance(error, UnexpectedError):
                self.unexpected.emit(error)
            else:
                self.failed.emit(error)

    def _show_unexpected(self, err: UnexpectedError) -> None:
        self.error_dialog = show_error(err)

    def _show_busy(self, holders: str) -> None:
        tr = QCoreApplication.translate
        if holders:
            text = tr("Operations", "The database is busy ({holders} is writing to it) — waiting…")
        else:
            text = tr(
                "Operations", "The database is busy (another program is writing to it) — waiting…"
            )
        self.busy_message = text.format(holders=holders)
        window = QApplication.activeWindow()
        if not isinstance(window, QMainWindow):
            window = next(
                (w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)), None
            )
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.busy_message)
            self._busy_window = window

    def _clear_busy(self) -> None:
        window, self._busy_window = self._busy_window, None
        if window is not None:
            window.statusBar().clearMessage()

    def read(
        self,
        query: Callable[[UnitOfWork], T],
        done: Callable[[T], None],
        failed: Failed | None = None,
    ) -> None:
        def work() -> T:
            with self.ctx.db.read() as uow:
                return query(uow)

        self.runner.submit(work, self._success(done), self._failure(failed))

    def write(
        self,
        action: Callable[[UnitOfWork], T],
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
        changes: Change | str = Change.CATALOGUE,
        *,
        retry: bool = True,
    ) -> None:
        """Run ``action`` in one writing transaction; on success announce ``changes``.

        When the database could not take it for now (``offers_retry``: the server
        restarting, the network down) nothing was saved: the person is asked whether to
        run the same write again (``lost.ask_retry``), as a whole; Cancel hands the screen
        its usual failure. ``retry=False`` leaves that to the screen (the desk keeps such a
        scan pending by itself). Only with the real worker thread: tests see the failure."""
        change = Change(changes)  # a kind no screen knows is a programming error

        def work() -> T:
            with self.ctx.db.write() as uow:
                return action(uow)

        def finished(result: T) -> None:
            try:
                if done is not None:
                    done(result)
            finally:  # written: every screen refreshes, even if ``done`` failed
                self.changed.emit(change)

        failure = self._failure(failed)

        def retry_or_fail(err: Any) -> None:
            if retry and isinstance(self.runner, ThreadRunner) and offers_retry(err):
                self._clear_busy()
                if lost.ask_retry(err):
                    self.runner.submit(work, self._success(finished), retry_or_fail)
                    return
            failure(err)

        self.runner.submit(work, self._success(finished), retry_or_fail)

    def long(
        self,
        task: Callable[[Progress], T],
        progress: Callable[[int, int], None],
        done: Callable[[T], None],
        failed: Failed | None = None,
    ) -> Progress:
        """Run a long task off the GUI thread; the returned Progress cancels it."""
        handle = Progress(self.runner.progress_reporter(progress))
        self.runner.submit(lambda: task(handle), self._success(done), self._failure(failed))
        return handle

    @property
    def user(self) -> str:
        return self.ctx.user
