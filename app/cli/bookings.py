"""``regie bookings create|confirm|cancel|show|list|duplicate``, ``regie availability``,
``regie shortages`` and ``regie picklist``.

Malformed date-times and ``--line`` values are usage errors (exit 2); refusals by the
domain (unknown customer or code, a shortage, a transition not allowed) exit 1 with the
reason on stderr and nothing written. Inspection warnings are printed to stderr after a
booking is created or confirmed, without failing the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bootstrap import Context, open_context
from app.cli.customers import usage_error
from app.cli.output import (
    Page,
    UsageError,
    add_page_options,
    more_rows,
    page_of,
    print_json,
    print_json_rows,
    printing,
    say_more,
    streamed,
)
from app.cli.printing import add_out_option, add_print_option
from app.core.db import UnitOfWork, require_id
from app.core.errors import ValidationError
from app.i18n import message, status_word, tr
from booking import availability, bookings, desk, queries
from booking.models import Booking, BookingStatus
from booking.warnings import inspection_warnings
from inventory.catalogue import item_by_code


def register(commands: Any) -> None:
    parser = commands.add_parser("bookings", help=tr("cli", "bookings: create, confirm, cancel"))
    sub = parser.add_subparsers(dest="bookings_command", metavar="ACTION", required=True)

    create = sub.add_parser("create", help=tr("cli", "create a booking (a quote, or confirmed)"))
    create.add_argument("--customer", required=True, help=tr("cli", "the customer number"))
    _period_options(create, required=True)
    create.add_argument(
        "--use-from", default="", help=tr("cli", "first day of use (default: the pick-up)")
    )
    create.add_argument("--use-to", default="", help=tr("cli", "end of use (default: the return)"))
    create.add_argument("--event", default="", help=tr("cli", "the event"))
    create.add_argument("--venue", default="", help=tr("cli", "the venue"))
    create.add_argument("--notes", default="", help=tr("cli", "notes"))
    _reference_options(create)
    create.add_argument(
        "--line",
        action="append",
        default=[],
        metavar="CODE=QTY",
        help=tr("cli", "an item type or kit code and a quantity (repeatable)"),
    )
    create.add_argument(
        "--confirm", action="store_true", help=tr("cli", "confirm it at once (holds the stock)")
    )
    _json_option(create)
    create.set_defaults(handler=create_booking)

    from app.cli import cancellation

    for action, text, handler in (
        ("confirm", tr("cli", "confirm a booking (checks availability)"), confirm_booking),
        ("cancel", tr("cli", "cancel a booking (frees its stock)"), cancellation.cancel_booking),
        ("show", tr("cli", "show a booking, its lines and warnings"), show_booking),
    ):
        command = sub.add_parser(action, help=text)
        command.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
        _json_option(command)
        if action == "cancel":
            cancellation.add_options(command)
        command.set_defaults(handler=handler)

    refs = sub.add_parser(
        "set-references",
        help=tr("cli", "set the buyer's reference and order number invoices will carry"),
    )
    refs.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    _reference_options(refs)
    _json_option(refs)
    refs.set_defaults(handler=set_references)

    listing = sub.add_parser("list", help=tr("cli", "list or search bookings"))
    listing.add_argument(
        "--search", default="", help=tr("cli", "reference, event, venue, customer or item")
    )
    listing.add_argument(
        "--status",
        action="append",
        default=[],
        choices=[s.value for s in BookingStatus],
        help=tr("cli", "only bookings in this status (repeatable)"),
    )
    _period_options(listing, required=False)
    add_page_options(listing)
    _json_option(listing)
    listing.set_defaults(handler=list_bookings)

    duplicate = sub.add_parser("duplicate", help=tr("cli", "copy a booking to new dates"))
    duplicate.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    duplicate.add_argument(
        "--from", dest="start", required=True, help=tr("cli", "the new pick-up date-time")
    )
    _json_option(duplicate)
    duplicate.set_defaults(handler=duplicate_booking)

    avail = commands.add_parser("availability", help=tr("cli", "availability of an item type"))
    avail.add_argument("code", help=tr("cli", "the item type code"))
    _period_options(avail, required=True)
    _json_option(avail)
    avail.set_defaults(handler=show_availability)

    short = commands.add_parser(
        "shortages", help=tr("cli", "every item type held beyond its stock")
    )
    _period_options(short, required=True)
    _json_option(short)
    short.set_defaults(handler=show_shortages)

    pick = commands.add_parser("picklist", help=tr("cli", "the warehouse pick list as a PDF"))
    pick.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    add_out_option(pick, tr("cli", "the PDF file to write"))
    add_print_option(pick)
    pick.set_defaults(handler=write_picklist)


def _period_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        required=required,
        default="",
        help=tr("cli", "start (pick-up), e.g. 2027-03-05T09:00"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        required=required,
        default="",
        help=tr("cli", "end (return), e.g. 2027-03-08T18:00"),
    )


def _reference_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--buyer-ref",
        default=None,
        help=tr(
            "cli",
            "the buyer's reference on its invoices (a public buyer's service code; "
            "default: the customer's service code)",
        ),
    )
    parser.add_argument(
        "--order-ref",
        default=None,
        help=tr("cli", "the buyer's purchase order or commitment (engagement) number"),
    )


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))


# --- parsing -----------------------------------------------------------------------------


def _when(field: str, value: str) -> dt.datetime | None:
    try:
        return bookings.parse_datetime(field, value)
    except ValidationError as err:
        raise UsageError(err, f"--{field.replace(' ', '-')} {value}") from err


def _lines(values: Sequence[str]) -> list[bookings.Line]:
    lines = []
    for value in values:
        try:
            lines.append(bookings.parse_line(value))
        except ValidationError as err:
            raise UsageError(err, f"--line {value}") from err
    return lines


def _window(args: argparse.Namespace, *, ordered: bool = True) -> tuple[dt.datetime, dt.datetime]:
    """``--from``/``--to``; ``ordered``: an empty window is a usage error (a booking's
    periods are checked by the domain instead, exit 1)."""
    start, end = _when("from", args.start), _when("to", args.end)
    assert start is not None and end is not None
    if ordered and end <= start:
        raise UsageError(ValidationError("to", "The end of the period must come after its start."))
    return start, end


def _usage_guard(handler: Any) -> Any:
    """Turn a malformed argument into a usage error (exit 2) before anything is opened."""

    def guarded(args: argparse.Namespace) -> int:
        try:
            return int(handler(args))
        except UsageError as err:
            return usage_error(err.err, err.argument)

    guarded.__name__ = handler.__name__
    guarded.__doc__ = handler.__doc__
    return guarded


# --- output ------------------------------------------------------------------------------


def booking_json(
    uow: UnitOfWork, booking_id: int, *, now: dt.datetime | None = None
) -> dict[str, Any]:
    """A booking as the CLI contract writes it; with ``warnings`` when ``now`` is given."""
    row = queries.booking_rows(uow, [booking_id])[booking_id]
    booking = uow.session.get(Booking, booking_id)
    shown: dict[str, Any] = {
        "ref": row.reference,
        "status": row.status,
        "customer": row.customer_number,
        "customer_name": row.customer_name,
        "event": row.event,
        "venue": row.venue,
        "from": row.start,
        "to": row.end,
        "use_from": row.use_start,
        "use_to": row.use_end,
        "buyer_reference": booking.buyer_reference if booking is not None else "",
        "order_reference": booking.order_reference if booking is not None else "",
        "lines": [
            {"code": ln.code, "name": ln.name, "quantity": ln.quantity}
            for ln in queries.line_rows(uow, booking_id)
        ],
    }
    if now is not None:
        shown["warnings"] = [message(w) for w in inspection_warnings(uow, booking_id, now=now)]
    return shown


def _summary_json(row: queries.BookingRow) -> dict[str, Any]:
    return {
        "ref": row.reference,
        "status": row.status,
        "customer": row.customer_number,
        "customer_name": row.customer_name,
        "event": row.event,
        "venue": row.venue,
        "from": row.start,
        "to": row.end,
        "use_from": row.use_start,
        "use_to": row.use_end,
    }


def _print_booking(shown: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(shown)
        return
    print(
        f"{shown['ref']}  {status_word(shown['status'])}  {shown['customer']} "
        f"{shown['customer_name']}  "
        f"{_fmt(shown['from'])} → {_fmt(shown['to'])}"
    )
    if shown["event"] or shown["venue"]:
        print(f"  {shown['event']}  {shown['venue']}".rstrip())
    if shown.get("buyer_reference") or shown.get("order_reference"):
        print(
            "  "
            + tr("cli", "buyer reference {buyer}, order number {order}").format(
                buyer=shown.get("buyer_reference") or "—", order=shown.get("order_reference") or "—"
            )
        )
    for line in shown["lines"]:
        print(f"  {line['quantity']:>5}  {line['code']:<20} {line['name']}")
    for warning in shown.get("warnings", []):
        print(tr("cli", "  warning: {warning}").format(warning=warning))


def _warn(shown: dict[str, Any]) -> None:
    """Inspection warnings go to stderr: the command still succeeded."""
    for warning in shown.get("warnings", []):
        print(tr("cli", "warning: {warning}").format(warning=warning), file=sys.stderr)


def _fmt(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M")


# --- handlers ----------------------------------------------------------------------------


@_usage_guard
def create_booking(args: argparse.Namespace) -> int:
    start, end = _window(args, ordered=False)
    data = bookings.BookingData(
        customer=args.customer,
        start=start,
        end=end,
        use_start=_when("use from", args.use_from),
        use_end=_when("use to", args.use_to),
        event=args.event,
        venue=args.venue,
        notes=args.notes,
        lines=_lines(args.line),
        buyer_reference=args.buyer_ref,
        order_reference=args.order_ref,
    )
    if not data.lines:
        raise UsageError(ValidationError("lines", "Give at least one --line CODE=QTY to book."))
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            booking = bookings.create_booking(
                uow, user=ctx.user, data=data, clock=ctx.clock, confirm=args.confirm
            )
            shown = booking_json(uow, require_id(booking), now=ctx.clock.local_now())
    finally:
        ctx.db.dispose()
    _print_booking(shown, args.json)
    _warn(shown)
    return 0


def transition(args: argparse.Namespace, action: Any) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            booking = action(uow, user=ctx.user, reference=args.ref, clock=ctx.clock)
            shown = booking_json(uow, booking.id, now=ctx.clock.local_now())
    finally:
        ctx.db.dispose()
    _print_booking(shown, args.json)
    _warn(shown)
    return 0


def set_references(args: argparse.Namespace) -> int:
    if args.buyer_ref is None and args.order_ref is None:
        return usage_error(
            ValidationError("references", 'Give --buyer-ref, --order-ref or both ("" clears one).')
        )
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            booking = bookings.set_references(
                uow,
                user=ctx.user,
                reference=args.ref,
                buyer_reference=args.buyer_ref,
                order_reference=args.order_ref,
            )
            shown = booking_json(uow, require_id(booking))
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
    else:
        print(
            tr("cli", "Booking {ref}: buyer reference {buyer}, order number {order}.").format(
                ref=shown["ref"],
                buyer=shown["buyer_reference"] or "—",
                order=shown["order_reference"] or "—",
            )
        )
    return 0


def confirm_booking(args: argparse.Namespace) -> int:
    return transition(args, bookings.confirm_booking)


def show_booking(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            booking = bookings.booking_by_ref(uow, args.ref)
            booking_id = require_id(booking)
            shown = booking_json(uow, booking_id, now=ctx.clock.local_now())
            shown.update(desk_json(uow, booking_id, ctx))
    finally:
        ctx.db.dispose()
    _print_booking(shown, args.json)
    if not args.json:
        _print_desk(shown)
    return 0


def desk_json(uow: UnitOfWork, booking_id: int, ctx: Context) -> dict[str, Any]:
    """What the desk moved: each unit out and back (local times), progress per type."""

    def local(value: dt.datetime | None) -> dt.datetime | None:
        return None if value is None else ctx.clock.to_local(value)

    return {
        "units": [
            {
                "barcode": u["barcode"],
                "serial": u["serial"],
                "code": u["code"],
                "out": local(u["out"]),
                "back": local(u["back"]),
                "condition": u["condition"],
            }
            for u in desk.units_moved(uow, booking_id)
        ],
        "progress": [
            {
                "code": p.code,
                "wanted": p.wanted,
                "left": p.left,
                "back": p.back,
                "damaged": p.damaged,
                "missing": p.missing,
            }
            for p in desk.progress(uow, booking_id)
        ],
    }


def _print_desk(shown: dict[str, Any]) -> None:
    moved = [p for p in shown["progress"] if p["left"]]
    for p in moved:
        print(
            tr("cli", "  {code}: {left} / {wanted} left, {back} back").format(**p)
            + (tr("cli", ", {damaged} damaged").format(**p) if p["damaged"] else "")
            + (tr("cli", ", {missing} missing").format(**p) if p["missing"] else "")
        )
    for u in shown["units"]:
        back = _fmt(u["back"]) if u["back"] else tr("cli", "still out")
        print(f"    {u['barcode']:<14} {u['serial']:<14} {_fmt(u['out'])} → {back}")


@_usage_guard
def list_bookings(args: argparse.Namespace) -> int:
    """One page of the bookings found (text: 100 rows unless ``--limit``; JSON: every
    row unless ``--limit``), newest pick-up first, streamed as the database reads them."""
    start = _when("from", args.start) if args.start else None
    end = _when("to", args.end) if args.end else None
    page = page_of(args)
    found = {"statuses": args.status, "start": start, "end": end}
    ctx = open_context(args.db)
    try:
        with streamed(), ctx.db.read() as uow:
            shown = print_bookings(uow, args.search, **found, page=page, as_json=args.json)
            more = 0
            if not args.json:
                more = more_rows(
                    page, shown, lambda: queries.count_bookings(uow, args.search, **found)
                )
    finally:
        ctx.db.dispose()
    say_more(page, shown, more)
    return 0


def print_bookings(
    uow: UnitOfWork,
    text: str,
    *,
    statuses: Sequence[str] = (),
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    page: Page,
    as_json: bool,
) -> int:
    """Print ``page`` of the bookings ``text`` finds as ``bookings list`` does (a JSON
    array, or a line each) as the database yields them; the number of rows printed."""
    rows = queries.search_rows(
        uow, text, statuses=statuses, start=start, end=end, limit=page.limit, offset=page.offset
    )
    shown = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal shown
        for row in rows:
            shown += 1
            yield _summary_json(row)

    with printing():
        if as_json:
            print_json_rows(counted())
            return shown
        for b in counted():
            print(
                f"{b['ref']:<13} {status_word(b['status']):<10} {_fmt(b['from'])} → "
                f"{_fmt(b['to'])}  {b['customer_name']}  {b['event']}".rstrip()
            )
    return shown


@_usage_guard
def duplicate_booking(args: argparse.Namespace) -> int:
    start = _when("from", args.start)
    assert start is not None
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            copy = bookings.duplicate_booking(
                uow, user=ctx.user, reference=args.ref, start=start, clock=ctx.clock
            )
            shown = booking_json(uow, require_id(copy), now=ctx.clock.local_now())
    finally:
        ctx.db.dispose()
    _print_booking(shown, args.json)
    _warn(shown)
    return 0


@_usage_guard
def show_availability(args: argparse.Namespace) -> int:
    start, end = _window(args)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            item = item_by_code(uow, args.code)
            found = availability.availability(
                uow, require_id(item), start, end, now=ctx.clock.local_now()
            )
            code, name = item.code, item.name
    finally:
        ctx.db.dispose()
    firm = sorted({h.reference for h in found.holds if h.status != BookingStatus.QUOTE})
    tentative = sorted({h.reference for h in found.holds if h.status == BookingStatus.QUOTE})
    shown = {
        "code": code,
        "name": name,
        "from": start,
        "to": end,
        "serviceable": found.serviceable,
        "reserved": found.reserved,
        "available": found.available,
        "tentative": found.tentative,
        "peak_at": found.peak_at,
        "holders": firm,
        "tentative_holders": tentative,
    }
    if args.json:
        print_json(shown)
    else:
        print(
            tr(
                "cli",
                "{code}: {available} available of {serviceable} "
                "({reserved} reserved, {tentative} with quotes)",
            ).format(**shown)
        )
        if firm:
            print("  " + ", ".join(firm))
    return 0


@_usage_guard
def show_shortages(args: argparse.Namespace) -> int:
    start, end = _window(args)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            found = availability.shortages(uow, start, end, now=ctx.clock.local_now())
    finally:
        ctx.db.dispose()
    shown = [
        {
            "code": s.code,
            "name": s.name,
            "serviceable": s.serviceable,
            "reserved": s.reserved,
            "missing": s.missing,
            "at": s.at,
            "bookings": list(s.holders),
        }
        for s in found
    ]
    if args.json:
        print_json(shown)
    elif not shown:
        print(tr("cli", "No shortage in this period."))
    else:
        for s in found:
            print(
                QCoreApplication.translate(
                    "cli", "{code}: %n missing on {at} ({bookings})", None, s.missing
                ).format(
                    code=s.code,
                    at=s.at.strftime("%d/%m/%Y %H:%M"),
                    bookings=", ".join(s.holders),
                )
            )
    return 0


def write_picklist(args: argparse.Namespace) -> int:
    from app.cli.printing import (
        atomic_file,
        check_folder,
        check_printer,
        output_missing,
        printed_line,
        send,
    )
    from booking.picklist import render_to_bytes

    missing = output_missing(args)
    if missing is not None:
        return missing
    check_folder(args.out)
    printer = check_printer(args)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            pdf = render_to_bytes(uow, args.ref)
    finally:
        ctx.db.dispose()
    with atomic_file(args.out) as write:
        write(pdf)
    pages = _pages(pdf)
    if args.out:
        print(
            QCoreApplication.translate(
                "cli", "Pick list of %n page(s) written to {path}.", None, pages
            ).format(path=args.out)
        )
    if printer is not None:
        title = tr("cli", "Pick list {ref}").format(ref=args.ref)
        print(printed_line(printer, send(pdf, printer, title)))
    return 0


def _pages(pdf: bytes) -> int:
    from app.gui.shell.printing import page_count

    return page_count(pdf)
