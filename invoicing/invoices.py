"""Quotes, draft invoices and issued invoices of a booking.

- ``quote_document``: a devis for any booking not cancelled, with a validity date;
- ``draft_invoice``: what issuing would produce now (no number): for a confirmed, out or
  returned booking, everything not yet covered by an earlier invoice of the booking;
- ``issue_invoice``: takes the next FA-YYYY-NNNNN number inside the caller's write
  transaction, refuses when a mandatory mention is missing, renders, and stores the
  frozen document, its lines and its exact bytes (hash-chained).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict
from booking.bookings import BookingData, booking_by_ref
from booking.models import Booking, BookingStatus
from invoicing import charges, estimate, issuing, parties, pricing, rates, vat_rules
from invoicing.document import Document, Kind, Line
from invoicing.issuing import Covered, Renderer, XmlCheck
from invoicing.models import IssuedDocument

#: Statuses a booking may be invoiced in (invoicing before the event is common).
INVOICEABLE = (BookingStatus.CONFIRMED, BookingStatus.OUT, BookingStatus.RETURNED)
QUOTE_NOTE = "Devis valable jusqu'au {date}. Ce devis ne constitue pas une facture."
DEPOSIT_NOTE = "Caution demandée : {amount} — non facturée"


def quote_number(booking: Booking | estimate.Draft) -> str:
    """Quotes have their own free numbering: D- and the booking reference."""
    return f"D-{booking.reference}"


def deposit_required(uow: UnitOfWork, booking: Booking) -> Decimal:
    """Σ quantity × the type's deposit, over the booking's lines."""
    return estimate.deposit_of(uow, estimate.draft_of(uow, booking).booked)


def _document(
    uow: UnitOfWork,
    booking: Booking | estimate.Draft,
    kind: Kind,
    lines: Sequence[Line],
    rate_label: str,
    today: dt.date,
    number: str = "",
    deposit: Decimal | None = None,
) -> Document:
    customer = charges.customer_of(uow, booking)  # type: ignore[arg-type]
    buyer = parties.buyer(customer)
    first, last = charges.usage_days(booking)
    lines = vat_rules.apply(uow, customer, lines)
    total = pricing.totals(lines)
    if deposit is None:
        deposit = deposit_required(uow, booking)  # type: ignore[arg-type]
    deposit_note = DEPOSIT_NOTE.format(amount=pricing.euros(deposit)) if deposit else ""
    due = validity = None
    notes: tuple[str, ...] = ()
    terms = ""
    if kind is Kind.QUOTE:
        validity = today + dt.timedelta(days=rates.quote_validity_days(uow))
        notes = (QUOTE_NOTE.format(date=parties.fr_date(validity)),)
    else:
        due = today + dt.timedelta(days=rates.payment_days(uow))
        terms = parties.payment_terms(uow, due, buyer)
    buyer_reference, order_reference = parties.references(customer, booking)
    return Document(
        kind=kind,
        number=number,
        issue_date=today,
        seller=parties.seller(uow),
        buyer=buyer,
        lines=tuple(lines),
        vat=total.vat,
        net_total=total.net,
        vat_total=total.vat_total,
        gross_total=total.gross,
        due_date=due,
        validity_date=validity,
        booking_reference=booking.reference,
        buyer_reference=buyer_reference,
        order_reference=order_reference,
        event=booking.event,
        venue=booking.venue,
        period_start=first,
        period_end=last,
        rate_label=rate_label,
        nature=pricing.nature(lines),
        payment_terms=terms,
        deposit_note=deposit_note,
        notes=notes,
    )


@dataclasses.dataclass(frozen=True)
class Quote:
    """A quote's document and the pricing facts behind it (rate and why, days,
    coefficients, discounts, minimum, deposit)."""

    document: Document
    priced: estimate.Priced


def _quote(
    uow: UnitOfWork, draft: estimate.Draft, clock: Clock, number: str, *, require_lines: bool
) -> Quote:
    """The one way a quote is priced and built: stored bookings (``quote_document``) and
    bookings being edited (``draft_quote``) both come here."""
    priced = estimate.price(uow, draft, clock)
    if require_lines and not priced.covered:
        raise Conflict("Booking {ref} has no lines to quote.", ref=draft.reference)
    document = _document(
        uow,
        draft,
        Kind.QUOTE,
        priced.lines,
        priced.choice.label,
        clock.today(),
        number,
        deposit=priced.deposit,
    )
    return Quote(document, priced)


def quote_document(uow: UnitOfWork, reference: str, clock: Clock) -> Document:
    """A quote (devis) of the whole booking, valid ``invoicing.quote_validity_days``."""
    booking = booking_by_ref(uow, reference)
    if booking.status == BookingStatus.CANCELLED:
        raise Conflict("Booking {ref} is cancelled: it has no quote.", ref=booking.reference)
    draft = estimate.draft_of(uow, booking)
    return _quote(uow, draft, clock, quote_number(booking), require_lines=True).document


def draft_quote(uow: UnitOfWork, data: BookingData, clock: Clock, *, reference: str = "") -> Quote:
    """The quote of a booking as it is being edited, before it is saved: ``data`` as the
    booking editor holds it, ``reference`` the stored booking it edits ("" for a new one;
    its own pricing and desk record apply). Priced by the same code as ``quote_document``,
    so once saved, the quote prints these numbers. A draft without lines gives an empty
    quote (totals zero) rather than a refusal."""
    booking = booking_by_ref(uow, reference) if reference else None
    draft = estimate.draft_from_data(uow, data, booking)
    number = quote_number(booking) if booking is not None else ""
    return _quote(uow, draft, clock, number, require_lines=False)


def _invoiceable(uow: UnitOfWork, reference: str) -> Booking:
    booking = booking_by_ref(uow, reference)
    if BookingStatus(booking.status) not in INVOICEABLE:
        raise Conflict(
            "Booking {ref} is {status}: only a confirmed, out or returned booking can be invoiced.",
            ref=booking.reference,
            status=booking.status,
        )
    return booking


def _draft(
    uow: UnitOfWork, booking: Booking, clock: Clock
) -> tuple[list[Covered], charges.RateChoice]:
    covered, choice = charges.uninvoiced(uow, booking, clock)
    if not covered:
        raise Conflict(
            "Everything on booking {ref} has already been invoiced.", ref=booking.reference
        )
    return covered, choice


def draft_invoice(uow: UnitOfWork, reference: str, clock: Clock) -> Document:
    """The invoice issuing would produce now, without a number."""
    booking = _invoiceable(uow, reference)
    covered, choice = _draft(uow, booking, clock)
    return _document(
        uow, booking, Kind.INVOICE, [c.line for c in covered], choice.label, clock.today()
    )


def issue_invoice(
    uow: UnitOfWork,
    *,
    user: str,
    reference: str,
    clock: Clock,
    renderer: Renderer,
    lines_override: Sequence[Line] | None = None,
    check: XmlCheck | None = None,
) -> IssuedDocument:
    """Issue the booking's next invoice. ``lines_override`` replaces the drafted lines (a
    line equal to a drafted one keeps what it covers; others cover nothing). ``check``
    (``validation.check_xml``) validates the Factur-X XML before anything is stored; the
    CLI, the demo and the benchmark pass it. Must run in a write unit of work: the number,
    the rows and the bytes commit together."""
    booking = _invoiceable(uow, reference)
    drafted, choice = _draft(uow, booking, clock)
    if lines_override is not None:
        by_line = {c.line: c for c in drafted}
        drafted = [by_line.get(ln, Covered(ln)) for ln in lines_override]
    lines = [c.line for c in drafted]
    parties.require_lines(lines)
    today = clock.today()
    document = _document(uow, booking, Kind.INVOICE, lines, choice.label, today)
    customer = charges.customer_of(uow, booking)
    parties.require_mentions(document.seller, document.buyer, customer.category)
    if document.gross_total < 0:
        raise Conflict("An invoice cannot have a negative total: issue a credit note instead.")
    number, sequence = issuing.next_number(uow, issuing.INVOICE_SERIES, today.year)
    document = dataclasses.replace(document, number=number)
    return issuing.store(
        uow,
        user=user,
        document=document,
        lines=drafted,
        series=issuing.INVOICE_SERIES,
        sequence=sequence,
        customer_id=require_id(customer),
        booking_id=booking.id,
        cites_id=None,
        reason="",
        renderer=renderer,
        clock=clock,
        check=check,
    )


def invoices_of_booking(uow: UnitOfWork, reference: str) -> list[IssuedDocument]:
    booking = booking_by_ref(uow, reference)
    query = select(IssuedDocument).where(
        IssuedDocument.booking_id == booking.id, IssuedDocument.kind == Kind.INVOICE.value
    )
    return list(uow.session.exec(query.order_by(col(IssuedDocument.id))))


def issued_document(uow: UnitOfWork, number: str) -> Document:
    """The frozen Document of an issued invoice or credit note."""
    return issuing.frozen_document(issuing.issued_by_number(uow, number))
