"""What a background write changed, announced by ``Operations.changed`` so each screen
refreshes only what it shows. A ``StrEnum``: a handler compares with the members
(``what in (Change.BOOKINGS, Change.CUSTOMERS)``); an unknown kind is refused where the
write is submitted, not silently ignored by every screen."""

from __future__ import annotations

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
