"""Customers, memberships, bookings and their lines, desk movements (SQLModel tables).

Booking periods are local date-times (naive, in the cooperative's time zone), half-open
``[start, end)``. Statuses and their transitions are data (``TRANSITIONS``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import NaiveDatetime
from sqlalchemy import Index, event, inspect, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Field, Session, SQLModel, col

from app.core.errors import N_


class CustomerKind(StrEnum):
    ORGANISATION = "organisation"
    PERSON = "person"


class CustomerCategory(StrEnum):
    ASSOCIATION = "association"
    COMPANY = "company"
    COMMUNE = "commune"
    VENUE = "venue"
    INDIVIDUAL = "individual"


CUSTOMER_CATEGORY_LABELS: dict[CustomerCategory, str] = {
    CustomerCategory.ASSOCIATION: N_("Association"),
    CustomerCategory.COMPANY: N_("Company"),
    CustomerCategory.COMMUNE: N_("Commune"),
    CustomerCategory.VENUE: N_("Venue"),
    CustomerCategory.INDIVIDUAL: N_("Individual"),
}


class BookingStatus(StrEnum):
    QUOTE = "quote"
    CONFIRMED = "confirmed"
    OUT = "out"
    RETURNED = "returned"
    CLOSED = "closed"
    CANCELLED = "cancelled"


BOOKING_STATUS_LABELS: dict[BookingStatus, str] = {
    BookingStatus.QUOTE: N_("Quote"),
    BookingStatus.CONFIRMED: N_("Confirmed"),
    BookingStatus.OUT: N_("Out"),
    BookingStatus.RETURNED: N_("Returned"),
    BookingStatus.CLOSED: N_("Closed"),
    BookingStatus.CANCELLED: N_("Cancelled"),
}

#: The booking life cycle, declared as data: status → the statuses it may move to.
TRANSITIONS: dict[BookingStatus, frozenset[BookingStatus]] = {
    BookingStatus.QUOTE: frozenset({BookingStatus.CONFIRMED, BookingStatus.CANCELLED}),
    BookingStatus.CONFIRMED: frozenset(
        {BookingStatus.QUOTE, BookingStatus.OUT, BookingStatus.CANCELLED}
    ),
    BookingStatus.OUT: frozenset({BookingStatus.RETURNED}),
    BookingStatus.RETURNED: frozenset({BookingStatus.OUT, BookingStatus.CLOSED}),
    BookingStatus.CLOSED: frozenset(),
    BookingStatus.CANCELLED: frozenset({BookingStatus.QUOTE}),
}

#: Statuses whose lines hold stock (block other bookings).
HOLDING = (BookingStatus.CONFIRMED, BookingStatus.OUT)
#: Statuses shown as tentative holds (never blocking).
TENTATIVE = (BookingStatus.QUOTE,)
#: Statuses whose dates and lines can still be edited.
EDITABLE = (BookingStatus.QUOTE, BookingStatus.CONFIRMED, BookingStatus.OUT)


class Customer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(unique=True, index=True)
    kind: str = CustomerKind.ORGANISATION.value
    category: str = CustomerCategory.ASSOCIATION.value
    name: str = Field(index=True)
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    siren: str = ""
    siret: str = ""
    vat_number: str = ""
    notes: str = ""
    #: A public body (commune, department, public theatre) paid through Chorus Pro.
    public_buyer: bool = False
    #: Its Chorus Pro service code: the default buyer reference (BT-10) of its invoices.
    service_code: str = ""


class Contact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


class Membership(SQLModel, table=True):
    """Membership of the cooperative (sociétaire): member rates apply on the dates it
    covers. ``valid_to`` is inclusive; None means open-ended."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    #: Kept across renewals: one customer's memberships may share it, no two customers do.
    member_number: str = Field(index=True)
    valid_from: dt.date
    valid_to: dt.date | None = None


