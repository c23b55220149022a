"""Beside the month: the selected day (heading), its pick-ups and returns (a list with
their status in words and tone), and the selected entry's details."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.gui.bookings.calendar_common import (
    status_colours,
    status_label,
)
from app.gui.bookings.calendar_grid import entry_text, long_day
from app.gui.shell import style
from app.gui.shell.empty import EmptyState
from app.gui.shell.widgets import format_datetime
from booking.planning import Entry

tr = QCoreApplication.translate


class DayPanel(QWidget):
    """The day's title, its entries and the details of the one selected."""

    row_changed = Signal(int)
    activated = Signal(object)  # Entry (double-click or Enter in the list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown_entry: Entry | None = None
        self.title = QLabel()
        style.set_role(self.title, "heading")
        self.title.setWordWrap(True)
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(tr("BookingCalendar", "Bookings of the day"))
        self.day_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.day_list.setWordWrap(True)  # a long title wraps: nothing hidden
        self.day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.day_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.day_list.currentRowChanged.connect(self.row_changed.emit)
        self.day_list.itemActivated.connect(
            lambda item: self.activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.empty = EmptyState(
            self.day_list,
            lambda: tr(
                "BookingCalendar",
                "No pick-up or return this day. Choose another day with the arrows.",
            ),
        )
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(170)
        self.details.setAccessibleName(tr("BookingCalendar", "Booking details"))
        column = QVBoxLayout(self)
        column.setContentsMargins(style.SPACE.s, 0, 0, 0)
        column.setSpacing(style.SPACE.s)
        column.addWidget(self.title)
        column.addWidget(self.day_list, 1)
        column.addWidget(self.details)

    def show_day(
        self, day: dt.date, holiday: str | None, entries: list[Entry], selected: Entry | None
    ) -> None:
        """List ``day``'s entries and detail ``selected`` (else the first)."""
        self.title.setText(long_day(day) + (f" — {holiday}" if holiday else ""))
        self.day_list.blockSignals(True)
        self.day_list.clear()
        for entry in entries:
            fg, bg = status_colours(entry.status)
            label = f"{entry.at:%H:%M}  {entry_text(entry)} · {status_label(entry.status)}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setForeground(fg)
            item.setBackground(bg)
            item.setToolTip(status_label(entry.status))
            self.day_list.addItem(item)
        self.day_list.blockSignals(False)
        self.empty.refresh()
        if not entries:
            self.details.clear()
            self.shown_entry = None
            return
        row = entries.index(selected) if selected in entries else 0
        self.day_list.setCurrentRow(row)
        self.show_details(entries[row])

    def select_row(self, row: int) -> None:
        self.day_list.setCurrentRow(row)

    def show_details(self, entry: Entry) -> None:
        esc = html.escape
        fg, bg = status_colours(entry.status)
        chip = (
            f"<span style='color:{fg.name()}; background:{bg.name()}; font-weight:600'>"
            f"&nbsp;{esc(status_label(entry.status))}&nbsp;</span>"
        )
        facts = [
            (tr("BookingCalendar", "Status"), chip),
            (tr("BookingCalendar", "Customer"), esc(entry.customer)),
            (tr("BookingCalendar", "Event"), esc(entry.event)),
            (tr("BookingCalendar", "Venue"), esc(entry.venue)),
            (tr("BookingCalendar", "Pick-up"), format_datetime(entry.start)),
            (tr("BookingCalendar", "Return"), format_datetime(entry.end)),
        ]
        muted = style.palette().muted
        rows = "".join(
            f"<tr><td style='color:{muted}'>{k}&nbsp;</td><td>{v}</td></tr>" for k, v in facts if v
        )
        self.details.setText(f"<h3>{esc(entry.reference)}</h3><table>{rows}</table>")
        self.shown_entry = entry
