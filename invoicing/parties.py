"""The parties of an invoice and their mandatory mentions: the seller (the cooperative,
from its settings), the buyer (a customer), the mentions whose absence refuses an issue,
and the payment terms wording (INVOICING-FR.md §1).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Protocol

from app.core import settings as identity
from app.core.db import UnitOfWork
from app.core.errors import N_, Conflict
from app.core.settings import get_setting
from booking.models import Customer, CustomerCategory, CustomerKind
from invoicing.document import Document, Line, Party, VatCategory
from invoicing.rates import PENALTY_RATE, setting

POSTCODE_CITY = re.compile(r"^\s*(\d{5})\s+(.+?)\s*$")
#: French customers who must give a SIREN (a business). Associations print theirs when
#: known: many are only in the RNA register, without a SIREN. A company established
#: abroad has no SIREN: its VAT number (or nothing, outside the EU) identifies it.
SIREN_REQUIRED = (CustomerCategory.COMPANY, CustomerCategory.COMMUNE, CustomerCategory.VENUE)


# --- parties ------------------------------------------------------------------------------


def _split_address(text: str) -> tuple[str, str, str]:
    """Street lines, postcode, city: the last line of the address is "43000 Ville"."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if lines and (found := POSTCODE_CITY.match(lines[-1])):
        return "\n".join(lines[:-1]), found.group(1), found.group(2)
    return "\n".join(lines), "", ""


def seller(uow: UnitOfWork) -> Party:
    """The cooperative, from its settings (the identity keys of app.core.settings)."""

    def get(key: str) -> str:
        return get_setting(uow, key).strip()

    street, postcode, city = _split_address(get(identity.ADDRESS))
    capital = get(identity.CAPITAL)
    return Party(
        name=get(identity.COOPERATIVE_NAME),
        address=street,
        postcode=postcode,
        city=city,
        siren=get(identity.SIREN) or get(identity.SIRET)[:9],
        siret=get(identity.SIRET),
        vat_number=get(identity.VAT),
        email=get(identity.EMAIL),
        phone=get(identity.PHONE),
        legal_form=get(identity.LEGAL_FORM),
        capital=capital,
        rcs=get(identity.RCS),
        iban=get(identity.IBAN),
        bic=get(identity.BIC),
    )


def is_business(customer: Customer) -> bool:
    """A professional buyer (late-payment penalties and the €40 indemnity apply):
    every organisation that is not an individual."""
    return (
        customer.kind == CustomerKind.ORGANISATION
        and customer.category != CustomerCategory.INDIVIDUAL
    )


def buyer(customer: Customer) -> Party:
    return Party(
        name=customer.name,
        address=customer.address,
        postcode=customer.postcode,
        city=customer.city,
        country=customer.country or "FR",
        siren=customer.siren or customer.siret[:9],
        siret=customer.siret,
        vat_number=customer.vat_number,
        email=customer.email,
        phone=customer.phone,
        is_business=is_business(customer),
        customer_number=customer.number,
        public_buyer=customer.public_buyer,
        category=customer.category,
    )


SELLER_FIELDS = (
    ("name", N_("seller name")),
    ("legal_form", N_("seller legal form")),
    ("capital", N_("seller share capital")),
    ("address", N_("seller address")),
    ("postcode", N_("seller postcode and city")),
    ("siren", N_("seller SIREN")),
    ("siret", N_("seller SIRET")),
    ("rcs", N_("seller RCS")),
    ("vat_number", N_("seller VAT number")),
    ("iban", N_("seller IBAN")),
    ("bic", N_("seller BIC")),
)


def is_association(seller_party: Party) -> bool:
    """An association (loi 1901): no share capital, and registered at the RNA (a "W…"
    number), not at the RCS."""
    form = seller_party.legal_form.casefold()
    return "association" in form or seller_party.rcs.strip().upper().startswith("W")


def missing_mentions(
    seller_party: Party,
    buyer_party: Party,
    customer_category: str,
    *,
    vat_number_required: bool = True,
) -> list[str]:
    """The mandatory mentions (INVOICING-FR.md §1) that are empty. An association has no
    share capital nor RCS registration; a cooperative under the VAT franchise (art. 293 B
    du CGI: ``vat_number_required`` False) may have no VAT number; the BIC is printed when
    known, never required."""
    optional = {"bic"}  # SEPA transfers need the IBAN alone (C's set-up leaves it optional)
    if is_association(seller_party):
        optional |= {"capital", "rcs"}
    if not vat_number_required:
        optional.add("vat_number")
    missing = [
        label
        for attr, label in SELLER_FIELDS
        if attr not in optional and not getattr(seller_party, attr)
    ]
    if not buyer_party.name:
        missing.append(N_("customer name"))
    if not buyer_party.address or not buyer_party.city:
        missing.append(N_("customer address"))
    french = (buyer_party.country or "FR").upper() == "FR"
    if french and customer_category in SIREN_REQUIRED and not buyer_party.siren:
        missing.append(N_("customer SIREN"))
    # No e-mail is required: a buyer without a SIREN is not on the e-invoicing network
    # (B2C, e-reporting), its invoice is printed (facturx_xml gives BT-49 a fallback).
    return missing


