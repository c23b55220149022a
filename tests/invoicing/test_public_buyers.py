"""Public buyers (Chorus Pro): the service code in BT-10, the commitment number in BT-13,
our booking reference in BT-12 (never BT-10); only the moratory-interest wording is
printed. The references are set from the CLI when the booking is made or later."""

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
from invoicing import parties, validation
from invoicing.invoices import draft_invoice
from tests.invoicing.conftest import book

NS = {"ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}
AGREEMENT = "//ram:ApplicableHeaderTradeAgreement"
SIRET = "14275179100088"  # a fictitious SIRET (Luhn-valid)


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


def add_commune(capsys, *options):
    status, out, err = run(
        capsys,
        *("customers", "add", "--name", "Commune de Brives-Charensac", "--number", "C-COM"),
        *("--category", "commune", "--siret", SIRET, "--address", "Place de la Mairie"),
        *("--postcode", "43700", "--city", "Brives-Charensac", "--public-buyer"),
        *options,
        "--json",
    )
    assert status == 0, err
    return json.loads(out)


def issued(capsys, tmp_path, ref):
    pdf = tmp_path / f"{ref}.pdf"
    status, _out, err = run(capsys, "invoice", ref, "--out", str(pdf))
    assert status == 0, err
    _name, xml = facturx.get_xml_from_pdf(pdf.read_bytes(), check_xsd=False)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return etree.fromstring(xml), xml, " ".join(text.split())


def texts(tree, path):
    return [str(x) for x in tree.xpath(path, namespaces=NS)]


def test_public_buyer_references_go_to_bt10_bt13_and_ours_to_bt12(cli, capsys, tmp_path, clock):
    shown = add_commune(capsys, "--service-code", "SERV-CULTURE")
    assert (shown["public_buyer"], shown["service_code"]) == (True, "SERV-CULTURE")
    ref = book(cli, clock, "C-COM", {"LYRE": 2})
    status, out, err = run(
        capsys, "bookings", "set-references", ref, "--order-ref", "EJ-2026-0042", "--json"
    )
    assert status == 0, err
    assert json.loads(out)["order_reference"] == "EJ-2026-0042"
    tree, xml, text = issued(capsys, tmp_path, ref)
    assert validation.check_xml(xml) == []
    # The booking has no buyer reference of its own: the customer's service code.
    assert texts(tree, f"{AGREEMENT}/ram:BuyerReference/text()") == ["SERV-CULTURE"]
    assert texts(
        tree, f"{AGREEMENT}/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID/text()"
    ) == ["EJ-2026-0042"]
    assert texts(
        tree, f"{AGREEMENT}/ram:ContractReferencedDocument/ram:IssuerAssignedID/text()"
    ) == [ref]
    assert ref not in texts(tree, f"{AGREEMENT}/ram:BuyerReference/text()")
    # Only the public-procurement wording: moratory interest, no commercial penalties.
    assert "intérêts moratoires" in text
    assert "pénalités" not in text
    assert "10 points" not in text
    pmd = texts(tree, "//ram:IncludedNote[ram:SubjectCode='PMD']/ram:Content/text()")
    assert len(pmd) == 1 and "intérêts moratoires" in pmd[0]
    assert "SERV-CULTURE" in text and "EJ-2026-0042" in text


def test_the_booking_reference_of_the_buyer_wins_over_the_service_code(
    cli, capsys, tmp_path, clock, db_path
):
    """Set at creation with ``bookings create --buyer-ref --order-ref`` (a real process)."""
    add_commune(capsys, "--service-code", "SERV-CULTURE")
    env = {**os.environ, "REGIE_DB": str(db_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            *(sys.executable, "-m", "app", "bookings", "create", "--customer", "C-COM"),
            *("--from", "2027-03-01T09:00", "--to", "2027-03-03T18:00", "--line", "LYRE=1"),
            *("--confirm", "--buyer-ref", "SERV-FETES", "--order-ref", "BC 2027/118", "--json"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["buyer_reference"], shown["order_reference"]) == ("SERV-FETES", "BC 2027/118")
    tree, xml, _text = issued(capsys, tmp_path, shown["ref"])
    assert validation.check_xml(xml) == []
    assert texts(tree, f"{AGREEMENT}/ram:BuyerReference/text()") == ["SERV-FETES"]
    assert texts(
        tree, f"{AGREEMENT}/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID/text()"
    ) == ["BC 2027/118"]


def test_a_public_buyer_without_references_is_warned_not_refused(cli, capsys, clock):
    add_commune(capsys)
    ref = book(cli, clock, "C-COM", {"LYRE": 1})
    with cli.read() as uow:
        document = draft_invoice(uow, ref, clock)
    assert len(parties.public_buyer_warnings(document)) == 2
    status, out, err = run(capsys, "bookings", "set-references", ref, "--buyer-ref", "S1")
    assert status == 0, err
    with cli.read() as uow:
        document = draft_invoice(uow, ref, clock)
    assert len(parties.public_buyer_warnings(document)) == 1


def test_set_references_refusals_change_nothing(cli, capsys, clock):
    add_commune(capsys)
    ref = book(cli, clock, "C-COM", {"LYRE": 1})
    assert run(capsys, "bookings", "set-references", "R-1999-0001", "--buyer-ref", "X")[0] == 1
    status, _out, err = run(capsys, "bookings", "set-references", ref, "--order-ref", "x" * 101)
    assert status == 1 and "order reference" in err
    status, _out, err = run(capsys, "bookings", "set-references", ref)
    assert status == 2
    status, out, _err = run(capsys, "bookings", "show", ref, "--json")
    assert (json.loads(out)["buyer_reference"], json.loads(out)["order_reference"]) == ("", "")


def test_a_public_buyers_credit_note_asks_for_no_payment(cli, capsys, tmp_path, clock):
    """Its XML carries neither the commercial late-payment notes nor the seller's account
    as payment means (BG-16): a credit note asks for no payment."""
    add_commune(capsys, "--service-code", "SERV-CULTURE")
    ref = book(cli, clock, "C-COM", {"LYRE": 2})
    status, out, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "i.pdf"), "--json")
    assert status == 0, err
    number = json.loads(out)["number"]
    pdf = tmp_path / "av.pdf"
    status, _out, err = run(capsys, "credit-note", number, "--line", "1:1", "--out", str(pdf))
    assert status == 0, err
    _name, xml = facturx.get_xml_from_pdf(pdf.read_bytes(), check_xsd=False)
    tree = etree.fromstring(xml)
    assert validation.check_xml(xml) == []
    assert texts(tree, "//ram:TypeCode[parent::*[local-name()='ExchangedDocument']]/text()") == [
        "381"
    ]
    for code in ("PMD", "PMT", "AAB"):
        notes = texts(tree, f"//ram:IncludedNote[ram:SubjectCode='{code}']/ram:Content/text()")
        assert notes == ["Sans objet : avoir, aucun paiement demandé."]
    assert texts(tree, "//ram:SpecifiedTradeSettlementPaymentMeans") == []
    assert texts(tree, "//ram:IBANID/text()") == []
