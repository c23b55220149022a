"""Payments against issued invoices: append-only (the database refuses UPDATE and DELETE),
a mistake corrected by a reversing entry. Balance due, status and age come from
``invoicing.balance`` (gross − credit notes − payments; issued / paid / overdue).

A payment larger than the balance due is refused (no overpayment is kept here). An invoice
can still be paid more than it owes when a credit note comes after its payment: its balance
is then negative (status ``credit``) and a refund is recorded (``record_refund``, ``regie
payments refund``): an append-only negative entry with ``reverses`` empty (a reversal names
the entry it cancels; a refund names none), never more than the credit, dated no earlier
than the credit note or payment it refunds, under the same certified-till rule.

Régie is not a certified cash system (NF 525): see INVOICING-FR.md §7.2 and the README.
A cash or card payment from an individual is refused unless the cooperative declares
(setting ``CERTIFIED_TILL``) that it records such payments in its certified till; Régie's
entry is then only a copy, for the invoice's balance.

Every payment row is sealed (``app.core.seals``) in the transaction that writes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import col, select

from app.core import seals
from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict, NotFound, ValidationError
from app.core.money import from_cents
from app.core.settings import get_setting, set_setting
from booking.models import Customer, CustomerCategory, CustomerKind
from inventory import fields
from invoicing import issuing
from invoicing.balance import INVOICE_STATUS_LABELS as INVOICE_STATUS_LABELS  # re-exported
from invoicing.balance import InvoiceBalance, InvoiceStatus
from invoicing.balance import invoice_balances as read_balances
from invoicing.document import Kind
from invoicing.models import IssuedDocument, Payment, PaymentMethod

#: Methods a person records (``caution`` only comes from a retained deposit).
METHODS = (
    PaymentMethod.VIREMENT,
    PaymentMethod.CHEQUE,
    PaymentMethod.CARTE,
    PaymentMethod.ESPECES,
)
#: Methods of a till (NF 525): from an individual, only as a copy of the till's record.
TILL_METHODS = (PaymentMethod.CARTE, PaymentMethod.ESPECES)
#: Setting: "1" when the cooperative records cash and card payments from individuals in
#: its certified till (Régie then keeps a copy of them for the balances).
CERTIFIED_TILL = "payments.certified_till"
#: How far ahead of today a payment may be dated (a cheque dated tomorrow, a clock late).
FUTURE_DAYS = 1


@dataclass(frozen=True)
class Balance:
    number: str
    issue_date: dt.date
    due_date: dt.date
    customer_id: int
    buyer_name: str
    gross: Decimal
    credited: Decimal
    paid: Decimal
    balance: Decimal
    status: InvoiceStatus


def _balance(figures: InvoiceBalance, today: dt.date) -> Balance:
    return Balance(
        figures.number,
        figures.issue_date,
        figures.due_date,
        figures.customer_id,
        figures.buyer_name,
        from_cents(figures.gross_cents),
        from_cents(figures.credited_cents),
        from_cents(figures.paid_cents),
        from_cents(figures.balance_cents),
        figures.status(today),
    )


def balance_of(uow: UnitOfWork, invoice: IssuedDocument, today: dt.date) -> Balance:
    """The invoice's figures on ``today``: a payment counts from its date (one dated
    tomorrow counts tomorrow), as on a statement of the same day."""
    (figures,) = read_balances(uow, as_of=today, invoice_ids=[require_id(invoice)])
    return _balance(figures, today)


def _recorded(uow: UnitOfWork, invoice: IssuedDocument) -> InvoiceBalance:
    """Everything recorded on the invoice, whatever its date (tomorrow's payment too): what
    a new payment or refund is checked against."""
    (figures,) = read_balances(uow, invoice_ids=[require_id(invoice)])
    return figures


def invoice_balance(uow: UnitOfWork, invoice_number: str, today: dt.date) -> Balance:
    return balance_of(uow, issuing.issued_by_number(uow, invoice_number, Kind.INVOICE), today)


def invoice_balances(uow: UnitOfWork, today: dt.date) -> list[Balance]:
    return [_balance(figures, today) for figures in read_balances(uow, as_of=today)]


def overdue_invoices(uow: UnitOfWork, today: dt.date) -> list[Balance]:
    found = [f for f in read_balances(uow, as_of=today) if f.status(today) is InvoiceStatus.OVERDUE]
    found.sort(key=lambda f: (f.due_date, f.id))
    return [_balance(f, today) for f in found]


@requires(Permission.INVOICING)
def record_payment(
    uow: UnitOfWork,
    *,
    user: str,
    invoice: IssuedDocument,
    cents: int,
    date: dt.date,
    method: PaymentMethod,
    reference: str = "",
    deposit_id: int | None = None,
    clock: Clock,
) -> Payment:
    """Checked: more than zero, not above the balance due, not dated before the invoice
    nor more than ``FUTURE_DAYS`` after today. Sealed in the caller's transaction."""
    check_payment(cents, date, number=invoice.number, issued=invoice.issue_date, clock=clock)
    left = _recorded(uow, invoice).balance_cents
    if left < 0:
        raise Conflict(
            "Invoice {number} is paid more than it owes ({credit} to refund to the "
            "customer): record a refund, not a payment.",
            number=invoice.number,
            credit=str(from_cents(-left)),
        )
    if cents > left:
        raise Conflict(
            "Invoice {number} has {balance} left to pay; a payment of {amount} is more than that.",
            number=invoice.number,
            balance=str(from_cents(left)),
            amount=str(from_cents(cents)),
        )
    payment = Payment(
        document_id=require_id(invoice),
        amount_cents=cents,
        date=date,
        method=method.value,
        reference=reference,
        deposit_id=deposit_id,
        recorded_at=clock.now(),
        recorded_by=user,
    )
    uow.session.add(payment)
    uow.flush()
    _seal(uow, payment)
    return payment


def check_payment(cents: int, date: dt.date, *, number: str, issued: dt.date, clock: Clock) -> None:
    """What every payment obeys, of a Régie invoice or of an opening entry (the previous
    tool's invoice ``number``, dated ``issued``): more than zero, not dated before the
    invoice nor more than ``FUTURE_DAYS`` after today."""
    if cents <= 0:
        raise ValidationError("amount", "A payment must be more than zero.")
    if date > clock.today() + dt.timedelta(days=FUTURE_DAYS):
        raise ValidationError(
            "date",
            "A payment cannot be dated in the future beyond tomorrow ({date}; this "
            "computer's clock says {today}).",
            date=date.strftime("%d/%m/%Y"),
            today=clock.today().strftime("%d/%m/%Y"),
        )
    if date < issued:
        raise ValidationError(
            "date",
            "A payment cannot be dated before its invoice: {number} is dated {issued}, the "
            "payment {date}.",
            number=number,
            issued=issued.strftime("%d/%m/%Y"),
            date=date.strftime("%d/%m/%Y"),
        )


def _seal(uow: UnitOfWork, payment: Payment) -> None:
    seals.append(uow.session.connection(), seals.PAYMENT, require_id(payment), payment.document_id)


def till_declared(uow: UnitOfWork) -> bool:
    """Does the cooperative record cash and card payments from individuals in its
    certified till (setting ``CERTIFIED_TILL``)?"""
    return get_setting(uow, CERTIFIED_TILL) == "1"


@requires(Permission.SETTINGS)
def declare_till(uow: UnitOfWork, declared: bool) -> None:
    set_setting(uow, CERTIFIED_TILL, "1" if declared else "")


def is_individual(customer: Customer) -> bool:
    return (
        customer.kind == CustomerKind.PERSON.value
        or customer.category == CustomerCategory.INDIVIDUAL.value
    )


def require_till(
    uow: UnitOfWork, invoice: IssuedDocument, method: PaymentMethod, *, refund: bool = False
) -> None:
    """Refuse cash or card from (or, ``refund``, to) an individual unless the certified till
    is declared."""
    if method not in TILL_METHODS or till_declared(uow):
        return
    customer = uow.row(Customer, invoice.customer_id)
    if not is_individual(customer):
        return
    if refund and method is PaymentMethod.ESPECES:
        raise Conflict(
            "Régie is not a certified cash system (NF 525): record this cash refund to "
            "{customer} in your certified till. If the cooperative records such payments "
            "there, say so in Settings (File → Settings…); Régie then keeps a copy for "
            "the invoice's balance.",
            customer=customer.name,
        )
    if refund:
        raise Conflict(
            "Régie is not a certified cash system (NF 525): record this card refund to "
            "{customer} in your certified till. If the cooperative records such payments "
            "there, say so in Settings (File → Settings…); Régie then keeps a copy for "
            "the invoice's balance.",
            customer=customer.name,
        )
    if method is PaymentMethod.ESPECES:
        raise Conflict(
            "Régie is not a certified cash system (NF 525): record this cash payment from "
            "{customer} in your certified till. If the cooperative records such payments "
            "there, say so in Settings (File → Settings…); Régie then keeps a copy for "
            "the invoice's balance.",
            customer=customer.name,
        )
    raise Conflict(
        "Régie is not a certified cash system (NF 525): record this card payment from "
        "{customer} in your certified till. If the cooperative records such payments "
        "there, say so in Settings (File → Settings…); Régie then keeps a copy for "
        "the invoice's balance.",
        customer=customer.name,
    )


def _method(method: str) -> PaymentMethod:
    chosen = fields.choice("method", method, PaymentMethod)
    if chosen not in METHODS:
        raise ValidationError(
            "method",
            "Unknown {field} {value!r}: expected one of {allowed}.",
            field="method",
            value=method,
            allowed=", ".join(m.value for m in METHODS),
        )
    return chosen


@requires(Permission.INVOICING)
def add_payment(
    uow: UnitOfWork,
    *,
    user: str,
    invoice_number: str,
    amount: str | Decimal | int,
    date: dt.date | str | None = None,
    method: str = PaymentMethod.VIREMENT.value,
    reference: str = "",
    clock: Clock,
) -> Payment:
    """Record a payment (virement, cheque, carte, especes) on an issued invoice."""
    invoice = issuing.issued_by_number(uow, invoice_number, Kind.INVOICE)
    cents = fields.money_cents("amount", amount, required=True)
    day = fields.optional_date("date", date) or clock.today()
    chosen = _method(method)
    ref = fields.text("reference", reference)
    require_till(uow, invoice, chosen)
    return record_payment(
        uow,
        user=user,
        invoice=invoice,
        cents=cents,
        date=day,
        method=chosen,
        reference=ref,
        clock=clock,
    )


@requires(Permission.INVOICING)
def reverse_payment(uow: UnitOfWork, *, user: str, payment_id: int, clock: Clock) -> Payment:
    """Cancel a payment by a reversing entry (the original stays, as the law wants)."""
    original = uow.session.get(Payment, payment_id)
    if original is None:
        raise NotFound("No payment has the number {id}.", id=payment_id)
    if original.reverses is not None:
        raise Conflict("Payment {id} is itself a reversal: it cannot be reversed.", id=payment_id)
    already = uow.session.exec(select(Payment.id).where(Payment.reverses == payment_id)).first()
    if already is not None:
        raise Conflict("Payment {id} was already reversed.", id=payment_id)
    invoice = uow.row(IssuedDocument, original.document_id)
    if clock.today() < invoice.issue_date:  # a computer whose clock is wrong
        raise ValidationError(
            "date",
            "A payment cannot be dated before its invoice: {number} is dated {issued}, the "
            "payment {date}.",
            number=invoice.number,
            issued=invoice.issue_date.strftime("%d/%m/%Y"),
            date=clock.today().strftime("%d/%m/%Y"),
        )
    reversal = Payment(
        document_id=original.document_id,
        amount_cents=-original.amount_cents,
        date=clock.today(),
        method=original.method,
        reference=original.reference,
        reverses=original.id,
        deposit_id=original.deposit_id,
        recorded_at=clock.now(),
        recorded_by=user,
    )
    uow.session.add(reversal)
    uow.flush()
    _seal(uow, reversal)
    return reversal


def payments_of(uow: UnitOfWork, invoice_number: str) -> list[Payment]:
    invoice = issuing.issued_by_number(uow, invoice_number, Kind.INVOICE)
    query = select(Payment).where(Payment.document_id == invoice.id).order_by(col(Payment.id))
    return list(uow.session.exec(query))


# --- refunds ------------------------------------------------------------------------------


def is_refund(payment: Payment) -> bool:
    """A refund to the customer: a negative entry that reverses no other entry."""
    return payment.amount_cents < 0 and payment.reverses is None


@dataclass(frozen=True)
class CreditSource:
    """What put an invoice in credit last: a credit note (``number``) or a payment."""

    date: dt.date
    number: str = ""


def credit_source(uow: UnitOfWork, invoice: IssuedDocument) -> CreditSource:
    """The latest credit note or payment (not a refund nor a reversal) of ``invoice``:
    a refund of its credit is dated no earlier."""
    found = CreditSource(invoice.issue_date, invoice.number)
    notes = select(IssuedDocument).where(
        IssuedDocument.cites_id == invoice.id,
        IssuedDocument.kind == Kind.CREDIT_NOTE.value,
    )
    for note in uow.session.exec(notes):
        if note.issue_date >= found.date:
            found = CreditSource(note.issue_date, note.number)
    paid = select(Payment).where(
        Payment.document_id == invoice.id,
        col(Payment.reverses).is_(None),
        col(Payment.amount_cents) > 0,
    )
    for payment in uow.session.exec(paid):
        if payment.date > found.date:
            found = CreditSource(payment.date)
    return found


@requires(Permission.INVOICING)
def record_refund(
    uow: UnitOfWork,
    *,
    user: str,
    invoice: IssuedDocument,
    cents: int,
    date: dt.date,
    method: PaymentMethod,
    reference: str = "",
    clock: Clock,
) -> Payment:
    """Record a refund of ``cents`` (more than zero) to the customer of ``invoice``, as a
    sealed negative entry. Checked: the invoice is in credit by at least ``cents``; not
    dated before the credit note or payment it refunds nor more than ``FUTURE_DAYS`` after
    today; cash or card to an individual only with the certified till declared."""
    if cents <= 0:
        raise ValidationError("amount", "A refund must be more than zero.")
    left = _recorded(uow, invoice).balance_cents
    if left >= 0:
        raise Conflict(
            "Invoice {number} owes the customer nothing back (balance {balance}): a refund "
            "is only for an invoice paid more than it owes after its credit notes.",
            number=invoice.number,
            balance=str(from_cents(left)),
        )
    if cents > -left:
        raise Conflict(
            "Invoice {number} has {credit} to refund; a refund of {amount} is more than that.",
            number=invoice.number,
            credit=str(from_cents(-left)),
            amount=str(from_cents(cents)),
        )
    if date > clock.today() + dt.timedelta(days=FUTURE_DAYS):
        raise ValidationError(
            "date",
            "A refund cannot be dated in the future beyond tomorrow ({date}; this "
            "computer's clock says {today}).",
            date=date.strftime("%d/%m/%Y"),
            today=clock.today().strftime("%d/%m/%Y"),
        )
    source = credit_source(uow, invoice)
    if date < source.date and source.number and source.number != invoice.number:
        raise ValidationError(
            "date",
            "A refund cannot be dated before the credit note it refunds: {number} is dated "
            "{issued}, the refund {date}.",
            number=source.number,
            issued=source.date.strftime("%d/%m/%Y"),
            date=date.strftime("%d/%m/%Y"),
        )
    if date < source.date:
        raise ValidationError(
            "date",
            "A refund cannot be dated before the payment it refunds: {number} was paid on "
            "{paid}, the refund is dated {date}.",
            number=invoice.number,
            paid=source.date.strftime("%d/%m/%Y"),
            date=date.strftime("%d/%m/%Y"),
        )
    require_till(uow, invoice, method, refund=True)
    refund = Payment(
        document_id=require_id(invoice),
        amount_cents=-cents,
        date=date,
        method=method.value,
        reference=reference,
        recorded_at=clock.now(),
        recorded_by=user,
    )
    uow.session.add(refund)
    uow.flush()
    _seal(uow, refund)
    return refund


@requires(Permission.INVOICING)
def add_refund(
    uow: UnitOfWork,
    *,
    user: str,
    invoice_number: str,
    amount: str | Decimal | int,
    date: dt.date | str | None = None,
    method: str = PaymentMethod.VIREMENT.value,
    reference: str = "",
    clock: Clock,
) -> Payment:
    """Record a refund (virement, cheque, carte, especes) to the customer of an invoice in
    credit; ``amount`` is what goes back to the customer (more than zero)."""
    invoice = issuing.issued_by_number(uow, invoice_number, Kind.INVOICE)
    cents = fields.money_cents("amount", amount, required=True)
    day = fields.optional_date("date", date) or clock.today()
    chosen = _method(method)
    ref = fields.text("reference", reference)
    return record_refund(
        uow,
        user=user,
        invoice=invoice,
        cents=cents,
        date=day,
        method=chosen,
        reference=ref,
        clock=clock,
    )
