"""The pieces of the booking pricing dialog (``booking_pricing``): what it shows as text
(``PricingState``, read through ``invoicing.booking_pricing``) and its small tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.core.db import UnitOfWork
from app.gui.shell.widgets import edit_amount
from invoicing.booking_pricing import DepositRow, pricing_facts
from invoicing.models import DepositStatus

tr = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
USUAL, TABLE, FIXED = "usual", "table", "fixed"


@dataclass
class PricingState:
    """What the dialog shows, as its fields show it."""

    reference: str
    discount: str = "0"
    mode: str = USUAL
    table: str = ""
    coefficient: str = ""
    minimum: str = ""  # the booking's own, as typed; empty: the cooperative's
    cooperative_minimum: int = 0
    tables: list[str] = field(default_factory=list)
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # code, name, discount
    required: Decimal = Decimal(0)
    held: Decimal = Decimal(0)
    deposits: list[DepositRow] = field(default_factory=list)
    invoices: list[tuple[str, Decimal]] = field(default_factory=list)  # number, balance


def percent_text(value: Decimal) -> str:
    """A percentage or coefficient as typed in the user's locale ("12,5", "2")."""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return text.replace(".", QLocale().decimalPoint())


def read_state(uow: UnitOfWork, reference: str, today: dt.date) -> PricingState:
    facts = pricing_facts(uow, reference, today)
    state = PricingState(reference=facts.reference, discount=percent_text(facts.discount))
    if facts.fixed_coefficient is not None:
        state.mode, state.coefficient = FIXED, percent_text(facts.fixed_coefficient)
    elif facts.table is not None:
        state.mode, state.table = TABLE, facts.table
    state.minimum = edit_amount(facts.minimum_cents)
    state.cooperative_minimum = facts.cooperative_minimum_cents
    state.tables = facts.tables
    state.lines = [(code, name, percent_text(pct)) for code, name, pct in facts.lines]
    state.required, state.held = facts.required, facts.held
    state.deposits, state.invoices = facts.deposits, facts.invoices
    return state


def status_label(value: str) -> str:
    labels = {
        DepositStatus.HELD.value: tr("BookingPricing", "Held"),
        DepositStatus.RETURNED.value: tr("BookingPricing", "Returned"),
        DepositStatus.RETAINED.value: tr("BookingPricing", "Kept"),
    }
    return labels.get(value, value)


def make_table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def cell(text: str, editable: bool = False, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(RIGHT)
    return item


__all__ = [
    "FIXED",
    "TABLE",
    "USUAL",
    "DepositRow",
    "PricingState",
    "cell",
    "make_table",
    "read_state",
    "status_label",
]
