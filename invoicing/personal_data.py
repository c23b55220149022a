"""A person's data on request (RGPD): export everything Régie holds about a customer, and
anonymise a customer without touching what was issued to them.

Export (articles 15 and 20): the customer's record, price category, contacts, memberships,
bookings with their lines, desk movements, deposits and damage charges, the quotes among the
bookings, the invoices and credit notes issued to them (figures, lines, the frozen document
as issued, the SHA-256 of the issued PDF) with their payments, and the audit events about
any of those rows. Plain JSON values, so any program can read it back.

Anonymising (article 17) keeps what the law keeps: issued invoices and credit notes, their
lines, files, seals and payments are legal records for ten years and immutable; they stay
byte for byte (so ``regie verify`` still holds), with the buyer's name and address as
issued. What goes: the customer's name (``Anonymisé <number>``), e-mail, phone, address,
postcode, city, SIREN, SIRET, VAT number, service code and notes; its contacts (deleted);
the event, venue, notes and buyer references of its bookings; the notes of its deposits.
What stays, being no one's identity: the customer number, kind, category, country,
memberships (member rates on past dates), bookings' dates, lines and movements.
Refused while the customer has open bookings (quote, confirmed, out, returned), invoices
not settled (a balance due or a refund due) or deposits held: those still need the person.

Both are the administrator's (``Permission.BACKUPS``: personal-data requests): the export
crosses every area, invoices and the audit trail included; the anonymising cannot be undone.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlmodel import col, select

from app.core import audit_queries
from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import Conflict
from app.core.money import cents_str
from booking import customers
from booking.models import (
    Booking,
    BookingLine,
    BookingStatus,
    Customer,
    Movement,
)
from inventory.models import ItemType
from invoicing import opening
from invoicing.balance import invoice_balances
from invoicing.document import Kind
from invoicing.models import (
    CustomerPriceCategory,
    DamageCharge,
    Deposit,
    DepositStatus,
    DocumentFile,
    IssuedDocument,
    IssuedLine,
    OpeningPayment,
    Payment,
    PriceCategory,
)

#: The format of the export file (a reader checks it).
FORMAT = 1
#: The name an anonymised customer takes (French: printed on statements).
ANONYMOUS = "Anonymisé {number}"
#: The customer fields emptied by anonymising.
ERASED = (
    "email",
    "phone",
    "address",
    "postcode",
    "city",
    "siren",
    "siret",
    "vat_number",
    "service_code",
    "notes",
)
#: Bookings still needing the person.
OPEN = (
    BookingStatus.QUOTE,
    BookingStatus.CONFIRMED,
    BookingStatus.OUT,
    BookingStatus.RETURNED,
)
#: How many references a refusal names before "(+N)".
NAMED = 5


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _row(row: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: _value(v) for k, v in row.model_dump().items() if k not in skip}


# --- export ------------------------------------------------------------------------------


@requires(Permission.BACKUPS)
def export_data(uow: UnitOfWork, number: str, *, clock: Clock) -> dict[str, Any]:
    """Everything about the customer numbered ``number``, as JSON values."""
    customer = customers.customer_by_number(uow, number)
    cid = require_id(customer)
    booked = list(uow.session.exec(select(Booking).where(Booking.customer_id == cid)))
    issued = list(
        uow.session.exec(
            select(IssuedDocument)
            .where(IssuedDocument.customer_id == cid)
            .order_by(id_column(IssuedDocument))
        )
    )
    contacts = customers.contacts_of(uow, cid)
    memberships = customers.memberships_of(uow, cid)
    bookings = [_booking(uow, b) for b in sorted(booked, key=lambda b: b.reference)]
    documents = [_document(uow, d) for d in issued]
    openings = opening.opening_rows(uow, customer_id=cid)
    paid_openings = uow.session.exec(
        select(OpeningPayment).where(
            col(OpeningPayment.opening_id).in_([row.id for row in openings])
        )
    ).all()
    return {
        "format": FORMAT,
        "exported_at": _value(clock.now()),
        "exported_by": uow.actor.name,
        "customer": _row(customer),
        "price_category": _price_category(uow, cid),
        "contacts": [_row(c) for c in contacts],
        "memberships": [_row(m) for m in memberships],
        "bookings": bookings,
        "quotes": [b["reference"] for b in bookings if b["status"] == BookingStatus.QUOTE],
        "invoices": [d for d in documents if d["kind"] == Kind.INVOICE],
        "credit_notes": [d for d in documents if d["kind"] == Kind.CREDIT_NOTE],
        "opening_balances": [
            {
                "reference": row.reference,
                "issue_date": row.issue_date.isoformat(),
                "due_date": row.due_date.isoformat(),
                "amount": cents_str(row.amount_cents),
                "paid": cents_str(row.paid_cents),
                "balance": cents_str(row.balance_cents),
                "label": row.label,
                "payments": [
                    _row(p, ("amount_cents",)) | {"amount": cents_str(p.amount_cents)}
                    for p in paid_openings
                    if p.opening_id == row.id
                ],
            }
            for row in openings
        ],
        "audit": _audit(
            uow,
            clock,
            {
                "customer": [cid],
                "contact": [c.id for c in contacts],
                "membership": [m.id for m in memberships],
                "booking": [b.id for b in booked],
                "deposit": [d["id"] for b in bookings for d in b["deposits"]],
                "issued_document": [d.id for d in issued],
                "payment": [p["id"] for d in documents for p in d["payments"]],
                "opening_balance": [row.id for row in openings],
                "opening_payment": [p.id for p in paid_openings],
            },
        ),
    }


def _price_category(uow: UnitOfWork, customer_id: int) -> str | None:
    """The code of the customer's price category (its own day rates), if it has one."""
    chosen = uow.session.get(CustomerPriceCategory, customer_id)
    category = uow.session.get(PriceCategory, chosen.category_id) if chosen else None
    return category.code if category else None


