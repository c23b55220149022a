"""The importers' registry: every kind of data a cooperative brings in from its
spreadsheets, with its English label, its columns and its importer — the one list the
import assistant (``app/gui/shell/import_wizard.py``) and the faces read.

Each importer follows one contract (``app.core.tabular``)::

    import_X(uow, table, mapping=None, *, progress=None) -> ImportResult

``table`` is what ``tabular.read_table`` read (CSV in UTF-8 or Windows-1252, comma,
semicolon or tab, or an ``.xlsx`` sheet); ``mapping`` is ``{column key: file header}``
(None: guessed from the headers by ``tabular.guess_mapping``). All or nothing: any bad
line raises ``ValidationErrors`` naming every bad line, nothing written. A preview is the
same importer in a write transaction that is rolled back.

The importers live in their domain modules and are resolved when first asked for (by
module and attribute names), so reading the list imports none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.access import Permission
from app.core.db import UnitOfWork
from app.core.errors import N_, NotFound


@dataclass(frozen=True)
class ImportKind:
    """One kind of data that can be imported (and exported)."""

    key: str  # "customers", "catalogue", "rates", "balances"
    label: str  # English (N_): translate it in the faces
    #: What the import does, one English sentence (N_), for the assistant's first page.
    description: str
    permission: Permission
    module: str
    columns_name: str
    importer_name: str
    #: ``export_X(uow, filename) -> (bytes, count)`` in the same module ("": none).
    exporter_name: str = ""

    @property
    def columns(self) -> tuple[Any, ...]:
        """The kind's ``tabular.Column``s, in the order a file usually has them."""
        return tuple(getattr(importlib.import_module(self.module), self.columns_name))

    def columns_in(self, uow: UnitOfWork) -> tuple[Any, ...]:
        """The columns in this database: the rates add one per price category
        (``category:CODE``); the other kinds' are ``columns``."""
        module = importlib.import_module(self.module)
        dynamic = getattr(module, "columns_for", None)
        return tuple(dynamic(uow)) if dynamic is not None else self.columns

    @property
    def importer(self) -> Callable[..., Any]:
        """``import_X(uow, table, mapping=None, *, progress=None) -> ImportResult``."""
        found: Callable[..., Any] = getattr(
            importlib.import_module(self.module), self.importer_name
        )
        return found

    @property
    def exporter(self) -> Callable[..., Any] | None:
        if not self.exporter_name:
            return None
        found: Callable[..., Any] = getattr(
            importlib.import_module(self.module), self.exporter_name
        )
        return found


KINDS: tuple[ImportKind, ...] = (
    ImportKind(
        "customers",
        N_("Customers and memberships"),
        N_("Customers with their numbers, addresses, identifiers and memberships."),
        Permission.CUSTOMERS,
        "booking.customers_io",
        "COLUMNS",
        "import_customers",
        "export_customers",
    ),
    ImportKind(
        "catalogue",
        N_("Catalogue"),
        N_("Item types and their serialized units."),
        Permission.CATALOGUE,
        "inventory.csvio",
        "TABLE_COLUMNS",
        "import_catalogue_table",
        "export_catalogue_file",
    ),
    ImportKind(
        "rates",
        N_("Day rates"),
        N_("Day rates per item type: member, non-member, price categories, VAT rate."),
        Permission.RATES,
        "invoicing.rates_io",
        "COLUMNS",
        "import_rates",
        "export_rates",
    ),
    ImportKind(
        "balances",
        N_("Opening balances"),
        N_("Invoices left unpaid in the previous tool, as opening entries of each customer."),
        Permission.INVOICING,
        "invoicing.opening",
        "COLUMNS",
        "import_balances",
        "export_balances",
    ),
)


def import_kinds() -> tuple[ImportKind, ...]:
    """Every kind, in the order the assistant offers them (customers first: the other
    kinds may name them)."""
    return KINDS


def import_kind(key: str) -> ImportKind:
    for kind in KINDS:
        if kind.key == key:
            return kind
    raise NotFound("Nothing named {kind} can be imported.", kind=key)
