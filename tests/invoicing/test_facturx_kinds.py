"""Every new kind of document of issue 11, end to end from the ``regie`` CLI on a fresh
database with a fixed clock: the customer is added, the booking created and confirmed
(scanned out and in where the kind needs it), the document issued with ``regie invoice`` or
``regie credit-note``. Each PDF is then read back by readers that are not Régie's: the
Factur-X XML comes out of the PDF through ``facturx`` and is read with lxml XPath (the
EN 16931 business terms that define the kind, and the totals recomputed from the lines),
validated (XSD + EN 16931 + FR-CTC schematrons), and the printed text (``pdftotext``) must
show the XML's totals and the kind's wording. ``regie verify`` passes at the end."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import facturx
import pytest
from lxml import etree
from pypdf import PdfReader
from sqlmodel import select

import app.cli
from app.bootstrap import open_context
from app.cli import main
from app.core.clock import PARIS
from inventory.models import Unit
from invoicing import rates, validation
from tests.invoicing.conftest import USER

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
}
AGREEMENT = (
    "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
)
SETTLEMENT = (
    "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
)
LINES = (
    "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
)
SUMS = f"{SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
CENT = Decimal("0.01")
FR_SIRET = "73282932000074"
FR_VAT = "FR44732829320"
ADDRESS = ("--address", "12 rue Haute", "--postcode", "43000", "--city", "Le Puy-en-Velay")
PERIOD = ("--from", "2026-12-01T09:00", "--to", "2026-12-05T18:00")
USE = ("--use-from", "2026-12-02T08:00", "--use-to", "2026-12-04T23:00")


# --- running regie ------------------------------------------------------------------------


@pytest.fixture
def regie(coop, db_path, clock, monkeypatch, qapp, capsys, tmp_path):
    """``regie(*argv)`` runs the CLI in-process on the ``coop`` cooperative (identity, LYRE
    at 45,00 a day, GAFFER at 12,50) with every command's clock fixed at the test clock;
    returns the parsed JSON when ``--json`` is given, else stdout; fails on a non-zero
    exit."""
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    for name in (*app.cli.COMMAND_MODULES, "cancellation"):
        module = importlib.import_module(f"app.cli.{name}")
        if hasattr(module, "open_context"):
            monkeypatch.setattr(module, "open_context", fixed_context)

    def run(*argv: str):
        status = main(list(argv))
        out, err = capsys.readouterr()
        assert status == 0, f"regie {' '.join(argv)} → {status}: {err}"
        run.err = err
        if "--json" in argv and argv[0] == "scan":  # one object a line
            return [json.loads(line) for line in out.splitlines()]
        if "--json" in argv:
            return json.loads(out)
        return out

    def refused(*argv: str) -> str:
        """Exit 1 with one sentence on stderr, no traceback; the sentence."""
        status = main(list(argv))
        _out, err = capsys.readouterr()
        assert status == 1 and "Traceback" not in err, (status, err)
        return " ".join(err.split())

    run.refused = refused
    run.db = coop
    run.clock = clock
    run.tmp = tmp_path
    with coop.read() as uow:
        run.lyres = [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))]
    return run


def add_customer(regie, number: str, name: str, *options: str) -> dict:
    return regie(
        "customers", "add", "--name", name, "--number", number, *ADDRESS, *options, "--json"
    )


def create_booking(regie, customer: str, *options: str, lines=("LYRE=2",)) -> str:
    argv = ["bookings", "create", "--customer", customer, *PERIOD, *USE]
    for line in lines:
        argv += ["--line", line]
    shown = regie(*argv, *options, "--confirm", "--json")
    return shown["ref"]


# --- reading a document back, independently ---------------------------------------------


@dataclass
class Read:
    tree: etree._Element
    xml: bytes
    text: str  # the printed text, whitespace folded to single spaces

    def all(self, path: str) -> list[str]:
        return [str(x).strip() for x in self.tree.xpath(path, namespaces=NS)]

    def one(self, path: str) -> str:
        found = self.all(path)
        assert len(found) == 1, (path, found)
        return found[0]

    def money(self, path: str) -> Decimal:
        return Decimal(self.one(path))


def printed_text(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def french(value: Decimal) -> str:
    """``1 234,56 €`` as a person reads it (spaces folded)."""
    sign = "-" if value < 0 else ""
    units, cents = f"{abs(value):.2f}".split(".")
    return f"{sign}{int(units):,}".replace(",", " ") + f",{cents} €"


def read_back(pdf: Path) -> Read:
    """The XML embedded in the PDF (facturx, not Régie), checked against the schemas and
    schematrons, with its totals recomputed from its lines and found on the printed page."""
    _name, xml = facturx.get_xml_from_pdf(pdf.read_bytes(), check_xsd=False)
    assert xml, f"no Factur-X XML in {pdf}"
    # A second reader finds the same bytes under the name the standard gives them.
    assert PdfReader(pdf).attachments.get("factur-x.xml") == [xml]
    read = Read(etree.fromstring(xml), xml, printed_text(pdf))
    assert validation.check_xml(xml) == []
    check_totals(read)
    kind = read.one("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode/text()")
    number = read.one("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID/text()")
    if kind == "381":  # a credit note is not to be paid
        assert read.text.startswith("AVOIR") and f"AVOIR {number}" in read.text
        for word in ("IBAN", "pénalités", "intérêts moratoires", "Échéance", "Conditions de"):
            assert word not in read.text, word
        # Nor in the XML: no payment means to the seller's account, no penalty notes.
        assert read.all(f"{SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans") == []
        assert "IBANID" not in xml.decode()
        notes = read.all(
            "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote"
            "[ram:SubjectCode='PMD' or ram:SubjectCode='PMT']/ram:Content/text()"
        )
        assert len(notes) == 2 and not any("L441" in n or "pénalités" in n for n in notes)
    else:
        assert kind == "380" and read.text.startswith("FACTURE") and number in read.text
    return read


def half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def check_totals(read: Read) -> None:
    """BT-106 = Σ line nets (BT-131); per category and rate the base (BT-116) is the sum
    of its lines and the VAT (BT-117) the base × rate rounded half up; BT-109 = BT-106
    (no document-level allowance or charge), BT-110 = Σ BT-117, BT-112 = BT-109 + BT-110,
    BT-115 = BT-112 − BT-113."""
    nets = [
        Decimal(x)
        for x in read.all(
            f"{LINES}//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount/text()"
        )
    ]
    cats = read.all(
        f"{LINES}/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode/text()"
    )
    assert nets and len(cats) == len(nets)
    line_rates = []
    for item in read.tree.xpath(LINES, namespaces=NS):
        found = item.xpath(
            "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent/text()",
            namespaces=NS,
        )
        line_rates.append(Decimal(found[0]) if found else Decimal(0))
    bases: dict[tuple[str, Decimal], Decimal] = {}
    for net, cat, rate in zip(nets, cats, line_rates, strict=True):
        bases[(cat, rate)] = bases.get((cat, rate), Decimal(0)) + net
    assert read.money(f"{SUMS}/ram:LineTotalAmount/text()") == sum(nets)
    for item, net in zip(read.tree.xpath(LINES, namespaces=NS), nets, strict=True):
        # BT-131 = BT-129 × BT-146 (net price = gross price BT-148 − its allowance BT-147).
        quantity = Decimal(item.xpath(".//ram:BilledQuantity/text()", namespaces=NS)[0])
        price = Decimal(
            item.xpath(".//ram:NetPriceProductTradePrice/ram:ChargeAmount/text()", namespaces=NS)[0]
        )
        assert net == half_up(quantity * price), (quantity, price, net)
        gross = item.xpath(".//ram:GrossPriceProductTradePrice", namespaces=NS)
        if gross:
            gross_price = Decimal(gross[0].xpath("ram:ChargeAmount/text()", namespaces=NS)[0])
            off = gross[0].xpath(".//ram:ActualAmount/text()", namespaces=NS)
            assert gross_price - sum(Decimal(x) for x in off) == price
    breakdown: dict[tuple[str, Decimal], tuple[Decimal, Decimal]] = {}
    for tax in read.tree.xpath(f"{SETTLEMENT}/ram:ApplicableTradeTax", namespaces=NS):
        cat = tax.xpath("ram:CategoryCode/text()", namespaces=NS)[0]
        rate = tax.xpath("ram:RateApplicablePercent/text()", namespaces=NS)
        key = (cat, Decimal(rate[0]) if rate else Decimal(0))
        breakdown[key] = (
            Decimal(tax.xpath("ram:BasisAmount/text()", namespaces=NS)[0]),
            Decimal(tax.xpath("ram:CalculatedAmount/text()", namespaces=NS)[0]),
        )
    assert {k: b for k, (b, _v) in breakdown.items()} == bases
    for (_cat, rate), (base, vat) in breakdown.items():
        assert vat == half_up(base * rate / 100), (base, rate, vat)
    net = read.money(f"{SUMS}/ram:TaxBasisTotalAmount/text()")
    vat_total = read.money(f"{SUMS}/ram:TaxTotalAmount/text()")
    gross = read.money(f"{SUMS}/ram:GrandTotalAmount/text()")
    prepaid = read.all(f"{SUMS}/ram:TotalPrepaidAmount/text()")
    due = read.money(f"{SUMS}/ram:DuePayableAmount/text()")
    assert net == sum(nets)
    assert vat_total == sum(v for _b, v in breakdown.values())
    assert gross == net + vat_total
    assert due == gross - (Decimal(prepaid[0]) if prepaid else 0)
    # The page shows the same totals, each next to its label, and every line's net.
    assert f"Total HT {french(net)}" in read.text, read.text
    assert f"Total TVA {french(vat_total)}" in read.text, read.text
    assert re.search(f"Total TTC( de l'avoir)? {re.escape(french(gross))}", read.text), read.text
    for value in nets:
        assert french(value) in read.text, (french(value), read.text)


def summary(read: Read) -> dict:
    """The business terms that define a kind of document."""
    return {
        "BT-1": read.one("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID/text()"),
        "BT-3": read.one("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode/text()"),
        "BT-10": read.all(f"{AGREEMENT}/ram:BuyerReference/text()"),
        "BT-12": read.all(
            f"{AGREEMENT}/ram:ContractReferencedDocument/ram:IssuerAssignedID/text()"
        ),
        "BT-13": read.all(
            f"{AGREEMENT}/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID/text()"
        ),
        "BT-23": read.one(
            "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/"
            "ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID/text()"
        ),
        "BT-25": read.all(
            f"{SETTLEMENT}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID/text()"
        ),
        "BT-31": read.all(
            f"{AGREEMENT}/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']/text()"
        ),
        "BT-48": read.all(
            f"{AGREEMENT}/ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']/text()"
        ),
        "BT-118": sorted(read.all(f"{SETTLEMENT}/ram:ApplicableTradeTax/ram:CategoryCode/text()")),
        "BT-121": sorted(
            read.all(f"{SETTLEMENT}/ram:ApplicableTradeTax/ram:ExemptionReasonCode/text()")
        ),
        "BAR": read.all(
            "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/"
            "ram:IncludedNote[ram:SubjectCode='BAR']/ram:Content/text()"
        ),
    }


def issue(regie, ref: str, *options: str) -> tuple[dict, Read]:
    pdf = regie.tmp / f"{ref}-{len(list(regie.tmp.glob('*.pdf'))) + 1}.pdf"
    shown = regie("invoice", ref, *options, "--out", str(pdf), "--json")
    read = read_back(pdf)
    assert summary(read)["BT-1"] == shown["number"]
    assert read.money(f"{SUMS}/ram:GrandTotalAmount/text()") == Decimal(shown["gross_total"])
    return shown, read


def verified(regie) -> None:
    regie("verify")


# --- the kinds -----------------------------------------------------------------------------


def at(regie, when: str) -> None:
    """Move every command's clock to local time ``when``."""
    regie.clock.at = dt.datetime.fromisoformat(when).replace(tzinfo=PARIS)


