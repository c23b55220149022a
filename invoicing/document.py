"""The document model shared by the invoicing services and the renderers.

A ``Document`` is everything a quote, an invoice or a credit note shows, computed and
frozen: the services build it (from a booking, or from the stored issued document), the
renderers turn it into a PDF and a Factur-X (CII) XML, and an issued document's JSON form
is stored so it can be rendered again byte-for-byte in meaning. Amounts are Decimal with
two decimals; quantities and rates Decimal too. No Qt, no database here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    QUOTE = "quote"  # devis: not an invoice, never says "Facture"
    INVOICE = "invoice"  # facture, Factur-X TypeCode 380
    CREDIT_NOTE = "credit_note"  # avoir, Factur-X TypeCode 381, cites the invoice


class Nature(StrEnum):
    """Nature of the operations (décret 2022-1299), BT-23 first letter."""

    SERVICES = "S"  # prestations de services (rental)
    GOODS = "B"  # livraisons de biens (consumables sold)
    MIXED = "M"


class VatCategory(StrEnum):
    """EN 16931 VAT category codes used here (UNTDID 5305)."""

    STANDARD = "S"
    EXEMPT = "E"  # an exempt operation, with its legal article
    OUT_OF_SCOPE = "O"  # e.g. a pure compensation for a loss (indemnité)
    REVERSE_CHARGE = "AE"  # intra-EU business customer: "Autoliquidation"
    EXPORT = "G"  # free export item, tax not charged (customer outside the EU)
    INTRA_EU = "K"  # intra-community supply of goods (art. 262 ter I CGI)


@dataclass(frozen=True)
class Party:
    """Seller (the cooperative) or buyer. For the seller every legal field is mandatory."""

    name: str
    address: str = ""  # street lines, "\n"-separated
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    siren: str = ""
    siret: str = ""
    vat_number: str = ""
    email: str = ""
    phone: str = ""
    legal_form: str = ""  # "SCIC SAS à capital variable"
    capital: str = ""  # free text, e.g. "18 500,00 €" or "variable"
    rcs: str = ""  # "RCS Le Puy-en-Velay 932 817 455"
    iban: str = ""
    bic: str = ""
    is_business: bool = True  # a professional buyer: late-payment mentions and €40 apply
    customer_number: str = ""
    public_buyer: bool = False  # a public body paid through Chorus Pro (moratory interest)
    category: str = ""  # the customer's category (company, association…); "" for the seller


@dataclass(frozen=True)
class Line:
    """One invoice line: ``net = round_half_up(quantity × unit_price, 2)`` (discount
    already applied to ``unit_price``; ``gross_unit_price`` and ``discount_percent`` say
    what it was before)."""

    description: str
    quantity: Decimal
    unit: str  # UN/ECE rec 20 code: "DAY", "C62" (one), "H87" (piece)...
    unit_price: Decimal
    net: Decimal
    vat_rate: Decimal  # 20.00
    vat_category: VatCategory = VatCategory.STANDARD
    detail: str = ""  # "4 × 3 jours (coef. 2,0) × 45,00 €"
    gross_unit_price: Decimal | None = None
    discount_percent: Decimal = Decimal("0")
    item_code: str = ""
    is_goods: bool = False  # consumables sold (vs rental service)
    #: The line's own period of use (BG-26), printed and put in the XML when lines differ.
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    #: Why no VAT is charged on this line (category E: its legal article), printed and put
    #: in BT-120 through the VAT breakdown; "" takes the category's wording.
    exemption_reason: str = ""


@dataclass(frozen=True)
class VatTotal:
    rate: Decimal
    category: VatCategory
    base: Decimal  # Σ line nets at this rate (BT-116)
    amount: Decimal  # round_half_up(base × rate / 100, 2) (BT-117)
    exemption_reason: str = ""  # printed wording and BT-120 ("Autoliquidation")
    exemption_code: str = ""  # BT-121, VATEX code ("VATEX-EU-AE")


@dataclass(frozen=True)
class Document:
    kind: Kind
    number: str  # "" for a draft
    issue_date: dt.date
    seller: Party
    buyer: Party
    lines: tuple[Line, ...]
    vat: tuple[VatTotal, ...]
    net_total: Decimal  # BT-109
    vat_total: Decimal  # BT-110
    gross_total: Decimal  # BT-112
    due_date: dt.date | None = None  # invoices and credit notes
    validity_date: dt.date | None = None  # quotes
    currency: str = "EUR"
    booking_reference: str = ""  # ours: BT-12 (contract reference), never BT-10
    buyer_reference: str = ""  # BT-10: the buyer's reference (Chorus Pro service code)
    order_reference: str = ""  # BT-13: purchase order or commitment (engagement) number
    event: str = ""
    venue: str = ""  # delivery address if it differs (BG-15): the venue
    period_start: dt.date | None = None  # service period (BG-14)
    period_end: dt.date | None = None
    rate_label: str = ""  # "Tarif adhérent (sociétaire S-0042)" / "Tarif non-adhérent"
    nature: Nature = Nature.SERVICES
    cited_number: str = ""  # credit note: the invoice it corrects (BT-25)
    cited_date: dt.date | None = None  # (BT-26)
    paid_amount: Decimal = Decimal("0.00")  # already paid (BT-113)
    payment_terms: str = ""  # "Échéance : …. Pas d'escompte…. Pénalités…. 40 €…"
    deposit_note: str = ""  # "Caution demandée : 1 200,00 € — non facturée"
    notes: tuple[str, ...] = field(default=())

    @property
    def due_amount(self) -> Decimal:  # BT-115
        return self.gross_total - self.paid_amount
