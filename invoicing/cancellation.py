"""Cancelling a booking that was invoiced: an issued invoice is never deleted, so a booking
with an invoice not fully credited is cancelled together with the credit notes of what
remains of its invoices (in one write transaction), or not at all.

- ``open_invoices``: the booking's invoices with something left to credit;
- ``cancel_booking``: cancels a booking with no such invoice, else refuses
  (``InvoicedBooking``, naming the invoices);
- ``cancel_with_credit_notes``: issues the full credit note of every open invoice, then
  cancels; under ``issuing.issue`` the rehearsal stops at the first credit note's
  rendering, so nothing is written before the write transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.errors import Conflict
from app.core.money import from_cents
from booking import bookings
from booking.bookings import booking_by_ref
from booking.models import Booking, BookingStatus
from invoicing import credit_notes
from invoicing.document import Kind
from invoicing.issuing import Renderer, XmlCheck
from invoicing.models import IssuedDocument

#: The credit note's reason when none is given (printed on the French document).
REASON = "Annulation de la réservation {ref}"


@dataclass(frozen=True)
class OpenInvoice:
    """An invoice of the booking with ``remaining`` (incl. VAT) not credited yet."""

    number: str
    remaining: Decimal


class InvoicedBooking(Conflict):
    """A booking with invoices not fully credited cannot simply be cancelled."""

    def __init__(self, reference: str, invoices: Sequence[OpenInvoice]) -> None:
        super().__init__(
            "Booking {ref} is invoiced ({invoices}, {amount} not credited): cancelling it "
            "needs the credit note of what remains.",
            ref=reference,
            invoices=", ".join(i.number for i in invoices),
            amount=str(sum((i.remaining for i in invoices), Decimal("0.00"))),
        )
        self.reference = reference
        self.invoices = tuple(invoices)


def open_invoices(uow: UnitOfWork, reference: str) -> list[OpenInvoice]:
    """The booking's invoices with something left to credit, oldest first."""
    booking = booking_by_ref(uow, reference)
    query = select(IssuedDocument).where(
        IssuedDocument.booking_id == booking.id, IssuedDocument.kind == Kind.INVOICE.value
    )
    out = []
    for invoice in uow.session.exec(query.order_by(col(IssuedDocument.id))):
        left = credit_notes.remaining_creditable(uow, invoice)
        if left > 0:
            out.append(OpenInvoice(invoice.number, left))
    return out


def _cancellable(uow: UnitOfWork, reference: str) -> Booking:
    """The booking, when its status lets it be cancelled (the refusal of
    ``bookings.change_status`` otherwise, before any credit note is issued)."""
    booking = booking_by_ref(uow, reference)
    current = BookingStatus(booking.status)
    if current not in (BookingStatus.QUOTE, BookingStatus.CONFIRMED):
        raise Conflict(
            "Booking {ref} is {current}: it cannot become {status}.",
            ref=booking.reference,
            current=current.value,
            status=BookingStatus.CANCELLED.value,
        )
    return booking


@requires(Permission.BOOKINGS)
def cancel_booking(uow: UnitOfWork, *, user: str, reference: str, clock: Clock) -> Booking:
    """Cancel a booking that has no invoice left to credit; refuses (``InvoicedBooking``)
    one that has."""
    booking = _cancellable(uow, reference)
    still = open_invoices(uow, booking.reference)
    if still:
        raise InvoicedBooking(booking.reference, still)
    return bookings.cancel_booking(uow, user=user, reference=booking.reference, clock=clock)


@dataclass(frozen=True)
class Cancelled:
    booking: Booking
    credit_notes: tuple[IssuedDocument, ...]


@requires(Permission.INVOICING)
def cancel_with_credit_notes(
    uow: UnitOfWork,
    *,
    user: str,
    reference: str,
    clock: Clock,
    renderer: Renderer,
    reason: str = "",
    check: XmlCheck | None = None,
    require_open: bool = False,
) -> Cancelled:
    """Issue the full credit note of every invoice of the booking not fully credited,
    then cancel the booking: one transaction (the caller's write unit of work). A booking
    without such invoices is simply cancelled, unless ``require_open`` (under
    ``issuing.issue``, whose rehearsal must not write): then it is refused."""
    booking = _cancellable(uow, reference)
    reason = reason.strip() or REASON.format(ref=booking.reference)
    still = open_invoices(uow, booking.reference)
    if require_open and not still:
        raise Conflict(
            "Booking {ref} has no invoice left to credit any more: cancel it again.",
            ref=booking.reference,
        )
    issued = []
    for invoice in still:
        issued.append(
            credit_notes.issue_credit_note(
                uow,
                user=user,
                invoice_number=invoice.number,
                reason=reason,
                clock=clock,
                renderer=renderer,
                check=check,
            )
        )
    cancelled = bookings.cancel_booking(uow, user=user, reference=booking.reference, clock=clock)
    return Cancelled(cancelled, tuple(issued))


def credited_total(invoices: Sequence[OpenInvoice]) -> Decimal:
    return sum((i.remaining for i in invoices), from_cents(0))