def french_company(regie, number: str = "C-FR") -> str:
    """A VAT-registered French company (SIRET and VAT number): B2B."""
    add_customer(regie, number, "Compagnie des Ondes", "--siret", FR_SIRET, "--vat", FR_VAT)
    return number


def test_eu_business_reverse_charge_and_intra_eu_goods(regie):
    add_customer(
        regie,
        "C-BE",
        "Théâtre de la Monnaie",
        "--country",
        "BE",
        "--vat",
        "BE 0403.019.261",
        "--email",
        "factures@monnaie.example",
    )
    ref = create_booking(regie, "C-BE", lines=("LYRE=2", "GAFFER=3"))
    shown, read = issue(regie, ref)
    terms = summary(read)
    assert terms["BT-3"] == "380"
    assert terms["BT-10"] == [] and terms["BT-12"] == [ref] and terms["BT-13"] == []
    assert terms["BT-23"] == "M1"  # a rental (service) and consumables (goods)
    assert terms["BT-31"] and terms["BT-48"] == ["BE0403019261"]  # BR-AE-02
    assert terms["BT-118"] == ["AE", "K"]
    assert terms["BT-121"] == ["VATEX-EU-AE", "VATEX-EU-IC"]
    assert terms["BAR"] == ["B2BINT"]
    assert read.money(f"{SUMS}/ram:TaxTotalAmount/text()") == 0
    # No SIREN for a Belgian company; the goods go to Belgium (BR-IC-12).
    assert (
        read.all(f"{AGREEMENT}/ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID/text()")
        == []
    )
    assert read.all("//ram:ShipToTradeParty/ram:PostalTradeAddress/ram:CountryID/text()") == ["BE"]
    assert "Autoliquidation" in read.text and "2006/112/CE" in read.text
    assert "262 ter I du CGI" in read.text
    assert "BE0403019261" in read.text
    assert "intérêts moratoires" not in read.text
    verified(regie)


