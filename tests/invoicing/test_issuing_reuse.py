"""Issuing through ``issuing.issue`` drafts an invoice once when nothing changes: the write
transaction takes back what the rehearsal prepared if no write was committed since the
rehearsal began (the audit trail's last id is the one it read first). Anything committed
in between — here a setting the invoice prints — makes the write draft again from what
the database holds then, so the stored invoice is never the stale rehearsal.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from app.core import settings
from invoicing import integrity, invoices, issuing, rates
from invoicing.models import IssuedDocument
from tests.invoicing.conftest import USER, book, fake_render

pytestmark = pytest.mark.both_engines


def _issue(db, clock, ref, stats, between=None):
    calls = []

    def action(uow):
        calls.append(1)
        try:
            return invoices.issue_invoice(
                uow, user=USER, reference=ref, clock=clock, renderer=fake_render
            )
        finally:
            if between is not None and len(calls) == 1:  # after the first rehearsal
                between()

    return issuing.issue(db, action, stats=stats)


def test_a_quiet_issue_stores_the_rehearsed_invoice_drafted_once(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 2, "GAFFER": 3})
    with coop.read() as uow:
        drafted = invoices.draft_invoice(uow, ref, clock)
    stats = issuing.IssueStats()
    row = _issue(coop, clock, ref, stats)
    assert (stats.rehearsals, stats.reused, stats.locked_renders) == (1, 1, 0)
    assert row.number == "FA-2026-00001"
    with coop.read() as uow:
        issued = invoices.issued_document(uow, row.number)
        assert issued.lines == drafted.lines
        assert issued.gross_total == drafted.gross_total == row.gross_cents / 100
        assert integrity.verify(uow).intact


def test_a_setting_changed_after_the_rehearsal_is_on_the_stored_invoice(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 2})

    def payment_days_change():
        with coop.write() as uow:
            settings.set_setting(uow, rates.PAYMENT_DAYS, "45")

    stats = issuing.IssueStats()
    row = _issue(coop, clock, ref, stats, between=payment_days_change)
    assert row.due_date == clock.today() + dt.timedelta(days=45)
    assert stats.rehearsals == 2  # the first rehearsal's invoice said 30 days: done again
    with coop.read() as uow:
        issued = invoices.issued_document(uow, row.number)
        assert issued.due_date == clock.today() + dt.timedelta(days=45)
        assert "Échéance : " + (clock.today() + dt.timedelta(days=45)).strftime("%d/%m/%Y") in (
            issued.payment_terms
        )
        assert [r.number for r in uow.session.exec(select(IssuedDocument))] == [row.number]
        assert integrity.verify(uow).intact


def test_another_invoice_issued_meanwhile_takes_the_number_and_ours_the_next(coop, clock):
    mine = book(coop, clock, "C-PUB", {"LYRE": 1})
    other = book(coop, clock, "C-MEM", {"LYRE": 2})

    def another_desk():
        with coop.write() as uow:
            invoices.issue_invoice(
                uow, user=USER, reference=other, clock=clock, renderer=fake_render
            )

    stats = issuing.IssueStats()
    row = _issue(coop, clock, mine, stats, between=another_desk)
    assert row.number == "FA-2026-00002"
    with coop.read() as uow:
        numbers = {r.booking_id: r.number for r in uow.session.exec(select(IssuedDocument))}
        assert sorted(numbers.values()) == ["FA-2026-00001", "FA-2026-00002"]
        assert integrity.verify(uow).intact
