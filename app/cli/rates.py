"""``regie rates import F [--preview] [--map KEY=HEADER]… [--json]`` and ``regie rates
export F.csv|F.xlsx [--json]``: the day rates per item type and price category as a
spreadsheet (``invoicing.rates_io``). An import is all or nothing: every bad line is
named, and nothing is written.
"""

from __future__ import annotations

import argparse
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.cli import tabular_cli
from app.i18n import tr
from invoicing import rates_io


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "rates", help=tr("cli", "day rates per item type and price category, as a spreadsheet")
    )
    sub = parser.add_subparsers(dest="rates_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import", help=tr("cli", "import day rates from CSV or .xlsx (all or nothing)")
    )
    keys = ", ".join([c.key for c in rates_io.COLUMNS] + [f"{rates_io.CATEGORY}CODE"])
    tabular_cli.add_import_options(imp, columns=keys)
    imp.set_defaults(handler=import_rates)
    exp = sub.add_parser("export", help=tr("cli", "export the day rates (.csv or .xlsx)"))
    tabular_cli.add_export_options(exp)
    exp.set_defaults(handler=export_rates)


def import_rates(args: argparse.Namespace) -> int:
    return tabular_cli.run_import(
        args, lambda uow, table, mapping: rates_io.import_rates(uow, table, mapping)
    )


def export_rates(args: argparse.Namespace) -> int:
    return tabular_cli.run_export(
        args,
        rates_io.export_rates,
        lambda n: QCoreApplication.translate("cli", "%n item type(s)", None, n),
    )