def _booking(uow: UnitOfWork, booking: Booking) -> dict[str, Any]:
    bid = require_id(booking)
    codes = dict(uow.session.exec(select(id_column(ItemType), ItemType.code)).all())
    lines = uow.session.exec(
        select(BookingLine).where(BookingLine.booking_id == bid).order_by(id_column(BookingLine))
    )
    moves = uow.session.exec(
        select(Movement).where(Movement.booking_id == bid).order_by(id_column(Movement))
    )
    deposits = uow.session.exec(select(Deposit).where(Deposit.booking_id == bid))
    charges = uow.session.exec(select(DamageCharge).where(DamageCharge.booking_id == bid))
    return _row(booking) | {
        "lines": [
            {"code": codes.get(line.item_type_id, ""), "quantity": line.quantity} for line in lines
        ],
        "movements": [
            _row(m, ("booking_id", "item_type_id", "unit_id"))
            | {"type": codes.get(m.item_type_id, "")}
            for m in moves
        ],
        "deposits": [
            _row(d, ("amount_cents", "retained_cents"))
            | {"amount": cents_str(d.amount_cents), "retained": cents_str(d.retained_cents)}
            for d in deposits
        ],
        "damage_charges": [
            _row(c, ("amount_cents", "item_type_id"))
            | {"amount": cents_str(c.amount_cents), "type": codes.get(c.item_type_id, "")}
            for c in charges
        ],
    }


def _document(uow: UnitOfWork, doc: IssuedDocument) -> dict[str, Any]:
    did = require_id(doc)
    lines = uow.session.exec(
        select(IssuedLine).where(IssuedLine.document_id == did).order_by(col(IssuedLine.position))
    )
    paid = uow.session.exec(
        select(Payment).where(Payment.document_id == did).order_by(id_column(Payment))
    )
    file = uow.session.get(DocumentFile, did)
    booking = uow.session.get(Booking, doc.booking_id) if doc.booking_id else None
    cited = uow.session.get(IssuedDocument, doc.cites_id) if doc.cites_id else None
    skip = ("document_json", "net_cents", "vat_cents", "gross_cents", "booking_id", "cites_id")
    return _row(doc, skip) | {
        "booking": booking.reference if booking else None,
        "cites": cited.number if cited else None,
        "net_total": cents_str(doc.net_cents),
        "vat_total": cents_str(doc.vat_cents),
        "gross_total": cents_str(doc.gross_cents),
        "lines": [
            {
                "position": line.position,
                "description": line.description,
                "quantity": line.quantity,
                "net": cents_str(line.net_cents),
                "vat_rate": str(Decimal(line.vat_rate_bp) / 100),
                "vat_category": line.vat_category,
            }
            for line in lines
        ],
        "payments": [
            _row(p, ("amount_cents", "document_id")) | {"amount": cents_str(p.amount_cents)}
            for p in paid
        ],
        "pdf_sha256": file.pdf_sha256 if file else "",
        "document": json.loads(doc.document_json),
    }


