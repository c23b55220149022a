"""The desk's corrections: undo the station's last scan, add an unplanned item to the
booking, let a unit stand in for a booked type.

Rarer than scans, these keep the ORM (they change booking lines, which the availability
engine and the pricing read); the movement they write is the scan path's
(``booking.desk_writes``).
"""

from __future__ import annotations

from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import DomainError
from booking import desk_writes
from booking.desk_ledger import Ledger, line_progress, progress
from booking.desk_lookups import booking_named, find_unit
from booking.desk_reads import identify
from booking.desk_results import Outcome, ScanResult
from booking.desk_results import refuse as _refuse
from booking.models import Booking, BookingLine, BookingStatus, Condition, Direction, Movement
from inventory.barcodes import normalise
from inventory.catalogue import set_status
from inventory.models import Unit, UnitStatus

#: The note on a check-out movement whose scan added its quantity to the booking as an
#: unplanned item: undoing that scan takes the quantity off the booking again.
UNPLANNED = "unplanned"


@requires(Permission.DESK)
def undo_last(uow: UnitOfWork, *, user: str, station: str = "", clock: Clock) -> ScanResult:
    """Cancel the last scan made at ``station`` (by a compensating movement)."""
    undone = select(Movement.undoes).where(col(Movement.undoes).is_not(None))
    query = (
        select(Movement)
        .where(
            Movement.station == station,
            col(Movement.undoes).is_(None),
            id_column(Movement).not_in(undone),
        )
        .order_by(id_column(Movement).desc())
    )
    last = uow.session.exec(query.limit(1)).first()
    if last is None:
        return _refuse("", Outcome.INVALID, "There is no scan to undo.")
    booking = uow.session.get(Booking, last.booking_id)
    assert booking is not None and booking.id is not None
    back = Direction.IN if last.direction == Direction.OUT else Direction.OUT
    unit = uow.session.get(Unit, last.unit_id) if last.unit_id else None
    move = desk_writes.record_movement(
        uow.session,
        booking.id,
        back,
        last.item_type_id,
        last.unit_id,
        last.quantity,
        last.code,
        user,
        station,
        clock,
        Condition(last.condition),
        "undo",
        undoes=last.id,
    )
    if unit is not None and last.condition != Condition.OK and unit.status != UnitStatus.IN_SERVICE:
        set_status(
            uow,
            user=user,
            barcode=unit.barcode,
            status=UnitStatus.IN_SERVICE,
            note="undo",
            clock=clock,
        )
    if last.direction == Direction.OUT and last.note == UNPLANNED:
        _take_off_booking(uow, booking, last.item_type_id, last.quantity)
    _restore_status(uow, booking)
    line = line_progress(uow, booking.id, last.item_type_id)
    return ScanResult(
        last.code,
        True,
        Outcome.ACCEPTED,
        DomainError("Scan of {code} undone.", code=last.code),
        booking.reference,
        line,
        movement_ids=[move.id],
    )


def _restore_status(uow: UnitOfWork, booking: Booking) -> None:
    assert booking.id is not None
    rows = progress(uow, booking.id)
    anything_out = any(p.out > 0 for p in rows)
    if booking.status == BookingStatus.RETURNED and anything_out:
        booking.status = BookingStatus.OUT.value
    elif booking.status == BookingStatus.OUT and not any(p.left > 0 for p in rows):
        booking.status = BookingStatus.CONFIRMED.value


