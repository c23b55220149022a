"""The desk's work, one job at a time: each scan, undo, unplanned add, substitution or
booking opened is a ``Job``, queued in arrival order and run by the desk through ``ops``
(a write transaction for a scan, a read to open a booking). Scans that arrive while one is
in flight wait their turn: never dropped, never concurrent.

``decide`` (no Qt) calls the desk service a job stands for.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from booking import desk, desk_queries
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
            raise DomainError("The scan was not saved: {reason}", reason=str(err)) from err

    return guarded


class JobQueue:
    """Jobs in arrival order; ``start(job)`` runs one, ``done()`` lets the next go
    (re-entrant safe: a synchronous runner finishes a job inside ``start``)."""

    def __init__(self, start: Callable[[Job], None]) -> None:
        self.jobs: deque[Job] = deque()
        self.busy = False
        self._start = start
        self._pumping = False

    def __len__(self) -> int:
        return len(self.jobs)

    def __bool__(self) -> bool:
        return bool(self.jobs)

    def add(self, job: Job) -> None:
        self.jobs.append(job)
        self.pump()

    def done(self) -> None:
        self.busy = False

    def pump(self) -> None:
        if self._pumping:
            return
        self._pumping = True
        try:
            while self.jobs and not self.busy:
                self.busy = True
                self._start(self.jobs.popleft())
        finally:
            self._pumping = False
