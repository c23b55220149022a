"""What invoices and credit notes share at issue: the gapless numbering, and the frozen
storage of the document, its lines and its exact bytes with the SHA-256 hash chain (the
parties and their mandatory mentions are ``invoicing.parties``).

Numbers, rows, bytes and the rows' seal (``app.core.seals``) are written inside the
issuing write transaction (``BEGIN IMMEDIATE`` on SQLite): they commit together or not at
all. Rendering and validating the PDF and XML take seconds, so ``issue`` does them before
that transaction: a rehearsal in a read unit of work runs the same issuing action with the
next number peeked (nothing written, no lock taken) and renders it; the write transaction
then runs the action again and stores the rehearsed bytes when it built the very same
document (same number), else the rehearsal is done again. Several desks issuing at once
hold the write lock for milliseconds each, never for a rendering.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlmodel import col, select

from app.core import seals
from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import Database, UnitOfWork, require_id
from app.core.errors import Conflict, NotFound
from app.core.money import to_cents
from app.core.settings import CREDIT_PREFIX, INVOICE_PREFIX, get_setting, is_demo, logo_bytes
from invoicing import letterhead
from invoicing.document import Document, Kind, Line
from invoicing.models import DocumentFile, DocumentSequence, IssuedDocument, IssuedLine
from invoicing.serial import from_json, to_json

#: The default prefixes of invoice and credit note numbers (the settings
#: ``numbering.invoice_prefix`` and ``numbering.credit_prefix`` may name others).
INVOICE_SERIES = "FA"
CREDIT_SERIES = "AV"
GENESIS = "0" * 64
#: The note every quote, invoice and credit note of the demo database carries (the PDF
#: prints it across each page: ``app.core.pdf.DEMO_MARK``, the same words; the Factur-X
#: XML has it as a note); a cooperative's own documents never do.
DEMO_NOTE = "DÉMO — sans valeur"
NUMBER_CHARSET = re.compile(r"[A-Za-z0-9+\-_/]{1,35}")
#: What a numbering prefix may be (as the set-up checks it: ``invoicing.setup_fields``).
PREFIX_CHARSET = re.compile(r"[A-Z][A-Z0-9]{0,9}")


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


def demo_notes(uow: UnitOfWork) -> tuple[str, ...]:
    """``(DEMO_NOTE,)`` in the demo database, else ``()``: what a document's notes start
    with."""
    return (DEMO_NOTE,) if is_demo(uow) else ()


_PREFIX_SETTINGS = {
    Kind.INVOICE: (INVOICE_PREFIX, INVOICE_SERIES),
    Kind.CREDIT_NOTE: (CREDIT_PREFIX, CREDIT_SERIES),
}


def series_for(uow: UnitOfWork, kind: Kind, year: int) -> str:
    """The prefix of ``kind``'s numbers in ``year`` (FA for FA-2026-00001). The settings
    (``numbering.invoice_prefix``, ``numbering.credit_prefix``) name it, but a year keeps
    the prefix of its first number: a prefix changed once documents of that kind exist in
    the year applies from the next year (before that first number, at once), so each
    year's numbers stay one gapless series and no number ever changes."""
    key, default = _PREFIX_SETTINGS[kind]
    used = uow.session.exec(
        select(IssuedDocument.series)
        .where(IssuedDocument.kind == kind.value, IssuedDocument.year == year)
        .order_by(col(IssuedDocument.id).desc())
        .limit(1)
    ).first()
    if used:
        return used
    prefix = get_setting(uow, key).strip() or default
    if not PREFIX_CHARSET.fullmatch(prefix):
        raise Conflict(
            "The numbering prefix {prefix} in the cooperative's settings is not one (1 to 10 "
            "capital letters and digits, starting with a letter: FA): correct it; nothing "
            "was issued.",
            prefix=prefix,
        )
    return prefix


