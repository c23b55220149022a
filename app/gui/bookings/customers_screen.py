"""The customers screen: search as you type, the customers table, and the selected
customer's details, memberships, contacts and bookings. Customers are created and edited
in a dialog checked by ``customers.parse_customer`` (SIRET, VAT, e-mail, name); a bad field
is highlighted with the reason and nothing is written."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError, NotFound
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.bookings.booking_models import (
    ID_ROLE,
    BookingTableModel,
    CustomerTableModel,
    customer_category_label,
)
from app.gui.catalogue.editors import Action, FormDialog
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback, make_table, set_row
from app.gui.shell.widgets import (
    INVALID_STYLE,
    FormFields,
    format_date,
    screen_action,
    screen_shortcuts_first,
)
from booking import customers, queries
from booking.models import Contact, Customer, CustomerCategory, CustomerKind, Membership

tr = QCoreApplication.translate


# --- reads -----------------------------------------------------------------------------------


def customer_raw(uow: UnitOfWork, customer_id: int) -> dict[str, str]:
    customer = uow.session.get(Customer, customer_id)
    if customer is None:
        raise NotFound("This customer no longer exists.")
    keys = (
        "number",
        "kind",
        "category",
        "name",
        "email",
        "phone",
        "address",
        "postcode",
        "city",
        "country",
        "siren",
        "siret",
        "vat_number",
        "notes",
    )
    return {key: str(getattr(customer, key) or "") for key in keys}


@dataclass
class CustomerDetail:
    customer: dict[str, str]
    memberships: list[Membership] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    bookings: list[int] = field(default_factory=list)


def read_detail(uow: UnitOfWork, customer_id: int) -> CustomerDetail | None:
    if uow.session.get(Customer, customer_id) is None:
        return None
    return CustomerDetail(
        customer_raw(uow, customer_id),
        customers.memberships_of(uow, customer_id),
        customers.contacts_of(uow, customer_id),
        queries.search_bookings(uow, customer_id=customer_id),
    )


def kind_label(value: str) -> str:
    if value == CustomerKind.PERSON:
        return tr("CustomerDialog", "Person")
    return tr("CustomerDialog", "Organisation")


# --- the editor ------------------------------------------------------------------------------


class CustomerDialog(FormDialog):
    """New or existing customer."""

    changes = "customers"

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        customer_id: int | None = None,
        raw: dict[str, str] | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.customer_id = customer_id
        raw = raw or {}
        self.setMinimumWidth(520)
        self.setWindowTitle(
            tr("CustomerDialog", "Edit customer")
            if customer_id is not None
            else tr("CustomerDialog", "New customer")
        )
        self.name = self.line(tr("CustomerDialog", "&Name:"), "name", raw.get("name", ""))
        self.kind = QComboBox()
        for kind in CustomerKind:
            self.kind.addItem(kind_label(kind.value), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(raw.get("kind", "organisation"))))
        self.fields.add(tr("CustomerDialog", "&Kind:"), "kind", self.kind)
        self.category = QComboBox()
        for category in CustomerCategory:
            self.category.addItem(customer_category_label(category.value), category.value)
        self.category.setCurrentIndex(
            max(0, self.category.findData(raw.get("category", "association")))
        )
        self.fields.add(tr("CustomerDialog", "C&ategory:"), "category", self.category)
        self.number = self.line(
            tr("CustomerDialog", "Customer n&umber:"), "customer number", raw.get("number", "")
        )
        self.number.setPlaceholderText(tr("CustomerDialog", "Given when left empty"))
        self.email = self.line(tr("CustomerDialog", "&E-mail:"), "email", raw.get("email", ""))
        self.phone = self.line(tr("CustomerDialog", "&Phone:"), "phone", raw.get("phone", ""))
        self.address = QPlainTextEdit(raw.get("address", ""))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(54)
        self.fields.add(tr("CustomerDialog", "A&ddress:"), "address", self.address)
        self.postcode = self.line(
            tr("CustomerDialog", "P&ostcode:"), "postcode", raw.get("postcode", "")
        )
        self.city = self.line(tr("CustomerDialog", "&City:"), "city", raw.get("city", ""))
        self.country = self.line(
            tr("CustomerDialog", "Coun&try:"), "country", raw.get("country", "") or "FR"
        )
        self.siret = self.line(tr("CustomerDialog", "&SIRET:"), "SIRET", raw.get("siret", ""))
        self.siret.setPlaceholderText(tr("CustomerDialog", "14 digits; the SIREN follows from it"))
        self.siren = self.line(tr("CustomerDialog", "SI&REN:"), "SIREN", raw.get("siren", ""))
        self.vat = self.line(
            tr("CustomerDialog", "&VAT number:"), "VAT number", raw.get("vat_number", "")
        )
        self.vat.setPlaceholderText(tr("CustomerDialog", "Intra-EU, e.g. FR40303265045"))
        self.notes = QPlainTextEdit(raw.get("notes", ""))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.fields.add(tr("CustomerDialog", "Notes:"), "notes", self.notes)
        self.finish()

    def raw(self) -> dict[str, str]:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "category": self.category.currentData(),
            "number": self.number.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "address": self.address.toPlainText(),
            "postcode": self.postcode.text(),
            "city": self.city.text(),
            "country": self.country.text(),
            "siret": self.siret.text(),
            "siren": self.siren.text(),
            "vat_number": self.vat.text(),
            "notes": self.notes.toPlainText(),
        }

    def action(self) -> Action:
        data = customers.parse_customer(self.raw())
        user, customer_id = self.ops.user, self.customer_id
        return lambda uow: (
            customers.save_customer(uow, user=user, data=data, customer_id=customer_id).id
        )


# --- the screen ------------------------------------------------------------------------------


class CustomersScreen(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialog: QDialog | None = None
        self._generation = 0
        self._customer_id: int | None = None
        self._want: int | None = None
        self.detail: CustomerDetail | None = None
        self.model = CustomerTableModel(ops, self)
        self.bookings = BookingTableModel(ops, self)
        self.setStyleSheet(INVALID_STYLE)
        self._build()
        ops.changed.connect(self._on_changed)
        self.search()

    # --- construction ------------------------------------------------------------------

    def _table_view(self, model: Any, label: str) -> QTableView:
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
        view.verticalHeader().setDefaultSectionSize(24)
        view.horizontalHeader().setHighlightSections(False)
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        return view

    def _build(self) -> None:
        self.search_box = QLineEdit()
        screen_shortcuts_first(self.search_box)  # Ctrl+E edits, even from the search
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            tr(
                "CustomersScreen",
                "Search name, number, city, e-mail, SIRET, member number… (Ctrl+F)",
            )
        )
        self.search_box.textChanged.connect(self.search)
        self.view = self._table_view(self.model, tr("CustomersScreen", "Customers"))
        for column, width in enumerate((60, 260, 110, 150, 110)):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda _: self.edit_customer())
        self.count_label = QLabel()
        self.feedback = Feedback(self)

        a = self._action
        self.find_action = a(tr("CustomersScreen", "&Find"), "Ctrl+F", self.focus_search)
        self.new_action = a(tr("CustomersScreen", "&New customer…"), "Ctrl+N", self.new_customer)
        self.edit_action = a(tr("CustomersScreen", "&Edit customer…"), "Ctrl+E", self.edit_customer)
        self.book_action = a(
            tr("CustomersScreen", "New &booking for this customer…"), "Ctrl+B", self.new_booking
        )
        self.menu = QMenu(tr("CustomersScreen", "C&ustomers"), self)
        for action in (self.find_action, None, self.new_action, self.edit_action, self.book_action):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.edit_action, None, self.book_action):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._memberships_tab(), tr("CustomersScreen", "&Memberships"))
        self.tabs.addTab(self._contacts_tab(), tr("CustomersScreen", "C&ontacts"))
        self.tabs.addTab(self._bookings_tab(), tr("CustomersScreen", "Boo&kings"))
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(12, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.facts)
        column.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setSizes([760, 500])
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setCollapsible(0, False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.addWidget(self.toolbar)
        outer.addWidget(self.search_box)
        outer.addWidget(splitter, 1)
        outer.addWidget(self.feedback)
        outer.addWidget(self.count_label)
        self.setTabOrder(self.search_box, self.view)
        self._show_detail(None)

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
        self.memberships.setColumnWidth(0, 150)
        self.memberships.setColumnWidth(1, 120)
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
        self.member_to.setPlaceholderText(tr("CustomersScreen", "dd/mm/yyyy, empty: open-ended"))
        self.membership_fields.add(tr("CustomersScreen", "Valid &to:"), "valid to", self.member_to)
        layout.addLayout(form)
        self.add_membership_button = QPushButton(tr("CustomersScreen", "&Add membership"))
        self.add_membership_button.clicked.connect(self.add_membership)
        for edit in (self.member_number, self.member_from, self.member_to):
            edit.returnPressed.connect(self.add_membership)
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
        for column, width in enumerate((150, 110, 170)):
            self.contacts.setColumnWidth(column, width)
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
        self.add_contact_button = QPushButton(tr("CustomersScreen", "Add &contact"))
        self.add_contact_button.clicked.connect(self.add_contact)
        for edit in (self.contact_name, self.contact_role, self.contact_email, self.contact_phone):
            edit.returnPressed.connect(self.add_contact)
        layout.addWidget(self.add_contact_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _bookings_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.bookings_view = self._table_view(self.bookings, tr("CustomersScreen", "Bookings"))
        self.bookings_view.setColumnHidden(2, True)  # the customer: this one
        for column, width in ((0, 110), (1, 90), (4, 120), (5, 120)):
            self.bookings_view.setColumnWidth(column, width)
        self.bookings_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        self.bookings_view.doubleClicked.connect(lambda _: self.open_booking())
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), self.bookings_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_booking)
        layout.addWidget(self.bookings_view)
        hint = QLabel(tr("CustomersScreen", "Enter or double-click opens the booking."))
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        return page

    def _action(self, text: str, shortcut: str, slot: Any) -> QAction:
        return screen_action(self, text, shortcut, slot)

    # --- search -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self) -> None:
        self._generation += 1
        generation, text = self._generation, self.search_box.text()
        self.ops.read(
            lambda uow: customers.search_customers(uow, text),
            lambda ids: self._show(generation, ids),
        )

    def _show(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        wanted = self._want if self._want is not None else self._customer_id
        self._want = None
        self.model.set_ids(ids)
        self.count_label.setText(tr("CustomersScreen", "%Ln customer(s)", None, len(ids)))
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is None and ids:
            row = 0
        if row is None:
            self._current_changed(QModelIndex())
        else:
            previous = self._customer_id
            self.view.selectRow(row)
            if self.model.id_at(row) == previous:
                self._load_detail()

    def select_customer(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        if row is not None:
            self.view.selectRow(row)

    def selected_id(self) -> int | None:
        return self._customer_id

    def _current_changed(self, current: QModelIndex) -> None:
        self._customer_id = current.data(ID_ROLE) if current.isValid() else None
        self._load_detail()

    def _on_changed(self, what: str) -> None:
        if what == "customers":
            self.search()
        elif what == "bookings":
            self._load_detail()

    # --- detail -------------------------------------------------------------------------

    def _load_detail(self) -> None:
        customer_id = self._customer_id
        has = customer_id is not None
        for action in (self.edit_action, self.book_action):
            action.setEnabled(has)
        if customer_id is None:
            self._show_detail(None)
            return
        self.ops.read(
            lambda uow: read_detail(uow, customer_id),
            lambda detail: self._show_detail(detail) if customer_id == self._customer_id else None,
        )

    def _show_detail(self, detail: CustomerDetail | None) -> None:
        self.detail = detail
        self.tabs.setEnabled(detail is not None)
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
        address = "<br>".join(esc(x) for x in [*c["address"].splitlines(), place] if x)
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
            (tr("CustomersScreen", "VAT number"), esc(c["vat_number"])),
            (tr("CustomersScreen", "Notes"), esc(c["notes"])),
        ]
        rows = "".join(
            f"<tr><td style='color:gray; padding-right:8px'>{k}</td><td>{v}</td></tr>"
            for k, v in facts
            if v
        )
        return f"<table cellspacing='1'>{rows}</table>"

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))

    def new_customer(self) -> None:
        dialog = CustomerDialog(self.ops, self)
        dialog.accepted.connect(lambda: self._created(dialog.result_value))
        self._open(dialog)

    def _created(self, customer_id: Any) -> None:
        if isinstance(customer_id, int):
            self._want = customer_id
            self.search_box.clear()
            self.search()

    def edit_customer(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self.ops.read(
            lambda uow: customer_raw(uow, customer_id),
            lambda raw: self._open(CustomerDialog(self.ops, self, customer_id, raw)),
            self._failed,
        )

    def new_booking(self) -> None:
        if self.detail is not None:
            self._open(BookingEditor(self.ops, self, customer=self.detail.customer["number"]))

    def open_booking(self) -> None:
        index = self.bookings_view.currentIndex()
        booking_id = index.data(ID_ROLE) if index.isValid() else None
        if booking_id is not None:
            self._open(BookingEditor(self.ops, self, booking_id))

    def add_membership(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self.membership_fields.clear()
        number, start = self.member_number.text(), self.member_from.text()
        end = self.member_to.text() or None
        user = self.ops.user

        def done(_: object) -> None:
            for edit in (self.member_number, self.member_from, self.member_to):
                edit.clear()
            self.search()

        self.ops.write(
            lambda uow: (
                customers.add_membership(
                    uow,
                    user=user,
                    customer_id=customer_id,
                    member_number=number,
                    valid_from=start,
                    valid_to=end,
                ).id
            ),
            done,
            self.membership_fields.show,
            changes="customers",
        )

    def add_contact(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self.contact_fields.clear()
        name, role = self.contact_name.text(), self.contact_role.text()
        email, phone = self.contact_email.text(), self.contact_phone.text()
        user = self.ops.user

        def done(_: object) -> None:
            for edit in (
                self.contact_name,
                self.contact_role,
                self.contact_email,
                self.contact_phone,
            ):
                edit.clear()
            self._load_detail()

        self.ops.write(
            lambda uow: (
                customers.add_contact(
                    uow,
                    user=user,
                    customer_id=customer_id,
                    name=name,
                    role=role,
                    email=email,
                    phone=phone,
                ).id
            ),
            done,
            self.contact_fields.show,
            changes="customers",
        )

    def membership_rows(self) -> list[list[str]]:
        return _table_texts(self.memberships)

    def contact_rows(self) -> list[list[str]]:
        return _table_texts(self.contacts)


def _table_texts(table: QTableWidget) -> list[list[str]]:
    rows = []
    for row in range(table.rowCount()):
        cells = [table.item(row, c) for c in range(table.columnCount())]
        rows.append([cell.text() if cell is not None else "" for cell in cells])
    return rows