def test_business_outside_the_eu_is_not_charged_french_vat(regie):
    add_customer(
        regie, "C-CH", "Théâtre de Vidy", "--country", "CH", "--vat", "CHE-116.281.710 TVA"
    )
    ref = create_booking(regie, "C-CH", lines=("LYRE=1",))
    _shown, read = issue(regie, ref)
    terms = summary(read)
    assert terms["BT-3"] == "380" and terms["BT-23"] == "S1"
    assert terms["BT-118"] == ["G"] and terms["BT-121"] == ["VATEX-EU-G"]
    assert terms["BT-31"]  # BR-G-02: the seller's VAT number stays
    assert terms["BAR"] == ["B2BINT"]
    assert read.money(f"{SUMS}/ram:TaxTotalAmount/text()") == 0
    assert "259-1° du CGI" in read.text
    verified(regie)


def test_public_buyer_with_its_service_code_and_commitment(regie):
    add_customer(
        regie,
        "C-COM",
        "Commune de Saint-Flour",
        "--category",
        "commune",
        "--siret",
        FR_SIRET,
        "--public-buyer",
        "--service-code",
        "SERV-CULTURE",
    )
    ref = create_booking(regie, "C-COM", "--order-ref", "EJ-2026-0042", lines=("LYRE=2",))
    _shown, read = issue(regie, ref)
    terms = summary(read)
    assert terms["BT-10"] == ["SERV-CULTURE"]  # the buyer's reference, not ours
    assert terms["BT-12"] == [ref]
    assert terms["BT-13"] == ["EJ-2026-0042"]
    assert terms["BT-118"] == ["S"] and terms["BT-121"] == []
    assert terms["BT-23"] == "S1"
    # A public body is outside the e-invoicing network (Chorus Pro): e-reported, B2C.
    assert terms["BAR"] == ["B2C"]
    pmd = read.all(
        "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote[ram:SubjectCode='PMD']/ram:Content/text()"
    )
    assert len(pmd) == 1 and "intérêts moratoires" in pmd[0]
    assert "intérêts moratoires" in read.text
    assert "pénalités" not in read.text and "10 points" not in read.text
    assert "Code service : SERV-CULTURE" in read.text and "EJ-2026-0042" in read.text
    assert "engagement" in read.text and f"Notre référence : {ref}" in read.text
    # Chorus Pro wants the same references on the credit note.
    pdf = regie.tmp / "AV.pdf"
    regie("credit-note", _shown["number"], "--line", "1:1", "--out", str(pdf), "--json")
    read = read_back(pdf)
    terms = summary(read)
    assert terms["BT-3"] == "381" and terms["BT-25"] == [_shown["number"]]
    assert terms["BT-10"] == ["SERV-CULTURE"] and terms["BT-13"] == ["EJ-2026-0042"]
    assert "intérêts moratoires" not in read.text and "IBAN" not in read.text
    verified(regie)


