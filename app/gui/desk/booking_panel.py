"""The booking open on the desk: its reference (the screen's subject, title size) with its
status chip, customer, event and venue, its dates, and its lines' progress. With no booking
open, a sentence saying how to open one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
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
from app.gui.desk.desk_models import LinesModel, state_words
from app.gui.shell import style
from app.gui.shell.chips import StatusChip
from app.gui.shell.empty import EmptyState
from app.gui.shell.widgets import format_date
from app.i18n import label
from booking.desk_queries import DeskBooking
from booking.models import BOOKING_STATUS_LABELS, BookingStatus

tr = QCoreApplication.translate

#: The code column's widest, in average characters (a longer code elides in the middle).
CODE_CHARS = 16


def _when(value: dt.datetime) -> str:
    return f"{format_date(value.date())} {value:%H:%M}"


def _header_font(base: QFont) -> QFont:
    """The desk sheet's header font: small, semi-bold."""
    font = QFont(base)
    font.setPointSizeF(look.points("small"))
    font.setWeight(QFont.Weight.DemiBold)
    return font


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
        # the words of the rows' colours (a partly done line is amber, a done one green)
        self.partial_chip = StatusChip("scan")
        self.complete_chip = StatusChip("scan")
        for chip in (self.partial_chip, self.complete_chip):
            look.sized(chip, "small")
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
        dates = QHBoxLayout()
        dates.setSpacing(style.SPACE.s)
        dates.addWidget(self.dates_label, 1)
        dates.addWidget(self.partial_chip)
        dates.addWidget(self.complete_chip)
        layout.addLayout(head)
        layout.addWidget(self.customer_label)
        layout.addLayout(dates)
        layout.addSpacing(style.SPACE.xs)
        layout.addWidget(self.lines_view, 1)
        return page

    def _size_lines(self) -> None:
        """The name takes the free width; the code and the figures are as wide as their
        header or their widest cell (figures: as wide as the line's largest count could
        make them). Sized when the rows are replaced, not per scan (a scan updates the
        figures in place)."""
        view, header = self.lines_view, self.lines_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        cell_font = QFont(view.font())
        cell_font.setBold(True)  # the progress column is bold; the others fit in its width
        cells, titles = QFontMetrics(cell_font), QFontMetrics(_header_font(view.font()))
        rows = self.lines_model.rows
        largest = max((max(p.wanted, p.left, p.out) for p in rows), default=0)
        figures = {2: f"{largest} / {largest}"}
        pad = 2 * style.SPACE.s
        for column in range(1, self.lines_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            if column == 1:
                widest = max((cells.horizontalAdvance(p.code) for p in rows), default=0)
                wanted = min(widest, cells.averageCharWidth() * CODE_CHARS)
            else:
                wanted = cells.horizontalAdvance(figures.get(column, str(largest)))
            title = str(self.lines_model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(titles.horizontalAdvance(title), wanted) + pad)

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
        if mode != "out":  # damaged and missing take room only once something is
            self.lines_view.setColumnHidden(4, not any(p.damaged for p in view.lines))
            self.lines_view.setColumnHidden(5, not any(p.missing for p in view.lines))
        self.partial_chip.set_status("warning", state_words("partial", mode))
        self.complete_chip.set_status("ok", state_words("complete", mode))
        row = self.lines_model.row_of(highlight)
        if row >= 0:
            self.lines_view.scrollTo(self.lines_model.index(row, 0))
