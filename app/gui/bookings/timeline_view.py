"""The timeline's painted view: item types (grouped by category) down, days across; each
cell is "free / total" for that day, from the one availability engine.

``TimelineView`` is a QAbstractScrollArea that paints only the visible cells itself (no
item per cell, no model; see ``timeline_painter``): 2,000 types scroll as fast as 20. Rows
scroll by whole rows; the name column and the day header stay put.

Caching: cells are computed per (period, type) and kept until the period changes or the
screen says bookings or the catalogue changed (``invalidate``). Before painting, the view
asks for the visible rows it lacks (plus a margin) in ONE read
(``booking.planning.compute_cells``). With the threaded runner cells fill in when the read
comes back; with ``SyncRunner`` (tests, benchmark) they are there before the first paint.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from app.gui.bookings import timeline_painter
from app.gui.bookings.calendar_common import holiday_names
from app.gui.shell import style
from app.gui.shell.operations import Operations
from booking.planning import MONTH, QUARTER, WEEK, Cell, TypeRow, compute_cells

tr = QCoreApplication.translate

#: Minimum column width per zoom (columns widen to fill the view); a month's 31 days
#: leave the names about 400 px of a 1366 px screen.
MIN_COLUMN = {WEEK: 72, MONTH: 22, QUARTER: 22}
#: The name column's width: at least (enough for a typical code and name), and at most
#: when the days leave room.
NAME_MIN, NAME_MAX = 400, 520
#: Rows computed beyond the visible ones, so scrolling a little never waits.
MARGIN_ROWS = 24
MOVES = {Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Right}
ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class TimelineView(QAbstractScrollArea):
    """Types × days, painted cell by visible cell. Arrows move the selected cell, Enter
    (or a click) activates it."""

    cell_activated = Signal(int, object)  # type id, dt.date
    current_changed = Signal(int, object)

    ROW_HEIGHT = 22
    HEADER_HEIGHT = 38
    NAME_WIDTH = NAME_MIN

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rows: list[TypeRow | str] = []  # a str is a category header
        self.days: list[dt.date] = []
        self.zoom = MONTH
        self.today = ops.ctx.clock.today()
        self.holidays: dict[dt.date, str] = {}
        self.cells: dict[int, list[Cell]] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._painting = False
        self.current: tuple[int, int] | None = None  # (row, column)
        self.column_width = MIN_COLUMN[MONTH]
        #: What the view says when it has no row (the screen sets it with the filters).
        self.empty_text = tr("Timeline", "No item type matches.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Timeline", "Availability timeline"))
        self.setAccessibleDescription(
            tr("Timeline", "Item types down, days across: free of stock each day.")
        )
        self.setMouseTracking(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)
        font = self.font()
        self.small = QFont(font)
        self.small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small_bold = QFont(self.small)
        self.small_bold.setBold(True)
        style.notifier().changed.connect(self.viewport().update)

    # --- contents -----------------------------------------------------------------------

    def set_rows(self, rows: list[TypeRow | str]) -> None:
        type_id = self.current_type()
        day = self.current_day()
        self.rows = rows
        self.current = None
        if type_id is not None:
            for n, row in enumerate(rows):
                if isinstance(row, TypeRow) and row.id == type_id:
                    self.current = (n, self.days.index(day) if day in self.days else 0)
        self._layout()
        self.viewport().update()

    def set_period(self, days: list[dt.date], zoom: str) -> None:
        column = self.current[1] if self.current else 0
        self.days, self.zoom = days, zoom
        self.holidays = holiday_names([days[0].year, days[-1].year])
        self.invalidate()
        if self.current is not None:
            self.current = (self.current[0], min(column, len(days) - 1))
        self.horizontalScrollBar().setValue(0)
        self._layout()

    def invalidate(self) -> None:
        """Drop computed cells (period changed, or bookings/catalogue changed)."""
        self.cells = {}
        self._pending = set()
        self._generation += 1
        self.viewport().update()

    def type_rows(self) -> list[TypeRow]:
        return [r for r in self.rows if isinstance(r, TypeRow)]

    def cell(self, type_id: int, day: dt.date) -> Cell | None:
        """The computed cell (None until it is computed)."""
        found = self.cells.get(type_id)
        if found is None or day not in self.days:
            return None
        return found[self.days.index(day)]

    def current_type(self) -> int | None:
        if self.current is None or self.current[0] >= len(self.rows):
            return None
        row = self.rows[self.current[0]]
        return row.id if isinstance(row, TypeRow) else None

    def current_day(self) -> dt.date | None:
        if self.current is None or not self.days:
            return None
        return self.days[min(self.current[1], len(self.days) - 1)]

    # --- geometry -----------------------------------------------------------------------

    def visible_row_count(self) -> int:
        return max(1, (self.viewport().height() - self.HEADER_HEIGHT) // self.ROW_HEIGHT)

    def first_row(self) -> int:
        return self.verticalScrollBar().value()

    def _layout(self) -> None:
        if not self.days:
            return
        # the names take what the days leave (no white space beside truncated names)
        spare = self.viewport().width() - MIN_COLUMN[self.zoom] * len(self.days)
        self.NAME_WIDTH = max(NAME_MIN, min(NAME_MAX, spare))
        room = self.viewport().width() - self.NAME_WIDTH
        self.column_width = max(MIN_COLUMN[self.zoom], room // len(self.days))
        shown = self.visible_row_count()
        vbar = self.verticalScrollBar()
        vbar.setRange(0, max(0, len(self.rows) - shown))
        vbar.setPageStep(shown)
        vbar.setSingleStep(1)
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(0, self.column_width * len(self.days) - room))
        hbar.setPageStep(max(1, room))
        hbar.setSingleStep(self.column_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def sizeHint(self) -> QSize:
        return QSize(1000, 600)

    def cell_rect(self, row: int, column: int) -> QRect:
        x = self.NAME_WIDTH + column * self.column_width - self.horizontalScrollBar().value()
        y = self.HEADER_HEIGHT + (row - self.first_row()) * self.ROW_HEIGHT
        return QRect(x, y, self.column_width, self.ROW_HEIGHT)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        """(row, column) under a viewport point; column -1 on the name column."""
        if pos.y() < self.HEADER_HEIGHT or not self.days:
            return None
        row = self.first_row() + (pos.y() - self.HEADER_HEIGHT) // self.ROW_HEIGHT
        if row >= len(self.rows):
            return None
        if pos.x() < self.NAME_WIDTH:
            return row, -1
        scrolled = pos.x() - self.NAME_WIDTH + self.horizontalScrollBar().value()
        column = scrolled // self.column_width
        return (row, column) if column < len(self.days) else None

    def day_at(self, pos: QPoint) -> dt.date | None:
        if pos.x() < self.NAME_WIDTH or not self.days:
            return None
        scrolled = pos.x() - self.NAME_WIDTH + self.horizontalScrollBar().value()
        column = scrolled // self.column_width
        return self.days[column] if 0 <= column < len(self.days) else None

    # --- computing cells ----------------------------------------------------------------

    def ensure_cells(self) -> None:
        """Ask, in one read, for the cells of the visible rows (and a margin) not yet
        computed for this period."""
        if not self.days or not self.rows:
            return
        first = max(0, self.first_row() - MARGIN_ROWS // 2)
        last = min(len(self.rows), self.first_row() + self.visible_row_count() + MARGIN_ROWS)
        wanted = [
            r.id
            for r in self.rows[first:last]
            if isinstance(r, TypeRow) and r.id not in self.cells and r.id not in self._pending
        ]
        if not wanted:
            return
        self._pending.update(wanted)
        generation, days = self._generation, list(self.days)
        now = self.ops.ctx.clock.local_now()

        def done(found: dict[int, list[Cell]]) -> None:
            if generation != self._generation:
                return
            self.cells.update(found)
            self._pending.difference_update(found)
            if not self._painting:
                self.viewport().update()

        def failed(err: Any) -> None:
            if generation == self._generation:
                self._pending.difference_update(wanted)
            self.ops.failed.emit(err)

        self.ops.read(lambda uow: compute_cells(uow, wanted, days, now), done, failed)

    # --- painting -----------------------------------------------------------------------

    def _day_shade(self, day: dt.date) -> QColor | None:
        return timeline_painter.day_shade(self, day)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painting = True
        try:
            self.ensure_cells()
            painter = QPainter(self.viewport())
            try:
                timeline_painter.paint(self, painter)
            finally:
                painter.end()
        finally:
            self._painting = False

    # --- interaction --------------------------------------------------------------------

    def set_current(self, row: int, column: int, activate: bool = False) -> None:
        if not (0 <= row < len(self.rows)) or not self.days:
            return
        column = max(0, min(column, len(self.days) - 1))
        self.current = (row, column)
        self.scroll_to(row, column)
        self.viewport().update()
        type_id, day = self.current_type(), self.current_day()
        if type_id is not None and day is not None:
            self._describe(type_id, day)
            self.current_changed.emit(type_id, day)
            if activate:
                self.cell_activated.emit(type_id, day)

    def _describe(self, type_id: int, day: dt.date) -> None:
        """Say the selected cell to screen readers (the view paints it, no item has it)."""
        row = self.rows[self.current[0]] if self.current else None
        if isinstance(row, TypeRow) and row.id == type_id:
            self.setAccessibleDescription(self.cell_text(row, day))

    def scroll_to(self, row: int, column: int) -> None:
        vbar = self.verticalScrollBar()
        shown = self.visible_row_count()
        if row < vbar.value():
            vbar.setValue(row)
        elif row >= vbar.value() + shown:
            vbar.setValue(row - shown + 1)
        hbar = self.horizontalScrollBar()
        room = self.viewport().width() - self.NAME_WIDTH
        left = column * self.column_width
        if left < hbar.value():
            hbar.setValue(left)
        elif left + self.column_width > hbar.value() + room:
            hbar.setValue(left + self.column_width - room)

    def _step_row(self, row: int, step: int) -> int:
        """The next type row from ``row`` in direction ``step``, skipping headers."""
        n = row + step
        while 0 <= n < len(self.rows) and not isinstance(self.rows[n], TypeRow):
            n += 1 if step > 0 else -1
        if 0 <= n < len(self.rows):
            return n
        return row

    def first_type_row(self) -> int | None:
        return next((n for n, r in enumerate(self.rows) if isinstance(r, TypeRow)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.cell_at(event.position().toPoint())
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        row, column = hit
        if not isinstance(self.rows[row], TypeRow):
            return
        if column < 0:
            column = self.current[1] if self.current else 0
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.set_current(row, column, activate=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.current is None:
            first = self.first_type_row()
            if first is not None and (key in MOVES or key in ENTER):
                self.set_current(first, 0)
                return
            super().keyPressEvent(event)
            return
        target = self._key_target(key, *self.current)
        if target is None:
            super().keyPressEvent(event)
        else:
            self.set_current(*target, activate=key in ENTER)

    def _key_target(self, key: int, row: int, column: int) -> tuple[int, int] | None:
        """The cell a key moves to from (row, column), None for a key the view ignores."""
        shown = self.visible_row_count()
        if key == Qt.Key.Key_PageDown:
            target = min(len(self.rows) - 1, row + shown)
            return (self._step_row(target - 1, 1) if target > row else row), column
        if key == Qt.Key.Key_PageUp:
            target = max(0, row - shown)
            return (self._step_row(target + 1, -1) if target < row else row), column
        moves: dict[int, tuple[int, int]] = {
            Qt.Key.Key_Down: (self._step_row(row, 1), column),
            Qt.Key.Key_Up: (self._step_row(row, -1), column),
            Qt.Key.Key_Right: (row, column + 1),
            Qt.Key.Key_Left: (row, column - 1),
            Qt.Key.Key_Home: (row, 0),
            Qt.Key.Key_End: (row, len(self.days) - 1),
            Qt.Key.Key_Return: (row, column),
            Qt.Key.Key_Enter: (row, column),
        }
        return moves.get(key)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if delta.y() and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            vbar = self.verticalScrollBar()
            vbar.setValue(vbar.value() - round(delta.y() / 40))
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """The header's day (and its public holiday), or a cell's figures."""
        day = self.day_at(pos)
        if day is None:
            return ""
        if pos.y() < self.HEADER_HEIGHT:
            holiday = self.holidays.get(day)
            return f"{long_day(day)} — {holiday}" if holiday else long_day(day)
        hit = self.cell_at(pos)
        if hit is None or not isinstance(self.rows[hit[0]], TypeRow):
            return ""
        row = self.rows[hit[0]]
        assert isinstance(row, TypeRow)
        return self.cell_text(row, day)

    def cell_text(self, row: TypeRow, day: dt.date) -> str:
        """A cell in words: the type and day, free of stock, a shortage, quotes."""
        cell = self.cell(row.id, day)
        if cell is None:
            return ""
        lines = [
            f"{row.code} — {long_day(day)}",
            tr("Timeline", "%n free of %1", None, cell.free).replace("%1", str(cell.total)),
        ]
        if cell.shortage:
            lines.append(tr("Timeline", "Short by %1").replace("%1", str(-cell.free)))
        if cell.quoted:
            lines.append(
                tr("Timeline", "Quotes would leave %1").replace("%1", str(cell.free_if_quotes))
            )
        return "\n".join(lines)


def long_day(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")
