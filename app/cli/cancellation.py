"""``regie bookings cancel REF [--credit-note [--reason TEXT] [--out FILE.pdf] [--print]]``.

A booking with an invoice not fully credited is not cancelled alone (an issued invoice is
never deleted): the command refuses, naming the invoices, and says how to do it in one
step. ``--credit-note`` issues the full credit note of what remains of each such invoice
and cancels the booking, in one write transaction (``invoicing.cancellation``); the credit
notes' PDFs go to ``--out`` (one credit note: that file; several: ``FILE-AV-….pdf`` beside
it) and to the printer with ``--print``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.bootstrap import Context, open_context
from app.cli.bookings import UsageError, _print_booking, _usage_guard, _warn, booking_json
from app.cli.delivery import Issued, PendingFiles, check_stdout, deliver
from app.cli.invoicing import _issued_json, renderer_for
from app.cli.output import print_json
from app.cli.printing import add_print_option, check_folder, check_printer, printing
from app.core.db import UnitOfWork, require_id
from app.core.errors import ValidationError
from app.i18n import message, tr
from invoicing import cancellation, issuing, validation
from invoicing.cancellation import Cancelled, InvoicedBooking
from invoicing.models import IssuedDocument


def add_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``bookings cancel`` beyond REF and --json."""
    parser.add_argument(
        "--credit-note",
        action="store_true",
        help=tr(
            "cli",
            "when the booking is invoiced: issue the full credit note of what remains of "
            "each of its invoices and cancel it, in one step",
        ),
    )
    parser.add_argument(
        "--reason",
        default="",
        help=tr("cli", "with --credit-note: the reason printed on the credit note"),
    )
    parser.add_argument(
        "--out",
        default="",
        help=tr(
            "cli",
            "with --credit-note: the PDF file of the credit note (several credit notes: "
            "FILE-NUMBER.pdf beside it)",
        ),
    )
    add_print_option(parser, tr("cli", "With --credit-note: prints the credit notes."))


def _targets(out: str, numbers: list[str]) -> list[str]:
    if not out:
        return ["" for _ in numbers]
    if len(numbers) == 1:
        return [out]
    path = Path(out)
    return [str(path.with_name(f"{path.stem}-{n}{path.suffix or '.pdf'}")) for n in numbers]


def _cancel_booking(args: argparse.Namespace) -> int:
    if not args.credit_note:
        for given, option in ((args.reason, "--reason"), (args.out, "--out")):
            if given:
                raise UsageError(
                    ValidationError(
                        "credit_note", "{option} goes with --credit-note.", option=option
                    ),
                    option,
                )
        if printing(args):
            raise UsageError(
                ValidationError(
                    "credit_note", "{option} goes with --credit-note.", option="--print"
                ),
                "--print",
            )
        return _cancel_alone(args)
    check_folder(args.out)
    printer = check_printer(args)
    check_stdout()
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            invoiced = bool(cancellation.open_invoices(uow, args.ref))
    finally:
        ctx.db.dispose()
    if not invoiced:  # nothing to credit: cancelled as usual
        return _cancel_alone(args)
    return _cancel_with_credit_notes(args, printer)


cancel_booking = _usage_guard(_cancel_booking)


def _cancel_alone(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            booking = cancellation.cancel_booking(
                uow, user=ctx.user, reference=args.ref, clock=ctx.clock
            )
            shown = booking_json(uow, require_id(booking), now=ctx.clock.local_now())
    except InvoicedBooking as err:
        _refused(err)
        return 1
    finally:
        ctx.db.dispose()
    _print_booking(shown, args.json)
    _warn(shown)
    return 0


def _refused(err: InvoicedBooking) -> None:
    text = tr(
        "cli",
        "{problem} Cancel it and issue the credit note in one step with: regie bookings "
        "cancel {ref} --credit-note [--reason TEXT] [--out FILE.pdf]",
    ).format(problem=message(err), ref=err.reference)
    print(text, file=sys.stderr)


def _run(ctx: Context, args: argparse.Namespace, files: PendingFiles) -> Cancelled:
    """Issue the credit notes and cancel in one write transaction, the rendering before it
    (``issuing.issue``), the PDFs written beside ``--out`` inside it."""
    with ctx.db.read() as uow:
        renderer = renderer_for(uow)
    done: list[Cancelled] = []

    def action(uow: UnitOfWork) -> IssuedDocument:
        cancelled = cancellation.cancel_with_credit_notes(
            uow,
            user=ctx.user,
            reference=args.ref,
            clock=ctx.clock,
            renderer=renderer,
            reason=args.reason,
            check=validation.check_xml,
            require_open=True,  # the rehearsal must not write: a booking without invoice
        )  # to credit is cancelled by _cancel_alone
        numbers = [row.number for row in cancelled.credit_notes]
        for row, target in zip(cancelled.credit_notes, _targets(args.out, numbers), strict=True):
            if target:
                files.write(target, issuing.files_of(uow, require_id(row)).pdf)
        done[:] = [cancelled]
        return cancelled.credit_notes[0]

    issuing.issue(ctx.db, action)
    return done[0]


def _cancel_with_credit_notes(args: argparse.Namespace, printer: str | None) -> int:
    ctx = open_context(args.db)
    files = PendingFiles()
    try:
        try:
            cancelled = _run(ctx, args, files)
        except BaseException:
            files.discard()
            raise
        failed = files.commit()
        with ctx.db.read() as uow:
            shown = booking_json(uow, require_id(cancelled.booking), now=ctx.clock.local_now())
            numbers = [row.number for row in cancelled.credit_notes]
            issued = []
            for row, target in zip(
                cancelled.credit_notes, _targets(args.out, numbers), strict=True
            ):
                note = _issued_json(uow, row)
                note["cites"] = uow.row(IssuedDocument, row.cites_id or 0).number
                note["reason"] = row.reason
                if target:
                    note["file"] = target
                issued.append(Issued(note, issuing.files_of(uow, require_id(row)).pdf, target))
    finally:
        ctx.db.dispose()
    shown["credit_notes"] = [item.shown for item in issued]

    def show() -> None:
        if args.json:
            print_json(shown)
            return
        _print_booking(shown, False)
        for item in issued:
            _say_credit_note(item)

    if not issued:
        show()
        _warn(shown)
        return 0
    status = deliver(issued, printer=printer, failed_files=failed, show=show)
    _warn(shown)
    return status


def _say_credit_note(item: Issued) -> None:
    note: dict[str, Any] = item.shown
    text = tr("cli", "Credit note {number} issued on {invoice}: {gross} incl. VAT.").format(
        number=note["number"], invoice=note["cites"], gross=note["gross_total"]
    )
    if item.path:
        text += " " + tr("cli", "Written to {path}.").format(path=item.path)
    print(text)
