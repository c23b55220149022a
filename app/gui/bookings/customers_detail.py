"""The customers screen's right side: the selected customer's name (the title), its facts,
and tabs of its memberships (with a form to add one), contacts (idem) and bookings."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.bookings.booking_models import BookingTableModel, customer_category_label
from app.gui.bookings.customers_dialog import kind_label
from app.gui.shell import icons, style
from app.gui.shell.chips import ChipDelegate
from app.gui.shell.empty import EmptyState
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import make_table, set_row
from app.gui.shell.widgets import FormFields, format_date
from booking import countries
from booking.customers import CustomerDetail

tr = QCoreApplication.translate


def table_view(model: Any, label: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    # names that differ at their end ("APE de l'école de …") stay told apart
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setAccessibleName(label)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return view


class CustomerDetailPanel(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.bookings = BookingTableModel(ops, self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        style.set_role(self.title, "title")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.facts.setAccessibleName(tr("CustomersScreen", "Customer details"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._memberships_tab(), tr("CustomersScreen", "&Memberships"))
        self.tabs.addTab(self._contacts_tab(), tr("CustomersScreen", "C&ontacts"))
        self.tabs.addTab(self._bookings_tab(), tr("CustomersScreen", "Boo&kings"))
        column = QVBoxLayout(self)
        column.setContentsMargins(style.SPACE.m, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.facts)
        column.addWidget(self.tabs, 1)
        self.column = column

    def add_footer(self, actions: list[QAction]) -> None:
        """Actions on the customer as a whole (its personal data), under the tabs: tool
        buttons side by side, never hidden in an overflow menu of a narrow panel."""
        row = QHBoxLayout()
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            row.addWidget(button)
        row.addStretch(1)
        self.column.addLayout(row)

    def _memberships_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.memberships = make_table(
            [
                tr("CustomersScreen", "Member number"),
                tr("CustomersScreen", "Valid from"),
                tr("CustomersScreen", "Valid to"),
            ]
        )
        self.memberships.horizontalHeader().setStretchLastSection(True)
        self.memberships.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        _fit_columns(self.memberships)
        for column in (1, 2):  # the dates as wide as their header; the number takes the rest
            self.memberships.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.memberships.setAccessibleName(tr("CustomersScreen", "Memberships"))
        self.memberships_empty = EmptyState(
            self.memberships,
            lambda: tr("CustomersScreen", "No membership. Add one below to get the member rate."),
        )
        layout.addWidget(self.memberships, 1)
        self.membership_message = QLabel()
        layout.addWidget(self.membership_message)
        form = QFormLayout()
        self.membership_fields = FormFields(form, self.membership_message)
        self.member_number = QLineEdit()
        self.membership_fields.add(
            tr("CustomersScreen", "Member n&umber:"), "member number", self.member_number
        )
        self.member_from = QLineEdit()
        self.member_from.setPlaceholderText(tr("CustomersScreen", "dd/mm/yyyy"))
        self.membership_fields.add(
            tr("CustomersScreen", "Valid &from:"), "valid from", self.member_from
        )
        self.member_to = QLineEdit()
        self.member_to.setPlaceholderText(
            tr("CustomersScreen", "dd/mm/yyyy, empty: the membership year's end")
        )
        self.membership_fields.add(tr("CustomersScreen", "Valid &to:"), "valid to", self.member_to)
        layout.addLayout(form)
        self.add_membership_button = QPushButton(
            icons.icon("add"), tr("CustomersScreen", "&Add membership")
        )
        layout.addWidget(self.add_membership_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _contacts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.contacts = make_table(
            [
                tr("CustomersScreen", "Name"),
                tr("CustomersScreen", "Role"),
                tr("CustomersScreen", "E-mail"),
                tr("CustomersScreen", "Phone"),
            ]
        )
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        _fit_columns(self.contacts)
        self.contacts.setAccessibleName(tr("CustomersScreen", "Contacts"))
        self.contacts_empty = EmptyState(
            self.contacts, lambda: tr("CustomersScreen", "No contact yet. Add one below.")
        )
        layout.addWidget(self.contacts, 1)
        self.contact_message = QLabel()
        layout.addWidget(self.contact_message)
        form = QFormLayout()
        self.contact_fields = FormFields(form, self.contact_message)
        self.contact_name = QLineEdit()
        self.contact_fields.add(tr("CustomersScreen", "Fu&ll name:"), "name", self.contact_name)
        self.contact_role = QLineEdit()
        self.contact_role.setPlaceholderText(tr("CustomersScreen", "e.g. stage manager"))
        self.contact_fields.add(tr("CustomersScreen", "&Role:"), "role", self.contact_role)
        self.contact_email = QLineEdit()
        self.contact_fields.add(tr("CustomersScreen", "E-ma&il:"), "email", self.contact_email)
        self.contact_phone = QLineEdit()
        self.contact_fields.add(tr("CustomersScreen", "P&hone:"), "phone", self.contact_phone)
        layout.addLayout(form)
        self.add_contact_button = QPushButton(
            icons.icon("add"), tr("CustomersScreen", "Add &contact")
        )
        layout.addWidget(self.add_contact_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _bookings_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.bookings_view = table_view(self.bookings, tr("CustomersScreen", "Bookings"))
        self.bookings_view.setItemDelegateForColumn(1, ChipDelegate("booking", self.bookings_view))
        self.bookings_empty = EmptyState(
            self.bookings_view,
            lambda: tr("CustomersScreen", "No bookings for this customer yet. Ctrl+B creates one."),
        )
        self.bookings_view.setColumnHidden(2, True)  # the customer: this one
        for column, width in ((0, 110), (1, 90), (4, 120), (5, 120)):
            self.bookings_view.setColumnWidth(column, width)
        self.bookings_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        self.open_booking_keys = []
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), self.bookings_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            self.open_booking_keys.append(shortcut)
        layout.addWidget(self.bookings_view)
        hint = QLabel(tr("CustomersScreen", "Enter or double-click opens the booking."))
        style.set_role(hint, "muted")
        layout.addWidget(hint)
        return page

    def show_detail(self, detail: CustomerDetail | None) -> None:
        self.tabs.setEnabled(detail is not None)
        self.detail = detail
        self.add_membership_button.setEnabled(detail is not None)
        self.add_contact_button.setEnabled(detail is not None)
        if detail is None:
            self.title.setText(tr("CustomersScreen", "No customer selected"))
            self.facts.clear()
            self.memberships.setRowCount(0)
            self.contacts.setRowCount(0)
            self.bookings.set_ids([])
            return
        c = detail.customer
        self.title.setText(c["name"])
        self.facts.setText(self._facts_html(c))
        self.memberships.setRowCount(len(detail.memberships))
        today = self.ops.ctx.clock.today()
        for row, m in enumerate(detail.memberships):
            end = format_date(m.valid_to) if m.valid_to else tr("CustomersScreen", "open-ended")
            set_row(self.memberships, row, [m.member_number, format_date(m.valid_from), end], m.id)
            if m.valid_from <= today and (m.valid_to is None or today <= m.valid_to):
                for column in range(3):
                    cell = self.memberships.item(row, column)
                    if cell is not None:
                        font = cell.font()
                        font.setBold(True)
                        cell.setFont(font)
                        cell.setToolTip(tr("CustomersScreen", "Valid today"))
        self.contacts.setRowCount(len(detail.contacts))
        for row, contact in enumerate(detail.contacts):
            set_row(
                self.contacts,
                row,
                [contact.name, contact.role, contact.email, contact.phone],
                contact.id,
            )
        self.bookings.set_ids(detail.bookings)
        self.tabs.setTabText(
            2, tr("CustomersScreen", "Boo&kings (%1)").replace("%1", str(len(detail.bookings)))
        )

    def _facts_html(self, c: dict[str, str]) -> str:
        esc = html.escape
        place = " ".join(filter(None, [c["postcode"], c["city"]]))
        country = c.get("country", "") or "FR"
        abroad = countries.country_name(country) if country != "FR" else ""
        address = "<br>".join(esc(x) for x in [*c["address"].splitlines(), place, abroad] if x)
        public = ""
        if c.get("public_buyer"):
            public = tr("CustomersScreen", "Public buyer (Chorus Pro)")
            if c.get("service_code"):
                public += " · " + tr("CustomersScreen", "service code %1").replace(
                    "%1", c["service_code"]
                )
        facts = [
            (
                tr("CustomersScreen", "Number"),
                f"{esc(c['number'])} · {esc(customer_category_label(c['category']))}"
                f" · {esc(kind_label(c['kind']))}",
            ),
            (tr("CustomersScreen", "Address"), address),
            (tr("CustomersScreen", "E-mail"), esc(c["email"])),
            (tr("CustomersScreen", "Phone"), esc(c["phone"])),
            (tr("CustomersScreen", "SIRET"), esc(c["siret"])),
            (tr("CustomersScreen", "SIREN"), esc(c["siren"]) if not c["siret"] else ""),
            (tr("CustomersScreen", "VAT number"), esc(c["vat_number"])),
            (tr("CustomersScreen", "Invoicing"), esc(public)),
            (tr("CustomersScreen", "Notes"), esc(c["notes"])),
        ]
        muted = style.palette().muted
        rows = "".join(
            f"<tr><td style='color:{muted}; padding-right:{style.SPACE.s}px'>{k}</td>"
            f"<td>{v}</td></tr>"
            for k, v in facts
            if v
        )
        return f"<table cellspacing='1'>{rows}</table>"

    def membership_rows(self) -> list[list[str]]:
        return _table_texts(self.memberships)

    def contact_rows(self) -> list[list[str]]:
        return _table_texts(self.contacts)


def _fit_columns(table: QTableWidget) -> None:
    """Columns share the width (no horizontal scrolling in a narrow panel); long texts
    elide in the middle."""
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.setWordWrap(False)


def _table_texts(table: QTableWidget) -> list[list[str]]:
    rows = []
    for row in range(table.rowCount()):
        cells = [table.item(row, c) for c in range(table.columnCount())]
        rows.append([cell.text() if cell is not None else "" for cell in cells])
    return rows
