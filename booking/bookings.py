"""Bookings: create, edit, confirm, cancel, duplicate — with availability checked inside the
writing transaction, so two desks can never both take the last unit.

Every change of dates or lines of a booking that holds stock re-checks availability,
excluding the booking itself; a refusal names each missing type, how many, when, and the
bookings holding them, and changes nothing.

Creating a booking is the hot path (the office books while the customer is on the phone,
a desk confirms many a day): it is a handful of Core statements built once — the customer,
the lines' types with their facts, the lines holding them, the number, the booking and its
lines, the audit rows — with no ORM flush. Its writes are recorded in the audit trail
explicitly (``app.core.audit.record_core``), in the same transaction and the same form as
a flush would have; they run through ``Session.execute`` so the live refresh
(``app.core.notify``) still learns which tables changed. The returned ``Booking`` is
attached to the session as a stored row. Editing and the rarer transitions stay in the
ORM.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import col, select

from app.core import audit
from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import Conflict, DomainError, NotFound, ValidationError
from booking.availability import Shortage, TypeFacts, check_request, facts_by_code, table_of
from booking.customers import customer_by_number
from booking.models import (
    EDITABLE,
    HOLDING,
    TRANSITIONS,
    Booking,
    BookingLine,
    BookingStatus,
    Customer,
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


# --- statements (built once; SQLAlchemy caches their compiled form) ----------------------

_SEQUENCE = table_of(ReferenceSequence)
_BOOKING = table_of(Booking)
_LINE = table_of(BookingLine)
_CUSTOMER = table_of(Customer)
_BUMP = (
    update(_SEQUENCE)
    .where(_SEQUENCE.c.year == bindparam("of_year"))
    .values(next_value=_SEQUENCE.c.next_value + 1)
    .returning(_SEQUENCE.c.next_value)
)
_CUSTOMER_ID = select(_CUSTOMER.c.id).where(_CUSTOMER.c.number == bindparam("number"))
_INSERT_BOOKING = insert(_BOOKING).returning(_BOOKING.c.id)
#: Without ``sort_by_parameter_order``: one multi-row statement on both engines (SQLite
#: would otherwise take one statement per line); rows are matched back by content.
_INSERT_LINES = insert(_LINE).returning(
    _LINE.c.id, _LINE.c.item_type_id, _LINE.c.quantity, _LINE.c.kit_id
)
_BY_REFERENCE = select(Booking).where(col(Booking.reference) == bindparam("ref"))
_LINES_OF = (
    select(BookingLine)
    .where(col(BookingLine.booking_id) == bindparam("booking_id"))
    .order_by(id_column(BookingLine))
)
_WANTED_OF = select(_LINE.c.item_type_id, _LINE.c.quantity, _LINE.c.kit_id).where(
    _LINE.c.booking_id == bindparam("booking_id")
)


# --- references -------------------------------------------------------------------------


def next_reference(uow: UnitOfWork, year: int) -> str:
    """The next booking reference of ``year`` (R-2026-0042), taken: the year's counter moves
    on in this transaction (recorded in the audit trail)."""
    reference, change = _take_reference(uow, year)
    audit.record_core(uow.session, [change])
    return reference


def _take_reference(uow: UnitOfWork, year: int) -> tuple[str, dict[str, Any]]:
    """The next reference of ``year`` and the audit change of its counter (one statement;
    two for a year's first booking)."""
    following = uow.session.execute(_BUMP, {"of_year": year}).scalar()
    if following is None:
        first = {"year": year, "next_value": 2}
        uow.session.execute(insert(_SEQUENCE), first)
        return f"R-{year}-0001", audit.inserted(_SEQUENCE, first)
    taken = following - 1
    key = {"year": year}
    change = audit.updated(_SEQUENCE, key, {"next_value": taken}, {"next_value": following})
    return f"R-{year}-{taken:04d}", change


def booking_by_ref(uow: UnitOfWork, reference: str) -> Booking:
    ref = reference.strip().upper()
    booking = uow.session.exec(_BY_REFERENCE, params={"ref": ref}).first()
    if booking is None:
        raise NotFound("No booking has the reference {ref}.", ref=ref)
    return booking


def lines_of(uow: UnitOfWork, booking_id: int) -> list[BookingLine]:
    return list(uow.session.exec(_LINES_OF, params={"booking_id": booking_id}))


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
    return _expand_known(uow, lines)[0]


def _expand_known(
    uow: UnitOfWork, lines: Sequence[Line]
) -> tuple[list[tuple[int, int, int | None]], dict[int, TypeFacts]]:
    """``_expand``, and the facts of the types named by their exact code (read in one
    statement for every line; the availability check needs them)."""
    exact = facts_by_code(uow, (barcodes.normalise(line.code.strip()) for line in lines))
    result: list[tuple[int, int, int | None]] = []
    for line in lines:
        qty = fields.integer("quantity", line.quantity, minimum=1, maximum=MAX_QUANTITY)
        code = line.code.strip()
        known = exact.get(barcodes.normalise(code))
        if known is not None:
            result.append((known.id, qty, None))
            continue
        item = barcodes.find_item_code(uow, code)  # type codes, like barcodes, without case
        if item is not None and item.id is not None:
            result.append((item.id, qty, None))
            continue
        kit = barcodes.find_kit(uow, code)
        if kit is None:
            item_by_code(uow, code)  # raises NotFound naming the code
        assert kit is not None and kit.id is not None
        result += [(k.item_type_id, k.quantity * qty, kit.id) for k in kit_lines(uow, kit.id)]
    return result, {facts.id: facts for facts in exact.values()}


def _wanted(expanded: Sequence[tuple[int, int, int | None]]) -> dict[int, int]:
    wanted: dict[int, int] = {}
    for type_id, qty, _ in expanded:
        wanted[type_id] = wanted.get(type_id, 0) + qty
    return wanted


def _booked(uow: UnitOfWork, booking_id: int) -> dict[int, int]:
    """Quantity per item type of a booking's lines (one statement, no ORM rows)."""
    rows = uow.session.execute(_WANTED_OF, {"booking_id": booking_id})
    return _wanted([(tid, qty, kit) for tid, qty, kit in rows])


def _require_available(
    uow: UnitOfWork, booking: Booking, clock: Clock, wanted: dict[int, int] | None = None
) -> None:
    if wanted is None:
        wanted = _booked(uow, require_id(booking))
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
    customer_id = _customer_id(uow, data.customer)
    start, end, use_start, use_end = _periods(data)
    expanded, facts = _expand_known(uow, data.lines)
    if confirm:
        if not expanded:
            raise ValidationError("lines", "A confirmed booking needs at least one line.")
        wanted = _wanted(expanded)
        missing = check_request(uow, wanted, start, end, now=clock.local_now(), facts=facts)
        if missing:
            raise ShortageError(missing)
    status = (BookingStatus.CONFIRMED if confirm else BookingStatus.QUOTE).value
    values: dict[str, Any] = {
        "customer_id": customer_id,
        "event": fields.text("event", data.event),
        "venue": fields.text("venue", data.venue),
        "start": start,
        "end": end,
        "use_start": use_start,
        "use_end": use_end,
        "status": status,
        "notes": fields.text("notes", data.notes, limit=fields.MAX_NOTES),
        "buyer_reference": _reference("buyer reference", data.buyer_reference),
        "order_reference": _reference("order reference", data.order_reference),
        "created_at": clock.now(),
        "created_by": user,
    }
    values["reference"], numbered = _take_reference(uow, clock.today().year)
    return _insert(uow, values, expanded, numbered)


def _customer_id(uow: UnitOfWork, number: str) -> int:
    found = uow.session.execute(_CUSTOMER_ID, {"number": number.strip()}).scalar()
    if found is None:
        return require_id(customer_by_number(uow, number))  # raises NotFound, naming it
    return int(found)


def _insert(
    uow: UnitOfWork,
    values: dict[str, Any],
    expanded: Sequence[tuple[int, int, int | None]],
    numbered: dict[str, Any],
) -> Booking:
    """Write the booking ``values`` and its lines (mirroring its period and status) with
    Core statements, record them in the audit trail, and return the booking as a stored
    row of the session."""
    session = uow.session
    values["id"] = booking_id = session.execute(_INSERT_BOOKING, values).scalar_one()
    mirror = {"start": values["start"], "end": values["end"], "status": values["status"]}
    lines = [
        {"booking_id": booking_id, "item_type_id": tid, "quantity": qty, "kit_id": kit, **mirror}
        for tid, qty, kit in expanded
    ]
    changes = [numbered, audit.inserted(_BOOKING, values)]
    if lines:
        # in the order of the lines (two lines alike are alike in the trail too)
        written = sorted(session.execute(_INSERT_LINES, lines).all(), key=lambda r: r[0])
        keyed = {(ln["item_type_id"], ln["quantity"], ln["kit_id"]): ln for ln in lines}
        for line_id, type_id, qty, kit in written:
            line = {**keyed[type_id, qty, kit], "id": line_id}
            changes.append(audit.inserted(_LINE, line))
    audit.record_core(session, changes)
    booking = Booking(**values)
    make_transient_to_detached(booking)
    session.add(booking)
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
        wanted = _booked(uow, require_id(booking))
        if not wanted:
            raise ValidationError(
                "lines", "Booking {ref} has no lines to confirm.", ref=booking.reference
            )
        _require_available(uow, booking, clock, wanted)
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
