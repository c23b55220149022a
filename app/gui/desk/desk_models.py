"""Qt models of the desk: the open booking's lines with their progress, and the departures
or returns still to do.

The rows are plain data read in one transaction by ``booking.desk_queries`` and handed over
whole; a scan replaces them (a booking has tens of lines, not thousands). Colours are the
theme's tones, read when a cell paints, so a theme switch recolours them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.gui.shell import chips, style
from app.gui.shell.widgets import format_date
from booking.desk import LineProgress
from booking.desk_queries import LATE, TODAY, TOMORROW, Departure, DeskBooking

__all__ = ["DeparturesModel", "DeskBooking", "LinesModel", "line_state", "state_words"]

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

#: Line state → the tone of its row (outstanding lines keep the view's colours).
STATE_TONES = {"partial": "amber", "complete": "green"}
#: Item-data role of the "when" column: the time without the word "late" (drawn as a chip).
WHEN_ROLE = Qt.ItemDataRole.UserRole + 41


def line_state(line: LineProgress, mode: str) -> str:
    """Check-out: the service's state. Check-in: nothing back, some back, all back."""
    if mode == "out":
        return line.state
    if line.left == 0 or line.back == 0:
        return "outstanding"
    return "complete" if line.out <= 0 else "partial"


def state_words(state: str, mode: str) -> str:
    """The words of a line's colour (never colour alone): partly / all picked or back."""
    if state == "partial":
        return (
            tr("DeskScreen", "Partly picked") if mode == "out" else tr("DeskScreen", "Partly back")
        )
    if state == "complete":
        return tr("DeskScreen", "All picked") if mode == "out" else tr("DeskScreen", "All back")
    return ""


def _when(value: dt.datetime) -> str:
    return f"{format_date(value.date())} {value:%H:%M}"


def _brush(highlighted: bool, state: str, role: int) -> QBrush | None:
    background = role == Qt.ItemDataRole.BackgroundRole
    if highlighted:
        p = style.palette()
        return QBrush(QColor(p.accent if background else p.accent_text))
    tone = STATE_TONES.get(state)
    if tone is None:
        return None
    colours = style.tone(tone)
    return QBrush(QColor(colours.bg if background else colours.fg))


class LinesModel(QAbstractTableModel):
    """The open booking's lines: check-out shows "left / wanted" and what is still to pick
    (listed first); check-in shows "back / left", still out, damaged and missing."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = "out"
        self.rows: list[LineProgress] = []
        self.highlight: int | None = None  # item type id of the line the last scan counted

    def set_lines(self, lines: list[LineProgress], mode: str, highlight: int | None) -> None:
        """Show ``lines``; when only their figures changed (the usual scan), the rows are
        updated in place, so the view repaints what changed and nothing more."""
        if mode == "out":
            key = lambda p: (p.state == "complete", p.name)  # noqa: E731
        else:
            key = lambda p: (p.out <= 0, p.name)  # noqa: E731
        rows = sorted(lines, key=key)
        same = mode == self.mode and [p.item_type_id for p in rows] == [
            p.item_type_id for p in self.rows
        ]
        if same and rows:
            self.rows, self.highlight = rows, highlight
            last = self.index(len(rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.mode, self.highlight, self.rows = mode, highlight, rows
        self.endResetModel()

    def row_of(self, item_type_id: int | None) -> int:
        return next((n for n, p in enumerate(self.rows) if p.item_type_id == item_type_id), -1)

    def headers(self) -> list[str]:
        if self.mode == "out":
            return [
                tr("DeskScreen", "Item"),
                tr("DeskScreen", "Code"),
                tr("DeskScreen", "Picked"),
                tr("DeskScreen", "To pick"),
            ]
        return [
            tr("DeskScreen", "Item"),
            tr("DeskScreen", "Code"),
            tr("DeskScreen", "Back"),
            tr("DeskScreen", "Still out"),
            tr("DeskScreen", "Damaged"),
            tr("DeskScreen", "Missing"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else (4 if self.mode == "out" else 6)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.columnCount()
        ):
            return self.headers()[section]
        return None

    def cells(self, line: LineProgress) -> list[str]:
        if self.mode == "out":
            left = max(0, line.wanted - line.left)
            return [
                line.name,
                line.code,
                f"{line.left} / {line.wanted}",
                str(left) if left else "✔",
            ]
        return [
            line.name,
            line.code,
            f"{line.back} / {line.left}",
            str(max(0, line.out)),
            str(line.damaged) if line.damaged else "",
            str(line.missing) if line.missing else "",
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line = self.rows[index.row()]
        column = index.column()
        if not 0 <= column < self.columnCount():
            return None
        highlighted = line.item_type_id == self.highlight
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(line)[column]
        if role == Qt.ItemDataRole.UserRole:
            return line.item_type_id
        if role == Qt.ItemDataRole.ToolTipRole:
            words = state_words(line_state(line, self.mode), self.mode)
            return " — ".join(t for t in (line.code, line.name, words) if t)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return _brush(highlighted, line_state(line, self.mode), role)
        if role == Qt.ItemDataRole.FontRole and (highlighted or column == 2):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = state_words(line_state(line, self.mode), self.mode) if column == 0 else ""
            return ", ".join(t for t in (self.cells(line)[column], words) if t)
        return None


class DeparturesModel(QAbstractTableModel):
    """What still has to leave (``kind`` "departures": by pick-up) or come back ("returns":
    by due time), today, tomorrow or late: when, reference, customer (event in the tip).
    A late one says so in words, drawn as a red chip by the view's delegate."""

    def __init__(self, parent: Any = None, kind: str = "departures") -> None:
        super().__init__(parent)
        self.kind = kind
        self.rows: list[Departure] = []

    def set_rows(self, rows: list[Departure]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            tr("DeskScreen", "Pick-up") if self.kind == "departures" else tr("DeskScreen", "Due"),
            tr("DeskScreen", "Booking"),
            tr("DeskScreen", "Customer"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if not 0 <= column < 3:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = _day_time(row)
            if row.late:
                when = tr("DeskScreen", "late · %1").replace("%1", when)
            return [when, row.reference, row.customer][column]
        if role == WHEN_ROLE and column == 0:
            return _day_time(row)
        if role == chips.STATUS_ROLE and column == 0:
            return "late" if row.late else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.reference
        if role == Qt.ItemDataRole.FontRole and column == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tip(self, row: Departure) -> str:
        late = ""
        if row.late:
            late = (
                tr("DeskScreen", "Late: it should have left")
                if self.kind == "departures"
                else tr("DeskScreen", "Late: it should be back")
            )
        due = row.due or row.start
        return " — ".join(t for t in (row.customer, row.event, _when(due), late) if t)


def _day_time(row: Departure) -> str:
    """ "Today 14:00", "Tomorrow 09:00", or the date for anything else (late ones)."""
    due = row.due or row.start
    if row.day == TODAY:
        return tr("DeskScreen", "Today %1").replace("%1", f"{due:%H:%M}")
    if row.day == TOMORROW:
        return tr("DeskScreen", "Tomorrow %1").replace("%1", f"{due:%H:%M}")
    assert row.day in (LATE, "later")
    return f"{due:%d/%m %H:%M}"
