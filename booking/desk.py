"""The warehouse desk: check-out and check-in by scan, each scan one short transaction.

A scan is decided by a handful of indexed lookups and, when accepted, written as one
``Movement`` before the answer is given, so an acknowledged scan survives a crash and a
refused one changes nothing. Booking progress, a unit's whereabouts and what is still out
are all derived from movements.

This module is the desk's front: ``from booking import desk`` then ``desk.check_out``,
``desk.check_in``, ``desk.progress``… Check-out is decided here; the rest lives beside it:

- ``booking.desk_results``: the answer (``ScanResult``, ``Outcome``, ``LineProgress``);
- ``booking.desk_reads``: what a scan is about, read as plain facts with Core statements
  built once (``identify``: what the code designates; where a unit is; a case's units);
- ``booking.desk_ledger``: a booking's booked quantities and movements in one statement,
  hence ``progress`` and every scan's decision and answer;
- ``booking.desk_writes``: the movement and the booking's status, Core writes recorded on
  the audit trail (``app.core.audit.record_core``) in the same transaction;
- ``booking.desk_checkin``: check-in (units, cases, bulk; damaged and missing);
- ``booking.desk_amend``: undo, unplanned items, substitutions (these keep the ORM);
- ``booking.desk_lookups``: the ORM reads outside the scan path (where a unit is, the
  departures, the units moved on a booking).

The scan path is hot (a desk scans faster than people type): a check-out reads the booking
with its ledger, and what the code designates (two selects), and writes the movement (and
its audit record), plus the booking's status when the first piece leaves (its lines with
it). Round trips are what a scan costs on a server: each read does as much as it can.
"""

from __future__ import annotations

import datetime as dt

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from booking import desk_writes
from booking.desk_amend import UNPLANNED, add_unplanned, substitute, undo_last
from booking.desk_checkin import check_in
from booking.desk_ledger import Ledger, Move, booking_and_scan, progress
from booking.desk_lookups import (
    booking_of_unit,
    departures,
    find_booking,
    is_late,
    last_movement,
    units_moved,
    where_is,
)
from booking.desk_reads import (
    BookingFacts,
    ItemFacts,
    case_units,
    identify,
    unit_state,
)
from booking.desk_results import OUTCOME_LABELS, LineProgress, Outcome, ScanResult
from booking.desk_results import refuse as _refuse
from booking.models import BookingStatus, Direction
from inventory.barcodes import normalise
from inventory.models import UnitStatus

__all__ = [
    "OUTCOME_LABELS",
    "READY_TO_PICK",
    "UNPLANNED",
    "LineProgress",
    "Outcome",
    "ScanResult",
    "add_unplanned",
    "booking_of_unit",
    "check_in",
    "check_out",
    "departures",
    "find_booking",
    "identify",
    "is_late",
    "last_movement",
    "progress",
    "substitute",
    "undo_last",
    "units_moved",
    "where_is",
]

READY_TO_PICK = (BookingStatus.CONFIRMED, BookingStatus.OUT)


@requires(Permission.DESK)
def check_out(
    uow: UnitOfWork,
    *,
    user: str,
    station: str = "",
    reference: str,
    code: str,
    quantity: int | None = None,
    clock: Clock,
) -> ScanResult:
    """Decide and record one check-out scan for ``reference``. A refusal writes nothing."""
    code = normalise(code)
    found, scanned = booking_and_scan(uow, reference, code)
    if found is None:
        return _refuse(
            code, Outcome.UNKNOWN, "No booking has the reference {ref}.", ref=normalise(reference)
        )
    booking, ledger = found
    ref = booking.reference
    if not code:
        return _refuse(code, Outcome.INVALID, "The scan was empty.", ref)
    if BookingStatus(booking.status) not in READY_TO_PICK:
        return _refuse(
            code,
            Outcome.WRONG_STATUS,
            "Booking {ref} is {status}: confirm it before checking kit out.",
            ref,
            ref=ref,
            status=booking.status,
        )
    if scanned is None:
        return _refuse(
            code,
            Outcome.UNKNOWN,
            "Unknown code {code}: no unit, case or bulk item has it.",
            ref,
            code=code,
        )
    code = scanned.code
    if scanned.kind == "booking":
        return scanned.answer(
            _refuse(
                code,
                Outcome.BOOKING,
                "{code} is a booking: finish {ref} first.",
                ref,
                code=scanned.code,
                ref=ref,
            ),
        )
    if scanned.kind == "unit":
        result = _out_units(uow, booking, ledger, [scanned.row], code, user, station, clock)
    elif scanned.kind == "case":
        units = case_units(uow, scanned.row.id)
        if not units:
            return _refuse(code, Outcome.INVALID, "Case {code} is empty.", ref, code=code)
        result = _out_units(uow, booking, ledger, units, code, user, station, clock)
    else:
        result = _out_bulk(
            uow,
            booking,
            ledger,
            scanned.row,
            1 if quantity is None else quantity,
            code,
            user,
            station,
            clock,
        )
    return scanned.answer(result)


