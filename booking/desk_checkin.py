"""Check-in at the desk: one scan, decided and recorded in its own short transaction.

A unit knows which booking it is out on (its last movement); a case brings back each of
its units that is out (a temporary case is emptied); bulk goes back to the booking hinted
or to the one due back first. A damaged or missing unit is put in repair or declared lost.
The last piece back returns the booking. Reads and writes are Core (``booking.desk_reads``,
``booking.desk_writes``); a refusal writes nothing.
"""

from __future__ import annotations

from sqlmodel import select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.errors import N_, DomainError
from booking import desk_writes
from booking.desk_ledger import Ledger, Move, booking_and_scan, out_on_with_ledger
from booking.desk_reads import (
    BookingFacts,
    CaseFacts,
    ItemFacts,
    case_units,
    first_holder,
    identify,
    out_on,
)
from booking.desk_results import Outcome, ScanResult
from booking.desk_results import refuse as _refuse
from booking.models import BookingStatus, Condition, Direction
from inventory.barcodes import normalise
from inventory.catalogue import set_status
from inventory.models import Unit, UnitStatus


@requires(Permission.DESK)
def check_in(
    uow: UnitOfWork,
    *,
    user: str,
    station: str = "",
    code: str,
    quantity: int | None = None,
    condition: Condition = Condition.OK,
    note: str = "",
    booking_hint: str = "",
    clock: Clock,
) -> ScanResult:
    """Decide and record one check-in scan. A unit knows which booking it is out on; bulk
    goes back to ``booking_hint`` or to the booking that has had it out longest."""
    code = normalise(code)
    if not code:
        return _refuse(code, Outcome.INVALID, "The scan was empty.")
    if booking_hint:  # read with the scan: a bulk return is credited to it if it has some
        hinted, scanned = booking_and_scan(uow, booking_hint, code, other_layouts=False)
    else:
        hinted, scanned = None, identify(uow, code)
    if scanned is None:
        return _refuse(
            code,
            Outcome.UNKNOWN,
            "Unknown code {code}: no unit, case or bulk item has it.",
            code=code,
        )
    code = scanned.code
    if scanned.kind == "booking":
        return _refuse(code, Outcome.BOOKING, "{code} is a booking, not an item.", code=code)
    if scanned.kind == "unit":
        result = _in_unit(uow, scanned.row, code, condition, note, user, station, clock)
    elif scanned.kind == "case":
        result = _in_case(uow, scanned.row, code, condition, note, user, station, clock)
        if not result.ok:
            return result  # nothing in it is out (said without the scan as typed)
    else:
        result = _in_bulk(
            uow,
            scanned.row,
            1 if quantity is None else quantity,
            code,
            condition,
            note,
            hinted,
            user,
            station,
            clock,
        )
    return scanned.answer(result)


def _in_case(
    uow: UnitOfWork,
    container: CaseFacts,
    code: str,
    condition: Condition,
    note: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    units = case_units(uow, container.id)
    out = [u for u in units if out_on(uow, u.id) is not None]
    if not out:
        return _refuse(code, Outcome.NOT_OUT, "Nothing in case {code} is out.", code=code)
    results = [_in_unit(uow, u, u.barcode, condition, note, user, station, clock) for u in out]
    result = results[-1]
    result.movement_ids = [m for r in results for m in r.movement_ids]
    result.code = code
    if not container.permanent:
        for unit in uow.session.exec(select(Unit).where(Unit.case_id == container.id)):
            unit.case_id = None  # a temporary case is emptied at check-in
    return result


def _in_unit(
    uow: UnitOfWork,
    unit: ItemFacts,
    code: str,
    condition: Condition,
    note: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    found = out_on_with_ledger(uow, unit.id)
    if found is None:
        return _refuse(
            code, Outcome.NOT_OUT, "{code} is not out: nothing to check in.", code=unit.barcode
        )
    booking, ledger = found
    move = desk_writes.record_movement(
        uow.session,
        booking.id,
        Direction.IN,
        unit.type_id,
        unit.id,
        1,
        code,
        user,
        station,
        clock,
        condition,
        note,
    )
    if condition is not Condition.OK:
        status = UnitStatus.IN_REPAIR if condition is Condition.DAMAGED else UnitStatus.LOST
        if unit.status != status:
            set_status(
                uow,
                user=user,
                barcode=unit.barcode,
                status=status,
                note=note or condition.value,
                clock=clock,
            )
    return _returned(uow, booking, unit, code, ledger.with_moves([move]), clock, [move])


def _in_bulk(
    uow: UnitOfWork,
    item: ItemFacts,
    qty: int,
    code: str,
    condition: Condition,
    note: str,
    hinted: tuple[BookingFacts, Ledger] | None,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    if qty < 1:
        return _refuse(code, Outcome.INVALID, "The quantity must be at least 1.")
    found = _bulk_booking(uow, item.type_id, hinted)
    if found is None:
        return _refuse(code, Outcome.NOT_OUT, "No {name} is out.", name=item.type_name)
    booking, ledger = found
    outstanding = ledger.tally(item.type_id).out
    if qty > outstanding:
        return _refuse(
            code,
            Outcome.COMPLETE,
            "Only {count} {name} are out on {ref}.",
            booking.reference,
            count=outstanding,
            name=item.type_name,
            ref=booking.reference,
        )
    move = desk_writes.record_movement(
        uow.session,
        booking.id,
        Direction.IN,
        item.type_id,
        None,
        qty,
        code,
        user,
        station,
        clock,
        condition,
        note,
    )
    return _returned(uow, booking, item, code, ledger.with_moves([move]), clock, [move])


def _bulk_booking(
    uow: UnitOfWork, type_id: int, hinted: tuple[BookingFacts, Ledger] | None
) -> tuple[BookingFacts, Ledger] | None:
    """The booking to credit a bulk return to, with its ledger: the hinted one if it has
    some out, else the one due back first."""
    if hinted is not None and hinted[1].tally(type_id).out > 0:
        return hinted
    booking = first_holder(uow, type_id)
    if booking is None:
        return None
    return booking, Ledger.read(uow, booking.id)


def _returned(
    uow: UnitOfWork,
    booking: BookingFacts,
    item: ItemFacts,
    code: str,
    ledger: Ledger,
    clock: Clock,
    moves: list[Move],
) -> ScanResult:
    """The answer to an accepted check-in; ``ledger`` counts its movements already."""
    late = clock.local_now() > booking.end
    if booking.status == BookingStatus.OUT and all(t.out <= 0 for t in ledger.moved.values()):
        # all that left is back
        booking = desk_writes.set_booking_status(uow.session, booking, BookingStatus.RETURNED)
    line = ledger.line(item.type_id, item.type_code, item.type_name)
    assert line is not None
    late_text = N_("{name} back {back} / {left} (late: due {due})")
    template = late_text if late else N_("{name} back {back} / {left}")
    message = DomainError(
        template,
        name=line.name,
        back=line.back,
        left=line.left,
        due=booking.end.strftime("%d/%m/%Y %H:%M"),
    )
    ids = [m.id for m in moves]
    return ScanResult(code, True, Outcome.ACCEPTED, message, booking.reference, line, late, ids)
