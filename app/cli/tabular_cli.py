"""The import and export commands of tabular files, shared by every kind of data
(``regie customers import|export``, ``regie items import``…).

``import F [--preview] [--map KEY=HEADER]… [--encoding E] [--delimiter D] [--sheet S]
[--json]``: reads a CSV or .xlsx file (``app.core.tabular``), runs the importer all or
nothing; ``--preview`` runs it in a transaction rolled back and prints what it would do.
``export F.csv|F.xlsx``: the file's format follows its extension.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app import tabular_language
from app.bootstrap import open_context
from app.cli.output import check_output, print_json
from app.core import tabular
from app.core.db import UnitOfWork
from app.core.errors import DomainError, ValidationError
from app.core.files import atomic_write_bytes
from app.core.storage import os_reason
from app.core.tabular import ImportResult, Table
from app.i18n import message, tr

USAGE_ERROR = 2
Importer = Callable[[UnitOfWork, Table, dict[str, str]], ImportResult]
Exporter = Callable[[UnitOfWork, str], tuple[bytes, int]]


def add_import_options(parser: Any, *, columns: str) -> None:
    """The file and options of an ``import`` command; ``columns``: the column keys, for
    the help of ``--map``."""
    parser.add_argument("file", help=tr("cli", "the file: CSV (UTF-8 or Windows-1252) or .xlsx"))
    parser.add_argument(
        "--preview",
        action="store_true",
        help=tr("cli", "show what the import would create or change, and write nothing"),
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="KEY=HEADER",
        help=tr(
            "cli", "read the column KEY from the file's column HEADER (repeatable); KEYs: {keys}"
        ).format(keys=columns),
    )
    parser.add_argument(
        "--encoding", default=None, help=tr("cli", "the text encoding (default: detected)")
    )
    parser.add_argument(
        "--delimiter",
        default=None,
        help=tr("cli", "the column separator: ; , or tab (default: detected)"),
    )
    parser.add_argument(
        "--sheet", default=None, help=tr("cli", "the workbook's sheet (default: the first)")
    )
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))


def add_export_options(parser: Any) -> None:
    parser.add_argument("file", help=tr("cli", "the file to write: .csv or .xlsx"))
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))


def usage_error(err: DomainError) -> int:
    print(tr("cli", "regie: error: {problem}").format(problem=message(err)), file=sys.stderr)
    return USAGE_ERROR


def read_input(args: argparse.Namespace) -> Table:
    """The file named by ``args.file`` as a table (a sentence if it cannot be read)."""
    try:
        data = Path(args.file).expanduser().read_bytes()
    except OSError as err:
        raise DomainError(
            "Cannot read {path}: {reason}", path=args.file, reason=os_reason(err)
        ) from None
    return tabular.read_table(
        data, args.file, encoding=args.encoding, delimiter=args.delimiter, sheet=args.sheet
    )


def import_options(args: argparse.Namespace) -> dict[str, str] | int:
    """The ``--map`` mapping, the separator checked and the user's language installed; an
    exit status (2) after a usage sentence when an option is wrong."""
    tabular_language.install()
    try:
        tabular.delimiter_option(args.delimiter)
        return tabular.parse_map_options(args.map)
    except ValidationError as err:
        return usage_error(err)


def run_import(args: argparse.Namespace, importer: Importer) -> int:
    """Read, import (or rehearse with ``--preview``), print what happened. An import
    into the demo database is refused (``tabular.refuse_demo_import``); its preview is
    not."""
    mapping = import_options(args)
    if isinstance(mapping, int):
        return mapping
    table = read_input(args)
    ctx = open_context(args.db)
    try:
        if args.preview:
            result = tabular.rehearse(ctx.db, lambda uow: importer(uow, table, mapping))
        else:
            with ctx.db.write() as uow:
                tabular.refuse_demo_import(uow)
                result = importer(uow, table, mapping)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({**result.as_dict(), "preview": bool(args.preview), "file": file_info(table)})
        return 0
    for change in result.changes:
        print(change_line(change))
    print(counts_line(result, preview=bool(args.preview)))
    return 0


def file_info(table: Table) -> dict[str, object]:
    return {
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "sheet": table.sheet,
        "rows": len(table.rows),
    }


def change_line(change: tabular.RowChange) -> str:
    action = {
        tabular.CREATE: tr("cli", "create"),
        tabular.UPDATE: tr("cli", "update"),
        tabular.UNCHANGED: tr("cli", "unchanged"),
    }.get(change.action, change.action)
    text = tr("cli", "line {line}: {action} {key}").format(
        line=change.line, action=action, key=change.key
    )
    summary = change.describe(lambda template: tr("messages", template))
    return f"{text} — {summary}" if summary else text


def counts_line(result: ImportResult, *, preview: bool) -> str:
    counts = {
        "created": QCoreApplication.translate("cli", "%n created", None, result.created),
        "updated": QCoreApplication.translate("cli", "%n updated", None, result.updated),
        "unchanged": QCoreApplication.translate("cli", "%n unchanged", None, result.unchanged),
    }
    if preview:
        text = tr("cli", "Preview: {created}, {updated}, {unchanged}; nothing was written.")
    else:
        text = tr("cli", "Imported: {created}, {updated}, {unchanged}.")
    return text.format(**counts)


def run_export(args: argparse.Namespace, exporter: Exporter, counted: Callable[[int], str]) -> int:
    """Write the file (checked first: nothing is opened if it cannot be written);
    ``counted(n)``: what was exported, counted ("12 customers"). A name other than
    .csv or .xlsx is a usage error (2), nothing written."""
    tabular_language.install()
    try:
        tabular.check_export_name(args.file)
    except ValidationError as err:
        return usage_error(err)
    check_output(args.file)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            data, count = exporter(uow, args.file)
    finally:
        ctx.db.dispose()
    try:
        atomic_write_bytes(args.file, data)
    except OSError as err:
        raise DomainError(
            "Cannot write {path}: {reason}", path=args.file, reason=os_reason(err)
        ) from None
    if args.json:
        print_json({"file": args.file, "count": count})
        return 0
    print(
        tr("cli", "Exported to {path}: {counted}.").format(counted=counted(count), path=args.file)
    )
    return 0
