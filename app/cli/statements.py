"""``regie statements --month YYYY-MM --out DIR [--customer N] --json``: the monthly
statements (relevés de compte) of every customer with activity or a balance in the month
(or of the customers named), one PDF each in ``DIR`` (``releve-YYYY-MM-<number>.pdf``)
plus one merged PDF to print (``releves-YYYY-MM.pdf``).

``--print [PRINTER]`` sends the merged PDF to the printer as one job (every statement in
customer order, no dialog); with it ``--out`` is optional (the files are then not kept).
A malformed month exits 2; an unknown customer or a month not begun yet exits 1, with no
file written. Amounts in JSON are strings with two decimals ("1234.50"). Each statement is
as of the day it is made (``as_of``): a month over keeps its month-end balance
(``closing``) and says what has been paid on its invoices since (``paid_since``); the
month in progress is stated at that day. ``paid`` is net of reversals and of the money
paid back to the customer in the month (``refunded``).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import UsageError, _usage_guard
from app.cli.output import print_json
from app.cli.printing import (
    add_out_option,
    add_print_option,
    check_printer,
    output_missing,
    printed_json,
    printed_line,
    send,
)
from app.core import settings
from app.core.db import require_id
from app.core.errors import DomainError, ValidationError
from app.core.money import quantize
from app.i18n import tr
from booking.customers import customer_by_number
from invoicing import statements


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "statements",
        help=tr("cli", "monthly statements of account: one PDF per customer and one to print"),
    )
    parser.add_argument("--month", required=True, help=tr("cli", "the month (2026-11)"))
    add_out_option(parser, tr("cli", "the folder to write the PDF files into"))
    parser.add_argument(
        "--customer",
        action="append",
        default=[],
        metavar="N",
        help=tr(
            "cli",
            "only this customer's statement (repeatable; default: every customer with "
            "activity or a balance in the month)",
        ),
    )
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    add_print_option(
        parser,
        tr("cli", "The statements go to the printer as one job: the merged PDF, by customer."),
    )
    parser.set_defaults(handler=_usage_guard(write_statements))


def _money(value: Any) -> str:
    return str(quantize(value))


def totals_json(totals: statements.CustomerTotals) -> dict[str, Any]:
    return {
        "number": totals.number,
        "name": totals.name,
        "opening": _money(totals.opening),
        "invoiced": _money(totals.invoiced),
        "credited": _money(totals.credited),
        "paid": _money(totals.paid),
        "closing": _money(totals.closing),
        "as_of": totals.as_of.isoformat() if totals.as_of else None,
        "paid_since": _money(totals.paid_since),
        "refunded": _money(totals.refunded),
        "file": str(totals.file),
        "pages": totals.pages,
    }


def _logo(uow: Any) -> bytes | None:
    """The cooperative's logo (``settings.logo_bytes``: a file or an uploaded image)."""
    return settings.logo_bytes(uow)


def write_statements(args: argparse.Namespace) -> int:
    """The month's statements into ``--out``; with ``--print``, the merged PDF (every
    statement, in customer order) is sent to the printer as one job."""
    try:
        statements.month_bounds(args.month)
    except ValidationError as err:
        raise UsageError(err, f"--month {args.month}") from err
    missing = output_missing(args)
    if missing is not None:
        return missing
    if args.out and Path(args.out).exists() and not Path(args.out).is_dir():
        raise DomainError("{path} is a file: give --out a folder.", path=args.out)
    printer = check_printer(args)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            ids = [require_id(customer_by_number(uow, n)) for n in args.customer] or None
            logo = _logo(uow)
        with _folder_for(args.out) as out:
            result = statements.run_batch(
                ctx.db,
                args.month,
                out,
                today=ctx.clock.today(),
                customer_ids=ids,
                logo=logo,
            )
            merged = Path(result.merged).read_bytes() if result.merged else b""
    finally:
        ctx.db.dispose()
    kept = bool(args.out)
    shown: dict[str, Any] = {
        "month": result.month,
        "statements": [
            {**totals_json(t), "file": str(t.file) if kept else None} for t in result.totals
        ],
        "merged": str(result.merged) if result.merged and kept else None,
        "closing_total": _money(sum((t.closing for t in result.totals), Decimal(0))),
    }
    if printer is not None and merged:
        title = tr("cli", "Statements {month}").format(month=result.month)
        shown["printed"] = printed_json(printer, send(merged, printer, title))
    if args.json:
        print_json(shown)
        return 0
    for row in shown["statements"]:
        text = tr(
            "cli",
            "{number}  {name}  opening {opening}  invoiced {invoiced}  credited {credited}  "
            "paid {paid}  closing {closing}",
        )
        print(text.format(**row))
    if result.merged and kept:
        print(
            tr("cli", "{count} statements written to {folder}; to print: {merged}.").format(
                count=len(result.files), folder=str(args.out), merged=str(result.merged)
            )
        )
    if "printed" in shown:
        print(printed_line(printer or "", shown["printed"]["pages"]))
    if not result.merged:
        print(
            tr("cli", "No customer has activity or a balance in {month}.").format(month=args.month)
        )
    return 0


@contextmanager
def _folder_for(out: str) -> Iterator[Path]:
    """``out``, or a temporary folder removed afterwards when only printing."""
    if out:
        yield Path(out)
        return
    with tempfile.TemporaryDirectory(prefix="regie-releves-") as temp:
        yield Path(temp)
