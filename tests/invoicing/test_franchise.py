"""A cooperative under the VAT franchise (franchise en base, art. 293 B du CGI: setting
``invoicing.vat_regime`` = ``franchise``) charges no VAT: every line is E at 0 with the
article printed, the breakdown has that one category, and the Factur-X XML still
validates (XSD, EN 16931 and FR-CTC schematrons). The invoices are issued by ``regie
invoice REF --out F.pdf`` (in-process, and once in a real process); the XML is read back
from the PDF with facturx and lxml, the printed text with pdftotext."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import facturx
import pytest
from lxml import etree

from app.bootstrap import open_context
from app.cli import main
from app.core import settings
from invoicing import validation, vat_rules
from tests.invoicing.conftest import book

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
BREAKDOWN = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"
LINE_TAX = "//ram:IncludedSupplyChainTradeLineItem//ram:ApplicableTradeTax"
ADDRESS = ["--address", "Rue Haute 12", "--city", "Ville", "--postcode", "1000"]


def set_regime(db, regime: str) -> None:
    with db.write() as uow:
        settings.set_setting(uow, settings.VAT_REGIME, regime)


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    set_regime(coop, "franchise")
    return coop


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def invoice(capsys, tmp_path, ref):
    pdf = tmp_path / f"{ref}.pdf"
    status, _out, err = run(capsys, "invoice", ref, "--out", str(pdf))
    assert status == 0, err
    return read_back(pdf)


def read_back(pdf):
    _name, xml = facturx.get_xml_from_pdf(pdf.read_bytes(), check_xsd=False)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return etree.fromstring(xml), xml, " ".join(text.split())


def texts(tree, path):
    return [str(x) for x in tree.xpath(path, namespaces=NS)]


@pytest.mark.both_engines
def test_a_french_customer_is_invoiced_without_vat_under_the_franchise(
    cli, capsys, tmp_path, clock
):
    ref = book(cli, clock, "C-PUB", {"LYRE": 2, "GAFFER": 1})
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    assert texts(tree, f"{LINE_TAX}/ram:CategoryCode/text()") == ["E", "E"]
    assert texts(tree, f"{LINE_TAX}/ram:RateApplicablePercent/text()") == ["0.00", "0.00"]
    assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["E"]
    assert texts(tree, f"{BREAKDOWN}/ram:CalculatedAmount/text()") == ["0.00"]
    assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReason/text()") == [vat_rules.FRANCHISE]
    assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReasonCode/text()") == ["VATEX-FR-FRANCHISE"]
    assert texts(tree, "//ram:TaxTotalAmount/text()") == ["0.00"]
    net = texts(tree, "//ram:TaxBasisTotalAmount/text()")
    assert texts(tree, "//ram:GrandTotalAmount/text()") == net
    assert "TVA non applicable, art. 293 B du CGI" in text
    assert "20,00" not in text  # no rate printed anywhere
    assert "Non applicable" in text and "Non appl." in text  # breakdown and lines
    assert "Exonéré" not in text


def test_every_buyer_is_invoiced_without_vat_under_the_franchise(cli, capsys, tmp_path, clock):
    """A business abroad (EU with a VAT number, or outside the EU) too: no reverse charge,
    no export wording — the seller charges no VAT at all."""
    for number, name, options in (
        ("C-BE", "Théâtre de Namur SA", ["--country", "BE", "--vat", "BE0403019261"]),
        ("C-CH", "Festival de Genève SA", ["--country", "CH"]),
    ):
        status, _out, err = run(
            capsys, "customers", "add", "--name", name, "--number", number, *ADDRESS, *options
        )
        assert status == 0, err
        ref = book(cli, clock, number, {"LYRE": 1})
        tree, xml, _text = invoice(capsys, tmp_path, ref)
        assert validation.check_xml(xml) == []
        assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["E"]
        assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReason/text()") == [vat_rules.FRANCHISE]


def test_a_quote_and_a_credit_note_under_the_franchise(cli, capsys, tmp_path, clock):
    ref = book(cli, clock, "C-MEM", {"LYRE": 1})
    quote = tmp_path / "quote.pdf"
    status, _out, err = run(capsys, "quote", ref, "--out", str(quote))
    assert status == 0, err
    text = subprocess.run(
        ["pdftotext", str(quote), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "293 B du CGI" in " ".join(text.split())
    status, out, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "fa.pdf"), "--json")
    assert status == 0, err
    number = json.loads(out)["number"]
    credit = tmp_path / "credit.pdf"
    status, out, err = run(
        capsys, "credit-note", number, "--reason", "Annulation", "--out", str(credit), "--json"
    )
    assert status == 0, err
    tree, xml, text = read_back(credit)
    assert validation.check_xml(xml) == []
    assert texts(tree, f"{BREAKDOWN}/ram:ExemptionReasonCode/text()") == ["VATEX-FR-FRANCHISE"]
    assert "TVA non applicable, art. 293 B du CGI" in text


def test_back_to_the_normal_regime_the_next_invoice_charges_vat(cli, capsys, tmp_path, clock):
    set_regime(cli, "normal")
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["S"]
    assert "293 B" not in text


def test_the_cli_issues_a_franchise_invoice_in_a_real_process(
    cli, capsys, tmp_path, clock, db_path
):
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    pdf = tmp_path / "franchise.pdf"
    env = {**os.environ, "REGIE_DB": str(db_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "invoice", ref, "--out", str(pdf)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    tree, xml, text = read_back(pdf)
    assert validation.check_xml(xml) == []
    assert texts(tree, f"{BREAKDOWN}/ram:CategoryCode/text()") == ["E"]
    assert "TVA non applicable, art. 293 B du CGI" in text


def test_an_association_without_vat_number_capital_or_bic_invoices_under_the_franchise(
    cli, capsys, tmp_path, clock
):
    """An association under the franchise often has no VAT number, no share capital and
    is registered at the RNA: its invoices and credit notes are issued and validate
    (BR-E-02: its SIREN is its tax registration identifier, BT-32 scheme FC)."""
    with cli.write() as uow:
        for key, value in {
            settings.VAT: "",
            settings.CAPITAL: "",
            settings.BIC: "",
            settings.LEGAL_FORM: "Association loi 1901",
            settings.RCS: "W431234567",
        }.items():
            settings.set_setting(uow, key, value)
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    tree, xml, text = invoice(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    seller = "//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID"
    assert texts(tree, f"{seller}/@schemeID") == ["FC"]
    assert "TVA intracom" not in text and "capital" not in text
    status, out, err = run(capsys, "invoices", "list", "--json")
    number = json.loads(out)[0]["number"]
    credit = tmp_path / "credit.pdf"
    status, _out, err = run(
        capsys, "credit-note", number, "--reason", "Erreur", "--out", str(credit)
    )
    assert status == 0, err
    _tree, xml, _text = read_back(credit)
    assert validation.check_xml(xml) == []


def test_without_the_franchise_a_vat_number_is_still_required(cli, capsys, tmp_path, clock):
    set_regime(cli, "normal")
    with cli.write() as uow:
        settings.set_setting(uow, settings.VAT, "")
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    status, _out, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "x.pdf"))
    assert status == 1 and "seller VAT number" in err
    assert not (tmp_path / "x.pdf").exists()
