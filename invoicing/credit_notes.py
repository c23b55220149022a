"""Credit notes (avoirs): the only correction of an issued invoice. Their own gapless
series (AV-YYYY-NNNNN), citing the invoice's number and date (BT-25/BT-26), the buyer as
frozen on the invoice, and a total never above what remains creditable.

A credit note picks the invoice lines it cancels, and for each one:
- all that remains of it (``CreditLine(pos)``): the line copied as it was, or what is left
  of it;
- a quantity of its units (``CreditLine(pos, quantity=2)``: 2 of the 5 projectors, 1 of the
  3 piece-days late): the line copied (description, unit, unit price, VAT) with that
  quantity;
- an amount excluding VAT (``CreditLine(pos, amount="50")``): one line "Avoir partiel : …"
  at the same VAT category and rate.

Its nature of operation (BT-23) follows its own lines. Each credit line stores what the
invoice line covered (``covers``) and the units it cancels (``covered_quantity``: all the
units left when the line is credited in full, the quantity credited, 0 for an amount), so
that the booking's cancelled units can be invoiced again (``charges.covered_so_far``).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict, ValidationError
from app.core.money import from_cents, quantize, to_cents
from inventory import fields
from invoicing import issuing, parties, pricing, vat_rules
from invoicing.document import Document, Kind, Line, VatTotal
from invoicing.issuing import Covered, Renderer, XmlCheck
from invoicing.models import IssuedDocument, IssuedLine

# French texts printed on the credit note (data, not UI strings).
PARTIAL_TEXT = "Avoir partiel : {description}"
PART_DETAIL = "{qty} sur {total}"
REST_DETAIL = "solde de la ligne : {qty} sur {total}"
TERMS = (
    "Avoir sur la facture n° {number} du {date} : {amount} à déduire du solde de cette "
    "facture, ou remboursé si elle est déjà réglée. Aucun paiement n'est demandé."
)
REASON_NOTE = "Motif : {reason}"
#: How far the last credit note's VAT may move to close its invoice exactly (cents of
#: rounding left by earlier partial credit notes).
CLOSING_DRIFT = Decimal("0.10")


@dataclass(frozen=True)
class CreditLine:
    """Credit the invoice line at ``position`` (1-based): all of what remains of it,
    ``quantity`` of its units, or ``amount`` (excl. VAT) — at most one of the two."""

    position: int
    amount: Decimal | str | None = None
    quantity: int | str | None = None


@dataclass(frozen=True)
class Creditable:
    """An invoice line and what remains of it to credit."""

    position: int
    line: Line
    covers: str  # what the invoice line covered of its booking ("" for nothing)
    covered_quantity: int
    credited_cents: int  # already credited (excl. VAT)
    credited_units: int  # units already cancelled

    @property
    def units(self) -> int:
        """The line's whole units (its quantity); 0 when the quantity is not whole."""
        q = self.line.quantity
        return int(q) if q > 0 and q == q.to_integral_value() else 0

    @property
    def left_cents(self) -> int:
        return max(to_cents(self.line.net) - self.credited_cents, 0)

    @property
    def left_units(self) -> int:
        return max(self.units - self.credited_units, 0) if self.left_cents else 0

    @property
    def left(self) -> Decimal:
        return from_cents(self.left_cents)

    @property
    def credited(self) -> Decimal:
        return from_cents(self.credited_cents)

    def unit_cents(self, quantity: int) -> int:
        """What ``quantity`` units cost: all that is left for the last ones."""
        if quantity >= self.left_units:
            return self.left_cents
        return to_cents(quantize(Decimal(quantity) * self.line.unit_price))


def credited_total_cents(uow: UnitOfWork, invoice_id: int) -> int:
    query = select(func.coalesce(func.sum(IssuedDocument.gross_cents), 0)).where(
        IssuedDocument.cites_id == invoice_id, IssuedDocument.kind == Kind.CREDIT_NOTE.value
    )
    return int(uow.session.exec(query).one())


def _credited_by_position(uow: UnitOfWork, invoice_id: int) -> dict[int, tuple[int, int]]:
    """Invoice line position → (net cents credited, units cancelled)."""
    query = (
        select(
            col(IssuedLine.credits_position),
            func.sum(col(IssuedLine.net_cents)),
            func.sum(col(IssuedLine.covered_quantity)),
        )
        .join(IssuedDocument, col(IssuedDocument.id) == col(IssuedLine.document_id))
        .where(col(IssuedDocument.cites_id) == invoice_id)
        .group_by(col(IssuedLine.credits_position))
    )
    return {pos: (int(net), int(units)) for pos, net, units in uow.session.exec(query)}


