"""``regie items list|import|export`` and ``regie units status``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from app.bootstrap import open_context
from app.cli.output import print_json
from inventory import catalogue, fields
from inventory.models import UnitStatus
from inventory.queries import TypeRow, UnitRow, search_types, type_rows, units_by_type


def register(commands: Any) -> None:
    items = commands.add_parser("items", help="the catalogue of item types")
    sub = items.add_subparsers(dest="items_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list item types and their units")
    listing.add_argument("--search", default="", help="text to look for")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_items)
    _register_csv(sub)

    units = commands.add_parser("units", help="serialized units")
    usub = units.add_subparsers(dest="units_command", metavar="ACTION", required=True)
    status = usub.add_parser("status", help="change a unit's status")
    status.add_argument("barcode")
    status.add_argument("status", choices=[s.value for s in UnitStatus])
    status.add_argument("--note", default="")
    status.set_defaults(handler=unit_status)


def _register_csv(sub: Any) -> None:
    """``items import`` / ``items export`` (see app.cli.items_csv)."""
    from app.cli.items_csv import register_csv

    register_csv(sub)


def list_items(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    with ctx.db.read() as uow:
        ids = search_types(uow, args.search)
        rows = type_rows(uow, ids)
        units = units_by_type(uow, ids)
    today = ctx.clock.today()
    items = [_item_json(rows[i], units[i], today) for i in ids]
    if args.json:
        print_json(items)
    else:
        for item in items:
            print(f"{item['code']:<24} {item['quantity']:>5}  {item['name']}")
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


def unit_status(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    note = fields.text("note", args.note, limit=fields.MAX_NOTES)
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
    print(f"{code}: {status}")
    return 0
