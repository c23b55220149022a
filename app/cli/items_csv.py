"""``regie items import F.csv`` / ``regie items export F.csv``: the catalogue as CSV
(format in inventory.csvio). Import is all or nothing: refused rows are printed by line
number (by ``app.cli.main``) and nothing is written."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bootstrap import open_context
from app.cli.output import print_json
from app.core.files import atomic_write_bytes
from app.i18n import tr
from booking.tracking import holders
from inventory.csvio import export_catalogue, import_catalogue


def register_csv(sub: Any) -> None:
    imp = sub.add_parser("import", help=tr("cli", "import a catalogue CSV (all or nothing)"))
    imp.add_argument("file", help=tr("cli", "the CSV file (UTF-8)"))
    imp.add_argument("--json", action="store_true", help=tr("cli", "print the counts as JSON"))
    imp.set_defaults(handler=import_items)
    exp = sub.add_parser("export", help=tr("cli", "export the catalogue as CSV"))
    exp.add_argument("file", help=tr("cli", "the CSV file to write"))
    exp.set_defaults(handler=export_items)


def import_items(args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as err:
        return _refuse(tr("cli", "Cannot read {path}: {reason}"), args.file, err)
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            summary = import_catalogue(
                uow, user=ctx.user, clock=ctx.clock, stream=io.BytesIO(data), holders=holders
            )
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(summary.as_dict())
        return 0
    text = tr("cli", "{types} and {units} imported ({updated} updated)")
    print(text.format(**_counted(summary.types, summary.units), updated=summary.updated))
    return 0


def export_items(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    buffer = io.BytesIO()
    try:
        with ctx.db.read() as uow:
            counts = export_catalogue(uow, buffer)
    finally:
        ctx.db.dispose()
    try:
        atomic_write_bytes(args.file, buffer.getvalue())
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
    reason = err.strerror or str(err)
    print(template.format(path=path, reason=reason), file=sys.stderr)
    return 1
