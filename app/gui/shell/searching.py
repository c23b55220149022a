"""Search as you type on large lists without a queue of searches behind the keyboard.

Every read goes through one database worker, one at a time. Typing "Lyre" in a list of
200,000 bookings asked for four searches of a few seconds each, and the one wanted came
last. Two things stop that: the search waits until typing pauses (``Debounce``: PAUSE_MS,
only with the real worker thread — with the tests' synchronous runner it runs at once),
and a search overtaken by a newer one before its turn is skipped on the worker
(``latest``: the screen drops its answer anyway)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer

from app.core.db import UnitOfWork
from app.gui.shell.operations import Operations, ThreadRunner

T = TypeVar("T")

#: How long typing must pause before the search runs.
PAUSE_MS = 250


class Debounce(QObject):
    """Calls ``run`` once typing pauses; at once with a synchronous runner (tests)."""

    def __init__(self, ops: Operations, run: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._run = run
        self._timer: QTimer | None = None
        if isinstance(ops.runner, ThreadRunner):
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(PAUSE_MS)
            self._timer.timeout.connect(run)

    def __call__(self, *_: object) -> None:
        if self._timer is None:
            self._run()
        else:
            self._timer.start()  # restarts: the search waits for the last key

    def cancel(self) -> None:
        """Forget a search still waiting for the pause (the screen searched itself)."""
        if self._timer is not None:
            self._timer.stop()


def latest(
    current: Callable[[], bool], query: Callable[[UnitOfWork], T], stale: T
) -> Callable[[UnitOfWork], T]:
    """``query``, skipped (answering ``stale``) when ``current()`` is false by the time its
    turn comes on the worker: a newer search was asked for meanwhile."""

    def read(uow: UnitOfWork) -> T:
        return query(uow) if current() else stale

    return read
