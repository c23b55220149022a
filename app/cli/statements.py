"""``regie statements --month YYYY-MM --out DIR [--customer N] --json``: the monthly
statements (relevés de compte) of every customer with activity or a balance in the month
(or of the customers named), one PDF each in ``DIR`` (``releve-YYYY-MM-<number>.pdf``)
plus one merged PDF to print (``releves-YYYY-MM.pdf``).

A malformed month exits 2; an unknown customer or a month not begun yet exits 1, with no
file written. Amounts in JSON are strings with two decimals ("1234.50").
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import UsageError, _usage_guard
from app.cli.invoicing import RESOURCES
from app.cli.output import print_json
from app.core import settings
from app.core.errors import ValidationError
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
    parser.add_argument(
        "--out", required=True, help=tr("cli", "the folder to write the PDF files into")
    )
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
        "file": str(totals.file),
        "pages": totals.pages,
    }


def _logo(uow: Any) -> Path | None:
    name = settings.get_setting(uow, settings.LOGO).strip()
    if not name:
        return None
    path = Path(name) if Path(name).is_absolute() else RESOURCES / name
    return path if path.is_file() else None


def write_statements(args: argparse.Namespace) -> int:
    try:
        statements.month_bounds(args.month)
    except ValidationError as err:
        raise UsageError(err, f"--month {args.month}") from err
    out = Path(args.out)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            ids = [customer_by_number(uow, n).id for n in args.customer] or None
            logo = _logo(uow)
        result = statements.run_batch(
            ctx.db,
            args.month,
            out,
            today=ctx.clock.today(),
            customer_ids=ids,  # type: ignore[arg-type]
            logo=logo,
        )
    finally:
        ctx.db.dispose()
    shown = {
        "month": result.month,
        "statements": [totals_json(t) for t in result.totals],
        "merged": str(result.merged) if result.merged else None,
        "closing_total": _money(sum((t.closing for t in result.totals), Decimal(0))),
    }
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
    if result.merged:
        print(
            tr("cli", "{count} statements written to {folder}; to print: {merged}.").format(
                count=len(result.files), folder=str(out), merged=str(result.merged)
            )
        )
    else:
        print(
            tr("cli", "No customer has activity or a balance in {month}.").format(month=args.month)
        )
    return 0
