"""An invoice's balance, status and age (``invoicing.balance``): the rules alone, then the
figures read from a real database — paid, partly paid, overdue by N days, credit notes,
as of a past day — and the callers (payments, receivables report, statements) agreeing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.core.clock import PARIS, FixedClock
from invoicing import (
    balance,
    credit_notes,
    invoices,
    payments,
    report_finance,
    reports,
    statements,
)
from invoicing.balance import InvoiceStatus, age_bucket, days_overdue, invoice_status
from tests.invoicing.conftest import USER, book

D = Decimal
DUE = dt.date(2026, 12, 26)


@pytest.mark.parametrize(
    ("cents", "today", "status"),
    [
        (0, DUE, InvoiceStatus.PAID),
        # paid more than it owes: a refund is due
        (-100, DUE + dt.timedelta(days=400), InvoiceStatus.CREDIT),
        (1, DUE, InvoiceStatus.ISSUED),  # due today: not overdue yet
        (1, DUE + dt.timedelta(days=1), InvoiceStatus.OVERDUE),
        (46200, DUE - dt.timedelta(days=30), InvoiceStatus.ISSUED),
    ],
)
def test_status(cents, today, status):
    assert invoice_status(cents, DUE, today) is status


@pytest.mark.parametrize(
    ("on", "days", "bucket"),
    [
        (DUE - dt.timedelta(days=5), 0, 0),
        (DUE, 0, 0),
        (DUE + dt.timedelta(days=1), 1, 1),
        (DUE + dt.timedelta(days=30), 30, 1),
        (DUE + dt.timedelta(days=31), 31, 2),
        (DUE + dt.timedelta(days=60), 60, 2),
        (DUE + dt.timedelta(days=61), 61, 3),
        (DUE + dt.timedelta(days=90), 90, 3),
        (DUE + dt.timedelta(days=91), 91, 4),
    ],
)
def test_age(on, days, bucket):
    assert days_overdue(DUE, on) == days
    assert age_bucket(days) == bucket


def _clock(day: dt.date) -> FixedClock:
    return FixedClock(dt.datetime.combine(day, dt.time(10), tzinfo=PARIS))


@pytest.fixture
def invoice(coop, clock, render) -> balance.InvoiceBalance:
    """FA-2026-00001 issued on 26/11/2026: 4 LYRE for 3 days + 2 GAFFER, 462,00 incl. VAT."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 4, "GAFFER": 2})
    with coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
    return _figures(coop)


def _figures(db, as_of: dt.date | None = None) -> balance.InvoiceBalance:
    with db.read() as uow:
        (found,) = balance.invoice_balances(uow, as_of=as_of)
    return found


def _pay(db, amount: str, day: dt.date) -> None:
    with db.write() as uow:
        payments.add_payment(
            uow,
            user=USER,
            invoice_number="FA-2026-00001",
            amount=amount,
            date=day,
            clock=_clock(day),
        )


def test_issued_then_partly_paid_then_paid(coop, clock, invoice):
    today = clock.today()
    assert (invoice.number, invoice.gross_cents, invoice.balance_cents) == (
        "FA-2026-00001",
        46200,
        46200,
    )
    assert invoice.status(today) is InvoiceStatus.ISSUED
    _pay(coop, "400", today)
    partly = _figures(coop)
    assert (partly.paid_cents, partly.balance_cents) == (40000, 6200)
    assert partly.status(today) is InvoiceStatus.ISSUED
    _pay(coop, "62", today)
    assert _figures(coop).balance_cents == 0
    assert _figures(coop).status(invoice.due_date + dt.timedelta(days=200)) is InvoiceStatus.PAID


def test_overdue_by_n_days(coop, invoice):
    on = invoice.due_date + dt.timedelta(days=45)
    assert invoice.status(on) is InvoiceStatus.OVERDUE
    assert invoice.days_overdue(on) == 45
    assert invoice.age_bucket(on) == 2  # 31–60 days
    assert invoice.status(invoice.due_date) is InvoiceStatus.ISSUED
    assert invoice.days_overdue(invoice.due_date) == 0


def test_credit_notes_lower_the_balance(coop, clock, render, invoice):
    with coop.write() as uow:
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number="FA-2026-00001",
            reason="erreur",
            clock=clock,
            renderer=render,
            lines=[credit_notes.CreditLine(1, D("100"))],
        )
    credited = _figures(coop)
    assert (credited.credited_cents, credited.balance_cents) == (12000, 34200)  # 100 + VAT
    with coop.write() as uow:
        credit_notes.issue_credit_note(
            uow, user=USER, invoice_number="FA-2026-00001", reason="annulé", clock=clock,
            renderer=render,
        )  # fmt: skip
    cancelled = _figures(coop)
    assert cancelled.balance_cents == 0
    assert cancelled.status(cancelled.due_date + dt.timedelta(days=90)) is InvoiceStatus.PAID


def test_as_of_a_past_day(coop, clock, render, invoice):
    """Only the credit notes issued and the payments dated until then; an invoice issued
    later owes nothing yet (a payment cannot be dated before its invoice)."""
    _pay(coop, "50", dt.date(2026, 11, 26))  # the day of issue
    later = dt.date(2026, 12, 10)
    _pay(coop, "100", later)
    with coop.write() as uow:
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number="FA-2026-00001",
            reason="erreur",
            clock=_clock(later),
            renderer=render,
            lines=[credit_notes.CreditLine(1, D("100"))],
        )
    before_issue = _figures(coop, dt.date(2026, 11, 25))
    assert (before_issue.gross_cents, before_issue.paid_cents) == (0, 0)
    assert before_issue.balance_cents == 0
    on_issue = _figures(coop, dt.date(2026, 11, 26))
    assert (on_issue.gross_cents, on_issue.credited_cents, on_issue.balance_cents) == (
        46200,
        0,
        41200,
    )
    now = _figures(coop, later)
    assert (now.credited_cents, now.paid_cents, now.balance_cents) == (12000, 15000, 19200)
    assert _figures(coop) == now  # nothing after: the same as everything recorded


def test_the_callers_read_the_same_figures(coop, clock, invoice):
    _pay(coop, "62", clock.today())
    on = invoice.due_date + dt.timedelta(days=12)
    with coop.read() as uow:
        paid = payments.invoice_balance(uow, "FA-2026-00001", on)
        assert (paid.balance, paid.status) == (D("400.00"), InvoiceStatus.OVERDUE)
        assert [b.number for b in payments.overdue_invoices(uow, on)] == ["FA-2026-00001"]
        assert reports.receivables_total(uow, on) == D("400.00")
        assert statements.receivables_total(uow, on) == D("400.00")
        receivables = report_finance.receivables(uow, on, on)
        (row,) = receivables.rows
        assert row["d1_30"] == row["balance"] == D("400.00")