def test_public_buyer_without_its_references_is_warned(regie):
    """Chorus Pro may reject it, not Régie: issued (exit 0), one warning a missing reference
    on stderr, and no BT-10/BT-13 in the XML rather than our booking reference."""
    add_customer(
        regie, "C-COM", "Commune de Murat", "--category", "commune", "--siret", FR_SIRET
    )  # a commune is a public buyer by default
    ref = create_booking(regie, "C-COM", lines=("LYRE=1",))
    _shown, read = issue(regie, ref)
    warnings = [ln for ln in regie.err.splitlines() if ln.strip()]
    assert len(warnings) == 2, regie.err
    assert "service code" in warnings[0] and "commitment" in warnings[1]
    terms = summary(read)
    assert terms["BT-10"] == [] and terms["BT-13"] == [] and terms["BT-12"] == [ref]
    assert "intérêts moratoires" in read.text
    verified(regie)


def test_individual_without_an_e_mail_address(regie):
    add_customer(regie, "C-IND", "Jeanne Martin", "--kind", "person", "--category", "individual")
    ref = create_booking(regie, "C-IND", lines=("LYRE=1", "GAFFER=2"))
    _shown, read = issue(regie, ref)
    terms = summary(read)
    assert terms["BT-118"] == ["S"]
    assert read.all(f"{SETTLEMENT}/ram:ApplicableTradeTax/ram:RateApplicablePercent/text()") == [
        "20.00"
    ]
    assert terms["BT-48"] == [] and terms["BAR"] == ["B2C"]
    assert terms["BT-10"] == [] and terms["BT-12"] == [ref]
    # No commercial penalties or public wording for an individual.
    assert "taux de refinancement" not in read.text and "intérêts moratoires" not in read.text
    # Cash from an individual is for the certified till (none declared here): refused.
    said = regie.refused("payments", "add", _shown["number"], "10.00", "--method", "especes")
    assert "certified" in said
    assert regie("payments", "list", _shown["number"], "--json") == []
    verified(regie)


def test_exempt_operation_carries_its_article(regie):
    regie("pricing", "exempt", "LYRE", "--article", "article 261-4-4° a du CGI", "--json")
    french_company(regie)
    ref = create_booking(regie, "C-FR", lines=("LYRE=1", "GAFFER=2"))
    _shown, read = issue(regie, ref)
    terms = summary(read)
    assert terms["BT-118"] == ["E", "S"] and terms["BT-121"] == []
    reason = read.all(
        f"{SETTLEMENT}/ram:ApplicableTradeTax[ram:CategoryCode='E']/ram:ExemptionReason/text()"
    )
    assert reason == ["Exonération de TVA, article 261-4-4° a du CGI"]
    assert "article 261-4-4° a du CGI" in read.text
    assert terms["BAR"] == ["B2B"]
    verified(regie)


