"""What invoices and credit notes share at issue: the parties and their mandatory
mentions, the payment terms text, the gapless numbering, and the frozen storage of the
document, its lines and its exact bytes with the SHA-256 hash chain.

Everything here runs inside the issuing write transaction (``BEGIN IMMEDIATE`` on
SQLite): the number taken, the rows and the bytes commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlmodel import col, select

from app.core import settings as identity
from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import N_, Conflict, NotFound
from app.core.money import to_cents
from app.core.settings import get_setting
from booking.models import Customer, CustomerCategory, CustomerKind
from invoicing.document import Document, Kind, Line, Party, VatCategory
from invoicing.models import DocumentFile, DocumentSequence, IssuedDocument, IssuedLine
from invoicing.rates import PENALTY_RATE, setting
from invoicing.serial import from_json, to_json

INVOICE_SERIES = "FA"
CREDIT_SERIES = "AV"
GENESIS = "0" * 64
NUMBER_CHARSET = re.compile(r"[A-Za-z0-9+\-_/]{1,35}")
POSTCODE_CITY = re.compile(r"^\s*(\d{5})\s+(.+?)\s*$")
#: Customers who must give a SIREN (a business). Associations print theirs when known:
#: many are only in the RNA register, without a SIREN.
SIREN_REQUIRED = (CustomerCategory.COMPANY, CustomerCategory.COMMUNE, CustomerCategory.VENUE)


class Rendered(Protocol):
    pdf: bytes
    xml: bytes | None


Renderer = Callable[[Document], Rendered]
#: A validator of the Factur-X XML about to be frozen: its problems, [] when valid
#: (``invoicing.validation.check_xml``: XSD, EN 16931 and FR-CTC schematrons).
XmlCheck = Callable[[bytes], list[str]]


@dataclass(frozen=True)
class Covered:
    """An invoice line with what it covers of its booking (``covers`` "" for none)."""

    line: Line
    covers: str = ""
    quantity: int = 0
    credits_position: int = 0


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


def missing_mentions(seller_party: Party, buyer_party: Party, customer_category: str) -> list[str]:
    """The mandatory mentions (INVOICING-FR.md §1) that are empty."""
    missing = [label for attr, label in SELLER_FIELDS if not getattr(seller_party, attr)]
    if not buyer_party.name:
        missing.append(N_("customer name"))
    if not buyer_party.address or not buyer_party.city:
        missing.append(N_("customer address"))
    if customer_category in SIREN_REQUIRED and not buyer_party.siren:
        missing.append(N_("customer SIREN"))
    elif not buyer_party.siren and not buyer_party.email:
        missing.append(N_("customer SIREN or e-mail (the e-invoice's electronic address)"))
    return missing


def require_mentions(seller_party: Party, buyer_party: Party, customer_category: str) -> None:
    missing = missing_mentions(seller_party, buyer_party, customer_category)
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


def fr_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def payment_terms(uow: UnitOfWork, due: dt.date, customer_category: str, business: bool) -> str:
    """Mandatory payment wording (INVOICING-FR.md §1.7), French."""
    text = f"Échéance : {fr_date(due)}. Pas d'escompte pour paiement anticipé."
    if customer_category == CustomerCategory.COMMUNE:
        return text + (
            " En cas de retard : intérêts moratoires au taux de la BCE majoré de 8 points "
            "et indemnité forfaitaire pour frais de recouvrement de 40 € "
            "(art. R2192-31 et suivants du Code de la commande publique)."
        )
    if business:
        return text + (
            f" En cas de retard : pénalités au {setting(uow, PENALTY_RATE)}, exigibles dès "
            "le lendemain de l'échéance, et indemnité forfaitaire pour frais de recouvrement "
            "de 40 € (art. L441-10 et D441-5 du Code de commerce)."
        )
    return text


# --- numbering and storage ----------------------------------------------------------------


def next_number(uow: UnitOfWork, series: str, year: int) -> tuple[str, int]:
    """The next number of ``series`` in ``year`` (FA-2026-00001), taken in the caller's
    write transaction: a rollback gives it back, so the sequence has no gap."""
    row = uow.session.get(DocumentSequence, (series, year))
    if row is None:
        row = DocumentSequence(series=series, year=year, next_value=1)
        uow.session.add(row)
    value = row.next_value
    row.next_value = value + 1
    uow.flush()
    number = f"{series}-{year}-{value:05d}"
    assert NUMBER_CHARSET.fullmatch(number), number
    return number, value


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def chain(prev: str, pdf_sha: str, xml_sha: str) -> str:
    return hashlib.sha256((prev + pdf_sha + xml_sha).encode("ascii")).hexdigest()


def last_chain_hash(uow: UnitOfWork) -> str:
    query = select(DocumentFile.chain_hash).order_by(col(DocumentFile.document_id).desc())
    return uow.session.exec(query.limit(1)).first() or GENESIS


def store(
    uow: UnitOfWork,
    *,
    user: str,
    document: Document,
    lines: Sequence[Covered],
    series: str,
    sequence: int,
    customer_id: int,
    booking_id: int | None,
    cites_id: int | None,
    reason: str,
    renderer: Renderer,
    clock: Clock,
    check: XmlCheck | None = None,
) -> IssuedDocument:
    """Render the document and store it, its lines and its bytes, chained. ``check``
    given: the XML is validated first, and a document with problems is not issued."""
    rendered = renderer(document)
    pdf, xml = bytes(rendered.pdf), rendered.xml
    if not pdf:
        raise Conflict("The renderer produced an empty PDF; nothing was issued.")
    if check is not None and xml is not None:
        problems = check(xml)
        if problems:
            raise Conflict(
                "The Factur-X XML of {number} is not valid ({problems}); nothing was issued.",
                number=document.number,
                problems="; ".join(problems[:3]) + (" …" if len(problems) > 3 else ""),
            )
    row = IssuedDocument(
        kind=document.kind.value,
        number=document.number,
        series=series,
        year=document.issue_date.year,
        sequence=sequence,
        issue_date=document.issue_date,
        due_date=document.due_date or document.issue_date,
        booking_id=booking_id,
        customer_id=customer_id,
        cites_id=cites_id,
        buyer_name=document.buyer.name,
        net_cents=to_cents(document.net_total),
        vat_cents=to_cents(document.vat_total),
        gross_cents=to_cents(document.gross_total),
        reason=reason,
        document_json=to_json(document),
        issued_at=clock.now(),
        issued_by=user,
    )
    uow.session.add(row)
    uow.flush()
    for position, item in enumerate(lines, start=1):
        ln = item.line
        uow.session.add(
            IssuedLine(
                document_id=require_id(row),
                position=position,
                covers=item.covers,
                covered_quantity=item.quantity,
                description=ln.description,
                quantity=str(ln.quantity),
                net_cents=to_cents(ln.net),
                vat_category=ln.vat_category.value,
                vat_rate_bp=int(ln.vat_rate * 100),
                credits_position=item.credits_position,
            )
        )
    pdf_sha = _sha(pdf)
    xml_sha = _sha(xml) if xml is not None else ""
    prev = last_chain_hash(uow)
    uow.session.add(
        DocumentFile(
            document_id=require_id(row),
            pdf=pdf,
            xml=xml,
            pdf_sha256=pdf_sha,
            xml_sha256=xml_sha,
            prev_chain_hash=prev,
            chain_hash=chain(prev, pdf_sha, xml_sha),
        )
    )
    uow.flush()
    return row


# --- reading back -------------------------------------------------------------------------


def issued_by_number(uow: UnitOfWork, number: str, kind: Kind | None = None) -> IssuedDocument:
    number = number.strip().upper()
    row = uow.session.exec(select(IssuedDocument).where(IssuedDocument.number == number)).first()
    if row is None or (kind is not None and row.kind != kind.value):
        if kind is Kind.CREDIT_NOTE:
            raise NotFound("No credit note has the number {number}.", number=number)
        raise NotFound("No issued invoice has the number {number}.", number=number)
    return row


def frozen_document(row: IssuedDocument) -> Document:
    return from_json(row.document_json)


def files_of(uow: UnitOfWork, document_id: int) -> DocumentFile:
    found = uow.session.get(DocumentFile, document_id)
    assert found is not None
    return found


def verify_chain(uow: UnitOfWork) -> list[str]:
    """Numbers of documents whose bytes or chain link do not match (empty: intact)."""
    prev, broken = GENESIS, []
    query = (
        select(DocumentFile, IssuedDocument.number)
        .join(IssuedDocument, col(IssuedDocument.id) == col(DocumentFile.document_id))
        .order_by(col(DocumentFile.document_id))
    )
    for f, number in uow.session.exec(query):
        xml_sha = _sha(f.xml) if f.xml is not None else ""
        ok = (
            f.prev_chain_hash == prev
            and _sha(f.pdf) == f.pdf_sha256
            and xml_sha == f.xml_sha256
            and f.chain_hash == chain(prev, f.pdf_sha256, f.xml_sha256)
        )
        if not ok:
            broken.append(number)
        prev = f.chain_hash
    return broken