@requires(Permission.DESK)
def add_unplanned(
    uow: UnitOfWork,
    *,
    user: str,
    station: str = "",
    reference: str,
    code: str,
    quantity: int | None = None,
    clock: Clock,
) -> ScanResult:
    """Add the scanned unit's type (one more) or bulk item (``quantity``, default 1) to the
    booking, if available, and check it out: the trade's "unplanned item"."""
    from booking.availability import check_request
    from booking.bookings import ShortageError
    from booking.desk import check_out

    booking = booking_named(uow, normalise(reference))
    scanned = identify(uow, normalise(code))
    if booking is None or scanned is None or scanned.kind not in ("unit", "bulk"):
        return check_out(
            uow,
            user=user,
            station=station,
            reference=reference,
            code=code,
            quantity=quantity,
            clock=clock,
        )
    assert booking.id is not None
    if scanned.kind == "unit":
        type_id, qty = scanned.row.type_id, 1
    else:
        type_id, qty = scanned.row.type_id, 1 if quantity is None else quantity
        if qty < 1:
            return _refuse(
                code, Outcome.INVALID, "The quantity must be at least 1.", booking.reference
            )
    wanted = {type_id: Ledger.read(uow, booking.id).wanted.get(type_id, 0) + qty}
    missing = check_request(
        uow, wanted, booking.start, booking.end, now=clock.local_now(), exclude_booking=booking.id
    )
    if missing:
        raise ShortageError(missing)
    uow.session.add(BookingLine(booking_id=booking.id, item_type_id=type_id, quantity=qty))
    uow.flush()
    result = check_out(
        uow,
        user=user,
        station=station,
        reference=reference,
        code=code,
        quantity=qty,
        clock=clock,
    )
    if result.ok:
        for move_id in result.movement_ids:
            move = uow.session.get(Movement, move_id)
            if move is not None:
                move.note = UNPLANNED
        uow.flush()
    return result


def _take_off_booking(uow: UnitOfWork, booking: Booking, type_id: int, qty: int) -> None:
    """Undoing an unplanned add: the booking loses the quantity that scan added to it (the
    newest lines of the type first; a line brought to nothing goes)."""
    lines = uow.session.exec(
        select(BookingLine)
        .where(BookingLine.booking_id == booking.id, BookingLine.item_type_id == type_id)
        .order_by(id_column(BookingLine).desc())
    ).all()
    for line in lines:
        if qty <= 0:
            break
        taken = min(qty, line.quantity)
        line.quantity -= taken
        qty -= taken
        if line.quantity == 0:
            uow.session.delete(line)
    uow.flush()


@requires(Permission.DESK)
def substitute(
    uow: UnitOfWork,
    *,
    user: str,
    station: str = "",
    reference: str,
    code: str,
    for_type: str,
    clock: Clock,
) -> ScanResult:
    """Let the scanned unit stand in for one piece of a booked type (``for_type`` code)."""
    from booking.availability import check_request
    from booking.bookings import ShortageError
    from booking.desk import check_out
    from inventory.catalogue import item_by_code

    booking = booking_named(uow, normalise(reference))
    unit = find_unit(uow, normalise(code))
    if booking is None or unit is None:
        return check_out(
            uow, user=user, station=station, reference=reference, code=code, clock=clock
        )
    replaced = item_by_code(uow, for_type)
    line = uow.session.exec(
        select(BookingLine).where(
            BookingLine.booking_id == booking.id, BookingLine.item_type_id == replaced.id
        )
    ).first()
    ledger = Ledger.read(uow, require_id(booking))
    if line is None or ledger.tally(require_id(replaced)).left >= line.quantity:
        return _refuse(
            code,
            Outcome.COMPLETE,
            "Nothing of {name} is left to substitute.",
            booking.reference,
            name=replaced.name,
        )
    wanted = {unit.item_type_id: ledger.wanted.get(unit.item_type_id, 0) + 1}
    missing = check_request(
        uow, wanted, booking.start, booking.end, now=clock.local_now(), exclude_booking=booking.id
    )
    if missing:
        raise ShortageError(missing)
    line.quantity -= 1
    if line.quantity == 0:
        uow.session.delete(line)
    uow.session.add(
        BookingLine(booking_id=require_id(booking), item_type_id=unit.item_type_id, quantity=1)
    )
    uow.flush()
    return check_out(uow, user=user, station=station, reference=reference, code=code, clock=clock)
