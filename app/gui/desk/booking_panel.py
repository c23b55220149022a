"""The booking open on the desk: its reference (the screen's subject, title size) with its
status chip, customer, event and venue, its dates, and its lines' progress. With no booking
open, a sentence saying how to open one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui.desk import look
from app.gui.desk.desk_models import LinesModel
from app.gui.shell import style
from app.gui.shell.chips import StatusChip
from app.gui.shell.empty import EmptyState
from app.gui.shell.widgets import format_date
from app.i18n import label
from booking.desk_queries import DeskBooking
from booking.models import BOOKING_STATUS_LABELS, BookingStatus

tr = QCoreApplication.translate

#: Widths of the figures' columns (check-out: code, picked, to pick; check-in: code, back,
#: still out, damaged, missing). Fixed: sizing to contents would read every row per scan.
WIDTHS = {"out": [0, 150, 100, 90], "in": [0, 140, 90, 90, 85, 110]}


def _when(value: dt.datetime) -> str:
    return f"{format_date(value.date())} {value:%H:%M}"


class BookingPanel(QStackedWidget):
    """Page 0: how to open a booking. Page 1: the open booking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        look.sized(self.empty_label, "empty", "empty")
        self.reference_label = QLabel()
        self.reference_label.setObjectName("reference")
        self.reference_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        look.sized(self.reference_label, "title", "title")
        self.status_chip = StatusChip("booking")
        look.sized(self.status_chip, "heading")
        self.customer_label = QLabel()
        self.customer_label.setWordWrap(True)
        look.sized(self.customer_label, "heading")
        self.dates_label = QLabel()
        look.sized(self.dates_label, "body", "muted")
        self.lines_model = LinesModel(self)
        self.lines_view = self._lines_view()
        self.addWidget(self.empty_label)
        self.addWidget(self._booking_page())

    def _lines_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.lines_model)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(40)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setAccessibleName(tr("DeskScreen", "Lines of the booking"))
        look.sized(view, "table")
        self.lines_model.modelReset.connect(self._size_lines)
        self.lines_empty = EmptyState(
            view,
            lambda: tr(
                "DeskScreen",
                "Nothing is booked yet. Scan an item: A adds it as an unplanned item.",
            ),
        )
        return view

    def _booking_page(self) -> QWidget:
        head = QHBoxLayout()
        head.setSpacing(style.SPACE.m)
        head.addWidget(self.reference_label)
        head.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.SPACE.xs)
        layout.addLayout(head)
        layout.addWidget(self.customer_label)
        layout.addWidget(self.dates_label)
        layout.addSpacing(style.SPACE.xs)
        layout.addWidget(self.lines_view, 1)
        return page

    def _size_lines(self) -> None:
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        widths = WIDTHS["out" if self.lines_model.mode == "out" else "in"]
        for column in range(1, self.lines_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, widths[column])

    def show_none(self, mode: str) -> None:
        """No booking open: say how to open one."""
        self.setCurrentIndex(0)
        self.empty_label.setText(
            tr(
                "DeskScreen",
                "Scan a booking's reference on its pick list, or choose it "
                "among the departures (arrows, Enter).",
            )
            if mode == "out"
            else tr("DeskScreen", "Scan a unit: the desk finds the booking it is out on.")
        )
        self.lines_model.set_lines([], mode, None)

    def show_booking(self, view: DeskBooking, mode: str, highlight: int | None) -> None:
        self.setCurrentIndex(1)
        self.reference_label.setText(view.reference)
        status = BookingStatus(view.status)
        if self.status_chip.status() != status.value:  # re-styled only on a change
            self.status_chip.set_status(status.value, label(BOOKING_STATUS_LABELS[status]))
        self.customer_label.setText(
            " — ".join(t for t in (view.customer, view.event, view.venue) if t)
        )
        self.dates_label.setText(
            tr("DeskScreen", "Pick-up %1   →   return %2")
            .replace("%1", _when(view.start))
            .replace("%2", _when(view.end))
        )
        self.lines_model.set_lines(view.lines, mode, highlight)
        row = self.lines_model.row_of(highlight)
        if row >= 0:
            self.lines_view.scrollTo(self.lines_model.index(row, 0))
