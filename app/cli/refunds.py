"""``regie payments refund NUMBER AMOUNT [--date D] [--method M] [--reference R] [--json]``:
record a refund to the customer of an invoice paid more than it owes after its credit
notes (status ``credit``). AMOUNT is what goes back to the customer (30.50); it is stored
as a sealed negative payment entry (``invoicing.payments.record_refund``), never more than
the credit, dated no earlier than the credit note or payment it refunds. After a full
refund the balance is 0 and the status ``paid``. A refusal exits 1 (2 for a malformed
amount or date) and writes nothing.

``add_parser(sub)`` adds the sub-command to ``regie payments``' sub-parsers.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import UsageError, _usage_guard
from app.cli.output import print_json
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.core.money import cents_str, quantize
from app.i18n import tr
from inventory import fields
from invoicing import payments
from invoicing.models import IssuedDocument, Payment


def add_parser(sub: Any) -> None:
    refund = sub.add_parser(
        "refund",
        help=tr(
            "cli",
            "record a refund to the customer of an invoice paid more than it owes after a "
            "credit note (status credit)",
        ),
    )
    refund.add_argument("number", help=tr("cli", "the invoice number (FA-2026-00042)"))
    refund.add_argument("amount", help=tr("cli", "the amount given back to the customer (30.50)"))
    refund.add_argument(
        "--date", default="", help=tr("cli", "the day it was refunded (default: today)")
    )
    refund.add_argument(
        "--method",
        choices=[m.value for m in payments.METHODS],
        default=payments.METHODS[0].value,
        help=tr("cli", "how it was refunded"),
    )
    refund.add_argument("--reference", default="", help=tr("cli", "a cheque or transfer reference"))
    refund.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    refund.set_defaults(handler=_usage_guard(record_refund))


def _checked(args: argparse.Namespace) -> tuple[int, dt.date | None]:
    try:
        cents = fields.money_cents("amount", args.amount, required=True)
    except ValidationError as err:
        raise UsageError(err, f"AMOUNT {args.amount}") from err
    try:
        day = fields.optional_date("date", args.date)
    except ValidationError as err:
        raise UsageError(err, f"--date {args.date}") from err
    return cents, day


def refund_json(uow: UnitOfWork, refund: Payment, today: dt.date) -> dict[str, Any]:
    """The refund as ``regie payments list`` shows a payment (negative amount), with
    ``refund`` true and the invoice's paid, balance and status after it."""
    invoice = uow.row(IssuedDocument, refund.document_id)
    balance = payments.balance_of(uow, invoice, today)
    return {
        "id": refund.id,
        "invoice": invoice.number,
        "date": refund.date,
        "amount": cents_str(refund.amount_cents),
        "method": refund.method,
        "reference": refund.reference,
        "reverses": refund.reverses,
        "refund": True,
        "paid": str(quantize(balance.paid)),
        "balance": str(quantize(balance.balance)),
        "status": balance.status.value,
    }


def record_refund(args: argparse.Namespace) -> int:
    cents, day = _checked(args)
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            made = payments.add_refund(
                uow,
                user=ctx.user,
                invoice_number=args.number,
                amount=cents_str(cents),
                date=day,
                method=args.method,
                reference=args.reference,
                clock=ctx.clock,
            )
            shown = refund_json(uow, made, ctx.clock.today())
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
        return 0
    text = tr("cli", "Refund {id}: {amount} on {invoice} ({method}, {date}); balance {balance}.")
    print(
        text.format(
            id=shown["id"],
            amount=shown["amount"],
            invoice=shown["invoice"],
            method=shown["method"],
            date=shown["date"].isoformat(),
            balance=shown["balance"],
        )
    )
    return 0