def _audit(
    uow: UnitOfWork,
    clock: Clock,
    about: dict[str, list[int | None]],
) -> list[dict[str, Any]]:
    """The audit events about the person's rows (``about``: table → ids), oldest first, as
    ``regie audit --json`` writes them (personal values are never in the trail)."""
    found: dict[int, dict[str, Any]] = {}
    for entity, ids in about.items():
        for key in sorted({str(i) for i in ids if i is not None}):
            where = audit_queries.AuditFilter(entity=entity, entity_id=key)
            for row in audit_queries.events(uow, where, clock):
                found[row.id] = audit_queries.to_json(row, clock)
    return [found[i] for i in sorted(found)]


# --- anonymise ---------------------------------------------------------------------------


def _named(refs: list[str]) -> str:
    shown = ", ".join(refs[:NAMED])
    return shown + (f" (+{len(refs) - NAMED})" if len(refs) > NAMED else "")


def _refuse_if_open(uow: UnitOfWork, customer: Customer, booked: list[Booking]) -> None:
    cid = require_id(customer)
    still = sorted(b.reference for b in booked if b.status in OPEN)
    if still:
        raise Conflict(
            "{name} still has open bookings ({bookings}): close or cancel them before anonymising.",
            name=customer.name,
            bookings=_named(still),
        )
    unsettled = [b.number for b in invoice_balances(uow, customer_id=cid) if b.balance_cents]
    unsettled += [
        r.reference for r in opening.opening_rows(uow, customer_id=cid) if r.balance_cents
    ]
    if unsettled:
        raise Conflict(
            "{name} still has invoices not settled ({invoices}): record their payments or "
            "refunds before anonymising.",
            name=customer.name,
            invoices=_named(unsettled),
        )
    ids = [require_id(b) for b in booked]
    held = uow.session.exec(
        select(Booking.reference)
        .join(Deposit, col(Deposit.booking_id) == id_column(Booking))
        .where(col(Deposit.booking_id).in_(ids), Deposit.status == DepositStatus.HELD.value)
    ).all()
    if held:
        raise Conflict(
            "{name} still has deposits held ({bookings}): return or retain them before "
            "anonymising.",
            name=customer.name,
            bookings=_named(sorted(set(held))),
        )


@requires(Permission.BACKUPS)
def anonymise(uow: UnitOfWork, number: str, *, clock: Clock) -> dict[str, int | str]:
    """Erase the customer's identity (see the module's note); what was issued stays.
    Returns the counts of what changed."""
    customer = customers.customer_by_number(uow, number)
    cid = require_id(customer)
    booked = list(uow.session.exec(select(Booking).where(Booking.customer_id == cid)))
    anonymous = ANONYMOUS.format(number=customer.number)
    contacts = customers.contacts_of(uow, cid)
    if (
        customer.name == anonymous
        and not contacts
        and not any(getattr(customer, f) for f in ERASED)
    ):
        raise Conflict("Customer {number} is already anonymised.", number=customer.number)
    _refuse_if_open(uow, customer, booked)
    customer.name = anonymous
    for key in ERASED:
        setattr(customer, key, "")
    for contact in contacts:
        uow.session.delete(contact)
    for booking in booked:
        booking.event = booking.venue = booking.notes = ""
        booking.buyer_reference = booking.order_reference = ""
    ids = [require_id(b) for b in booked]
    deposits = list(uow.session.exec(select(Deposit).where(col(Deposit.booking_id).in_(ids))))
    for deposit in deposits:
        deposit.notes = ""
    uow.flush()
    return {
        "number": customer.number,
        "name": anonymous,
        "contacts_deleted": len(contacts),
        "bookings": len(booked),
        "deposits": len(deposits),
    }
