"""``regie items list|edit|import|export`` and ``regie units status``."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import _usage_guard
from app.cli.output import (
    add_page_options,
    more_rows,
    page_of,
    print_json,
    print_json_rows,
    printing,
    say_more,
    streamed,
)
from app.core.db import require_id
from app.i18n import tr
from booking.tracking import holders
from inventory import catalogue, fields
from inventory.models import Category, Tracking, UnitStatus
from inventory.queries import (
    TypeRow,
    UnitRow,
    count_types,
    search_types,
    type_rows,
    units_by_type,
)


def register(commands: Any) -> None:
    items = commands.add_parser("items", help="the catalogue of item types")
    sub = items.add_subparsers(dest="items_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list item types and their units")
    listing.add_argument("--search", default="", help="text to look for")
    add_page_options(listing)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_usage_guard(list_items))
    _register_edit(sub)
    _register_csv(sub)

    units = commands.add_parser("units", help="serialized units")
    usub = units.add_subparsers(dest="units_command", metavar="ACTION", required=True)
    status = usub.add_parser("status", help="change a unit's status")
    status.add_argument("barcode")
    status.add_argument("status", choices=[s.value for s in UnitStatus])
    status.add_argument("--note", default="")
    status.set_defaults(handler=unit_status)


#: ``items edit`` options: (option, field of ``parse_item_type``).
EDITABLE = (
    ("--code", "code"),
    ("--name", "name"),
    ("--manufacturer", "manufacturer"),
    ("--model", "model"),
    ("--replacement-value", "replacement_value"),
    ("--deposit", "deposit"),
    ("--weight", "weight_grams"),
    ("--quantity", "stock_quantity"),
    ("--barcode", "barcode"),
    ("--sale-price", "sale_price"),
    ("--prep-hours", "prep_hours"),
    ("--deprep-hours", "deprep_hours"),
    ("--notes", "notes"),
)


def _register_edit(sub: Any) -> None:
    edit = sub.add_parser("edit", help=tr("cli", "change an item type (only the options given)"))
    edit.add_argument("code", help=tr("cli", "the item type's code"))
    for option, key in EDITABLE:
        edit.add_argument(option, dest=key, default=None)
    edit.add_argument("--category", choices=[c.value for c in Category], default=None)
    edit.add_argument(
        "--tracking",
        choices=[t.value for t in Tracking],
        default=None,
        help=tr(
            "cli",
            "bulk or serialized (refused while it is booked or out, while a bulk type "
            "counts stock, while a serialized type has units)",
        ),
    )
    edit.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    edit.set_defaults(handler=edit_item)


def _register_csv(sub: Any) -> None:
    """``items import`` / ``items export`` (see app.cli.items_csv)."""
    from app.cli.items_csv import register_csv

    register_csv(sub)


#: Item types read at once (their rows, then their units) while a listing is printed.
BLOCK = 200


def list_items(args: argparse.Namespace) -> int:
    """One page of item types with their units (text: 100 unless ``--limit``; JSON: all
    unless ``--limit``), read and printed ``BLOCK`` types at a time."""
    page = page_of(args)
    ctx = open_context(args.db)
    today = ctx.clock.today()
    try:
        with streamed(), ctx.db.read() as uow:
            ids = search_types(uow, args.search, limit=page.limit, offset=page.offset)

            def blocks() -> Iterator[dict[str, Any]]:
                for start in range(0, len(ids), BLOCK):
                    block = ids[start : start + BLOCK]
                    rows, units = type_rows(uow, block), units_by_type(uow, block)
                    yield from (_item_json(rows[i], units[i], today) for i in block)

            with printing():
                if args.json:
                    print_json_rows(blocks())
                    return 0
                for item in blocks():
                    print(f"{item['code']:<24} {item['quantity']:>5}  {item['name']}")
            more = more_rows(page, len(ids), lambda: count_types(uow, args.search))
    finally:
        ctx.db.dispose()
    say_more(page, len(ids), more)
    return 0


def _overdue(due: dt.date | None, today: dt.date) -> bool:
    return due is not None and due < today


def _item_json(row: TypeRow, units: list[UnitRow], today: dt.date) -> dict[str, Any]:
    return {
        "code": row.code,
        "name": row.name,
        "category": row.category,
        "manufacturer": row.manufacturer,
        "model": row.model,
        "tracking": row.tracking,
        "quantity": row.quantity,
        "serviceable": row.serviceable if row.tracking == "serialized" else row.stock_quantity,
        "barcode": row.barcode,
        "next_inspection_due": row.next_due,
        "inspection_overdue": _overdue(row.next_due, today),
        "units": [
            {
                "barcode": u.barcode,
                "serial": u.serial,
                "status": u.status,
                "owner": u.owner or None,
                "location": u.location,
                "next_inspection_due": u.next_due,
                "inspection_overdue": _overdue(u.next_due, today),
            }
            for u in units
        ],
    }


def edit_item(args: argparse.Namespace) -> int:
    """Change the fields given; the others stay. A type becoming serialized drops its stock
    and barcode fields (refused while it still counts stock); one becoming bulk starts at 0
    with a generated barcode unless they are given."""
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            item = catalogue.item_by_code(uow, args.code)
            raw = catalogue.item_type_text(item)
            released = item.barcode or ""
            if args.tracking is not None and args.tracking != item.tracking:
                raw["stock_quantity"] = raw["barcode"] = ""
            for key in [key for _, key in EDITABLE] + ["category", "tracking"]:
                if getattr(args, key) is not None:
                    raw[key] = getattr(args, key)
            data = catalogue.parse_item_type(raw)
            saved = catalogue.update_item_type(
                uow, user=ctx.user, item_id=require_id(item), data=data, holders=holders
            )
            ids = [require_id(saved)]
            shown = _item_json(
                type_rows(uow, ids)[ids[0]], units_by_type(uow, ids)[ids[0]], ctx.clock.today()
            )
            released = released if released and not saved.barcode else ""
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(shown)
        return 0
    print(tr("cli", "{code} saved: {name}.").format(code=shown["code"], name=shown["name"]))
    if released:
        print(tr("cli", "The barcode {barcode} no longer names it.").format(barcode=released))
    return 0


def unit_status(args: argparse.Namespace) -> int:
    note = fields.text("note", args.note, limit=fields.MAX_NOTES)
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            unit = catalogue.set_status(
                uow,
                user=ctx.user,
                barcode=args.barcode,
                status=UnitStatus(args.status),
                note=note,
                clock=ctx.clock,
            )
            code, status = unit.barcode, unit.status
    finally:
        ctx.db.dispose()
    print(f"{code}: {status}")
    return 0
