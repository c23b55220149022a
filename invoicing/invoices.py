"""Quotes, draft invoices and issued invoices of a booking.

- ``quote_document``: a devis for any booking not cancelled, with a validity date;
- ``draft_invoice``: what issuing would produce now (no number): for a confirmed, out or
  returned booking, everything not yet covered by an earlier invoice of the booking (what
  a credit note cancelled is not covered any more: it is invoiced again, at today's
  prices);
- ``prepare_invoice`` / ``store_invoice`` / ``issue_invoice``: checks and builds the
  invoice (refuses when a mandatory mention is missing), then takes the next FA-YYYY-NNNNN
  number inside the caller's write transaction, renders, and stores the frozen document,
  its lines and its exact bytes (hash-chained); ``issuing.issue`` renders before the
  write transaction;
- ``damage_only``: an invoice of the booking's damage and loss charges alone, whatever
  else it holds (the rest stays for the next invoice). Charges outside the scope of VAT
  (category O, ``invoicing.damage_vat_category``) never share an invoice with taxed lines.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict
from booking.bookings import BookingData, booking_by_ref
from booking.models import Booking, BookingStatus, Customer
from invoicing import (
    charges,
    estimate,
    issuing,
    parties,
    pricing,
    pricing_reads,
    rates,
    vat_rules,
)
from invoicing.document import Document, Kind, Line, VatCategory
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
    """Σ quantity × the type's deposit, over the booking's lines (while the booking is
    priced: from what pricing read, ``pricing_reads.pricing_scope``)."""
    return estimate.deposit_of(uow, estimate.draft_of(uow, booking).booked)


def _spanning(
    lines: Sequence[Line], first: dt.date, last: dt.date
) -> tuple[list[Line], dt.date, dt.date]:
    """The invoicing period (BG-14) holds every line's own period (BG-26: late days after
    the planned return), as PEPPOL-EN16931-R110/R111 readers expect. When some lines have
    a period of their own, the others are given the days of use, so that every line says
    its period where they differ."""
    own = [ln for ln in lines if ln.period_start is not None and ln.period_end is not None]
    if not own:
        return list(lines), first, last
    dated = [
        ln
        if ln.period_start is not None
        else dataclasses.replace(ln, period_start=first, period_end=last)
        for ln in lines
    ]
    starts = [ln.period_start for ln in own if ln.period_start is not None]
    ends = [ln.period_end for ln in own if ln.period_end is not None]
    return dated, min([first, *starts]), max([last, *ends])


def _document(
    uow: UnitOfWork,
    booking: Booking | estimate.Draft,
    kind: Kind,
    lines: Sequence[Line],
    rate_label: str,
    today: dt.date,
    number: str = "",
    deposit: Decimal | None = None,
    customer: Customer | None = None,
) -> Document:
    if customer is None:
        customer = charges.customer_of(uow, booking)  # type: ignore[arg-type]
    buyer = parties.buyer(customer)
    first, last = charges.usage_days(booking)
    lines = vat_rules.apply(uow, customer, lines)
    lines, first, last = _spanning(lines, first, last)
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
    notes = issuing.demo_notes(uow) + notes  # the demo database's documents say so
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
    with pricing_reads.pricing_scope(uow):
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


#: What a damage-only invoice takes of a booking (``covers`` prefixes): damage and loss
#: charges recorded at the desk, whatever else the booking holds.
DAMAGE_COVERS = ("damage:", "loss:")


def is_damage(covered: Covered) -> bool:
    return covered.covers.startswith(DAMAGE_COVERS)


def _draft(
    uow: UnitOfWork, booking: Booking, clock: Clock, *, damage_only: bool = False
) -> tuple[list[Covered], charges.RateChoice]:
    covered, choice = charges.uninvoiced(uow, booking, clock)
    if damage_only:
        covered = [c for c in covered if is_damage(c)]
        if not covered:
            raise Conflict(
                "Booking {ref} has no damage or loss charge left to invoice.",
                ref=booking.reference,
            )
    if not covered:
        raise Conflict(
            "Everything on booking {ref} has already been invoiced.", ref=booking.reference
        )
    return covered, choice


def _require_one_scope(booking: Booking, lines: Sequence[Line]) -> None:
    """An invoice with charges outside the scope of VAT (category O) holds nothing else
    (EN 16931 BR-O-11..14): damage and loss charges outside its scope go on an invoice of
    their own."""
    outside = {ln.vat_category is VatCategory.OUT_OF_SCOPE for ln in lines}
    if len(outside) > 1:
        raise Conflict(
            "Booking {ref} has damage or loss charges outside the scope of VAT: they cannot "
            "share an invoice with taxed lines. Invoice the damage and loss charges on their "
            "own first, then the rest.",
            ref=booking.reference,
        )


@dataclasses.dataclass(frozen=True)
class PreparedInvoice:
    """An invoice ready to take its number: its document (``number`` "") and its lines
    with what they cover (after the buyer's VAT treatment)."""

    document: Document
    lines: tuple[Covered, ...]
    customer_id: int
    booking_id: int


def prepare_invoice(
    uow: UnitOfWork,
    reference: str,
    clock: Clock,
    *,
    damage_only: bool = False,
    lines_override: Sequence[Line] | None = None,
) -> PreparedInvoice:
    """Everything about the booking's next invoice but its number: drafted, checked
    (mandatory mentions, one VAT scope, no negative total) and built. ``damage_only``:
    only the booking's damage and loss charges (the rest stays for a later invoice).
    Issued through ``issuing.issue``, the write takes back what the rehearsal prepared
    when nothing was committed in between (``issuing.rehearsed``)."""
    key = (
        "invoice",
        reference,
        clock.today(),
        damage_only,
        None if lines_override is None else tuple(lines_override),
    )
    again = issuing.rehearsed(uow, key)
    if isinstance(again, PreparedInvoice):
        return again
    with pricing_reads.pricing_scope(uow):
        prepared = _prepare_invoice(uow, reference, clock, damage_only, lines_override)
    issuing.keep_prepared(uow, key, prepared)
    return prepared


def _prepare_invoice(
    uow: UnitOfWork,
    reference: str,
    clock: Clock,
    damage_only: bool,
    lines_override: Sequence[Line] | None,
) -> PreparedInvoice:
    booking = _invoiceable(uow, reference)
    drafted, choice = _draft(uow, booking, clock, damage_only=damage_only)
    if lines_override is not None:
        by_line = {c.line: c for c in drafted}
        drafted = [by_line.get(ln, Covered(ln)) for ln in lines_override]
    lines = [c.line for c in drafted]
    parties.require_lines(lines)
    # charges alone are an indemnity: no rate applied, no deposit asked
    label, deposit = ("", Decimal(0)) if damage_only else (choice.label, None)
    customer = charges.customer_of(uow, booking)
    document = _document(
        uow, booking, Kind.INVOICE, lines, label, clock.today(), deposit=deposit, customer=customer
    )
    # the rows store the lines as treated for this buyer (vat_rules.apply keeps the order)
    drafted = [
        dataclasses.replace(c, line=ln) for c, ln in zip(drafted, document.lines, strict=True)
    ]
    _require_one_scope(booking, document.lines)
    parties.require_mentions(
        document.seller,
        document.buyer,
        customer.category,
        vat_number_required=not vat_rules.is_franchise(uow),
    )
    if document.gross_total < 0:
        raise Conflict("An invoice cannot have a negative total: issue a credit note instead.")
    return PreparedInvoice(document, tuple(drafted), require_id(customer), require_id(booking))


def draft_invoice(
    uow: UnitOfWork, reference: str, clock: Clock, *, damage_only: bool = False
) -> Document:
    """The invoice issuing would produce now, without a number."""
    with pricing_reads.pricing_scope(uow):
        booking = _invoiceable(uow, reference)
        covered, choice = _draft(uow, booking, clock, damage_only=damage_only)
        return _document(
            uow, booking, Kind.INVOICE, [c.line for c in covered], choice.label, clock.today()
        )


def has_damage_to_invoice(uow: UnitOfWork, reference: str, clock: Clock) -> bool:
    """Whether the booking has damage or loss charges not invoiced yet."""
    booking = booking_by_ref(uow, reference)
    if BookingStatus(booking.status) not in INVOICEABLE:
        return False
    covered, _choice = charges.uninvoiced(uow, booking, clock)
    return any(is_damage(c) for c in covered)


@requires(Permission.INVOICING)
def store_invoice(
    uow: UnitOfWork,
    prepared: PreparedInvoice,
    *,
    user: str,
    clock: Clock,
    renderer: Renderer,
    check: XmlCheck | None = None,
) -> IssuedDocument:
    """Take the next invoice number for ``prepared`` (FA-2026-00001, its prefix from the
    settings: ``issuing.series_for``) and store it (in the caller's write transaction)."""
    document = prepared.document
    series = issuing.series_for(uow, Kind.INVOICE, document.issue_date.year)
    number, sequence = issuing.next_number(uow, series, document.issue_date.year)
    return issuing.store(
        uow,
        user=user,
        document=dataclasses.replace(document, number=number),
        lines=prepared.lines,
        series=series,
        sequence=sequence,
        customer_id=prepared.customer_id,
        booking_id=prepared.booking_id,
        cites_id=None,
        reason="",
        renderer=renderer,
        clock=clock,
        check=check,
    )


@requires(Permission.INVOICING)
def issue_invoice(
    uow: UnitOfWork,
    *,
    user: str,
    reference: str,
    clock: Clock,
    renderer: Renderer,
    lines_override: Sequence[Line] | None = None,
    check: XmlCheck | None = None,
    damage_only: bool = False,
) -> IssuedDocument:
    """Issue the booking's next invoice. ``lines_override`` replaces the drafted lines (a
    line equal to a drafted one keeps what it covers; others cover nothing).
    ``damage_only``: an invoice of the damage and loss charges alone. ``check``
    (``validation.check_xml``) validates the Factur-X XML before anything is stored; the
    CLI, the demo and the benchmark pass it. Must run in a write unit of work (or under
    ``issuing.issue``): the number, the rows and the bytes commit together."""
    prepared = prepare_invoice(
        uow, reference, clock, damage_only=damage_only, lines_override=lines_override
    )
    return store_invoice(uow, prepared, user=user, clock=clock, renderer=renderer, check=check)


def invoices_of_booking(uow: UnitOfWork, reference: str) -> list[IssuedDocument]:
    booking = booking_by_ref(uow, reference)
    query = select(IssuedDocument).where(
        IssuedDocument.booking_id == booking.id, IssuedDocument.kind == Kind.INVOICE.value
    )
    return list(uow.session.exec(query.order_by(col(IssuedDocument.id))))


def issued_document(uow: UnitOfWork, number: str) -> Document:
    """The frozen Document of an issued invoice or credit note."""
    return issuing.frozen_document(issuing.issued_by_number(uow, number))
