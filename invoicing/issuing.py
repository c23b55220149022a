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
hold the write lock for milliseconds each, never for a rendering. When nothing was
committed since the rehearsal began (``rehearsed``: the audit trail's last id is the same),
the action takes back what it prepared in the rehearsal instead of drafting it again.

The writes are Core statements built once (numbering, the document, its lines in one
statement, its file), recorded on the audit trail as a flush would have
(``app.core.audit.record_core``); the returned row is attached to the session as stored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import bindparam, func, insert, update
from sqlalchemy import select as core_select
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import col, select

from app.core import audit, seals
from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import Database, UnitOfWork
from app.core.errors import Conflict, NotFound
from app.core.models import AuditEvent
from app.core.money import to_cents
from app.core.settings import CREDIT_PREFIX, INVOICE_PREFIX, get_setting, is_demo, logo_bytes
from booking.availability import table_of
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


# --- statements (built once; SQLAlchemy caches their compiled form) ----------------------

_DOC = table_of(IssuedDocument)
_LINE = table_of(IssuedLine)
_FILE = table_of(DocumentFile)
_SEQ = table_of(DocumentSequence)
_SERIES_USED = (
    core_select(_DOC.c.series)
    .where(_DOC.c.kind == bindparam("kind"), _DOC.c.year == bindparam("year"))
    .order_by(_DOC.c.id.desc())
    .limit(1)
)
_PEEK = core_select(_SEQ.c.next_value).where(
    _SEQ.c.series == bindparam("of_series"), _SEQ.c.year == bindparam("of_year")
)
_BUMP = (
    update(_SEQ)
    .where(_SEQ.c.series == bindparam("of_series"), _SEQ.c.year == bindparam("of_year"))
    .values(next_value=_SEQ.c.next_value + 1)
    .returning(_SEQ.c.next_value)
)
_LAST_OF_SERIES = (
    core_select(_DOC.c.number, _DOC.c.issue_date)
    .where(_DOC.c.series == bindparam("series"))
    .order_by(_DOC.c.issue_date.desc(), _DOC.c.id.desc())
    .limit(1)
)
_LAST_CHAIN = core_select(_FILE.c.chain_hash).order_by(_FILE.c.document_id.desc()).limit(1)
_INSERT_DOCUMENT = insert(_DOC).returning(_DOC.c.id)
#: One multi-row statement on both engines; rows are matched back by their position.
_INSERT_LINES = insert(_LINE).returning(_LINE.c.id, _LINE.c.position)
_INSERT_FILE = insert(_FILE)


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
    used = uow.session.execute(_SERIES_USED, {"kind": kind.value, "year": year}).scalar()
    if used:
        return str(used)
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
    key = {"of_series": series, "of_year": year}
    if isinstance(rehearsal, _Rehearsal):
        found = uow.session.execute(_PEEK, key).scalar()
        value = (found if found is not None else 1) + rehearsal.offset
        return f"{series}-{year}-{value:05d}", value
    following = uow.session.execute(_BUMP, key).scalar()
    if following is None:  # the series' first number this year
        first = {"series": series, "year": year, "next_value": 2}
        uow.session.execute(insert(_SEQ), first)
        value, change = 1, audit.inserted(_SEQ, first)
    else:
        value = following - 1
        names = {"series": series, "year": year}
        change = audit.updated(_SEQ, names, {"next_value": value}, {"next_value": following})
    audit.record_core(uow.session, [change])
    number = f"{series}-{year}-{value:05d}"
    assert NUMBER_CHARSET.fullmatch(number), number
    return number, value


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def chain(prev: str, pdf_sha: str, xml_sha: str) -> str:
    return hashlib.sha256((prev + pdf_sha + xml_sha).encode("ascii")).hexdigest()


def last_chain_hash(uow: UnitOfWork) -> str:
    found = uow.session.execute(_LAST_CHAIN).scalar()
    return str(found) if found else GENESIS


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
        rendered = _render(uow, document, renderer, check)
        prepared = uow.memo.get(_PREPARED)
        raise _Rehearsed(
            _Take(
                document,
                rendered[0],
                rendered[1],
                prepared if isinstance(prepared, tuple) else None,
                rehearsal.since,
            )
        )
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
    values: dict[str, Any] = {
        "kind": document.kind.value,
        "number": document.number,
        "series": series,
        "year": document.issue_date.year,
        "sequence": sequence,
        "issue_date": document.issue_date,
        "due_date": document.due_date or document.issue_date,
        "booking_id": booking_id,
        "customer_id": customer_id,
        "cites_id": cites_id,
        "buyer_name": document.buyer.name,
        "net_cents": to_cents(document.net_total),
        "vat_cents": to_cents(document.vat_total),
        "gross_cents": to_cents(document.gross_total),
        "reason": reason,
        "document_json": to_json(document),
        "issued_at": clock.now(),
        "issued_by": user,
    }
    session = uow.session
    session.flush()  # what the caller changed through the ORM is written first, as before
    document_id = int(session.execute(_INSERT_DOCUMENT, values).scalar_one())
    values["id"] = document_id
    changes = [audit.inserted(_DOC, values)]
    rows = [
        {
            "document_id": document_id,
            "position": position,
            "covers": item.covers,
            "covered_quantity": item.quantity,
            "description": item.line.description,
            "quantity": str(item.line.quantity),
            "net_cents": to_cents(item.line.net),
            "vat_category": item.line.vat_category.value,
            "vat_rate_bp": int(item.line.vat_rate * 100),
            "credits_position": item.credits_position,
        }
        for position, item in enumerate(lines, start=1)
    ]
    if rows:
        ids = dict((p, i) for i, p in session.execute(_INSERT_LINES, rows))
        changes += [audit.inserted(_LINE, {"id": ids[r["position"]], **r}) for r in rows]
    pdf_sha = _sha(pdf)
    xml_sha = _sha(xml) if xml is not None else ""
    prev = last_chain_hash(uow)
    stored = {
        "document_id": document_id,
        "pdf": pdf,
        "xml": xml,
        "pdf_sha256": pdf_sha,
        "xml_sha256": xml_sha,
        "prev_chain_hash": prev,
        "chain_hash": chain(prev, pdf_sha, xml_sha),
    }
    session.execute(_INSERT_FILE, stored)
    changes.append(audit.inserted(_FILE, stored))
    audit.record_core(session, changes)
    seals.append(session.connection(), seals.DOCUMENT, document_id, document_id)
    row = IssuedDocument(**values)
    make_transient_to_detached(row)
    session.add(row)
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
    last = uow.session.execute(_LAST_OF_SERIES, {"series": series}).first()
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
    #: The audit trail's last id when the rehearsal began (before it read anything).
    since: int = 0


@dataclass(frozen=True)
class _Take:
    document: Document
    pdf: bytes
    xml: bytes | None
    #: What the action prepared in the rehearsal (``keep_prepared``): (its key, the value).
    prepared: tuple[object, object] | None = None
    since: int = 0


class _Rehearsed(BaseException):  # noqa: N818 - a signal (no "except Exception" stops it)
    def __init__(self, take: _Take) -> None:
        super().__init__(take.document.number)
        self.take = take


_PREPARED = "issuing.prepared"
_STATS = "issuing.stats"
_LAST_AUDIT = core_select(func.max(table_of(AuditEvent).c.id))


def _last_audit_id(uow: UnitOfWork) -> int:
    return int(uow.session.execute(_LAST_AUDIT).scalar() or 0)


def keep_prepared(uow: UnitOfWork, key: object, prepared: object) -> None:
    """In a rehearsal (``issue``): what the action prepared for ``key`` (its arguments),
    for the write to take back with ``rehearsed``."""
    if isinstance(uow.memo.get(_REHEARSAL), _Rehearsal):
        uow.memo[_PREPARED] = (key, prepared)


def rehearsed(uow: UnitOfWork, key: object) -> object | None:
    """In the write of an ``issue``: what the rehearsal prepared for ``key``, when nothing
    was committed since the rehearsal began — the audit trail's last id, read here under
    the write lock, is still the one it read first (every committed write adds to the
    trail, and writers take the lock in turn, so ids grow in the order of the commits).
    None otherwise: the action prepares again from what the database holds now. Either
    way ``store`` then stores the rehearsed bytes only for the very same document."""
    take = uow.memo.get(_TAKE)
    if not isinstance(take, _Take) or take.prepared is None or take.prepared[0] != key:
        return None
    if _last_audit_id(uow) != take.since:
        return None
    stats = uow.memo.get(_STATS)
    if isinstance(stats, IssueStats):
        stats.reused += 1
    return take.prepared[1]


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
    #: Writes that stored what the rehearsal prepared (nothing committed in between).
    reused: int = 0
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
                    uow.memo[_STATS] = stats
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
        # the first read: the rehearsal sees the database as it was at this audit id
        uow.memo[_REHEARSAL] = _Rehearsal(offset, _last_audit_id(uow))
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