def _unit_refusal(
    uow: UnitOfWork, booking: BookingFacts, unit: ItemFacts, code: str, today: dt.date
) -> ScanResult | None:
    ref = booking.reference
    if unit.status == UnitStatus.IN_REPAIR:
        return _refuse(
            code,
            Outcome.IN_REPAIR,
            "{code} is in repair: choose another unit.",
            ref,
            code=unit.barcode,
        )
    if unit.status in (UnitStatus.LOST, UnitStatus.RETIRED):
        return _refuse(
            code,
            Outcome.LOST_RETIRED,
            "{code} is declared {status}: it cannot leave.",
            ref,
            code=unit.barcode,
            status=unit.status,
        )
    where, since = unit_state(uow, unit.id, today)
    if where is not None and where.id == booking.id:
        return _refuse(
            code,
            Outcome.TWICE,
            "{code} was already scanned out for {ref}.",
            ref,
            code=unit.barcode,
            ref=ref,
        )
    if where is not None:
        return _refuse(
            code,
            Outcome.ALREADY_OUT,
            "{code} is already out on {other}.",
            ref,
            code=unit.barcode,
            other=where.reference,
        )
    if since is not None:
        return _refuse(
            code,
            Outcome.INSPECTION,
            "{code}'s inspection was due on {due}: inspect it before it leaves.",
            ref,
            code=unit.barcode,
            due=since.strftime("%d/%m/%Y"),
        )
    return None


def _out_units(
    uow: UnitOfWork,
    booking: BookingFacts,
    ledger: Ledger,
    units: list[ItemFacts],
    code: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    today = clock.today()
    counts: dict[int, int] = {}
    for unit in units:
        refused = _unit_refusal(uow, booking, unit, code, today)
        if refused is not None:
            return refused
        counts[unit.type_id] = counts.get(unit.type_id, 0) + 1
    for type_id, count in counts.items():
        item = next(u for u in units if u.type_id == type_id)
        wanted = ledger.wanted.get(type_id, 0)
        if wanted == 0:
            return _not_on_booking(booking, item, code)
        if ledger.tally(type_id).left + count > wanted:
            return _complete(booking, item, code, wanted, ledger)
    moves = [
        desk_writes.record_movement(
            uow.session, booking.id, Direction.OUT, u.type_id, u.id, 1, code, user, station, clock
        )
        for u in units
    ]
    return _accepted(uow, booking, units[0], code, moves, ledger)


def _out_bulk(
    uow: UnitOfWork,
    booking: BookingFacts,
    ledger: Ledger,
    item: ItemFacts,
    qty: int,
    code: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    if qty < 1:
        return _refuse(code, Outcome.INVALID, "The quantity must be at least 1.", booking.reference)
    wanted = ledger.wanted.get(item.type_id, 0)
    if wanted == 0:
        result = _not_on_booking(booking, item, code)
        result.offer["quantity"] = qty  # what A adds as unplanned
        return result
    if ledger.tally(item.type_id).left + qty > wanted:
        return _complete(booking, item, code, wanted, ledger)
    move = desk_writes.record_movement(
        uow.session, booking.id, Direction.OUT, item.type_id, None, qty, code, user, station, clock
    )
    return _accepted(uow, booking, item, code, [move], ledger)


def _not_on_booking(booking: BookingFacts, item: ItemFacts, code: str) -> ScanResult:
    result = _refuse(
        code,
        Outcome.NOT_ON_BOOKING,
        "{name} is not on {ref}: add it as an unplanned item or substitute it for a booked type.",
        booking.reference,
        name=item.type_name,
        ref=booking.reference,
    )
    result.offer = {"code": item.type_code, "name": item.type_name}
    return result


def _complete(
    booking: BookingFacts, item: ItemFacts, code: str, wanted: int, ledger: Ledger
) -> ScanResult:
    """Refuse a scan that would take more than booked, with the true remaining count."""
    remaining = max(wanted - ledger.tally(item.type_id).left, 0)
    if remaining == 0:
        result = _refuse(
            code,
            Outcome.COMPLETE,
            "{name}: nothing is left to go out ({count} booked piece(s), all out).",
            booking.reference,
            name=item.type_name,
            count=wanted,
        )
    else:
        result = _refuse(
            code,
            Outcome.COMPLETE,
            "Only {count} piece(s) of {name} left to go out on {ref}: scan *{count}.",
            booking.reference,
            name=item.type_name,
            count=remaining,
            ref=booking.reference,
        )
    result.line = ledger.line(item.type_id, item.type_code, item.type_name)
    return result


def _accepted(
    uow: UnitOfWork,
    booking: BookingFacts,
    item: ItemFacts,
    code: str,
    moves: list[Move],
    ledger: Ledger,
) -> ScanResult:
    if booking.status == BookingStatus.CONFIRMED:  # out once anything has left
        booking = desk_writes.set_booking_status(uow.session, booking, BookingStatus.OUT)
    line = ledger.with_moves(moves).line(item.type_id, item.type_code, item.type_name)
    assert line is not None
    qty = sum(m.quantity for m in moves)
    message = DomainError(
        "{name} {left} / {wanted}", name=line.name, left=line.left, wanted=line.wanted
    )
    return ScanResult(
        code,
        True,
        Outcome.ACCEPTED,
        message,
        booking.reference,
        line,
        movement_ids=[m.id for m in moves],
        offer={"quantity": qty},
    )
