"""The invoices screen's reads (``invoicing.invoice_queries``), without Qt: the list with
what was paid and what is left, the drafts to invoice, the filters, the selected document."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from invoicing import credit_notes, invoices, payments
from invoicing.invoice_queries import (
    CREDIT,
    UNPAID,
    Filters,
    document_rows,
    draft_rows,
    list_rows,
    read_document,
)
from tests.invoicing.conftest import USER, book


@pytest.fixture
def billed(coop, clock, render):
    """FA-2026-00001 for C-PUB (432,00), 100,00 paid, a credit note of 60,00 incl. VAT;
    a booking of C-MEM confirmed and not invoiced yet; a quote (nothing to invoice)."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 4})
    with coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
        payments.add_payment(
            uow, user=USER, invoice_number="FA-2026-00001", amount="100", clock=clock
        )
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number="FA-2026-00001",
            reason="deux lyres en moins",
            clock=clock,
            renderer=render,
            lines=[credit_notes.CreditLine(1, Decimal("50"))],
        )
    draft = book(coop, clock, "C-MEM", {"LYRE": 2})
    book(coop, clock, "C-PUB", {"LYRE": 1}, confirm=False)
    return ref, draft


def test_documents_with_paid_and_balance(coop, clock, billed):
    with coop.read() as uow:
        credit, invoice = document_rows(uow, clock.today())  # newest first
    assert (invoice.number, invoice.booking, invoice.customer) == (
        "FA-2026-00001",
        billed[0],
        "Compagnie du Rocher",
    )
    assert (invoice.gross_cents, invoice.paid_cents, invoice.balance_cents) == (43200, 10000, 27200)
    assert invoice.status == "issued"
    assert (credit.number, credit.status, credit.cites, credit.gross_cents) == (
        "AV-2026-00001",
        CREDIT,
        "FA-2026-00001",
        6000,
    )
    with coop.read() as uow:
        late = document_rows(uow, invoice.due_date + dt.timedelta(days=1))
    assert late[1].status == "overdue"


def test_drafts_are_the_bookings_left_to_invoice(coop, clock, billed):
    with coop.read() as uow:
        (draft,) = draft_rows(uow, clock)
    assert (draft.key, draft.status, draft.gross_cents, draft.problem) == (
        f"draft:{billed[1]}",
        "draft",
        14400,
        None,
    )


@pytest.mark.parametrize(
    ("filters", "numbers"),
    [
        (Filters(), ["AV-2026-00001", "FA-2026-00001"]),
        (Filters(status=UNPAID), ["FA-2026-00001"]),
        (Filters(status="paid"), []),
        (Filters(status=CREDIT), ["AV-2026-00001"]),
        (Filters(text="rocher fa-2026"), ["AV-2026-00001", "FA-2026-00001"]),  # cites it
        (Filters(text="AV-"), ["AV-2026-00001"]),
        (Filters(text="nobody"), []),
        (Filters(start=dt.date(2026, 11, 27)), []),
        (Filters(status="draft"), [""]),
    ],
)
def test_filters(coop, clock, billed, filters, numbers):
    with coop.read() as uow:
        assert [r.number for r in list_rows(uow, filters, clock)] == numbers
    assert filters.narrowed is (filters != Filters())


def test_the_selected_invoice(coop, clock, billed):
    with coop.read() as uow:
        invoice = next(r for r in document_rows(uow, clock.today()) if r.kind == "invoice")
        doc_id = int(invoice.key.split(":")[1])
        found = read_document(uow, doc_id, invoice.due_date + dt.timedelta(days=12))
    assert found.pdf.startswith(b"%PDF") and found.number == "FA-2026-00001"
    assert (found.balance_cents, found.creditable_cents, found.gross_cents) == (27200, 37200, 43200)
    assert (found.status, found.days_overdue, found.due_date) == ("overdue", 12, invoice.due_date)
    assert [(p.amount_cents, p.reversed) for p in found.payments] == [(10000, False)]
