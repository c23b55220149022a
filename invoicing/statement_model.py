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
    #: Money paid back to the customer (a negative payment reversing no entry).
    REFUND = "refund"


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
    #: About an opening entry (an invoice of the previous tool, ``invoicing.opening``):
    #: ``number`` is its reference there, not a number of Régie's series.
    opening: bool = False


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
    #: Paid on it after the statement's closing day, until its "as of" day (the day it
    #: is printed): shown beside, never taken out of, the month's balance.
    paid_since: Decimal = ZERO


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
    #: The statement's date ("as of"); the balance and the ageing are at
    #: ``closing_date = min(period_end, today)``: the month's end for a month over, the
    #: print date for the month in progress.
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
    #: Paid after ``closing_date`` until ``today`` on the invoices of the statement
    #: (payments net of reversals): what of ``closing`` is settled since.
    paid_since: Decimal = ZERO
    #: Paid back to the customer in the month (refunds, > 0); ``paid`` is net of them.
    refunded: Decimal = ZERO

    @property
    def as_of(self) -> dt.date:
        return self.today

    @property
    def closing_date(self) -> dt.date:
        """The day ``closing`` is the balance of (the month's end, or the print date)."""
        return min(self.period_end, self.today)

    @property
    def in_progress(self) -> bool:
        """The month is not over on the statement's date."""
        return self.today < self.period_end

    @property
    def still_due(self) -> Decimal:
        """``closing`` less what has been paid since: what remains to pay of it."""
        return self.closing - self.paid_since

    @property
    def equipment_days(self) -> int:
        return sum(b.equipment_days for b in self.bookings)

    @property
    def deposits_total(self) -> Decimal:
        return sum((d.amount for d in self.deposits_held), ZERO)

    @property
    def ageing_date(self) -> dt.date:
        return min(self.period_end, self.today)
