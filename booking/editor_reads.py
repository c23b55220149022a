"""What the booking editor reads while a booking is typed: what the add field names (a
code, a barcode, a kit, a search) and the live check of the request (availability of each
line, shortages, the membership covering the days of use).

Every check goes through the one availability engine (``booking.availability``); saving
goes through ``booking.bookings``, which checks again inside the writing transaction, so
what the editor shows is advice and the service has the last word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from booking import availability, bookings, customers, memberships
from booking.availability import Availability, Shortage
from inventory import queries as inventory_queries
from inventory.barcodes import normalise
from inventory.containers import kit_lines
from inventory.models import ItemType, Kit

#: Between a code and its name in the pickers' entries ("LYRE-WASH — Lyre wash").
SEPARATOR = " — "


@dataclass(frozen=True)
class Entry:
    """An item type to add to the booking, and how many."""

    item_type_id: int
    code: str
    name: str
    quantity: int


def resolve_entry(uow: UnitOfWork, text: str) -> list[Entry]:
    """What the add field names: ``CODE``, ``CODE=QTY``, a unit or bulk barcode, a kit code
    (expanded to its types), or a search matching exactly one type. Codes are compared
    without case; a code scanned by a scanner set up for the other keyboard layout (AZERTY
    or QWERTY) is read back before giving up. Returns each type to add."""
    line = bookings.parse_line(text.split(SEPARATOR)[0])
    code = normalise(line.code)
    found = inventory_queries.entry_named(uow, code)
    if isinstance(found, ItemType):
        return [Entry(found.id or 0, found.code, found.name, line.quantity)]
    if isinstance(found, Kit) and found.id is not None:
        return _kit_entries(uow, found, line.quantity)
    ids = inventory_queries.search_types(uow, code)
    if len(ids) == 1:
        row = inventory_queries.type_rows(uow, ids)[ids[0]]
        return [Entry(row.id, row.code, row.name, line.quantity)]
    if not ids:
        raise ValidationError("item code", "Nothing in the catalogue matches {text}.", text=code)
    raise ValidationError(
        "item code",
        "{count} item types match {text}: choose one from the list.",
        count=len(ids),
        text=code,
    )


def _kit_entries(uow: UnitOfWork, kit: Kit, times: int) -> list[Entry]:
    assert kit.id is not None
    parts = kit_lines(uow, kit.id)
    rows = inventory_queries.type_rows(uow, [part.item_type_id for part in parts])
    result = [
        Entry(row.id, row.code, row.name, part.quantity * times)
        for part in parts
        if (row := rows.get(part.item_type_id)) is not None
    ]
    if not result:
        raise ValidationError("item code", "The kit {code} is empty.", code=kit.code)
    return result


@dataclass(frozen=True)
class Check:
    """The live check of the request: availability per line, shortages, membership."""

    found: dict[int, Availability]
    shortages: list[Shortage]
    membership: str | None  # "S-0042", or "S-0042, S-0043" across a renewal
    first_day: dt.date
    last_day: dt.date


def check_booking(
    uow: UnitOfWork,
    *,
    wanted: dict[int, int],
    start: dt.datetime,
    end: dt.datetime,
    use_start: dt.datetime,
    use_end: dt.datetime,
    now: dt.datetime,
    exclude: int | None,
    customer: str,
) -> Check:
    """Availability of each wanted type over ``[start, end)`` (the booking ``exclude`` left
    out), what is short, and the member number(s) of the membership(s) of ``customer`` (a
    number) making it a member on every day of use (``booking.memberships``: the rule
    pricing uses, so the editor and the invoice agree)."""
    ids = sorted(wanted)
    found = (
        availability.availability_many(
            uow, start, end, now=now, type_ids=ids, exclude_booking=exclude
        )
        if ids
        else {}
    )
    short = availability.check_request(uow, wanted, start, end, now=now, exclude_booking=exclude)
    first, last = memberships.usage_days(use_start, use_end)
    member = None
    customer_id = customers.customer_id_of(uow, customer) if customer else None
    if customer_id is not None:
        cover = memberships.covering_memberships(uow, customer_id, first, last)
        member = memberships.numbers(cover) if cover else None
    return Check(found, short, member, first, last)
