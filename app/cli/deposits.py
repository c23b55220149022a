"""``regie deposits list|add|return|retain``: the deposits (cautions) held against a
booking, through ``invoicing.deposits``.

A refusal (an unknown booking, a deposit of zero, keeping more than the deposit or more
than the invoice's balance) exits 1 with the reason on stderr and nothing written; a
malformed amount exits 2. Amounts in JSON are strings with two decimals ("1234.50").
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlmodel import select

from app.bootstrap import open_context
from app.cli.bookings import _usage_guard
from app.cli.invoicing import _amount
from app.cli.output import print_json
from app.core.db import UnitOfWork, id_column
from app.core.errors import Conflict
from app.core.money import cents_str, quantize
from app.i18n import tr
from booking.bookings import booking_by_ref
from booking.models import Booking
from invoicing import deposits, payments
from invoicing.document import Kind
from invoicing.models import Deposit, IssuedDocument


def register(commands: Any) -> None:
    parser = commands.add_parser("deposits", help=tr("cli", "deposits (cautions) of bookings"))
    sub = parser.add_subparsers(dest="deposits_command", metavar="ACTION", required=True)

    listing = sub.add_parser(
        "list", help=tr("cli", "the deposit a booking requires and the deposits recorded")
    )
    listing.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    _json_option(listing)
    listing.set_defaults(handler=list_deposits)

    add = sub.add_parser("add", help=tr("cli", "record a deposit received for a booking"))
    add.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    add.add_argument("amount", help=tr("cli", "the amount received (1234.50)"))
    add.add_argument(
        "--method",
        choices=[m.value for m in payments.METHODS],
        default="cheque",
        help=tr("cli", "how it was given (default: cheque)"),
    )
    add.add_argument("--note", default="", help=tr("cli", "a note (cheque number...)"))
    _json_option(add)
    add.set_defaults(handler=_usage_guard(add_deposit))

    back = sub.add_parser("return", help=tr("cli", "give a held deposit back"))
    back.add_argument("id", type=int, help=tr("cli", "the deposit number"))
    _json_option(back)
    back.set_defaults(handler=return_deposit)

    keep = sub.add_parser(
        "retain",
        help=tr("cli", "keep (part of) a held deposit to settle an invoice; the rest is returned"),
    )
    keep.add_argument("id", type=int, help=tr("cli", "the deposit number"))
    keep.add_argument(
        "--invoice",
        default="",
        help=tr(
            "cli",
            "the invoice to settle (default: the booking's latest invoice with a balance)",
        ),
    )
    keep.add_argument(
        "--amount",
        default="",
        help=tr("cli", "the amount kept (default: the invoice's balance, at most the deposit)"),
    )
    _json_option(keep)
    keep.set_defaults(handler=_usage_guard(retain_deposit))


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))


# --- helpers -----------------------------------------------------------------------------


def deposit_json(uow: UnitOfWork, deposit: Deposit) -> dict[str, Any]:
    booking = uow.session.get(Booking, deposit.booking_id)
    return {
        "id": deposit.id,
        "booking": booking.reference if booking is not None else None,
        "amount": cents_str(deposit.amount_cents),
        "method": deposit.method,
        "status": deposit.status,
        "received_on": deposit.received_on,
        "closed_on": deposit.closed_on,
        "retained": cents_str(deposit.retained_cents),
        "notes": deposit.notes,
    }


def _print_deposit(shown: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(shown)
        return
    text = tr("cli", "Deposit {id} of {booking}: {amount} ({method}), {status}; kept {retained}.")
    print(text.format(**shown))


def latest_invoice_with_balance(uow: UnitOfWork, deposit_id: int, today: Any) -> str:
    """The number of the latest issued invoice of the deposit's booking that still has a
    balance to pay (refused when there is none)."""
    deposit = deposits._deposit(uow, deposit_id)
    query = (
        select(IssuedDocument)
        .where(
            IssuedDocument.booking_id == deposit.booking_id,
            IssuedDocument.kind == Kind.INVOICE.value,
        )
        .order_by(id_column(IssuedDocument).desc())
    )
    for invoice in uow.session.exec(query):
        if payments.balance_of(uow, invoice, today).balance > 0:
            return invoice.number
    raise Conflict("The booking of deposit {id} has no issued invoice left to pay.", id=deposit_id)


# --- handlers ------------------------------------------------------------------------------


def list_deposits(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            booking = booking_by_ref(uow, args.ref)
            deposit_rows = [deposit_json(uow, d) for d in deposits.deposits_of(uow, args.ref)]
            shown = {
                "booking": booking.reference,
                "required": str(quantize(deposits.required_deposit(uow, args.ref))),
                "held": str(quantize(deposits.held_total(uow, args.ref))),
                "deposits": deposit_rows,
            }
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
        return 0
    print(tr("cli", "{booking}: deposit required {required}, held {held}.").format(**shown))
    for row in deposit_rows:
        _print_deposit(row, False)
    return 0


def add_deposit(args: argparse.Namespace) -> int:
    amount = _amount("amount", args.amount, "AMOUNT")
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            made = deposits.record_deposit(
                uow,
                user=ctx.user,
                reference=args.ref,
                amount=amount,
                method=args.method,
                notes=args.note,
                clock=ctx.clock,
            )
            shown = deposit_json(uow, made)
    finally:
        ctx.db.dispose()
    _print_deposit(shown, args.json)
    return 0


def return_deposit(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            made = deposits.return_deposit(uow, user=ctx.user, deposit_id=args.id, clock=ctx.clock)
            shown = deposit_json(uow, made)
    finally:
        ctx.db.dispose()
    _print_deposit(shown, args.json)
    return 0


def retain_deposit(args: argparse.Namespace) -> int:
    amount = _amount("amount", args.amount, "--amount") if args.amount.strip() else None
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            number = args.invoice.strip() or latest_invoice_with_balance(
                uow, args.id, ctx.clock.today()
            )
            made = deposits.retain_deposit(
                uow,
                user=ctx.user,
                deposit_id=args.id,
                invoice_number=number,
                amount=amount,
                clock=ctx.clock,
            )
            shown = deposit_json(uow, made)
            shown["invoice"] = number
            balance = payments.invoice_balance(uow, number, ctx.clock.today())
            shown["invoice_balance"] = str(quantize(balance.balance))
    finally:
        ctx.db.dispose()
    _print_deposit(shown, args.json)
    return 0
