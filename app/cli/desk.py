"""``regie desk`` and ``regie scan out|in|undo|finish|report``.

Each scan is decided by the desk service (``booking.desk``, the same rules and messages as
the desk screen) in its own write transaction, and its result line is printed and flushed
as soon as it is committed: a script reading the output knows exactly which scans are in
the database. A refused scan is rolled back (nothing written) and still prints its line.

Exit status: 0 when every scan was accepted, 1 when any was refused (the accepted ones
stay committed), 2 on a malformed argument.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import socket
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bootstrap import Context, open_context
from app.cli.customers import usage_error
from app.cli.printing import (
    add_out_option,
    add_print_option,
    atomic_file,
    check_folder,
    check_printer,
    output_missing,
    printed_json,
    printed_line,
    send,
)
from app.core.db import UnitOfWork
from app.core.errors import DomainError, ValidationError
from app.i18n import message, tr
from booking import desk
from booking.models import Condition
from inventory.barcodes import key, normalise

QUANTITY = re.compile(r"^(?P<code>.+)=(?P<qty>[+-]?\d+)$")


def register(commands: Any) -> None:
    opened = commands.add_parser("desk", help=tr("cli", "open the warehouse desk, full screen"))
    opened.set_defaults(handler=open_desk, gui=True)

    parser = commands.add_parser("scan", help=tr("cli", "scan kit out and in at the desk"))
    sub = parser.add_subparsers(dest="scan_command", metavar="ACTION", required=True)

    out = sub.add_parser("out", help=tr("cli", "check kit out for a booking"))
    out.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    out.add_argument(
        "codes",
        nargs="*",
        metavar="CODE",
        help=tr("cli", "unit, case or bulk codes (bulk as CODE=QTY)"),
    )
    out.add_argument(
        "--unplanned",
        action="append",
        default=[],
        metavar="CODE[=QTY]",
        help=tr(
            "cli",
            "add this unit or bulk quantity to the booking as an unplanned item and check it "
            "out (repeatable)",
        ),
    )
    _common(out)
    out.set_defaults(handler=scan_out)

    back = sub.add_parser("in", help=tr("cli", "check kit back in"))
    back.add_argument(
        "codes",
        nargs="*",
        metavar="CODE",
        help=tr("cli", "unit, case or bulk codes (bulk as CODE=QTY)"),
    )
    back.add_argument(
        "--damaged",
        action="append",
        default=[],
        metavar="CODE=NOTE",
        help=tr("cli", "check this unit in as damaged, with a note (repeatable)"),
    )
    back.add_argument(
        "--missing",
        action="append",
        default=[],
        metavar="CODE",
        help=tr("cli", "declare this unit missing (repeatable)"),
    )
    _common(back)
    back.set_defaults(handler=scan_in)

    undo = sub.add_parser("undo", help=tr("cli", "undo the last scan made at this station"))
    _common(undo)
    undo.set_defaults(handler=scan_undo)

    finish = sub.add_parser(
        "finish", help=tr("cli", "list what did not go and write the delivery note")
    )
    finish.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    add_out_option(finish, tr("cli", "the PDF file to write"))
    add_print_option(finish)
    finish.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    finish.set_defaults(handler=scan_finish)

    report = sub.add_parser("report", help=tr("cli", "write the return report of a booking"))
    report.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    add_out_option(report, tr("cli", "the PDF file to write"))
    add_print_option(report)
    report.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    report.set_defaults(handler=scan_report)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--station",
        default="",
        help=tr("cli", "the desk's name (default: this computer's name)"),
    )
    parser.add_argument(
        "--json", action="store_true", help=tr("cli", "print one JSON object a line")
    )


# --- regie desk ----------------------------------------------------------------------------


def open_desk(args: argparse.Namespace) -> int:
    from app.gui.shell.launch import run_desk

    return int(run_desk(args.db))


# --- parsing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Scan:
    code: str
    quantity: int | None = None
    condition: Condition = Condition.OK
    note: str = ""
    unplanned: bool = False


class UsageError(Exception):
    def __init__(self, err: ValidationError, argument: str) -> None:
        self.err = err
        self.argument = argument
        super().__init__(str(err))


def parse_code(value: str) -> Scan:
    """``CODE`` or, for bulk, ``CODE=QTY`` (the service refuses a quantity below 1)."""
    found = QUANTITY.match(value.strip())
    if found is None:
        return Scan(value)
    return Scan(found["code"], int(found["qty"]))


def _split_note(value: str) -> tuple[str, str]:
    code, _, note = value.partition("=")
    if not normalise(code):
        raise UsageError(
            ValidationError("code", "Give a code before the note, as CODE=NOTE."),
            f"--damaged {value}",
        )
    return code, note.strip()


def check_in_scans(
    codes: Sequence[str], damaged: Sequence[str], missing: Sequence[str]
) -> list[Scan]:
    """The positional codes in their order, then the codes only named by ``--damaged`` or
    ``--missing``; a code named by an option is checked in once, in that condition."""
    marked: dict[str, tuple[Condition, str, str]] = {}
    for value in damaged:
        code, note = _split_note(value)
        marked[key(code)] = (Condition.DAMAGED, note, code)
    for code in missing:
        if not normalise(code):
            raise UsageError(
                ValidationError("code", "Give the code of the missing unit."), f"--missing {code}"
            )
        marked[key(code)] = (Condition.MISSING, "", code)
    scans = []
    for value in codes:
        scan = parse_code(value)
        named = key(scan.code)
        if named in marked:
            condition, note, _ = marked.pop(named)
            scan = Scan(scan.code, scan.quantity, condition, note)
        scans.append(scan)
    scans += [Scan(code, None, condition, note) for condition, note, code in marked.values()]
    return scans


# --- output ------------------------------------------------------------------------------


def result_json(result: desk.ScanResult) -> dict[str, Any]:
    line = result.line
    return {
        "code": result.code,
        "ok": result.ok,
        "message": message(result.message),
        "outcome": result.outcome.value,
        "booking": result.reference or None,
        "line": None
        if line is None
        else {
            "code": line.code,
            "name": line.name,
            "wanted": line.wanted,
            "left": line.left,
            "back": line.back,
        },
        "late": result.late,
    }


def print_result(result: desk.ScanResult, as_json: bool) -> None:
    """One line, flushed at once (the acknowledgement of a committed scan)."""
    if as_json:
        sys.stdout.write(json.dumps(result_json(result), ensure_ascii=False) + "\n")
    else:
        mark = tr("cli", "OK") if result.ok else tr("cli", "REFUSED")
        late = tr("cli", " [LATE]") if result.late else ""
        code = result.code or "-"
        sys.stdout.write(f"{mark:<8} {code}  {message(result.message)}{late}\n")
    sys.stdout.flush()


# --- handlers ----------------------------------------------------------------------------


class _Refused(Exception):
    """Raised inside a write to roll a refused scan back (it must write nothing)."""

    def __init__(self, result: desk.ScanResult) -> None:
        self.result = result
        super().__init__(result.code)


def _commit_scan(ctx: Context, decide: Callable[[UnitOfWork], desk.ScanResult]) -> desk.ScanResult:
    """One scan, one write transaction: committed when accepted, rolled back when refused."""
    try:
        with ctx.db.write() as uow:
            result = decide(uow)
            if not result.ok:
                raise _Refused(result)
        return result
    except _Refused as refused:
        return refused.result


def station_of(args: argparse.Namespace) -> str:
    return args.station or socket.gethostname()


def _usage_guard(handler: Callable[[argparse.Namespace], int]) -> Any:
    def guarded(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except UsageError as err:
            return usage_error(err.err, err.argument)

    guarded.__name__ = handler.__name__
    guarded.__doc__ = handler.__doc__
    return guarded


def _run_scans(
    args: argparse.Namespace,
    scans: Sequence[Scan],
    decide: Callable[..., desk.ScanResult],
) -> int:
    ctx = open_context(args.db)
    refused = 0
    try:
        for scan in scans:
            result = _commit_scan(ctx, partial(decide, ctx=ctx, scan=scan))
            refused += not result.ok
            print_result(result, args.json)
    finally:
        ctx.db.dispose()
    if refused:
        print(
            QCoreApplication.translate(
                "cli", "%n scan(s) refused out of {count}.", None, refused
            ).format(count=len(scans)),
            file=sys.stderr,
        )
        return 1
    return 0


@_usage_guard
def scan_out(args: argparse.Namespace) -> int:
    station = station_of(args)

    def decide(uow: UnitOfWork, ctx: Context, scan: Scan) -> desk.ScanResult:
        if not scan.unplanned:
            return desk.check_out(
                uow,
                user=ctx.user,
                station=station,
                reference=args.ref,
                code=scan.code,
                quantity=scan.quantity,
                clock=ctx.clock,
            )
        try:
            return desk.add_unplanned(
                uow,
                user=ctx.user,
                station=station,
                reference=args.ref,
                code=scan.code,
                quantity=scan.quantity,
                clock=ctx.clock,
            )
        except DomainError as err:  # not available: refused, nothing written
            return desk.ScanResult(normalise(scan.code), False, desk.Outcome.INVALID, err, args.ref)

    scans = [parse_code(c) for c in args.codes]
    scans += [replace(parse_code(c), unplanned=True) for c in args.unplanned]
    if not scans:
        raise UsageError(ValidationError("codes", "Give at least one code to scan out."), "CODE")
    return _run_scans(args, scans, decide)


@_usage_guard
def scan_in(args: argparse.Namespace) -> int:
    scans = check_in_scans(args.codes, args.damaged, args.missing)
    if not scans:
        raise UsageError(ValidationError("code", "Give at least one code to check in."), "scan in")
    station = station_of(args)

    def decide(uow: UnitOfWork, ctx: Context, scan: Scan) -> desk.ScanResult:
        return desk.check_in(
            uow,
            user=ctx.user,
            station=station,
            code=scan.code,
            quantity=scan.quantity,
            condition=scan.condition,
            note=scan.note,
            clock=ctx.clock,
        )

    return _run_scans(args, scans, decide)


def scan_undo(args: argparse.Namespace) -> int:
    station = station_of(args)
    ctx = open_context(args.db)
    try:
        result = _commit_scan(
            ctx, lambda uow: desk.undo_last(uow, user=ctx.user, station=station, clock=ctx.clock)
        )
    finally:
        ctx.db.dispose()
    print_result(result, args.json)
    return 0 if result.ok else 1


# --- documents ---------------------------------------------------------------------------


def _document(
    args: argparse.Namespace,
    render: Callable[[UnitOfWork, Context, io.BytesIO], Any],
    title: str,
) -> tuple[Any, dict[str, Any] | None] | int:
    """Render a desk document (read only), write it to ``--out`` (through a temporary
    file: a reader never sees a half-written PDF) and print it with ``--print``. The exit
    status 2 when there is nowhere to send it; else what ``render`` returned and how it
    was printed (None when not printed). The printer is checked before anything."""
    missing = output_missing(args)
    if missing is not None:
        return missing
    check_folder(args.out)
    printer = check_printer(args)
    buffer = io.BytesIO()
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            found = render(uow, ctx, buffer)
    finally:
        ctx.db.dispose()
    pdf = buffer.getvalue()
    with atomic_file(args.out) as write:
        write(pdf)
    printed = None
    if printer is not None:
        printed = printed_json(printer, send(pdf, printer, title))
    return found, printed


def scan_finish(args: argparse.Namespace) -> int:
    from booking.desk_documents import render_delivery_note

    done = _document(
        args,
        lambda uow, ctx, out: render_delivery_note(uow, args.ref, out, clock=ctx.clock),
        tr("cli", "Delivery note {ref}").format(ref=args.ref),
    )
    if isinstance(done, int):
        return done
    note, printed = done
    not_gone = [
        {"code": p.code, "name": p.name, "wanted": p.wanted, "left": p.left} for p in note.not_gone
    ]
    if args.json:
        shown = {"ref": note.reference, "out": args.out or None, "pages": note.pages}
        if printed is not None:
            shown["printed"] = printed
        print(json.dumps({**shown, "not_gone": not_gone}, ensure_ascii=False))
        return 0
    if not_gone:
        print(tr("cli", "Not gone:"))
        for row in not_gone:
            print(tr("cli", "  {code}  {name}: {left} / {wanted} left").format(**row))
    else:
        print(tr("cli", "Everything booked has gone."))
    if args.out:
        print(tr("cli", "Delivery note written to {path}.").format(path=args.out))
    if printed is not None:
        print(printed_line(printed["printer"], printed["pages"]))
    return 0


def scan_report(args: argparse.Namespace) -> int:
    from booking.desk_documents import render_return_report

    done = _document(
        args,
        lambda uow, ctx, out: render_return_report(uow, args.ref, out, clock=ctx.clock),
        tr("cli", "Return report {ref}").format(ref=args.ref),
    )
    if isinstance(done, int):
        return done
    report, printed = done
    if args.json:
        shown = {
            "ref": report.reference,
            "out": args.out or None,
            "pages": report.pages,
            "late": report.late,
            "missing": report.missing,
            "damaged": report.damaged,
            "still_out": report.still_out,
        }
        if printed is not None:
            shown["printed"] = printed
        print(json.dumps(shown, ensure_ascii=False))
        return 0
    print(
        tr("cli", "{missing}, {damaged}, {still_out}.").format(
            missing=QCoreApplication.translate("cli", "%n missing", None, report.missing),
            damaged=QCoreApplication.translate("cli", "%n damaged", None, report.damaged),
            still_out=QCoreApplication.translate("cli", "%n still out", None, report.still_out),
        )
    )
    if report.late:
        print(tr("cli", "Returned late."))
    if args.out:
        print(tr("cli", "Return report written to {path}.").format(path=args.out))
    if printed is not None:
        print(printed_line(printed["printer"], printed["pages"]))
    return 0
