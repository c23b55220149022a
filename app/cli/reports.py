"""``regie report revenue|utilisation|receivables|savings|owners|inspections --from D --to D
--format csv|xlsx|json [--out F]``.

JSON and CSV go to stdout without ``--out``; XLSX needs ``--out``. A file is written to a
temporary file beside ``--out`` and renamed once complete. CSV is UTF-8 with ``;`` between
cells and amounts "1234.50" (a file gets a byte-order mark so spreadsheets read it as
UTF-8); titles and column labels are in the user's language, JSON keys are not. A
malformed or reversed date, or XLSX without ``--out``, is a usage error (exit 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import UsageError, _usage_guard
from app.cli.output import print_json
from app.core.errors import DomainError, ValidationError
from app.core.files import atomic_write
from app.i18n import label, tr
from inventory import fields
from invoicing import reports

FORMATS = ("json", "csv", "xlsx")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "report", help=tr("cli", "management reports, as JSON, CSV or XLSX")
    )
    parser.add_argument("name", choices=reports.REPORTS, help=tr("cli", "the report"))
    parser.add_argument(
        "--from", dest="start", required=True, help=tr("cli", "first day, e.g. 2026-01-01")
    )
    parser.add_argument(
        "--to", dest="end", required=True, help=tr("cli", "last day (included), e.g. 2026-12-31")
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="json", help=tr("cli", "the output format")
    )
    parser.add_argument(
        "--out", default="", help=tr("cli", "the file to write (required for xlsx)")
    )
    parser.set_defaults(handler=_usage_guard(run_report))


def _day(field: str, value: str) -> dt.date:
    try:
        day = fields.optional_date(field, value)
    except ValidationError as err:
        raise UsageError(err, f"--{field} {value}") from err
    if day is None:
        raise UsageError(ValidationError(field, "Give a date (2026-01-31)."), f"--{field}")
    return day


def _translated_json(report: reports.Report) -> dict[str, Any]:
    shown = reports.to_json(report)
    shown["title"] = label(report.title)
    for column in shown["columns"]:
        column["label"] = label(column["label"])
    return shown


def _write(out: str, write: Callable[[Path], object]) -> None:
    """``write(path)`` the whole report; it then replaces ``out`` in one step."""
    folder = Path(out).parent
    if not folder.is_dir():
        raise DomainError("The folder {folder} does not exist.", folder=str(folder))
    atomic_write(out, write)


def run_report(args: argparse.Namespace) -> int:
    start, end = _day("from", args.start), _day("to", args.end)
    if end < start:
        raise UsageError(
            ValidationError("to", "The end of the period must come after its start."), "--to"
        )
    if args.format == "xlsx" and not args.out:
        raise UsageError(ValidationError("out", "An XLSX report needs --out FILE."), "--out")
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            report = reports.report(
                uow, args.name, start, end, today=ctx.clock.today(), tz=ctx.clock.tz
            )
    finally:
        ctx.db.dispose()
    if args.format == "json":
        if not args.out:
            print_json(_translated_json(report))
            return 0
        import json

        from app.cli.output import _default

        text = json.dumps(_translated_json(report), ensure_ascii=False, indent=2, default=_default)
        _write(args.out, lambda p: p.write_text(text + "\n", encoding="utf-8"))
    elif args.format == "csv":
        text = reports.to_csv(report, label)
        if not args.out:
            sys.stdout.write(text)
            sys.stdout.flush()
            return 0
        _write(args.out, lambda p: p.write_text(text, encoding="utf-8-sig", newline=""))
    else:
        _write(args.out, lambda p: reports.to_xlsx(report, p, label))
    print(tr("cli", "Report written to {path}.").format(path=args.out))
    return 0
