"""``regie labels``: barcode labels as a PDF (A4 sticker sheets or thermal labels), written
to ``--out`` and/or printed with ``--print [PRINTER]`` (no dialog; the paper is set to the
label's size, so a thermal roll gets one label a page)."""

from __future__ import annotations

import argparse
import io
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bootstrap import open_context
from app.cli.printing import (
    add_out_option,
    add_print_option,
    atomic_file,
    check_folder,
    check_printer,
    output_missing,
    printed_line,
    send,
)
from app.i18n import tr
from inventory.labels import (
    DEFAULT_FORMAT,
    FORMATS,
    all_labels,
    labels_for_codes,
    render_labels,
)


def register(commands: Any) -> None:
    parser = commands.add_parser("labels", help=tr("cli", "print barcode labels to a PDF"))
    add_out_option(parser, tr("cli", "the PDF file to write"))
    parser.add_argument(
        "--format",
        choices=list(FORMATS),
        default=DEFAULT_FORMAT,
        help=tr("cli", "A4 sheets of 3 x 8 labels, or one 57 x 32 mm thermal label a page"),
    )
    parser.add_argument(
        "--code",
        action="append",
        default=[],
        help=tr(
            "cli",
            "a unit, bulk or case barcode, or an item type code (repeatable); default: every label",
        ),
    )
    parser.add_argument("--qr", action="store_true", help=tr("cli", "add a QR code"))
    add_print_option(parser)
    parser.set_defaults(handler=print_labels)


def print_labels(args: argparse.Namespace) -> int:
    missing = output_missing(args)
    if missing is not None:
        return missing
    check_folder(args.out)
    printer = check_printer(args)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            labels = labels_for_codes(uow, args.code) if args.code else all_labels(uow)
    finally:
        ctx.db.dispose()
    buffer = io.BytesIO()
    pages = int(render_labels(labels, buffer, fmt=args.format, qr=args.qr))
    pdf = buffer.getvalue()
    with atomic_file(args.out) as write:
        write(pdf)
    if args.out:
        print(
            tr("cli", "{labels} on {pages} written to {path}.").format(
                labels=QCoreApplication.translate("cli", "%n label(s)", None, len(labels)),
                pages=QCoreApplication.translate("cli", "%n page(s)", None, pages),
                path=args.out,
            )
        )
    if printer is not None:
        title = tr("cli", "Labels")
        print(printed_line(printer, send(pdf, printer, title)))
    return 0
