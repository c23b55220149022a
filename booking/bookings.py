"""Bookings: create, edit, confirm, cancel, duplicate — with availability checked inside the
writing transaction, so two desks can never both take the last unit.

Every change of dates or lines of a booking that holds stock re-checks availability,
excluding the booking itself; a refusal names each missing type, how many, when, and the
bookings holding them, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import Conflict, DomainError, NotFound, ValidationError
from booking.availability import Shortage, check_request
from booking.customers import customer_by_number
from booking.models import (
    EDITABLE,
    HOLDING,
    TRANSITIONS,
    Booking,
    BookingLine,
    BookingStatus,
    ReferenceSequence,
)
from inventory import barcodes, fields
from inventory.catalogue import item_by_code
from inventory.containers import kit_lines

MAX_QUANTITY = 10_000
#: Longer than this is a typing slip in a date (a season or a long tour fits easily).
MAX_PERIOD = dt.timedelta(days=5 * 365)
DATETIME_FORMATS = (
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y",
)


class ShortageError(DomainError):
    """Refused for lack of stock; ``shortages`` say exactly what is missing."""

    def __init__(self, shortages: Sequence[Shortage]) -> None:
        self.shortages = list(shortages)
        self.details = [
            DomainError(
                "{name} ({code}): {missing} missing on {at}; requested {requested}, "
                "serviceable {serviceable}, already held {reserved} by {holders}",
                name=s.name,
                code=s.code,
                missing=s.missing,
                at=s.at.strftime("%d/%m/%Y %H:%M"),
                requested=s.requested,
                serviceable=s.serviceable,
                reserved=s.reserved,
                holders=", ".join(s.holders) or "—",
            )
            for s in self.shortages
        ]
        super().__init__("Not enough stock; nothing was changed:")

    def __str__(self) -> str:
        return "\n".join([super().__str__(), *(f"- {d}" for d in self.details)])


@dataclass
class Line:
    """A requested line: an item type code (or a kit code, expanded) and a quantity."""

    code: str
    quantity: int


@dataclass
class BookingData:
    customer: str
    start: dt.datetime
    end: dt.datetime
    use_start: dt.datetime | None = None
    use_end: dt.datetime | None = None
    event: str = ""
    venue: str = ""
    notes: str = ""
    lines: list[Line] = field(default_factory=list)
    #: The buyer's reference (BT-10; empty: its customer's service code) and its purchase
    #: order or commitment number (BT-13). None: left as they are (an update).
    buyer_reference: str | None = None
    order_reference: str | None = None


def parse_datetime(name: str, value: str | dt.datetime | None) -> dt.datetime | None:
    """A local date-time as people and the CLI write it (2027-03-05T09:00, 05/03/2027 09:00)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    text = value.strip()
    if not text:
        return None
    for fmt in DATETIME_FORMATS:
        try:
            found = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return fields.plausible(name, found)
    raise ValidationError(
        name, "{value!r} is not a date and time (write it 2027-03-05T09:00).", value=value
    )


def parse_line(text: str) -> Line:
    """``CODE=QTY`` (``CODE`` alone means one)."""
    code, _, qty = text.partition("=")
    code = fields.text("item code", code, required=True)
    quantity = fields.integer("quantity", qty or "1", minimum=1, maximum=MAX_QUANTITY)
    return Line(code, quantity)


# --- references -------------------------------------------------------------------------


def next_reference(uow: UnitOfWork, year: int) -> str:
    seq = uow.session.get(ReferenceSequence, year)
    if seq is None:
        seq = ReferenceSequence(year=year, next_value=1)
        uow.session.add(seq)
    reference = f"R-{year}-{seq.next_value:04d}"
    seq.next_value += 1
    return reference


def booking_by_ref(uow: UnitOfWork, reference: str) -> Booking:
    ref = reference.strip().upper()
    booking = uow.session.exec(select(Booking).where(Booking.reference == ref)).first()
    if booking is None:
        raise NotFound("No booking has the reference {ref}.", ref=ref)
    return booking


def lines_of(uow: UnitOfWork, booking_id: int) -> list[BookingLine]:
    query = select(BookingLine).where(BookingLine.booking_id == booking_id)
    return list(uow.session.exec(query.order_by(id_column(BookingLine))))


# --- validation -------------------------------------------------------------------------


