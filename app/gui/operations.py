"""The seam between widgets and services (after Anki's operations).

Widgets never open sessions: they ask ``Operations`` to run a read or a write on the one
database worker thread, and get the result (or a translated error) back on the GUI thread.
``changed`` tells every screen what kind of data changed so each refreshes what it shows.
Long work (imports, batch PDFs) runs through ``long`` with progress and cancellation.
In tests, ``SyncRunner`` runs everything at once on the calling thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.bootstrap import Context
from app.core.db import UnitOfWork
from app.core.errors import DomainError

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[DomainError], None]


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


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay, done: Done, failed: Failed) -> None:
        super().__init__()
        self.work, self.relay, self.done, self.failed = work, relay, done, failed

    def run(self) -> None:
        try:
            result = self.work()
        except DomainError as err:
            self.relay.finished.emit(self.failed, None, err)
        except Cancelled as err:
            self.relay.finished.emit(self.failed, None, err)
        else:
            self.relay.finished.emit(self.done, result, None)


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
        try:
            result = work()
        except (DomainError, Cancelled) as err:
            failed(err)  # type: ignore[arg-type]
        else:
            done(result)

    def progress_reporter(self, callback: Callable[[int, int], None]) -> Callable[[int, int], None]:
        return callback

    def wait(self) -> None:
        return None


Runner = ThreadRunner | SyncRunner


class Operations(QObject):
    """Runs reads and writes for the screens; announces what changed."""

    changed = Signal(str)  # "catalogue", "kits", "cases", "settings"
    failed = Signal(object)  # a DomainError nobody handled: the main window shows it

    def __init__(self, ctx: Context, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner

    def read(
        self,
        query: Callable[[UnitOfWork], T],
        done: Callable[[T], None],
        failed: Failed | None = None,
    ) -> None:
        def work() -> T:
            with self.ctx.db.read() as uow:
                return query(uow)

        self.runner.submit(work, done, failed or self.failed.emit)

    def write(
        self,
        action: Callable[[UnitOfWork], T],
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
        changes: str = "catalogue",
    ) -> None:
        """Run ``action`` in one writing transaction; on success announce ``changes``."""

        def work() -> T:
            with self.ctx.db.write() as uow:
                return action(uow)

        def finished(result: T) -> None:
            if done is not None:
                done(result)
            self.changed.emit(changes)

        self.runner.submit(work, finished, failed or self.failed.emit)

    def long(
        self,
        task: Callable[[Progress], T],
        progress: Callable[[int, int], None],
        done: Callable[[T], None],
        failed: Failed | None = None,
    ) -> Progress:
        """Run a long task off the GUI thread; the returned Progress cancels it."""
        handle = Progress(self.runner.progress_reporter(progress))
        self.runner.submit(lambda: task(handle), done, failed or self.failed.emit)
        return handle

    @property
    def user(self) -> str:
        return self.ctx.user
