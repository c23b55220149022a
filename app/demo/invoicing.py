"""The demo cooperative's rates and invoicing history, run after ``app.demo.booking``.

Everything goes through the services (``rates``, ``invoices.issue_invoice``,
``credit_notes``, ``payments``, ``deposits``) with the renderer given (the real one: PDF
and Factur-X XML, validated by ``validation.check_xml`` when ``check`` is given), except
the large demo's thousands of day rates, written in three statements with the rows and
audit records the rate services would leave (``_bulk_rates``):

- settings: payment term 30 days, quote validity 30 days, weekend rule (out Friday from
  12:00, back Monday by 12:00: one day), a minimum charge of 20,00 €, VAT 20 %;
- day rates for every item type, from its replacement value (non-members: 4 % a day up
  to 1 000 €, 3 % up to 10 000 €, 2 % above, rounded to 0,50 €; members 30 % less;
  the partner communes' category 15 % less than non-members), the standard degressive
  table (INVOICING-FR.md §6.1) as default and for every equipment family;
- invoices for past returned and closed bookings, issued on the next working day after
  the return, in date order, so the FA-/AV- numbers and the hash chain follow the
  calendar. ``small``: every such booking of the demo (about six months: the bookings
  demo starts six months back); ``large``: the most recent ``LARGE_INVOICES`` bookings
  returned in the last ``LARGE_DAYS`` days (rendering thousands of PDFs would take
  minutes). ``invoices`` caps the count (tests);
- outcomes drawn per invoice: past due, most are paid (a few partly, a few not at all:
  overdue); not yet due, some are paid; a few credit notes (full cancellations and
  partial goodwill credits), one bounced cheque reversed then paid by transfer; deposits
  (cheques) held by some non-member bookings, returned after the return (one retained to
  settle an unpaid balance), and held for a few bookings to come.

The bookings demo closes most past bookings without invoicing them; an invoice is
issued while a booking is returned, so a closed booking is invoiced inside one
transaction where it is returned again just for the issue (the life it would have had).

Deterministic for a seed and a clock in everything but the PDF's embedded timestamps.

Rendering is most of the cost (a few hundred PDFs). With a ``DeferredRenderer`` each
document to issue is sent to a pool of processes and a placeholder is stored; before the
history's transaction commits, ``DeferredRenderer.finish`` writes every document's real
bytes and the hash chain in issue order. What commits is what a sequential build gives (the
same rows, bytes rendered from the same frozen documents, a valid chain); nobody ever sees a
placeholder: only the wall-clock time differs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import ColumnElement, func
from sqlmodel import col, select

from app.core import access, audit, dialect
from app.core.access import Permission
from app.core.clock import Clock, FixedClock
from app.core.db import Database, UnitOfWork, id_column, require_id
from app.core.errors import Conflict, DomainError, ValidationError
from app.core.money import from_cents, to_cents
from app.core.settings import set_setting
from app.demo import bulk
from booking.availability import table_of
from booking.models import Booking, BookingStatus, Customer, CustomerCategory
from inventory.models import Category, ItemType
from invoicing import credit_notes, deposits, invoices, payments, pricing, rates
from invoicing.document import Document, Kind
from invoicing.issuing import GENESIS, Rendered, Renderer, XmlCheck, chain
from invoicing.models import (
    CategoryRate,
    CustomerPriceCategory,
    DocumentFile,
    IssuedDocument,
    ItemRate,
    Payment,
)
from invoicing.serial import to_json

_ITEM_RATE = table_of(ItemRate)
_CATEGORY_RATE = table_of(CategoryRate)
_CUSTOMER_CATEGORY = table_of(CustomerPriceCategory)

SIZES = ("small", "large")
#: Bump when the generated data changes: benchmark datasets are cached by this version.
INVOICING_DEMO_VERSION = 1

LARGE_INVOICES = 300
LARGE_DAYS = 60
MEMBER_DISCOUNT = Decimal("0.70")
PARTNER_DISCOUNT = Decimal("0.85")
STANDARD_TABLE = "Tableau standard"
PARTNER_CODE = "COMMUNES"
PARTNER_NAME = "communes partenaires"
SETTINGS = {
    rates.VAT_RATE: "20.00",
    rates.PAYMENT_DAYS: "30",
    rates.QUOTE_VALIDITY_DAYS: "30",
    rates.MINIMUM_CHARGE: "20.00",
}
#: Of the invoices past their due date: paid in full, paid in part (the rest: unpaid).
PAST_DUE = (0.93, 0.035)
#: Of the invoices not yet due.
NOT_DUE = (0.45, 0.10)
CREDIT_SHARE = 0.04
DEPOSIT_SHARE = 0.3
FULL_CREDIT_REASONS = (
    "Prestation annulée (intempéries)",
    "Facture émise au mauvais client",
)
PARTIAL_CREDIT_REASONS = (
    "Geste commercial : matériel livré en retard",
    "Geste commercial : projecteur défaillant remplacé sur place",
)
METHODS = (("virement", 70), ("cheque", 20), ("carte", 7), ("especes", 3))

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class InvoicingDemoSummary:
    rates: int
    price_categories: int
    coefficient_tables: int
    invoices: int
    credit_notes: int
    payments: int
    reversals: int
    deposits: int
    statuses: dict[str, int] = field(default_factory=dict)  # issued / paid / overdue
    skipped: int = 0  # bookings whose invoice was refused (a mention missing...)


# --- rates ------------------------------------------------------------------------------


def _round(amount: Decimal, step: str) -> Decimal:
    unit = Decimal(step)
    return ((amount / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP) * unit).quantize(
        Decimal("0.01")
    )


def day_rates(replacement_cents: int) -> tuple[Decimal, Decimal, Decimal]:
    """(non-member, member, partner communes) day rates from a replacement value."""
    value = from_cents(replacement_cents)
    share = (
        Decimal("0.04") if value <= 1000 else Decimal("0.03") if value <= 10000 else Decimal("0.02")
    )
    public = max(_round(value * share, "0.5"), Decimal("2.00"))
    member = max(_round(public * MEMBER_DISCOUNT, "0.1"), Decimal("1.00"))
    partner = max(_round(public * PARTNER_DISCOUNT, "0.1"), member)
    return public, member, partner


def _rates(uow: UnitOfWork, user: str, bulk_rows: bool = False) -> int:
    for key, value in SETTINGS.items():
        set_setting(uow, key, value)
    # The demo cooperative has a certified till (NF 525): its card and cash payments from
    # individuals are recorded there, Régie keeps the copies for the balances.
    payments.declare_till(uow, True)
    rates.set_weekend_rule(uow, user=user, enabled=True, out_from="12:00", back_by="12:00")
    rates.save_coefficient_table(
        uow,
        user=user,
        name=STANDARD_TABLE,
        steps=dict(pricing.DEFAULT_COEFFICIENTS),
        is_default=True,
    )
    for family in Category:
        rates.set_family_table(uow, user=user, family=family.value, table_name=STANDARD_TABLE)
    partner = rates.create_price_category(uow, user=user, code=PARTNER_CODE, name=PARTNER_NAME)
    items = uow.session.exec(
        select(id_column(ItemType), ItemType.code, ItemType.replacement_value_cents).order_by(
            id_column(ItemType)
        )
    ).all()
    communes = uow.session.exec(
        select(id_column(Customer), Customer.number)
        .where(Customer.category == CustomerCategory.COMMUNE.value)
        .order_by(id_column(Customer))
    ).all()
    if bulk_rows:
        _bulk_rates(uow, require_id(partner), items, [c for c, _n in communes])
        return len(items)
    for _type_id, item_code, replacement_cents in items:
        public, member, partner_day = day_rates(replacement_cents)
        rates.set_item_rate(
            uow, user=user, item_code=item_code, member_day=member, non_member_day=public
        )
        rates.set_category_rate(
            uow, user=user, category_code=PARTNER_CODE, item_code=item_code, day=partner_day
        )
    for _customer_id, number in communes:
        rates.assign_price_category(
            uow, user=user, customer_number=number, category_code=PARTNER_CODE
        )
    return len(items)


def _bulk_rates(
    uow: UnitOfWork,
    category_id: int,
    items: Sequence[tuple[int | None, str, int]],
    communes: Sequence[int | None],
) -> None:
    """The rows ``set_item_rate``, ``set_category_rate`` and ``assign_price_category``
    would write for each type and commune, in three statements, recorded on the audit
    trail as theirs are (the large demo: thousands of types)."""
    access.require(uow, Permission.RATES)
    item_rows, category_rows = [], []
    for type_id, _code, replacement_cents in items:
        public, member, partner = day_rates(replacement_cents)
        item_rows.append(
            {
                "item_type_id": type_id,
                "member_day_cents": to_cents(member),
                "non_member_day_cents": to_cents(public),
                "vat_rate_bp": None,
            }
        )
        category_rows.append(
            {"category_id": category_id, "item_type_id": type_id, "day_cents": to_cents(partner)}
        )
    customer_rows = [{"customer_id": c, "category_id": category_id} for c in communes]
    conn = uow.session.connection()
    changes = []
    for table, rows in (
        (_ITEM_RATE, item_rows),
        (_CATEGORY_RATE, category_rows),
        (_CUSTOMER_CATEGORY, customer_rows),
    ):
        bulk.insert_rows(conn, table, rows)
        changes += [audit.inserted(table, row) for row in rows]
    audit.record_core(uow.session, changes)


# --- the plan ---------------------------------------------------------------------------


def _working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


@dataclass
class _Event:
    day: dt.date
    order: int  # same day: deposits, invoices, credit notes, payments, reversals
    kind: str
    ref: str
    amount: str = ""  # a payment's share ("all", or a fraction) / a credit's kind
    method: str = ""
    reason: str = ""


def _method(rng: random.Random) -> str:
    return rng.choices([m for m, _ in METHODS], [w for _, w in METHODS])[0]


def _plan(
    rng: random.Random,
    bookings: list[Booking],
    with_deposit: set[str],
    today: dt.date,
    payment_days: int,
) -> list[_Event]:
    events: list[_Event] = []
    bounced = False
    retained = False
    for booking in bookings:
        ref = booking.reference
        issued = min(_working_day(booking.end.date() + dt.timedelta(days=1)), today)
        due = issued + dt.timedelta(days=payment_days)
        events.append(_Event(issued, 1, "invoice", ref))
        if rng.random() < DEPOSIT_SHARE and ref in with_deposit:
            events.append(_Event(booking.start.date(), 0, "deposit", ref, method="cheque"))
        if rng.random() < CREDIT_SHARE:
            full = rng.random() < 0.4
            when = min(issued + dt.timedelta(days=rng.randint(2, 12)), today)
            reasons = FULL_CREDIT_REASONS if full else PARTIAL_CREDIT_REASONS
            kind = "full" if full else "partial"
            events.append(_Event(when, 2, "credit", ref, amount=kind, reason=rng.choice(reasons)))
            if full:
                continue
        draw = rng.random()
        paid, part = PAST_DUE if due < today else NOT_DUE
        latest = (today - issued).days
        if latest <= 0:
            continue
        pay_day = issued + dt.timedelta(days=min(rng.randint(5, 45), latest))
        method = _method(rng)
        if draw < paid:
            events.append(_Event(pay_day, 3, "payment", ref, amount="all", method=method))
            if not bounced and method == "cheque" and (today - pay_day).days > 30:
                bounced = True
                later = pay_day + dt.timedelta(days=10)
                events.append(_Event(later, 4, "reverse", ref, reason="Chèque impayé"))
                events.append(
                    _Event(later + dt.timedelta(days=7), 3, "payment", ref, "all", "virement")
                )
        elif draw < paid + part:
            events.append(_Event(pay_day, 3, "payment", ref, amount="0.5", method=method))
        elif due + dt.timedelta(days=15) < today and not retained and ref in with_deposit:
            retained = True  # one unpaid invoice settled from the booking's deposit
            if not any(e.kind == "deposit" and e.ref == ref for e in events):
                events.append(_Event(booking.start.date(), 0, "deposit", ref, method="cheque"))
            events.append(_Event(due + dt.timedelta(days=15), 3, "retain", ref))
    return sorted(events, key=lambda e: (e.day, e.order))


# --- issuing ---------------------------------------------------------------------------


def _at(day: dt.date, clock: Clock, hour: int = 10) -> FixedClock:
    return FixedClock(dt.datetime.combine(day, dt.time(hour), tzinfo=clock.tz), tz=clock.tz)


def _issue(
    uow: UnitOfWork,
    user: str,
    ref: str,
    clock: Clock,
    renderer: Renderer,
    check: XmlCheck | None,
) -> str:
    booking = uow.session.exec(select(Booking).where(Booking.reference == ref)).one()
    closed = booking.status == BookingStatus.CLOSED.value
    if closed:  # invoiced while it was returned, as it would have been
        booking.status = BookingStatus.RETURNED.value
        uow.flush()
    row = invoices.issue_invoice(
        uow, user=user, reference=ref, clock=clock, renderer=renderer, check=check
    )
    if closed:
        booking.status = BookingStatus.CLOSED.value
        uow.flush()
    return row.number


def _apply(
    uow: UnitOfWork,
    user: str,
    event: _Event,
    numbers: dict[str, str],
    held: dict[str, int],
    paid_by: dict[str, list[int]],
    clock: Clock,
    renderer: Renderer,
    check: XmlCheck | None,
) -> None:
    at = _at(event.day, clock)
    ref = event.ref
    if event.kind == "deposit":
        amount = invoices.deposit_required(
            uow, uow.session.exec(select(Booking).where(Booking.reference == ref)).one()
        )
        if amount > 0:
            held[ref] = require_id(
                deposits.record_deposit(
                    uow,
                    user=user,
                    reference=ref,
                    amount=amount,
                    method=event.method,
                    clock=at,
                    received_on=event.day,
                    notes="Chèque de caution",
                )
            )
        return
    if event.kind == "invoice":
        numbers[ref] = _issue(uow, user, ref, at, renderer, check)
        return
    number = numbers.get(ref)
    if number is None:
        return
    if event.kind == "credit":
        lines = None
        if event.amount == "partial":
            first = invoices.issued_document(uow, number).lines[0]
            share = (first.net * Decimal("0.15")).quantize(Decimal("0.01"))
            lines = [credit_notes.CreditLine(1, share)] if share > 0 else None
        credit_notes.issue_credit_note(
            uow,
            user=user,
            invoice_number=number,
            reason=event.reason,
            clock=at,
            renderer=renderer,
            lines=lines,
            check=check,
        )
    elif event.kind == "payment":
        balance = payments.invoice_balance(uow, number, event.day).balance
        amount = balance if event.amount == "all" else (balance * Decimal(event.amount))
        amount = amount.quantize(Decimal("1")) if event.amount != "all" else amount
        if amount > 0:
            made = payments.add_payment(
                uow,
                user=user,
                invoice_number=number,
                amount=amount,
                date=event.day,
                method=event.method,
                clock=at,
            )
            paid_by.setdefault(ref, []).append(require_id(made))
    elif event.kind == "reverse" and paid_by.get(ref):
        payments.reverse_payment(uow, user=user, payment_id=paid_by[ref][-1], clock=at)
    elif event.kind == "retain" and ref in held:
        deposits.retain_deposit(
            uow, user=user, deposit_id=held.pop(ref), invoice_number=number, clock=at
        )


def _return_deposits(
    db: Database, user: str, bookings: dict[str, Booking], held: dict[str, int], clock: Clock
) -> None:
    """Deposits still held for bookings back in the warehouse are returned the day after."""
    for ref, deposit_id in sorted(held.items()):
        booking = bookings[ref]
        back = booking.end.date() + dt.timedelta(days=1)
        if back > clock.today():
            continue
        with db.write() as uow:
            deposits.return_deposit(uow, user=user, deposit_id=deposit_id, clock=_at(back, clock))


def _future_deposits(db: Database, user: str, rng: random.Random, clock: Clock) -> None:
    with db.write() as uow:
        upcoming = uow.session.exec(
            select(Booking)
            .where(Booking.status == BookingStatus.CONFIRMED.value)
            .order_by(col(Booking.start), id_column(Booking))
            .limit(12)
        ).all()
        for booking in upcoming:
            amount = invoices.deposit_required(uow, booking)
            if amount > 0 and rng.random() < 0.5:
                deposits.record_deposit(
                    uow,
                    user=user,
                    reference=booking.reference,
                    amount=amount,
                    method="cheque",
                    received_on=clock.today(),
                    clock=clock,
                    notes="Chèque de caution",
                )


# --- rendering in parallel into a private file ------------------------------------------

#: What a deferred document holds until ``finish`` writes its bytes.
PLACEHOLDER = b"%PDF-1.7\n% rendered in parallel: replaced before the file is published\n"


@dataclass  # plain attributes, as the protocol issuing.Rendered declares them
class _Placeholder:
    pdf: bytes
    xml: bytes | None


class DeferredRenderer:
    """A renderer that renders in ``pool`` (processes) while the issuing goes on: a
    placeholder is stored at issue, and ``finish``, called by ``build_invoicing_demo`` in
    the history's own transaction, writes the real bytes and re-chains every document in
    issue order before that transaction commits. The immutability triggers of the document
    files are lifted for that moment and put back as they were, in the same transaction
    (triggers are transactional on both engines; concurrent writers are held off by the
    write lock, readers never see uncommitted rows). ``waiting(done, total)`` follows the
    renderings still running when the issuing is over."""

    def __init__(
        self,
        pool: Executor,
        renderer: Renderer,
        waiting: Callable[[int, int], None] | None = None,
    ) -> None:
        self.pool = pool
        self.renderer = renderer
        self.waiting = waiting
        #: number -> (the frozen document's JSON, its rendering)
        self.pending: dict[str, tuple[str, Future[Rendered]]] = {}

    def __call__(self, document: Document) -> _Placeholder:
        # A rolled-back issue gives its number back: the next document with that number
        # replaces the entry, and ``finish`` checks the document it stores is the one sent.
        self.pending[document.number] = (
            to_json(document),
            self.pool.submit(self.renderer, document),
        )
        xml = None if document.kind == Kind.QUOTE else PLACEHOLDER
        return _Placeholder(pdf=PLACEHOLDER, xml=xml)

    def wait(self) -> None:
        """Block until every rendering is done, reporting ``waiting(done, total)``."""
        from concurrent.futures import FIRST_COMPLETED
        from concurrent.futures import wait as wait_for

        futures = [future for _json, future in self.pending.values()]
        total = len(futures)
        remaining = set(futures)
        while remaining:
            if self.waiting is not None:
                self.waiting(total - len(remaining), total)
            _done, remaining = wait_for(remaining, timeout=0.5, return_when=FIRST_COMPLETED)
        if self.waiting is not None:
            self.waiting(total, total)

    def finish(self, uow: UnitOfWork) -> int:
        """Write every document's real bytes and the hash chain, in document order, in the
        caller's write transaction; returns the number of documents written."""
        self.wait()
        uow.flush()
        connection = uow.session.connection()
        triggers = dialect.table_triggers(connection, "document_file")
        engine = dialect.name_of(connection)
        for name, _sql in triggers:
            connection.exec_driver_sql(dialect.drop_trigger(engine, "document_file", name))
        query = (
            select(DocumentFile, IssuedDocument)
            .join(IssuedDocument, id_column(IssuedDocument) == DocumentFile.document_id)
            .order_by(col(DocumentFile.document_id))
        )
        prev = GENESIS
        written = 0
        for files, document in uow.session.exec(query).all():
            entry = self.pending.get(document.number)
            if entry is not None and files.pdf == PLACEHOLDER:
                sent, future = entry
                if sent == document.document_json:
                    rendered = future.result()
                else:  # not the document sent under that number: render it here
                    from invoicing.serial import from_json

                    rendered = self.renderer(from_json(document.document_json))
                files.pdf = bytes(rendered.pdf)
                files.xml = rendered.xml
                files.pdf_sha256 = _sha(files.pdf)
                files.xml_sha256 = _sha(files.xml) if files.xml is not None else ""
                written += 1
            files.prev_chain_hash = prev
            files.chain_hash = chain(prev, files.pdf_sha256, files.xml_sha256)
            prev = files.chain_hash
            uow.session.add(files)
        uow.flush()
        for _name, sql in triggers:
            connection.exec_driver_sql(sql)
        self.pending.clear()
        return written


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- entry point ------------------------------------------------------------------------


