"""Credit notes by line (issue 11): a partial credit note picks the invoice lines it
cancels and, per line, a quantity of its units or an amount excl. VAT; its lines copy the
invoice line (description, unit, unit price, VAT); its nature (BT-23) follows its own lines;
each line stores what it cancels (covers, units) so the booking can be invoiced again.
The Factur-X XML of each credit note is validated (XSD, EN 16931, FR-CTC) and read back
with lxml."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree
from sqlmodel import select

from app.core.errors import Conflict, ValidationError
from invoicing import charges, credit_notes, invoices, issuing, render, validation
from invoicing.credit_notes import CreditLine
from invoicing.document import Nature
from invoicing.models import IssuedDocument, IssuedLine
from tests.invoicing.conftest import USER, book

D = Decimal
NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
}
INVOICE = "FA-2026-00001"


@pytest.fixture
def invoiced(coop, clock):
    """FA-2026-00001: line 1 = 4 LYRE for 3 days (90,00 each: 360,00), line 2 = 2 GAFFER
    sold (12,50 each: 25,00); net 385,00, gross 462,00; nature mixed."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 4, "GAFFER": 2})
    with coop.write() as uow:
        row = invoices.issue_invoice(
            uow,
            user=USER,
            reference=ref,
            clock=clock,
            renderer=render.render,
            check=validation.check_xml,
        )
        assert row.number == INVOICE
    return ref


def credit(db, clock, lines, reason="erreur de quantité", real=True, fake=None):
    with db.write() as uow:
        row = credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number=INVOICE,
            reason=reason,
            clock=clock,
            renderer=render.render if real else fake,
            lines=lines,
            check=validation.check_xml if real else None,
        )
        return row.number


def stored(db, number):
    """(frozen document, XML root, stored lines) of an issued document."""
    with db.read() as uow:
        row = issuing.issued_by_number(uow, number)
        xml = issuing.files_of(uow, row.id).xml
        lines = list(
            uow.session.exec(
                select(IssuedLine)
                .where(IssuedLine.document_id == row.id)
                .order_by(IssuedLine.position)
            )
        )
        return issuing.frozen_document(row), xml, lines


def xpath(root, path):
    return root.xpath(path, namespaces=NS)


def test_a_quantity_of_a_line_copies_it_and_the_nature_follows_the_lines(coop, clock, invoiced):
    invoice, _, invoice_rows = stored(coop, INVOICE)
    assert invoice.nature is Nature.MIXED

    goods = credit(coop, clock, [CreditLine(2, quantity=1)])  # 1 of the 2 gaffer rolls
    doc, xml, rows = stored(coop, goods)
    assert validation.check_xml(xml) == []
    line = doc.lines[0]
    sold = invoice.lines[1]
    assert (line.description, line.unit, line.unit_price, line.vat_rate, line.vat_category) == (
        sold.description,
        sold.unit,
        sold.unit_price,
        sold.vat_rate,
        sold.vat_category,
    )
    assert (line.quantity, line.net, doc.gross_total) == (D(1), D("12.50"), D("15.00"))
    assert doc.nature is Nature.GOODS
    root = etree.fromstring(xml)
    assert xpath(root, "//rsm:ExchangedDocument/ram:TypeCode/text()") == ["381"]
    assert xpath(root, "//ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID/text()") == [
        "B1"
    ]
    cited = "//ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument"
    assert xpath(root, f"{cited}/ram:IssuerAssignedID/text()") == [INVOICE]  # BT-25
    assert xpath(root, f"{cited}/ram:FormattedIssueDateTime/qdt:DateTimeString/text()") == [
        "20261126"  # BT-26
    ]
    assert xpath(root, "//ram:BilledQuantity/text()") == ["1"]
    assert xpath(root, "//ram:BilledQuantity/@unitCode") == ["H87"]
    assert [(r.covers, r.covered_quantity, r.credits_position) for r in rows] == [
        (invoice_rows[1].covers, 1, 2)
    ]

    rental = credit(coop, clock, [CreditLine(1, quantity=2)])  # 2 of the 4 lights
    doc, xml, rows = stored(coop, rental)
    assert validation.check_xml(xml) == []
    assert doc.nature is Nature.SERVICES
    assert [(ln.description, ln.quantity, ln.unit_price, ln.net) for ln in doc.lines] == [
        ("Lyre wash LED — location 3 jours", D(2), D("90.00"), D("180.00"))
    ]
    assert doc.lines[0].detail == "2 × 3 jours (coef. 2,0) × 45,00\u00a0€"
    root = etree.fromstring(xml)
    assert xpath(root, "//ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID/text()") == [
        "S1"
    ]
    assert xpath(root, "//ram:BilledQuantity/text()") == ["2"]
    assert xpath(
        root, "//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount/text()"
    ) == ["180.00"]
    assert [(r.covers, r.covered_quantity) for r in rows] == [(invoice_rows[0].covers, 2)]

    with coop.read() as uow:
        left = credit_notes.creditable(uow, INVOICE)
        assert [(c.left_units, c.left, c.credited) for c in left] == [
            (2, D("180.00"), D("180.00")),
            (1, D("12.50"), D("12.50")),
        ]
        booking = invoices.invoices_of_booking(uow, invoiced)[0].booking_id
        # the cancelled units are not covered any more (charges.covered_so_far, helper F)
        assert charges.covered_so_far(uow, booking)[invoice_rows[0].covers] == 2