@requires(Permission.INVOICING)
def next_number(uow: UnitOfWork, series: str, year: int) -> tuple[str, int]:
    """The next number of ``series`` in ``year`` (FA-2026-00001), taken in the caller's
    write transaction: a rollback gives it back, so the sequence has no gap. In a
    rehearsal (``issue``) the number is only peeked (plus the rehearsal's offset)."""
    rehearsal = uow.memo.get(_REHEARSAL)
    if isinstance(rehearsal, _Rehearsal):
        found = uow.session.get(DocumentSequence, (series, year))
        value = (found.next_value if found is not None else 1) + rehearsal.offset
        return f"{series}-{year}-{value:05d}", value
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


@requires(Permission.INVOICING)
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
    """Render the document and store it, its lines and its bytes, chained, and seal its
    rows. ``check`` given: the XML is validated first, and a document with problems is not
    issued. Under ``issue``: in the rehearsal, render and stop (nothing written); in the
    write, store the rehearsed bytes when the document is the one rehearsed."""
    require_date_order(uow, series, document)
    rehearsal = uow.memo.get(_REHEARSAL)
    if isinstance(rehearsal, _Rehearsal):
        raise _Rehearsed(document, _render(uow, document, renderer, check))
    # The rehearsal rendered the action's first document; a further one (an action that
    # issues several) is rendered here, in the write transaction.
    take = uow.memo.pop(_TAKE, None)
    if isinstance(take, _Take) and take.document != document:
        same = dataclasses.replace(take.document, number=document.number) == document
        raise _Stale(_seq(take.document.number) - sequence, same_but_number=same)
    if isinstance(take, _Take):
        pdf, xml = take.pdf, take.xml
    else:
        pdf, xml = _render(uow, document, renderer, check)
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
    document_id = require_id(row)
    seals.append(uow.session.connection(), seals.DOCUMENT, document_id, document_id)
    return row


def _render(
    uow: UnitOfWork, document: Document, renderer: Renderer, check: XmlCheck | None
) -> tuple[bytes, bytes | None]:
    """Render with the cooperative's logo at hand (``letterhead.logo_in_use``: a renderer
    not given a logo of its own, as the desktop's, takes it from there)."""
    with letterhead.logo_in_use(logo_bytes(uow)):
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
    return pdf, xml


def require_date_order(uow: UnitOfWork, series: str, document: Document) -> None:
    """Refuse a document dated before the last one issued in its series (a wrong clock
    on this computer would otherwise break the chronological order of the numbers)."""
    query = (
        select(IssuedDocument)
        .where(IssuedDocument.series == series)
        .order_by(col(IssuedDocument.issue_date).desc(), col(IssuedDocument.id).desc())
        .limit(1)
    )
    last = uow.session.exec(query).first()
    if last is None or last.issue_date <= document.issue_date:
        return
    number, day = last.number, last.issue_date
    last_day, today = day.strftime("%d/%m/%Y"), document.issue_date.strftime("%d/%m/%Y")
    if document.kind is Kind.CREDIT_NOTE:
        raise Conflict(
            "The last credit note {number} is dated {last}; this computer's clock says "
            "{today}. A credit note cannot be dated before the last one: check the date and "
            "time of this computer, then issue it again.",
            number=number,
            last=last_day,
            today=today,
        )
    raise Conflict(
        "The last invoice {number} is dated {last}; this computer's clock says {today}. "
        "An invoice cannot be dated before the last one: check the date and time of this "
        "computer, then issue it again.",
        number=number,
        last=last_day,
        today=today,
    )


# --- issuing off the write lock ------------------------------------------------------------

_REHEARSAL = "issuing.rehearsal"
_TAKE = "issuing.take"
#: Rehearsals before the last try, which renders inside the write transaction.
ATTEMPTS = 8
#: A rehearsal made for a number still ahead waits for the numbers before it to be taken,
#: as long as one is taken at least every this many seconds.
AHEAD_QUIET_S = 2.0
#: At most this many numbers ahead are guessed when desks keep taking each other's.
MAX_SPREAD = 16


@dataclass
class _Rehearsal:
    offset: int = 0