def _periods(data: BookingData) -> tuple[dt.datetime, dt.datetime, dt.datetime, dt.datetime]:
    fields.plausible("from", data.start)  # the editor's date fields reach year 9999
    fields.plausible("to", data.end)
    if data.end - data.start > MAX_PERIOD:
        raise ValidationError(
            "to",
            "A booking lasts at most {years} years: check the return date ({end}).",
            years=MAX_PERIOD.days // 365,
            end=data.end.strftime("%d/%m/%Y %H:%M"),
        )
    if data.end <= data.start:
        raise ValidationError(
            "to",
            "The return ({end}) must come after the pick-up ({start}).",
            start=data.start.strftime("%d/%m/%Y %H:%M"),
            end=data.end.strftime("%d/%m/%Y %H:%M"),
        )
    use_start = data.use_start or data.start
    use_end = data.use_end or data.end
    if use_end <= use_start:
        raise ValidationError("use to", "The usage period must end after it starts.")
    if use_start < data.start or use_end > data.end:
        raise ValidationError(
            "use from", "The days of use must fall within the planned period (pick-up to return)."
        )
    return data.start, data.end, use_start, use_end


def _expand(uow: UnitOfWork, lines: Sequence[Line]) -> list[tuple[int, int, int | None]]:
    """(item type id, quantity, kit id) for each line; kits expand to their types."""
    result: list[tuple[int, int, int | None]] = []
    for line in lines:
        qty = fields.integer("quantity", line.quantity, minimum=1, maximum=MAX_QUANTITY)
        code = line.code.strip()
        item = barcodes.find_item_code(uow, code)  # type codes, like barcodes, without case
        if item is not None and item.id is not None:
            result.append((item.id, qty, None))
            continue
        kit = barcodes.find_kit(uow, code)
        if kit is None:
            item_by_code(uow, code)  # raises NotFound naming the code
        assert kit is not None and kit.id is not None
        result += [(k.item_type_id, k.quantity * qty, kit.id) for k in kit_lines(uow, kit.id)]
    return result


def _wanted(expanded: Sequence[tuple[int, int, int | None]]) -> dict[int, int]:
    wanted: dict[int, int] = {}
    for type_id, qty, _ in expanded:
        wanted[type_id] = wanted.get(type_id, 0) + qty
    return wanted


def _require_available(uow: UnitOfWork, booking: Booking, clock: Clock) -> None:
    wanted = _wanted(
        [(ln.item_type_id, ln.quantity, ln.kit_id) for ln in lines_of(uow, require_id(booking))]
    )
    missing = check_request(
        uow, wanted, booking.start, booking.end, now=clock.local_now(), exclude_booking=booking.id
    )
    if missing:
        raise ShortageError(missing)


# --- commands ---------------------------------------------------------------------------


@requires(Permission.BOOKINGS)
def create_booking(
    uow: UnitOfWork, *, user: str, data: BookingData, clock: Clock, confirm: bool = False
) -> Booking:
    """A new booking (a quote, or confirmed at once when ``confirm`` and it fits)."""
    customer = customer_by_number(uow, data.customer)
    start, end, use_start, use_end = _periods(data)
    expanded = _expand(uow, data.lines)
    if confirm:
        if not expanded:
            raise ValidationError("lines", "A confirmed booking needs at least one line.")
        missing = check_request(uow, _wanted(expanded), start, end, now=clock.local_now())
        if missing:
            raise ShortageError(missing)
    booking = Booking(
        reference=next_reference(uow, clock.today().year),
        customer_id=require_id(customer),
        event=fields.text("event", data.event),
        venue=fields.text("venue", data.venue),
        notes=fields.text("notes", data.notes, limit=fields.MAX_NOTES),
        buyer_reference=_reference("buyer reference", data.buyer_reference),
        order_reference=_reference("order reference", data.order_reference),
        start=start,
        end=end,
        use_start=use_start,
        use_end=use_end,
        status=(BookingStatus.CONFIRMED if confirm else BookingStatus.QUOTE).value,
        created_at=clock.now(),
        created_by=user,
    )
    uow.session.add(booking)
    uow.flush()
    booking_id = require_id(booking)
    for type_id, qty, kit_id in expanded:
        uow.session.add(
            BookingLine(booking_id=booking_id, item_type_id=type_id, quantity=qty, kit_id=kit_id)
        )
    uow.flush()
    return booking


def _write_lines(
    uow: UnitOfWork, booking: Booking, expanded: Sequence[tuple[int, int, int | None]]
) -> None:
    booking_id = require_id(booking)
    for old in lines_of(uow, booking_id):
        uow.session.delete(old)
    uow.flush()
    for type_id, qty, kit_id in expanded:
        uow.session.add(
            BookingLine(booking_id=booking_id, item_type_id=type_id, quantity=qty, kit_id=kit_id)
        )
    uow.flush()


