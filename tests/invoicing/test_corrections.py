"""Immutability enforced by the database; credit notes; payments and balances; deposits."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlmodel import select

from app.core.clock import PARIS, FixedClock
from app.core.errors import Conflict, DomainError, NotFound, ValidationError
from invoicing import credit_notes, deposits, invoices, issuing, payments
from invoicing.credit_notes import CreditLine
from invoicing.document import Kind
from invoicing.models import DepositStatus, IssuedDocument, Payment
from invoicing.payments import InvoiceStatus
from tests.invoicing.conftest import USER, book

D = Decimal


@pytest.fixture
def invoiced(coop, clock, render):
    """FA-2026-00001: 4 LYRE for 3 days + 2 GAFFER: 360,00 + 25,00 = 385,00 net, 462,00 gross."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 4, "GAFFER": 2})
    with coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
    return ref


def _credit(db, clock, render, lines=None, reason="erreur de quantité"):
    with db.write() as uow:
        return credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number="FA-2026-00001",
            reason=reason,
            clock=clock,
            renderer=render,
            lines=lines,
        ).number


def _balance(db, today):
    with db.read() as uow:
        return payments.invoice_balance(uow, "FA-2026-00001", today)


# --- immutability ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE issued_document SET gross_cents = 1",
        "DELETE FROM issued_document",
        "UPDATE issued_line SET net_cents = 1",
        "DELETE FROM issued_line",
        "UPDATE document_file SET pdf = x'00'",
        "DELETE FROM document_file",
        "UPDATE payment SET amount_cents = 1",
        "DELETE FROM payment",
    ],
)
def test_the_database_refuses_to_change_issued_rows(coop, clock, invoiced, db_path, sql):
    with coop.write() as uow:
        payments.add_payment(
            uow, user=USER, invoice_number="FA-2026-00001", amount="10", clock=clock
        )
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="issued documents are immutable"):
            conn.execute(sql)
    finally:
        conn.close()
    with coop.read() as uow:
        assert issuing.verify_chain(uow) == []
        assert uow.session.exec(select(func.count()).select_from(Payment)).one() == 1


def test_tampered_bytes_break_the_chain_check(coop, clock, invoiced, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER document_file_no_update")  # what an attacker would do
    conn.execute("UPDATE document_file SET pdf = x'255044460a'")
    conn.commit()
    conn.close()
    with coop.read() as uow:
        assert issuing.verify_chain(uow) == ["FA-2026-00001"]


# --- credit notes ----------------------------------------------------------------------------


def test_full_credit_note_cites_the_invoice(coop, clock, render, invoiced):
    assert _credit(coop, clock, render) == "AV-2026-00001"
    with coop.read() as uow:
        doc = invoices.issued_document(uow, "AV-2026-00001")
    assert doc.kind is Kind.CREDIT_NOTE
    assert (doc.cited_number, doc.cited_date) == ("FA-2026-00001", dt.date(2026, 11, 26))
    assert doc.gross_total == D("462.00") and doc.notes == ("Motif : erreur de quantité",)
    assert _balance(coop, clock.today()).balance == D("0.00")
    with pytest.raises(Conflict, match="already fully credited"):
        _credit(coop, clock, render)


def test_partial_credit_notes_up_to_the_remaining_amount(coop, clock, render, invoiced):
    assert _credit(coop, clock, render, [CreditLine(1, "100")]) == "AV-2026-00001"
    with coop.read() as uow:
        doc = invoices.issued_document(uow, "AV-2026-00001")
    assert [(ln.description[:14], ln.net) for ln in doc.lines] == [("Avoir partiel ", D("100.00"))]
    assert doc.gross_total == D("120.00")
    with pytest.raises(Conflict, match="260.00 left to credit"):
        _credit(coop, clock, render, [CreditLine(1, "260.01")])
    with pytest.raises(ValidationError, match="no line 9"):
        _credit(coop, clock, render, [CreditLine(9)])
    with pytest.raises(DomainError, match="reason cannot be empty"):
        _credit(coop, clock, render, reason=" ")
    with pytest.raises(NotFound), coop.write() as uow:
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number="FA-2026-00099",
            reason="x",
            clock=clock,
            renderer=render,
        )
    assert _credit(coop, clock, render) == "AV-2026-00002"  # the rest: 260 + 25 net
    with coop.read() as uow:
        assert invoices.issued_document(uow, "AV-2026-00002").gross_total == D("342.00")
        assert credit_notes.remaining_creditable(
            uow, issuing.issued_by_number(uow, "FA-2026-00001")
        ) == D("0.00")


# --- payments --------------------------------------------------------------------------------


