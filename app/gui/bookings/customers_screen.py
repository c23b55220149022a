"""The customers screen: search as you type, the customers table, and the selected
customer's details, memberships, contacts and bookings. Customers are created and edited
in a dialog checked by ``customers.parse_customer`` (SIRET, VAT, e-mail, name); a bad field
is highlighted with the reason and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.bookings.booking_models import ID_ROLE, CustomerTableModel
from app.gui.bookings.customers_detail import CustomerDetailPanel, table_view
from app.gui.bookings.customers_dialog import CustomerDialog, kind_label
from app.gui.bookings.customers_personal import PersonalDataActions
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.column_fit import ColumnFitter
from app.gui.shell.empty import EmptyState
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.searching import Debounce
from app.gui.shell.widgets import FormFields, screen_action, screen_shortcuts_first
from booking import customers, memberships
from booking.customers import CustomerDetail
from inventory import fields

tr = QCoreApplication.translate
__all__ = ["CustomerDialog", "CustomersScreen", "kind_label"]


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
        self._build()
        ops.changed.connect(self._on_changed)
        self.search()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = QLineEdit()
        screen_shortcuts_first(self.search_box)  # Ctrl+E edits, even from the search
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(tr("CustomersScreen", "Search customers"))
        self.search_box.setPlaceholderText(
            tr(
                "CustomersScreen",
                "Search name, number, city, e-mail, SIRET, member number… (Ctrl+F)",
            )
        )
        self.typed = Debounce(self.ops, self.search, self)
        self.search_box.textChanged.connect(self.typed)
        self.view = table_view(self.model, tr("CustomersScreen", "Customers"))
        self.empty = EmptyState(self.view, self._empty_text)
        for column, width in enumerate((60, 260, 110, 150, 110)):
            self.view.setColumnWidth(column, width)
        # number and "member" to their contents, measured on the rows in view (lazy list)
        self.fit = ColumnFitter(self.view, 1, {}, only=(0, 4))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda _: self.edit_customer())
        self.count_label = QLabel()
        style.set_role(self.count_label, "muted")
        self.feedback = Feedback(self)

        a = self._action
        self.find_action = a(tr("CustomersScreen", "&Find"), "Ctrl+F", self.focus_search)
        self.new_action = a(tr("CustomersScreen", "&New customer…"), "Ctrl+N", self.new_customer)
        self.edit_action = a(tr("CustomersScreen", "&Edit customer…"), "Ctrl+E", self.edit_customer)
        self.book_action = a(
            tr("CustomersScreen", "New &booking for this customer…"), "Ctrl+B", self.new_booking
        )
        self.personal = PersonalDataActions(self)
        self.menu = QMenu(tr("CustomersScreen", "C&ustomers"), self)
        for action in (
            self.find_action,
            None,
            self.new_action,
            self.edit_action,
            self.book_action,
            None,
            self.personal.export_action,
            self.personal.anonymise_action,
        ):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.edit_action, None, self.book_action):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)
        for action, icon in (
            (self.find_action, "search"),
            (self.new_action, "new"),
            (self.edit_action, "edit"),
            (self.book_action, "bookings"),
        ):
            action.setIcon(icons.icon(icon))

        self.panel = CustomerDetailPanel(self.ops, self)
        self.panel.add_footer([self.personal.export_action, self.personal.anonymise_action])
        self._expose_panel()
        self.add_membership_button.clicked.connect(self.add_membership)
        for edit in (self.member_number, self.member_from, self.member_to):
            edit.returnPressed.connect(self.add_membership)
        self.add_contact_button.clicked.connect(self.add_contact)
        for edit in (self.contact_name, self.contact_role, self.contact_email, self.contact_phone):
            edit.returnPressed.connect(self.add_contact)
        self.bookings_view.doubleClicked.connect(lambda _: self.open_booking())
        for shortcut in self.panel.open_booking_keys:
            shortcut.activated.connect(self.open_booking)
        detail = self.panel

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setSizes([860, 420])
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
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

    def _expose_panel(self) -> None:
        """The detail's widgets as the screen's own attributes (``screen.title``…)."""
        panel = self.panel
        self.bookings = panel.bookings
        self.bookings_view = panel.bookings_view
        self.title = panel.title
        self.facts = panel.facts
        self.tabs = panel.tabs
        self.memberships = panel.memberships
        self.membership_message = panel.membership_message
        self.membership_fields = panel.membership_fields
        self.member_number = panel.member_number
        self.member_from = panel.member_from
        self.member_to = panel.member_to
        self.add_membership_button = panel.add_membership_button
        self.contacts = panel.contacts
        self.contact_message = panel.contact_message
        self.contact_fields = panel.contact_fields
        self.contact_name = panel.contact_name
        self.contact_role = panel.contact_role
        self.contact_email = panel.contact_email
        self.contact_phone = panel.contact_phone
        self.add_contact_button = panel.add_contact_button

    def _empty_text(self) -> str:
        if self.search_box.text().strip():
            return tr(
                "CustomersScreen",
                "No customer matches this search. Clear it, or create the customer with Ctrl+N.",
            )
        return tr("CustomersScreen", "No customers yet. Create the first one with Ctrl+N.")

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
        if what == Change.CUSTOMERS:
            self.search()
        elif what == Change.BOOKINGS:
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
            lambda uow: customers.customer_detail(uow, customer_id),
            lambda detail: self._show_detail(detail) if customer_id == self._customer_id else None,
        )

    def _show_detail(self, detail: CustomerDetail | None) -> None:
        self.detail = detail
        self.personal.update_enabled(detail is not None)
        self.panel.show_detail(detail)

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
            lambda uow: customers.customer_fields(uow, customer_id),
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
        user, today = self.ops.user, self.ops.ctx.clock.today()

        def done(_: object) -> None:
            for edit in (self.member_number, self.member_from, self.member_to):
                edit.clear()
            self.search()

        def add(uow: UnitOfWork) -> int | None:
            # a day left empty: the membership year's (as `regie customers add|renew`)
            given = fields.optional_date("valid from", start.strip() or None)
            first, year_end = memberships.default_period(uow, customer_id, today, valid_from=given)
            last: dt.date | str = end or year_end
            return customers.add_membership(
                uow,
                user=user,
                customer_id=customer_id,
                member_number=number,
                valid_from=first,
                valid_to=last,
            ).id

        self.ops.write(
            add,
            done,
            _shown_by(self.membership_fields),
            changes=Change.CUSTOMERS,
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
            _shown_by(self.contact_fields),
            changes=Change.CUSTOMERS,
        )

    def membership_rows(self) -> list[list[str]]:
        return self.panel.membership_rows()

    def contact_rows(self) -> list[list[str]]:
        return self.panel.contact_rows()


def _shown_by(fields: FormFields) -> Callable[[DomainError], None]:
    """A write's refusal shown next to the field it names (or in the form's message)."""

    def show(err: DomainError) -> None:
        fields.show(err)

    return show
