"""A person's data on request (RGPD), from the customers screen: export everything about the
selected customer to a JSON file, and anonymise it after a confirmation saying what goes
and what stays. The rules are ``invoicing.personal_data``'s; both are an administrator's
(the actions are greyed out for other roles, with a tooltip saying why)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app.core.access import Permission
from app.core.files import atomic_write_bytes
from app.gui.shell import files, icons
from app.gui.shell.changes import Change
from invoicing import personal_data

if TYPE_CHECKING:
    from app.gui.bookings.customers_screen import CustomersScreen

tr = QCoreApplication.translate


class PersonalDataActions(QObject):
    """The screen's two actions: ``export_action`` and ``anonymise_action``."""

    def __init__(self, screen: CustomersScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.box: QMessageBox | None = None
        self.export_action = QAction(
            icons.icon("export"), tr("CustomersScreen", "E&xport personal data…"), screen
        )
        self.export_action.setIconText(tr("CustomersScreen", "Export data"))
        self.export_action.triggered.connect(self.export)
        self.anonymise_action = QAction(
            icons.icon("delete"), tr("CustomersScreen", "&Anonymise customer…"), screen
        )
        self.anonymise_action.setIconText(tr("CustomersScreen", "Anonymise"))
        self.anonymise_action.triggered.connect(self.ask_anonymise)
        self.allowed = screen.ops.ctx.db.actor.may(Permission.BACKUPS)
        for action in (self.export_action, self.anonymise_action):
            screen.addAction(action)
            if not self.allowed:
                action.setToolTip(
                    tr(
                        "CustomersScreen",
                        "Personal-data requests are answered by an administrator.",
                    )
                )
        self.update_enabled(False)

    def update_enabled(self, selected: bool) -> None:
        for action in (self.export_action, self.anonymise_action):
            action.setEnabled(selected and self.allowed)

    def _customer(self) -> tuple[str, str] | None:
        detail = self.screen.detail
        if detail is None:
            return None
        return detail.customer["number"], detail.customer["name"]

    # --- export ------------------------------------------------------------------------

    def export(self) -> None:
        chosen = self._customer()
        if chosen is None:
            return
        number, _name = chosen
        path = files.save_file_name(
            self.screen,
            tr("CustomersScreen", "Export personal data"),
            str(Path.home() / f"donnees-client-{number}.json"),
            tr("CustomersScreen", "JSON files (*.json)"),
        )
        if not path:
            return
        clock = self.screen.ops.ctx.clock

        def write(uow: Any) -> str:
            found = personal_data.export_data(uow, number, clock=clock)
            text = json.dumps(found, ensure_ascii=False, indent=2) + "\n"
            atomic_write_bytes(path, text.encode("utf-8"))
            return path

        self.screen.ops.read(write, self._exported, self.screen._failed)

    def _exported(self, path: str) -> None:
        self.screen.feedback.info(
            tr("CustomersScreen", "Personal data written to %1.").replace("%1", path)
        )

    # --- anonymise ---------------------------------------------------------------------

    def ask_anonymise(self) -> None:
        chosen = self._customer()
        if chosen is None:
            return
        number, name = chosen
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("CustomersScreen", "Anonymise customer"),
            tr("CustomersScreen", "Anonymise %1 (%2)? This cannot be undone.")
            .replace("%1", name)
            .replace("%2", number),
            QMessageBox.StandardButton.Cancel,
            self.screen,
        )
        box.setInformativeText(
            tr(
                "CustomersScreen",
                "Its name becomes “Anonymisé %1”; its address, e-mail, phone, identifiers "
                "and notes are erased, its contacts deleted, and the event, venue and notes "
                "of its bookings emptied. Issued invoices and credit notes stay exactly as "
                "issued (legal records).",
            ).replace("%1", number)
        )
        button = box.addButton(
            tr("CustomersScreen", "&Anonymise"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda clicked: self.anonymise(number) if clicked is button else None
        )
        box.finished.connect(lambda *_: setattr(self, "box", None))
        self.box = box
        box.open()

    def anonymise(self, number: str) -> None:
        clock = self.screen.ops.ctx.clock
        self.screen.ops.write(
            lambda uow: personal_data.anonymise(uow, number, clock=clock),
            self._anonymised,
            self.screen._failed,
            changes=Change.CUSTOMERS,
        )

    def _anonymised(self, done: dict[str, Any]) -> None:
        self.screen.feedback.info(
            tr("CustomersScreen", "Customer %1 anonymised; its issued documents are kept.").replace(
                "%1", str(done["number"])
            )
        )