def public_buyer_warnings(document: Document) -> list[str]:
    """What Chorus Pro may reject on a public buyer's invoice (not a refusal: only the
    buyer's own settings say whether its service code and commitment number are
    mandatory): N_ messages, [] when nothing is missing or the buyer is not public."""
    if not document.buyer.public_buyer:
        return []
    warnings = []
    if not document.buyer_reference.strip():
        warnings.append(
            N_(
                "The public buyer has no service code (buyer reference): Chorus Pro rejects "
                "the invoice if the buyer requires one."
            )
        )
    if not document.order_reference.strip():
        warnings.append(
            N_(
                "The booking has no commitment (engagement) number: Chorus Pro rejects the "
                "invoice if the buyer requires one."
            )
        )
    return warnings


def require_mentions(
    seller_party: Party,
    buyer_party: Party,
    customer_category: str,
    *,
    vat_number_required: bool = True,
) -> None:
    missing = missing_mentions(
        seller_party, buyer_party, customer_category, vat_number_required=vat_number_required
    )
    if missing:
        raise Conflict(
            "Cannot issue: mandatory mentions are missing ({missing}). Complete the "
            "cooperative's settings or the customer's record; nothing was issued.",
            missing=", ".join(missing),
        )


def require_lines(lines: Sequence[Line]) -> None:
    if not lines:
        raise Conflict("There is nothing to invoice: the document has no lines.")
    categories = {ln.vat_category for ln in lines}
    if VatCategory.OUT_OF_SCOPE in categories and len(categories) > 1:
        raise Conflict(
            "Charges outside the scope of VAT cannot share an invoice with taxed lines "
            "(EN 16931 BR-O-11): invoice them on their own."
        )


#: The FR-CTC processing categories (BAR note, BR-FR-20) used here.
B2B, B2C, B2BINT, B2CINT = "B2B", "B2C", "B2BINT", "B2CINT"


def processing_category(buyer_party: Party) -> str:
    """E-invoiced (B2B) or e-reported (B2C, B2BINT, B2CINT): the one rule for the BAR note
    of the Factur-X XML and for e-reporting (issue 11, INVOICING-FR.md §3.4, §3.6).

    - a buyer established outside France: B2BINT (a business) or B2CINT (an individual);
    - a French individual, a public body (Chorus Pro, outside the e-invoicing network):
      B2C;
    - a French business with a SIREN that is VAT-registered — it has a VAT number, or it
      is a company (a company is always registered, its number may be missing from the
      record): B2B, addressed by its SIREN (BR-FR-11, BR-FR-21);
    - anyone else (an association or a venue without a VAT number, a business without a
      SIREN): B2C.
    A document frozen before customers' categories were recorded (``category`` "") keeps
    the earlier rule: a business with a SIREN is B2B.
    """
    if (buyer_party.country or "FR").upper() != "FR":
        return B2BINT if buyer_party.is_business else B2CINT
    if not buyer_party.is_business or buyer_party.public_buyer or not buyer_party.siren:
        return B2C
    if buyer_party.vat_number.strip() or buyer_party.category in ("", CustomerCategory.COMPANY):
        return B2B
    return B2C


def fr_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def payment_terms(uow: UnitOfWork, due: dt.date, buyer_party: Party) -> str:
    """Mandatory payment wording (INVOICING-FR.md §1.7), French: a public buyer gets the
    public-procurement wording, a professional the commercial one, an individual neither."""
    text = f"Échéance : {fr_date(due)}. Pas d'escompte pour paiement anticipé."
    if buyer_party.public_buyer:
        return text + (
            " En cas de retard : intérêts moratoires au taux de la BCE majoré de 8 points "
            "et indemnité forfaitaire pour frais de recouvrement de 40 € "
            "(art. R2192-31 et suivants du Code de la commande publique)."
        )
    if buyer_party.is_business:
        return text + (
            f" En cas de retard : pénalités au {setting(uow, PENALTY_RATE)}, exigibles dès "
            "le lendemain de l'échéance, et indemnité forfaitaire pour frais de recouvrement "
            "de 40 € (art. L441-10 et D441-5 du Code de commerce)."
        )
    return text


class Referenced(Protocol):
    """What the buyer's references are read from: a stored booking or an editor draft."""

    @property
    def reference(self) -> str: ...


def references(customer: Customer, booking: Referenced) -> tuple[str, str]:
    """The buyer's reference (BT-10: the booking's, else the customer's Chorus Pro service
    code) and its purchase order or commitment number (BT-13)."""
    buyer_reference = str(getattr(booking, "buyer_reference", "") or "") or customer.service_code
    return buyer_reference, str(getattr(booking, "order_reference", "") or "")
