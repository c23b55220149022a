"""``regie pricing late-returns``: how the cooperative charges late returns (the setting the
pricing screen's rules page edits): ``--charge rate`` (each late day at the day rate, the
default), ``--charge fee --fee 15.00`` (a fixed fee per piece and per late day) or
``--charge none``. Without options it shows the rule. A refusal (an unknown rule, a fee
that is not an amount, a fee of zero with ``fee``) exits 1 and writes nothing.

``add_parser(sub)`` adds the sub-command to ``regie pricing``'s sub-parsers.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.bootstrap import open_context
from app.cli.output import print_json
from app.i18n import tr
from invoicing import rates
from invoicing.pricing import LateCharge, LateRule


def add_parser(sub: Any) -> None:
    late = sub.add_parser(
        "late-returns",
        help=tr("cli", "how late returns are charged (shown without options)"),
    )
    late.add_argument(
        "--charge",
        choices=[c.value for c in LateCharge],
        help=tr(
            "cli",
            "rate: each late day at the day rate; fee: a fixed fee per piece and per late "
            "day; none: not charged",
        ),
    )
    late.add_argument(
        "--fee", help=tr("cli", "the fee per piece and per late day, excl. VAT (15.00)")
    )
    late.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    late.set_defaults(handler=late_returns)


def rule_json(rule: LateRule) -> dict[str, Any]:
    return {"charge": rule.charge.value, "fee": str(rule.fee)}


def late_returns(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        if args.charge is None and args.fee is None:
            with ctx.db.read() as uow:
                rule = rates.late_rule(uow)
        else:
            with ctx.db.write() as uow:
                current = rates.late_rule(uow)
                rule = rates.set_late_rule(
                    uow,
                    user=ctx.user,
                    charge=args.charge if args.charge is not None else current.charge.value,
                    fee=args.fee if args.fee is not None else current.fee,
                )
    finally:
        ctx.db.dispose()
    shown = rule_json(rule)
    if args.json:
        print_json(shown)
    elif rule.charge is LateCharge.RATE:
        print(tr("cli", "Late returns: each late day at the day rate."))
    elif rule.charge is LateCharge.FEE:
        text = tr("cli", "Late returns: {fee} per piece and per late day (excl. VAT).")
        print(text.format(fee=shown["fee"]))
    else:
        print(tr("cli", "Late returns: not charged."))
    return 0