def test_damage_charge_invoiced_on_its_own_outside_the_scope_of_vat(regie):
    regie("pricing", "damage-vat", "--category", "O", "--json")
    french_company(regie)
    ref = create_booking(regie, "C-FR", lines=("LYRE=3",))
    first, second, third = regie.lyres[:3]
    at(regie, "2026-12-01T09:30")
    regie("scan", "out", ref, first, second, third, "--station", "quai", "--json")
    at(regie, "2026-12-05T17:00")
    regie(
        *("scan", "in", second, "--damaged", f"{first}=lentille fêlée", "--missing", third),
        *("--station", "quai", "--json"),
    )
    regie(
        *("charges", "add", ref, first, "180,00"),
        *("--description", "remplacement de la lentille", "--json"),
    )
    at(regie, "2026-12-07T10:00")
    # Out of scope and taxed lines cannot share an invoice: one sentence, nothing issued.
    said = regie.refused("invoice", ref, "--out", str(regie.tmp / "mixed.pdf"))
    assert "--damage-only" in said or "on their own" in said, said
    assert regie("invoices", "list", "--json") == []
    assert not (regie.tmp / "mixed.pdf").exists()
    damage, read = issue(regie, ref, "--damage-only")
    assert len(damage["lines"]) == 2  # the repair and the lost lyre (its replacement value)
    terms = summary(read)
    assert terms["BT-118"] == ["O"] and terms["BT-121"] == ["VATEX-EU-O"]
    assert terms["BT-31"] == [] and terms["BT-48"] == []  # BR-O-02
    assert read.all(
        f"{AGREEMENT}/ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID/text()"
    )
    assert read.money(f"{SUMS}/ram:GrandTotalAmount/text()") == Decimal("1380.00")
    assert "hors du champ" in read.text
    # Its credit note stays outside the scope too (no VAT numbers, O).
    pdf = regie.tmp / "AV.pdf"
    regie("credit-note", damage["number"], "--line", "1=30.00", "--out", str(pdf), "--json")
    read = read_back(pdf)
    terms = summary(read)
    assert (terms["BT-3"], terms["BT-118"], terms["BT-31"], terms["BT-48"]) == (
        "381",
        ["O"],
        [],
        [],
    )
    assert read.money(f"{SUMS}/ram:GrandTotalAmount/text()") == Decimal("30.00")
    # The rental stays for its own invoice, with VAT and without the damage.
    rental, read = issue(regie, ref)
    assert rental["number"] != damage["number"]
    assert summary(read)["BT-118"] == ["S"]
    assert all("dommage" not in ln["description"] for ln in rental["lines"])
    assert regie.refused("invoice", ref, "--damage-only", "--out", str(regie.tmp / "x.pdf"))
    verified(regie)


def test_late_return_line_carries_its_own_period(regie):
    french_company(regie)
    ref = create_booking(regie, "C-FR", lines=("LYRE=1",))
    lyre = regie.lyres[0]
    at(regie, "2026-12-01T09:30")
    regie("scan", "out", ref, lyre, "--station", "quai", "--json")
    first, read = issue(regie, ref)
    assert read.all(f"{LINES}//ram:BillingSpecifiedPeriod") == []
    at(regie, "2026-12-08T09:00")  # planned back on 05/12 at 18:00
    regie("scan", "in", lyre, "--station", "quai", "--json")
    late, read = issue(regie, ref)
    assert late["number"] != first["number"]
    starts = read.all(
        f"{LINES}/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString/text()"
    )
    ends = read.all(
        f"{LINES}/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString/text()"
    )
    assert (starts, ends) == (["20261206"], ["20261208"])
    verified(regie)