def test_payments_balance_status_and_reversal(coop, clock, invoiced):
    today = clock.today()
    assert _balance(coop, today).status is InvoiceStatus.ISSUED
    with coop.write() as uow:
        p = payments.add_payment(
            uow,
            user=USER,
            invoice_number="fa-2026-00001",
            amount="400,00",
            method="cheque",
            clock=clock,
        )
    b = _balance(coop, today)
    assert (b.paid, b.balance, b.status) == (D("400.00"), D("62.00"), InvoiceStatus.ISSUED)
    later = today + dt.timedelta(days=31)
    assert _balance(coop, later).status is InvoiceStatus.OVERDUE
    with coop.read() as uow:
        assert [o.number for o in payments.overdue_invoices(uow, later)] == ["FA-2026-00001"]
        assert payments.overdue_invoices(uow, today) == []
    with pytest.raises(Conflict, match="62.00 left to pay"), coop.write() as uow:
        payments.add_payment(
            uow, user=USER, invoice_number="FA-2026-00001", amount="62.01", clock=clock
        )
    with coop.write() as uow:
        payments.reverse_payment(uow, user=USER, payment_id=p.id, clock=clock)
    assert _balance(coop, today).balance == D("462.00")
    with pytest.raises(Conflict, match="already reversed"), coop.write() as uow:
        payments.reverse_payment(uow, user=USER, payment_id=p.id, clock=clock)
    with coop.write() as uow:
        payments.add_payment(
            uow,
            user=USER,
            invoice_number="FA-2026-00001",
            amount="462",
            method="virement",
            clock=clock,
        )
    assert _balance(coop, later).status is InvoiceStatus.PAID


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"invoice_number": "FA-2026-00002"}, "No issued invoice has the number FA-2026-00002"),
        ({"amount": "0"}, "more than zero"),
        ({"amount": "abc"}, "not an amount"),
        ({"method": "bitcoin"}, "Unknown method"),
        ({"method": "caution"}, "Unknown method"),
        ({"date": "2026-12-01"}, "future"),
    ],
)
def test_payment_refusals_write_nothing(coop, clock, invoiced, kwargs, error):
    args = {"invoice_number": "FA-2026-00001", "amount": "10", "method": "carte", **kwargs}
    with pytest.raises(DomainError, match=error), coop.write() as uow:
        payments.add_payment(uow, user=USER, clock=clock, **args)
    with coop.read() as uow:
        assert uow.session.exec(select(func.count()).select_from(Payment)).one() == 0


def test_payment_on_a_draft_or_a_credit_note_is_refused(coop, clock, render):
    ref = book(coop, clock, "C-PUB", {"LYRE": 1})
    with coop.read() as uow:
        draft = invoices.draft_invoice(uow, ref, clock)
    assert draft.number == ""  # a draft has no number to pay against
    with pytest.raises(NotFound), coop.write() as uow:
        payments.add_payment(uow, user=USER, invoice_number=draft.number, amount="1", clock=clock)
    with coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
    _credit(coop, clock, render)
    with pytest.raises(NotFound), coop.write() as uow:
        payments.add_payment(
            uow, user=USER, invoice_number="AV-2026-00001", amount="1", clock=clock
        )


# --- deposits --------------------------------------------------------------------------------


def test_deposit_required_held_returned(coop, clock, invoiced):
    with coop.write() as uow:
        assert deposits.required_deposit(uow, invoiced) == D("2000.00")  # 4 × 500
        dep = deposits.record_deposit(
            uow, user=USER, reference=invoiced, amount="2000", method="cheque", clock=clock
        )
        assert deposits.held_total(uow, invoiced) == D("2000.00")
    with coop.write() as uow:
        deposits.return_deposit(uow, user=USER, deposit_id=dep.id, clock=clock)
    with pytest.raises(Conflict, match="already returned"), coop.write() as uow:
        deposits.return_deposit(uow, user=USER, deposit_id=dep.id, clock=clock)
    with coop.read() as uow:
        assert deposits.held_total(uow, invoiced) == D("0.00")
        # never revenue: no invoice line, the invoice total is unchanged
        assert invoices.issued_document(uow, "FA-2026-00001").gross_total == D("462.00")


def test_retained_deposit_settles_the_invoice(coop, clock, invoiced):
    with coop.write() as uow:
        dep = deposits.record_deposit(
            uow, user=USER, reference=invoiced, amount="300", method="cheque", clock=clock
        )
    with coop.write() as uow:
        kept = deposits.retain_deposit(
            uow, user=USER, deposit_id=dep.id, invoice_number="FA-2026-00001", clock=clock
        )
    assert kept.status == DepositStatus.RETAINED and kept.retained_cents == 30000
    b = _balance(coop, clock.today())
    assert (b.paid, b.balance) == (D("300.00"), D("162.00"))
    with coop.read() as uow:
        (p,) = payments.payments_of(uow, "FA-2026-00001")
        assert (p.method, p.deposit_id) == ("caution", dep.id)


def test_deposit_refusals(coop, clock, render, invoiced):
    other = book(coop, clock, "C-MEM", {"LYRE": 1})
    with coop.write() as uow:
        dep = deposits.record_deposit(
            uow, user=USER, reference=other, amount="500", method="cheque", clock=clock
        )
    with pytest.raises(Conflict, match="not for the booking"), coop.write() as uow:
        deposits.retain_deposit(
            uow, user=USER, deposit_id=dep.id, invoice_number="FA-2026-00001", clock=clock
        )
    with pytest.raises(DomainError, match="more than zero"), coop.write() as uow:
        deposits.record_deposit(
            uow, user=USER, reference=other, amount="0", method="cheque", clock=clock
        )
    with coop.read() as uow:
        assert uow.session.exec(select(func.count()).select_from(Payment)).one() == 0
        assert deposits.deposits_of(uow, other)[0].status == DepositStatus.HELD


def test_numbering_restarts_each_year(coop, clock, render):
    with coop.write() as uow:
        assert issuing.next_number(uow, "FA", 2026) == ("FA-2026-00001", 1)
        assert issuing.next_number(uow, "FA", 2027) == ("FA-2027-00001", 1)
        uow.session.rollback()
    ref = book(
        coop,
        clock,
        "C-PUB",
        {"LYRE": 1},
        start="2027-01-04T09:00",
        end="2027-01-06T09:00",
        use_start=None,
        use_end=None,
    )
    jan = FixedClock(dt.datetime(2027, 1, 7, 9, 0, tzinfo=PARIS))
    with coop.write() as uow:
        row = invoices.issue_invoice(uow, user=USER, reference=ref, clock=jan, renderer=render)
    assert row.number == "FA-2027-00001"
    with coop.read() as uow:
        assert uow.session.exec(select(func.count()).select_from(IssuedDocument)).one() == 1