class Booking(SQLModel, table=True):
    #: The availability engine asks "which holding bookings end after this instant?".
    __table_args__ = (
        Index("ix_booking_status_end", "status", "end"),
        Index("ix_booking_status_start", "status", "start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(unique=True, index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    event: str = ""
    venue: str = ""
    #: Planned period: out of and back to the warehouse (drives availability).
    start: NaiveDatetime = Field(index=True)
    end: NaiveDatetime = Field(index=True)
    #: Usage period: days of use (drives the price); inside the planned period.
    use_start: NaiveDatetime
    use_end: NaiveDatetime
    status: str = Field(default=BookingStatus.QUOTE.value, index=True)
    notes: str = ""
    #: The buyer's reference for its invoices (BT-10; default: the customer's service code).
    buyer_reference: str = ""
    #: The buyer's purchase order or commitment (engagement) number (BT-13).
    order_reference: str = ""
    created_at: dt.datetime
    created_by: str = ""


class BookingLine(SQLModel, table=True):
    """A booked quantity of one item type. ``start``, ``end`` and ``status`` mirror the
    booking's (kept in step by ``_mirror_booking`` at every flush) so the availability
    engine finds a type's holding lines by one index range, without walking history."""

    __tablename__ = "booking_line"
    __table_args__ = (
        Index("ix_booking_line_booking_type", "booking_id", "item_type_id", "quantity"),
        Index("ix_booking_line_type_status_end", "item_type_id", "status", "end"),
        Index("ix_booking_line_status_end", "status", "end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    booking_id: int = Field(foreign_key="booking.id", index=True, ondelete="CASCADE")
    item_type_id: int = Field(foreign_key="item_type.id", index=True)
    quantity: int
    #: The kit this line came from, if any (kits expand to their types).
    kit_id: int | None = Field(default=None, foreign_key="kit.id")
    start: NaiveDatetime | None = None
    end: NaiveDatetime | None = None
    status: str = ""


@event.listens_for(Session, "before_flush")
def _mirror_booking(session: Session, _context: object, _instances: object) -> None:
    """Copy each booking's period and status onto its lines: new lines take their
    booking's, and a booking whose period or status changed updates its lines."""
    with session.no_autoflush:
        for obj in list(session.new):
            if isinstance(obj, BookingLine) and obj.booking_id is not None:
                booking = session.get(Booking, obj.booking_id)
                if booking is not None:
                    obj.start, obj.end, obj.status = booking.start, booking.end, booking.status
        for obj in list(session.dirty):
            if isinstance(obj, Booking) and obj.id is not None and _period_changed(obj):
                session.execute(
                    update(BookingLine)
                    .where(col(BookingLine.booking_id) == obj.id)
                    .values(start=obj.start, end=obj.end, status=obj.status)
                    .execution_options(synchronize_session=False)
                )
                for line in _loaded_lines(session, obj.id):
                    set_committed_value(line, "start", obj.start)
                    set_committed_value(line, "end", obj.end)
                    set_committed_value(line, "status", obj.status)


def _period_changed(booking: Booking) -> bool:
    state = inspect(booking)
    return any(state.attrs[name].history.has_changes() for name in ("start", "end", "status"))


def _loaded_lines(session: Session, booking_id: int) -> list[BookingLine]:
    return [
        obj
        for obj in session.identity_map.values()
        if isinstance(obj, BookingLine) and obj.booking_id == booking_id
    ]


class ReferenceSequence(SQLModel, table=True):
    """Next booking number, per year (R-2026-0042)."""

    __tablename__ = "reference_sequence"

    year: int = Field(primary_key=True)
    next_value: int = 1


class Direction(StrEnum):
    OUT = "out"
    IN = "in"


class Condition(StrEnum):
    OK = "ok"
    DAMAGED = "damaged"
    MISSING = "missing"


class Movement(SQLModel, table=True):
    """One scan at the desk, committed at once: the ledger that booking progress, units'
    whereabouts and overdue holds are derived from (never a counter).

    An undo is a compensating movement in the other direction (``undoes`` names the
    movement it cancels), so sums and "last movement of a unit" stay plain queries.
    """

    __table_args__ = (Index("ix_movement_unit_id_id", "unit_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    booking_id: int = Field(foreign_key="booking.id", index=True)
    direction: str
    item_type_id: int = Field(foreign_key="item_type.id", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    quantity: int = 1
    condition: str = Condition.OK.value
    note: str = ""
    code: str = ""
    at: dt.datetime
    user: str = ""
    station: str = ""
    undoes: int | None = Field(default=None, foreign_key="movement.id", index=True)
