"""Qt models of the desk: the open booking's lines with their progress, and the departures.

The rows are plain data read in one transaction (``load_booking``, ``load_departures``) and
handed over whole; a scan replaces them (a booking has tens of lines, not thousands).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.gui.shell.widgets import format_date
from booking import desk
from booking.bookings import booking_by_ref
from booking.desk import LineProgress
from booking.models import Booking, Customer

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

#: Line state → (background, text). Outstanding is plain, partial amber, complete green.
STATE_COLOURS = {
    "outstanding": ("#ffffff", "#111111"),
    "partial": ("#ffe08a", "#111111"),
    "complete": ("#b9e4c0", "#0b3d17"),
}
HIGHLIGHT = ("#0d47a1", "#ffffff")


@dataclass
class DeskBooking:
    reference: str
    customer: str
    event: str
    venue: str
    start: dt.datetime
    end: dt.datetime
    status: str
    lines: list[LineProgress] = field(default_factory=list)
    #: Units still out (barcode, type name, serial): what F8 can declare missing.
    units_out: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Departure:
    reference: str
    customer: str
    event: str
    start: dt.datetime
    end: dt.datetime
    status: str
    #: Confirmed with a pick-up day already past: it should have left.
    late: bool = False


def _customer_name(uow: UnitOfWork, booking: Booking) -> str:
    customer = uow.session.get(Customer, booking.customer_id)
    return customer.name if customer is not None else ""


def load_booking(uow: UnitOfWork, reference: str) -> DeskBooking:
    """The booking's header, its lines' progress and the units still out on it."""
    booking = booking_by_ref(uow, reference)
    assert booking.id is not None
    out = [u for u in desk.units_moved(uow, booking.id) if u["back"] is None]
    lines = desk.progress(uow, booking.id)
    names = {p.code: p.name for p in lines}
    return DeskBooking(
        booking.reference,
        _customer_name(uow, booking),
        booking.event,
        booking.venue,
        booking.start,
        booking.end,
        booking.status,
        lines,
        [(u["barcode"], names.get(u["code"], u["code"]), u["serial"] or "") for u in out],
    )


def load_departures(uow: UnitOfWork, clock: Clock) -> list[Departure]:
    return [
        Departure(
            b.reference,
            _customer_name(uow, b),
            b.event,
            b.start,
            b.end,
            b.status,
            desk.is_late(b, clock=clock),
        )
        for b in desk.departures(uow, clock=clock)
    ]


def line_state(line: LineProgress, mode: str) -> str:
    """Check-out: the service's state. Check-in: nothing back, some back, all back."""
    if mode == "out":
        return line.state
    if line.left == 0 or line.back == 0:
        return "outstanding"
    return "complete" if line.out <= 0 else "partial"


def _when(value: dt.datetime) -> str:
    return f"{format_date(value.date())} {value:%H:%M}"


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
            return f"{line.code} — {line.name}"
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = HIGHLIGHT if highlighted else STATE_COLOURS[line_state(line, self.mode)]
            index_ = 0 if role == Qt.ItemDataRole.BackgroundRole else 1
            return QBrush(QColor(colours[index_]))
        if role == Qt.ItemDataRole.FontRole and (highlighted or column == 2):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cells(line)[column]
        return None


class DeparturesModel(QAbstractTableModel):
    """What still has to leave (today, tomorrow, late): pick-up, reference, customer (event
    in the tip). A late pick-up is red and says so."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Departure] = []

    def set_rows(self, rows: list[Departure]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            tr("DeskScreen", "Pick-up"),
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
        row = self.rows[index.row()]
        if not 0 <= index.column() < 3:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = f"{row.start:%d/%m %H:%M}"
            if row.late:
                when = tr("DeskScreen", "late · %1").replace("%1", when)
            return [when, row.reference, row.customer][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            late = tr("DeskScreen", "Late: it should have left") if row.late else ""
            return " — ".join(t for t in (row.customer, row.event, _when(row.start), late) if t)
        if role == Qt.ItemDataRole.ForegroundRole and row.late and index.column() == 0:
            return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.UserRole:
            return row.reference
        if role == Qt.ItemDataRole.FontRole and index.column() == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None