def build_invoicing_demo(
    db: Database,
    *,
    size: str = "small",
    seed: int = 1,
    clock: Clock,
    user: str,
    renderer: Renderer,
    check: XmlCheck | None = None,
    invoices_limit: int | None = None,
    progress: Progress | None = None,
) -> InvoicingDemoSummary:
    """Rates, settings, and (for past returned and closed bookings) invoices, credit
    notes, payments and deposits. ``invoices_limit``: at most that many invoices, the
    most recent (tests)."""
    if size not in SIZES:
        raise ValidationError(
            "size", "Unknown demo size {size!r}: choose small or large.", size=size
        )
    if check is not None and isinstance(renderer, DeferredRenderer):
        raise ValueError("a deferred renderer cannot be checked at issue: check after finish")
    report = progress or (lambda _fraction, _what: None)
    rng = random.Random(seed * 104_729 + 31)
    today = clock.today()
    with db.write() as uow:
        _refuse(uow)
        types = _rates(uow, user, bulk_rows=size == "large")
        payment_days = rates.payment_days(uow)
    report(0.05, "rates")
    with db.read() as uow:
        query = (
            select(Booking)
            .where(
                col(Booking.status).in_((BookingStatus.RETURNED.value, BookingStatus.CLOSED.value)),
                Booking.end < dt.datetime.combine(today, dt.time()),
            )
            .order_by(col(Booking.end).desc(), id_column(Booking).desc())
        )
        limit = invoices_limit
        if size == "large":
            since = dt.datetime.combine(today - dt.timedelta(days=LARGE_DAYS), dt.time())
            query = query.where(Booking.end >= since)
            limit = min(limit if limit is not None else LARGE_INVOICES, LARGE_INVOICES)
        if limit is not None:
            query = query.limit(limit)
        chosen = list(reversed(uow.session.exec(query).all()))
        with_deposit = {b.reference for b in chosen if invoices.deposit_required(uow, b) > 0}
        for booking in chosen:
            uow.session.expunge(booking)
    by_ref = {b.reference: b for b in chosen}
    events = _plan(rng, chosen, with_deposit, today, payment_days)
    numbers: dict[str, str] = {}
    held: dict[str, int] = {}
    paid_by: dict[str, list[int]] = {}
    skipped = 0
    # One transaction for the whole history (a savepoint per event): the session keeps
    # what it has read, and an interrupted build leaves no partial history.
    with db.write() as uow:
        for n, event in enumerate(events):
            try:
                with uow.session.begin_nested():
                    _apply(uow, user, event, numbers, held, paid_by, clock, renderer, check)
            except DomainError:
                if event.kind != "invoice":
                    raise
                skipped += 1  # e.g. a customer without the mentions an invoice needs
            if n % 25 == 0:
                report(0.05 + 0.9 * n / max(len(events), 1), "invoices")
        if isinstance(renderer, DeferredRenderer):
            renderer.finish(uow)  # the real bytes, before anything commits
    _return_deposits(db, user, by_ref, held, clock)
    _future_deposits(db, user, rng, clock)
    if size == "large":  # the planner's statistics of the bulk rows, once they are all in
        with db.write() as uow:
            uow.session.connection().exec_driver_sql("ANALYZE")
    report(1.0, "done")
    with db.read() as uow:
        return summarise(uow, today, types, skipped)


