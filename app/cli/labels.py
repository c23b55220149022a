"""``regie labels``: barcode labels as a PDF (A4 sticker sheets or thermal labels)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from app.bootstrap import open_context
from app.core.errors import DomainError
from app.i18n import tr
from inventory.labels import DEFAULT_FORMAT, FORMATS, all_labels, labels_for_codes, render_labels


def register(commands: Any) -> None:
    parser = commands.add_parser("labels", help=tr("cli", "print barcode labels to a PDF"))
    parser.add_argument("--out", required=True, help=tr("cli", "the PDF file to write"))
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
    parser.set_defaults(handler=print_labels)


def print_labels(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            labels = labels_for_codes(uow, args.code) if args.code else all_labels(uow)
    finally:
        ctx.db.dispose()
    out = Path(args.out)
    pages = _write(out, lambda target: render_labels(labels, target, fmt=args.format, qr=args.qr))
    print(
        tr("cli", "{labels} label(s) on {pages} page(s) written to {path}.").format(
            labels=len(labels), pages=pages, path=out
        )
    )
    return 0


def _write(out: Path, render: Any) -> int:
    """Render into a temporary file beside ``out``, then move it in place: a refused or
    failed run leaves no file (and an existing one untouched)."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise DomainError("The folder {folder} does not exist.", folder=str(folder))
    handle, temp = tempfile.mkstemp(prefix=".labels-", suffix=".pdf", dir=folder)
    os.close(handle)
    try:
        pages = int(render(temp))
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return pages
