"""What a background write changed, announced by ``Operations.changed`` so each screen
refreshes only what it shows. A ``StrEnum``: a handler compares with the members
(``what in (Change.BOOKINGS, Change.CUSTOMERS)``); an unknown kind is refused where the
write is submitted, not silently ignored by every screen."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Change(StrEnum):
    CATALOGUE = "catalogue"  # item types, units, categories
    KITS = "kits"
    CASES = "cases"
    SETTINGS = "settings"  # the cooperative's settings, the acting user
    BOOKINGS = "bookings"  # bookings, their lines, desk movements
    CUSTOMERS = "customers"
    INVOICES = "invoices"  # invoices, credit notes, payments, deposits, statements
    PRICING = "pricing"  # rates, coefficient tables, price categories


#: What a write to each table changes on screen (``live`` announces the commits of other
#: windows and workstations by the tables they wrote). A table missing here (a new one) is
#: announced as every kind: a screen may refresh for nothing, never miss a change.
TABLE_KINDS: dict[str, tuple[Change, ...]] = {
    # the catalogue and its upkeep
    "item_type": (Change.CATALOGUE,),
    "item_photo": (Change.CATALOGUE,),
    "unit": (Change.CATALOGUE,),
    "unit_event": (Change.CATALOGUE,),
    "owner": (Change.CATALOGUE,),
    "barcode_sequence": (Change.CATALOGUE,),
    "inspection_schedule": (Change.CATALOGUE,),
    "inspection_due": (Change.CATALOGUE,),
    "inspection": (Change.CATALOGUE,),
    "repair": (Change.CATALOGUE,),
    "kit": (Change.KITS,),
    "kit_line": (Change.KITS,),
    "case": (Change.CASES,),
    # bookings and the desk
    "booking": (Change.BOOKINGS,),
    "booking_line": (Change.BOOKINGS,),
    "movement": (Change.BOOKINGS,),
    "reference_sequence": (Change.BOOKINGS,),
    "booking_pricing": (Change.BOOKINGS,),
    "line_discount": (Change.BOOKINGS,),
    # customers
    "customer": (Change.CUSTOMERS,),
    "contact": (Change.CUSTOMERS,),
    "membership": (Change.CUSTOMERS,),
    "customer_price_category": (Change.CUSTOMERS, Change.PRICING),
    # invoicing
    "issued_document": (Change.INVOICES,),
    "issued_line": (Change.INVOICES,),
    "document_file": (Change.INVOICES,),
    "document_sequence": (Change.INVOICES,),
    "payment": (Change.INVOICES,),
    "opening_balance": (Change.INVOICES, Change.CUSTOMERS),  # the home screen's overdue panel
    "opening_payment": (Change.INVOICES,),
    "record_seal": (Change.INVOICES,),
    "deposit": (Change.INVOICES, Change.BOOKINGS),
    "damage_charge": (Change.INVOICES, Change.BOOKINGS),
    # rates
    "item_rate": (Change.PRICING,),
    "price_category": (Change.PRICING,),
    "category_rate": (Change.PRICING,),
    "coefficient_table": (Change.PRICING,),
    "coefficient_step": (Change.PRICING,),
    "family_coefficient": (Change.PRICING,),
    # the cooperative, its people
    "setting": (Change.SETTINGS,),
    "account": (Change.SETTINGS,),
    # the trail itself: its rows describe the writes above
    "audit_event": (),
}


def kinds_of(tables: Iterable[str]) -> list[Change]:
    """The kinds of change a commit writing ``tables`` makes, each once, in ``Change``
    order; an unknown table (or ``*``, a change nobody could name) means every kind."""
    kinds: set[Change] = set()
    for table in tables:
        kinds.update(TABLE_KINDS.get(table, tuple(Change)))
    return [kind for kind in Change if kind in kinds]
