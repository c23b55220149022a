"""Settings: the interface language (this computer, applied on restart), the appearance
(this computer, applied at once), the database this computer opens (a file or a PostgreSQL
server, ``connection_dialog``; applied at the next start), the cooperative's identity and its declaration of a
certified till for cash and card payments from individuals (shared by everyone, stored in
the database)."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.core import paths
from app.core.db import UnitOfWork
from app.core.settings import all_settings, save_settings
from app.gui.catalogue.editors import Action, FormDialog
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.identity_dialog import IdentityDialog
from app.gui.shell.operations import Operations
from inventory import fields
from invoicing import payments

tr = QCoreApplication.translate


class ElidedLabel(QLabel):
    """One line naming a file or a server: whole when it fits, else shortened in the middle
    (its beginning and its file name stay); the whole text in the tooltip and ``full``."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), self.minimumWidth())
        shown = self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideMiddle, width)
        if shown != self.text():
            self.setText(shown)


KEYS = ("cooperative.name", "cooperative.address", "cooperative.email", "cooperative.phone")


def local_settings() -> QSettings:
    return QSettings("regie", "regie")


APPEARANCES = (
    ("system", QT_TRANSLATE_NOOP("SettingsDialog", "System")),
    ("light", QT_TRANSLATE_NOOP("SettingsDialog", "Light")),
    ("dark", QT_TRANSLATE_NOOP("SettingsDialog", "Dark")),
)


