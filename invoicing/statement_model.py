"""What a monthly statement holds (``statements`` computes it, ``statement_pdf`` draws
it): plain frozen data, so the PDF needs no import of the computation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal("0.00")


class EntryKind(StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    PAYMENT = "payment"
    REVERSAL = "reversal"


# --- the statement ------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementCustomer:
    id: int
    number: str
    name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    email: str = ""
    #: Member number (sociétaire) on the last day of the month; "" for a non-member.
    member_number: str = ""


@dataclass(frozen=True)
class Entry:
    """One movement of the month. ``amount`` is signed: + owed more (invoice, reversal),
    − owed less (credit note, payment). ``number`` is the document's number (for a payment
    or a reversal: the invoice it settles); ``reference`` the cited invoice of a credit
    note, or the method and reference of a payment."""

    date: dt.date
    kind: EntryKind
    number: str
    reference: str
    due_date: dt.date | None
    amount: Decimal
    method: str = ""


@dataclass(frozen=True)
class Ageing:
    """Open amounts by days past due at the end of the month (sum = closing)."""

    not_due: Decimal = ZERO
    days_1_30: Decimal = ZERO
    days_31_60: Decimal = ZERO
    days_61_90: Decimal = ZERO
    over_90: Decimal = ZERO

    @property
    def buckets(self) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
        return (self.not_due, self.days_1_30, self.days_31_60, self.days_61_90, self.over_90)

    @property
    def total(self) -> Decimal:
        return sum(self.buckets, ZERO)


@dataclass(frozen=True)
class OpenItem:
    number: str
    issue_date: dt.date
    due_date: dt.date
    remaining: Decimal
    #: Days past due at the end of the month (0: not yet due).
    days_overdue: int


@dataclass(frozen=True)
class MonthBooking:
    reference: str
    event: str
    status: str
    use_start: dt.datetime
    use_end: dt.datetime
    #: Σ quantity × days of use inside the month (consumables, sold, not counted).
    equipment_days: int


@dataclass(frozen=True)
class HeldDeposit:
    booking_reference: str
    received_on: dt.date
    method: str
    amount: Decimal


@dataclass(frozen=True)
class Statement:
    customer: StatementCustomer
    month: str
    period_start: dt.date
    period_end: dt.date
    #: The statement's date; ageing is counted at ``min(period_end, today)``.
    today: dt.date
    opening: Decimal
    invoiced: Decimal
    credited: Decimal
    paid: Decimal
    closing: Decimal
    entries: tuple[Entry, ...]
    ageing: Ageing
    open_items: tuple[OpenItem, ...]
    bookings: tuple[MonthBooking, ...]
    deposits_held: tuple[HeldDeposit, ...]

    @property
    def equipment_days(self) -> int:
        return sum(b.equipment_days for b in self.bookings)

    @property
    def deposits_total(self) -> Decimal:
        return sum((d.amount for d in self.deposits_held), ZERO)

    @property
    def ageing_date(self) -> dt.date:
        return min(self.period_end, self.today)
