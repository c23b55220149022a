"""``regie export accounting|ereporting``: files for the cooperative's accountant and its
approved e-invoicing platform.

``export accounting --from D --to D --format fec|csv --out F``: the sales journal and the
receipts of the period as balanced double-entry lines (``invoicing.accounting``), in the
FEC layout (18 tab-separated columns) or as a semicolon CSV for a spreadsheet.
``export ereporting --from D --to D --out F.csv``: the e-reporting transaction data
(``invoicing.ereporting``; its --help explains the category codes and the machine
format). ``--json`` prints a summary; with ``--out -`` it prints the lines (accounting)
or rows (e-reporting) themselves as JSON under ``data`` instead of the file. A malformed date exits 2; a period ending before it starts or
a bad output place exits 1, with one sentence and nothing written. The file is written
whole or not at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
import textwrap
from pathlib import Path
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import UsageError, _usage_guard
from app.cli.output import print_json
from app.core.errors import ValidationError
from app.core.files import atomic_write_bytes
from app.i18n import tr
from inventory import fields
from invoicing import accounting, ereporting


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "export", help=tr("cli", "files for the accountant and the e-invoicing platform")
    )
    sub = parser.add_subparsers(dest="export_command", metavar="WHAT", required=True)

    books = sub.add_parser(
        "accounting",
        help=tr("cli", "the sales journal and the receipts of a period (FEC or CSV)"),
    )
    _period(books)
    books.add_argument(
        "--format",
        choices=accounting.FORMATS,
        default="fec",
        help=tr("cli", "fec: the FEC layout (tab-separated); csv: for a spreadsheet"),
    )
    books.add_argument(
        "--out",
        required=True,
        help=tr("cli", "the file to write, - for standard output (FEC: SIRENFECAAAAMMJJ.txt)"),
    )
    books.add_argument(
        "--json",
        action="store_true",
        help=tr(
            "cli",
            "print JSON: a summary; with --out -, the lines themselves (key data, one "
            "object per line named by the FEC columns)",
        ),
    )
    books.set_defaults(handler=_usage_guard(export_accounting))

    report = sub.add_parser(
        "ereporting",
        help=tr("cli", "e-reporting transaction data of a period (operations not e-invoiced)"),
        description=ereporting_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _period(report)
    report.add_argument(
        "--out", required=True, help=tr("cli", "the CSV file to write, - for standard output")
    )
    report.add_argument(
        "--json",
        action="store_true",
        help=tr(
            "cli",
            "print JSON: a summary; with --out -, the rows themselves (key data) instead of "
            "the CSV",
        ),
    )
    report.set_defaults(handler=_usage_guard(export_ereporting))


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="start", required=True, help=tr("cli", "first day (2026-11-01)")
    )
    parser.add_argument("--to", dest="end", required=True, help=tr("cli", "last day (2026-11-30)"))


def ereporting_help() -> str:
    """What the rows say: the category codes and the machine format (for --help)."""
    texts = {
        ereporting.GOODS: tr("cli", "goods sold with French VAT"),
        ereporting.SERVICES: tr("cli", "services (rentals) with French VAT"),
        ereporting.NOT_TAXED: tr(
            "cli", "not taxed in France: reverse charge, intra-EU supply, export, exempt"
        ),
    }
    codes = "\n".join(f"  {code}  {text}" for code, text in texts.items())
    wrap = functools.partial(textwrap.fill, width=78)
    return "\n\n".join(
        (
            wrap(
                tr(
                    "cli",
                    "One row per day, category, nature (goods or services) and VAT rate of the "
                    "invoices and credit notes not e-invoiced (individuals, public bodies, "
                    "associations without a VAT number, customers outside France).",
                )
            ),
            tr("cli", "Categories (e-reporting transaction category codes):") + "\n" + codes,
            wrap(
                tr(
                    "cli",
                    "Not reported: lines outside the scope of VAT (damage and loss indemnities) "
                    "and operations exempt under articles 261 to 261 E of the CGI. transactions: "
                    "the number of invoices; a credit note lowers its day's amounts but counts 0.",
                )
            ),
            wrap(
                tr(
                    "cli",
                    "Machine format for the approved platform: comma-separated, UTF-8, ISO dates "
                    "(2026-11-30), amounts with a decimal point (1234.50), unlike the accounting "
                    "CSV (semicolons and decimal commas for a French spreadsheet).",
                )
            ),
        )
    )


def _day(option: str, value: str) -> dt.date:
    try:
        day = fields.optional_date(option, value)
    except ValidationError as err:
        raise UsageError(err, f"{option} {value}") from err
    if day is None:
        raise UsageError(ValidationError(option, "Give a date."), option)
    return day


def _done(args: argparse.Namespace, kind: str, rows: int, start: dt.date, end: dt.date) -> int:
    shown = {
        "kind": kind,
        "from": start,
        "to": end,
        "file": str(Path(args.out)),
        "entries" if kind != "ereporting" else "rows": rows,
    }
    if args.json:
        print_json(shown)
        return 0
    if kind == "ereporting":
        text = tr(
            "cli", "{count} rows of e-reporting data from {start} to {end} written to {path}."
        )
    else:
        text = tr("cli", "{count} accounting entries from {start} to {end} written to {path}.")
    print(text.format(count=rows, start=start.isoformat(), end=end.isoformat(), path=args.out))
    return 0


def _write(args: argparse.Namespace, data: bytes) -> bool:
    """The file, whole or not at all; ``--out -``: standard output, and True (nothing
    else is printed)."""
    if args.out == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return True
    atomic_write_bytes(args.out, data)
    return False


def _print_data(kind: str, start: dt.date, end: dt.date, count: int, data: list[Any]) -> int:
    """``--json --out -``: the summary and the lines or rows themselves (``data``)."""
    key = "rows" if kind == "ereporting" else "entries"
    print_json({"kind": kind, "from": start, "to": end, "file": "-", key: count, "data": data})
    return 0


def export_accounting(args: argparse.Namespace) -> int:
    start, end = _day("--from", args.start), _day("--to", args.end)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            if args.json and args.out == "-":
                chart = accounting.accounts(uow)
                found = accounting.entries(uow, start, end)
                lines = [
                    dict(zip(accounting.COLUMNS, r, strict=True))
                    for r in accounting.rows(chart, found)
                ]
                return _print_data(args.format, start, end, len(found), lines)
            data, count = accounting.export(uow, start, end, args.format)
    finally:
        ctx.db.dispose()
    if _write(args, data):
        return 0
    return _done(args, args.format, count, start, end)


def export_ereporting(args: argparse.Namespace) -> int:
    start, end = _day("--from", args.start), _day("--to", args.end)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            if args.json and args.out == "-":
                found = ereporting.transaction_rows(uow, start, end)
                rows = [r.as_json() for r in found]
                return _print_data("ereporting", start, end, len(found), rows)
            data, count = ereporting.export(uow, start, end)
    finally:
        ctx.db.dispose()
    if _write(args, data):
        return 0
    return _done(args, "ereporting", count, start, end)
