"""The PDF and Factur-X renderer: Documents built by hand (a member rental with mixed VAT
rates, a credit note, a quote, a 60-line invoice), their text read back with pypdfium2,
the embedded XML extracted with factur-x and validated (XSD + EN 16931 and FR-CTC
schematrons through saxonche), fonts and PDF/A-minded structure checked with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import facturx
import pypdfium2 as pdfium
import pytest
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from invoicing.document import Document, Kind, Line, Nature, Party, VatCategory, VatTotal
from invoicing.facturx_xml import RAM, build_xml, payment_notes
from invoicing.pdf_layout import money, number, percent
from invoicing.render import Rendered, render, srgb_profile
from invoicing.validation import check_xml, saxon_available

LOGO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logo.png"
needs_saxon = pytest.mark.skipif(not saxon_available(), reason="saxonche is not installed")

SELLER = Party(
    name="Scènes Partagées",
    address="12 rue du Faubourg Saint-Jean\nZA des Artisans",
    postcode="43000",
    city="Le Puy-en-Velay",
    siren="932817455",
    siret="93281745500017",
    vat_number="FR47932817455",
    email="contact@scenes-partagees.coop",
    phone="04 71 02 03 04",
    legal_form="SCIC SAS à capital variable",
    capital="18 500,00 €",
    rcs="RCS Le Puy-en-Velay 932 817 455",
    iban="FR76 3000 4000 0312 3456 7890 143",
    bic="BNPAFRPPXXX",
)
BUYER = Party(
    name="Compagnie des Lucioles",
    address="3 place du Plot",
    postcode="43000",
    city="Le Puy-en-Velay",
    siren="552100554",
    vat_number="FR40552100554",
    email="admin@lucioles.fr",
    customer_number="C-0042",
)
TERMS = (
    "Échéance : 26/12/2026. Pas d'escompte pour paiement anticipé. En cas de retard : "
    "pénalités au taux de la BCE majoré de 10 points, exigibles dès le lendemain de "
    "l'échéance, et indemnité forfaitaire pour frais de recouvrement de 40 € "
    "(art. L441-10 et D441-5 C. com.)."
)
CENT = Decimal("0.01")


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def make_line(
    description: str,
    quantity: str,
    unit: str,
    price: str,
    rate: str = "20",
    *,
    detail: str = "",
    gross: str | None = None,
    discount: str = "0",
    code: str = "",
    goods: bool = False,
) -> Line:
    qty, unit_price = Decimal(quantity), Decimal(price)
    return Line(
        description,
        qty,
        unit,
        unit_price,
        _round(qty * unit_price),
        Decimal(rate),
        detail=detail,
        gross_unit_price=Decimal(gross) if gross else None,
        discount_percent=Decimal(discount),
        item_code=code,
        is_goods=goods,
    )


def make_document(lines: list[Line], **changes: object) -> Document:
    """Totals computed as DESIGN.md says: VAT per rate on the sum of the line nets."""
    bases: dict[Decimal, Decimal] = {}
    for line in lines:
        bases[line.vat_rate] = bases.get(line.vat_rate, Decimal(0)) + line.net
    vat = tuple(
        VatTotal(rate, VatCategory.STANDARD, base, _round(base * rate / 100))
        for rate, base in sorted(bases.items())
    )
    net = sum((line.net for line in lines), Decimal(0))
    vat_total = sum((v.amount for v in vat), Decimal(0))
    fields: dict[str, object] = {
        "kind": Kind.INVOICE,
        "number": "FA-2026-00042",
        "issue_date": dt.date(2026, 11, 26),
        "seller": SELLER,
        "buyer": BUYER,
        "lines": tuple(lines),
        "vat": vat,
        "net_total": net,
        "vat_total": vat_total,
        "gross_total": net + vat_total,
        "due_date": dt.date(2026, 12, 26),
        "booking_reference": "R-2026-0117",
        "event": "Festival des Lucioles",
        "venue": "Salle des fêtes, 5 avenue de la Gare, 43700 Brives-Charensac",
        "period_start": dt.date(2026, 11, 20),
        "period_end": dt.date(2026, 11, 23),
        "rate_label": "Tarif adhérent (sociétaire S-0042)",
        "nature": Nature.MIXED,
        "payment_terms": TERMS,
    }
    fields.update(changes)
    return Document(**fields)  # type: ignore[arg-type]


def member_rental() -> Document:
    """Rental at 20 % with a member discount, consumables at 20 % and 5.5 %, a payment."""
    lines = [
        make_line(
            "Projecteur PAR LED RGBW",
            "4",
            "DAY",
            "45.00",
            detail="4 × 3 jours (coef. 2,0) × 22,50 € − remise adhérent 10 %",
            gross="50.00",
            discount="10",
            code="LUM-PAR",
        ),
        make_line("Console son 32 voies", "1", "DAY", "1234.56", code="SON-C32"),
        make_line("Gaffer noir 50 mm", "3", "C62", "13.75", goods=True),
        make_line("Livret programme", "10", "C62", "2.50", rate="5.5", goods=True),
    ]
    return make_document(lines, paid_amount=Decimal("100.00"))


def credit_note(**changes: object) -> Document:
    fields: dict[str, object] = {
        "kind": Kind.CREDIT_NOTE,
        "number": "AV-2026-00003",
        "issue_date": dt.date(2026, 11, 30),
        "due_date": dt.date(2026, 11, 30),
        "cited_number": "FA-2026-00042",
        "cited_date": dt.date(2026, 11, 26),
        "nature": Nature.SERVICES,
    }
    fields.update(changes)
    lines = [make_line("Projecteur PAR LED RGBW, jour non utilisé", "4", "DAY", "22.50")]
    return make_document(lines, **fields)


def quote() -> Document:
    return make_document(
        list(member_rental().lines),
        kind=Kind.QUOTE,
        number="DE-2026-00077",
        due_date=None,
        validity_date=dt.date(2026, 12, 26),
        deposit_note="Caution demandée : 1 200,00 € par chèque, restituée au retour du matériel",
        payment_terms="Acompte de 30 % à la confirmation, solde au retour du matériel.",
    )


def sixty_lines() -> Document:
    lines = [
        make_line(
            f"Article {i:02d}" + (" avec un libellé long qui passe à la ligne" * (i % 7 == 0)),
            str(1 + i % 5),
            "DAY" if i % 3 else "C62",
            f"{3 + i}.25",
            "20" if i % 4 else "5.5",
            detail="3 jours (coef. 2,0)" if i % 2 else "",
        )
        for i in range(60)
    ]
    return make_document(lines)


# --- helpers ------------------------------------------------------------------------------


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, whitespace (no-break and narrow no-break spaces too) collapsed."""
    document = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            raw = textpage.get_text_bounded()
            textpage.close()
            page.close()
            texts.append(" ".join(raw.replace("\u202f", " ").replace("\xa0", " ").split()))
        return texts
    finally:
        document.close()


