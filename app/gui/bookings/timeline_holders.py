"""Below the timeline: the bookings holding the selected cell's stock that day, statuses as
chips, quotes in italics; an empty state says what to do when there is none."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.bookings.calendar_common import status_label
from app.gui.shell import chips, style
from app.gui.shell.empty import EmptyState
from app.gui.shell.widgets import format_date, format_datetime
from booking.models import TENTATIVE, BookingStatus
from booking.planning import Cell, HoldRow

tr = QCoreApplication.translate

QUANTITY, STATUS = 4, 3


class HoldersPanel(QWidget):
    """A heading naming the type, day and figures, over the table of holders."""

    activated = Signal(object)  # HoldRow (double-click or Enter)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[HoldRow] = []
        self.asked = False
        self.title = QLabel(tr("Timeline", "Bookings holding the stock"))
        style.set_role(self.title, "heading")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 6)
        self._build_table()
        self.empty = EmptyState(self.table, self._empty_text)
        margins = self.table.viewport().layout()
        if margins is not None:  # the panel is low: the sentence needs the room
            margins.setContentsMargins(style.SPACE.s, 0, style.SPACE.s, 0)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, style.SPACE.xs, 0, 0)
        column.setSpacing(style.SPACE.xs)
        column.addWidget(self.title)
        column.addWidget(self.table)

    def _build_table(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels(
            [
                tr("Timeline", "Reference"),
                tr("Timeline", "Customer"),
                tr("Timeline", "Event"),
                tr("Timeline", "Status"),
                tr("Timeline", "Quantity"),
                tr("Timeline", "Period"),
            ]
        )
        table.setAccessibleName(tr("Timeline", "Bookings holding the stock"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)  # a wrapping view elides at the end, whatever the mode
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setItemDelegateForColumn(STATUS, chips.ChipDelegate("booking", table))
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        # reference, status, quantity and period as wide as their values; the customer
        # and the event share the rest (elided in the middle only when they must be)
        metrics, pad = table.fontMetrics(), 2 * style.SPACE.s
        stamp = format_datetime(dt.datetime(2026, 12, 31, 23, 59))
        statuses = [status_label(s.value) for s in BookingStatus]
        quantity = table.horizontalHeaderItem(QUANTITY)
        title = quantity.text() if quantity is not None else ""
        widths = {
            0: metrics.horizontalAdvance("R-2026-00000") + pad,
            STATUS: max(metrics.horizontalAdvance(t) for t in statuses) + 2 * pad,
            QUANTITY: header.fontMetrics().horizontalAdvance(title) + 2 * pad,
            5: metrics.horizontalAdvance(f"{stamp} → {stamp}") + pad,
        }
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._activated)  # a double-click, or Enter

    def _empty_text(self) -> str:
        if not self.asked:
            return tr(
                "Timeline",
                "Click a cell (or press Enter) to see the bookings holding that stock that day.",
            )
        return tr(
            "Timeline",
            "No booking holds this stock that day. Move with the arrows to another day, "
            "or create a booking in Bookings (Ctrl+8, then Ctrl+N).",
        )

    def show_rows(self, name: str, day: dt.date, cell: Cell | None, rows: list[HoldRow]) -> None:
        """The holders of ``name`` (code — name) on ``day``; ``cell`` gives the figures."""
        self.asked = True
        self.rows = rows
        if rows:
            head = tr("Timeline", "Bookings holding %1 on %2").replace("%1", name)
        else:
            head = tr("Timeline", "No booking holds %1 on %2").replace("%1", name)
        head = head.replace("%2", format_date(day))
        if cell is not None:
            figures = tr("Timeline", "%n free of %1", None, cell.free).replace(
                "%1", str(cell.total)
            )
            head = f"{head} · {figures}"
        self.title.setText(head)
        self.title.setToolTip(head)
        self._fill(rows)

    def _fill(self, rows: list[HoldRow]) -> None:
        table = self.table
        table.setRowCount(len(rows))
        for n, hold in enumerate(rows):
            period = f"{format_datetime(hold.start)} → {format_datetime(hold.end)}"
            values = (
                hold.reference,
                hold.customer,
                hold.event,
                status_label(hold.status),
                str(hold.quantity),
                period,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == QUANTITY:  # centred: not run into the period beside
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == STATUS:
                    item.setData(chips.STATUS_ROLE, hold.status)
                if hold.status in TENTATIVE:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                table.setItem(n, column, item)
        self.empty.refresh()

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.rows):
            self.activated.emit(self.rows[index.row()])