def test_credit_note_by_lines(regie):
    french_company(regie)
    ref = create_booking(
        regie,
        "C-FR",
        "--buyer-ref",
        "Régie lumière",
        "--order-ref",
        "PO 77",
        lines=("LYRE=2", "GAFFER=3"),
    )
    invoice, read = issue(regie, ref)
    terms = summary(read)
    assert (terms["BT-10"], terms["BT-12"], terms["BT-13"]) == (["Régie lumière"], [ref], ["PO 77"])
    assert terms["BT-23"] == "M1"
    assert "Votre référence : Régie lumière" in read.text and "PO 77" in read.text
    pdf = regie.tmp / "AV.pdf"
    credit = regie(
        "credit-note",
        invoice["number"],
        "--line",
        "2:1",
        "--reason",
        "un rouleau rendu",
        "--out",
        str(pdf),
        "--json",
    )
    read = read_back(pdf)
    terms = summary(read)
    assert terms["BT-1"] == credit["number"] and terms["BT-3"] == "381"
    assert terms["BT-25"] == [invoice["number"]]
    assert (terms["BT-10"], terms["BT-12"], terms["BT-13"]) == (["Régie lumière"], [ref], ["PO 77"])
    assert read.all(
        f"{SETTLEMENT}/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString/text()"
    ) == ["20261126"]
    assert terms["BT-23"] == "B1"  # the nature follows the credited lines: goods only
    assert read.money(f"{SUMS}/ram:TaxBasisTotalAmount/text()") == Decimal("12.50")
    assert read.money(f"{SUMS}/ram:GrandTotalAmount/text()") == Decimal("15.00")
    # A credit note is not to be paid: no bank details, penalties or due date.
    assert "IBAN" not in read.text and "pénalités" not in read.text
    assert "Échéance" not in read.text
    pdf = regie.tmp / "AV2.pdf"
    credit = regie("credit-note", invoice["number"], "--line", "1:1", "--out", str(pdf), "--json")
    read = read_back(pdf)
    assert summary(read)["BT-23"] == "S1"
    # Without a reason: a correction, not the invoice's cancellation.
    assert f"Motif : Rectification de la facture {invoice['number']}" in read.text
    assert read.money(f"{SUMS}/ram:TaxBasisTotalAmount/text()") == Decimal(
        invoice["lines"][0]["unit_price"]
    )
    pdf = regie.tmp / "AV3.pdf"
    regie("credit-note", invoice["number"], "--line", "1=30.00", "--out", str(pdf), "--json")
    read = read_back(pdf)
    assert read.money(f"{SUMS}/ram:TaxBasisTotalAmount/text()") == Decimal("30.00")
    assert read.money(f"{SUMS}/ram:TaxTotalAmount/text()") == Decimal("6.00")
    # More than is left of a line is refused, nothing issued.
    said = regie.refused("credit-note", invoice["number"], "--line", "2:3", "--out", str(pdf))
    assert said and len(regie("invoices", "list", "--json")) == 4
    verified(regie)


def test_reinvoice_after_a_full_credit_note(regie):
    french_company(regie)
    ref = create_booking(regie, "C-FR", lines=("LYRE=2", "GAFFER=3"))
    invoice, _read = issue(regie, ref)
    pdf = regie.tmp / "AV.pdf"
    credit = regie(
        "credit-note", invoice["number"], "--reason", "remise oubliée", "--out", str(pdf), "--json"
    )
    read = read_back(pdf)
    assert summary(read)["BT-25"] == [invoice["number"]]
    assert read.money(f"{SUMS}/ram:GrandTotalAmount/text()") == Decimal(invoice["gross_total"])
    regie("pricing", "set", ref, "--discount", "10", "--json")
    again, read = issue(regie, ref)
    terms = summary(read)
    assert again["number"] not in (invoice["number"], credit["number"])
    assert terms["BT-3"] == "380" and terms["BT-12"] == [ref] and terms["BT-25"] == []
    # 2 × 3 days × 45,00 × coef 2 less 10 % = 162,00; the consumables as before.
    nets = read.all(
        f"{LINES}//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount/text()"
    )
    assert nets == ["162.00", "37.50"]
    assert read.money(f"{SUMS}/ram:GrandTotalAmount/text()") == Decimal("239.40")
    verified(regie)


def test_cancel_an_invoiced_booking_with_its_credit_note(regie):
    french_company(regie)
    ref = create_booking(regie, "C-FR", lines=("LYRE=1",))
    invoice, _read = issue(regie, ref)
    pdf = regie.tmp / "cancel.pdf"
    regie(
        "bookings",
        "cancel",
        ref,
        "--credit-note",
        "--reason",
        "annulé",
        "--out",
        str(pdf),
        "--json",
    )
    read = read_back(pdf)
    terms = summary(read)
    assert terms["BT-3"] == "381" and terms["BT-25"] == [invoice["number"]]
    assert read.money(f"{SUMS}/ram:GrandTotalAmount/text()") == Decimal(invoice["gross_total"])
    verified(regie)