def remaining_creditable(uow: UnitOfWork, invoice: IssuedDocument) -> Decimal:
    return from_cents(invoice.gross_cents - credited_total_cents(uow, require_id(invoice)))


def creditable_of(uow: UnitOfWork, invoice: IssuedDocument) -> list[Creditable]:
    """Every line of ``invoice`` with what was credited of it and what remains."""
    document = issuing.frozen_document(invoice)
    stored = {
        ln.position: ln
        for ln in uow.session.exec(
            select(IssuedLine).where(IssuedLine.document_id == require_id(invoice))
        )
    }
    done = _credited_by_position(uow, require_id(invoice))
    out = []
    for position, line in enumerate(document.lines, start=1):
        row = stored.get(position)
        cents, units = done.get(position, (0, 0))
        out.append(
            Creditable(
                position=position,
                line=line,
                covers=row.covers if row is not None else "",
                covered_quantity=row.covered_quantity if row is not None else 0,
                credited_cents=cents,
                credited_units=units,
            )
        )
    return out


def creditable(uow: UnitOfWork, invoice_number: str) -> list[Creditable]:
    """The lines of the invoice numbered ``invoice_number`` and what remains of each."""
    return creditable_of(uow, issuing.issued_by_number(uow, invoice_number, Kind.INVOICE))


def everything_left(items: Sequence[Creditable]) -> list[CreditLine]:
    """A full credit note: all that remains of every line."""
    return [CreditLine(item.position) for item in items if item.left_cents > 0]


def _quantity(item: Creditable, number: str, value: int | str) -> int:
    qty = fields.integer("quantity", value, minimum=1)
    if not item.units:
        raise Conflict(
            "Line {position} of invoice {number} has no whole quantity: credit an amount of "
            "it instead.",
            position=item.position,
            number=number,
        )
    return qty


def _amount_cents(value: Decimal | str) -> int:
    cents = fields.money_cents("amount", value, required=True)
    if cents <= 0:
        raise ValidationError("amount", "The amount to credit must be more than zero.")
    return cents


def plan(number: str, items: Sequence[Creditable], wanted: Sequence[CreditLine]) -> list[Covered]:
    """The credit note's lines for ``wanted`` (pure: no database). Refuses a position the
    invoice does not have, a quantity or an amount beyond what remains of a line (several
    requests for one line add up), and a line already fully credited."""
    if not wanted:
        raise ValidationError("line", "Choose at least one line to credit.")
    asked_cents: dict[int, int] = defaultdict(int)
    asked_units: dict[int, int] = defaultdict(int)
    named: set[int] = set()  # positions asked so far
    whole: set[int] = set()  # positions asked whole (all that is left)
    out: list[Covered] = []
    for want in wanted:
        if not 1 <= want.position <= len(items):
            raise ValidationError(
                "line",
                "Invoice {number} has no line {position}.",
                number=number,
                position=want.position,
            )
        if want.amount is not None and want.quantity is not None:
            raise ValidationError(
                "line",
                "Line {position}: give a quantity or an amount to credit, not both.",
                position=want.position,
            )
        everything = want.amount is None and want.quantity is None
        if want.position in whole or (everything and want.position in named):
            raise ValidationError("line", "Line {position} is named twice.", position=want.position)
        named.add(want.position)
        if everything:
            whole.add(want.position)
        item = items[want.position - 1]
        # what remains once the earlier requests of this credit note for the line are taken
        rest = dataclasses.replace(
            item,
            credited_cents=item.credited_cents + asked_cents[item.position],
            credited_units=item.credited_units + asked_units[item.position],
        )
        if rest.left_cents <= 0:
            raise Conflict(
                "Line {position} of invoice {number} is already fully credited.",
                position=item.position,
                number=number,
            )
        if want.quantity is not None:
            units = _quantity(item, number, want.quantity)
            if units > rest.left_units:
                raise Conflict(
                    "Line {position} of invoice {number}: {count} unit(s) left to credit of "
                    "its {total}; {asked} asked.",
                    position=item.position,
                    number=number,
                    count=rest.left_units,
                    total=item.units,
                    asked=units,
                )
            cents = rest.unit_cents(units)
        elif want.amount is not None:
            cents = _amount_cents(want.amount)
            units = rest.left_units if cents == rest.left_cents else 0
        else:
            cents, units = rest.left_cents, rest.left_units
        if cents > rest.left_cents:
            raise Conflict(
                "Line {position} of invoice {number} has {left} left to credit; {asked} was asked.",
                position=item.position,
                number=number,
                left=str(rest.left),
                asked=str(from_cents(cents)),
            )
        asked_cents[item.position] += cents
        asked_units[item.position] += units
        out.append(_credit_line(rest, cents, units))
    return out


