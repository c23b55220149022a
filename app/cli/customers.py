"""``regie customers add|edit|renew|list|show``: customers and their memberships;
``customers export-data|anonymise``: a person's data on request (RGPD)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bootstrap import open_context
from app.cli import tabular_cli
from app.cli.output import (
    add_page_options,
    more_rows,
    page_of,
    print_json,
    print_json_rows,
    say_more,
)
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.core.files import atomic_write_bytes
from app.core.storage import os_reason
from app.i18n import message, tr
from booking import customers, customers_io, memberships
from booking.models import Customer, CustomerCategory, CustomerKind
from inventory import fields
from invoicing import personal_data

USAGE_ERROR = 2
#: The ``add`` option of a customer field named otherwise (``--vat``).
OPTION_OF = {"vat_number": "vat"}
#: The customer fields the JSON shows after the memberships (all but the first four,
#: shown first, and the notes).
SHOWN = frozenset(customers.CUSTOMER_FIELDS[4:]) - {"notes"}


def register(commands: Any) -> None:
    parser = commands.add_parser("customers", help=tr("cli", "customers and their memberships"))
    sub = parser.add_subparsers(dest="customers_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help=tr("cli", "add a customer"))
    add.add_argument("--name", required=True, help=tr("cli", "the customer's name"))
    add.add_argument("--kind", choices=[k.value for k in CustomerKind], default="organisation")
    add.add_argument(
        "--category", choices=[c.value for c in CustomerCategory], default="association"
    )
    for option in ("email", "phone", "address", "postcode", "city"):
        add.add_argument(f"--{option}", default="")
    add.add_argument(
        "--country",
        default="FR",
        metavar="CC",
        help=tr("cli", "the country, ISO 3166 two-letter code (default: FR)"),
    )
    add.add_argument("--siren", default="", help=tr("cli", "SIREN (French customers only)"))
    add.add_argument("--siret", default="", help=tr("cli", "SIRET (French customers only)"))
    add.add_argument(
        "--vat", default="", help=tr("cli", "VAT number, with its country prefix (BE0…)")
    )
    add.add_argument(
        "--public-buyer",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=tr(
            "cli",
            "a public body invoiced through Chorus Pro (needs its SIRET; default: yes for "
            "a commune)",
        ),
    )
    add.add_argument(
        "--service-code",
        default="",
        help=tr("cli", "its Chorus Pro service code (the invoices' buyer reference)"),
    )
    add.add_argument(
        "--number", default="", help=tr("cli", "the customer number (default: the next free one)")
    )
    add.add_argument("--member-number", default="", help=tr("cli", "membership number"))
    add.add_argument(
        "--member-from", default="", help=tr("cli", "first day of the membership (2027-01-01)")
    )
    add.add_argument(
        "--member-to",
        default="",
        help=tr(
            "cli",
            "last day of the membership (default: the end of its membership year; 'open': none)",
        ),
    )
    add.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    add.set_defaults(handler=add_customer)

    listing = sub.add_parser("list", help=tr("cli", "list or search customers"))
    listing.add_argument("--search", default="", help=tr("cli", "text to look for"))
    add_page_options(listing)
    listing.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    from app.cli.bookings import _usage_guard  # (app.cli.bookings imports this module)

    listing.set_defaults(handler=_usage_guard(list_customers))

    edit = sub.add_parser(
        "edit", help=tr("cli", "change a customer's record (only the options given)")
    )
    edit.add_argument("number", help=tr("cli", "the customer number"))
    edit.add_argument("--name", default=None, help=tr("cli", "the customer's name"))
    edit.add_argument("--kind", choices=[k.value for k in CustomerKind], default=None)
    edit.add_argument("--category", choices=[c.value for c in CustomerCategory], default=None)
    for option in ("email", "phone", "address", "postcode", "city", "notes"):
        edit.add_argument(f"--{option}", default=None)
    edit.add_argument(
        "--country", default=None, metavar="CC", help=tr("cli", "ISO 3166 two-letter code")
    )
    edit.add_argument(
        "--siren", default=None, help=tr("cli", "SIREN (French customers only; '' removes it)")
    )
    edit.add_argument(
        "--siret",
        default=None,
        help=tr("cli", "SIRET (French customers only; the SIREN follows from it)"),
    )
    edit.add_argument(
        "--vat", default=None, help=tr("cli", "VAT number, with its country prefix (BE0…)")
    )
    edit.add_argument(
        "--public-buyer",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=tr("cli", "a public body invoiced through Chorus Pro (needs its SIRET)"),
    )
    edit.add_argument("--service-code", default=None, help=tr("cli", "its Chorus Pro service code"))
    edit.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    edit.set_defaults(handler=edit_customer)

    renew = sub.add_parser(
        "renew",
        help=tr("cli", "add a membership (a renewal keeps the customer's member number)"),
    )
    renew.add_argument("number", help=tr("cli", "the customer number"))
    renew.add_argument(
        "--member-number",
        default="",
        metavar="NUMBER",
        help=tr("cli", "membership number (default: the customer's last one)"),
    )
    renew.add_argument(
        "--from",
        dest="valid_from",
        default="",
        metavar="DATE",
        help=tr("cli", "first day (2027-01-01; default: the day after the last one ends)"),
    )
    renew.add_argument(
        "--to",
        dest="valid_to",
        default="",
        metavar="DATE",
        help=tr("cli", "last day (default: the end of its membership year; 'open': none)"),
    )
    renew.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    renew.set_defaults(handler=renew_membership)

    show = sub.add_parser("show", help=tr("cli", "one customer and its memberships"))
    show.add_argument("number", help=tr("cli", "the customer number"))
    show.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    show.set_defaults(handler=show_customer)
    _register_personal_data(sub)
    _register_files(sub)


def _register_personal_data(sub: Any) -> None:
    export = sub.add_parser(
        "export-data",
        help=tr("cli", "everything about a customer, as JSON (a personal-data request)"),
    )
    export.add_argument("number", help=tr("cli", "the customer number"))
    export.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=tr("cli", "the JSON file to write (- prints it)"),
    )
    export.add_argument("--json", action="store_true", help=tr("cli", "print a summary as JSON"))
    export.set_defaults(handler=export_data)
    anonymise = sub.add_parser(
        "anonymise",
        help=tr(
            "cli",
            "erase a customer's identity; issued invoices and credit notes stay as issued",
        ),
    )
    anonymise.add_argument("number", help=tr("cli", "the customer number"))
    anonymise.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    anonymise.set_defaults(handler=anonymise_customer)


def usage_error(err: ValidationError, argument: str = "") -> int:
    """A malformed argument (a date that is not one...): reported like argparse does, exit 2."""
    if argument:
        text = tr("cli", "regie: error: argument {argument}: {problem}").format(
            argument=argument, problem=message(err)
        )
    else:
        text = tr("cli", "regie: error: {problem}").format(problem=message(err))
    print(text, file=sys.stderr)
    return USAGE_ERROR


def add_customer(args: argparse.Namespace) -> int:
    if args.member_number and not args.member_from:
        return usage_error(
            ValidationError(
                "valid from", "A membership needs --member-number and --member-from together."
            )
        )
    if (args.member_from or args.member_to) and not args.member_number:
        return usage_error(
            ValidationError(
                "member number", "A membership needs --member-number and --member-from together."
            )
        )
    try:
        member_from = fields.optional_date("valid from", args.member_from)
        member_to = fields.optional_date("valid to", _unless_open(args.member_to))
    except ValidationError as err:
        return usage_error(err, "--member-from/--member-to")
    given = {key: getattr(args, OPTION_OF.get(key, key), None) for key in customers.CUSTOMER_FIELDS}
    if given["public_buyer"] is None:  # a commune is a public buyer unless --no-public-buyer
        given["public_buyer"] = args.category == CustomerCategory.COMMUNE
    raw = {k: ("1" if v else "") if isinstance(v, bool) else v for k, v in given.items()}
    # A bad identifier (unknown country, SIREN, VAT number…) is a refusal: exit 1.
    data = customers.parse_customer({k: v for k, v in raw.items() if v is not None})
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            customer = customers.save_customer(uow, user=ctx.user, data=data)
            assert customer.id is not None
            if args.member_number and member_from is not None:  # both given (checked above)
                if member_to is None and not _is_open(args.member_to):  # to its year's end
                    member_to = memberships.default_period(
                        uow, customer.id, ctx.clock.today(), valid_from=member_from
                    )[1]
                customers.add_membership(
                    uow,
                    user=ctx.user,
                    customer_id=customer.id,
                    member_number=args.member_number,
                    valid_from=member_from,
                    valid_to=member_to,
                )
            shown = customer_json(uow, customer, ctx.clock.today())
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
    else:
        print(
            tr("cli", "Customer {number} added: {name}.").format(
                number=shown["number"], name=shown["name"]
            )
        )
    return 0


#: What ``--to``/``--member-to`` take for a membership with no last day.
OPEN = "open"


def _is_open(text: str) -> bool:
    return text.strip().casefold() == OPEN


def _unless_open(text: str) -> str:
    return "" if _is_open(text) else text


def edit_customer(args: argparse.Namespace) -> int:
    """Change the fields given; the others stay. Same checks as ``add``; a refusal writes
    nothing."""
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            customer = customers.customer_by_number(uow, args.number)
            assert customer.id is not None
            raw = customers.customer_fields(uow, customer.id)
            given = {
                key: getattr(args, OPTION_OF.get(key, key), None)
                for key in customers.CUSTOMER_FIELDS
                if key != "number"
            }
            if given["siret"] is not None and given["siren"] is None:
                given["siren"] = ""  # follows from the new SIRET
            if given["public_buyer"] is None and (
                given["category"] == CustomerCategory.COMMUNE != raw["category"]
            ):
                given["public_buyer"] = True  # becoming a commune: a public buyer
            if given["public_buyer"] is False and given["service_code"] is None:
                given["service_code"] = ""  # no longer a public buyer: no service code
            for key, value in given.items():
                if value is not None:
                    raw[key] = ("1" if value else "") if isinstance(value, bool) else value
            data = customers.parse_customer(raw)
            saved = customers.save_customer(uow, user=ctx.user, data=data, customer_id=customer.id)
            shown = customer_json(uow, saved, ctx.clock.today())
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
    else:
        print(
            tr("cli", "Customer {number} saved: {name}.").format(
                number=shown["number"], name=shown["name"]
            )
        )
    return 0


def renew_membership(args: argparse.Namespace) -> int:
    """A membership for the customer: by default its last member number, from the day after
    its last membership ends."""
    try:
        valid_from = fields.optional_date("valid from", args.valid_from)
        valid_to = fields.optional_date("valid to", _unless_open(args.valid_to))
    except ValidationError as err:
        return usage_error(err, "--from/--to")
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            customer = customers.customer_by_number(uow, args.number)
            assert customer.id is not None
            held = customers.memberships_of(uow, customer.id)
            last = held[-1] if held else None
            number = args.member_number or (last.member_number if last else "")
            if not number:
                raise ValidationError(
                    "member number",
                    "{name} has no membership yet: give its --member-number.",
                    name=customer.name,
                )
            if valid_from is None:
                if last is None or last.valid_to is None:
                    raise ValidationError(
                        "valid from",
                        "Give the first day of the membership with --from.",
                    )
                valid_from = last.valid_to + dt.timedelta(days=1)
            if valid_to is None and not _is_open(args.valid_to):  # to its year's end
                valid_to = memberships.default_period(
                    uow, customer.id, ctx.clock.today(), valid_from=valid_from
                )[1]
            membership = customers.add_membership(
                uow,
                user=ctx.user,
                customer_id=customer.id,
                member_number=number,
                valid_from=valid_from,
                valid_to=valid_to,
            )
            shown = customer_json(uow, customer, ctx.clock.today())
            added = (membership.member_number, membership.valid_from, membership.valid_to)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
    else:
        print(
            tr("cli", "Membership {member} of {number} added: {start} – {end}.").format(
                member=added[0],
                number=shown["number"],
                start=added[1].strftime("%d/%m/%Y"),
                end=added[2].strftime("%d/%m/%Y") if added[2] else "…",
            )
        )
    return 0


def list_customers(args: argparse.Namespace) -> int:
    """One page of customers by name (text: 100 unless ``--limit``; JSON: all unless
    ``--limit``), read in bulk (two queries a page)."""
    page = page_of(args)
    ctx = open_context(args.db)
    today = ctx.clock.today()
    try:
        with ctx.db.read() as uow:
            found = customers.customer_listing(
                uow, args.search, limit=page.limit, offset=page.offset
            )
            more = more_rows(page, len(found), lambda: customers.count_customers(uow, args.search))
    finally:
        ctx.db.dispose()
    shown = (_customer_json(values, spans, today) for values, spans in found)
    if args.json:
        print_json_rows(shown)
        return 0
    member = tr("cli", "member")
    for c in shown:
        print(f"{c['number']:<8} {c['name']}  {member if c['member'] else ''}".rstrip())
    say_more(page, len(found), more)
    return 0


def show_customer(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            shown = customer_json(
                uow, customers.customer_by_number(uow, args.number), ctx.clock.today()
            )
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
    else:
        print(f"{shown['number']}  {shown['name']}  ({shown['kind']}, {shown['category']})")
        for key in (
            "email",
            "phone",
            "city",
            "country",
            "siren",
            "siret",
            "vat_number",
            "service_code",
        ):
            if shown[key]:
                print(f"  {key}: {shown[key]}")
        if shown["public_buyer"]:
            print("  " + tr("cli", "public buyer (Chorus Pro)"))
        for m in shown["memberships"]:
            print(
                tr("cli", "  member {number}: {start} – {end}").format(
                    number=m["member_number"], start=m["valid_from"], end=m["valid_to"] or "…"
                )
            )
    return 0


def export_data(args: argparse.Namespace) -> int:
    """Write everything about the customer to ``--out`` (whole, or not at all)."""
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            found = personal_data.export_data(uow, args.number, clock=ctx.clock)
    finally:
        ctx.db.dispose()
    text = json.dumps(found, ensure_ascii=False, indent=2) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
        return 0
    try:
        atomic_write_bytes(args.out, text.encode("utf-8"))
    except OSError as err:
        problem = tr("cli", "Cannot write {path}: {reason}")
        print(problem.format(path=args.out, reason=message(os_reason(err))), file=sys.stderr)
        return 1
    summary = {
        "number": found["customer"]["number"],
        "out": args.out,
        **{key: len(found[key]) for key in COUNTED},
    }
    if args.json:
        print_json(summary)
    else:
        print(
            tr("cli", "Data of customer {number} written to {path}.").format(
                number=summary["number"], path=args.out
            )
        )
    return 0


#: The lists the export's summary counts.
COUNTED = ("contacts", "memberships", "bookings", "invoices", "credit_notes", "audit")


def anonymise_customer(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            done = personal_data.anonymise(uow, args.number, clock=ctx.clock)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(done)
    else:
        print(
            tr(
                "cli",
                "Customer {number} anonymised ({name}); its issued invoices and credit notes "
                "are kept as issued.",
            ).format(number=done["number"], name=done["name"])
        )
    return 0


def customer_json(uow: UnitOfWork, customer: Customer, today: dt.date) -> dict[str, Any]:
    """A customer as the CLI contract writes it; ``member``: a membership covers today."""
    assert customer.id is not None
    spans = [
        (m.member_number, m.valid_from, m.valid_to)
        for m in customers.memberships_of(uow, customer.id)
    ]
    values = {key: getattr(customer, key) for key in customers.CUSTOMER_FIELDS}
    return _customer_json(values, spans, today)


def _customer_json(
    values: Mapping[str, Any], spans: list[customers.MembershipSpan], today: dt.date
) -> dict[str, Any]:
    return {
        "number": values["number"],
        "name": values["name"],
        "kind": values["kind"],
        "category": values["category"],
        "member": any(
            start <= today and (end is None or today <= end) for _number, start, end in spans
        ),
        "memberships": [
            {"member_number": number, "valid_from": start, "valid_to": end}
            for number, start, end in spans
        ],
        **{key: values[key] for key in customers.CUSTOMER_FIELDS if key in SHOWN},
    }


def _register_files(sub: Any) -> None:
    keys = ", ".join(customers_io.KEYS)
    imp = sub.add_parser(
        "import",
        help=tr("cli", "import customers and memberships from CSV or .xlsx (all or nothing)"),
    )
    tabular_cli.add_import_options(imp, columns=keys)
    imp.set_defaults(handler=import_customers)
    exp = sub.add_parser(
        "export", help=tr("cli", "export customers and memberships (.csv or .xlsx)")
    )
    tabular_cli.add_export_options(exp)
    exp.set_defaults(handler=export_customers)


def import_customers(args: argparse.Namespace) -> int:
    return tabular_cli.run_import(
        args, lambda uow, table, mapping: customers_io.import_customers(uow, table, mapping)
    )


def export_customers(args: argparse.Namespace) -> int:
    return tabular_cli.run_export(
        args,
        customers_io.export_customers,
        lambda n: QCoreApplication.translate("cli", "%n customer(s)", None, n),
    )
