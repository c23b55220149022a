"""What the banner says after a job: its kind (ok, warning, error, info), title, detail and
the line's counter, from the job and the service's ``ScanResult``. No Qt widgets."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.gui.desk.jobs import Job
from app.i18n import label, message
from booking.desk import OUTCOME_LABELS, Outcome, ScanResult
from booking.desk_queries import DeskBooking
from booking.models import BookingStatus, Condition

tr = QCoreApplication.translate


@dataclass(frozen=True)
class Answer:
    kind: str
    title: str
    detail: str
    counter: str = ""


def opened(view: DeskBooking, mode: str) -> Answer:
    """A booking just opened (scanned, or chosen in the list)."""
    return Answer(
        "info",
        tr("DeskScreen", "Booking %1 open").replace("%1", view.reference),
        tr("DeskScreen", "Scan its units, cases and bulk codes. F10 when finished.")
        if mode == "out"
        else tr("DeskScreen", "Scan what comes back. F10: the return report."),
    )


def _detail(result: ScanResult, code: str) -> str:
    detail = message(result.message)
    if result.scanned:
        detail += "\n" + tr(
            "DeskScreen",
            "Read %1 as %2: the scanner is set up for another keyboard layout.",
        ).replace("%1", result.scanned).replace("%2", code)
    return detail


def _returned(view: DeskBooking | None) -> bool:
    return view is not None and view.status == BookingStatus.RETURNED


def _everything_back(view: DeskBooking) -> str:
    return tr("DeskScreen", "%1 returned: everything is back").replace("%1", view.reference)


def _accepted(job: Job, result: ScanResult, code: str, outcome: str, detail: str) -> Answer:
    title = f"{outcome} · {code}"
    if job.condition is Condition.DAMAGED:
        title = tr("DeskScreen", "Checked in damaged · %1").replace("%1", code)
    elif job.condition is Condition.MISSING:
        title = tr("DeskScreen", "Declared missing · %1").replace("%1", code)
    quantity = int(result.offer.get("quantity", 0) or job.quantity or 0)
    if quantity > 1:
        detail = f"+{quantity}   {detail}"
    return Answer("ok", title, detail)


def answer(job: Job, result: ScanResult, view: DeskBooking | None) -> Answer:
    """The banner for a scan, an undo, an unplanned add or a substitution."""
    code = result.code or job.code
    outcome = label(OUTCOME_LABELS[result.outcome])
    detail = _detail(result, code)
    if job.kind == "undo":
        found = Answer(
            "info" if result.ok else "error",
            tr("DeskScreen", "Undone") if result.ok else outcome,
            detail,
        )
    elif not result.ok:
        kind = "warning" if result.outcome is Outcome.NOT_ON_BOOKING else "error"
        found = Answer(kind, f"{outcome} · {code}", detail)
    elif result.late:
        title = tr("DeskScreen", "Late return · %1").replace("%1", code)
        if view is not None and _returned(view):
            detail += "\n" + _everything_back(view)
        found = Answer("warning", title, detail)
    elif view is not None and _returned(view) and job.mode == "in":
        found = Answer("ok", _everything_back(view), detail)
    else:
        found = _accepted(job, result, code, outcome, detail)
    return Answer(found.kind, found.title, found.detail, _counter(job, result))


def _counter(job: Job, result: ScanResult) -> str:
    line = result.line
    if line is None:
        return ""
    return f"{line.left} / {line.wanted}" if job.mode == "out" else f"{line.back} / {line.left}"


def refused(job: Job, title: str, reason: str) -> Answer:
    """A job that failed as a whole (a ``DomainError``): nothing was written."""
    return Answer("error", f"{title} · {job.code}" if job.code else title, reason)
