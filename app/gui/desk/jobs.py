"""The desk's work, one job at a time: each scan, undo, unplanned add, substitution or
booking opened is a ``Job``, queued in arrival order and run by the desk through ``ops``
(a write transaction for a scan, a read to open a booking). Scans that arrive while one is
in flight wait their turn: never dropped, never concurrent.

``decide`` (no Qt) calls the desk service a job stands for.

Pending scans. When the database goes away for a while (the server restarts, the Wi-Fi
drops: ``storage.transient``), the job that failed is not lost: ``JobQueue.hold`` keeps
it at the head of the queue, *pending*, and tries it again after a few seconds, then every
``RETRY_MS[-1]`` ms, until it commits; scans made meanwhile queue behind it, pending too.
The scan bar lists them (``pending_changed``). A retry never records a scan twice: the
first attempt notes the last movement, and a retry first looks for the movement of an
attempt whose commit reached the server although its answer was lost
(``booking.desk_retry``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core import storage
from app.core.clock import Clock
from app.core.db import UnitOfWork, storage_problem
from app.core.errors import DomainError
from booking import desk, desk_queries, desk_retry
from booking.desk import ScanResult
from booking.models import Condition


@dataclass
class Job:
    kind: str  # scan | open | reload | undo | unplanned | substitute
    code: str = ""
    quantity: int | None = None
    condition: Condition = Condition.OK
    note: str = ""
    for_type: str = ""
    mode: str = "out"
    #: Kept after a passing failure of the database: shown pending, tried again.
    pending: bool = False
    #: Attempts that failed so far.
    attempts: int = 0
    #: The last movement before its first attempt (``booking.desk_retry``).
    mark: int | None = None

    @property
    def writes(self) -> bool:
        """A scan, undo, unplanned add or substitution (not a booking opened)."""
        return self.kind not in ("open", "reload")


@dataclass(frozen=True)
class Who:
    """Who scans where, and the booking open when the job was queued."""

    user: str
    station: str
    reference: str
    clock: Clock


def decide(uow: UnitOfWork, job: Job, who: Who) -> ScanResult | None:
    """The desk service ``job`` stands for (None for opening or reloading a booking: a
    read)."""
    common: dict[str, Any] = {"user": who.user, "station": who.station, "clock": who.clock}
    if job.kind in ("open", "reload"):
        return None
    if job.mark is None:
        job.mark = desk_retry.last_movement(uow)
    elif job.attempts:  # did a lost attempt commit?
        saved = desk_retry.saved_since(uow, mark=job.mark, station=who.station, user=who.user)
        if saved is not None:
            return saved
    if job.kind == "undo":
        return desk.undo_last(uow, **common)
    if job.kind == "unplanned":
        return desk.add_unplanned(
            uow, reference=who.reference, code=job.code, quantity=job.quantity, **common
        )
    if job.kind == "substitute":
        return desk.substitute(
            uow, reference=who.reference, code=job.code, for_type=job.for_type, **common
        )
    if job.mode == "in":
        return desk.check_in(
            uow,
            code=job.code,
            quantity=job.quantity,
            condition=job.condition,
            note=job.note,
            booking_hint=who.reference,
            **common,
        )
    if not who.reference:  # nothing open: the scan must be a booking's reference
        return desk_queries.booking_scanned(uow, job.code)
    return desk.check_out(
        uow, reference=who.reference, code=job.code, quantity=job.quantity, **common
    )


def guard(work: Callable[[UnitOfWork], Any]) -> Callable[[UnitOfWork], Any]:
    """Any failure becomes a DomainError (rolled back), so the queue always moves on."""

    def guarded(uow: UnitOfWork) -> Any:
        try:
            return work(uow)
        except DomainError:
            raise
        except Exception as err:  # noqa: BLE001 — shown in the red banner, nothing saved
            if storage_problem(err, None) is not None:
                raise  # the database's: the unit of work names it (and it may pass)
            raise DomainError("The scan was not saved: {reason}", reason=str(err)) from err

    return guarded


#: Waits before each new attempt of a pending job (ms); the last one repeats.
RETRY_MS = (1_000, 2_000, 5_000, 10_000)


class JobQueue(QObject):
    """Jobs in arrival order; ``start(job)`` runs one, ``done()`` lets the next go
    (re-entrant safe: a synchronous runner finishes a job inside ``start``).
    ``hold(job, err)`` keeps a job the database could not take for now: pending, retried.
    ``pending_changed(jobs)`` lists the pending scans (empty once all are saved)."""

    pending_changed = Signal(list)

    def __init__(self, start: Callable[[Job], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs: deque[Job] = deque()
        self.busy = False
        self.current: Job | None = None
        #: Waiting for the database: nothing starts until the retry timer fires.
        self.paused = False
        #: The passing problem that paused the queue (None when none).
        self.error: BaseException | None = None
        self._start = start
        self._pumping = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.retry)

    def __len__(self) -> int:
        return len(self.jobs)

    def __bool__(self) -> bool:
        return bool(self.jobs)

    def add(self, job: Job) -> None:
        if self.paused:
            job.pending = job.writes
        self.jobs.append(job)
        if job.pending:
            self._announce()
        self.pump()

    def done(self) -> None:
        finished, self.current = self.current, None
        self.busy = False
        if finished is not None and finished.pending:
            finished.pending = False  # saved (or refused for good): no longer pending
            self._announce()

    def hold(self, job: Job, err: BaseException) -> bool:
        """Keep ``job`` when ``err`` is a passing failure of the database: pending at the
        head of the queue, tried again after a wait; False (nothing kept) otherwise."""
        if not storage.transient(err):
            return False
        job.attempts += 1
        job.pending = job.writes
        self.jobs.appendleft(job)
        for waiting in self.jobs:
            waiting.pending = waiting.writes
        self.paused = True
        self.error = err
        self.timer.start(RETRY_MS[min(job.attempts, len(RETRY_MS)) - 1])
        self._announce()
        return True

    def retry(self) -> None:
        """Try the pending jobs again now (the timer, or a person's click)."""
        self.timer.stop()
        self.paused = False
        self.error = None
        self.pump()

    def pending(self) -> list[Job]:
        """The scans not saved yet because the database was away, oldest first."""
        queued = [self.current] if self.current is not None else []
        return [job for job in [*queued, *self.jobs] if job.pending]

    def _announce(self) -> None:
        self.pending_changed.emit(self.pending())

    def pump(self) -> None:
        if self._pumping:
            return
        self._pumping = True
        try:
            while self.jobs and not self.busy and not self.paused:
                self.busy = True
                self.current = self.jobs.popleft()
                self._start(self.current)
        finally:
            self._pumping = False