class SettingsDialog(FormDialog):
    """Two sections side by side: this computer (language, appearance) and the
    cooperative (shared by everyone)."""

    changes = Change.SETTINGS

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, values: dict[str, str] | None = None
    ) -> None:
        super().__init__(ops, parent)
        values = values or {}
        self.setWindowTitle(tr("SettingsDialog", "Settings"))
        self.heading = QLabel(tr("SettingsDialog", "Settings"))
        style.set_role(self.heading, "title")
        self.layout_.insertWidget(0, self.heading)
        here = self.section(tr("SettingsDialog", "This computer"), 0, 0)
        self.language = QComboBox()
        self.language.addItem(tr("SettingsDialog", "System language"), "")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        chosen = str(local_settings().value("language", "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        here.add(tr("SettingsDialog", "&Language:"), "language", self.language)
        note = QLabel(tr("SettingsDialog", "A new language applies when Régie is restarted."))
        style.set_role(note, "muted")
        note.setWordWrap(True)
        here.add("", (), note)
        self.appearance = QComboBox()
        for value, text in APPEARANCES:
            self.appearance.addItem(tr("SettingsDialog", str(text)), value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(style.stored_choice())))
        here.add(tr("SettingsDialog", "Appea&rance:"), "appearance", self.appearance)
        self._database_rows(here)
        shared = self.section(tr("SettingsDialog", "The cooperative"), 0, 1)
        self.name = self.line(
            tr("SettingsDialog", "Cooperative &name:"),
            "cooperative name",
            values.get("cooperative.name", ""),
            to=shared,
        )
        self.address = QPlainTextEdit(values.get("cooperative.address", ""))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(70)
        shared.add(tr("SettingsDialog", "&Address:"), "address", self.address)
        self.email = self.line(
            tr("SettingsDialog", "&Email:"), "email", values.get("cooperative.email", ""), shared
        )
        self.phone = self.line(
            tr("SettingsDialog", "&Phone:"), "phone", values.get("cooperative.phone", ""), shared
        )
        self.values = dict(values)
        self.identity_button = QPushButton(
            icons.icon("invoices"), tr("SettingsDialog", "Legal &identity…")
        )
        self.identity_button.setToolTip(
            tr("SettingsDialog", "SIREN, SIRET, VAT number, IBAN… printed on every invoice")
        )
        self.identity_button.setAutoDefault(False)
        self.identity_button.clicked.connect(self.open_identity)
        shared.add("", (), self.identity_button)
        self.accounts_button = QPushButton(
            icons.icon("settings"), tr("SettingsDialog", "Acco&unt numbers…")
        )
        self.accounts_button.setToolTip(
            tr("SettingsDialog", "Account numbers and journals of the accounting export (FEC)")
        )
        self.accounts_button.setAutoDefault(False)
        self.accounts_button.clicked.connect(self.open_accounts)
        shared.add("", (), self.accounts_button)
        self.till = QCheckBox(
            tr("SettingsDialog", "Cash and card payments from individuals go through our &till")
        )
        self.till.setChecked(values.get(payments.CERTIFIED_TILL, "") == "1")
        shared.add("", "certified till", self.till)
        till_note = QLabel(
            tr(
                "SettingsDialog",
                "Régie is not a certified cash system (NF 525). Tick this only if such "
                "payments are recorded in the cooperative's certified till: Régie then "
                "accepts a copy of them for the invoices' balances; otherwise it refuses "
                "them.",
            )
        )
        till_note.setWordWrap(True)
        till_note.setMinimumWidth(till_note.fontMetrics().averageCharWidth() * 56)
        style.set_role(till_note, "muted")
        shared.add("", (), till_note)
        for edit in (self.name, self.email, self.phone):
            edit.setCursorPosition(0)  # a long value shows its beginning
        self.identity: IdentityDialog | None = None
        self.finish()

    def _database_rows(self, here: Any) -> None:
        """Database: the one open now, and Change… (the connection dialog)."""
        self.database = ElidedLabel(self.ops.ctx.db.display_name)
        self.database.setObjectName("databaseInUse")
        self.database.setMinimumWidth(self.database.fontMetrics().averageCharWidth() * 40)
        here.add(tr("SettingsDialog", "Database:"), (), self.database)
        self.database_button = QPushButton(
            icons.icon("open"), tr("SettingsDialog", "Change the &database…")
        )
        self.database_button.setToolTip(
            tr("SettingsDialog", "A file on this computer or a PostgreSQL server")
        )
        self.database_button.setAutoDefault(False)
        self.database_button.clicked.connect(self.change_database)
        here.add("", (), self.database_button)
        self.database_note = QLabel()
        self.database_note.setWordWrap(True)
        style.set_role(self.database_note, "muted")
        self.database_note.hide()
        here.add("", (), self.database_note)

    def change_database(self) -> str | None:
        """The connection dialog; a new choice applies when Régie is restarted."""
        from app.gui.shell import connection_dialog

        db = self.ops.ctx.db
        chosen = connection_dialog.choose(self, db.url or db.path)
        if chosen is not None:
            text = tr("SettingsDialog", "Régie opens %1 when it is restarted.").replace(
                "%1", paths.display_url(chosen) if paths.is_url(chosen) else chosen
            )
            if os.environ.get("REGIE_DB"):
                text += " " + tr(
                    "SettingsDialog",
                    "(Not while REGIE_DB names another database: it comes first.)",
                )
            self.database_note.setText(text)
            self.database_note.show()
        return chosen

    def open_identity(self) -> IdentityDialog:
        """The cooperative's legal identity; saved on its own, then shown here too."""
        values = {**self.values, **self.current_values()}
        dialog = IdentityDialog(self.ops, self, values)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.identity = dialog
        dialog.accepted.connect(self._identity_accepted)
        dialog.finished.connect(self._identity_closed)
        dialog.open()
        return dialog

    def open_accounts(self) -> QWidget:
        """The accounting export's account numbers (its own dialog, saved on its own)."""
        from app.gui.invoicing.export_accounts import AccountsDialog  # no import cycle

        dialog = AccountsDialog(self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def current_values(self) -> dict[str, str]:
        return {
            "cooperative.name": self.name.text(),
            "cooperative.address": self.address.toPlainText(),
            "cooperative.email": self.email.text(),
            "cooperative.phone": self.phone.text(),
        }

    def _identity_accepted(self) -> None:
        if self.identity is not None:
            self._identity_saved(self.identity.result_value or {})

    def _identity_closed(self) -> None:
        self.identity = None

    def _identity_saved(self, saved: dict[str, str]) -> None:
        self.values.update(saved)
        self.name.setText(saved.get("cooperative.name", self.name.text()))
        self.address.setPlainText(saved.get("cooperative.address", self.address.toPlainText()))
        self.email.setText(saved.get("cooperative.email", self.email.text()))
        self.phone.setText(saved.get("cooperative.phone", self.phone.text()))

    def action(self) -> Action:
        values = {
            "cooperative.name": fields.text("cooperative name", self.name.text(), required=True),
            "cooperative.address": fields.text(
                "address", self.address.toPlainText(), limit=fields.MAX_NOTES
            ),
            "cooperative.email": fields.text("email", self.email.text()),
            "cooperative.phone": fields.text("phone", self.phone.text()),
        }
        local_settings().setValue("language", self.language.currentData())
        if self.appearance.currentData() != style.stored_choice():
            style.set_choice(self.appearance.currentData())  # re-styles the running app

        till = self.till.isChecked()

        def write(uow: UnitOfWork) -> None:
            save_settings(uow, values)  # only what changed: OK alone needs no permission
            if payments.till_declared(uow) != till:
                payments.declare_till(uow, till)

        return write


def read_settings(uow: UnitOfWork) -> dict[str, Any]:
    return all_settings(uow)
