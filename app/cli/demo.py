"""``regie demo [--size small|large] [--seed N] [--json]``: fill an empty database with the
demo cooperative — its catalogue, then its customers and bookings, then its rates and a
history of invoices, credit notes, payments and deposits (refused, nothing written, when
the catalogue already has item types)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from app import i18n
from app.bootstrap import acting_user, open_context
from app.cli.output import print_json
from app.core.paths import resolve_db
from app.demo.inventory import DEMO_NAME
from app.first_start import build_demo_file, build_into, render_pool
from app.i18n import tr


def register(commands: Any) -> None:
    demo = commands.add_parser(
        "demo", help=tr("cli", "fill an empty database with a demo cooperative")
    )
    demo.add_argument(
        "--size",
        choices=("small", "large"),
        default="small",
        help=tr(
            "cli",
            "small: the demo and a year of bookings; large: 2,000 types, 20,000 units, "
            "3,000 customers and ten years of bookings",
        ),
    )
    demo.add_argument(
        "--seed", type=int, default=1, help=tr("cli", "the same seed gives the same data")
    )
    demo.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    """Into a file that does not exist yet: built in a private file beside it and renamed
    when complete. Into an existing (empty) database or a server's: in place. Either way the invoices'
    PDFs are rendered by a pool of processes."""
    path = resolve_db(args.db)
    built = None
    if not isinstance(path, str) and not path.exists():
        built = build_demo_file(path, size=args.size, seed=args.seed, user=acting_user())
    if built is None:  # an existing database (or one another process just built)
        # the render processes first: a forked child never holds the open database
        with render_pool() as pool:
            ctx = open_context(args.db, demo_if_new=False)
            try:
                built = build_into(
                    ctx.db,
                    size=args.size,
                    seed=args.seed,
                    clock=ctx.clock,
                    user=ctx.user,
                    pool=pool,
                )
            finally:
                ctx.db.dispose()
    summary, bookings, invoicing = built.catalogue, built.bookings, built.invoicing
    if args.json:
        print_json(
            {
                "name": DEMO_NAME,
                "size": args.size,
                "seed": args.seed,
                **dataclasses.asdict(summary),
                **dataclasses.asdict(bookings),
                "invoicing": dataclasses.asdict(invoicing),
            }
        )
        return 0
    i18n.install()
    text = tr(
        "cli",
        "Demo cooperative {name}: {types} item types ({bulk} in bulk, {consumables} consumables), {units} units, {cases} cases, {kits} kits, {owners} member owners.",
    )
    print(
        text.format(
            name=DEMO_NAME,
            types=summary.types,
            bulk=summary.bulk_types,
            consumables=summary.consumables,
            units=summary.units,
            cases=summary.cases,
            kits=summary.kits,
            owners=summary.owners,
        )
    )
    more = tr(
        "cli",
        "{customers} customers ({members} members today), {bookings} bookings, {lines} booking lines.",
    )
    print(
        more.format(
            customers=bookings.customers,
            members=bookings.members,
            bookings=bookings.bookings,
            lines=bookings.lines,
        )
    )
    billed = tr(
        "cli",
        "Day rates for {rates} item types; {invoices} invoices ({paid} paid, {overdue} overdue), {credit_notes} credit notes, {payments} payments, {deposits} deposits.",
    )
    print(
        billed.format(
            rates=invoicing.rates,
            invoices=invoicing.invoices,
            paid=invoicing.statuses.get("paid", 0),
            overdue=invoicing.statuses.get("overdue", 0),
            credit_notes=invoicing.credit_notes,
            payments=invoicing.payments,
            deposits=invoicing.deposits,
        )
    )
    return 0
