"""``regie items import F`` / ``regie items export F.csv``: the catalogue as CSV (format in
inventory.csvio; import also reads Windows-1252, semicolons and .xlsx). Import is all or
nothing: refused rows are printed by line number (by ``app.cli.main``) and nothing is
written; ``--preview`` says what it would do and writes nothing; ``--map KEY=HEADER``
reads a file whose headers differ (every column then mapped, others ignored)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bootstrap import open_context
from app.cli import tabular_cli
from app.cli.output import print_json
from app.core import tabular
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.core.files import atomic_write_bytes
from app.core.storage import os_reason
from app.i18n import message, tr
from booking.tracking import holders
from inventory.csvio import COLUMNS, CatalogueResult, catalogue_file, import_catalogue_table


def register_csv(sub: Any) -> None:
    imp = sub.add_parser(
        "import", help=tr("cli", "import a catalogue file, CSV or .xlsx (all or nothing)")
    )
    tabular_cli.add_import_options(imp, columns=",".join(COLUMNS))
    imp.set_defaults(handler=import_items)
    exp = sub.add_parser("export", help=tr("cli", "export the catalogue (.csv or .xlsx)"))
    exp.add_argument("file", help=tr("cli", "the file to write: .csv or .xlsx"))
    exp.set_defaults(handler=export_items)


def import_items(args: argparse.Namespace) -> int:
    options = tabular_cli.import_options(args)
    if isinstance(options, int):
        return options
    table = tabular_cli.read_input(args)
    mapping = options or None
    if mapping is None and {h.strip().lower() for h in table.headers} != set(COLUMNS):
        mapping = {}  # not Régie's own header: the columns are guessed from the headers
    ctx = open_context(args.db)

    def work(uow: UnitOfWork) -> CatalogueResult:
        return import_catalogue_table(uow, table, mapping, holders=holders, clock=ctx.clock)

    try:
        if args.preview:
            result = tabular.rehearse(ctx.db, work)
        else:
            with ctx.db.write() as uow:
                tabular.refuse_demo_import(uow)
                result = work(uow)
    finally:
        ctx.db.dispose()
    summary = result.summary
    if args.json and args.preview:
        info = {"preview": True, "file": tabular_cli.file_info(table)}
        print_json({**summary.as_dict(), **result.as_dict(), **info})
        return 0
    if args.json:  # the counts, as before --preview existed
        print_json(summary.as_dict())
        return 0
    if args.preview:
        for change in result.changes:
            print(tabular_cli.change_line(change))
        print(tabular_cli.counts_line(result, preview=True))
        return 0
    text = tr("cli", "{types} and {units} imported ({updated} updated)")
    print(text.format(**_counted(summary.types, summary.units), updated=summary.updated))
    return 0


def export_items(args: argparse.Namespace) -> int:
    try:
        tabular.check_export_name(args.file)
    except ValidationError as err:
        return tabular_cli.usage_error(err)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            data, counts = catalogue_file(uow, args.file)
    finally:
        ctx.db.dispose()
    try:
        atomic_write_bytes(args.file, data)
    except OSError as err:
        return _refuse(tr("cli", "Cannot write {path}: {reason}"), args.file, err)
    text = tr("cli", "{types} and {units} exported to {path}")
    print(text.format(**_counted(counts.types, counts.units), path=args.file))
    return 0


def _counted(types: int, units: int) -> dict[str, str]:
    """Each count with its plural form: "1 item type", "2 units"."""
    return {
        "types": QCoreApplication.translate("cli", "%n item type(s)", None, types),
        "units": QCoreApplication.translate("cli", "%n unit(s)", None, units),
    }


def _refuse(template: str, path: str, err: OSError) -> int:
    reason = message(os_reason(err))
    print(template.format(path=path, reason=reason), file=sys.stderr)
    return 1
