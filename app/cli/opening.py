"""``regie opening-balances``: the invoices the previous tool left unpaid, as opening
entries of their customers (``invoicing.opening``).

- ``import F [--preview] [--map KEY=HEADER]… [--json]``: one row per unpaid invoice
  (customer number, reference, invoice date, due date, amount still owed); all or
  nothing, every bad line named; importing the same file again changes nothing;
- ``export F.csv|F.xlsx``: what remains of each open entry, in the import's columns;
- ``list [--customer N] [--all] [--json]``: the entries still open (``--all``: settled
  ones too) with what was paid and what is left;
- ``pay REF AMOUNT [--date D] [--method M] [--reference R] [--json]``: a payment on one;
- ``reverse ID [--json]``: cancel a payment by a reversing entry.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from app import tabular_language
from app.bootstrap import open_context
from app.cli import tabular_cli
from app.cli.bookings import _usage_guard
from app.cli.invoicing import _amount, _date
from app.cli.output import add_page_options, page_of, print_json, say_more
from app.core import tabular
from app.core.db import UnitOfWork
from app.core.money import cents_str, to_cents
from app.i18n import label, tr
from booking.customers import customer_by_number
from invoicing import opening
from invoicing.balance import invoice_status
from invoicing.models import PAYMENT_METHOD_LABELS, OpeningBalance, OpeningPayment


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "opening-balances",
        help=tr("cli", "invoices left unpaid by the previous tool, as opening entries"),
    )
    sub = parser.add_subparsers(dest="opening_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import", help=tr("cli", "import unpaid invoices from CSV or .xlsx (all or nothing)")
    )
    tabular_cli.add_import_options(imp, columns=", ".join(c.key for c in opening.COLUMNS))
    imp.set_defaults(handler=import_balances)
    exp = sub.add_parser(
        "export", help=tr("cli", "export what remains of the opening entries (.csv or .xlsx)")
    )
    tabular_cli.add_export_options(exp)
    exp.set_defaults(handler=export_balances)

    listing = sub.add_parser("list", help=tr("cli", "the opening entries still open"))
    listing.add_argument("--customer", help=tr("cli", "only this customer's (its number)"))
    listing.add_argument("--all", action="store_true", help=tr("cli", "settled entries too"))
    add_page_options(listing)
    listing.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    listing.set_defaults(handler=_usage_guard(list_balances))

    pay = sub.add_parser("pay", help=tr("cli", "record a payment on an opening entry"))
    pay.add_argument("reference", help=tr("cli", "the entry's reference (its invoice number)"))
    pay.add_argument("amount", help=tr("cli", "the amount paid (1234.50)"))
    pay.add_argument("--date", default="", help=tr("cli", "the day it was paid (default: today)"))
    pay.add_argument(
        "--method",
        default=opening.METHODS[0].value,
        help=tr("cli", "how it was paid: {methods} (or their names, e.g. Chèque)").format(
            methods=", ".join(m.value for m in opening.METHODS)
        ),
    )
    pay.add_argument("--reference", dest="payment_reference", default="",
                     help=tr("cli", "a cheque or transfer reference"))  # fmt: skip
    pay.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    pay.set_defaults(handler=_usage_guard(pay_balance))

    reverse = sub.add_parser(
        "reverse", help=tr("cli", "cancel a payment on an opening entry by a reversing entry")
    )
    reverse.add_argument("id", type=int, help=tr("cli", "the payment number"))
    reverse.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    reverse.set_defaults(handler=reverse_payment)


def import_balances(args: argparse.Namespace) -> int:
    return tabular_cli.run_import(
        args, lambda uow, table, mapping: opening.import_balances(uow, table, mapping)
    )


def export_balances(args: argparse.Namespace) -> int:
    return tabular_cli.run_export(
        args,
        opening.export_balances,
        lambda n: QCoreApplication.translate("cli", "%n opening entry(ies)", None, n),
    )


def row_json(row: opening.OpeningRow, today: dt.date) -> dict[str, Any]:
    return {
        "reference": row.reference,
        "customer": row.customer_number,
        "name": row.customer_name,
        "issue_date": row.issue_date,
        "due_date": row.due_date,
        "amount": cents_str(row.amount_cents),
        "paid": cents_str(row.paid_cents),
        "balance": cents_str(row.balance_cents),
        "status": invoice_status(row.balance_cents, row.due_date, today).value,
        "label": row.label,
    }


def list_balances(args: argparse.Namespace) -> int:
    """The opening entries still open (``--all``: settled too), a page of them
    (``--limit``/``--offset``; text: 100 by default); the total owed is over every entry.
    Opening entries are the few invoices a previous tool left unpaid: the page is cut
    from ``opening.opening_rows``, which reads them with their payments in bulk."""
    page = page_of(args)
    ctx = open_context(args.db)
    today = ctx.clock.today()
    try:
        with ctx.db.read() as uow:
            customer_id = (
                customer_by_number(uow, args.customer).id if args.customer is not None else None
            )
            rows = opening.opening_rows(uow, customer_id=customer_id)
    finally:
        ctx.db.dispose()
    every = [r for r in rows if args.all or r.balance_cents]
    end = None if page.limit is None else page.offset + page.limit
    kept = every[page.offset : end]
    if args.json:
        print_json([row_json(r, today) for r in kept])
        return 0
    tabular_language.install()
    for row in kept:
        text = tr(
            "cli", "{reference}  {customer} {name}  due {due_date}: {balance} left of {amount}"
        )
        print(
            text.format(
                reference=row.reference,
                customer=row.customer_number,
                name=row.customer_name,
                due_date=tabular.Day(row.due_date).text(tabular.language()),
                balance=tabular.money_text(row.balance_cents),
                amount=tabular.money_text(row.amount_cents),
            )
        )
    total = sum((int(r.balance_cents) for r in rows), 0)
    print(tr("cli", "Opening entries still owed: {total}").format(total=tabular.money_text(total)))
    say_more(page, len(kept), len(every) - page.offset - len(kept))
    return 0


def _payment_json(uow: UnitOfWork, payment: OpeningPayment, today: dt.date) -> dict[str, Any]:
    entry = uow.row(OpeningBalance, payment.opening_id)
    (row,) = [
        r for r in opening.opening_rows(uow, customer_id=entry.customer_id) if r.id == entry.id
    ]
    return {
        "id": payment.id,
        "reference": entry.reference,
        "date": payment.date,
        "amount": cents_str(payment.amount_cents),
        "method": payment.method,
        "payment_reference": payment.reference,
        "reverses": payment.reverses,
        "paid": cents_str(row.paid_cents),
        "balance": cents_str(row.balance_cents),
        "status": invoice_status(row.balance_cents, row.due_date, today).value,
    }


def _print_payment(shown: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(shown)
        return
    tabular_language.install()
    text = tr("cli", "Payment {id}: {amount} on {reference} ({method}, {date}); balance {balance}.")
    method = next((m for m in opening.METHODS if m.value == shown["method"]), None)
    print(
        text.format(
            **{
                **shown,
                "amount": tabular.money_text(to_cents(shown["amount"])),
                "balance": tabular.money_text(to_cents(shown["balance"])),
                "date": tabular.Day(shown["date"]).text(tabular.language()),
                "method": label(PAYMENT_METHOD_LABELS[method]) if method else shown["method"],
            }
        )
    )


def pay_balance(args: argparse.Namespace) -> int:
    amount = _amount("amount", args.amount, "AMOUNT")
    day = _date(args.date)
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            made = opening.record_payment(
                uow,
                reference=args.reference,
                amount=str(amount),
                date=day or ctx.clock.today(),
                method=args.method,
                payment_reference=args.payment_reference,
                clock=ctx.clock,
            )
            shown = _payment_json(uow, made, ctx.clock.today())
    finally:
        ctx.db.dispose()
    _print_payment(shown, args.json)
    return 0


def reverse_payment(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            made = opening.reverse_payment(uow, payment_id=args.id, clock=ctx.clock)
            shown = _payment_json(uow, made, ctx.clock.today())
    finally:
        ctx.db.dispose()
    _print_payment(shown, args.json)
    return 0
