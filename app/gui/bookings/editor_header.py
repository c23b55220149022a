"""The booking editor's header: the booking's reference (the title), its status as a chip,
and under it who it is for and when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.gui.bookings.booking_models import booking_status_label
from app.gui.shell import style
from app.gui.shell.chips import StatusChip
from app.gui.shell.widgets import format_datetime

tr = QCoreApplication.translate


class EditorHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        style.set_role(self.title, "title")
        self.chip = StatusChip("booking")
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        style.set_role(self.subtitle, "muted")
        top = QHBoxLayout()
        top.setSpacing(style.SPACE.m)
        top.addWidget(self.title)
        top.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, style.SPACE.xs)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.subtitle)

    def show_new(self) -> None:
        self.title.setText(tr("BookingEditor", "New booking"))
        self.chip.set_status(None)
        self.subtitle.setText(
            tr("BookingEditor", "Choose the customer, the dates, then add what is booked.")
        )

    def show_booking(
        self, reference: str, status: str, customer: str, start: dt.datetime, end: dt.datetime
    ) -> None:
        self.title.setText(reference)
        self.title.setAccessibleName(tr("BookingEditor", "Booking %1").replace("%1", reference))
        self.chip.set_status(status, booking_status_label(status))
        period = (
            tr("BookingEditor", "%1 → %2")
            .replace("%1", format_datetime(start))
            .replace("%2", format_datetime(end))
        )
        self.subtitle.setText(" · ".join(part for part in (customer, period) if part))