@requires(Permission.BOOKINGS)
def update_booking(
    uow: UnitOfWork, *, user: str, reference: str, data: BookingData, clock: Clock
) -> Booking:
    """Change dates, customer, lines... of a booking; one holding stock is re-checked."""
    booking = booking_by_ref(uow, reference)
    if BookingStatus(booking.status) not in EDITABLE:
        raise Conflict(
            "Booking {ref} is {status}: it can no longer be changed.",
            ref=booking.reference,
            status=booking.status,
        )
    customer = customer_by_number(uow, data.customer)
    start, end, use_start, use_end = _periods(data)
    expanded = _expand(uow, data.lines)
    if not expanded and BookingStatus(booking.status) in HOLDING:
        raise ValidationError("lines", "A confirmed booking needs at least one line.")
    booking.customer_id = require_id(customer)
    booking.start, booking.end, booking.use_start, booking.use_end = start, end, use_start, use_end
    booking.event = fields.text("event", data.event)
    booking.venue = fields.text("venue", data.venue)
    booking.notes = fields.text("notes", data.notes, limit=fields.MAX_NOTES)
    if data.buyer_reference is not None:
        booking.buyer_reference = _reference("buyer reference", data.buyer_reference)
    if data.order_reference is not None:
        booking.order_reference = _reference("order reference", data.order_reference)
    _write_lines(uow, booking, expanded)
    if BookingStatus(booking.status) in HOLDING:
        _require_available(uow, booking, clock)
    return booking


def _reference(name: str, value: str | None) -> str:
    """A buyer's reference as invoices carry it: one line, at most 100 characters."""
    return " ".join(fields.text(name, value or "", limit=100).split())


@requires(Permission.BOOKINGS)
def set_references(
    uow: UnitOfWork,
    *,
    user: str,
    reference: str,
    buyer_reference: str | None = None,
    order_reference: str | None = None,
) -> Booking:
    """Set the buyer's reference and its order (commitment) number of a booking, whatever
    its status: the invoices issued from now on carry them (issued ones keep theirs).
    None leaves a reference as it is; "" clears it."""
    booking = booking_by_ref(uow, reference)
    if buyer_reference is not None:
        booking.buyer_reference = _reference("buyer reference", buyer_reference)
    if order_reference is not None:
        booking.order_reference = _reference("order reference", order_reference)
    uow.session.add(booking)
    uow.flush()
    return booking


@requires(Permission.BOOKINGS)
def change_status(
    uow: UnitOfWork, *, user: str, reference: str, status: BookingStatus, clock: Clock
) -> Booking:
    """Move a booking along its life cycle (TRANSITIONS); entering a holding status checks
    availability."""
    booking = booking_by_ref(uow, reference)
    current = BookingStatus(booking.status)
    if status not in TRANSITIONS[current]:
        raise Conflict(
            "Booking {ref} is {current}: it cannot become {status}.",
            ref=booking.reference,
            current=current.value,
            status=status.value,
        )
    if status in HOLDING and current not in HOLDING:
        if not lines_of(uow, require_id(booking)):
            raise ValidationError(
                "lines", "Booking {ref} has no lines to confirm.", ref=booking.reference
            )
        _require_available(uow, booking, clock)
    booking.status = status.value
    uow.flush()
    return booking


@requires(Permission.BOOKINGS)
def confirm_booking(uow: UnitOfWork, *, user: str, reference: str, clock: Clock) -> Booking:
    return change_status(
        uow, user=user, reference=reference, status=BookingStatus.CONFIRMED, clock=clock
    )


@requires(Permission.BOOKINGS)
def cancel_booking(uow: UnitOfWork, *, user: str, reference: str, clock: Clock) -> Booking:
    return change_status(
        uow, user=user, reference=reference, status=BookingStatus.CANCELLED, clock=clock
    )


@requires(Permission.BOOKINGS)
def duplicate_booking(
    uow: UnitOfWork, *, user: str, reference: str, start: dt.datetime, clock: Clock
) -> Booking:
    """A new quote with the same customer, event and lines, moved to start at ``start``
    (recurring events)."""
    source = booking_by_ref(uow, reference)
    shift = start - source.start
    copy = Booking(
        reference=next_reference(uow, clock.today().year),
        customer_id=source.customer_id,
        event=source.event,
        venue=source.venue,
        notes=source.notes,
        start=source.start + shift,
        end=source.end + shift,
        use_start=source.use_start + shift,
        use_end=source.use_end + shift,
        created_at=clock.now(),
        created_by=user,
    )
    uow.session.add(copy)
    uow.flush()
    lines = [(ln.item_type_id, ln.quantity, ln.kit_id) for ln in lines_of(uow, require_id(source))]
    _write_lines(uow, copy, lines)
    return copy
