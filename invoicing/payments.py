"""Payments against issued invoices: append-only (the database refuses UPDATE and DELETE),
a mistake corrected by a reversing entry. Balance due, status and age come from
``invoicing.balance`` (gross − credit notes − payments; issued / paid / overdue).

A payment larger than the balance due is refused (no overpayment or credit balance is
kept here): record it for the balance, and refund the rest outside Régie.

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
    (figures,) = read_balances(uow, invoice_ids=[require_id(invoice)])
    return _balance(figures, today)


def invoice_balance(uow: UnitOfWork, invoice_number: str, today: dt.date) -> Balance:
    return balance_of(uow, issuing.issued_by_number(uow, invoice_number, Kind.INVOICE), today)


def invoice_balances(uow: UnitOfWork, today: dt.date) -> list[Balance]:
    return [_balance(figures, today) for figures in read_balances(uow)]


def overdue_invoices(uow: UnitOfWork, today: dt.date) -> list[Balance]:
    found = [f for f in read_balances(uow) if f.status(today) is InvoiceStatus.OVERDUE]
    found.sort(key=lambda f: (f.due_date, f.id))
    return [_balance(f, today) for f in found]


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
    if date < invoice.issue_date:
        raise ValidationError(
            "date",
            "A payment cannot be dated before its invoice: {number} is dated {issued}, the "
            "payment {date}.",
            number=invoice.number,
            issued=invoice.issue_date.strftime("%d/%m/%Y"),
            date=date.strftime("%d/%m/%Y"),
        )
    balance = balance_of(uow, invoice, clock.today())
    if from_cents(cents) > balance.balance:
        raise Conflict(
            "Invoice {number} has {balance} left to pay; a payment of {amount} is more than that.",
            number=invoice.number,
            balance=str(balance.balance),
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


def _seal(uow: UnitOfWork, payment: Payment) -> None:
    seals.append(uow.session.connection(), seals.PAYMENT, require_id(payment), payment.document_id)


def till_declared(uow: UnitOfWork) -> bool:
    """Does the cooperative record cash and card payments from individuals in its
    certified till (setting ``CERTIFIED_TILL``)?"""
    return get_setting(uow, CERTIFIED_TILL) == "1"


def declare_till(uow: UnitOfWork, declared: bool) -> None:
    set_setting(uow, CERTIFIED_TILL, "1" if declared else "")


def is_individual(customer: Customer) -> bool:
    return (
        customer.kind == CustomerKind.PERSON.value
        or customer.category == CustomerCategory.INDIVIDUAL.value
    )


def require_till(uow: UnitOfWork, invoice: IssuedDocument, method: PaymentMethod) -> None:
    """Refuse cash or card from an individual unless the certified till is declared."""
    if method not in TILL_METHODS or till_declared(uow):
        return
    customer = uow.row(Customer, invoice.customer_id)
    if not is_individual(customer):
        return
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
    chosen = fields.choice("method", method, PaymentMethod)
    if chosen not in METHODS:
        raise ValidationError(
            "method",
            "Unknown {field} {value!r}: expected one of {allowed}.",
            field="method",
            value=method,
            allowed=", ".join(m.value for m in METHODS),
        )
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
