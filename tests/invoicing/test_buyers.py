"""Buyers on the e-invoicing network: a professional with a SIREN is addressed by it (B2B);
an association without a SIREN is processed as B2C, addressed by its e-mail when it has
one; without one it is still invoiced (its invoice is printed, issue 11)."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from app.core.errors import Conflict
from invoicing import invoices, render, validation
from invoicing.models import IssuedDocument
from tests.invoicing.conftest import USER, book, customer


def _issue(db, clock, ref):
    with db.write() as uow:
        row = invoices.issue_invoice(
            uow,
            user=USER,
            reference=ref,
            clock=clock,
            renderer=render.render,
            check=validation.check_xml,
        )
        return row.number


def test_association_without_siren_is_invoiced_by_e_mail_with_a_valid_e_invoice(coop, clock):
    customer(coop, "C-ASSO", "Les Amis du Bal Folk", email="bureau@balfolk.example")
    number = _issue(coop, clock, book(coop, clock, "C-ASSO", {"LYRE": 1}))
    assert number == "FA-2026-00001"  # check_xml found no problem, or it would refuse


def test_without_siren_nor_e_mail_the_invoice_is_still_issued(coop, clock):
    customer(coop, "C-NOMAIL", "Comité des fêtes", email="")
    number = _issue(coop, clock, book(coop, clock, "C-NOMAIL", {"LYRE": 1}))
    assert number == "FA-2026-00001"  # check_xml found no problem, or it would refuse


def test_a_french_company_without_siren_is_refused_in_french(coop, clock, qapp):
    from app import i18n

    customer(coop, "C-NOSIREN", "Société Anonyme des Fêtes", email="", category="company")
    ref = book(coop, clock, "C-NOSIREN", {"LYRE": 1})
    with pytest.raises(Conflict) as refused:
        _issue(coop, clock, ref)
    try:
        i18n.install("fr")
        text = i18n.message(refused.value)
    finally:
        i18n.install("en")
    assert "SIREN du client" in text
    with coop.read() as uow:
        assert uow.session.exec(select(func.count()).select_from(IssuedDocument)).one() == 0
