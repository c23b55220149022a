"""The command line: one contract for people, scripts and tests (DESIGN.md).

Exit status: 0 done; 1 refused (reason on stderr, nothing changed); 2 usage error.
Each command module registers its sub-commands; handlers get the parsed arguments and
return an exit status.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from app.core.errors import DomainError

COMMAND_MODULES = (
    "items",
    "demo",
    "labels",
    "customers",
    "bookings",
    "desk",
    "bench",
    "invoicing",
    "statements",
    "reports",
    "deposits",
    "pricing",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="regie",
        description="Régie: rental and inventory desk for pooled stage equipment.",
    )
    parser.add_argument("--db", help="database file (REGIE_DB takes precedence)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"app.cli.{name}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.gui.launch import run_gui

        return run_gui(args.db)
    from app import i18n

    if getattr(args, "gui", False):  # a window of its own (regie desk): the QApplication
        from app.gui.launch import gui_application  # comes before the translations

        gui_application()

    if getattr(args, "widgets", False):  # a command that builds widgets (bench) needs a
        from PySide6.QtWidgets import QApplication  # full QApplication before anything else

        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless machine

        _keep = QApplication.instance() or QApplication(["regie"])  # noqa: F841
    i18n.install()  # messages and summaries in the user's language
    try:
        return int(args.handler(args) or 0)
    except DomainError as err:
        print(i18n.message(err), file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
