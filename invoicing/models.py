"""Invoicing tables (SQLModel): rates, coefficient tables, per-booking pricing, deposits,
damage charges, issued documents (invoices and credit notes), their lines and files,
numbering sequences and payments.

Money is integer cents; percentages are basis points (20 % = 2000, 5,5 % = 550);
coefficients are thousandths (3,25 = 3250). Issued documents, their lines, their files and
payments are append-only: the migration installs SQLite triggers refusing UPDATE and
DELETE on them (``issued documents are immutable``), so the database itself keeps them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Column, Index, LargeBinary
from sqlmodel import Field, SQLModel

from app.core.errors import N_


class DepositStatus(StrEnum):
    HELD = "held"
    RETURNED = "returned"
    RETAINED = "retained"  # all or part kept to settle a charge (the rest returned)


class PaymentMethod(StrEnum):
    VIREMENT = "virement"
    CHEQUE = "cheque"
    CARTE = "carte"
    ESPECES = "especes"
    #: Settled from a retained deposit (only through ``deposits.retain_deposit``).
    CAUTION = "caution"


PAYMENT_METHOD_LABELS: dict[PaymentMethod, str] = {
    PaymentMethod.VIREMENT: N_("Bank transfer"),
    PaymentMethod.CHEQUE: N_("Cheque"),
    PaymentMethod.CARTE: N_("Card"),
    PaymentMethod.ESPECES: N_("Cash"),
    PaymentMethod.CAUTION: N_("From the deposit"),
}


class ChargeKind(StrEnum):
    DAMAGE = "damage"
    LOSS = "loss"


# --- rates ----------------------------------------------------------------------------


class ItemRate(SQLModel, table=True):
    """Day rates of an item type (rental) and its VAT rate override."""

    __tablename__ = "item_rate"

    item_type_id: int = Field(foreign_key="item_type.id", primary_key=True, ondelete="CASCADE")
    member_day_cents: int = 0
    non_member_day_cents: int = 0
    #: None: the default VAT rate (setting ``invoicing.vat_rate``).
    vat_rate_bp: int | None = None
    #: Not empty: an exempt operation (category E), this legal article printed.
    vat_exemption: str = ""


class PriceCategory(SQLModel, table=True):
    """An extra customer category with its own day rates ("communes partenaires")."""

    __tablename__ = "price_category"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    name: str


class CategoryRate(SQLModel, table=True):
    __tablename__ = "category_rate"

    category_id: int = Field(foreign_key="price_category.id", primary_key=True, ondelete="CASCADE")
    item_type_id: int = Field(foreign_key="item_type.id", primary_key=True, ondelete="CASCADE")
    day_cents: int


class CustomerPriceCategory(SQLModel, table=True):
    __tablename__ = "customer_price_category"

    customer_id: int = Field(foreign_key="customer.id", primary_key=True, ondelete="CASCADE")
    category_id: int = Field(foreign_key="price_category.id", index=True, ondelete="CASCADE")


class CoefficientTable(SQLModel, table=True):
    """Degressive day coefficients. The one flagged ``is_default`` serves the equipment
    families without a table of their own."""

    __tablename__ = "coefficient_table"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    is_default: bool = False


class CoefficientStep(SQLModel, table=True):
    __tablename__ = "coefficient_step"

    table_id: int = Field(foreign_key="coefficient_table.id", primary_key=True, ondelete="CASCADE")
    days: int = Field(primary_key=True)
    coefficient_milli: int


class FamilyCoefficient(SQLModel, table=True):
    """The coefficient table of an equipment family (an inventory ``Category`` value)."""

    __tablename__ = "family_coefficient"

    family: str = Field(primary_key=True)
    table_id: int = Field(foreign_key="coefficient_table.id", index=True, ondelete="CASCADE")


class BookingPricing(SQLModel, table=True):
    """Per-booking pricing overrides: coefficient table or fixed coefficient, booking
    discount, minimum charge."""

    __tablename__ = "booking_pricing"

    booking_id: int = Field(foreign_key="booking.id", primary_key=True, ondelete="CASCADE")
    coefficient_table_id: int | None = Field(default=None, foreign_key="coefficient_table.id")
    fixed_coefficient_milli: int | None = None
    discount_bp: int = 0
    minimum_cents: int | None = None


class LineDiscount(SQLModel, table=True):
    """A discount on one item type of a booking (rental and consumables)."""

    __tablename__ = "line_discount"

    booking_id: int = Field(foreign_key="booking.id", primary_key=True, ondelete="CASCADE")
    item_type_id: int = Field(foreign_key="item_type.id", primary_key=True)
    discount_bp: int


# --- deposits and charges ---------------------------------------------------------------


class Deposit(SQLModel, table=True):
    """A deposit (caution) against a booking: a liability, never revenue."""

    id: int | None = Field(default=None, primary_key=True)
    booking_id: int = Field(foreign_key="booking.id", index=True)
    amount_cents: int
    method: str
    status: str = DepositStatus.HELD.value
    received_on: dt.date
    closed_on: dt.date | None = None
    retained_cents: int = 0
    notes: str = ""
    recorded_by: str = ""


class DamageCharge(SQLModel, table=True):
    """A damage charge recorded by the manager for units checked in damaged."""

    __tablename__ = "damage_charge"

    id: int | None = Field(default=None, primary_key=True)
    booking_id: int = Field(foreign_key="booking.id", index=True)
    item_type_id: int = Field(foreign_key="item_type.id")
    quantity: int = 1
    amount_cents: int
    description: str = ""
    recorded_at: dt.datetime
    recorded_by: str = ""


# --- issued documents -------------------------------------------------------------------


class DocumentSequence(SQLModel, table=True):
    """Next number of a series (FA, AV) in a year: gapless, taken at issue."""

    __tablename__ = "document_sequence"

    series: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    next_value: int = 1


class IssuedDocument(SQLModel, table=True):
    """An issued invoice or credit note, frozen (immutable: see the migration's triggers)."""

    __tablename__ = "issued_document"
    __table_args__ = (Index("ix_issued_document_kind_issue_date", "kind", "issue_date"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # invoicing.document.Kind: invoice / credit_note
    number: str = Field(unique=True, index=True)
    series: str
    year: int
    sequence: int
    issue_date: dt.date
    due_date: dt.date
    booking_id: int | None = Field(default=None, foreign_key="booking.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    #: A credit note: the invoice it corrects.
    cites_id: int | None = Field(default=None, foreign_key="issued_document.id", index=True)
    buyer_name: str
    net_cents: int
    vat_cents: int
    gross_cents: int
    reason: str = ""
    #: The whole ``Document`` as JSON (invoicing.serial): renderable again.
    document_json: str
    issued_at: dt.datetime
    issued_by: str = ""


class IssuedLine(SQLModel, table=True):
    """One line of an issued document, with what it covered of its booking (so a further
    invoice charges only what was not invoiced before)."""

    __tablename__ = "issued_line"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="issued_document.id", index=True)
    position: int
    #: "rental:<type id>", "sale:<type id>", "loss:<type id>", "damage:<charge id>",
    #: "late:<type id>", "minimum", "" (a free line).
    covers: str = Field(default="", index=True)
    #: Units covered (rental, sale, loss: pieces; late: piece-days).
    covered_quantity: int = 0
    description: str
    quantity: str  # Decimal as text
    net_cents: int
    vat_category: str
    vat_rate_bp: int
    #: A credit note line: the position of the invoice line it credits (0: none).
    credits_position: int = 0


class DocumentFile(SQLModel, table=True):
    """The exact bytes issued, their SHA-256, and the hash chain across all documents:
    ``chain_hash = sha256(prev_chain_hash + pdf_sha256 + xml_sha256)``."""

    __tablename__ = "document_file"

    document_id: int = Field(foreign_key="issued_document.id", primary_key=True)
    pdf: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    xml: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    pdf_sha256: str
    xml_sha256: str = ""
    prev_chain_hash: str
    chain_hash: str = Field(unique=True)


class Payment(SQLModel, table=True):
    """A payment against an invoice; append-only. A correction is a reversing entry
    (negative amount, ``reverses`` naming the entry it cancels)."""

    __table_args__ = (Index("ix_payment_document_id", "document_id"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="issued_document.id")
    amount_cents: int
    date: dt.date
    method: str
    reference: str = ""
    reverses: int | None = Field(default=None, foreign_key="payment.id", unique=True)
    deposit_id: int | None = Field(default=None, foreign_key="deposit.id")
    recorded_at: dt.datetime
    recorded_by: str = ""


# --- opening balances (migration 0013) ----------------------------------------------------


class OpeningBalance(SQLModel, table=True):
    """An invoice left unpaid in the previous tool, as an opening entry of its customer
    (not a Régie invoice: no number of Régie's series, no Factur-X); append-only."""

    __tablename__ = "opening_balance"

    id: int | None = Field(default=None, primary_key=True)
    #: Its number in the previous tool (unique: importing it twice changes nothing).
    reference: str = Field(unique=True, index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    issue_date: dt.date
    due_date: dt.date
    #: What was still owed on it when it was brought in, incl. VAT (< 0: a credit).
    amount_cents: int
    label: str = ""
    imported_at: dt.datetime
    imported_by: str = ""


class OpeningPayment(SQLModel, table=True):
    """A payment against an opening entry; append-only. A correction is a reversing entry
    (negative amount, ``reverses`` naming the entry it cancels)."""

    __tablename__ = "opening_payment"

    id: int | None = Field(default=None, primary_key=True)
    opening_id: int = Field(foreign_key="opening_balance.id", index=True)
    amount_cents: int
    date: dt.date
    method: str
    reference: str = ""
    reverses: int | None = Field(default=None, foreign_key="opening_payment.id", unique=True)
    recorded_at: dt.datetime
    recorded_by: str = ""