def _refuse(uow: UnitOfWork) -> None:
    if not uow.session.exec(select(func.count()).select_from(Customer)).one():
        raise Conflict("Build the demo customers and bookings before the invoicing demo.")
    documents = uow.session.exec(select(func.count()).select_from(IssuedDocument)).one()
    priced = uow.session.exec(select(func.count()).select_from(ItemRate)).one()
    if documents or priced:
        raise Conflict(
            "The database already has rates or invoices: the invoicing demo only goes into "
            "a database without any."
        )


def summarise(
    uow: UnitOfWork, today: dt.date, types: int = 0, skipped: int = 0
) -> InvoicingDemoSummary:
    def count(model: type, *where: ColumnElement[bool] | bool) -> int:
        return int(uow.session.exec(select(func.count()).select_from(model).where(*where)).one())

    from invoicing.models import CoefficientTable, Deposit, PriceCategory

    statuses: dict[str, int] = {}
    for balance in payments.invoice_balances(uow, today):
        statuses[balance.status.value] = statuses.get(balance.status.value, 0) + 1
    return InvoicingDemoSummary(
        rates=types or count(ItemRate),
        price_categories=count(PriceCategory),
        coefficient_tables=count(CoefficientTable),
        invoices=count(IssuedDocument, IssuedDocument.kind == "invoice"),
        credit_notes=count(IssuedDocument, IssuedDocument.kind == "credit_note"),
        payments=count(Payment, Payment.reverses == None),  # noqa: E711
        reversals=count(Payment, Payment.reverses != None),  # noqa: E711
        deposits=count(Deposit),
        statuses=dict(sorted(statuses.items())),
        skipped=skipped,
    )
