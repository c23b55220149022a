"""The invoices screen's list read in two steps (ids, then rows by block) says exactly what
the whole list said: same documents, same order, same figures, for every filter; the drafts
computed chunk by chunk are the drafts, in the same order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from invoicing import credit_notes, invoice_list, invoices, payments
from invoicing.invoice_queries import CREDIT, UNPAID, Filters, list_rows
from tests.invoicing.conftest import USER, book, coop, customer, render  # noqa: F401

pytestmark = pytest.mark.both_engines

FILTERS = [
    Filters(),
    Filters(status="issued"),
    Filters(status="paid"),
    Filters(status="overdue"),
    Filters(status=UNPAID),
    Filters(status=CREDIT),
    Filters(text="fa-2026-00002"),
    Filters(text="rocher lyre"),
    Filters(text="nobody"),
    Filters(start=dt.date(2026, 11, 26), end=dt.date(2026, 11, 26)),
    Filters(start=dt.date(2026, 12, 1)),
]


@pytest.fixture
def history(coop, clock, render):  # noqa: F811
    """Three invoices (one paid, one partly credited), a credit note, and two bookings to
    invoice (one quote, not to invoice)."""
    numbers, grosses = [], []
    for who, lines in (("C-PUB", {"LYRE": 2}), ("C-MEM", {"LYRE": 1}), ("C-PUB", {"GAFFER": 3})):
        ref = book(coop, clock, who, lines)
        with coop.write() as uow:
            row = invoices.issue_invoice(
                uow, user=USER, reference=ref, clock=clock, renderer=render
            )
            numbers.append(row.number)
            grosses.append(row.gross_cents)
    with coop.write() as uow:
        payments.add_payment(
            uow,
            user=USER,
            invoice_number=numbers[1],
            amount=D(grosses[1]) / 100,  # paid in full
            date=clock.today(),
            clock=clock,
        )
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number=numbers[0],
            reason="erreur",
            clock=clock,
            renderer=render,
            lines=[credit_notes.CreditLine(1, D("10"))],
        )
    book(coop, clock, "C-MEM", {"LYRE": 1, "GAFFER": 1}, start="2026-12-10T09:00",
         end="2026-12-12T18:00", use_start=None, use_end=None)  # fmt: skip
    book(coop, clock, "C-PUB", {"LYRE": 1}, confirm=False)
    return coop


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_documents_by_block_are_the_whole_list(history, clock, filters) -> None:
    today = clock.today()
    for day in (today, today + dt.timedelta(days=60)):  # issued, then overdue
        at = type(clock)(clock.now().replace(year=day.year, month=day.month, day=day.day))
        with history.read() as uow:
            whole = list_rows(uow, filters, at)
            found = invoice_list.document_list(uow, filters, day)
            rows = {}
            for first in range(0, len(found.ids), 2):  # blocks of two
                rows.update(invoice_list.document_rows(uow, found.ids[first : first + 2], day))
        assert [rows[i] for i in found.ids] == whole
        assert found.left_cents == sum(r.balance_cents or 0 for r in whole)


def test_every_kind_and_status_is_listed(history, clock) -> None:
    with history.read() as uow:
        found = invoice_list.document_list(uow, Filters(), clock.today())
        rows = invoice_list.document_rows(uow, found.ids, clock.today())
    assert sorted({r.status for r in rows.values()}) == ["credit_note", "issued", "paid"]


def test_drafts_by_chunk_are_the_drafts(history, clock) -> None:
    for filters in (Filters(status="draft"), Filters(status="draft", text="r-2026")):
        with history.read() as uow:
            whole = list_rows(uow, filters, clock)
            candidates = invoice_list.draft_candidates(uow, filters)
            chunks = [
                invoice_list.drafts_of(uow, candidates[first : first + 1], clock)
                for first in range(0, len(candidates), 1)
            ]
        assert [row for chunk in chunks for row in chunk.values()] == whole
        assert len(whole) == 1  # the invoiced ones and the quote are not drafts