def text_of(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def eur(value: str) -> str:
    return " ".join(money(Decimal(value)).replace("\u202f", " ").replace("\xa0", " ").split())


def xml_amounts(xml: bytes) -> dict[str, Decimal]:
    root = etree.fromstring(xml)
    summation = root.find(f".//{{{RAM}}}SpecifiedTradeSettlementHeaderMonetarySummation")
    assert summation is not None
    return {etree.QName(child).localname: Decimal(child.text) for child in summation}


@pytest.fixture(scope="module")
def rental() -> tuple[Document, Rendered]:
    document = member_rental()
    return document, render(document, logo=LOGO)


# --- formatting ---------------------------------------------------------------------------


def test_french_number_formatting() -> None:
    assert money(Decimal("1234.5")) == "1\u202f234,50\xa0€"
    assert money(Decimal("1234567.891")) == "1\u202f234\u202f567,89\xa0€"
    assert money(Decimal("-100")) == "-100,00\xa0€"
    assert money(Decimal("0")) == "0,00\xa0€"
    assert number(Decimal("2.50")) == "2,5"
    assert number(Decimal("1250")) == "1\u202f250"
    assert percent(Decimal("5.50")) == "5,5\xa0%"
    assert percent(Decimal("20.00")) == "20\xa0%"


# --- invoice ------------------------------------------------------------------------------


def test_invoice_pdf_has_every_mandatory_mention(rental: tuple[Document, Rendered]) -> None:
    document, rendered = rental
    text = text_of(rendered.pdf)
    expected = [
        # seller
        "Scènes Partagées",
        "SCIC SAS à capital variable",
        "au capital de 18 500,00 €",
        "12 rue du Faubourg Saint-Jean",
        "43000 Le Puy-en-Velay",
        "SIRET 932 817 455 00017",
        "SIREN 932 817 455",
        "RCS Le Puy-en-Velay 932 817 455",
        "FR47932817455",
        "IBAN FR76 3000 4000 0312 3456 7890 143",
        "BIC BNPAFRPPXXX",
        "contact@scenes-partagees.coop",
        "04 71 02 03 04",
        # header
        "FACTURE",
        "FA-2026-00042",
        "Date : 26/11/2026",
        "Échéance : 26/12/2026",
        # customer
        "Compagnie des Lucioles",
        "3 place du Plot",
        "N° client : C-0042",
        "SIREN : 552 100 554",
        "N° TVA : FR40552100554",
        # booking
        "R-2026-0117",
        "Festival des Lucioles",
        "Lieu de livraison : Salle des fêtes, 5 avenue de la Gare, 43700 Brives-Charensac",
        "du 20/11/2026 au 23/11/2026",
        "Tarif appliqué : Tarif adhérent (sociétaire S-0042)",
        # lines
        "Projecteur PAR LED RGBW",
        "4 × 3 jours (coef. 2,0)",
        "10 %",
        "5,5 %",
        # totals and terms
        "Nature des opérations : Livraisons de biens et prestations de services",
        "Pas d'escompte pour paiement anticipé",
        "pénalités au taux de la BCE majoré de 10 points",
        "indemnité forfaitaire pour frais de recouvrement de 40 €",
        "Déjà réglé",
        "Net à payer",
        "Page 1 / 1",
    ]
    missing = [phrase for phrase in expected if phrase not in text]
    assert missing == []
    # 20 %: 180.00 + 1234.56 + 41.25 = 1455.81, VAT 291.16; 5.5 %: 25.00, VAT 1.38.
    for value in ("1455.81", "291.16", "25.00", "1.38", "1480.81", "292.54", "1773.35", "1673.35"):
        assert eur(value) in text, value
    assert (document.net_total, document.vat_total) == (Decimal("1480.81"), Decimal("292.54"))
    assert document.gross_total == Decimal("1773.35")


@needs_saxon
def test_invoice_embeds_a_valid_factur_x_xml(rental: tuple[Document, Rendered]) -> None:
    document, rendered = rental
    assert rendered.xml is not None
    filename, xml = facturx.get_xml_from_pdf(rendered.pdf, check_xsd=True)
    assert filename == "factur-x.xml"
    assert xml == rendered.xml
    assert check_xml(xml) == []
    root = etree.fromstring(xml)
    assert root.findtext(f".//{{{RAM}}}TypeCode") == "380"
    assert facturx.get_level(root) == "en16931"


def test_invoice_xml_totals_equal_the_document(rental: tuple[Document, Rendered]) -> None:
    document, rendered = rental
    assert rendered.xml is not None
    totals = xml_amounts(rendered.xml)
    assert totals["LineTotalAmount"] == sum(line.net for line in document.lines)
    assert totals["TaxBasisTotalAmount"] == document.net_total
    assert totals["TaxTotalAmount"] == document.vat_total
    assert totals["GrandTotalAmount"] == document.gross_total
    assert totals["TotalPrepaidAmount"] == document.paid_amount
    assert totals["DuePayableAmount"] == document.due_amount
    root = etree.fromstring(rendered.xml)
    breakdown = {
        Decimal(tax.findtext(f"{{{RAM}}}RateApplicablePercent")): (
            Decimal(tax.findtext(f"{{{RAM}}}BasisAmount")),
            Decimal(tax.findtext(f"{{{RAM}}}CalculatedAmount")),
        )
        for tax in root.iter(f"{{{RAM}}}ApplicableTradeTax")
        if tax.find(f"{{{RAM}}}BasisAmount") is not None
    }
    assert breakdown == {v.rate: (v.base, v.amount) for v in document.vat}
    nets = [Decimal(e.text) for e in root.iter(f"{{{RAM}}}LineTotalAmount")][:-1]
    assert nets == [line.net for line in document.lines]


def test_xml_notes_required_by_the_french_rules() -> None:
    notes = payment_notes(member_rental())
    assert "40 €" in notes["PMT"] and "pénalités" in notes["PMD"]
    assert notes["AAB"] == "Pas d'escompte pour paiement anticipé."
    bare = make_document(list(member_rental().lines), payment_terms="")
    xml = build_xml(bare)
    codes = [e.text for e in etree.fromstring(xml).iter(f"{{{RAM}}}SubjectCode")]
    assert sorted(codes) == ["AAB", "BAR", "PMD", "PMT"]
    # The defaults the XML needed are printed too: PDF and XML say the same.
    text = text_of(render(bare).pdf)
    assert "40 €" in text and "Pas d'escompte pour paiement anticipé" in text


# --- credit note --------------------------------------------------------------------------


@needs_saxon
def test_credit_note_cites_the_invoice_and_is_valid() -> None:
    document = credit_note()
    rendered = render(document)
    text = text_of(rendered.pdf)
    assert "AVOIR" in text
    assert "Avoir sur facture n° FA-2026-00042 du 26/11/2026" in text
    assert eur("108.00") in text
    assert rendered.xml is not None
    _, xml = facturx.get_xml_from_pdf(rendered.pdf, check_xsd=True)
    assert check_xml(xml) == []
    root = etree.fromstring(xml)
    assert root.findtext(f".//{{{RAM}}}TypeCode") == "381"
    cited = root.find(f".//{{{RAM}}}InvoiceReferencedDocument")
    assert cited is not None
    assert cited.findtext(f"{{{RAM}}}IssuerAssignedID") == "FA-2026-00042"
    assert "".join(cited.find(f"{{{RAM}}}FormattedIssueDateTime").itertext()).strip() == (
        "20261126"
    )
    assert xml_amounts(xml)["GrandTotalAmount"] == document.gross_total


@needs_saxon
def test_credit_note_without_cited_invoice_fails_validation() -> None:
    problems = check_xml(build_xml(credit_note(cited_number="", cited_date=None)))
    assert any(problem.startswith("BR-FR-CO-05") for problem in problems), problems


@needs_saxon
def test_check_xml_reports_wrong_totals_and_bad_xsd() -> None:
    document = member_rental()
    wrong = make_document(list(document.lines), vat_total=document.vat_total + CENT)
    problems = check_xml(build_xml(wrong))
    assert any("BR-CO-14" in p for p in problems), problems
    bad = build_xml(document).replace(b"<ram:TypeCode>380", b"<ram:Bogus/><ram:TypeCode>380")
    assert check_xml(bad)[0].startswith("XSD:")
    assert check_xml(b"<not xml")[0].startswith("XML:")


# --- quote --------------------------------------------------------------------------------


def test_quote_has_no_xml_and_never_says_facture() -> None:
    rendered = render(quote())
    assert rendered.xml is None
    text = text_of(rendered.pdf)
    assert re.search(r"\bfacture\b", text, re.IGNORECASE) is None
    for phrase in (
        "DEVIS",
        "DE-2026-00077",
        "Valable jusqu'au : 26/12/2026",
        "devis valable jusqu'au 26/12/2026",
        "Caution demandée : 1 200,00 €",
        "Bon pour accord",
        "Signature et cachet",
        "Acompte de 30 %",
        eur("1773.35"),
    ):
        assert phrase in text, phrase
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert "/AF" not in reader.trailer["/Root"]
    assert "/Names" not in reader.trailer["/Root"]
    assert facturx.get_xml_from_pdf(rendered.pdf, check_xsd=False) == (False, False)


# --- multi-page ---------------------------------------------------------------------------


@needs_saxon
def test_sixty_lines_span_pages_with_repeated_header() -> None:
    document = sixty_lines()
    rendered = render(document)
    pages = page_texts(rendered.pdf)
    assert len(pages) >= 2
    for number_, text in enumerate(pages, start=1):
        assert f"Page {number_} / {len(pages)}" in text
        assert "Désignation Qté Unité PU HT Remise TVA Montant HT" in text
    whole = " ".join(pages)
    for i in range(60):
        assert f"Article {i:02d}" in whole
    assert eur(str(document.gross_total)) in pages[-1]
    assert "FACTURE n° FA-2026-00042 (suite)" in pages[1]
    assert rendered.xml is not None
    assert check_xml(rendered.xml) == []
    assert xml_amounts(rendered.xml)["GrandTotalAmount"] == document.gross_total


# --- PDF structure ------------------------------------------------------------------------


def xmp_values(xmp: str) -> dict[str, str]:
    """Leaf values of the XMP packet by local name (rdf:li values under their parent)."""
    root = etree.fromstring(xmp.split("?>", 1)[1].rsplit("<?xpacket", 1)[0].encode("utf-8"))
    values: dict[str, str] = {}
    for element in root.iter():
        if not isinstance(element.tag, str) or len(element):
            continue
        name = etree.QName(element).localname
        if name == "li":
            parent = element.getparent().getparent()
            name = etree.QName(parent).localname
        values.setdefault(name, (element.text or "").strip())
    return values


BASE_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


def _fonts(resources: DictionaryObject) -> list[DictionaryObject]:
    found = []
    fonts = resources.get("/Font")
    for ref in (fonts.get_object() if fonts is not None else {}).values():
        found.append(ref.get_object())
    xobjects = resources.get("/XObject")
    for ref in (xobjects.get_object() if xobjects is not None else {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            found += _fonts(xobject["/Resources"].get_object())
    return found


@pytest.mark.parametrize("make", [member_rental, credit_note, quote, sixty_lines])
def test_fonts_are_embedded_and_no_base_14(make) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(render(make()).pdf))
    seen = set()
    for page in reader.pages:
        for font in _fonts(page["/Resources"].get_object()):
            name = str(font["/BaseFont"]).lstrip("/")
            seen.add(name.split("+")[-1])
            assert name.split("+")[-1] not in BASE_14
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
    assert seen <= {"DejaVuSans", "DejaVuSans-Bold"} and seen


@pytest.mark.parametrize("make", [member_rental, quote])
def test_pdfa_structure(make) -> None:  # type: ignore[no-untyped-def]
    pdf = render(make(), logo=LOGO).pdf
    assert pdf.startswith(b"%PDF-1.7\n")
    assert pdf.count(b"%PDF-") == 1  # not the generate_from_binary concatenation
    reader = PdfReader(io.BytesIO(pdf))
    assert not reader.is_encrypted
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr-FR"
    intents = root["/OutputIntents"]
    assert len(intents) == 1
    intent = intents[0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data() == srgb_profile()
    assert srgb_profile()[36:40] == b"acsp"
    assert "/JavaScript" not in str(root.get("/Names", {})) and "/OpenAction" not in root
    assert reader.trailer.get("/ID") is not None
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>3</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    info = reader.metadata
    assert info is not None
    assert "/Keywords" not in info and "/Trapped" not in info
    # Info and XMP agree (PDF/A "doesInfoMatchXMP").
    values = xmp_values(xmp)
    assert values["Producer"] == info["/Producer"]
    assert values["title"] == info["/Title"]
    assert values["creator"] == info["/Author"]
    assert values["description"] == info["/Subject"]
    assert values["CreatorTool"] == info["/Creator"]
    for key, info_key in (("CreateDate", "/CreationDate"), ("ModifyDate", "/ModDate")):
        digits = re.sub(r"\D", "", values[key][:19])
        assert info[info_key].startswith("D:" + digits), (key, values[key], info[info_key])
    # No transparency: no soft masks, no constant alpha below 1.
    raw = pdf.replace(b" ", b"")
    assert b"/SMask" not in raw
    assert re.search(rb"/(CA|ca)0?\.\d", raw) is None


def test_xml_of_a_quote_is_refused() -> None:
    with pytest.raises(ValueError, match="quote"):
        build_xml(quote())
