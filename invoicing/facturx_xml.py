"""The Factur-X (CII, EN 16931 profile) XML of an invoice or a credit note.

Built with lxml straight from the same ``Document`` the PDF shows, so the amounts agree by
construction: every amount is the Document's own Decimal, written with two decimals and a
dot. French CTC ("Flux 2") rules followed here (INVOICING-FR.md §4.2): BT-23 cadre de
facturation (S1/B1/M1 from ``Document.nature``), notes PMD/PMT/AAB once each plus BAR,
seller SIREN (scheme 0002) and electronic address (scheme 0225), buyer SIREN and
electronic address, credit notes citing the invoice (BT-25/BT-26, BR-FR-CO-05).

References (Chorus Pro, INVOICING-FR.md §3.5): BT-10 BuyerReference is the buyer's own
reference (its service code), BT-13 BuyerOrderReferencedDocument its purchase order or
commitment (engagement) number, and our booking reference goes to BT-12
ContractReferencedDocument, never to BT-10.

VAT (``vat_rules``): every breakdown other than S carries its exemption reason (BT-120)
and, where EN 16931 has one, its VATEX code (BT-121). An invoice with lines outside the
scope of VAT (O) carries no VAT number at all (BR-O-02: neither the seller's BT-31 nor
the buyer's BT-48); the seller stays identified by its SIREN (BT-30) and SIRET. An
intra-EU supply of goods (K) names the deliver-to country (BT-80, BR-IC-12).

The buyer's electronic address (BT-49) is mandatory in FR-CTC (BR-FR-12) even for an
individual, whose invoice is printed and reported (e-reporting), never routed: a buyer
with a SIREN gets it (scheme 0225), else its e-mail (scheme EM), else — an individual
without e-mail — the cooperative's own directory address with the customer number as
suffix (``<seller SIREN>_<customer number>``, scheme 0225), where the cooperative's
platform keeps what it does not route.

Element order follows the Factur-X 1.0.7 EN 16931 XSD (``check_xml`` checks it).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from lxml import etree

from app.core.money import round_half_up
from invoicing.document import Document, Kind, Party, VatCategory
from invoicing.parties import processing_category

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
NSMAP = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}

GUIDELINE_EN16931 = "urn:cen.eu:en16931:2017"
TYPE_CODES = {Kind.INVOICE: "380", Kind.CREDIT_NOTE: "381"}

#: Fallback texts of the three notes the French CTC rules require (BR-FR-05) when the
#: Document's ``payment_terms`` has no sentence about them; the PDF prints them too
#: (``payment_notes`` is the one source for both).
DEFAULT_AAB = "Pas d'escompte pour paiement anticipé."
DEFAULT_PMD_BUSINESS = (
    "En cas de retard de paiement : pénalités au taux de la BCE majoré de 10 points, "
    "exigibles dès le lendemain de l'échéance (art. L441-10 C. com.)."
)
DEFAULT_PMD_PRIVATE = "Pas de pénalités de retard prévues (client non professionnel)."
DEFAULT_PMT_BUSINESS = (
    "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : "
    "40 € (art. D441-5 C. com.)."
)
DEFAULT_PMT_PRIVATE = (
    "Indemnité forfaitaire pour frais de recouvrement : non applicable (client non professionnel)."
)

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«(])")


_ABBREVIATIONS = frozenset({"art.", "c.", "com.", "coef.", "cf.", "n°", "min.", "max.", "env."})


def _sentences(text: str) -> list[str]:
    """``text`` cut into sentences (not after "art.", "C.", "com."... abbreviations)."""
    text = " ".join(text.split())
    sentences: list[str] = []
    for piece in _SENTENCE.split(text) if text else []:
        last = sentences[-1].rsplit(" ", 1)[-1].casefold().lstrip("(") if sentences else ""
        if sentences and (last in _ABBREVIATIONS or re.fullmatch(r"\w\.", last)):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


def _classified(document: Document) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"PMD": [], "PMT": [], "AAB": []}
    for sentence in _sentences(document.payment_terms):
        low = sentence.casefold()
        if "escompte" in low:
            found["AAB"].append(sentence)
        if "pénalit" in low or "penalit" in low or "intérêts" in low:
            found["PMD"].append(sentence)
        if "recouvrement" in low or re.search(r"\b40[\s\u00a0\u202f]?(€|euros)", low):
            found["PMT"].append(sentence)
    return found


#: A credit note asks for no payment: its PMD/PMT/AAB notes (BR-FR-05) say so, whoever the
#: buyer (no commercial penalties for a public buyer, none at all for a refund).
CREDIT_NOTE_NOTE = "Sans objet : avoir, aucun paiement demandé."


def _default(code: str, business: bool, kind: Kind = Kind.INVOICE) -> str:
    if kind == Kind.CREDIT_NOTE:
        return CREDIT_NOTE_NOTE
    if code == "AAB":
        return DEFAULT_AAB
    if code == "PMD":
        return DEFAULT_PMD_BUSINESS if business else DEFAULT_PMD_PRIVATE
    return DEFAULT_PMT_BUSINESS if business else DEFAULT_PMT_PRIVATE


def payment_notes(document: Document) -> dict[str, str]:
    """The PMD (late-payment penalties), PMT (€40 recovery indemnity) and AAB (early
    payment discount) notes: the sentences of ``payment_terms`` that speak of each (one
    sentence may serve two codes), else a default text (``missing_payment_notes``)."""
    business = document.buyer.is_business
    return {
        code: " ".join(found) or _default(code, business, document.kind)
        for code, found in _classified(document).items()
    }


def missing_payment_notes(document: Document) -> list[str]:
    """The default texts ``payment_notes`` had to add because ``payment_terms`` says
    nothing of them: the PDF prints them after the payment terms, so that the PDF and the
    XML say the same."""
    business = document.buyer.is_business
    return [
        _default(code, business, document.kind)
        for code, found in _classified(document).items()
        if not found
    ]


def business_category(document: Document) -> str:
    """The BAR note (French CTC processing category): ``parties.processing_category``."""
    return processing_category(document.buyer)


def amount(value: Decimal) -> str:
    return str(round_half_up(value, 2))


def _plain(value: Decimal, places: int) -> str:
    """``value`` with at most ``places`` decimals, trailing zeros dropped, never in
    exponent notation."""
    text = format(round_half_up(value, places), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def rate(value: Decimal) -> str:
    return str(round_half_up(value, 2))


def _date102(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


class _Builder:
    def __init__(self) -> None:
        self.root = etree.Element(f"{{{RSM}}}CrossIndustryInvoice", nsmap=NSMAP)

    @staticmethod
    def sub(
        parent: etree._Element, tag: str, text: str | None = None, **attrs: str
    ) -> etree._Element:
        prefix, name = tag.split(":")
        element = etree.SubElement(parent, f"{{{NSMAP[prefix]}}}{name}", attrs)
        if text is not None:
            element.text = text
        return element

    def date(self, parent: etree._Element, tag: str, value: dt.date, ns: str = "udt") -> None:
        holder = self.sub(parent, tag)
        self.sub(holder, f"{ns}:DateTimeString", _date102(value), format="102")


def build_xml(document: Document) -> bytes:
    """The CII XML (UTF-8, with declaration) of an invoice or a credit note; a quote has
    none (ValueError)."""
    if document.kind not in TYPE_CODES:
        raise ValueError(f"A {document.kind} has no Factur-X XML.")
    b = _Builder()
    root = b.root
    context = b.sub(root, "rsm:ExchangedDocumentContext")
    process = b.sub(context, "ram:BusinessProcessSpecifiedDocumentContextParameter")
    b.sub(process, "ram:ID", f"{document.nature.value}1")
    guideline = b.sub(context, "ram:GuidelineSpecifiedDocumentContextParameter")
    b.sub(guideline, "ram:ID", GUIDELINE_EN16931)

    header = b.sub(root, "rsm:ExchangedDocument")
    b.sub(header, "ram:ID", document.number)
    b.sub(header, "ram:TypeCode", TYPE_CODES[document.kind])
    b.date(header, "ram:IssueDateTime", document.issue_date)
    notes = payment_notes(document)
    for code in ("PMD", "PMT", "AAB"):
        _note(b, header, notes[code], code)
    _note(b, header, business_category(document), "BAR")
    for text in document.notes:
        if text.strip():
            _note(b, header, text)

    transaction = b.sub(root, "rsm:SupplyChainTradeTransaction")
    for number, line in enumerate(document.lines, start=1):
        item = b.sub(transaction, "ram:IncludedSupplyChainTradeLineItem")
        line_doc = b.sub(item, "ram:AssociatedDocumentLineDocument")
        b.sub(line_doc, "ram:LineID", str(number))
        if line.detail.strip():
            note = b.sub(line_doc, "ram:IncludedNote")
            b.sub(note, "ram:Content", " ".join(line.detail.split()))
        product = b.sub(item, "ram:SpecifiedTradeProduct")
        if line.item_code:
            b.sub(product, "ram:SellerAssignedID", line.item_code)
        b.sub(product, "ram:Name", " ".join(line.description.split()))
        agreement = b.sub(item, "ram:SpecifiedLineTradeAgreement")
        gross = line.gross_unit_price
        if gross is not None and gross != line.unit_price:
            gross_price = b.sub(agreement, "ram:GrossPriceProductTradePrice")
            b.sub(gross_price, "ram:ChargeAmount", _plain(gross, 6))
            allowance = b.sub(gross_price, "ram:AppliedTradeAllowanceCharge")
            indicator = b.sub(allowance, "ram:ChargeIndicator")
            b.sub(indicator, "udt:Indicator", "false")
            b.sub(allowance, "ram:ActualAmount", _plain(gross - line.unit_price, 6))
        net_price = b.sub(agreement, "ram:NetPriceProductTradePrice")
        b.sub(net_price, "ram:ChargeAmount", _plain(line.unit_price, 6))
        delivery = b.sub(item, "ram:SpecifiedLineTradeDelivery")
        b.sub(delivery, "ram:BilledQuantity", _plain(line.quantity, 4), unitCode=line.unit)
        settlement = b.sub(item, "ram:SpecifiedLineTradeSettlement")
        tax = b.sub(settlement, "ram:ApplicableTradeTax")
        b.sub(tax, "ram:TypeCode", "VAT")
        b.sub(tax, "ram:CategoryCode", line.vat_category.value)
        if line.vat_category != VatCategory.OUT_OF_SCOPE:
            b.sub(tax, "ram:RateApplicablePercent", rate(line.vat_rate))
        if line.period_start is not None and line.period_end is not None:
            period = b.sub(settlement, "ram:BillingSpecifiedPeriod")
            b.date(period, "ram:StartDateTime", line.period_start)
            b.date(period, "ram:EndDateTime", line.period_end)
        summation = b.sub(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        b.sub(summation, "ram:LineTotalAmount", amount(line.net))

    agreement = b.sub(transaction, "ram:ApplicableHeaderTradeAgreement")
    if document.buyer_reference.strip():
        b.sub(agreement, "ram:BuyerReference", " ".join(document.buyer_reference.split()))
    vat_numbers = not out_of_scope(document)
    _party(
        b,
        agreement,
        "ram:SellerTradeParty",
        document.seller,
        seller=True,
        vat=vat_numbers,
        fiscal=_needs_tax_identifier(document),
    )
    _party(
        b,
        agreement,
        "ram:BuyerTradeParty",
        document.buyer,
        seller=False,
        vat=vat_numbers,
        fallback_address=_b2c_address(document),
    )
    if document.order_reference.strip():
        order = b.sub(agreement, "ram:BuyerOrderReferencedDocument")
        b.sub(order, "ram:IssuerAssignedID", " ".join(document.order_reference.split()))
    if document.booking_reference.strip():
        contract = b.sub(agreement, "ram:ContractReferencedDocument")
        b.sub(contract, "ram:IssuerAssignedID", document.booking_reference.strip())

    delivery = b.sub(transaction, "ram:ApplicableHeaderTradeDelivery")
    intra_eu = any(ln.vat_category is VatCategory.INTRA_EU for ln in document.lines)
    if document.venue.strip() or intra_eu:
        ship_to = b.sub(delivery, "ram:ShipToTradeParty")
        b.sub(ship_to, "ram:Name", " ".join((document.event or document.buyer.name).split()))
        address = b.sub(ship_to, "ram:PostalTradeAddress")
        if document.venue.strip():
            b.sub(address, "ram:LineOne", " ".join(document.venue.split()))
        b.sub(address, "ram:CountryID", document.buyer.country.upper() or "FR")
    delivered = document.period_end or document.period_start
    if delivered is not None:
        event = b.sub(delivery, "ram:ActualDeliverySupplyChainEvent")
        b.date(event, "ram:OccurrenceDateTime", delivered)

    settlement = b.sub(transaction, "ram:ApplicableHeaderTradeSettlement")
    if document.number:
        b.sub(settlement, "ram:PaymentReference", document.number)
    b.sub(settlement, "ram:InvoiceCurrencyCode", document.currency)
    if document.seller.iban and document.kind != Kind.CREDIT_NOTE:
        # a credit note asks for no payment: no "pay to this account" (BG-16)
        means = b.sub(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        b.sub(means, "ram:TypeCode", "58")  # SEPA credit transfer
        account = b.sub(means, "ram:PayeePartyCreditorFinancialAccount")
        b.sub(account, "ram:IBANID", document.seller.iban.replace(" ", "").upper())
        if document.seller.bic:
            bank = b.sub(means, "ram:PayeeSpecifiedCreditorFinancialInstitution")
            b.sub(bank, "ram:BICID", document.seller.bic.replace(" ", "").upper())
    for vat in document.vat:
        tax = b.sub(settlement, "ram:ApplicableTradeTax")
        b.sub(tax, "ram:CalculatedAmount", amount(vat.amount))
        b.sub(tax, "ram:TypeCode", "VAT")
        if vat.category != VatCategory.STANDARD:
            b.sub(tax, "ram:ExemptionReason", vat.exemption_reason or "Exonération de TVA")
        b.sub(tax, "ram:BasisAmount", amount(vat.base))
        b.sub(tax, "ram:CategoryCode", vat.category.value)
        if vat.category != VatCategory.STANDARD and vat.exemption_code:
            b.sub(tax, "ram:ExemptionReasonCode", vat.exemption_code)
        if vat.category != VatCategory.OUT_OF_SCOPE:
            b.sub(tax, "ram:RateApplicablePercent", rate(vat.rate))
    if document.period_start is not None and document.period_end is not None:
        period = b.sub(settlement, "ram:BillingSpecifiedPeriod")
        b.date(period, "ram:StartDateTime", document.period_start)
        b.date(period, "ram:EndDateTime", document.period_end)
    if document.due_date is not None or document.payment_terms.strip():
        terms = b.sub(settlement, "ram:SpecifiedTradePaymentTerms")
        if document.payment_terms.strip():
            b.sub(terms, "ram:Description", " ".join(document.payment_terms.split()))
        if document.due_date is not None:
            b.date(terms, "ram:DueDateDateTime", document.due_date)
    totals = b.sub(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    b.sub(totals, "ram:LineTotalAmount", amount(sum((ln.net for ln in document.lines), Decimal(0))))
    b.sub(totals, "ram:TaxBasisTotalAmount", amount(document.net_total))
    b.sub(totals, "ram:TaxTotalAmount", amount(document.vat_total), currencyID=document.currency)
    b.sub(totals, "ram:GrandTotalAmount", amount(document.gross_total))
    if document.paid_amount:
        b.sub(totals, "ram:TotalPrepaidAmount", amount(document.paid_amount))
    b.sub(totals, "ram:DuePayableAmount", amount(document.due_amount))
    if document.cited_number:
        cited = b.sub(settlement, "ram:InvoiceReferencedDocument")
        b.sub(cited, "ram:IssuerAssignedID", document.cited_number)
        if document.cited_date is not None:
            b.date(cited, "ram:FormattedIssueDateTime", document.cited_date, ns="qdt")
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml


def out_of_scope(document: Document) -> bool:
    """Lines outside the scope of VAT: the XML then carries no VAT number (BR-O-02)."""
    return any(ln.vat_category is VatCategory.OUT_OF_SCOPE for ln in document.lines)


def _b2c_address(document: Document) -> str:
    """BT-49 of a buyer with neither SIREN nor e-mail (an individual): the cooperative's
    own directory address, suffixed with the customer number (module docstring)."""
    seller = _digits(document.seller.siren) or _digits(document.seller.siret)[:9]
    suffix = re.sub(r"[^A-Za-z0-9._-]", "", document.buyer.customer_number) or "B2C"
    return f"{seller}_{suffix}" if seller else suffix


def _note(b: _Builder, parent: etree._Element, text: str, code: str = "") -> None:
    note = b.sub(parent, "ram:IncludedNote")
    b.sub(note, "ram:Content", text)
    if code:
        b.sub(note, "ram:SubjectCode", code)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _party(
    b: _Builder,
    parent: etree._Element,
    tag: str,
    party: Party,
    *,
    seller: bool,
    vat: bool = True,
    fallback_address: str = "",
    fiscal: bool = False,
) -> None:
    element = b.sub(parent, tag)
    siren = _digits(party.siren)
    siret = _digits(party.siret)
    if siret:
        b.sub(element, "ram:GlobalID", siret, schemeID="0009")
    b.sub(element, "ram:Name", " ".join(party.name.split()))
    if seller:
        legal = ", ".join(x for x in (party.legal_form, _capital(party.capital), party.rcs) if x)
        if legal:
            b.sub(element, "ram:Description", legal)
    if siren:
        organisation = b.sub(element, "ram:SpecifiedLegalOrganization")
        b.sub(organisation, "ram:ID", siren, schemeID="0002")
    if party.phone or party.email:
        contact = b.sub(element, "ram:DefinedTradeContact")
        if party.phone:
            phone = b.sub(contact, "ram:TelephoneUniversalCommunication")
            b.sub(phone, "ram:CompleteNumber", party.phone)
        if party.email:
            email = b.sub(contact, "ram:EmailURIUniversalCommunication")
            b.sub(email, "ram:URIID", party.email)
    address = b.sub(element, "ram:PostalTradeAddress")
    if party.postcode:
        b.sub(address, "ram:PostcodeCode", party.postcode)
    street = [" ".join(s.split()) for s in party.address.splitlines() if s.strip()]
    for tag_name, text in zip(("ram:LineOne", "ram:LineTwo"), street[:2], strict=False):
        b.sub(address, tag_name, text)
    if len(street) > 2:
        b.sub(address, "ram:LineThree", ", ".join(street[2:]))
    if party.city:
        b.sub(address, "ram:CityName", party.city)
    b.sub(address, "ram:CountryID", party.country.upper() or "FR")
    # Electronic address (BT-34 / BT-49): the SIREN in the French directory scheme 0225
    # for companies; an individual's e-mail (scheme EM) otherwise; else the fallback.
    if siren:
        uri = b.sub(element, "ram:URIUniversalCommunication")
        b.sub(uri, "ram:URIID", siren, schemeID="0225")
    elif party.email:
        uri = b.sub(element, "ram:URIUniversalCommunication")
        b.sub(uri, "ram:URIID", party.email, schemeID="EM")
    elif fallback_address:
        uri = b.sub(element, "ram:URIUniversalCommunication")
        b.sub(uri, "ram:URIID", fallback_address, schemeID="0225")
    if party.vat_number and vat:
        registration = b.sub(element, "ram:SpecifiedTaxRegistration")
        # compact: a Swiss "CHE-123.456.788 TVA" goes as CHE123456788TVA
        compact = "".join(ch for ch in party.vat_number if ch not in " .-").upper()
        b.sub(registration, "ram:ID", compact, schemeID="VA")
    elif fiscal and siren:
        registration = b.sub(element, "ram:SpecifiedTaxRegistration")
        b.sub(registration, "ram:ID", siren, schemeID="FC")


def _needs_tax_identifier(document: Document) -> bool:
    """A seller without a VAT number whose lines are exempt (E: a cooperative under the
    VAT franchise, art. 293 B du CGI, often has none) is identified for tax by its SIREN
    as its tax registration identifier (BT-32, scheme FC): BR-E-02 wants BT-31 or BT-32."""
    return not document.seller.vat_number.strip() and any(
        ln.vat_category is VatCategory.EXEMPT for ln in document.lines
    )


def _capital(capital: str) -> str:
    capital = capital.strip()
    if not capital:
        return ""
    if capital.casefold().startswith(("capital", "au capital")):
        return capital
    return f"capital {capital}"
