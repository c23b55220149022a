"""Monthly statements (relevés de compte, INVOICING-FR.md §5): what a customer owed at the
start of a month, the month's invoices, credit notes and payments, what they owe at its
end and how old it is; the month's bookings with their equipment-days and the deposits
held (for information, never in the balance). A statement is not an invoice: it repeats
no line or VAT detail, and its PDF says so (``statement_pdf``).

The ledger is derived from the immutable documents and payments, dated as follows:

- an invoice (+) and a credit note (−) on their issue date;
- a payment (−) on the day it was paid; a reversal (+, the negative ``Payment`` naming the
  entry it cancels) on the day it was recorded; a refund (+, a negative ``Payment``
  naming no entry: money paid back to the customer) on the day it was paid back.
- an opening entry (an invoice left unpaid by the previous tool, ``invoicing.opening``)
  as an invoice under its reference there, on its issue date; its payments and their
  reversals as a payment's (``Entry.opening`` tells them apart).

So ``opening`` is the sum of the entries dated before the first day of the month,
``closing = opening + invoiced − credited − paid`` (``paid`` is the month's payments net
of its reversals and refunds), and ``receivables_total(as_of)`` — every customer's balance on a day —
is the sum of the closing balances of every customer for a month ending that day.

Ageing: each invoice's remaining amount at the end of the month (gross − its credit notes
− its payments dated until then), in a bucket by days past its due date, counted at the
end of the month (or today, for the month in progress). The buckets sum to ``closing``
exactly: a payment dated before its invoice was issued shows as a negative open item.

``run_batch`` writes one PDF per customer and one merged PDF into a private folder inside
the target folder, and moves them into place only when all are written: a cancel (the
``progress`` callback raising) or an error leaves no file behind. It reads the statements
a block of customers at a time (``statements_for``: a few queries per block, whatever the
number of customers; ``statement_reads``), draws them in parallel processes when there are
many (``statement_render``) and concatenates them into the merged PDF as they come
(``pdf_concat``).
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import io
import os
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from sqlmodel import col, select

from app.core import settings
from app.core.access import Permission, requires
from app.core.db import Database, UnitOfWork
from app.core.errors import NotFound, ValidationError
from app.core.money import from_cents
from app.core.pdf import Logo
from booking.models import Booking, BookingStatus, Customer
from inventory.fields import FIRST_YEAR, LAST_YEAR
from invoicing import parties, pdf_concat, pricing
from invoicing import statement_reads as reads
from invoicing import statement_render as rendering
from invoicing.balance import AGEING_LIMITS, InvoiceBalance, age_bucket, invoice_balances
from invoicing.balance import orphan_credits as _orphan_credits
from invoicing.document import Kind, Party
from invoicing.models import IssuedDocument, OpeningBalance, OpeningPayment, Payment
from invoicing.opening import opening_balances
from invoicing.statement_model import (
    ZERO,
    Ageing,
    Entry,
    EntryKind,
    HeldDeposit,
    MonthBooking,
    OpenItem,
    Statement,
    StatementCustomer,
)
from invoicing.statement_pdf import statement_pdf

__all__ = [  # the statement's data, re-exported from ``statement_model``
    "AGEING_LIMITS",
    "Ageing",
    "Entry",
    "EntryKind",
    "HeldDeposit",
    "MonthBooking",
    "OpenItem",
    "Statement",
    "StatementCustomer",
]

MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
#: Bookings whose period counts in a statement (a quote or a cancelled booking does not).
COUNTED_STATUSES = (
    BookingStatus.CONFIRMED.value,
    BookingStatus.OUT.value,
    BookingStatus.RETURNED.value,
    BookingStatus.CLOSED.value,
)
_KIND_ORDER = {
    EntryKind.INVOICE: 0,
    EntryKind.CREDIT_NOTE: 1,
    EntryKind.PAYMENT: 2,
    EntryKind.REVERSAL: 3,
    EntryKind.REFUND: 4,
}


# --- months -------------------------------------------------------------------------------


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """``"2026-11"`` → (1 Nov 2026, 30 Nov 2026); anything else is refused."""
    found = MONTH.match(month or "")
    year, number = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    if not found or not 1 <= number <= 12:
        raise ValidationError(
            "month", "{value!r} is not a month: write it like 2026-11.", value=month
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            "month",
            "{value} is not a plausible date: the year must be between {first} and {last}.",
            value=month,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    last = calendar.monthrange(year, number)[1]
    return dt.date(year, number, 1), dt.date(year, number, last)


def _check_begun(month: str, first: dt.date, today: dt.date) -> None:
    if first > today:
        raise ValidationError(
            "month", "The month {month} has not begun yet: there is nothing to state.", month=month
        )


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


# --- balances -----------------------------------------------------------------------------


def open_amounts(
    uow: UnitOfWork,
    as_of: dt.date,
    customer_id: int | None = None,
    *,
    customer_ids: Collection[int] | None = None,
) -> list[InvoiceBalance]:
    """What each document leaves to pay at the end of ``as_of``: every invoice's balance
    (``invoicing.balance``), a credit note citing no invoice as a negative amount, and
    what remains of each opening entry (``invoicing.opening``: a negative id); of
    ``customer_id``, of ``customer_ids``, or of every customer."""
    openings = opening_balances(uow, as_of=as_of, customer_id=customer_id)
    if customer_ids is not None:
        chosen = set(customer_ids)
        openings = [amount for amount in openings if amount.customer_id in chosen]
    return (
        invoice_balances(uow, as_of=as_of, customer_id=customer_id, customer_ids=customer_ids)
        + _orphan_credits(uow, as_of=as_of, customer_id=customer_id, customer_ids=customer_ids)
        + openings
    )


def balances(uow: UnitOfWork, as_of: dt.date) -> dict[int, Decimal]:
    """Every customer's balance at the end of ``as_of``: issued invoices − credit notes −
    payments (net of reversals) dated until then; customers at zero left out."""
    cents: dict[int, int] = defaultdict(int)
    for amount in open_amounts(uow, as_of):
        cents[amount.customer_id] += amount.balance_cents
    return {cid: from_cents(c) for cid, c in cents.items() if c}


def receivables_total(uow: UnitOfWork, as_of: dt.date) -> Decimal:
    """What all customers owe at the end of ``as_of`` (the receivables report's total)."""
    return sum(balances(uow, as_of).values(), ZERO)


def customers_for_month(uow: UnitOfWork, month: str, *, today: dt.date | None = None) -> list[int]:
    """Customers with a statement for ``month``: an invoice, a credit note, a payment or a
    booking in the month, or a balance at its end; in customer-number order. For the
    month in progress (``today`` before its end), only what is dated (or began) until
    ``today`` counts, as in the statement itself."""
    first, last = month_bounds(month)
    if today is not None:
        last = min(last, today)
    after = last + dt.timedelta(days=1)
    ids: set[int] = set(balances(uow, last))
    ids.update(
        uow.session.exec(
            select(col(IssuedDocument.customer_id)).where(
                col(IssuedDocument.issue_date) >= first, col(IssuedDocument.issue_date) <= last
            )
        )
    )
    ids.update(
        uow.session.exec(
            select(col(IssuedDocument.customer_id))
            .join(Payment, col(Payment.document_id) == col(IssuedDocument.id))
            .where(col(Payment.date) >= first, col(Payment.date) <= last)
        )
    )
    ids.update(
        uow.session.exec(
            select(col(OpeningBalance.customer_id)).where(
                col(OpeningBalance.issue_date) >= first, col(OpeningBalance.issue_date) <= last
            )
        )
    )
    ids.update(
        uow.session.exec(
            select(col(OpeningBalance.customer_id))
            .join(OpeningPayment, col(OpeningPayment.opening_id) == col(OpeningBalance.id))
            .where(col(OpeningPayment.date) >= first, col(OpeningPayment.date) <= last)
        )
    )
    ids.update(
        uow.session.exec(
            select(col(Booking.customer_id)).where(
                col(Booking.status).in_(COUNTED_STATUSES),
                col(Booking.use_start) < _midnight(after),
                col(Booking.use_end) > _midnight(first),
            )
        )
    )
    if not ids:
        return []
    numbers = uow.session.exec(
        select(col(Customer.id), col(Customer.number)).where(col(Customer.id).in_(ids))
    ).all()
    ordered = sorted(numbers, key=lambda row: _number_key(row[1]))
    return [cid for cid, _ in ordered if cid is not None]


def _number_key(number: str) -> tuple[int, int, str]:
    """Customer numbers in natural order ("2" before "10")."""
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


# --- statements -------------------------------------------------------------------------


@requires(Permission.REPORTS)
def statement(uow: UnitOfWork, customer_id: int, month: str, *, today: dt.date) -> Statement:
    """The statement of ``customer_id`` (the customer's id) for ``month`` ("YYYY-MM"), as
    of ``today``: for a month over, its balance at the month's end and what has been paid
    since on its invoices; for the month in progress, the balance on ``today``."""
    (found,) = statements_for(uow, [customer_id], month, today=today)
    return found


@requires(Permission.REPORTS)
def statements_for(
    uow: UnitOfWork, customer_ids: Sequence[int], month: str, *, today: dt.date
) -> list[Statement]:
    """The statements of ``customer_ids`` for ``month`` as of ``today`` (see
    ``statement``), in the order given: a few queries per block of customers
    (``statement_reads``), whatever their number. An unknown id is refused."""
    first, last = month_bounds(month)
    _check_begun(month, first, today)
    cutoff = min(last, today)
    until = max(cutoff, today)
    start, end = _midnight(first), _midnight(cutoff + dt.timedelta(days=1))
    out: list[Statement] = []
    for block in reads.blocks(list(customer_ids)):
        people = reads.customers(uow, block, last)
        for missing in (i for i in block if i not in people):
            raise NotFound("No customer has the id {id}.", id=missing)
        ledgers = reads.ledgers(uow, block, until)
        amounts: dict[int, list[InvoiceBalance]] = defaultdict(list)
        for amount in open_amounts(uow, cutoff, customer_ids=block):
            amounts[amount.customer_id].append(amount)
        booked = reads.bookings(uow, block, start, end, COUNTED_STATUSES)
        held = reads.deposits_held(uow, block, cutoff)
        for customer_id in block:
            row, member = people[customer_id]
            docs, pays = ledgers[customer_id]
            out.append(
                _assemble(
                    _statement_customer(row, member),
                    docs,
                    pays,
                    amounts.get(customer_id, []),
                    _month_bookings(booked.get(customer_id, []), start, end),
                    tuple(
                        HeldDeposit(
                            d.reference, d.received_on, d.method, from_cents(d.amount_cents)
                        )
                        for d in held.get(customer_id, [])
                    ),
                    first=first,
                    last=last,
                    today=today,
                )
            )
    return out


def _statement_customer(row: reads.CustomerRow, member: str) -> StatementCustomer:
    return StatementCustomer(
        id=row.id,
        number=row.number,
        name=row.name,
        address=row.address,
        postcode=row.postcode,
        city=row.city,
        country=row.country,
        email=row.email,
        member_number=member,
    )


_bucket = age_bucket  # the ageing buckets of ``invoicing.balance``


def _month_bookings(
    rows: list[tuple[reads.BookingRow, int]], start: dt.datetime, end: dt.datetime
) -> tuple[MonthBooking, ...]:
    """The bookings in use between ``start`` and ``end`` (the month's end, or the end of
    the statement's day for the month in progress: a booking that has not begun by then is
    not listed), with their equipment-days inside that span."""
    return tuple(
        MonthBooking(
            reference=b.reference,
            event=b.event,
            status=b.status,
            use_start=b.use_start,
            use_end=b.use_end,
            equipment_days=quantity
            * pricing.use_days(max(b.use_start, start), min(b.use_end, end)),
        )
        for b, quantity in rows
    )


def _assemble(
    customer: StatementCustomer,
    docs: list[reads.Doc],
    pays: list[reads.Pay],
    amounts: list[InvoiceBalance],
    bookings: tuple[MonthBooking, ...],
    deposits: tuple[HeldDeposit, ...],
    *,
    first: dt.date,
    last: dt.date,
    today: dt.date,
) -> Statement:
    """One customer's statement from what ``statement_reads`` read for it: its documents
    and payments (until the statement's day), its open amounts at the closing day."""
    cutoff = min(last, today)
    by_id = {d.id: d for d in docs}
    opening = 0
    entries: list[tuple[tuple[dt.date, int, int], Entry]] = []
    totals = {kind: 0 for kind in EntryKind}
    for doc in docs:
        if doc.issue_date > cutoff:
            continue
        invoice = doc.kind == Kind.INVOICE.value
        signed = doc.gross_cents if invoice else -doc.gross_cents
        if doc.issue_date < first:
            opening += signed
            continue
        kind = EntryKind.INVOICE if invoice else EntryKind.CREDIT_NOTE
        totals[kind] += doc.gross_cents
        cited = by_id.get(doc.cites_id) if doc.cites_id is not None else None
        entry = Entry(
            date=doc.issue_date,
            kind=kind,
            number=doc.number,
            reference=cited.number if cited else "",
            due_date=doc.due_date if invoice else None,
            amount=from_cents(signed),
            opening=doc.opening,
        )
        entries.append(((doc.issue_date, _KIND_ORDER[kind], doc.id), entry))
    since: dict[str, int] = defaultdict(int)
    for pay in pays:
        if pay.date > cutoff:
            settled = by_id[pay.document_id]
            if settled.issue_date <= cutoff:
                since[settled.number] += pay.amount_cents
            continue
        if pay.date < first:
            opening -= pay.amount_cents
            continue
        if pay.reverses is not None:
            kind = EntryKind.REVERSAL
        elif pay.amount_cents < 0:  # payments.is_refund: money paid back
            kind = EntryKind.REFUND
            totals[EntryKind.REFUND] -= pay.amount_cents
        else:
            kind = EntryKind.PAYMENT
        totals[EntryKind.PAYMENT] += pay.amount_cents  # net of reversals and refunds
        entry = Entry(
            date=pay.date,
            kind=kind,
            number=by_id[pay.document_id].number,
            reference=pay.reference,
            due_date=None,
            amount=from_cents(-pay.amount_cents),
            method=pay.method,
            opening=pay.document_id < 0,
        )
        entries.append(((pay.date, _KIND_ORDER[kind], pay.id), entry))
    entries.sort(key=lambda pair: pair[0])

    # Open items and their ageing at the closing day (the month's end, or today).
    buckets = [0] * (len(AGEING_LIMITS) + 2)
    open_items = []
    for item in sorted(amounts, key=lambda a: (a.due_date, a.number)):
        if not item.balance_cents:
            continue
        buckets[item.age_bucket(cutoff)] += item.balance_cents
        open_items.append(
            OpenItem(
                item.number,
                item.issue_date,
                item.due_date,
                from_cents(item.balance_cents),
                item.days_overdue(cutoff),
                from_cents(since.get(item.number, 0)),
            )
        )

    invoiced = totals[EntryKind.INVOICE]
    credited = totals[EntryKind.CREDIT_NOTE]
    paid = totals[EntryKind.PAYMENT]
    closing = opening + invoiced - credited - paid  # == sum(buckets), by construction
    return Statement(
        customer=customer,
        month=f"{first.year:04d}-{first.month:02d}",
        period_start=first,
        period_end=last,
        today=today,
        opening=from_cents(opening),
        invoiced=from_cents(invoiced),
        credited=from_cents(credited),
        paid=from_cents(paid),
        closing=from_cents(closing),
        entries=tuple(e for _, e in entries),
        ageing=Ageing(*(from_cents(c) for c in buckets)),
        open_items=tuple(open_items),
        bookings=bookings,
        deposits_held=deposits,
        paid_since=from_cents(sum(since.values())),
        refunded=from_cents(totals[EntryKind.REFUND]),
    )


def render_statement(
    statement: Statement, seller: Party, *, logo: Logo = None, demo: bool = False
) -> bytes:
    """The statement's PDF (French): see ``invoicing.statement_pdf``; ``demo`` marks it
    "DÉMO — sans valeur" (the demo database)."""
    return statement_pdf(statement, seller, logo=logo, demo=demo)


# --- the batch ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerTotals:
    customer_id: int
    number: str
    name: str
    opening: Decimal
    invoiced: Decimal
    credited: Decimal
    paid: Decimal
    closing: Decimal
    file: Path
    pages: int
    #: The statement's date, and what was paid since its closing day on its invoices.
    as_of: dt.date | None = None
    paid_since: Decimal = ZERO
    #: Paid back to the customer in the month (``paid`` is net of it).
    refunded: Decimal = ZERO


@dataclass(frozen=True)
class BatchResult:
    month: str
    files: list[Path]
    #: The merged PDF to print; None when there was no statement to write.
    merged: Path | None
    totals: list[CustomerTotals]


def statement_file_name(month: str, customer_number: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", customer_number).strip("_") or "client"
    return f"releve-{month}-{safe}.pdf"


def merged_file_name(month: str) -> str:
    return f"releves-{month}.pdf"


@requires(Permission.REPORTS)
def run_batch(
    db: Database,
    month: str,
    out_dir: Path,
    *,
    today: dt.date,
    customer_ids: Sequence[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    logo: Logo = None,
    processes: int | None = None,
) -> BatchResult:
    """Statements of ``month`` for ``customer_ids`` (default: ``customers_for_month``), one
    PDF each plus the merged PDF, in ``out_dir`` (created if missing). The statements are
    read a block of customers at a time (``statements_for``), each block in its own short
    read transaction, and drawn in parallel processes when there are many
    (``statement_render``; ``processes``: how many, None to choose). ``progress(done,
    total)`` is called before the first and after each statement; if it (or anything)
    raises, no file is left behind. ``logo``: None, the cooperative's
    (``settings.logo_bytes``); a demo database's statements carry the demo mark."""
    first, _last = month_bounds(month)
    _check_begun(month, first, today)
    month = f"{first.year:04d}-{first.month:02d}"
    with db.read() as uow:
        seller = parties.seller(uow)
        demo = settings.is_demo(uow)
        if logo is None:
            logo = settings.logo_bytes(uow)
        if customer_ids is None:
            ids = customers_for_month(uow, month, today=today)
        else:
            ids = list(dict.fromkeys(customer_ids))
            known = set(uow.session.exec(select(col(Customer.id)).where(col(Customer.id).in_(ids))))
            for missing in (i for i in ids if i not in known):
                raise NotFound("No customer has the id {id}.", id=missing)
    out_dir = Path(out_dir)
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".regie-releves-", dir=out_dir))
    moved: list[Path] = []
    read: list[Statement] = []  # the statements of the blocks read, not yet drawn

    def blocks() -> Iterator[rendering.Job]:
        for block in reads.blocks(ids):
            with db.read() as uow:
                found = statements_for(uow, block, month, today=today)
            read.extend(found)
            names = [statement_file_name(month, st.customer.number) for st in found]
            yield from rendering.jobs(found, names, work, seller, logo, demo)

    try:
        report = progress or (lambda _done, _total: None)
        total = len(ids)
        report(0, total)
        staged: list[tuple[Path, CustomerTotals]] = []
        count = rendering.processes_for(total) if processes is None else processes
        merged_path = work / merged_file_name(month)
        with rendering.Pool(count) as pool, merged_path.open("wb") as merged_file:
            merged = _Merged(merged_file)
            for drawn in pool.map(blocks(), ahead=2 * count):
                for done in drawn:
                    st = read.pop(0)
                    path = work / done.name
                    merged.add(path)
                    staged.append((path, _totals(st, out_dir / done.name, done.pages)))
                    report(len(staged), total)
            if staged:
                merged.close(seller, month)
        if staged and merged.fallback:
            _merge_with_pypdf([p for p, _ in staged], merged_path, seller, month)
        # Everything is written: move it into place.
        targets = [(p, t.file) for p, t in staged]
        if staged:
            targets.append((merged_path, out_dir / merged_path.name))
        for source, target in targets:
            os.replace(source, target)
            moved.append(target)
    except BaseException:
        for target in moved:
            target.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
        if created:
            _remove_if_empty(out_dir)
        raise
    shutil.rmtree(work, ignore_errors=True)
    totals = [t for _, t in staged]
    return BatchResult(
        month=month,
        files=[t.file for t in totals],
        merged=out_dir / merged_file_name(month) if staged else None,
        totals=totals,
    )


def _totals(st: Statement, file: Path, pages: int) -> CustomerTotals:
    return CustomerTotals(
        customer_id=st.customer.id,
        number=st.customer.number,
        name=st.customer.name,
        opening=st.opening,
        invoiced=st.invoiced,
        credited=st.credited,
        paid=st.paid,
        closing=st.closing,
        file=file,
        pages=pages,
        as_of=st.as_of,
        paid_since=st.paid_since,
        refunded=st.refunded,
    )


def _merged_metadata(seller: Party, month: str) -> dict[str, str]:
    return {
        "title": f"Relevés de compte {month}",
        "author": seller.name,
        "subject": f"Relevés de compte de {seller.name}, {month}",
    }


class _Merged:
    """The merged PDF, written as the statements come (``pdf_concat``); a statement it
    cannot copy as bytes turns it to ``fallback`` (pypdf merges them all at the end)."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.concatenation: pdf_concat.Concatenation | None = pdf_concat.Concatenation(out)

    @property
    def fallback(self) -> bool:
        return self.concatenation is None

    def add(self, path: Path) -> None:
        if self.concatenation is None:
            return
        try:
            self.concatenation.add(path.read_bytes())
        except pdf_concat.NotSimple:
            self.concatenation = None

    def close(self, seller: Party, month: str) -> None:
        """Ends the file: its PDF/A parts are those ``pdfa_bytes`` gives a blank page."""
        if self.concatenation is None:
            return
        try:
            self.concatenation.close(pdf_concat.skeleton(**_merged_metadata(seller, month)))
        except pdf_concat.NotSimple:
            self.concatenation = None


def _merge_with_pypdf(paths: list[Path], target: Path, seller: Party, month: str) -> None:
    """The merged PDF by pypdf (slower): for statements ``pdf_concat`` cannot copy."""
    from pypdf import PdfWriter

    from invoicing.render import pdfa_bytes

    merger = PdfWriter()
    for path in paths:
        merger.append(str(path))
    merged = io.BytesIO()
    merger.write(merged)
    merger.close()
    # PDF/A-3B like each statement (pypdf's merge keeps neither XMP nor intent)
    target.write_bytes(pdfa_bytes(merged.getvalue(), **_merged_metadata(seller, month)))


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()