@dataclass(frozen=True)
class _Take:
    document: Document
    pdf: bytes
    xml: bytes | None


class _Rehearsed(BaseException):  # noqa: N818 - a signal (no "except Exception" stops it)
    def __init__(self, document: Document, rendered: tuple[bytes, bytes | None]) -> None:
        super().__init__(document.number)
        self.take = _Take(document, rendered[0], rendered[1])


class _Stale(BaseException):  # noqa: N818 - a signal (no "except Exception" stops it)
    """The write built another document than the one rehearsed."""

    def __init__(self, lead: int, *, same_but_number: bool) -> None:
        super().__init__(lead)
        #: Rehearsed number minus the number taken now (> 0: rehearsed ahead).
        self.lead = lead
        self.same_but_number = same_but_number

    @property
    def ahead(self) -> bool:
        """Rehearsed for a number not reached yet, the document otherwise the same."""
        return self.same_but_number and self.lead > 0

    @property
    def behind(self) -> int:
        return max(-self.lead, 0) if self.same_but_number else 0


def _seq(number: str) -> int:
    tail = number.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


@dataclass
class IssueStats:
    """What ``issue`` did (tests and benchmarks read it)."""

    rehearsals: int = 0
    locked_renders: int = 0
    waits: list[float] = field(default_factory=list)


IssueAction = Callable[[UnitOfWork], IssuedDocument]


def issue(
    db: Database,
    action: IssueAction,
    *,
    attempts: int = ATTEMPTS,
    stats: IssueStats | None = None,
) -> IssuedDocument:
    """Issue a document with its rendering outside the write lock. ``action(uow)`` is the
    issuing call (``invoices.issue_invoice(uow, ...)``, ``credit_notes.issue_credit_note``)
    with its renderer and check; it runs first in a read unit of work (a rehearsal: the
    number peeked, the document built, rendered and validated, nothing written), then in a
    short write transaction that takes the number and stores the rehearsed bytes if it
    builds the same document. A refusal (a missing mention, an invalid XML, a wrong date)
    comes from the rehearsal, before any lock. When other desks took the number in
    between, the rehearsal is done again (numbers guessed a little ahead when many desks
    issue at once); the last attempt renders inside the write transaction, as a plain
    ``db.write()`` call of the action would. Returns the stored row (detached: read its
    files with ``files_of`` in a new unit of work)."""
    stats = stats if stats is not None else IssueStats()
    offset, spread = 0, 1
    for _attempt in range(max(attempts - 1, 0)):
        take = _rehearse(db, action, offset)
        stats.rehearsals += 1
        if take is None:  # the action returned without storing: nothing to rehearse
            break
        lead, quiet_until = -1, time.monotonic() + AHEAD_QUIET_S
        while True:
            try:
                with db.write() as uow:
                    uow.memo[_TAKE] = take
                    return action(uow)
            except _Stale as stale:
                if stale.ahead:  # guessed ahead: wait while the numbers before it go
                    if stale.lead != lead:
                        lead, quiet_until = stale.lead, time.monotonic() + AHEAD_QUIET_S
                    if time.monotonic() < quiet_until:
                        pause = 0.01 + random.random() * 0.04
                        stats.waits.append(pause)
                        time.sleep(pause)
                        continue
                    offset, spread = 0, 1  # nobody is taking them: start again from next
                    break
                if not stale.same_but_number:  # the document itself changed: plain retry
                    offset = 0
                    break
                # Other desks took the number: they are many; guess among the next
                # ``spread`` numbers (twice as many after each miss) so that they do not
                # all render the same number again.
                spread = min(spread * 2, MAX_SPREAD)
                offset = random.randrange(spread)
                break
    stats.locked_renders += 1
    with db.write() as uow:
        return action(uow)


def _rehearse(db: Database, action: IssueAction, offset: int) -> _Take | None:
    with db.read() as uow:
        uow.memo[_REHEARSAL] = _Rehearsal(offset)
        try:
            action(uow)
        except _Rehearsed as done:
            return done.take
    return None


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
