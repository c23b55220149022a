"""Opening balances: the invoices a cooperative's previous tool left unpaid, brought in as
opening entries of their customers, and what is paid on them afterwards.

An opening entry is not a Régie invoice: it takes no number of Régie's series, has no
PDF or Factur-X, and Régie's sales journal never exports it (the previous books already
hold the sale; the accountant carries the receivable over). It counts in the customer's
balance like an invoice: statements (on its issue date, under its reference), the
receivables report and its ageing (by its due date). A payment on it is a bank (or cash)
entry against the customer's account in the accounting export.

Both tables are append-only (migration 0013): an entry is never changed or deleted; a
payment recorded by mistake is cancelled by a reversing entry (``reverse_payment``).

Import (``import_balances``, one row per unpaid invoice; all or nothing):

- ``customer``: an existing customer's number; ``reference``: the invoice's number in
  the previous tool (unique; not a number Régie issued); ``issue_date``; ``due_date``
  (empty: the issue date plus the cooperative's payment days); ``amount``: what is still
  owed on it, incl. VAT (not zero; negative: a credit the customer still has); ``label``
  (optional);
- an entry already imported with the same figures is ``unchanged`` (importing a file
  twice changes nothing); with other figures the line is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from app.core import tabular
from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import N_, Conflict, NotFound, ValidationError
from app.core.money import from_cents
from app.core.tabular import (
    CREATE,
    UNCHANGED,
    Column,
    Day,
    ImportResult,
    Money,
    Progress,
    RowChange,
    Table,
    parse_date,
    parse_decimal,
    part,
    run_import,
    write_table,
)
from booking.customers import customer_by_number
from booking.models import Customer
from inventory import fields
from invoicing import payments, rates
from invoicing.balance import InvoiceBalance
from invoicing.models import (
    PAYMENT_METHOD_LABELS,
    IssuedDocument,
    OpeningBalance,
    OpeningPayment,
    PaymentMethod,
)

#: Methods of a payment on an opening entry (a deposit's retention settles Régie invoices).
METHODS = tuple(m for m in PaymentMethod if m is not PaymentMethod.CAUTION)
REFERENCE_LIMIT = 40

CUSTOMER, REFERENCE, ISSUE_DATE = "customer number", "reference", "invoice date"
DUE_DATE, AMOUNT, LABEL = "due date", "amount due", "label"

COLUMNS: tuple[Column, ...] = (
    Column(
        "customer",
        N_("Customer number"),
        required=True,
        synonyms=(
            "Customer",
            "Client",
            "N° client",
            "No client",
            "Numéro client",
            "Numéro de client",
            "Code client",
            "Compte client",
        ),
    ),
    Column(
        "reference",
        N_("Reference"),
        required=True,
        synonyms=(
            "Invoice",
            "Invoice number",
            "Facture",
            "N° facture",
            "No facture",
            "Numéro de facture",
            "Numéro facture",
            "Pièce",
            "N° pièce",
            "Référence",
        ),
    ),
    Column(
        "issue_date",
        N_("Invoice date"),
        required=True,
        synonyms=("Date", "Issue date", "Date facture", "Date de facture", "Date d'émission"),
    ),
    Column(
        "due_date",
        N_("Due date"),
        synonyms=("Due", "Échéance", "Date d'échéance", "Date échéance"),
    ),
    Column(
        "amount",
        N_("Amount due"),
        required=True,
        synonyms=(
            "Amount",
            "Balance",
            "Montant",
            "Montant dû",
            "Reste dû",
            "Restant dû",
            "Reste à payer",
            "Solde",
            "Solde dû",
            "Montant TTC",
        ),
    ),
    Column("label", N_("Label"), synonyms=("Libellé", "Objet", "Description", "Désignation")),
)


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpeningRow:
    """An opening entry with its figures (cents incl. VAT) as of a day (or of now)."""

    id: int
    reference: str
    customer_id: int
    customer_number: str
    customer_name: str
    issue_date: dt.date
    due_date: dt.date
    amount_cents: int
    paid_cents: int
    label: str

    @property
    def balance_cents(self) -> int:
        return self.amount_cents - self.paid_cents


def _paid(uow: UnitOfWork, as_of: dt.date | None, ids: list[int]) -> dict[int, int]:
    query = select(col(OpeningPayment.opening_id), func.sum(col(OpeningPayment.amount_cents)))
    query = query.where(col(OpeningPayment.opening_id).in_(ids))
    if as_of is not None:
        query = query.where(col(OpeningPayment.date) <= as_of)
    found = uow.session.exec(query.group_by(col(OpeningPayment.opening_id))).all()
    return {int(key): int(total or 0) for key, total in found}


def opening_rows(
    uow: UnitOfWork,
    *,
    as_of: dt.date | None = None,
    customer_id: int | None = None,
) -> list[OpeningRow]:
    """Every opening entry (of ``customer_id``) with what was paid on it until ``as_of``
    (None: everything recorded), by due date then reference. Entries dated after
    ``as_of`` are left out."""
    query = select(OpeningBalance, Customer.number, Customer.name).join(
        Customer, col(Customer.id) == col(OpeningBalance.customer_id)
    )
    if customer_id is not None:
        query = query.where(col(OpeningBalance.customer_id) == customer_id)
    if as_of is not None:
        query = query.where(col(OpeningBalance.issue_date) <= as_of)
    rows = uow.session.exec(
        query.order_by(col(OpeningBalance.due_date), col(OpeningBalance.reference))
    ).all()
    paid = _paid(uow, as_of, [require_id(r) for r, _n, _m in rows]) if rows else {}
    return [
        OpeningRow(
            id=require_id(row),
            reference=row.reference,
            customer_id=row.customer_id,
            customer_number=number,
            customer_name=name,
            issue_date=row.issue_date,
            due_date=row.due_date,
            amount_cents=row.amount_cents,
            paid_cents=paid.get(require_id(row), 0),
            label=row.label,
        )
        for row, number, name in rows
    ]


def opening_balances(
    uow: UnitOfWork, *, as_of: dt.date | None = None, customer_id: int | None = None
) -> list[InvoiceBalance]:
    """The opening entries as open amounts of their customers (``InvoiceBalance`` with a
    negative id — never an issued document's — and ``number`` their reference)."""
    return [
        InvoiceBalance(
            id=-row.id,
            number=row.reference,
            customer_id=row.customer_id,
            buyer_name=row.customer_name,
            issue_date=row.issue_date,
            due_date=row.due_date,
            gross_cents=row.amount_cents,
            credited_cents=0,
            paid_cents=row.paid_cents,
        )
        for row in opening_rows(uow, as_of=as_of, customer_id=customer_id)
    ]


def opening_by_reference(uow: UnitOfWork, reference: str) -> OpeningBalance:
    found = uow.session.exec(
        select(OpeningBalance).where(
            func.upper(col(OpeningBalance.reference)) == reference.strip().upper()
        )
    ).first()
    if found is None:
        raise NotFound("No opening entry has the reference {reference}.", reference=reference)
    return found


def payments_of(uow: UnitOfWork, opening_id: int) -> list[OpeningPayment]:
    return list(
        uow.session.exec(
            select(OpeningPayment)
            .where(OpeningPayment.opening_id == opening_id)
            .order_by(col(OpeningPayment.date), col(OpeningPayment.id))
        ).all()
    )


# --- import and export ------------------------------------------------------------------------


def export_balances(uow: UnitOfWork, filename: str) -> tuple[bytes, int]:
    """The opening entries still open (what remains of each), in the import's columns:
    a file to bring them into another Régie, or to check them in a spreadsheet."""
    rows = [r for r in opening_rows(uow) if r.balance_cents]
    data = write_table(
        filename,
        [c.key for c in COLUMNS],
        [
            [
                r.customer_number,
                r.reference,
                r.issue_date,
                r.due_date,
                from_cents(r.balance_cents),
                r.label,
            ]
            for r in rows
        ],
    )
    return data, len(rows)


class _Importer:
    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self.uow = uow
        self.clock = clock
        self.today = clock.today()
        self.days = rates.payment_days(uow)
        self.seen: dict[str, int] = {}

    def row(self, line: int, values: dict[str, str]) -> RowChange:
        try:
            customer = customer_by_number(self.uow, values["customer"])
        except NotFound as err:
            raise ValidationError(CUSTOMER, err.template, **err.params) from None
        reference = " ".join(values["reference"].split())
        if not reference:
            raise ValidationError(REFERENCE, "The {field} cannot be empty.", field=REFERENCE)
        if len(reference) > REFERENCE_LIMIT:
            raise ValidationError(
                REFERENCE,
                N_("{reference} is longer than {limit} characters."),
                reference=reference,
                limit=REFERENCE_LIMIT,
            )
        first = self.seen.setdefault(reference.upper(), line)
        issued = parse_date(values["issue_date"], field=ISSUE_DATE)
        if issued > self.today:
            raise ValidationError(
                ISSUE_DATE,
                N_("An invoice of the previous tool cannot be dated after today ({date})."),
                date=issued.strftime("%d/%m/%Y"),
            )
        due_text = values.get("due_date", "")
        due = (
            parse_date(due_text, field=DUE_DATE)
            if due_text
            else issued + dt.timedelta(days=self.days)
        )
        if due < issued:
            raise ValidationError(
                DUE_DATE,
                N_("The due date {due} is before the invoice's date {issued}."),
                due=due.strftime("%d/%m/%Y"),
                issued=issued.strftime("%d/%m/%Y"),
            )
        amount = parse_decimal(values["amount"], field=AMOUNT, negative=True)
        cents = fields.money_cents("amount due", abs(amount)) * (-1 if amount < 0 else 1)
        if cents == 0:
            raise ValidationError(
                AMOUNT, N_("Nothing is owed on {reference}: leave it out."), reference=reference
            )
        label = fields.text("label", values.get("label", ""), limit=200)
        if self.uow.session.exec(
            select(IssuedDocument.id).where(
                func.upper(col(IssuedDocument.number)) == reference.upper()
            )
        ).first():
            raise ValidationError(
                REFERENCE,
                N_(
                    "{reference} is the number of an invoice Régie issued, not of the previous "
                    "tool's."
                ),  # fmt: skip
                reference=reference,
            )
        if first != line:
            raise ValidationError(
                REFERENCE,
                N_("{reference} was already given on line {line}: give each invoice once."),
                reference=reference,
                line=first,
            )
        said = part(
            N_("customer {customer}, {amount} due on {due}"),
            customer=customer.number,
            amount=Money(cents),
            due=Day(due),
        )
        try:
            old = opening_by_reference(self.uow, reference)
        except NotFound:
            old = None
        if old is not None:
            same = (old.customer_id, old.issue_date, old.due_date, old.amount_cents) == (
                customer.id,
                issued,
                due,
                cents,
            )
            if not same:
                raise Conflict(
                    N_(
                        "{reference} was imported on {day} with other figures; an opening "
                        "entry is never changed: record a payment on it instead."
                    ),
                    reference=old.reference,
                    day=old.imported_at.date().strftime("%d/%m/%Y"),
                )
            return RowChange.of(line, UNCHANGED, old.reference, said)
        self.uow.session.add(
            OpeningBalance(
                reference=reference,
                customer_id=require_id(customer),
                issue_date=issued,
                due_date=due,
                amount_cents=cents,
                label=label,
                imported_at=self.clock.now(),
                imported_by=self.uow.actor.name,
            )
        )
        self.uow.flush()
        return RowChange.of(line, CREATE, reference, said)


@requires(Permission.INVOICING)
def import_balances(
    uow: UnitOfWork,
    table: Table,
    mapping: Mapping[str, str] | None = None,
    *,
    progress: Progress | None = None,
    clock: Clock | None = None,
) -> ImportResult:
    """Import opening entries from ``table`` (see the module's rules); all or nothing."""
    importer = _Importer(uow, clock or Clock())
    return run_import(uow, table, COLUMNS, mapping, importer.row, progress=progress)


# --- payments ---------------------------------------------------------------------------------


#: The methods by value, English or French label ("Chèque", "Bank transfer").
METHOD_CHOICES = tabular.choices({m: PAYMENT_METHOD_LABELS[m] for m in METHODS})


def _method(value: str) -> PaymentMethod:
    if not value.strip():
        raise ValidationError("method", "The {field} cannot be empty.", field="method")
    return PaymentMethod(tabular.enum_cell("method", value, METHOD_CHOICES))


@requires(Permission.INVOICING)
def record_payment(
    uow: UnitOfWork,
    *,
    reference: str,
    amount: str,
    date: dt.date,
    method: str = PaymentMethod.VIREMENT.value,
    payment_reference: str = "",
    clock: Clock,
) -> OpeningPayment:
    """A payment on opening entry ``reference``: more than zero, not above what is left,
    not dated before the entry nor beyond tomorrow."""
    entry = opening_by_reference(uow, reference)
    cents = fields.money_cents("amount", amount, required=True)
    chosen = _method(method)
    payments.check_payment(
        cents, date, number=entry.reference, issued=entry.issue_date, clock=clock
    )
    (row,) = [r for r in opening_rows(uow, customer_id=entry.customer_id) if r.id == entry.id]
    if cents > row.balance_cents:
        raise Conflict(
            "Invoice {number} has {balance} left to pay; a payment of {amount} is more than that.",
            number=entry.reference,
            balance=str(from_cents(max(row.balance_cents, 0))),
            amount=str(from_cents(cents)),
        )
    payment = OpeningPayment(
        opening_id=require_id(entry),
        amount_cents=cents,
        date=date,
        method=chosen.value,
        reference=fields.text("reference", payment_reference, limit=100),
        recorded_at=clock.now(),
        recorded_by=uow.actor.name,
    )
    uow.session.add(payment)
    uow.flush()
    return payment


@requires(Permission.INVOICING)
def reverse_payment(uow: UnitOfWork, *, payment_id: int, clock: Clock) -> OpeningPayment:
    """Cancel payment ``payment_id`` of an opening entry by a reversing entry dated today
    (the payment itself is kept: the tables are append-only)."""
    payment = uow.session.get(OpeningPayment, payment_id)
    if payment is None or payment.amount_cents <= 0:
        raise NotFound("No payment of an opening entry has the id {id}.", id=payment_id)
    done = uow.session.exec(
        select(OpeningPayment.id).where(OpeningPayment.reverses == payment_id)
    ).first()
    if done is not None:
        raise Conflict("Payment {id} was already cancelled.", id=payment_id)
    reversal = OpeningPayment(
        opening_id=payment.opening_id,
        amount_cents=-payment.amount_cents,
        date=max(clock.today(), payment.date),
        method=payment.method,
        reference=payment.reference,
        reverses=payment_id,
        recorded_at=clock.now(),
        recorded_by=uow.actor.name,
    )
    uow.session.add(reversal)
    uow.flush()
    return reversal
