"""The desk's answer to a scan: its outcome, the line's progress, the sentence to show.

Plain data, shared by every part of the desk (``booking.desk`` lists them): the scan
services return a ``ScanResult``; the GUI and the CLI translate its ``message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.core.errors import N_, DomainError


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    UNKNOWN = "unknown"
    NOT_ON_BOOKING = "not_on_booking"
    COMPLETE = "complete"
    ALREADY_OUT = "already_out"
    TWICE = "twice"
    IN_REPAIR = "in_repair"
    INSPECTION = "inspection_overdue"
    LOST_RETIRED = "lost_or_retired"
    NOT_OUT = "not_out"
    BOOKING = "booking"  # a booking reference was scanned: open it
    WRONG_STATUS = "wrong_status"
    INVALID = "invalid"


OUTCOME_LABELS = {
    Outcome.ACCEPTED: N_("Accepted"),
    Outcome.UNKNOWN: N_("Unknown code"),
    Outcome.NOT_ON_BOOKING: N_("Not on this booking"),
    Outcome.COMPLETE: N_("More than booked"),
    Outcome.ALREADY_OUT: N_("Already out"),
    Outcome.TWICE: N_("Scanned twice"),
    Outcome.IN_REPAIR: N_("In repair"),
    Outcome.INSPECTION: N_("Inspection overdue"),
    Outcome.LOST_RETIRED: N_("Lost or retired"),
    Outcome.NOT_OUT: N_("Not out"),
    Outcome.BOOKING: N_("Booking"),
    Outcome.WRONG_STATUS: N_("Booking not ready"),
    Outcome.INVALID: N_("Invalid scan"),
}


@dataclass
class LineProgress:
    item_type_id: int
    code: str
    name: str
    wanted: int
    out: int  # net out now (out − in)
    left: int  # ever checked out (out − undone outs)
    back: int
    damaged: int
    missing: int

    @property
    def state(self) -> str:
        """outstanding / partial / complete, for the pick screen's colours."""
        if self.left == 0:
            return "outstanding"
        return "complete" if self.left >= self.wanted else "partial"


@dataclass
class ScanResult:
    """The desk's answer to one scan. ``message`` is translated by the GUI/CLI."""

    code: str
    ok: bool
    outcome: Outcome
    message: DomainError
    reference: str = ""
    line: LineProgress | None = None
    late: bool = False
    movement_ids: list[int] = field(default_factory=list)
    #: For NOT_ON_BOOKING: the scanned unit's type code and whether it could be added.
    offer: dict[str, Any] = field(default_factory=dict)
    #: What the scanner typed when it differs from ``code`` beyond case: the code was found
    #: by reading the scan as typed on the other keyboard layout (``barcodes.candidates``).
    scanned: str = ""


def refuse(
    scanned: str, outcome: Outcome, template: str, reference: str = "", /, **params: Any
) -> ScanResult:
    """A refusal (nothing is written): ``template`` filled with ``params`` is its sentence."""
    return ScanResult(scanned, False, outcome, DomainError(template, **params), reference)