def test_the_whole_flow_in_real_processes(coop, db_path, tmp_path):
    """The installed command in real processes (the wall clock, dates ahead of it): a
    Belgian company is added, booked, invoiced, credited by line; ``regie verify`` passes."""
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}

    def regie(*argv: str):
        done = subprocess.run(
            [sys.executable, "-m", "app", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, (argv, done.stderr)
        return json.loads(done.stdout) if "--json" in argv else done.stdout

    regie(
        "customers", "add", "--name", "Théâtre de Namur", "--number", "C-BE", "--country", "BE",
        "--vat", "BE0403019261", "--address", "Place du Théâtre 2", "--postcode", "5000",
        "--city", "Namur", "--json",
    )  # fmt: skip
    ref = regie(
        "bookings", "create", "--customer", "C-BE", "--from", "2030-03-01T09:00",
        "--to", "2030-03-03T18:00", "--line", "LYRE=2", "--line", "GAFFER=2", "--confirm",
        "--json",
    )["ref"]  # fmt: skip
    invoice = regie("invoice", ref, "--out", str(tmp_path / "FA.pdf"), "--json")
    read = read_back(tmp_path / "FA.pdf")
    assert summary(read)["BT-118"] == ["AE", "K"]
    credit = regie(
        "credit-note", invoice["number"], "--line", "2:1", "--out", str(tmp_path / "AV.pdf"),
        "--json",
    )  # fmt: skip
    read = read_back(tmp_path / "AV.pdf")
    terms = summary(read)
    assert (terms["BT-1"], terms["BT-3"], terms["BT-25"]) == (
        credit["number"],
        "381",
        [invoice["number"]],
    )
    assert terms["BT-118"] == ["K"] and terms["BT-23"] == "B1"
    assert read.money(f"{SUMS}/ram:GrandTotalAmount/text()") == Decimal("12.50")
    regie("verify")


def test_cancel_after_a_re_invoice_credits_what_remains_of_each_invoice(regie):
    french_company(regie)
    ref = create_booking(regie, "C-FR", lines=("LYRE=2", "GAFFER=2"))
    first, _read = issue(regie, ref)
    regie(
        "credit-note", first["number"], "--line", "1", "--out", str(regie.tmp / "AV.pdf"), "--json"
    )
    regie("pricing", "set", ref, "--discount", "10", "--json")
    second, _read = issue(regie, ref)
    assert [ln["net"] for ln in second["lines"]] == ["162.00"]  # only the rental came back
    pdf = regie.tmp / "cancel.pdf"
    shown = regie("bookings", "cancel", ref, "--credit-note", "--out", str(pdf), "--json")
    assert shown["status"] == "cancelled"
    found = {}
    for note in shown["credit_notes"]:
        read = read_back(Path(note["file"]))
        terms = summary(read)
        assert terms["BT-1"] == note["number"] and terms["BT-3"] == "381"
        found[terms["BT-25"][0]] = (terms["BT-23"], read.one(f"{SUMS}/ram:GrandTotalAmount/text()"))
    # The consumables left on the first invoice, the whole second invoice.
    assert found == {first["number"]: ("B1", "30.00"), second["number"]: ("S1", "194.40")}
    verified(regie)


def test_member_rate_across_a_renewal(regie):
    add_customer(
        *(regie, "C-MR", "Association Renouvelée", "--siret", FR_SIRET),
        *("--member-number", "S-26", "--member-from", "2026-01-01", "--member-to", "2026-12-31"),
    )
    regie("customers", "renew", "C-MR", "--json")  # from 2027-01-01, the same number
    ref = regie(
        *("bookings", "create", "--customer", "C-MR", "--line", "LYRE=1", "--confirm"),
        *("--from", "2026-12-29T09:00", "--to", "2027-01-03T18:00"),
        *("--use-from", "2026-12-30T08:00", "--use-to", "2027-01-02T23:00", "--json"),
    )["ref"]
    shown, read = issue(regie, ref)
    assert shown["rate"] == "Tarif adhérent (sociétaire S-26)"
    # 4 days at the member rate 30,00 × coefficient 2,5.
    prices = read.all(f"{LINES}//ram:NetPriceProductTradePrice/ram:ChargeAmount/text()")
    assert [Decimal(p) for p in prices] == [Decimal("75.00")]
    assert "Tarif adhérent (sociétaire S-26)" in read.text
    verified(regie)


def damaged_and_lost(regie, customer: str) -> str:
    """Two lyres out on 01/12, back on 05/12: one damaged, one missing (its loss charged
    at the replacement value, no repair cost recorded), outside the scope of VAT."""
    regie("pricing", "damage-vat", "--category", "O", "--json")
    ref = create_booking(regie, customer, lines=("LYRE=2",))
    first, second = regie.lyres[:2]
    at(regie, "2026-12-01T09:30")
    regie("scan", "out", ref, first, second, "--station", "quai", "--json")
    at(regie, "2026-12-05T17:00")
    regie(
        *("scan", "in", "--missing", first, "--damaged", f"{second}=cassé"),
        *("--station", "quai", "--json"),
    )
    at(regie, "2026-12-07T10:00")
    return ref


BELGIAN = ("Théâtre de la Monnaie", "--country", "BE", "--vat", "BE0403019261")
SWISS = ("Théâtre de Vidy", "--country", "CH", "--vat", "CHE-116.281.710 TVA")
PERSON = ("--kind", "person", "--category", "individual")


@pytest.mark.parametrize(
    ("case", "customer", "expected"),
    [
        # (BT-118, BAR, seller VAT number, buyer VAT number)
        ("invoice", ("Bühne GmbH", "--country", "DE"), (["S"], "B2BINT", True, False)),
        ("invoice", ("John Doe", "--country", "US", *PERSON), (["S"], "B2CINT", True, False)),
        ("damage", BELGIAN, (["O"], "B2BINT", False, False)),
        ("damage", ("Commune", "--category", "commune", "--siret", FR_SIRET, "--public-buyer"),
         (["O"], "B2C", False, False)),
        ("credit", SWISS, (["G"], "B2BINT", True, True)),
        ("credit", ("Jeanne Martin", *PERSON), (["S"], "B2C", True, False)),
    ],
)  # fmt: skip
def test_more_buyers_and_documents(regie, case, customer, expected):
    """An EU company without a VAT number pays French VAT; an individual abroad too; the
    loss of a Belgian company or a commune go alone, outside the scope of VAT;
    a Swiss company's and an individual's credit notes by line and in full."""
    add_customer(regie, "C-X", *customer)
    if case == "damage":
        ref = damaged_and_lost(regie, "C-X")
        shown, read = issue(regie, ref, "--damage-only")
        # The loss only: a damage is charged once its cost is recorded.
        assert [ln["net"] for ln in shown["lines"]] == ["1200.00"]
        _rest, rest = issue(regie, ref)  # the rental, with its own VAT treatment
        assert "O" not in summary(rest)["BT-118"]
    else:
        ref = create_booking(regie, "C-X", lines=("LYRE=1", "GAFFER=2"))
        shown, read = issue(regie, ref)
    if case == "credit":
        pdf = regie.tmp / "AV.pdf"
        options = ("--line", "1=10.00", "--line", "2:1") if expected[3] else ()
        regie("credit-note", shown["number"], *options, "--out", str(pdf), "--json")
        read = read_back(pdf)
        assert summary(read)["BT-25"] == [shown["number"]]
        said = "Rectification" if options else "Annulation"
        assert f"Motif : {said} de la facture {shown['number']}" in read.text
    terms = summary(read)
    categories, bar, seller_vat, buyer_vat = expected
    assert terms["BT-118"] == categories
    assert terms["BAR"] == [bar]
    assert bool(terms["BT-31"]) is seller_vat and bool(terms["BT-48"]) is buyer_vat
    verified(regie)


def test_a_discounted_price_multiplies_out_on_the_page_and_in_the_xml(regie):
    """46,41 a day × coefficient 2 less 12,5 % = 81,2175 a unit; 5 units = 406,0875, shown
    406,09 (half up) in the XML and on the page, with the unit price that gives it."""
    with regie.db.write() as uow:  # the rate of an item type (pricing screen)
        rates.set_item_rate(
            uow, user=USER, item_code="LYRE", member_day="30.00", non_member_day="46.41"
        )
    french_company(regie)
    ref = create_booking(regie, "C-FR", lines=("LYRE=5",))
    regie("pricing", "line", ref, "LYRE", "12.5", "--json")
    _shown, read = issue(regie, ref)
    prices = read.all(f"{LINES}//ram:NetPriceProductTradePrice/ram:ChargeAmount/text()")
    assert [Decimal(p) for p in prices] == [Decimal("81.2175")]
    assert read.money(f"{SUMS}/ram:TaxBasisTotalAmount/text()") == Decimal("406.09")
    assert read.money(f"{SUMS}/ram:TaxTotalAmount/text()") == Decimal("81.22")
    assert "81,2175 €" in read.text and "406,09 €" in read.text
    verified(regie)


def test_late_days_invoiced_with_the_rental_widen_the_invoicing_period(regie):
    """Rental and late days on one invoice: the late line has its own period (BG-26) and
    the invoicing period (BG-14) holds it (PEPPOL-EN16931-R110/R111)."""
    french_company(regie)
    ref = create_booking(regie, "C-FR", lines=("LYRE=1",))
    lyre = regie.lyres[0]
    at(regie, "2026-12-01T09:30")
    regie("scan", "out", ref, lyre, "--station", "quai", "--json")
    at(regie, "2026-12-08T09:00")  # planned back on 05/12 at 18:00
    regie("scan", "in", lyre, "--station", "quai", "--json")
    shown, read = issue(regie, ref)
    assert [ln["net"] for ln in shown["lines"]] == ["90.00", "135.00"]  # 3 late days
    period = f"{LINES}/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod"
    starts = read.all(f"{period}/ram:StartDateTime/udt:DateTimeString/text()")
    ends = read.all(f"{period}/ram:EndDateTime/udt:DateTimeString/text()")
    # lines differ: the rental says its days of use, the late line its late days
    assert list(zip(starts, ends, strict=True)) == [
        ("20261202", "20261204"),
        ("20261206", "20261208"),
    ]
    header = f"{SETTLEMENT}/ram:BillingSpecifiedPeriod"
    assert read.all(f"{header}/ram:StartDateTime/udt:DateTimeString/text()") == ["20261202"]
    assert read.all(f"{header}/ram:EndDateTime/udt:DateTimeString/text()") == ["20261208"]
    assert "du 06/12/2026 au 08/12/2026" in read.text
    assert "du 02/12/2026 au 04/12/2026" in read.text
    verified(regie)
