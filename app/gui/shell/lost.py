"""A change the database could not take for now (the server restarting, the network
down): its sentence and a choice, Retry or Cancel — never a traceback, never a change
half-saved (the kernel rolled it back). ``Operations.write`` asks here when a write fails
with a passing problem (``storage.transient``) and runs the same write again on Retry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.errors import DomainError
from app.i18n import message

tr = QCoreApplication.translate


def ask_retry(err: DomainError, parent: QWidget | None = None) -> bool:
    """The problem's sentence with Retry (default) and Cancel: True for Retry."""
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setObjectName("lostConnection")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("LostConnection", "Not saved — Régie"))
    box.setText(message(err))
    box.setInformativeText(
        tr(
            "LostConnection",
            "Nothing of this change was saved. Retry once the server is back, or cancel "
            "and do it again later.",
        )
    )
    retry = box.addButton(tr("LostConnection", "&Retry"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("LostConnection", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    chosen = box.clickedButton() is retry
    box.deleteLater()
    return chosen
