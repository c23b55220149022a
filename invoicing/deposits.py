"""Deposits (cautions) against bookings: held, returned, or retained to settle an issued
charge (the retained part is recorded as a payment "from the deposit" on that invoice, the
rest returned). A deposit is a liability, never revenue, never an invoice line.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict, NotFound, ValidationError
from app.core.money import from_cents, to_cents
from booking.bookings import booking_by_ref
from inventory import fields
from invoicing import issuing
from invoicing.document import Kind
from invoicing.invoices import deposit_required
from invoicing.models import Deposit, DepositStatus, PaymentMethod
from invoicing.payments import METHODS, balance_of, record_payment


def required_deposit(uow: UnitOfWork, reference: str) -> Decimal:
    return deposit_required(uow, booking_by_ref(uow, reference))


def _deposit(uow: UnitOfWork, deposit_id: int) -> Deposit:
    found = uow.session.get(Deposit, deposit_id)
    if found is None:
        raise NotFound("No deposit has the number {id}.", id=deposit_id)
    return found


def _held(deposit: Deposit) -> None:
    if deposit.status != DepositStatus.HELD:
        raise Conflict("Deposit {id} is already {status}.", id=deposit.id, status=deposit.status)


@requires(Permission.INVOICING)
def record_deposit(
    uow: UnitOfWork,
    *,
    user: str,
    reference: str,
    amount: str | Decimal | int,
    method: str,
    received_on: dt.date | str | None = None,
    notes: str = "",
    clock: Clock,
) -> Deposit:
    booking = booking_by_ref(uow, reference)
    cents = fields.money_cents("amount", amount, required=True)
    if cents <= 0:
        raise ValidationError("amount", "A deposit must be more than zero.")
    chosen = fields.choice("method", method, PaymentMethod)
    if chosen not in METHODS:
        raise ValidationError(
            "method",
            "Unknown {field} {value!r}: expected one of {allowed}.",
            field="method",
            value=method,
            allowed=", ".join(m.value for m in METHODS),
        )
    deposit = Deposit(
        booking_id=require_id(booking),
        amount_cents=cents,
        method=chosen.value,
        received_on=fields.optional_date("received on", received_on) or clock.today(),
        notes=fields.text("notes", notes, limit=fields.MAX_NOTES),
        recorded_by=user,
    )
    uow.session.add(deposit)
    uow.flush()
    return deposit


@requires(Permission.INVOICING)
def return_deposit(uow: UnitOfWork, *, user: str, deposit_id: int, clock: Clock) -> Deposit:
    deposit = _deposit(uow, deposit_id)
    _held(deposit)
    deposit.status = DepositStatus.RETURNED.value
    deposit.closed_on = clock.today()
    uow.flush()
    return deposit


@requires(Permission.INVOICING)
def retain_deposit(
    uow: UnitOfWork,
    *,
    user: str,
    deposit_id: int,
    invoice_number: str,
    amount: str | Decimal | int | None = None,
    clock: Clock,
) -> Deposit:
    """Keep (part of) a held deposit to settle an issued invoice of the same booking: a
    payment "from the deposit" on the invoice (default: its balance, at most the deposit);
    the rest of the deposit is returned."""
    deposit = _deposit(uow, deposit_id)
    _held(deposit)
    invoice = issuing.issued_by_number(uow, invoice_number, Kind.INVOICE)
    if invoice.booking_id != deposit.booking_id:
        raise Conflict(
            "Invoice {number} is not for the booking this deposit guarantees.",
            number=invoice.number,
        )
    balance = balance_of(uow, invoice, clock.today()).balance
    if amount is None:
        cents = min(deposit.amount_cents, max(to_cents(balance), 0))
    else:
        cents = fields.money_cents("amount", amount, required=True)
    if cents > deposit.amount_cents:
        raise Conflict(
            "Deposit {id} is {deposit}: {amount} cannot be kept from it.",
            id=deposit.id,
            deposit=str(from_cents(deposit.amount_cents)),
            amount=str(from_cents(cents)),
        )
    payment = record_payment(
        uow,
        user=user,
        invoice=invoice,
        cents=cents,
        date=clock.today(),
        method=PaymentMethod.CAUTION,
        reference=f"caution {deposit.id}",
        deposit_id=deposit.id,
        clock=clock,
    )
    deposit.status = DepositStatus.RETAINED.value
    deposit.retained_cents = payment.amount_cents
    deposit.closed_on = clock.today()
    uow.flush()
    return deposit


def deposits_of(uow: UnitOfWork, reference: str) -> list[Deposit]:
    booking = booking_by_ref(uow, reference)
    query = select(Deposit).where(Deposit.booking_id == booking.id).order_by(col(Deposit.id))
    return list(uow.session.exec(query))


def held_total(uow: UnitOfWork, reference: str) -> Decimal:
    booking = booking_by_ref(uow, reference)
    query = select(func.coalesce(func.sum(Deposit.amount_cents), 0)).where(
        Deposit.booking_id == booking.id, Deposit.status == DepositStatus.HELD.value
    )
    return from_cents(int(uow.session.exec(query).one()))
