"""What invoices and credit notes share at issue: the gapless numbering, and the frozen
storage of the document, its lines and its exact bytes with the SHA-256 hash chain (the
parties and their mandatory mentions are ``invoicing.parties``).

Everything here runs inside the issuing write transaction (``BEGIN IMMEDIATE`` on
SQLite): the number taken, the rows and the bytes commit together or not at all.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict, NotFound
from app.core.money import to_cents
from invoicing.document import Document, Kind, Line
from invoicing.models import DocumentFile, DocumentSequence, IssuedDocument, IssuedLine
from invoicing.serial import from_json, to_json

INVOICE_SERIES = "FA"
CREDIT_SERIES = "AV"
GENESIS = "0" * 64
NUMBER_CHARSET = re.compile(r"[A-Za-z0-9+\-_/]{1,35}")


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