def test_several_lines_quantities_and_amounts_in_one_credit_note(coop, clock, invoiced):
    number = credit(
        coop,
        clock,
        [CreditLine(1, quantity=1), CreditLine(1, amount="10"), CreditLine(2)],
        reason="un projecteur en panne, geste commercial, gaffer rendu",
    )
    doc, xml, rows = stored(coop, number)
    assert validation.check_xml(xml) == []
    assert [(ln.description, ln.quantity, ln.net) for ln in doc.lines] == [
        ("Lyre wash LED — location 3 jours", D(1), D("90.00")),
        ("Avoir partiel : Lyre wash LED — location 3 jours", D(1), D("10.00")),
        ("Gaffer noir 50 mm — vente", D(2), D("25.00")),
    ]
    assert doc.nature is Nature.MIXED
    assert (doc.net_total, doc.vat_total, doc.gross_total) == (D("125.00"), D("25.00"), D("150.00"))
    assert [(r.covered_quantity, r.credits_position) for r in rows] == [(1, 1), (0, 1), (2, 2)]
    root = etree.fromstring(xml)
    assert xpath(root, "//ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID/text()") == [
        "M1"
    ]
    assert xpath(root, "//ram:BilledQuantity/text()") == ["1", "1", "2"]
    # "all that is left" after an amount: an amount line that cancels the last 3 units
    last = credit(coop, clock, [CreditLine(1)])
    doc, xml, rows = stored(coop, last)
    assert validation.check_xml(xml) == []
    assert [(ln.description, ln.net, ln.detail) for ln in doc.lines] == [
        (
            "Avoir partiel : Lyre wash LED — location 3 jours",
            D("260.00"),
            "solde de la ligne : 3 sur 4",
        )
    ]
    assert rows[0].covered_quantity == 3
    with coop.read() as uow:
        row = issuing.issued_by_number(uow, INVOICE)
        assert credit_notes.remaining_creditable(uow, row) == D("0.00")
        assert charges.covered_so_far(uow, row.booking_id) == {}


def test_the_last_units_take_what_is_left_to_the_cent(coop, clock, render):
    """3 units at 33,3333…: 1 + 1 + 1 credited by quantity add up to the line's net."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 3})
    with coop.write() as uow:
        line = invoices.draft_invoice(uow, ref, clock).lines[0]
        odd = dataclasses.replace(line, unit_price=D("33.3333"), net=D("100.00"))
        invoices.issue_invoice(
            uow, user=USER, reference=ref, clock=clock, renderer=render, lines_override=[odd]
        )
    nets = []
    for _ in range(3):
        number = credit(coop, clock, [CreditLine(1, quantity=1)], real=False, fake=render)
        nets.append(stored(coop, number)[0].lines[0].net)
    assert nets == [D("33.33"), D("33.33"), D("33.34")]
    with pytest.raises(Conflict, match="already fully credited"):
        credit(coop, clock, [CreditLine(1, quantity=1)], real=False, fake=render)


@pytest.mark.parametrize(
    ("lines", "error", "text"),
    [
        ([CreditLine(1, quantity=5)], Conflict, r"4 unit\(s\) left to credit of its 4; 5 asked"),
        ([CreditLine(1, quantity=3), CreditLine(1, quantity=2)], Conflict, "1 unit.* of its 4;"),
        ([CreditLine(1), CreditLine(1)], ValidationError, "Line 1 is named twice"),
        ([CreditLine(1, quantity=1), CreditLine(1)], ValidationError, "Line 1 is named twice"),
        ([CreditLine(1), CreditLine(1, amount="5")], ValidationError, "Line 1 is named twice"),
        ([CreditLine(1, quantity=2, amount="5")], ValidationError, "not both"),
        ([CreditLine(3)], ValidationError, "has no line 3"),
        ([CreditLine(1, quantity="0")], ValidationError, "at least 1"),
        ([CreditLine(1, quantity="deux")], ValidationError, "not a whole number"),
        ([CreditLine(2, amount="25.01")], Conflict, "25.00 left to credit; 25.01 was asked"),
        ([CreditLine(2, amount="0")], ValidationError, "more than zero"),
        ([CreditLine(2, amount="abc")], ValidationError, "not an amount"),
        ([], ValidationError, "at least one line"),
    ],
)
def test_refusals_name_the_line_and_issue_nothing(
    coop, clock, render, invoiced, lines, error, text
):
    with pytest.raises(error, match=text):
        credit(coop, clock, lines, real=False, fake=render)
    with coop.read() as uow:
        assert len(list(uow.session.exec(select(IssuedDocument)))) == 1


def test_a_fully_credited_line_is_refused_and_the_draft_shows_totals(coop, clock, render, invoiced):
    credit(coop, clock, [CreditLine(2)], real=False, fake=render)
    with pytest.raises(Conflict, match="Line 2 of invoice FA-2026-00001 is already fully credited"):
        credit(coop, clock, [CreditLine(2, quantity=1)], real=False, fake=render)
    with coop.read() as uow:
        draft = credit_notes.draft_credit_note(
            uow, invoice_number=INVOICE, reason="x", clock=clock, lines=[CreditLine(1, quantity=1)]
        )
    assert draft.number == "" and draft.gross_total == D("108.00")
    assert draft.cited_number == INVOICE and draft.cited_date == dt.date(2026, 11, 26)
    assert "à déduire du solde de cette facture" in draft.payment_terms
    assert "108,00" in draft.payment_terms
