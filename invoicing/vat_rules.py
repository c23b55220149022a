"""VAT treatments: which VAT category, exemption reason (printed) and VATEX code (BT-121)
each line of an invoice takes for its buyer, and the VAT breakdown and totals of a
document (EN 16931: VAT per category and rate, on the sum of the line nets, rounded half
up). INVOICING-FR.md §2.2, §2.4; the rules are one pure function, ``treat``.

The rules, in order:

1. A line already outside the scope of VAT (category O: a damage or loss indemnity, by
   the ``invoicing.damage_vat_category`` setting) stays O. EN 16931 wants such a line
   alone on its invoice (BR-O-11..14, ``parties.require_lines``) and the XML then carries
   no VAT number (BR-O-02: ``facturx_xml`` keeps the seller's identity by its SIREN).
2. A business customer established in another EU member state, with a VAT number
   (checked with python-stdnum at entry, its prefix matching the country):
   - rental (hire of movable goods, a service): the place of supply is the customer's
     country (art. 259-1° CGI, art. 44 of directive 2006/112/EC) → category AE, rate 0,
     VATEX-EU-AE, printed "Autoliquidation" with article 196 of the directive; both VAT
     numbers are on the invoice (BR-AE-02);
   - consumables sold (goods): intra-EU supply exempt under art. 262 ter I CGI → K, rate
     0, VATEX-EU-IC, "Exonération de TVA, article 262 ter I du CGI". Assumption: the goods
     leave France with the rented equipment to the customer's country (the deliver-to
     country, BT-80, is the customer's, BR-IC-12). The cooperative must keep the proof of
     transport; goods handed over for use in France would owe French VAT, which this rule
     does not detect (the venue is free text) — invoice such goods to the customer as a
     separate sale at the standard rate if it happens.
   Without a VAT number an EU business is treated as an individual: French VAT.
3. A business customer established outside the EU: the hire of movable goods to a
   business is supplied where the customer is established (art. 259-1° CGI), outside
   France; consumables taken out of the EU are an exempt export (art. 262 I CGI). Both
   are coded **G** (VAT not charged, export outside the EU, VATEX-EU-G), not O:
   - O ("not subject to VAT") forbids the seller's VAT number in the XML (BR-O-02) while
     French law wants it on every invoice of a VAT-registered seller (CGI ann. II art.
     242 nonies A), and O cannot share an invoice with any other category (BR-O-11), so
     a rental with consumables could not be invoiced at once;
   - G keeps the seller's VAT number (BR-G-02 requires it), takes the rental and the
     goods in one breakdown, and validates against EN 16931 and FR-CTC.
   The printed reason names the article of each kind of line present.
4. An exempt operation (an item type whose ``item_rate.vat_exemption`` is set) for a
   customer taxed in France → E, rate 0, its article printed (BT-120). No VATEX code: the
   EN 16931 code list has no code for the French articles (the VATEX-FR-CGI261… codes
   belong to the EXTENDED-CTC-FR profile), and BR-E-10 is met by the reason text.
5. Everyone else — French customers of every kind, individuals wherever they live (EU or
   not: the general B2C rule, place of supply in France) — as priced: S at its rate.

A cooperative under the VAT franchise (franchise en base, art. 293 B du CGI: setting
``invoicing.vat_regime`` = ``franchise``) charges no VAT at all: every line but one outside
the scope of VAT (rule 1) is E at 0, printed "TVA non applicable, art. 293 B du CGI" (the
mention the article requires), with the VATEX code ``VATEX-FR-FRANCHISE`` (BT-121: in the
VATEX code list of the Factur-X 1.09 EN 16931 profile validated against). The franchise
comes before rules 2 to 5: a seller who charges no VAT does not reverse-charge nor exempt
either (a cooperative under the franchise that sells to businesses abroad should leave it).

The FR-CTC BAR note follows the buyer: ``facturx_xml.business_category``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from sqlmodel import col, select

from app.core.db import UnitOfWork
from app.core.money import quantize
from app.core.settings import VAT_FRANCHISE, VAT_REGIME, get_setting
from booking import countries
from booking.models import Customer, CustomerCategory, CustomerKind
from inventory.models import ItemType
from invoicing import pricing_reads
from invoicing.document import Line, VatCategory, VatTotal
from invoicing.models import ItemRate

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)

REVERSE_CHARGE = "Autoliquidation, article 196 de la directive 2006/112/CE"
INTRA_EU_GOODS = "Exonération de TVA, article 262 ter I du CGI"
EXPORT_SERVICES = (
    "TVA non applicable, article 259-1° du CGI (preneur établi hors de l'Union européenne)"
)
EXPORT_GOODS = "Exonération de TVA, article 262 I du CGI (exportation)"
FRANCHISE = "TVA non applicable, art. 293 B du CGI"
FRANCHISE_CODE = "VATEX-FR-FRANCHISE"

#: Exemption reasons printed (and put in the XML) for non-standard VAT categories, when
#: the lines do not say more.
EXEMPTION_REASONS: dict[VatCategory, str] = {
    VatCategory.OUT_OF_SCOPE: "Indemnité hors du champ d'application de la TVA",
    VatCategory.EXEMPT: "Exonération de TVA",
    VatCategory.REVERSE_CHARGE: REVERSE_CHARGE,
    VatCategory.INTRA_EU: INTRA_EU_GOODS,
    VatCategory.EXPORT: "TVA non applicable, opération hors de l'Union européenne",
}
#: BT-121 codes (CEF VATEX list, as EN 16931 knows it).
EXEMPTION_CODES: dict[VatCategory, str] = {
    VatCategory.OUT_OF_SCOPE: "VATEX-EU-O",
    VatCategory.REVERSE_CHARGE: "VATEX-EU-AE",
    VatCategory.INTRA_EU: "VATEX-EU-IC",
    VatCategory.EXPORT: "VATEX-EU-G",
}


class Buyer(StrEnum):
    """Where a buyer stands for VAT."""

    TAXED_IN_FRANCE = "france"  # French customers, individuals anywhere
    EU_BUSINESS = "eu_business"
    NON_EU_BUSINESS = "non_eu_business"


def buyer_kind(*, country: str, is_business: bool, vat_number: str) -> Buyer:
    """The buyer's VAT standing from its country, whether it is a business, and its VAT
    number (already checked at entry)."""
    country = (country or "FR").upper()
    if not is_business or country == "FR":
        return Buyer.TAXED_IN_FRANCE
    if countries.in_eu(country):
        return Buyer.EU_BUSINESS if vat_number.strip() else Buyer.TAXED_IN_FRANCE
    return Buyer.NON_EU_BUSINESS


def customer_buyer_kind(customer: Customer) -> Buyer:
    business = (
        customer.kind == CustomerKind.ORGANISATION
        and customer.category != CustomerCategory.INDIVIDUAL
    )
    return buyer_kind(
        country=customer.country, is_business=business, vat_number=customer.vat_number
    )


def treat(line: Line, buyer: Buyer, exemption: str = "", *, franchise: bool = False) -> Line:
    """One line with its VAT treatment (the rules of the module docstring); ``exemption``
    is the legal article of an exempt item type ("" when it is taxed); ``franchise``: the
    seller is under the VAT franchise (no VAT charged at all)."""
    if line.vat_category is VatCategory.OUT_OF_SCOPE:
        return line
    if franchise:
        return _zero(line, VatCategory.EXEMPT, FRANCHISE)
    if buyer is Buyer.EU_BUSINESS:
        if line.is_goods:
            return _zero(line, VatCategory.INTRA_EU, INTRA_EU_GOODS)
        return _zero(line, VatCategory.REVERSE_CHARGE, REVERSE_CHARGE)
    if buyer is Buyer.NON_EU_BUSINESS:
        return _zero(line, VatCategory.EXPORT, EXPORT_GOODS if line.is_goods else EXPORT_SERVICES)
    if exemption.strip():
        return _zero(line, VatCategory.EXEMPT, exemption_wording(exemption))
    return line


def exemption_wording(article: str) -> str:
    """The printed reason of an exempt operation: "Exonération de TVA, article …"."""
    article = " ".join(article.split())
    if article.casefold().startswith(("exonér", "exoner", "tva ")):
        return article
    if article[:1].isupper() and article.casefold().startswith("article"):
        article = "a" + article[1:]
    return f"Exonération de TVA, {article}"


def _zero(line: Line, category: VatCategory, reason: str) -> Line:
    return replace(line, vat_category=category, vat_rate=ZERO, exemption_reason=reason)


def exemptions(uow: UnitOfWork, codes: Iterable[str]) -> dict[str, str]:
    """The legal article of each exempt item type among ``codes`` (item type code → article)."""
    wanted = sorted({c for c in codes if c})
    if not wanted:
        return {}
    known = pricing_reads.known_exemptions(uow, wanted)  # read with the rates being priced
    if known is not None:
        return known
    query = (
        select(ItemType.code, ItemRate.vat_exemption)
        .join(ItemRate, col(ItemRate.item_type_id) == col(ItemType.id))
        .where(col(ItemType.code).in_(wanted), col(ItemRate.vat_exemption) != "")
    )
    return {code: article for code, article in uow.session.exec(query)}


def is_franchise(uow: UnitOfWork) -> bool:
    """Is the cooperative under the VAT franchise (it charges no VAT)?"""
    return get_setting(uow, VAT_REGIME).strip().casefold() == VAT_FRANCHISE


def franchised(lines: Sequence[Line]) -> bool:
    """Lines issued under the VAT franchise (every one that is not outside the scope of
    VAT bears the art. 293 B wording): the seller needs no VAT number on them."""
    taxable = [ln for ln in lines if ln.vat_category is not VatCategory.OUT_OF_SCOPE]
    return bool(taxable) and all(ln.exemption_reason == FRANCHISE for ln in taxable)


def apply(uow: UnitOfWork, customer: Customer, lines: Sequence[Line]) -> list[Line]:
    """The lines with the VAT treatment of this buyer (same order, same count)."""
    buyer = customer_buyer_kind(customer)
    franchise = is_franchise(uow)
    exempt = {} if franchise else exemptions(uow, (ln.item_code for ln in lines))
    return [treat(ln, buyer, exempt.get(ln.item_code, ""), franchise=franchise) for ln in lines]


# --- totals --------------------------------------------------------------------------------


def _reason(category: VatCategory, lines: Sequence[Line]) -> str:
    reasons: list[str] = []
    for line in lines:
        if line.exemption_reason and line.exemption_reason not in reasons:
            reasons.append(line.exemption_reason)
    if category is VatCategory.STANDARD:
        return ""
    return " ; ".join(reasons) or EXEMPTION_REASONS.get(category, "")


def _code(category: VatCategory, lines: Sequence[Line]) -> str:
    if category is VatCategory.EXEMPT and all(ln.exemption_reason == FRANCHISE for ln in lines):
        return FRANCHISE_CODE
    return EXEMPTION_CODES.get(category, "")


def vat_totals(lines: Iterable[Line]) -> tuple[VatTotal, ...]:
    """Per (category, rate): base = Σ line nets, amount = round_half_up(base × rate); the
    exemption reason joins the lines' own (one breakdown per category: BR-E-01, BR-AE-01…)."""
    groups: dict[tuple[VatCategory, Decimal], list[Line]] = {}
    for line in lines:
        groups.setdefault((line.vat_category, line.vat_rate), []).append(line)
    totals_: list[VatTotal] = []
    for (category, rate), members in sorted(groups.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        base = sum((ln.net for ln in members), ZERO)
        totals_.append(
            VatTotal(
                rate=rate,
                category=category,
                base=quantize(base),
                amount=quantize(base * rate / HUNDRED),
                exemption_reason=_reason(category, members),
                exemption_code=_code(category, members),
            )
        )
    return tuple(totals_)


@dataclass(frozen=True)
class Totals:
    vat: tuple[VatTotal, ...]
    net: Decimal
    vat_total: Decimal
    gross: Decimal


def totals(lines: Sequence[Line]) -> Totals:
    vat = vat_totals(lines)
    net = quantize(sum((ln.net for ln in lines), ZERO))
    vat_total = quantize(sum((v.amount for v in vat), ZERO))
    return Totals(vat, net, vat_total, net + vat_total)
