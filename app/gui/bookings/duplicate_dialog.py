"""The dialog of "Duplicate…" on the bookings list: the copy's new pick-up."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.gui.bookings.booking_editor import datetime_edit, from_qdatetime, to_qdatetime

tr = QCoreApplication.translate


class DuplicateDialog(QDialog):
    """Choose the pick-up of the copy; the whole booking moves with it."""

    def __init__(self, reference: str, start: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("DuplicateDialog", "Duplicate %1").replace("%1", reference))
        layout = QVBoxLayout(self)
        text = QLabel(
            tr(
                "DuplicateDialog",
                "A new quote with the same customer, event and lines; its dates move with "
                "the new pick-up.",
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.start = datetime_edit()
        self.start.setDateTime(to_qdatetime(start + dt.timedelta(days=7)))
        form.addRow(tr("DuplicateDialog", "New &pick-up:"), self.start)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dt.datetime:
        return from_qdatetime(self.start.dateTime())
