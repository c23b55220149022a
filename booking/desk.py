"""The warehouse desk: check-out and check-in by scan, each scan one short transaction.

A scan is decided by a handful of indexed lookups and, when accepted, written as one
``Movement`` before the answer is given, so an acknowledged scan survives a crash and a
refused one changes nothing. Booking progress, a unit's whereabouts and what is still out
are all derived from movements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import sqlalchemy
from sqlalchemy import and_, case, func
from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import N_, DomainError
from booking.models import (
    Booking,
    BookingLine,
    BookingStatus,
    Condition,
    Direction,
    Movement,
)
from inventory import barcodes
from inventory.barcodes import normalise
from inventory.catalogue import set_status
from inventory.models import InspectionDue, ItemType, Unit, UnitStatus


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


def _refuse(
    scanned: str, outcome: Outcome, template: str, reference: str = "", /, **params: Any
) -> ScanResult:
    return ScanResult(scanned, False, outcome, DomainError(template, **params), reference)


# --- lookups ----------------------------------------------------------------------------


def _unit(uow: UnitOfWork, code: str) -> Unit | None:
    """The unit for a scan: without case, then its layout-swapped readings."""
    for reading in barcodes.candidates(code):
        if (unit := barcodes.find_unit(uow, reading)) is not None:
            return unit
    return None


def _booking(uow: UnitOfWork, code: str) -> Booking | None:
    code = normalise(code).upper()
    if not code:
        return None
    return uow.session.exec(select(Booking).where(Booking.reference == code)).first()


def find_booking(uow: UnitOfWork, code: str) -> Booking | None:
    """The booking whose reference was scanned (from its pick list), without case, trying
    the layout-swapped readings of the scan too."""
    for reading in barcodes.candidates(code):
        if (booking := _booking(uow, reading)) is not None:
            return booking
    return None


@dataclass
class _Scanned:
    """What a scan designates: ``kind`` is booking, unit, case or bulk; ``code`` the code it
    carries (as stored), ``raw`` what came from the scanner."""

    kind: str
    row: Any
    code: str
    raw: str

    @property
    def swapped(self) -> str:
        """The raw scan when the code was found through a layout-swapped reading."""
        return self.raw if self.raw.upper() != self.code.upper() else ""


def identify(uow: UnitOfWork, code: str) -> _Scanned | None:
    """What carries the scanned ``code``: a booking reference, a unit, a case or a bulk
    type, compared without case; when nothing does, the code as read on the other keyboard
    layout (a scanner set up for US on a French PC, or the reverse)."""
    raw = normalise(code)
    for reading in barcodes.candidates(raw):
        if (booking := _booking(uow, reading)) is not None:
            return _Scanned("booking", booking, booking.reference, raw)
        found = barcodes.find_exactly(uow, reading)
        if found is not None:
            kind, row = found
            stored = row.barcode or reading
            return _Scanned(kind, row, stored, raw)
    return None


def _swapped(result: ScanResult, scanned: _Scanned) -> ScanResult:
    result.scanned = scanned.swapped
    return result


def last_movement(uow: UnitOfWork, unit_id: int) -> Movement | None:
    query = select(Movement).where(Movement.unit_id == unit_id).order_by(id_column(Movement).desc())
    return uow.session.exec(query.limit(1)).first()


def where_is(uow: UnitOfWork, unit_id: int) -> Booking | None:
    """The booking a unit is out on, or None when it is in the warehouse."""
    last = last_movement(uow, unit_id)
    if last is None or last.direction != Direction.OUT:
        return None
    return uow.session.get(Booking, last.booking_id)


def booking_of_unit(uow: UnitOfWork, code: str) -> Booking | None:
    """ "Which booking has this unit?" — the one it is out on."""
    unit = _unit(uow, normalise(code))
    return where_is(uow, unit.id) if unit is not None and unit.id is not None else None


def _net(uow: UnitOfWork, booking_id: int, type_id: int) -> int:
    signed = case(
        (col(Movement.direction) == Direction.OUT.value, Movement.quantity),
        else_=-col(Movement.quantity),
    )
    query = select(func.coalesce(func.sum(signed), 0)).where(
        Movement.booking_id == booking_id, Movement.item_type_id == type_id
    )
    return int(uow.session.exec(query).one())


def _left(uow: UnitOfWork, booking_id: int, type_id: int) -> int:
    """How many ever left on the booking (check-outs not undone), returned or not: a
    booking of two lyres lets two go, even once they are back."""
    counted = case(
        (
            and_(col(Movement.direction) == Direction.OUT.value, col(Movement.undoes).is_(None)),
            Movement.quantity,
        ),
        (
            and_(col(Movement.direction) == Direction.IN.value, col(Movement.undoes).is_not(None)),
            -col(Movement.quantity),
        ),
        else_=0,
    )
    query = select(func.coalesce(func.sum(counted), 0)).where(
        Movement.booking_id == booking_id, Movement.item_type_id == type_id
    )
    return int(uow.session.exec(query).one())


def _wanted(uow: UnitOfWork, booking_id: int, type_id: int) -> int:
    query = select(func.coalesce(func.sum(BookingLine.quantity), 0)).where(
        BookingLine.booking_id == booking_id, BookingLine.item_type_id == type_id
    )
    return int(uow.session.exec(query).one())


def _overdue_since(uow: UnitOfWork, unit_id: int, today: dt.date) -> dt.date | None:
    query = select(func.min(InspectionDue.due_on)).where(InspectionDue.unit_id == unit_id)
    due = uow.session.exec(query).one()
    return due if due is not None and due < today else None


# --- progress ---------------------------------------------------------------------------


def progress(uow: UnitOfWork, booking_id: int) -> list[LineProgress]:
    """Per booked (or moved) type: wanted, out now, ever left, back, damaged, missing. A
    type moved but not booked whose every movement was undone is left out."""
    wanted = dict(
        uow.session.exec(
            select(BookingLine.item_type_id, func.sum(BookingLine.quantity))
            .where(BookingLine.booking_id == booking_id)
            .group_by(col(BookingLine.item_type_id))
        ).all()
    )
    moved: dict[int, dict[str, int]] = {}
    query = (
        sqlalchemy.select(
            col(Movement.item_type_id),
            col(Movement.direction),
            col(Movement.condition),
            col(Movement.undoes).is_not(None),
            func.sum(Movement.quantity),
        )
        .where(col(Movement.booking_id) == booking_id)
        .group_by(
            col(Movement.item_type_id),
            col(Movement.direction),
            col(Movement.condition),
            col(Movement.undoes).is_not(None),
        )
    )
    for type_id, direction, condition, is_undo, qty in uow.session.execute(query):
        tally = moved.setdefault(
            type_id, {"out": 0, "in": 0, "undo_out": 0, "damaged": 0, "missing": 0, "undo_in": 0}
        )
        if direction == Direction.OUT:
            tally["undo_in" if is_undo else "out"] += qty
            if is_undo and condition in (Condition.DAMAGED, Condition.MISSING):
                tally[condition] -= qty  # an undone damaged/missing check-in
        else:
            tally["undo_out" if is_undo else "in"] += qty
            if not is_undo and condition in (Condition.DAMAGED, Condition.MISSING):
                tally[condition] += qty
    names = dict(
        (tid, (code, name))
        for tid, code, name in uow.session.exec(
            select(id_column(ItemType), ItemType.code, ItemType.name).where(
                id_column(ItemType).in_(set(wanted) | set(moved))
            )
        )
    )
    rows = []
    for type_id in sorted(set(wanted) | set(moved), key=lambda t: names[t][1]):
        t = moved.get(
            type_id, {"out": 0, "in": 0, "undo_out": 0, "damaged": 0, "missing": 0, "undo_in": 0}
        )
        left = t["out"] - t["undo_out"]
        back = t["in"] - t["undo_in"]
        if type_id not in wanted and left == 0 and back == 0:
            continue  # an unplanned add that was undone: nothing of it is on the booking
        rows.append(
            LineProgress(
                type_id,
                *names[type_id],
                wanted=int(wanted.get(type_id, 0)),
                out=left - back,
                left=left,
                back=back,
                damaged=t["damaged"],
                missing=t["missing"],
            )
        )
    return rows


def _line(uow: UnitOfWork, booking_id: int, type_id: int) -> LineProgress | None:
    return next((p for p in progress(uow, booking_id) if p.item_type_id == type_id), None)


# --- check-out --------------------------------------------------------------------------

READY_TO_PICK = (BookingStatus.CONFIRMED, BookingStatus.OUT)


def _movement(
    uow: UnitOfWork,
    booking: Booking,
    direction: Direction,
    type_id: int,
    unit: Unit | None,
    qty: int,
    code: str,
    user: str,
    station: str,
    clock: Clock,
    condition: Condition = Condition.OK,
    note: str = "",
    undoes: int | None = None,
) -> Movement:
    move = Movement(
        booking_id=require_id(booking),
        direction=direction.value,
        item_type_id=type_id,
        unit_id=unit.id if unit else None,
        quantity=qty,
        condition=condition.value,
        note=note,
        code=code,
        at=clock.now(),
        user=user,
        station=station,
        undoes=undoes,
    )
    uow.session.add(move)
    uow.flush()
    return move


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
    booking = find_booking(uow, reference)
    if booking is None:
        return _refuse(
            code, Outcome.UNKNOWN, "No booking has the reference {ref}.", ref=normalise(reference)
        )
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
    scanned = identify(uow, code)
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
        return _swapped(
            _refuse(
                code,
                Outcome.BOOKING,
                "{code} is a booking: finish {ref} first.",
                ref,
                code=scanned.code,
                ref=ref,
            ),
            scanned,
        )
    if scanned.kind == "unit":
        result = _out_units(uow, booking, [scanned.row], code, user, station, clock)
    elif scanned.kind == "case":
        units = list(uow.session.exec(select(Unit).where(Unit.case_id == scanned.row.id)))
        if not units:
            return _refuse(code, Outcome.INVALID, "Case {code} is empty.", ref, code=code)
        result = _out_units(uow, booking, units, code, user, station, clock)
    else:
        result = _out_bulk(
            uow,
            booking,
            scanned.row,
            1 if quantity is None else quantity,
            code,
            user,
            station,
            clock,
        )
    return _swapped(result, scanned)


def _unit_refusal(
    uow: UnitOfWork, booking: Booking, unit: Unit, code: str, today: dt.date
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
    where = where_is(uow, require_id(unit))
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
    since = _overdue_since(uow, require_id(unit), today)
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
    booking: Booking,
    units: list[Unit],
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
        counts[unit.item_type_id] = counts.get(unit.item_type_id, 0) + 1
    for type_id, count in counts.items():
        wanted = _wanted(uow, require_id(booking), type_id)
        if wanted == 0:
            return _not_on_booking(uow, booking, type_id, code)
        if _left(uow, require_id(booking), type_id) + count > wanted:
            return _complete(uow, booking, type_id, code, wanted)
    moves = [
        _movement(uow, booking, Direction.OUT, u.item_type_id, u, 1, code, user, station, clock)
        for u in units
    ]
    return _accepted(uow, booking, units[0].item_type_id, code, moves)


def _out_bulk(
    uow: UnitOfWork,
    booking: Booking,
    item: ItemType,
    qty: int,
    code: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    assert item.id is not None and booking.id is not None
    if qty < 1:
        return _refuse(code, Outcome.INVALID, "The quantity must be at least 1.", booking.reference)
    wanted = _wanted(uow, booking.id, item.id)
    if wanted == 0:
        result = _not_on_booking(uow, booking, item.id, code)
        result.offer["quantity"] = qty  # what A adds as unplanned
        return result
    if _left(uow, booking.id, item.id) + qty > wanted:
        return _complete(uow, booking, item.id, code, wanted)
    move = _movement(uow, booking, Direction.OUT, item.id, None, qty, code, user, station, clock)
    return _accepted(uow, booking, item.id, code, [move])


def _not_on_booking(uow: UnitOfWork, booking: Booking, type_id: int, code: str) -> ScanResult:
    item = uow.session.get(ItemType, type_id)
    assert item is not None
    result = _refuse(
        code,
        Outcome.NOT_ON_BOOKING,
        "{name} is not on {ref}: add it as an unplanned item or substitute it for a booked type.",
        booking.reference,
        name=item.name,
        ref=booking.reference,
    )
    result.offer = {"code": item.code, "name": item.name}
    return result


def _complete(
    uow: UnitOfWork, booking: Booking, type_id: int, code: str, wanted: int
) -> ScanResult:
    """Refuse a scan that would take more than booked, with the true remaining count."""
    item = uow.session.get(ItemType, type_id)
    assert item is not None and booking.id is not None
    remaining = max(wanted - _left(uow, booking.id, type_id), 0)
    if remaining == 0:
        result = _refuse(
            code,
            Outcome.COMPLETE,
            "{name}: nothing is left to go out ({count} booked piece(s), all out).",
            booking.reference,
            name=item.name,
            count=wanted,
        )
    else:
        result = _refuse(
            code,
            Outcome.COMPLETE,
            "Only {count} piece(s) of {name} left to go out on {ref}: scan *{count}.",
            booking.reference,
            name=item.name,
            count=remaining,
            ref=booking.reference,
        )
    result.line = _line(uow, booking.id, type_id)
    return result


def _accepted(
    uow: UnitOfWork, booking: Booking, type_id: int, code: str, moves: list[Movement]
) -> ScanResult:
    assert booking.id is not None
    if booking.status == BookingStatus.CONFIRMED:
        booking.status = BookingStatus.OUT.value  # out as soon as anything has left
    line = _line(uow, booking.id, type_id)
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
        movement_ids=[m.id for m in moves if m.id is not None],
        offer={"quantity": qty},
    )


# --- check-in ---------------------------------------------------------------------------


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
    scanned = identify(uow, code)
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
        container = scanned.row
        units = list(uow.session.exec(select(Unit).where(Unit.case_id == container.id)))
        out = [u for u in units if where_is(uow, require_id(u)) is not None]
        if not out:
            return _refuse(code, Outcome.NOT_OUT, "Nothing in case {code} is out.", code=code)
        results = [_in_unit(uow, u, u.barcode, condition, note, user, station, clock) for u in out]
        result = results[-1]
        result.movement_ids = [m for r in results for m in r.movement_ids]
        result.code = code
        if not container.permanent:
            for u in units:
                u.case_id = None  # a temporary case is emptied at check-in
    else:
        result = _in_bulk(
            uow,
            scanned.row,
            1 if quantity is None else quantity,
            code,
            condition,
            note,
            booking_hint,
            user,
            station,
            clock,
        )
    return _swapped(result, scanned)


def _in_unit(
    uow: UnitOfWork,
    unit: Unit,
    code: str,
    condition: Condition,
    note: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    booking = where_is(uow, require_id(unit))
    if booking is None:
        return _refuse(
            code, Outcome.NOT_OUT, "{code} is not out: nothing to check in.", code=unit.barcode
        )
    move = _movement(
        uow,
        booking,
        Direction.IN,
        unit.item_type_id,
        unit,
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
    return _returned(uow, booking, unit.item_type_id, code, [move], clock)


def _in_bulk(
    uow: UnitOfWork,
    item: ItemType,
    qty: int,
    code: str,
    condition: Condition,
    note: str,
    hint: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    assert item.id is not None
    if qty < 1:
        return _refuse(code, Outcome.INVALID, "The quantity must be at least 1.")
    booking = _bulk_booking(uow, item.id, hint)
    if booking is None:
        return _refuse(code, Outcome.NOT_OUT, "No {name} is out.", name=item.name)
    assert booking.id is not None
    outstanding = _net(uow, booking.id, item.id)
    if qty > outstanding:
        return _refuse(
            code,
            Outcome.COMPLETE,
            "Only {count} {name} are out on {ref}.",
            booking.reference,
            count=outstanding,
            name=item.name,
            ref=booking.reference,
        )
    move = _movement(
        uow, booking, Direction.IN, item.id, None, qty, code, user, station, clock, condition, note
    )
    return _returned(uow, booking, item.id, code, [move], clock)


def _bulk_booking(uow: UnitOfWork, type_id: int, hint: str) -> Booking | None:
    """The booking to credit a bulk return to: the hinted one if it has some out, else the
    one due back first."""
    signed = case(
        (col(Movement.direction) == Direction.OUT.value, Movement.quantity),
        else_=-col(Movement.quantity),
    )
    query = (
        select(Booking)
        .join(Movement, col(Movement.booking_id) == id_column(Booking))
        .where(Movement.item_type_id == type_id)
        .group_by(id_column(Booking))
        .having(func.sum(signed) > 0)
        .order_by(col(Booking.end), id_column(Booking))
    )
    candidates = list(uow.session.exec(query))
    for booking in candidates:
        if hint and booking.reference == normalise(hint).upper():
            return booking
    return candidates[0] if candidates else None


def _returned(
    uow: UnitOfWork, booking: Booking, type_id: int, code: str, moves: list[Movement], clock: Clock
) -> ScanResult:
    assert booking.id is not None
    late = clock.local_now() > booking.end
    rows = progress(uow, booking.id)  # once: the status and the line both come from it
    if booking.status == BookingStatus.OUT and all(p.out <= 0 for p in rows):
        booking.status = BookingStatus.RETURNED.value  # everything that left is back
    line = next((p for p in rows if p.item_type_id == type_id), None)
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
    return ScanResult(
        code,
        True,
        Outcome.ACCEPTED,
        message,
        booking.reference,
        line,
        late,
        [m.id for m in moves if m.id is not None],
    )


# --- undo, unplanned items, substitutions -------------------------------------------------


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
    move = _movement(
        uow,
        booking,
        back,
        last.item_type_id,
        unit,
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
    line = _line(uow, booking.id, last.item_type_id)
    return ScanResult(
        last.code,
        True,
        Outcome.ACCEPTED,
        DomainError("Scan of {code} undone.", code=last.code),
        booking.reference,
        line,
        movement_ids=[move.id] if move.id else [],
    )


def _restore_status(uow: UnitOfWork, booking: Booking) -> None:
    assert booking.id is not None
    rows = progress(uow, booking.id)
    anything_out = any(p.out > 0 for p in rows)
    if booking.status == BookingStatus.RETURNED and anything_out:
        booking.status = BookingStatus.OUT.value
    elif booking.status == BookingStatus.OUT and not any(p.left > 0 for p in rows):
        booking.status = BookingStatus.CONFIRMED.value


#: The note on a check-out movement whose scan added its quantity to the booking as an
#: unplanned item: undoing that scan takes the quantity off the booking again.
UNPLANNED = "unplanned"


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

    booking = _booking(uow, normalise(reference))
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
        type_id, qty = scanned.row.item_type_id, 1
    else:
        type_id, qty = scanned.row.id, 1 if quantity is None else quantity
        if qty < 1:
            return _refuse(
                code, Outcome.INVALID, "The quantity must be at least 1.", booking.reference
            )
    wanted = {type_id: _wanted(uow, booking.id, type_id) + qty}
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
    from inventory.catalogue import item_by_code

    booking = _booking(uow, normalise(reference))
    unit = _unit(uow, normalise(code))
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
    if line is None or _left(uow, require_id(booking), require_id(replaced)) >= line.quantity:
        return _refuse(
            code,
            Outcome.COMPLETE,
            "Nothing of {name} is left to substitute.",
            booking.reference,
            name=replaced.name,
        )
    wanted = {unit.item_type_id: _wanted(uow, require_id(booking), unit.item_type_id) + 1}
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


# --- lists for the desk -------------------------------------------------------------------


def departures(uow: UnitOfWork, *, clock: Clock, days: int = 2) -> list[Booking]:
    """What still has to leave: bookings picked up today or tomorrow (``days``) that are
    confirmed, or out with something booked not yet gone; and late ones, confirmed with a
    pick-up before today and not yet due back, nothing of them gone. Complete bookings and
    bookings that left on an earlier day are not listed. By pick-up time."""
    today = dt.datetime.combine(clock.today(), dt.time())
    now = clock.local_now()
    query = (
        select(Booking)
        .where(
            col(Booking.status).in_([BookingStatus.CONFIRMED.value, BookingStatus.OUT.value]),
            col(Booking.start) < today + dt.timedelta(days=days),
            col(Booking.end) > now,
        )
        .order_by(col(Booking.start), id_column(Booking))
    )
    rows = []
    for booking in uow.session.exec(query):
        if booking.status == BookingStatus.CONFIRMED:
            rows.append(booking)  # nothing has left yet (late when its pick-up is past)
        elif booking.start >= today and any(
            p.left < p.wanted for p in progress(uow, require_id(booking))
        ):
            rows.append(booking)  # partly picked today: the rest is still to go
    return rows


def is_late(booking: Booking, *, clock: Clock) -> bool:
    """A confirmed booking whose pick-up day is past: nothing left although it should have."""
    return booking.status == BookingStatus.CONFIRMED and booking.start.date() < clock.today()


def units_moved(uow: UnitOfWork, booking_id: int) -> list[dict[str, Any]]:
    """Each unit that left on the booking: barcode, serial, type, out/back times, condition."""
    query = (
        select(Movement, Unit.barcode, Unit.serial, ItemType.code)
        .join(Unit, id_column(Unit) == col(Movement.unit_id))
        .join(ItemType, id_column(ItemType) == col(Movement.item_type_id))
        .where(Movement.booking_id == booking_id)
        .order_by(id_column(Movement))
    )
    units: dict[str, dict[str, Any]] = {}
    for move, barcode, serial, type_code in uow.session.exec(query):
        entry = units.setdefault(
            barcode,
            {
                "barcode": barcode,
                "serial": serial,
                "code": type_code,
                "out": None,
                "back": None,
                "condition": None,
            },
        )
        if move.direction == Direction.OUT:
            if move.undoes is None:
                entry["out"] = move.at
            entry["back"] = entry["condition"] = None  # out (again, if a return was undone)
        elif move.undoes is not None:
            entry["out"] = entry["back"] = entry["condition"] = None  # it never left
        else:
            entry["back"], entry["condition"] = move.at, move.condition
    return [u for u in units.values() if u["out"] is not None]
