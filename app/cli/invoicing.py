"""``regie quote``, ``regie invoice``, ``regie credit-note``, ``regie payments
add|reverse|list`` and ``regie invoices list|show|pdf``.

Issuing (an invoice or a credit note) renders the PDF with its Factur-X XML and validates
the XML (``invoicing.validation.check_xml``: XSD, EN 16931 and FR-CTC schematrons) before
the short write transaction that takes the number (``issuing.issue``); the PDF file is
written to a temporary file beside ``--out`` inside that transaction and renamed once it
committed (``app.cli.delivery``). A refusal exits 1 with the reason on stderr, nothing
issued and no file written; a malformed argument (an amount, a date, a line position)
exits 2; a failure after the issue (the printer, a closed standard output) says that the
document WAS issued and how to get its PDF, exit 1. Amounts in JSON are strings with
two decimals ("1234.50").
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.bootstrap import Context, open_context
from app.cli import refunds
from app.cli.bookings import UsageError, _usage_guard
from app.cli.delivery import Issued, PendingFiles, check_stdout, deliver
from app.cli.output import (
    add_page_options,
    more_rows,
    page_of,
    print_json,
    print_json_rows,
    say_more,
)
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
from app.core.db import UnitOfWork, require_id
from app.core.errors import DomainError, ValidationError
from app.core.money import cents_str, from_cents, quantize
from app.i18n import tr
from booking.customers import customer_by_number
from inventory import fields
from invoicing import (
    credit_notes,
    invoice_queries,
    invoices,
    issuing,
    parties,
    payments,
    render,
    validation,
)
from invoicing.balance import InvoiceStatus
from invoicing.document import Document, Kind, Line
from invoicing.invoice_queries import IssuedRow
from invoicing.issuing import Renderer
from invoicing.models import IssuedDocument, Payment

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
#: The credit note's reason when none is given (printed on the French document): a credit
#: note that cancels all that is left of the invoice, or one that corrects part of it.
DEFAULT_REASON = "Annulation de la facture {number}"
PARTIAL_REASON = "Rectification de la facture {number}"


def register(commands: Any) -> None:
    quote = commands.add_parser("quote", help=tr("cli", "the quote (devis) of a booking as a PDF"))
    quote.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    _out_option(quote)
    _json_option(quote)
    quote.set_defaults(handler=_usage_guard(write_quote))

    invoice = commands.add_parser(
        "invoice",
        help=tr("cli", "issue the invoice of a booking (or what it has not been invoiced yet)"),
    )
    invoice.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    invoice.add_argument(
        "--damage-only",
        action="store_true",
        help=tr(
            "cli",
            "invoice only the booking's damage and loss charges not invoiced yet, whatever "
            "else it holds (the rest stays for its next invoice); needed when these charges "
            "are outside the scope of VAT",
        ),
    )
    _out_option(invoice)
    _json_option(invoice)
    invoice.set_defaults(handler=_usage_guard(issue_invoice))

    credit = commands.add_parser(
        "credit-note", help=tr("cli", "issue a credit note correcting an invoice")
    )
    credit.add_argument("number", help=tr("cli", "the invoice number (FA-2026-00042)"))
    credit.add_argument("--reason", default="", help=tr("cli", "why the invoice is corrected"))
    credit.add_argument(
        "--line",
        action="append",
        default=[],
        metavar="POS[:QTY|=AMOUNT]",
        help=tr(
            "cli",
            "an invoice line to credit (repeatable): --line 2 credits all that is left of "
            "line 2; --line 2:3 credits 3 of its units (3 of its 5 projectors, 3 of its "
            "piece-days) at its unit price; --line 2=150.00 credits 150.00 excluding VAT of "
            "it. Without --line and --amount: everything left on the invoice (a full credit "
            "note)",
        ),
    )
    credit.add_argument(
        "--amount",
        default="",
        help=tr(
            "cli",
            "credit this amount excluding VAT of the invoice's only line left to credit; "
            "refused when several lines are left (then say which with --line)",
        ),
    )
    _out_option(credit)
    _json_option(credit)
    credit.set_defaults(handler=_usage_guard(issue_credit_note))

    pay = commands.add_parser("payments", help=tr("cli", "payments of invoices"))
    sub = pay.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help=tr("cli", "record a payment of an invoice"))
    add.add_argument("number", help=tr("cli", "the invoice number (FA-2026-00042)"))
    add.add_argument("amount", help=tr("cli", "the amount paid (1234.50)"))
    add.add_argument("--date", default="", help=tr("cli", "the day it was paid (default: today)"))
    add.add_argument(
        "--method",
        choices=[m.value for m in payments.METHODS],
        default=payments.METHODS[0].value,
        help=tr("cli", "how it was paid"),
    )
    add.add_argument("--reference", default="", help=tr("cli", "a cheque or transfer reference"))
    _json_option(add)
    add.set_defaults(handler=_usage_guard(add_payment))

    reverse = sub.add_parser("reverse", help=tr("cli", "cancel a payment by a reversing entry"))
    reverse.add_argument("id", type=int, help=tr("cli", "the payment number"))
    _json_option(reverse)
    reverse.set_defaults(handler=reverse_payment)

    listing = sub.add_parser("list", help=tr("cli", "the payments of an invoice"))
    listing.add_argument("number", help=tr("cli", "the invoice number (FA-2026-00042)"))
    _json_option(listing)
    listing.set_defaults(handler=list_payments)
    refunds.add_parser(sub)

    docs = commands.add_parser("invoices", help=tr("cli", "issued invoices and credit notes"))
    sub = docs.add_subparsers(dest="invoices_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help=tr("cli", "list invoices and credit notes"))
    listing.add_argument(
        "--status",
        choices=[s.value for s in InvoiceStatus if s is not InvoiceStatus.DRAFT],
        help=tr("cli", "only invoices in this status"),
    )
    listing.add_argument("--customer", default="", help=tr("cli", "only this customer's"))
    add_page_options(listing)
    _json_option(listing)
    listing.set_defaults(handler=_usage_guard(list_documents))

    show = sub.add_parser("show", help=tr("cli", "one invoice or credit note"))
    show.add_argument("number", help=tr("cli", "the document number (FA-2026-00042)"))
    _json_option(show)
    show.set_defaults(handler=show_document)

    pdf = sub.add_parser("pdf", help=tr("cli", "write the PDF of an issued document, as issued"))
    pdf.add_argument("number", help=tr("cli", "the document number (FA-2026-00042)"))
    _out_option(pdf)
    pdf.set_defaults(handler=_usage_guard(write_pdf))


def _out_option(parser: argparse.ArgumentParser) -> None:
    add_out_option(parser, tr("cli", "the PDF file to write"))
    add_print_option(parser)


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))


# --- helpers -----------------------------------------------------------------------------


def renderer_for(uow: UnitOfWork) -> Renderer:
    """The real renderer, with the cooperative's logo (``settings.logo_bytes``: a file or
    an uploaded image)."""
    return render.renderer_for(uow)


def _folder(out: str) -> Path:
    folder = Path(out).parent if str(Path(out).parent) else Path(".")
    if not folder.is_dir():
        raise DomainError("The folder {folder} does not exist.", folder=str(folder))
    return folder


def _prepare(args: argparse.Namespace) -> tuple[int | None, str | None]:
    """Before anything is opened: a usage error when there is nowhere to send the
    document (exit 2), the ``--out`` folder checked, the printer named by ``--print``
    checked (exit 1, nothing changed). Returns (exit status or None, printer or None)."""
    missing = output_missing(args)
    if missing is not None:
        return missing, None
    check_folder(args.out)
    printer = check_printer(args)
    check_stdout()
    return None, printer


def _amount(field: str, value: str, argument: str) -> Decimal:
    try:
        return from_cents(fields.money_cents(field, value, required=True))
    except ValidationError as err:
        raise UsageError(err, argument) from err


def _money(value: Decimal) -> str:
    return str(quantize(value))


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def line_json(line: Line) -> dict[str, Any]:
    return {
        "description": line.description,
        "quantity": _decimal(line.quantity),
        "unit_price": format(line.unit_price, "f"),
        "net": _money(line.net),
        "vat_rate": _money(line.vat_rate),
        "detail": line.detail,
        "code": line.item_code,
        "period_start": line.period_start.isoformat() if line.period_start else None,
        "period_end": line.period_end.isoformat() if line.period_end else None,
    }


def document_json(document: Document) -> dict[str, Any]:
    return {
        "number": document.number,
        "kind": document.kind.value,
        "date": document.issue_date,
        "due_date": document.due_date,
        "customer": document.buyer.customer_number,
        "customer_name": document.buyer.name,
        "booking": document.booking_reference,
        "rate": document.rate_label,
        "net_total": _money(document.net_total),
        "vat_total": _money(document.vat_total),
        "gross_total": _money(document.gross_total),
        "vat": [
            {"rate": _money(v.rate), "base": _money(v.base), "amount": _money(v.amount)}
            for v in document.vat
        ],
        "lines": [line_json(ln) for ln in document.lines],
    }


def _issued_json(uow: UnitOfWork, row: IssuedDocument) -> dict[str, Any]:
    shown = document_json(issuing.frozen_document(row))
    files = issuing.files_of(uow, require_id(row))
    shown["sha256"] = files.pdf_sha256
    shown["xml_sha256"] = files.xml_sha256
    return shown


def _summary(shown: dict[str, Any]) -> None:
    text = tr("cli", "{number}  {customer}  net {net}  VAT {vat}  total {gross}")
    print(
        text.format(
            number=shown["number"] or "-",
            customer=shown["customer_name"],
            net=shown["net_total"],
            vat=shown["vat_total"],
            gross=shown["gross_total"],
        )
    )


# --- quote, invoice, credit note -----------------------------------------------------------


def write_quote(args: argparse.Namespace) -> int:
    status, printer = _prepare(args)
    if status is not None:
        return status
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            document = invoices.quote_document(uow, args.ref, ctx.clock)
            renderer = renderer_for(uow)
        pdf = renderer(document).pdf
        with atomic_file(args.out) as write:
            write(pdf)
    finally:
        ctx.db.dispose()
    shown = document_json(document)
    shown["validity_date"] = document.validity_date
    shown["sha256"] = hashlib.sha256(pdf).hexdigest()
    if printer is not None:
        pages = send(pdf, printer, tr("cli", "Quote {ref}").format(ref=args.ref))
        shown["printed"] = printed_json(printer, pages)
    if args.json:
        print_json(shown)
    else:
        _summary(shown)
        if args.out:
            print(tr("cli", "Quote written to {path}.").format(path=args.out))
        if printer is not None:
            print(printed_line(printer, shown["printed"]["pages"]))
    return 0


def _issue_with(
    args: argparse.Namespace,
    printer: str | None,
    issue: Callable[[Context, PendingFiles], IssuedDocument],
    more: Callable[[UnitOfWork, IssuedDocument, dict[str, Any]], None] | None = None,
) -> int:
    """Issue one document through ``issue(ctx, files)`` (which writes the PDF into
    ``files`` inside its write transaction), then deliver it (``delivery``)."""
    ctx = open_context(args.db)
    files = PendingFiles()
    try:
        try:
            row = issue(ctx, files)
        except BaseException:
            files.discard()
            raise
        failed = files.commit()
        with ctx.db.read() as uow:
            shown = _issued_json(uow, row)
            if more is not None:
                more(uow, row, shown)
            pdf = issuing.files_of(uow, require_id(row)).pdf
    finally:
        ctx.db.dispose()
    return deliver(
        [Issued(shown, pdf, args.out)],
        printer=printer,
        failed_files=failed,
        show=lambda: _issued(shown, args),
        sender=send,
    )


def pdf_into(files: PendingFiles, out: str, uow: UnitOfWork, row: IssuedDocument) -> None:
    """Inside the issuing write transaction: the PDF just stored, written beside ``out``
    (a disk that refuses rolls the issue back)."""
    if out:
        files.write(out, issuing.files_of(uow, require_id(row)).pdf)


def issue_invoice(args: argparse.Namespace) -> int:
    status, printer = _prepare(args)
    if status is not None:
        return status

    def issue(ctx: Context, files: PendingFiles) -> IssuedDocument:
        renderer = _renderer(ctx)

        def action(uow: UnitOfWork) -> IssuedDocument:
            row = invoices.issue_invoice(
                uow,
                user=ctx.user,
                reference=args.ref,
                clock=ctx.clock,
                renderer=renderer,
                check=validation.check_xml,
                damage_only=args.damage_only,
            )
            pdf_into(files, args.out, uow, row)
            return row

        return issuing.issue(ctx.db, action)

    warnings: list[str] = []

    def public_buyer(uow: UnitOfWork, row: IssuedDocument, shown: dict[str, Any]) -> None:
        warnings.extend(parties.public_buyer_warnings(issuing.frozen_document(row)))

    status = _issue_with(args, printer, issue, public_buyer)
    for text in warnings:  # not a refusal: only the public buyer knows what it requires
        print(
            tr("cli", "warning: {warning}").format(warning=tr("messages", text)),
            file=sys.stderr,
        )
    return status


def _renderer(ctx: Context) -> Renderer:
    with ctx.db.read() as uow:
        return renderer_for(uow)


def _issued(shown: dict[str, Any], args: argparse.Namespace) -> None:
    if args.json:
        print_json(shown)
        return
    _summary(shown)
    if args.out:
        print(
            tr("cli", "{number} issued, written to {path}.").format(
                number=shown["number"], path=args.out
            )
        )
    else:
        print(tr("cli", "{number} issued.").format(number=shown["number"]))
    if "printed" in shown:
        print(printed_line(shown["printed"]["printer"], shown["printed"]["pages"]))


def _credit_line(value: str) -> credit_notes.CreditLine:
    """``POS`` (all that is left of the line), ``POS:QTY`` (that many of its units) or
    ``POS=AMOUNT`` (that amount excluding VAT)."""
    position, equals, amount = value.partition("=")
    position, colon, quantity = position.partition(":")
    argument = f"--line {value}"
    try:
        pos = fields.integer("line", position.strip() or "x", minimum=1)
        qty = fields.integer("quantity", quantity.strip() or "x", minimum=1) if colon else None
    except ValidationError as err:
        raise UsageError(err, argument) from err
    if colon and equals:
        raise UsageError(
            ValidationError(
                "line", "Give a quantity (POS:QTY) or an amount (POS=AMOUNT), not both."
            ),
            argument,
        )
    if equals:
        return credit_notes.CreditLine(pos, amount=_amount("amount", amount, "--line"))
    return credit_notes.CreditLine(pos, quantity=qty)


def _credit_lines(args: argparse.Namespace) -> list[credit_notes.CreditLine] | None:
    return [_credit_line(value) for value in args.line] or None


def _one_line(uow: UnitOfWork, number: str, amount: Decimal) -> list[credit_notes.CreditLine]:
    """``--amount``: unambiguous only when one line of the invoice has something left to
    credit; otherwise the person says which with ``--line``."""
    left = [item for item in credit_notes.creditable(uow, number) if item.left_cents > 0]
    if len(left) > 1:
        raise DomainError(
            "Invoice {number} has {count} lines left to credit: say which with --line "
            "(--line 2 for all that is left of line 2, --line 2:3 for 3 of its units, "
            "--line 2=150.00 for an amount excluding VAT), repeatable.",
            number=number,
            count=len(left),
        )
    position = left[0].position if left else 1
    return [credit_notes.CreditLine(position, amount=amount)]


def issue_credit_note(args: argparse.Namespace) -> int:
    lines = _credit_lines(args)
    amount = _amount("amount", args.amount, "--amount") if args.amount else None
    if amount is not None and lines:
        raise UsageError(ValidationError("amount", "Give --amount or --line, not both."))
    status, printer = _prepare(args)
    if status is not None:
        return status

    def issue(ctx: Context, files: PendingFiles) -> IssuedDocument:
        renderer = _renderer(ctx)
        with ctx.db.read() as uow:
            number = issuing.issued_by_number(uow, args.number, Kind.INVOICE).number
            wanted = _one_line(uow, number, amount) if amount is not None else lines
            full = wanted is None or credit_notes.cancels_all(
                number, credit_notes.creditable(uow, number), wanted
            )
        default = DEFAULT_REASON if full else PARTIAL_REASON
        reason = args.reason.strip() or default.format(number=number)

        def action(uow: UnitOfWork) -> IssuedDocument:
            row = credit_notes.issue_credit_note(
                uow,
                user=ctx.user,
                invoice_number=number,
                reason=reason,
                clock=ctx.clock,
                renderer=renderer,
                lines=wanted,
                check=validation.check_xml,
            )
            pdf_into(files, args.out, uow, row)
            return row

        return issuing.issue(ctx.db, action)

    def more(uow: UnitOfWork, row: IssuedDocument, shown: dict[str, Any]) -> None:
        shown["cites"] = uow.row(IssuedDocument, row.cites_id or 0).number
        shown["reason"] = row.reason

    return _issue_with(args, printer, issue, more)


# --- payments ------------------------------------------------------------------------------


def _date(value: str) -> dt.date | None:
    try:
        return fields.optional_date("date", value)
    except ValidationError as err:
        raise UsageError(err, f"--date {value}") from err


def payment_json(payment: Payment, number: str) -> dict[str, Any]:
    return {
        "id": payment.id,
        "invoice": number,
        "date": payment.date,
        "amount": cents_str(payment.amount_cents),
        "method": payment.method,
        "reference": payment.reference,
        "reverses": payment.reverses,
        "refund": payments.is_refund(payment),
    }


def _with_balance(uow: UnitOfWork, shown: dict[str, Any], today: dt.date) -> dict[str, Any]:
    balance = payments.invoice_balance(uow, shown["invoice"], today)
    return {
        **shown,
        "paid": _money(balance.paid),
        "balance": _money(balance.balance),
        "status": balance.status.value,
    }


def _print_payment(shown: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(shown)
        return
    text = tr("cli", "Payment {id}: {amount} on {invoice} ({method}, {date}); balance {balance}.")
    print(
        text.format(
            id=shown["id"],
            amount=shown["amount"],
            invoice=shown["invoice"],
            method=shown["method"],
            date=shown["date"].isoformat(),
            balance=shown["balance"],
        )
    )


def add_payment(args: argparse.Namespace) -> int:
    amount = _amount("amount", args.amount, "AMOUNT")
    day = _date(args.date)
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            made = payments.add_payment(
                uow,
                user=ctx.user,
                invoice_number=args.number,
                amount=amount,
                date=day,
                method=args.method,
                reference=args.reference,
                clock=ctx.clock,
            )
            number = uow.row(IssuedDocument, made.document_id).number
            shown = _with_balance(uow, payment_json(made, number), ctx.clock.today())
    finally:
        ctx.db.dispose()
    _print_payment(shown, args.json)
    return 0


def reverse_payment(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            made = payments.reverse_payment(uow, user=ctx.user, payment_id=args.id, clock=ctx.clock)
            number = uow.row(IssuedDocument, made.document_id).number
            shown = _with_balance(uow, payment_json(made, number), ctx.clock.today())
    finally:
        ctx.db.dispose()
    _print_payment(shown, args.json)
    return 0


def list_payments(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            number = issuing.issued_by_number(uow, args.number, Kind.INVOICE).number
            shown = [payment_json(p, number) for p in payments.payments_of(uow, number)]
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
        return 0
    for p in shown:
        print(f"{p['id']:>6}  {p['date'].isoformat()}  {p['amount']:>12}  {p['method']}")
    return 0


# --- invoices list / show / pdf --------------------------------------------------------------


def _row_json(row: IssuedRow) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "number": row.number,
        "kind": row.kind,
        "date": row.issue_date,
        "customer": row.customer_number,
        "customer_name": row.buyer_name,
        "gross_total": cents_str(row.gross_cents),
        "due_date": row.due_date,
        "status": row.status,
        "credited": cents_str(row.credited_cents),
        "paid": cents_str(row.paid_cents),
        "balance": cents_str(row.balance_cents),
    }
    if row.kind != Kind.INVOICE.value:
        shown["cites"] = row.cites
    return shown


def list_documents(args: argparse.Namespace) -> int:
    """One page of issued documents in number order (text: 100 unless ``--limit``; JSON:
    all unless ``--limit``), the page cut by the database and its figures read in bulk."""
    page = page_of(args)
    ctx = open_context(args.db)
    today = ctx.clock.today()
    status = args.status or ""
    try:
        with ctx.db.read() as uow:
            customer_id = customer_by_number(uow, args.customer).id if args.customer else None
            rows = invoice_queries.issued_page(
                uow,
                today,
                customer_id=customer_id,
                status=status,
                limit=page.limit,
                offset=page.offset,
            )
            more = more_rows(
                page,
                len(rows),
                lambda: invoice_queries.count_issued(
                    uow, today, customer_id=customer_id, status=status
                ),
            )
    finally:
        ctx.db.dispose()
    if args.json:
        print_json_rows(_row_json(row) for row in rows)
        return 0
    for d in map(_row_json, rows):
        print(
            f"{d['number']:<15} {d['date'].isoformat()}  {d['customer']:<8} "
            f"{d['customer_name'][:32]:<32} {d['gross_total']:>12} {d['balance']:>12}  "
            f"{d['status']}"
        )
    say_more(page, len(rows), more)
    return 0


def show_document(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    today = ctx.clock.today()
    try:
        with ctx.db.read() as uow:
            row = issuing.issued_by_number(uow, args.number)
            (listed,) = invoice_queries.issued_page(uow, today, document_id=require_id(row))
            shown = {**_issued_json(uow, row), **_row_json(listed)}
            shown["reason"] = row.reason
            if row.kind == Kind.INVOICE.value:
                shown["credit_notes"] = [
                    d.number for d in credit_notes.credit_notes_of(uow, row.number)
                ]
                shown["payments"] = [
                    payment_json(p, row.number) for p in payments.payments_of(uow, row.number)
                ]
                # what a credit note by line (--line POS...) can still take of each line
                shown["creditable"] = [
                    {
                        "position": item.position,
                        "credited": _money(item.credited),
                        "left": _money(item.left),
                        "units_left": item.left_units,
                    }
                    for item in credit_notes.creditable_of(uow, row)
                ]
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
        return 0
    _summary(shown)
    left = {c["position"]: c["left"] for c in shown.get("creditable", [])}
    for pos, line in enumerate(shown["lines"], start=1):
        text = f"  {pos:>3}  {line['net']:>12}  {line['vat_rate']:>6} %  {line['description']}"
        if pos in left and left[pos] != line["net"]:
            text += "  " + tr("cli", "(left to credit: {left})").format(left=left[pos])
        print(text)
    print(
        tr("cli", "  status {status}, paid {paid}, balance {balance}, due {due}").format(
            status=shown["status"],
            paid=shown["paid"],
            balance=shown["balance"],
            due=shown["due_date"].isoformat(),
        )
    )
    return 0


def write_pdf(args: argparse.Namespace) -> int:
    status, printer = _prepare(args)
    if status is not None:
        return status
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            row = issuing.issued_by_number(uow, args.number)
            pdf = issuing.files_of(uow, require_id(row)).pdf
            number = row.number
        with atomic_file(args.out) as write:
            write(pdf)
    finally:
        ctx.db.dispose()
    if args.out:
        print(tr("cli", "{number} written to {path}.").format(number=number, path=args.out))
    if printer is not None:
        print(printed_line(printer, send(pdf, printer, number)))
    return 0