def _credit_line(item: Creditable, cents: int, units: int) -> Covered:
    """The invoice line as it was (all of it), ``units`` of it at its unit price, or an
    "Avoir partiel" line of ``cents``."""
    line = item.line
    if cents == to_cents(line.net) and item.credited_cents == 0:
        covered = item.covered_quantity if item.covers else units
        return Covered(line, item.covers, covered, credits_position=item.position)
    amount = from_cents(cents)
    if units > 0 and cents == to_cents(quantize(Decimal(units) * line.unit_price)):
        credit = dataclasses.replace(
            line, quantity=Decimal(units), net=amount, detail=_part_detail(line, units)
        )
    else:
        credit = dataclasses.replace(
            line,
            description=PARTIAL_TEXT.format(description=line.description),
            quantity=Decimal(1),
            unit="C62",
            unit_price=amount,
            net=amount,
            detail=_rest_detail(line, units) if units else "",
            gross_unit_price=None,
            discount_percent=Decimal(0),
        )
    return Covered(credit, item.covers, units, credits_position=item.position)


def _part_detail(line: Line, units: int) -> str:
    """The invoice line's detail for ``units`` of it: "4 × 3 jours …" becomes "2 × 3 jours
    …"; a detail that does not start with the quantity says "2 sur 4"."""
    total = format(line.quantity.normalize(), "f")
    if line.detail.startswith(f"{total} ×"):
        return f"{units}{line.detail[len(total) :]}"
    return PART_DETAIL.format(qty=units, total=total)


def _rest_detail(line: Line, units: int) -> str:
    return REST_DETAIL.format(qty=units, total=format(line.quantity.normalize(), "f"))


def _vat_wording(vat: Sequence[VatTotal], original: Document) -> tuple[VatTotal, ...]:
    """The credit note's VAT breakdown with the invoice's exemption reasons and codes
    (the same treatment as the lines it cancels)."""
    known = {(v.category, v.rate): v for v in original.vat}
    out = []
    for v in vat:
        was = known.get((v.category, v.rate))
        if was is not None:
            v = dataclasses.replace(
                v, exemption_reason=was.exemption_reason, exemption_code=was.exemption_code
            )
        out.append(v)
    return tuple(out)


def cancels_all(number: str, items: Sequence[Creditable], wanted: Sequence[CreditLine]) -> bool:
    """Whether crediting ``wanted`` leaves nothing of the invoice to credit (a refusal of
    ``plan`` propagates)."""
    return _closes(items, plan(number, items, wanted))


def _closes(items: Sequence[Creditable], covered: Sequence[Covered]) -> bool:
    """Whether crediting ``covered`` leaves nothing of the invoice to credit."""
    asked: dict[int, int] = defaultdict(int)
    for c in covered:
        asked[c.credits_position] += to_cents(c.line.net)
    return all(item.left_cents == asked[item.position] for item in items)


def _closing_totals(
    uow: UnitOfWork, invoice: IssuedDocument, original: Document, total: pricing.Totals
) -> pricing.Totals:
    """The last credit note of an invoice credits exactly the VAT left per rate: the
    invoice's VAT less what earlier credit notes credited (their VAT, each rounded on its
    own base, may differ from the invoice's by a cent; EN 16931 BR-CO-17 allows it)."""
    left: dict[tuple[object, Decimal], Decimal] = {
        (v.category, v.rate): v.amount for v in original.vat
    }
    for earlier in credit_notes_of(uow, invoice.number):
        for v in issuing.frozen_document(earlier).vat:
            key = (v.category, v.rate)
            left[key] = left.get(key, Decimal("0.00")) - v.amount
    vat = []
    for v in total.vat:
        exact = left.get((v.category, v.rate))
        if exact is not None and exact >= 0 and abs(exact - v.amount) <= CLOSING_DRIFT:
            v = dataclasses.replace(v, amount=exact)
        vat.append(v)
    vat_total = quantize(sum((v.amount for v in vat), Decimal("0.00")))
    return pricing.Totals(tuple(vat), total.net, vat_total, total.net + vat_total)


