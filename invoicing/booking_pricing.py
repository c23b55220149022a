"""What the booking pricing dialog shows, read in one unit of work: the booking's own
pricing (discount, coefficients, minimum), the discount of each of its item types, the
deposit it requires and the deposits recorded, and its invoices with what is left to pay."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlmodel import select

from app.core.db import UnitOfWork
from app.core.money import to_cents
from booking.bookings import booking_by_ref
from booking.models import BookingLine
from inventory.models import ItemType
from invoicing import deposits, payments, rates
from invoicing.document import Kind
from invoicing.models import CoefficientTable, IssuedDocument


@dataclass(frozen=True)
class DepositRow:
    id: int
    received_on: dt.date
    amount_cents: int
    method: str
    status: str
    retained_cents: int
    notes: str


@dataclass
class PricingFacts:
    """A booking's pricing and deposits as stored (percentages and coefficients as
    Decimals; the booking's own minimum None when the cooperative's applies)."""

    reference: str
    discount: Decimal = Decimal(0)
    fixed_coefficient: Decimal | None = None
    table: str | None = None
    minimum_cents: int | None = None
    cooperative_minimum_cents: int = 0
    tables: list[str] = field(default_factory=list)
    lines: list[tuple[str, str, Decimal]] = field(default_factory=list)  # code, name, discount
    required: Decimal = Decimal(0)
    held: Decimal = Decimal(0)
    deposits: list[DepositRow] = field(default_factory=list)
    invoices: list[tuple[str, Decimal]] = field(default_factory=list)  # number, balance


def pricing_facts(uow: UnitOfWork, reference: str, today: dt.date) -> PricingFacts:
    booking = booking_by_ref(uow, reference)
    booking_id = booking.id
    assert booking_id is not None
    row = rates.booking_pricing(uow, booking_id)
    facts = PricingFacts(reference=booking.reference)
    facts.discount = rates.bp_percent(row.discount_bp)
    if row.fixed_coefficient_milli is not None:
        facts.fixed_coefficient = Decimal(row.fixed_coefficient_milli) / 1000
    elif row.coefficient_table_id is not None:
        table = uow.session.get(CoefficientTable, row.coefficient_table_id)
        facts.table = table.name if table is not None else ""
    facts.minimum_cents = row.minimum_cents
    facts.cooperative_minimum_cents = to_cents(rates.minimum_charge(uow))
    facts.tables = list(
        uow.session.exec(select(CoefficientTable.name).order_by(CoefficientTable.name))
    )
    facts.lines = _line_discounts(uow, booking_id)
    facts.required = deposits.required_deposit(uow, reference)
    facts.held = deposits.held_total(uow, reference)
    facts.deposits = [
        DepositRow(
            d.id or 0, d.received_on, d.amount_cents, d.method, d.status, d.retained_cents, d.notes
        )
        for d in deposits.deposits_of(uow, reference)
    ]
    query = (
        select(IssuedDocument)
        .where(IssuedDocument.booking_id == booking_id, IssuedDocument.kind == Kind.INVOICE.value)
        .order_by(IssuedDocument.id.desc())  # type: ignore[union-attr]
    )
    facts.invoices = [
        (inv.number, payments.balance_of(uow, inv, today).balance)
        for inv in uow.session.exec(query)
    ]
    return facts


def _line_discounts(uow: UnitOfWork, booking_id: int) -> list[tuple[str, str, Decimal]]:
    """Each item type on the booking (by code) with its discount in percent."""
    discounts = rates.line_discounts(uow, booking_id)
    on_booking = select(BookingLine.item_type_id).where(BookingLine.booking_id == booking_id)
    items = uow.session.exec(
        select(ItemType)
        .where(ItemType.id.in_(on_booking))  # type: ignore[union-attr]
        .order_by(ItemType.code)
    )
    return [(item.code, item.name, discounts.get(item.id or 0, Decimal(0))) for item in items]
