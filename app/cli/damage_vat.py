"""``regie pricing damage-vat``: the VAT treatment of damage and loss charges (the setting
the pricing screen's rules page edits): ``--category S`` (VAT, at ``--rate``, 20.00 by
default: the safer choice, a charge agreed in advance may count as the price of a service)
or ``--category O`` (outside the scope of VAT: a pure compensation for a loss, once the
accountant confirms it; such charges are invoiced on their own). Without options it shows
the treatment. A refusal (a rate that is not a percentage, a zero rate with S, ``--rate``
with O) exits 1 and writes nothing.

``add_parser(sub)`` adds the sub-command to ``regie pricing``'s sub-parsers.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.bootstrap import open_context
from app.cli.output import print_json
from app.core.errors import ValidationError
from app.i18n import tr
from invoicing import rates
from invoicing.document import VatCategory
from invoicing.pricing import VatSpec


def add_parser(sub: Any) -> None:
    damage = sub.add_parser(
        "damage-vat",
        help=tr("cli", "the VAT of damage and loss charges (shown without options)"),
    )
    damage.add_argument(
        "--category",
        choices=[c.value for c in rates.DAMAGE_CATEGORIES],
        type=str.upper,
        help=tr(
            "cli",
            "S: VAT at the rate given (the default, the safer choice); O: outside the scope "
            "of VAT (an indemnity, once your accountant confirms it)",
        ),
    )
    damage.add_argument("--rate", help=tr("cli", "the VAT rate with S, in %% (default: 20.00)"))
    damage.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    damage.set_defaults(handler=damage_vat)


def spec_json(spec: VatSpec) -> dict[str, Any]:
    return {"category": spec.category.value, "rate": str(spec.rate)}


def damage_vat(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        if args.category is None and args.rate is None:
            with ctx.db.read() as uow:
                spec = rates.damage_vat(uow)
        else:
            with ctx.db.write() as uow:
                category = args.category or rates.damage_vat(uow).category.value
                if category == VatCategory.OUT_OF_SCOPE.value and args.rate is not None:
                    raise ValidationError(
                        "damage VAT rate",
                        "Charges outside the scope of VAT have no rate: give --rate only "
                        "with --category S.",
                    )
                spec = rates.set_damage_vat(uow, user=ctx.user, category=category, rate=args.rate)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(spec_json(spec))
    elif spec.category is VatCategory.OUT_OF_SCOPE:
        print(tr("cli", "Damage and loss charges: outside the scope of VAT (indemnity)."))
    else:
        text = tr("cli", "Damage and loss charges: VAT {rate} %.")
        print(text.format(rate=spec_json(spec)["rate"]))
    return 0
