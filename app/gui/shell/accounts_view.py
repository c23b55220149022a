"""Accounts (File → Accounts…, administrators): the people who use Régie, their roles,
passwords and badges, and how long the desk waits before it logs out.

Every change is a service of ``app.core.accounts`` run through ``ops.write`` (which refuses
anyone but an administrator, and keeps the last enabled administrator); this dialog only
asks for what the service needs and shows its refusals as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import accounts
from app.core.access import ROLE_LABELS, Permission, Role
from app.core.accounts import AccountRow
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.settings import COOPERATIVE_NAME, get_setting, set_setting
from app.gui.catalogue.labels_badge import BadgeDialog, badge_label
from app.gui.desk.desk_login import TIMEOUT_KEY, timeout_minutes
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.chips import STATUS_ROLE, ChipDelegate
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback, make_table, shortcut_action
from app.gui.shell.widgets import format_datetime, no_mnemonic
from app.i18n import label, message

tr = QCoreApplication.translate

ROLES = (Role.TECHNICIAN, Role.STAFF, Role.MANAGER, Role.ADMIN)


def status_of(row: AccountRow) -> tuple[str, str]:
    """(chip key, words) of an account's state."""
    if row.disabled:
        return "disabled", tr("AccountsView", "Disabled")
    if row.locked:
        return "locked", tr("AccountsView", "Locked")
    return "active", tr("AccountsView", "Active")


def read_accounts(uow: UnitOfWork, clock: Any) -> tuple[list[AccountRow], int]:
    return accounts.list_accounts(uow, clock), timeout_minutes(uow)


def save_timeout(uow: UnitOfWork, minutes: int) -> None:
    """The desk's inactivity time-out (administrators, like the accounts)."""
    set_setting(uow, TIMEOUT_KEY, str(minutes), Permission.ACCOUNTS)


def role_combo(current: Role = Role.STAFF) -> QComboBox:
    combo = QComboBox()
    for role in ROLES:
        combo.addItem(label(ROLE_LABELS[role]), role.key)
    combo.setCurrentIndex(ROLES.index(current))
    return combo