@dataclass(frozen=True)
class Prepared:
    """A credit note ready to take its number: the document (``number`` "") and its lines
    with what they cancel."""

    invoice: IssuedDocument
    document: Document
    lines: tuple[Covered, ...]
    reason: str


def prepare(
    uow: UnitOfWork,
    *,
    invoice_number: str,
    reason: str,
    clock: Clock,
    lines: Sequence[CreditLine] | None = None,
) -> Prepared:
    """Everything about a credit note but its number: checked (lines, amounts, what
    remains creditable, the seller's mentions) and built. ``lines`` None: a full credit
    note (all that remains of every line)."""
    invoice = issuing.issued_by_number(uow, invoice_number, Kind.INVOICE)
    reason = fields.text("reason", reason, required=True, limit=400)
    original = issuing.frozen_document(invoice)
    items = creditable_of(uow, invoice)
    if lines is None:
        lines = everything_left(items)
        if not lines:
            raise Conflict("Invoice {number} is already fully credited.", number=invoice.number)
    covered = plan(invoice.number, items, lines)
    credit_lines = [c.line for c in covered]
    parties.require_lines(credit_lines)
    total = pricing.totals(credit_lines)
    if _closes(items, covered):
        total = _closing_totals(uow, invoice, original, total)
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
    parties.require_mentions(
        seller, original.buyer, "", vat_number_required=not vat_rules.franchised(original.lines)
    )
    day = clock.today()
    document = Document(
        kind=Kind.CREDIT_NOTE,
        number="",
        issue_date=day,
        seller=seller,
        buyer=original.buyer,
        lines=tuple(credit_lines),
        vat=_vat_wording(total.vat, original),
        net_total=total.net,
        vat_total=total.vat_total,
        gross_total=total.gross,
        due_date=day,
        booking_reference=original.booking_reference,
        buyer_reference=original.buyer_reference,
        order_reference=original.order_reference,
        event=original.event,
        venue=original.venue,
        period_start=original.period_start,
        period_end=original.period_end,
        rate_label=original.rate_label,
        nature=pricing.nature(credit_lines),
        cited_number=invoice.number,
        cited_date=invoice.issue_date,
        payment_terms=TERMS.format(
            number=invoice.number,
            date=parties.fr_date(invoice.issue_date),
            amount=pricing.euros(total.gross),
        ),
        notes=(*issuing.demo_notes(uow), REASON_NOTE.format(reason=reason)),
    )
    return Prepared(invoice, document, tuple(covered), reason)


def draft_credit_note(
    uow: UnitOfWork,
    *,
    invoice_number: str,
    reason: str,
    clock: Clock,
    lines: Sequence[CreditLine] | None = None,
) -> Document:
    """The credit note issuing would produce now, without a number."""
    return prepare(
        uow, invoice_number=invoice_number, reason=reason, lines=lines, clock=clock
    ).document


@requires(Permission.INVOICING)
def store_prepared(
    uow: UnitOfWork,
    prepared: Prepared,
    *,
    user: str,
    clock: Clock,
    renderer: Renderer,
    check: XmlCheck | None = None,
) -> IssuedDocument:
    """Take the next credit note number for ``prepared`` (AV-2026-00001, its prefix from
    the settings: ``issuing.series_for``) and store it (in the caller's write transaction)."""
    year = prepared.document.issue_date.year
    series = issuing.series_for(uow, Kind.CREDIT_NOTE, year)
    number, sequence = issuing.next_number(uow, series, year)
    invoice = prepared.invoice
    return issuing.store(
        uow,
        user=user,
        document=dataclasses.replace(prepared.document, number=number),
        lines=prepared.lines,
        series=series,
        sequence=sequence,
        customer_id=invoice.customer_id,
        booking_id=invoice.booking_id,
        cites_id=invoice.id,
        reason=prepared.reason,
        renderer=renderer,
        clock=clock,
        check=check,
    )


@requires(Permission.INVOICING)
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
    prepared = prepare(uow, invoice_number=invoice_number, reason=reason, lines=lines, clock=clock)
    return store_prepared(uow, prepared, user=user, clock=clock, renderer=renderer, check=check)


def credit_notes_of(uow: UnitOfWork, invoice_number: str) -> list[IssuedDocument]:
    invoice = issuing.issued_by_number(uow, invoice_number, Kind.INVOICE)
    query = select(IssuedDocument).where(IssuedDocument.cites_id == invoice.id)
    return list(uow.session.exec(query.order_by(col(IssuedDocument.id))))
