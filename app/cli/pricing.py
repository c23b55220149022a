"""``regie pricing set|line|show``: a booking's own pricing, through ``invoicing.rates``:
a coefficient table or a fixed coefficient instead of the usual tables, a discount on the
whole rental, its own minimum charge, and a discount per item type. ``regie pricing
exempt CODE --article "…"`` makes an item type an exempt operation (``--taxed`` undoes it).

``pricing set`` changes only the options given (the others keep their value). A refusal
(an unknown booking, table or item type, a discount above 100 %, a coefficient of zero)
exits 1 with the reason on stderr and nothing written; a malformed minimum exits 2.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from app.bootstrap import open_context
from app.cli import damage_vat, late_returns
from app.cli.bookings import _usage_guard
from app.cli.invoicing import _amount
from app.cli.output import print_json
from app.core.db import UnitOfWork, require_id
from app.core.money import cents_str, quantize
from app.i18n import tr
from booking.bookings import booking_by_ref
from inventory.models import ItemType
from invoicing import item_rates, rates
from invoicing.models import CoefficientTable


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "pricing", help=tr("cli", "a booking's pricing: coefficient, discounts, minimum charge")
    )
    sub = parser.add_subparsers(dest="pricing_command", metavar="ACTION", required=True)

    change = sub.add_parser(
        "set", help=tr("cli", "change a booking's pricing (only the options given)")
    )
    change.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    change.add_argument(
        "--discount", help=tr("cli", "a discount on the whole rental, in percent (12.5)")
    )
    choice = change.add_mutually_exclusive_group()
    choice.add_argument(
        "--coefficient", help=tr("cli", "a fixed coefficient for the whole period (1.5)")
    )
    choice.add_argument("--table", help=tr("cli", "the coefficient table to use"))
    choice.add_argument(
        "--usual-coefficients",
        action="store_true",
        help=tr("cli", "back to the coefficient tables of the equipment families"),
    )
    change.add_argument(
        "--minimum",
        help=tr(
            "cli",
            "the booking's own minimum charge (150.00); empty: the cooperative's minimum",
        ),
    )
    _json_option(change)
    change.set_defaults(handler=_usage_guard(set_pricing))

    line = sub.add_parser("line", help=tr("cli", "a discount on one item type of a booking"))
    line.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    line.add_argument("code", help=tr("cli", "the item type code"))
    line.add_argument("pct", help=tr("cli", "the discount in percent (0 removes it)"))
    _json_option(line)
    line.set_defaults(handler=set_line)

    exempt = sub.add_parser(
        "exempt", help=tr("cli", "make an item type an exempt operation (VAT category E)")
    )
    exempt.add_argument("code", help=tr("cli", "the item type code"))
    which = exempt.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--article",
        help=tr("cli", 'the legal article printed ("article 261-4-4° a du CGI")'),
    )
    which.add_argument(
        "--taxed", action="store_true", help=tr("cli", "no longer exempt: VAT charged again")
    )
    _json_option(exempt)
    exempt.set_defaults(handler=set_exemption)

    show = sub.add_parser("show", help=tr("cli", "a booking's pricing"))
    show.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    _json_option(show)
    show.set_defaults(handler=show_pricing)

    late_returns.add_parser(sub)
    damage_vat.add_parser(sub)


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))


def pricing_json(uow: UnitOfWork, reference: str) -> dict[str, Any]:
    booking = booking_by_ref(uow, reference)
    booking_id = require_id(booking)
    row = rates.booking_pricing(uow, booking_id)
    table = (
        uow.session.get(CoefficientTable, row.coefficient_table_id)
        if row.coefficient_table_id is not None
        else None
    )
    fixed = row.fixed_coefficient_milli
    lines = []
    for item_id, discount in sorted(rates.line_discounts(uow, booking_id).items()):
        item = uow.row(ItemType, item_id)
        lines.append({"code": item.code, "name": item.name, "discount": str(discount)})
    return {
        "booking": booking.reference,
        "discount": str(rates.bp_percent(row.discount_bp)),
        "coefficient": None if fixed is None else str(Decimal(fixed) / 1000),
        "table": table.name if table is not None else None,
        "minimum": None if row.minimum_cents is None else cents_str(row.minimum_cents),
        "effective_minimum": str(quantize(rates.booking_minimum(uow, booking_id))),
        "lines": sorted(lines, key=lambda x: x["code"]),
    }


def _print(shown: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(shown)
        return
    if shown["coefficient"] is not None:
        coefficient = tr("cli", "fixed coefficient {value}").format(value=shown["coefficient"])
    elif shown["table"] is not None:
        coefficient = tr("cli", "coefficient table {name}").format(name=shown["table"])
    else:
        coefficient = tr("cli", "the families' coefficient tables")
    text = tr("cli", "{booking}: discount {discount} %, {coefficient}, minimum charge {minimum}.")
    print(
        text.format(
            booking=shown["booking"],
            discount=shown["discount"],
            coefficient=coefficient,
            minimum=shown["effective_minimum"],
        )
    )
    for line in shown["lines"]:
        print(tr("cli", "  {code}  {name}: discount {discount} %").format(**line))


# --- handlers ------------------------------------------------------------------------------


def set_pricing(args: argparse.Namespace) -> int:
    minimum_given = args.minimum is not None
    minimum = args.minimum.strip() if minimum_given else ""
    parsed_minimum = _amount("minimum charge", minimum, "--minimum") if minimum else None
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            current = pricing_json(uow, args.ref)
            table, fixed = current["table"], current["coefficient"]
            if args.coefficient is not None:
                table, fixed = None, args.coefficient
            elif args.table is not None:
                table, fixed = args.table, None
            elif args.usual_coefficients:
                table, fixed = None, None
            rates.set_booking_pricing(
                uow,
                user=ctx.user,
                reference=args.ref,
                table_name=table,
                fixed_coefficient=fixed,
                discount=args.discount if args.discount is not None else current["discount"],
                minimum=parsed_minimum if minimum_given else current["minimum"],
            )
            shown = pricing_json(uow, args.ref)
    finally:
        ctx.db.dispose()
    _print(shown, args.json)
    return 0


def set_line(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            rates.set_line_discount(
                uow, user=ctx.user, reference=args.ref, item_code=args.code, discount=args.pct
            )
            shown = pricing_json(uow, args.ref)
    finally:
        ctx.db.dispose()
    _print(shown, args.json)
    return 0


def set_exemption(args: argparse.Namespace) -> int:
    article = "" if args.taxed else args.article
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            rate = item_rates.set_exemption(
                uow, user=ctx.user, item_code=args.code, article=article
            )
            item = uow.row(ItemType, rate.item_type_id)
            shown = {"code": item.code, "name": item.name, "vat_exemption": rate.vat_exemption}
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
    elif shown["vat_exemption"]:
        print(
            tr("cli", "{code} is exempt from VAT: {article}.").format(
                code=shown["code"], article=shown["vat_exemption"]
            )
        )
    else:
        print(tr("cli", "{code} is taxed at its VAT rate.").format(code=shown["code"]))
    return 0


def show_pricing(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            shown = pricing_json(uow, args.ref)
    finally:
        ctx.db.dispose()
    _print(shown, args.json)
    return 0