class AccountDialog(QDialog):
    """New account (name, full name, role, password twice) or a new password (twice).
    ``submit(dialog)`` runs the service; the dialog stays open with the refusal's sentence
    until it passes (``done``)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        name: str = "",
        submit: Callable[[AccountDialog], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.submit = submit
        self.new = not name
        self.setWindowTitle(
            tr("AccountsView", "New account")
            if self.new
            else tr("AccountsView", "Password of %1").replace("%1", name)
        )
        form = QFormLayout(self)
        self.name = QLineEdit(name)
        self.full_name = QLineEdit()
        self.role = role_combo()
        if self.new:
            form.addRow(tr("AccountsView", "&Name:"), self.name)
            form.addRow(tr("AccountsView", "&Full name:"), self.full_name)
            form.addRow(tr("AccountsView", "&Role:"), self.role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("AccountsView", "&Password:"), self.password)
        form.addRow(tr("AccountsView", "&Again:"), self.again)
        hint = QLabel(
            tr("AccountsView", "At least 8 characters. On the embedded file it may stay empty.")
            if self.new
            else tr("AccountsView", "At least 8 characters.")
        )
        style.set_role(hint, "muted")
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.problem = QLabel()
        style.set_role(self.problem, "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def check(self) -> None:
        if self.password.text() != self.again.text():
            self.refuse(tr("AccountsView", "The two passwords differ."))
            self.again.clear()
            self.again.setFocus()
            return
        self.problem.hide()
        if self.submit is None:
            self.accept()
        else:
            self.submit(self)

    def done_with(self, _result: object = None) -> None:
        self.accept()

    def refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


class AccountsDialog(QDialog):
    """The accounts' list and what an administrator does with them."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rows: list[AccountRow] = []
        self.cooperative = ""
        self.dialog: Any = None  # the last dialog opened from here (tests read it)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(tr("AccountsView", "Accounts"))
        heading = QLabel(tr("AccountsView", "Accounts"))
        style.set_role(heading, "title")
        self.table = make_table(
            [
                tr("AccountsView", "Name"),
                tr("AccountsView", "Full name"),
                tr("AccountsView", "Role"),
                tr("AccountsView", "Status"),
                tr("AccountsView", "Password"),
                tr("AccountsView", "Badge"),
                tr("AccountsView", "Last login"),
            ]
        )
        self.table.setAccessibleName(tr("AccountsView", "Accounts"))
        self.table.setItemDelegateForColumn(3, ChipDelegate("account", self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.feedback = Feedback()
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, keys, icon, slot in (
            ("add", tr("AccountsView", "&New account…"), "Ctrl+N", "new", self.add),
            ("role", tr("AccountsView", "Change &role…"), "Ctrl+R", "edit", self.change_role),
            ("full", tr("AccountsView", "&Full name…"), "", "edit", self.change_full_name),
            ("password", tr("AccountsView", "Set &password…"), "", "edit", self.set_password),
            ("badge", tr("AccountsView", "New &badge…"), "Ctrl+B", "labels", self.new_badge),
            ("disable", tr("AccountsView", "&Disable"), "", "cancel", self.toggle_disabled),
            ("unlock", tr("AccountsView", "&Unlock"), "", "confirm", self.unlock),
        ):
            button = QPushButton(icons.icon(icon), text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            if keys:
                button.setToolTip(f"{no_mnemonic(text)} ({keys})")
                shortcut_action(self, no_mnemonic(text), keys, slot)
            column.addWidget(button)
            self.buttons[key] = button
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(column)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setSuffix(tr("AccountsView", " min"))
        self.minutes.setAccessibleName(tr("AccountsView", "Desk log-out after inactivity"))
        save = QPushButton(icons.icon("save"), tr("AccountsView", "&Save"))
        save.setAutoDefault(False)
        save.clicked.connect(self.save_minutes)
        desk = QHBoxLayout()
        desk_label = QLabel(tr("AccountsView", "The desk &logs out after"))
        desk_label.setBuddy(self.minutes)
        desk.addWidget(desk_label)
        desk.addWidget(self.minutes)
        desk.addWidget(QLabel(tr("AccountsView", "without activity")))
        desk.addWidget(save)
        desk.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row, 1)
        layout.addWidget(self.feedback)
        layout.addLayout(desk)
        layout.addWidget(close)
        self.resize(1000, 480)
        self.refresh()

    # --- reading ------------------------------------------------------------------------

    def refresh(self, select: str = "") -> None:
        clock = self.ops.ctx.clock
        chosen = select or self.current_name()
        self.ops.read(
            lambda uow: (*read_accounts(uow, clock), get_setting(uow, COOPERATIVE_NAME)),
            lambda found: self._show(*found, chosen),
            self._refused,
        )

    def _show(self, rows: list[AccountRow], minutes: int, cooperative: str, chosen: str) -> None:
        self.rows, self.cooperative = rows, cooperative
        self.minutes.setValue(minutes)
        self.table.setRowCount(len(rows))
        yes, no = tr("AccountsView", "yes"), tr("AccountsView", "no")
        for n, row in enumerate(rows):
            key, words = status_of(row)
            when = row.last_login_at
            last = format_datetime(self.ops.ctx.clock.to_local(when)) if when else ""
            password = yes if row.has_password else no
            if row.auto_login:
                password = tr("AccountsView", "no (logs in by itself)")
            values = [
                row.name,
                row.full_name,
                label(ROLE_LABELS[row.role]),
                words,
                password,
                yes if row.badge else no,
                last,
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, row.name)
                if column == 3:
                    cell.setData(STATUS_ROLE, key)
                self.table.setItem(n, column, cell)
        names = [row.name for row in rows]
        self.table.selectRow(names.index(chosen) if chosen in names else 0)
        self._selection_changed()

    def current(self) -> AccountRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def current_name(self) -> str:
        current = self.current()
        return current.name if current is not None else ""

    def _selection_changed(self) -> None:
        current = self.current()
        for key in ("role", "full", "password", "badge", "disable", "unlock"):
            self.buttons[key].setEnabled(current is not None)
        if current is None:
            return
        self.buttons["disable"].setText(
            tr("AccountsView", "&Enable") if current.disabled else tr("AccountsView", "&Disable")
        )
        self.buttons["unlock"].setEnabled(current.locked)

    # --- changes ------------------------------------------------------------------------

    def _write(
        self,
        action: Any,
        done_text: str,
        select: str = "",
        then: Any = None,
        form: AccountDialog | None = None,
    ) -> None:
        """Run ``action`` (a service); a refusal goes to ``form`` when the change was typed
        in one (it stays open), else under the list."""

        def done(result: Any) -> None:
            self.feedback.ok(done_text)
            self.refresh(select)
            if form is not None:
                form.done_with()
            if then is not None:
                then(result)

        def failed(err: DomainError) -> None:
            if form is not None:
                form.refuse(message(err))
            else:
                self._refused(err)

        self.ops.write(action, done, failed, changes=Change.SETTINGS)

    def _refused(self, err: DomainError) -> None:
        self.feedback.error(message(err))

    def add(self) -> AccountDialog:
        dialog = self.dialog = AccountDialog(self, submit=self._add)
        dialog.open()
        return dialog

    def _add(self, dialog: AccountDialog) -> None:
        name, full = dialog.name.text().strip(), dialog.full_name.text()
        role = Role.parse(str(dialog.role.currentData()))
        password, clock = dialog.password.text(), self.ops.ctx.clock

        def action(uow: UnitOfWork) -> None:
            accounts.add_account(
                uow, name=name, role=role, password=password, full_name=full, clock=clock
            )

        done = tr("AccountsView", "Account %1 added.").replace("%1", name)
        self._write(action, done, name, form=dialog)

    def change_role(self) -> QDialog | None:
        current = self.current()
        if current is None:
            return None
        dialog = self.dialog = QDialog(self)
        dialog.setWindowTitle(tr("AccountsView", "Role of %1").replace("%1", current.name))
        combo = role_combo(current.role)
        form = QFormLayout(dialog)
        form.addRow(tr("AccountsView", "&Role:"), combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        dialog.accepted.connect(
            lambda: self._set_role(current.name, Role.parse(str(combo.currentData())))
        )
        dialog.open()
        return dialog

    def change_full_name(self) -> QDialog | None:
        current = self.current()
        if current is None:
            return None
        dialog = self.dialog = QDialog(self)
        dialog.setWindowTitle(tr("AccountsView", "Full name of %1").replace("%1", current.name))
        edit = QLineEdit(current.full_name)
        edit.setMinimumWidth(320)
        form = QFormLayout(dialog)
        form.addRow(tr("AccountsView", "&Full name:"), edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        name = current.name
        dialog.accepted.connect(
            lambda: self._write(
                lambda uow: accounts.set_full_name(uow, name, edit.text()),
                tr("AccountsView", "The full name of %1 is saved.").replace("%1", name),
                name,
            )
        )
        dialog.open()
        return dialog

    def _set_role(self, name: str, role: Role) -> None:
        self._write(
            lambda uow: accounts.set_role(uow, name, role),
            tr("AccountsView", "%1 is now %2.")
            .replace("%1", name)
            .replace("%2", label(ROLE_LABELS[role])),
            name,
        )

    def set_password(self) -> AccountDialog | None:
        current = self.current()
        if current is None:
            return None
        dialog = self.dialog = AccountDialog(self, name=current.name, submit=self._set_password)
        dialog.open()
        return dialog

    def _set_password(self, dialog: AccountDialog) -> None:
        name, password = dialog.name.text(), dialog.password.text()
        self._write(
            lambda uow: accounts.set_password(uow, name, password),
            tr("AccountsView", "The password of %1 is set.").replace("%1", name),
            name,
            form=dialog,
        )

    def new_badge(self) -> None:
        current = self.current()
        if current is None:
            return
        name, full = current.name, current.full_name
        if current.badge and (
            QMessageBox.question(
                self,
                tr("AccountsView", "New badge"),
                tr(
                    "AccountsView",
                    "%1 already has a badge. A new one stops the old one from working. "
                    "Make a new badge?",
                ).replace("%1", name),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._write(
            lambda uow: accounts.new_badge(uow, name),
            tr("AccountsView", "%1 has a new badge.").replace("%1", name),
            name,
            lambda code: self._show_badge(str(code), name, full),
        )

    def _show_badge(self, code: str, name: str, full_name: str) -> BadgeDialog:
        dialog = self.dialog = BadgeDialog(
            self.ops, badge_label(code, name, full_name, self.cooperative), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def toggle_disabled(self) -> None:
        current = self.current()
        if current is None:
            return
        name = current.name
        if current.disabled:
            self._write(
                lambda uow: accounts.enable(uow, name),
                tr("AccountsView", "%1 can log in again.").replace("%1", name),
                name,
            )
        else:
            self._write(
                lambda uow: accounts.disable(uow, name),
                tr("AccountsView", "%1 can no longer log in.").replace("%1", name),
                name,
            )

    def unlock(self) -> None:
        current = self.current()
        if current is None:
            return
        name = current.name
        self._write(
            lambda uow: accounts.unlock(uow, name),
            tr("AccountsView", "%1 is unlocked.").replace("%1", name),
            name,
        )

    def save_minutes(self) -> None:
        minutes = self.minutes.value()
        self._write(
            lambda uow: save_timeout(uow, minutes),
            tr(
                "AccountsView",
                "The desk logs out after %n minute(s) without activity.",
                None,
                minutes,
            ),
        )
