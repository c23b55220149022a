"""VAT treatments from the CLI: a Belgian company with a VAT number (reverse charge, AE),
a German company buying consumables (intra-EU supply, K), a Swiss company (outside the
EU, G), an exempt item type (E), a damage charge outside the scope of VAT (O) and an
individual without an e-mail address. Each invoice is issued with ``regie invoice REF
--out F.pdf``; its embedded XML is read back with facturx + lxml XPath (not with our
serializer), validated (XSD + EN 16931 + FR-CTC) and its printed text read with
pdftotext."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import facturx
import pytest
from lxml import etree

from app.bootstrap import open_context
from app.cli import main
from invoicing import facturx_xml, render, validation, vat_rules
from invoicing.document import Kind, VatCategory
from invoicing.invoices import draft_invoice
from tests.invoicing.conftest import book

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
AGREEMENT = "//ram:ApplicableHeaderTradeAgreement"
BREAKDOWN = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"
ADDRESS = ["--address", "Rue Haute 12", "--city", "Ville", "--postcode", "1000"]


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    return coop


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def add_customer(capsys, number, name, *options):
    status, out, err = run(
        capsys, "customers", "add", "--name", name, "--number", number, *ADDRESS, *options, "--json"
    )
    assert status == 0, err
    return json.loads(out)


def invoice(capsys, tmp_path, ref):
    """(the XML tree read back from the PDF, the XML bytes, the printed text)."""
    pdf = tmp_path / f"{ref}.pdf"
    status, out, err = run(capsys, "invoice", ref, "--out", str(pdf))
    assert status == 0, err
    _name, xml = facturx.get_xml_from_pdf(pdf.read_bytes(), check_xsd=False)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return etree.fromstring(xml), xml, " ".join(text.split())


def texts(tree, path):
    return [str(x) for x in tree.xpath(path, namespaces=NS)]


def test_belgian_company_with_a_vat_number_is_reverse_charged(cli, capsys, tmp_path, clock):
    shown = add_customer(
        capsys, "C-BE", "Théâtre de la Monnaie", "--country", "BE", "--vat", "BE 0403.019.261"
    )
    assert (shown["country"], shown["siren"], shown["vat_number"]) == ("BE", "", "BE0403019261")
    ref = book(cli, clock, "C-BE", {"LYRE": 2})
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    assert texts(
        tree, "//ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode/text()"
    ) == ["AE"]
    assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["AE"]
    assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReasonCode/text()") == ["VATEX-EU-AE"]
    assert texts(tree, f"{BREAKDOWN}/ram:CalculatedAmount/text()") == ["0.00"]
    assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReason/text()")[0].startswith("Autoliquidation")
    # Both VAT numbers (BR-AE-02), no SIREN for the Belgian buyer.
    assert texts(
        tree, f"{AGREEMENT}/ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID/text()"
    ) == ["BE0403019261"]
    assert texts(
        tree, f"{AGREEMENT}/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID/text()"
    )
    assert (
        texts(tree, f"{AGREEMENT}/ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID/text()")
        == []
    )
    assert texts(tree, "//ram:IncludedNote[ram:SubjectCode='BAR']/ram:Content/text()") == ["B2BINT"]
    assert "Autoliquidation" in text
    assert "2006/112/CE" in text
    assert "BE0403019261" in text
    # The grand total is the net: no French VAT.
    net = texts(tree, "//ram:TaxBasisTotalAmount/text()")
    assert texts(tree, "//ram:GrandTotalAmount/text()") == net


def test_german_company_buying_consumables_gets_an_intra_eu_supply(cli, capsys, tmp_path, clock):
    add_customer(capsys, "C-DE", "Bühnentechnik GmbH", "--country", "DE", "--vat", "DE136695976")
    ref = book(cli, clock, "C-DE", {"LYRE": 1, "GAFFER": 4})
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    lines = texts(
        tree, "//ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode/text()"
    )
    assert sorted(lines) == ["AE", "K"]
    codes = dict(
        zip(
            texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()"),
            texts(tree, f"{BREAKDOWN}/ram:ExemptionReasonCode/text()"),
            strict=True,
        )
    )
    assert codes == {"AE": "VATEX-EU-AE", "K": "VATEX-EU-IC"}
    # The goods leave France for the buyer's country (BT-80, BR-IC-12).
    assert texts(tree, "//ram:ShipToTradeParty/ram:PostalTradeAddress/ram:CountryID/text()") == [
        "DE"
    ]
    assert "Exonération de TVA, article 262 ter I du CGI" in text
    assert "Autoliquidation" in text


def test_swiss_company_is_invoiced_without_french_vat(cli, capsys, tmp_path, clock):
    add_customer(
        capsys, "C-CH", "Théâtre de Vidy", "--country", "CH", "--vat", "CHE-116.281.710 TVA"
    )
    ref = book(cli, clock, "C-CH", {"LYRE": 1, "GAFFER": 2})
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    assert set(
        texts(
            tree,
            "//ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode/text()",
        )
    ) == {"G"}
    assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReasonCode/text()") == ["VATEX-EU-G"]
    assert texts(
        tree, f"{AGREEMENT}/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID/text()"
    )
    assert texts(tree, "//ram:IncludedNote[ram:SubjectCode='BAR']/ram:Content/text()") == ["B2BINT"]
    assert "259-1° du CGI" in text and "262 I du CGI" in text


@pytest.mark.parametrize(
    ("lines", "reason", "not_said"),
    [
        ({"LYRE": 1}, vat_rules.EXPORT_SERVICES, "exportation"),
        ({"GAFFER": 2}, vat_rules.EXPORT_GOODS, "259-1"),
    ],
)
def test_a_swiss_rental_is_a_service_not_an_export(
    cli, capsys, tmp_path, clock, lines, reason, not_said
):
    """The UID typed without its suffix; a rental alone says art. 259-1° (a service
    supplied outside France), consumables alone say art. 262 I (export). Category G in
    both (one G breakdown, BR-G-08)."""
    add_customer(capsys, "C-CH", "Théâtre de Vidy", "--country", "CH", "--vat", "CHE-116.281.710")
    ref = book(cli, clock, "C-CH", lines)
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["G"]
    assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReason/text()") == [reason]
    assert texts(
        tree, f"{AGREEMENT}/ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID/text()"
    ) == ["CHE116281710"]
    assert reason in text and not_said not in text
    assert "Export" not in text and "Hors UE" in text  # the G label, not an export
    assert "CHE-116.281.710" in text


def test_individuals_abroad_pay_french_vat(cli, capsys, tmp_path, clock):
    add_customer(
        capsys,
        "C-IT",
        "Giulia Rossi",
        "--kind",
        "person",
        "--category",
        "individual",
        "--country",
        "IT",
    )
    ref = book(cli, clock, "C-IT", {"LYRE": 1})
    tree, xml, _text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["S"]
    assert texts(tree, f"{BREAKDOWN}/ram:RateApplicablePercent/text()") == ["20.00"]
    assert texts(tree, "//ram:IncludedNote[ram:SubjectCode='BAR']/ram:Content/text()") == ["B2CINT"]


def test_an_exempt_item_type_is_category_e_with_its_article(cli, capsys, tmp_path, clock):
    status, out, err = run(
        capsys, "pricing", "exempt", "LYRE", "--article", "article 261-4-4° a du CGI"
    )
    assert status == 0, err
    add_customer(capsys, "C-FR", "Compagnie des Ondes", "--siret", "73282932000074")
    ref = book(cli, clock, "C-FR", {"LYRE": 1, "GAFFER": 1})
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    assert sorted(texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()")) == ["E", "S"]
    reason = tree.xpath(
        f"{BREAKDOWN}[ram:CategoryCode='E']/ram:ExemptionReason/text()", namespaces=NS
    )
    assert reason == ["Exonération de TVA, article 261-4-4° a du CGI"]
    assert "article 261-4-4° a du CGI" in text
    # Taxed again: the next booking pays VAT on it.
    assert run(capsys, "pricing", "exempt", "LYRE", "--taxed")[0] == 0
    ref = book(cli, clock, "C-FR", {"LYRE": 1})
    tree, xml, _text = invoice(capsys, tmp_path, ref)
    assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["S"]


def test_a_charge_outside_the_scope_of_vat_carries_no_vat_number(cli, capsys, tmp_path, clock):
    """An O invoice (a damage indemnity) validates: no seller or buyer VAT number in the XML
    (BR-O-02), the seller still identified by its SIREN; the PDF still prints it."""

    add_customer(
        capsys,
        "C-FR2",
        "Compagnie des Vents",
        "--siret",
        "73282932000074",
        "--vat",
        "FR44732829320",
    )
    ref = book(cli, clock, "C-FR2", {"LYRE": 1})
    with cli.read() as uow:
        document = draft_invoice(uow, ref, clock)
    lines = tuple(
        dataclasses.replace(ln, vat_category=VatCategory.OUT_OF_SCOPE, vat_rate=ln.vat_rate * 0)
        for ln in document.lines
    )
    total = vat_rules.totals(lines)
    document = dataclasses.replace(
        document,
        number="FA-2026-09999",
        lines=lines,
        vat=total.vat,
        net_total=total.net,
        vat_total=total.vat_total,
        gross_total=total.gross,
    )
    xml = facturx_xml.build_xml(document)
    assert validation.check_xml(xml) == []
    tree = etree.fromstring(xml)
    assert texts(tree, "//ram:SpecifiedTaxRegistration/ram:ID/text()") == []
    assert texts(
        tree, f"{AGREEMENT}/ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID/text()"
    )
    assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReasonCode/text()") == ["VATEX-EU-O"]
    pdf = render.render(document).pdf
    path = tmp_path / "o.pdf"
    path.write_bytes(pdf)
    printed = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert document.seller.vat_number in printed


def test_individual_without_e_mail_is_invoiced(cli, capsys, tmp_path, clock):
    add_customer(capsys, "C-IND", "Jeanne Martin", "--kind", "person", "--category", "individual")
    ref = book(cli, clock, "C-IND", {"LYRE": 1})
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    assert texts(tree, "//ram:IncludedNote[ram:SubjectCode='BAR']/ram:Content/text()") == ["B2C"]
    # BT-49 (BR-FR-12): the cooperative's own address with the customer number.
    address = texts(
        tree, f"{AGREEMENT}/ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID/text()"
    )
    assert len(address) == 1 and address[0].endswith("_C-IND")
    assert "Jeanne Martin" in text
    assert "pénalités au" not in text  # no commercial penalties for an individual


def test_the_cli_issues_a_reverse_charged_invoice_in_a_real_process(
    cli, capsys, tmp_path, clock, db_path
):
    add_customer(capsys, "C-NL", "Stadsschouwburg BV", "--country", "NL", "--vat", "NL004495445B01")
    ref = book(cli, clock, "C-NL", {"LYRE": 1})
    pdf = tmp_path / "nl.pdf"
    env = {**os.environ, "REGIE_DB": str(db_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "invoice", ref, "--out", str(pdf)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    _name, xml = facturx.get_xml_from_pdf(pdf.read_bytes(), check_xsd=False)
    tree = etree.fromstring(xml)
    assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["AE"]
    assert validation.check_xml(xml) == []


def test_a_credit_note_of_a_reverse_charged_invoice_keeps_its_treatment(cli, capsys, clock):
    """The credit note's breakdown is rebuilt from the invoice's lines (vat_rules.totals):
    same categories, reasons and VATEX codes; its XML validates."""
    add_customer(capsys, "C-AT", "Wiener Bühne GmbH", "--country", "AT", "--vat", "ATU13585627")
    ref = book(cli, clock, "C-AT", {"LYRE": 1, "GAFFER": 1})
    with cli.read() as uow:
        invoice_document = draft_invoice(uow, ref, clock)
    total = vat_rules.totals(invoice_document.lines)
    credit = dataclasses.replace(
        invoice_document,
        kind=Kind.CREDIT_NOTE,
        number="AV-2026-00001",
        vat=total.vat,
        cited_number="FA-2026-00001",
        cited_date=clock.today(),
    )
    xml = facturx_xml.build_xml(credit)
    assert validation.check_xml(xml) == []
    tree = etree.fromstring(xml)
    codes = texts(tree, f"{BREAKDOWN}/ram:ExemptionReasonCode/text()")
    assert sorted(codes) == ["VATEX-EU-AE", "VATEX-EU-IC"]
