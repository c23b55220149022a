"""Quotes, drafts and issued invoices from bookings: worked examples computed by hand,
further invoices, refusals that write nothing, the frozen document and its hash chain."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlmodel import select

from app.core.clock import PARIS, FixedClock
from app.core.errors import Conflict, DomainError
from booking import desk
from booking.models import Condition
from inventory.models import Category, Unit
from invoicing import charges, invoices, issuing, rates
from invoicing.document import Kind
from invoicing.models import DocumentFile, IssuedDocument, IssuedLine
from invoicing.serial import from_json, to_json
from tests import factories
from tests.invoicing.conftest import USER, book, customer, set_identity

D = Decimal


def _draft(db, clock, ref):
    with db.read() as uow:
        return invoices.draft_invoice(uow, ref, clock)


def _issue(db, clock, ref, render):
    with db.write() as uow:
        row = invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
        return row.number


def _count(db, model):
    with db.read() as uow:
        return uow.session.exec(select(func.count()).select_from(model)).one()


def test_non_member_three_days(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 4})
    doc = _draft(coop, clock, ref)
    # 4 × 45,00 × coef 2 (3 days) = 360,00; VAT 20 % = 72,00
    assert [(ln.net, ln.vat_rate) for ln in doc.lines] == [(D("360.00"), D("20.00"))]
    assert (doc.net_total, doc.vat_total, doc.gross_total) == (D("360.00"), D("72.00"), D("432.00"))
    assert doc.rate_label == "Tarif non-adhérent"
    assert doc.number == "" and doc.kind is Kind.INVOICE
    assert doc.due_date == clock.today() + dt.timedelta(days=30)
    assert doc.period_start == dt.date(2026, 12, 2) and doc.period_end == dt.date(2026, 12, 4)
    assert "40 €" in doc.payment_terms and "26/12/2026" in doc.payment_terms
    assert doc.deposit_note == "Caution demandée : 2\u202f000,00\u00a0€ — non facturée"


def test_member_rate_only_when_membership_covers_the_dates(coop, clock):
    ref = book(coop, clock, "C-MEM", {"LYRE": 4})
    doc = _draft(coop, clock, ref)
    assert doc.lines[0].net == D("240.00")  # 4 × 30,00 × 2
    assert doc.rate_label == "Tarif adhérent (sociétaire S-C-MEM)"
    customer(coop, "C-LATE", "Nouveaux venus", member_from="2026-12-03")
    late = book(coop, clock, "C-LATE", {"LYRE": 1})
    assert _draft(coop, clock, late).rate_label == "Tarif non-adhérent"


def test_weekend_is_one_day(coop, clock):
    ref = book(
        coop,
        clock,
        "C-PUB",
        {"LYRE": 2},
        start="2026-12-04T14:00",
        end="2026-12-07T10:00",
        use_start=None,
        use_end=None,
    )
    doc = _draft(coop, clock, ref)
    assert doc.lines[0].net == D("90.00")  # 2 × 45,00 × coef 1
    with coop.write() as uow:
        rates.set_weekend_rule(uow, user=USER, enabled=True, out_from="15:00", back_by="12:00")
    doc = _draft(coop, clock, ref)
    assert doc.lines[0].net == D("225.00")  # 4 days of use: coef 2,5


def test_ten_day_rental(coop, clock):
    ref = book(
        coop,
        clock,
        "C-PUB",
        {"LYRE": 1},
        start="2026-11-30T09:00",
        end="2026-12-12T09:00",
        use_start="2026-12-01T00:00",
        use_end="2026-12-11T00:00",
    )
    doc = _draft(coop, clock, ref)
    # 1 × 45,00 × 4,25 = 191,25; VAT 38,25
    assert (doc.net_total, doc.vat_total, doc.gross_total) == (D("191.25"), D("38.25"), D("229.50"))
    assert "coef. 4,25" in doc.lines[0].detail


def test_mixed_vat_rates_discounts_and_a_consumable(coop, clock):
    factories.item(coop, "LIVRET", "Livret technique", Category.STAGING)
    factories.unit(coop, clock, "LIVRET")
    with coop.write() as uow:
        rates.set_item_rate(
            uow, user=USER, item_code="LIVRET", member_day="8", non_member_day="10", vat_rate="5.5"
        )
    ref = book(coop, clock, "C-PUB", {"LYRE": 4, "LIVRET": 1, "GAFFER": 3})
    with coop.write() as uow:
        rates.set_line_discount(uow, user=USER, reference=ref, item_code="LYRE", discount="10")
        rates.set_booking_pricing(uow, user=USER, reference=ref, discount="5")
    doc = _draft(coop, clock, ref)
    nets = {ln.item_code: ln.net for ln in doc.lines}
    # LYRE 4 × 45 × 2 × 0,90 × 0,95 = 307,80; LIVRET 10 × 2 × 0,95 = 19,00 (5,5 %);
    # GAFFER 3 × 12,50 = 37,50 (goods, no booking discount)
    assert nets == {"LYRE": D("307.80"), "LIVRET": D("19.00"), "GAFFER": D("37.50")}
    vat = {v.rate: (v.base, v.amount) for v in doc.vat}
    assert vat == {D("20.00"): (D("345.30"), D("69.06")), D("5.50"): (D("19.00"), D("1.05"))}
    assert doc.net_total == D("364.30") and doc.vat_total == D("70.11")
    assert doc.gross_total == D("434.41")
    assert doc.nature == "M"
    assert [ln.is_goods for ln in doc.lines] == [False, False, True]


def test_minimum_charge_on_the_first_invoice(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 1})
    with coop.write() as uow:
        rates.set_booking_pricing(uow, user=USER, reference=ref, minimum="150")
    doc = _draft(coop, clock, ref)
    assert [ln.net for ln in doc.lines] == [D("90.00"), D("60.00")]
    assert doc.lines[1].description.startswith("Complément au minimum")


def test_coefficient_overrides(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 1})
    with coop.write() as uow:
        rates.save_coefficient_table(
            uow, user=USER, name="Lumière", steps={1: "1", 2: "1.8", 3: "2.4"}
        )
        rates.set_family_table(uow, user=USER, family="lighting", table_name="Lumière")
    assert _draft(coop, clock, ref).lines[0].net == D("108.00")  # 45 × 2,4
    with coop.write() as uow:
        rates.set_booking_pricing(uow, user=USER, reference=ref, fixed_coefficient="1.5")
    assert _draft(coop, clock, ref).lines[0].net == D("67.50")


def test_quote_has_a_validity_date_and_no_payment_terms(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 4}, confirm=False)
    with coop.read() as uow:
        doc = invoices.quote_document(uow, ref, clock)
    assert doc.kind is Kind.QUOTE and doc.number == f"D-{ref}"
    assert doc.validity_date == dt.date(2026, 12, 26)
    assert doc.gross_total == D("432.00") and doc.payment_terms == ""
    with pytest.raises(Conflict, match="only a confirmed, out or returned"), coop.read() as uow:
        invoices.draft_invoice(uow, ref, clock)


def test_issue_numbers_freezes_and_chains(coop, clock, render):
    first = _issue(coop, clock, book(coop, clock, "C-PUB", {"LYRE": 4}), render)
    second = _issue(coop, clock, book(coop, clock, "C-MEM", {"LYRE": 1}), render)
    assert (first, second) == ("FA-2026-00001", "FA-2026-00002")
    with coop.write() as uow:  # the customer renames itself: the invoice keeps the old name
        c = charges.customer_of(uow, uow.session.get(IssuedDocument, 1))  # type: ignore[arg-type]
        c.name = "Rocher SAS"
    with coop.read() as uow:
        doc = invoices.issued_document(uow, first)
        assert doc.buyer.name == "Compagnie du Rocher" and doc.number == first
        assert from_json(to_json(doc)) == doc
        assert issuing.verify_chain(uow) == []
        files = list(uow.session.exec(select(DocumentFile).order_by(DocumentFile.document_id)))
        assert files[0].prev_chain_hash == issuing.GENESIS
        assert files[1].prev_chain_hash == files[0].chain_hash
        assert files[0].pdf == render(doc).pdf  # the exact bytes


def test_further_invoice_charges_only_what_is_new(coop, clock, render):
    ref = book(coop, clock, "C-PUB", {"LYRE": 2}, end="2026-12-05T18:00")
    _issue(coop, clock, ref, render)
    with pytest.raises(Conflict, match="already been invoiced"):
        _draft(coop, clock, ref)
    out_clock = FixedClock(dt.datetime(2026, 12, 1, 9, 30, tzinfo=PARIS))
    with coop.read() as uow:
        codes = [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))][:2]
    for code in codes:
        with coop.write() as uow:
            assert desk.check_out(uow, user=USER, reference=ref, code=code, clock=out_clock).ok
    back = FixedClock(dt.datetime(2026, 12, 7, 10, 0, tzinfo=PARIS))  # two days late
    with coop.write() as uow:
        desk.check_in(uow, user=USER, code=codes[0], condition=Condition.DAMAGED, clock=back)
        desk.check_in(uow, user=USER, code=codes[1], condition=Condition.MISSING, clock=back)
    with pytest.raises(DomainError, match="1 came back damaged"), coop.write() as uow:
        charges.record_damage_charge(
            uow,
            user=USER,
            reference=ref,
            item_code="LYRE",
            amount="85",
            description="x",
            quantity=2,
            clock=back,
        )
    with coop.write() as uow:
        charges.record_damage_charge(
            uow,
            user=USER,
            reference=ref,
            item_code="LYRE",
            amount="85,00",
            description="lentille fêlée",
            clock=back,
        )
    doc = _draft(coop, back, ref)
    got = [(ln.description, ln.quantity, ln.net) for ln in doc.lines]
    assert got == [
        ("Lyre wash LED — perte (valeur de remplacement)", D(1), D("1200.00")),
        ("Lyre wash LED — dommage : lentille fêlée", D(1), D("85.00")),
        ("Lyre wash LED — retard de restitution", D(2), D("90.00")),  # 1 piece × 2 days × 45
    ]
    assert doc.lines[1].detail == "1 pièce"  # French, like every line text
    assert doc.gross_total == D("1650.00")  # 1375 + 275 VAT
    number = _issue(coop, back, ref, render)
    assert number == "FA-2026-00002"
    with pytest.raises(Conflict, match="already been invoiced"):
        _draft(coop, back, ref)


def test_lines_override_and_free_lines(coop, clock, render):
    ref = book(coop, clock, "C-PUB", {"LYRE": 2})
    draft = _draft(coop, clock, ref)
    with coop.write() as uow:
        row = invoices.issue_invoice(
            uow,
            user=USER,
            reference=ref,
            clock=clock,
            renderer=render,
            lines_override=list(draft.lines),
        )
        covers = list(
            uow.session.exec(select(IssuedLine.covers).where(IssuedLine.document_id == row.id))
        )
    assert covers == [f"rental:{1}"]


@pytest.mark.parametrize(
    ("override", "missing"),
    [
        ({"cooperative.siret": ""}, "seller SIRET"),
        ({"cooperative.iban": "", "cooperative.vat": ""}, "seller VAT number, seller IBAN"),
        ({"cooperative.address": "12 rue des Tanneurs"}, "seller postcode and city"),
    ],
)
def test_refused_without_a_mandatory_seller_mention(coop, clock, render, override, missing):
    ref = book(coop, clock, "C-PUB", {"LYRE": 1})
    set_identity(coop, **override)
    with pytest.raises(Conflict, match=missing), coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
    assert _count(coop, IssuedDocument) == 0 and _count(coop, DocumentFile) == 0
    set_identity(coop)
    assert _issue(coop, clock, ref, render) == "FA-2026-00001"  # no number was lost


def test_refused_for_a_company_without_siren_and_a_buyer_without_address(coop, clock, render):
    customer(coop, "C-CO", "Sono Services", category="company")
    ref = book(coop, clock, "C-CO", {"LYRE": 1})
    with pytest.raises(Conflict, match="customer SIREN"), coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
    customer(
        coop,
        "C-IND",
        "Jean Martin",
        kind="person",
        category="individual",
        address="",
        postcode="",
        city="",
    )
    ref2 = book(coop, clock, "C-IND", {"LYRE": 1})
    with pytest.raises(Conflict, match="customer address"), coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref2, clock=clock, renderer=render)
    assert _count(coop, IssuedDocument) == 0


def test_individuals_get_no_business_penalty_mentions(coop, clock):
    customer(coop, "C-IND", "Jean Martin", kind="person", category="individual")
    doc = _draft(coop, clock, book(coop, clock, "C-IND", {"LYRE": 1}))
    assert "40 €" not in doc.payment_terms and doc.buyer.is_business is False


def test_refused_while_a_quote_and_without_rates(coop, clock, render):
    ref = book(coop, clock, "C-PUB", {"LYRE": 1}, confirm=False)
    with pytest.raises(Conflict, match="is quote"), coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
    factories.item(coop, "PAR", "PAR 64", Category.LIGHTING)
    factories.unit(coop, clock, "PAR")
    ref2 = book(coop, clock, "C-PUB", {"PAR": 1})
    with pytest.raises(Conflict, match="No day rate is set for PAR 64"), coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref2, clock=clock, renderer=render)
    assert _count(coop, IssuedDocument) == 0


def test_a_renderer_failure_writes_nothing(coop, clock, render):
    ref = book(coop, clock, "C-PUB", {"LYRE": 1})

    def broken(document):
        raise RuntimeError("no font")

    with pytest.raises(RuntimeError), coop.write() as uow:
        invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=broken)
    assert _count(coop, IssuedDocument) == 0
    assert _issue(coop, clock, ref, render) == "FA-2026-00001"


def test_the_real_renderer_when_present(coop, clock):
    render_module = pytest.importorskip("invoicing.render")
    ref = book(coop, clock, "C-PUB", {"LYRE": 4, "GAFFER": 2})
    with coop.write() as uow:
        row = invoices.issue_invoice(
            uow, user=USER, reference=ref, clock=clock, renderer=render_module.render
        )
    with coop.read() as uow:
        f = issuing.files_of(uow, row.id)  # type: ignore[arg-type]
        assert f.pdf.startswith(b"%PDF") and f.xml and b"FA-2026-00001" in f.xml
        assert issuing.verify_chain(uow) == []
