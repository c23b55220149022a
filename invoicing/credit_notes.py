"""Credit notes (avoirs): the only correction of an issued invoice. Their own gapless
series (AV-YYYY-NNNNN), citing the invoice's number and date (BT-25/BT-26), the buyer as
frozen on the invoice, and a total never above what remains creditable.

A credit note credits whole invoice lines (copied as they were) or part of a line's net
(one line "Avoir partiel : …" at the same VAT rate).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict, ValidationError
from app.core.money import from_cents, to_cents, to_decimal
from inventory import fields
from invoicing import issuing, parties, pricing
from invoicing.document import Document, Kind
from invoicing.issuing import Covered, Renderer, XmlCheck
from invoicing.models import IssuedDocument, IssuedLine

PARTIAL_TEXT = "Avoir partiel : {description}"
TERMS = "Avoir sur la facture n° {number} du {date}, à déduire de son solde ou remboursé."
REASON_NOTE = "Motif : {reason}"


@dataclass(frozen=True)
class CreditLine:
    """Credit the invoice line at ``position`` (1-based): all of what remains of it, or
    ``amount`` (excl. VAT)."""

    position: int
    amount: Decimal | str | None = None


def credited_total_cents(uow: UnitOfWork, invoice_id: int) -> int:
    query = select(func.coalesce(func.sum(IssuedDocument.gross_cents), 0)).where(
        IssuedDocument.cites_id == invoice_id, IssuedDocument.kind == Kind.CREDIT_NOTE.value
    )
    return int(uow.session.exec(query).one())


def _credited_by_position(uow: UnitOfWork, invoice_id: int) -> dict[int, int]:
    query = (
        select(col(IssuedLine.credits_position), func.sum(col(IssuedLine.net_cents)))
        .join(IssuedDocument, col(IssuedDocument.id) == col(IssuedLine.document_id))
        .where(col(IssuedDocument.cites_id) == invoice_id)
        .group_by(col(IssuedLine.credits_position))
    )
    return {pos: int(total) for pos, total in uow.session.exec(query)}


def remaining_creditable(uow: UnitOfWork, invoice: IssuedDocument) -> Decimal:
    return from_cents(invoice.gross_cents - credited_total_cents(uow, require_id(invoice)))


def _credit_lines(
    uow: UnitOfWork, invoice: IssuedDocument, original: Document, wanted: Sequence[CreditLine]
) -> list[Covered]:
    done = _credited_by_position(uow, require_id(invoice))
    asked: dict[int, int] = defaultdict(int)
    out: list[Covered] = []
    for item in wanted:
        if not 1 <= item.position <= len(original.lines):
            raise ValidationError(
                "line",
                "Invoice {number} has no line {position}.",
                number=invoice.number,
                position=item.position,
            )
        line = original.lines[item.position - 1]
        left = to_cents(line.net) - done.get(item.position, 0) - asked[item.position]
        if item.amount is None:
            cents = left
        else:
            try:
                cents = to_cents(to_decimal(item.amount))
            except ValueError:
                raise ValidationError(
                    "amount",
                    "{value!r} is not an amount (write it like 1234.50).",
                    value=item.amount,
                ) from None
        if cents <= 0 or cents > left:
            raise Conflict(
                "Line {position} of invoice {number} has {left} left to credit; {asked} was asked.",
                position=item.position,
                number=invoice.number,
                left=str(from_cents(max(left, 0))),
                asked=str(from_cents(cents)),
            )
        asked[item.position] += cents
        if cents == to_cents(line.net):
            credit = line
        else:
            amount = from_cents(cents)
            credit = dataclasses.replace(
                line,
                description=PARTIAL_TEXT.format(description=line.description),
                quantity=Decimal(1),
                unit="C62",
                unit_price=amount,
                net=amount,
                detail="",
                gross_unit_price=None,
                discount_percent=Decimal(0),
            )
        out.append(Covered(credit, credits_position=item.position))
    return out


def issue_credit_note(
    uow: UnitOfWork,
    *,
    user: str,
    invoice_number: str,
    reason: str,
    clock: Clock,
    renderer: Renderer,
    lines: Sequence[CreditLine] | None = None,
    check: XmlCheck | None = None,
) -> IssuedDocument:
    """Issue a credit note for an invoice: ``lines`` None credits all that remains of
    every line (a full credit note)."""
    invoice = issuing.issued_by_number(uow, invoice_number, Kind.INVOICE)
    reason = fields.text("reason", reason, required=True, limit=400)
    original = issuing.frozen_document(invoice)
    if lines is None:
        done = _credited_by_position(uow, require_id(invoice))
        lines = [
            CreditLine(pos)
            for pos, ln in enumerate(original.lines, start=1)
            if to_cents(ln.net) - done.get(pos, 0) > 0
        ]
        if not lines:
            raise Conflict("Invoice {number} is already fully credited.", number=invoice.number)
    covered = _credit_lines(uow, invoice, original, lines)
    credit_lines = [c.line for c in covered]
    parties.require_lines(credit_lines)
    total = pricing.totals(credit_lines)
    remaining = remaining_creditable(uow, invoice)
    if total.gross > remaining:
        raise Conflict(
            "This credit note ({total}) is more than what remains creditable on invoice "
            "{number} ({remaining}).",
            total=str(total.gross),
            number=invoice.number,
            remaining=str(remaining),
        )
    seller = parties.seller(uow)
    parties.require_mentions(seller, original.buyer, "")
    today = clock.today()
    number, sequence = issuing.next_number(uow, issuing.CREDIT_SERIES, today.year)
    document = Document(
        kind=Kind.CREDIT_NOTE,
        number=number,
        issue_date=today,
        seller=seller,
        buyer=original.buyer,
        lines=tuple(credit_lines),
        vat=total.vat,
        net_total=total.net,
        vat_total=total.vat_total,
        gross_total=total.gross,
        due_date=today,
        booking_reference=original.booking_reference,
        event=original.event,
        venue=original.venue,
        period_start=original.period_start,
        period_end=original.period_end,
        rate_label=original.rate_label,
        nature=pricing.nature(credit_lines),
        cited_number=invoice.number,
        cited_date=invoice.issue_date,
        payment_terms=TERMS.format(number=invoice.number, date=parties.fr_date(invoice.issue_date)),
        notes=(REASON_NOTE.format(reason=reason),),
    )
    return issuing.store(
        uow,
        user=user,
        document=document,
        lines=covered,
        series=issuing.CREDIT_SERIES,
        sequence=sequence,
        customer_id=invoice.customer_id,
        booking_id=invoice.booking_id,
        cites_id=invoice.id,
        reason=reason,
        renderer=renderer,
        clock=clock,
        check=check,
    )


def credit_notes_of(uow: UnitOfWork, invoice_number: str) -> list[IssuedDocument]:
    invoice = issuing.issued_by_number(uow, invoice_number, Kind.INVOICE)
    query = select(IssuedDocument).where(IssuedDocument.cites_id == invoice.id)
    return list(uow.session.exec(query.order_by(col(IssuedDocument.id))))
