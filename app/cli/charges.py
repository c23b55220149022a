"""``regie charges add|list``: the damage charges of a booking (the repair cost of pieces
checked in damaged, recorded by the manager after inspection), through
``invoicing.charges``. A recorded charge goes on the booking's next invoice (or on its own
with ``regie invoice REF --damage-only``).

``add REF CODE AMOUNT``: CODE is the item type's code or the barcode of one of its units,
AMOUNT excl. VAT. A refusal (an unknown booking or code, a type not on the booking, no
damaged piece left to charge, an amount of zero) exits 1 with one sentence on stderr and
nothing written; a malformed amount or quantity exits 2. Amounts in JSON are strings with
two decimals ("85.00").
"""

from __future__ import annotations

import argparse
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import UsageError, _usage_guard
from app.cli.invoicing import _amount
from app.cli.output import print_json
from app.core.errors import ValidationError
from app.core.money import cents_str
from app.i18n import tr
from inventory import fields
from invoicing import charges


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "charges", help=tr("cli", "damage charges of bookings (repair costs)")
    )
    sub = parser.add_subparsers(dest="charges_command", metavar="ACTION", required=True)

    add = sub.add_parser(
        "add", help=tr("cli", "record the repair cost of pieces checked in damaged")
    )
    add.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    add.add_argument(
        "code", help=tr("cli", "the item type's code or the barcode of one of its units")
    )
    add.add_argument("amount", help=tr("cli", "the amount charged, excl. VAT (85.00)"))
    add.add_argument(
        "--quantity",
        default="1",
        help=tr("cli", "how many damaged pieces it covers (default: 1)"),
    )
    add.add_argument(
        "--description",
        default="",
        help=tr("cli", "what was damaged, printed on the invoice (default: réparation)"),
    )
    add.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    add.set_defaults(handler=_usage_guard(add_charge))

    listing = sub.add_parser("list", help=tr("cli", "the damage charges of a booking"))
    listing.add_argument("ref", help=tr("cli", "the booking reference (R-2027-0042)"))
    listing.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    listing.set_defaults(handler=list_charges)


def charge_json(row: charges.DamageRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "code": row.code,
        "name": row.name,
        "quantity": row.quantity,
        "amount": cents_str(row.amount_cents),
        "description": row.description,
        "recorded_at": row.recorded_at.isoformat(),
        "recorded_by": row.recorded_by,
        "invoiced": row.invoice is not None,
        "invoice": row.invoice,
    }


def _quantity(value: str) -> int:
    try:
        return fields.integer("quantity", value, minimum=1, maximum=100000)
    except ValidationError as err:
        raise UsageError(err, f"--quantity {value}") from err


def _line(shown: dict[str, Any]) -> str:
    state = (
        tr("cli", "invoiced on {invoice}").format(invoice=shown["invoice"])
        if shown["invoiced"]
        else tr("cli", "not invoiced yet")
    )
    text = tr(
        "cli", "{id}. {name} ({code}) × {quantity}: {amount} excl. VAT — {description}; {state}"
    )
    return text.format(**shown, state=state)


def add_charge(args: argparse.Namespace) -> int:
    amount = _amount("amount", args.amount, "AMOUNT")
    quantity = _quantity(args.quantity)
    description = args.description.strip() or charges.DEFAULT_DAMAGE_NOTE
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            made = charges.record_damage_charge(
                uow,
                user=ctx.user,
                reference=args.ref,
                item_code=args.code,
                amount=amount,
                description=description,
                quantity=quantity,
                clock=ctx.clock,
            )
            made_id = made.id
            rows = charges.damage_charges(uow, args.ref)
    finally:
        ctx.db.dispose()
    shown = charge_json(next(r for r in rows if r.id == made_id))
    if args.json:
        print_json(shown)
    else:
        print(tr("cli", "Damage charge recorded: {line}").format(line=_line(shown)))
    return 0


def list_charges(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            rows = charges.damage_charges(uow, args.ref)
    finally:
        ctx.db.dispose()
    shown = [charge_json(r) for r in rows]
    if args.json:
        print_json(shown)
    elif not shown:
        print(tr("cli", "{ref}: no damage charge recorded.").format(ref=args.ref))
    else:
        for row in shown:
            print(_line(row))
    return 0
