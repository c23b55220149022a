"""``--print [PRINTER]`` for the commands that make a document (quote, invoice, invoices
pdf, credit-note, statements, picklist, scan finish, scan report, labels).

``--print`` alone prints on the system's default printer, ``--print NAME`` (or
``--print=NAME``) on that printer, without any dialog, through Qt's printing (CUPS on
Linux). With ``--print``, ``--out`` becomes optional: without it nothing is written to
disk. The printer is checked before anything is written (an unknown printer: exit 1, one
line on stderr, nothing changed); a command that wrote to the database before printing
says, when printing then fails, that the document exists and how to print it again.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.cli.customers import usage_error
from app.cli.output import FOLDER_OUTPUTS
from app.core.errors import DomainError, ValidationError
from app.core.files import replacing
from app.i18n import tr


def add_print_option(parser: argparse.ArgumentParser, extra: str = "") -> None:
    """``--print [PRINTER]``; ``extra`` adds what this command prints (translated)."""
    text = tr(
        "cli",
        "also print it, on PRINTER or, with no name, on the default printer (no dialog); "
        "--out is then optional. Put --print after the other arguments, or write "
        "--print=PRINTER",
    )
    parser.add_argument(
        "--print",
        dest="printer",
        nargs="?",
        const="",
        default=None,
        metavar="PRINTER",
        help=f"{text}. {extra}" if extra else text,
    )


def add_out_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument(
        "--out",
        default="",
        help=help_text + " " + tr("cli", "(required unless --print is given)"),
    )


def printing(args: argparse.Namespace) -> bool:
    return getattr(args, "printer", None) is not None


def output_missing(args: argparse.Namespace) -> int | None:
    """Exit status 2 with the usage line when neither ``--out`` nor ``--print`` is given;
    None when the command has somewhere to send its document."""
    if getattr(args, "out", "") or printing(args):
        return None
    if getattr(args, "command", None) in FOLDER_OUTPUTS:
        err = ValidationError("out", "Give --out with a folder, --print, or both.")
    else:
        err = ValidationError("out", "Give --out with a file, --print, or both.")
    return usage_error(err, "--out")


def check_printer(args: argparse.Namespace) -> str | None:
    """The name of the printer ``--print`` names (the default printer for a bare
    ``--print``), checked before anything is written; None without ``--print``. An unknown
    printer or no default printer raises ``DomainError`` (exit 1, nothing changed)."""
    if not printing(args):
        return None
    from app.gui.shell.printing import printer_named

    return printer_named(args.printer or None).printerName()


def _progress_on_terminal(title: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        text = tr("cli", "Printing {title}: page {done} of {total}").format(
            title=title, done=done, total=total
        )
        print(f"\r{text}", end=end, file=sys.stderr, flush=True)

    return report


def send(pdf: bytes, printer: str, title: str) -> int:
    """Print ``pdf`` on ``printer`` (no dialog); the number of pages. ``DomainError``
    with a sentence when the printer refuses."""
    from app.gui.shell.printing import print_to

    return print_to(pdf, printer, title, progress=_progress_on_terminal(title))


def printed_line(printer: str, pages: int) -> str:
    text = QCoreApplication.translate("cli", "Printed on {printer}: %n page(s).", None, pages)
    return text.format(printer=printer)


def printed_json(printer: str, pages: int) -> dict[str, Any]:
    return {"printer": printer, "pages": pages}


@contextmanager
def atomic_file(out: str) -> Iterator[Callable[[bytes], None]]:
    """``write(bytes)`` into a temporary file beside ``out``, renamed over ``out`` when
    the block ends without error; removed otherwise. With an empty ``out`` nothing is
    written (printing only). Opened before a unit of work (``with atomic_file(out) as
    write, db.write() as uow:``), the file lands only after the transaction committed."""
    if not out:
        yield lambda _data: None
        return
    check_folder(out)
    with replacing(out, suffix=".pdf.tmp") as temp:
        yield lambda data: _write_bytes(temp, data)


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def check_folder(out: str) -> None:
    """Refuse (before anything is done) an ``--out`` whose folder does not exist."""
    if not out:
        return
    target = Path(out)
    if target.is_dir():
        raise DomainError("{path} is a folder: give --out a file name.", path=out)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DomainError("The folder {folder} does not exist.", folder=str(folder))
