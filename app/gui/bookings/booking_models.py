"""Qt models of customers and bookings: lists hold the ids a search returned and fetch
their rows through ``ops.read`` (see ``app.gui.shell.models``); the booking editor's lines are
an editable in-memory model whose "available" column the editor fills from the engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app import i18n
from app.core.db import UnitOfWork
from app.core.money import to_cents
from app.gui.shell import style
from app.gui.shell.chips import STATUS_ROLE
from app.gui.shell.models import ID_ROLE, RIGHT, Index, LazyTableModel
from app.gui.shell.widgets import format_amount, format_date, format_datetime
from booking import customers, queries
from booking.availability import Availability
from booking.customers import CustomerRow
from booking.models import (
    BOOKING_STATUS_LABELS,
    CUSTOMER_CATEGORY_LABELS,
)

tr = QCoreApplication.translate


def booking_status_label(value: str) -> str:
    return i18n.enum_label(BOOKING_STATUS_LABELS, value)


def customer_category_label(value: str) -> str:
    return i18n.enum_label(CUSTOMER_CATEGORY_LABELS, value)


def _brush(token: str) -> QBrush:
    """A brush of a colour token of the theme in use (``success``, ``danger``…)."""
    return QBrush(style.colour(token))


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


# --- customers -------------------------------------------------------------------------------


class CustomerTableModel(LazyTableModel):
    """Customers: number, name, category, city, member today."""

    fetch_rows: ClassVar[Callable[[UnitOfWork, Sequence[int]], dict[int, Any]]] = staticmethod(
        customers.customer_rows
    )
    columns = ("number", "name", "category", "city", "member")

    def header(self, section: int) -> str:
        return (
            tr("CustomerTableModel", "Number"),
            tr("CustomerTableModel", "Name"),
            tr("CustomerTableModel", "Category"),
            tr("CustomerTableModel", "City"),
            tr("CustomerTableModel", "Member today"),
        )[section]

    def cell(self, row: CustomerRow, column: str, role: int) -> Any:
        if column == "member":
            number = row.membership_on(self.ops.ctx.clock.today())
            if role == Qt.ItemDataRole.ToolTipRole and number:
                return tr("CustomerTableModel", "Member number %1").replace("%1", number)
            if role == Qt.ItemDataRole.ForegroundRole and number:
                return _brush("success")
            if role == Qt.ItemDataRole.DisplayRole:
                return tr("CustomerTableModel", "yes") if number else tr("CustomerTableModel", "no")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "category":
            return customer_category_label(row.category)
        return getattr(row, column)


# --- bookings --------------------------------------------------------------------------------


class BookingTableModel(LazyTableModel):
    """Bookings: reference, status (a chip: its key under ``STATUS_ROLE``), customer, event,
    pick-up, return."""

    fetch_rows: ClassVar[Callable[[UnitOfWork, Sequence[int]], dict[int, Any]]] = staticmethod(
        queries.booking_rows
    )
    columns = ("reference", "status", "customer", "event", "start", "end")

    def header(self, section: int) -> str:
        return (
            tr("BookingTableModel", "Reference"),
            tr("BookingTableModel", "Status"),
            tr("BookingTableModel", "Customer"),
            tr("BookingTableModel", "Event"),
            tr("BookingTableModel", "Pick-up"),
            tr("BookingTableModel", "Return"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == STATUS_ROLE:  # the status chip's key (``LazyTableModel`` skips the role)
            if not index.isValid() or self.columns[index.column()] != "status":
                return None
            row = self.row_data(index.row()) if index.row() < self.rowCount() else None
            return row.status if row is not None else None
        return super().data(index, role)

    def cell(self, row: queries.BookingRow, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == "event" and row.venue:
            return row.venue
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "status":
            return booking_status_label(row.status)
        if column == "customer":
            return f"{row.customer_name} ({row.customer_number})"
        if column in ("start", "end"):
            return format_datetime(getattr(row, column))
        return getattr(row, column)


# --- the editor's lines ----------------------------------------------------------------------


@dataclass
class EditorLine:
    item_type_id: int
    code: str
    name: str
    quantity: int
    availability: Availability | None = field(default=None)
    #: Pieces missing at the busiest instant (buffers included), from ``check_request``.
    missing: int = 0
    #: The line's net excl. VAT and how it is computed (the quote's line detail), from
    #: ``invoices.draft_quote``; None while unknown.
    net: Decimal | None = None
    detail: str = ""

    @property
    def short_by(self) -> int:
        found = self.availability
        lacking = self.quantity - max(found.available, 0) if found is not None else 0
        return max(lacking, self.missing, 0)


class LinesModel(QAbstractTableModel):
    """Lines of the booking being edited: code, name, quantity (editable), available,
    price excl. VAT."""

    columns = ("code", "name", "quantity", "available", "price")
    QUANTITY = 2
    AVAILABLE = 3
    PRICE = 4
    MAX_QUANTITY = 10_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[EditorLine] = []

    # --- contents -----------------------------------------------------------------------

    def set_lines(self, lines: Sequence[EditorLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def add(self, type_id: int, code: str, name: str, quantity: int = 1) -> int:
        """Add ``quantity`` of a type (a new line, or more on its line); returns the row."""
        for row, line in enumerate(self.lines):
            if line.item_type_id == type_id:
                self.set_quantity(row, line.quantity + quantity)
                return row
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(EditorLine(type_id, code, name, min(quantity, self.MAX_QUANTITY)))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()

    def set_quantity(self, row: int, quantity: int) -> None:
        quantity = max(1, min(quantity, self.MAX_QUANTITY))
        if self.lines[row].quantity != quantity:
            self.lines[row].quantity = quantity
            index = self.index(row, self.QUANTITY)
            self.dataChanged.emit(index, index.siblingAtColumn(len(self.columns) - 1))

    def wanted(self) -> dict[int, int]:
        return {line.item_type_id: line.quantity for line in self.lines}

    def set_availability(
        self, found: dict[int, Availability], missing: dict[int, int] | None = None
    ) -> None:
        for line in self.lines:
            line.availability = found.get(line.item_type_id)
            line.missing = (missing or {}).get(line.item_type_id, 0)
        self._column_changed(self.AVAILABLE)

    def set_prices(self, prices: dict[str, tuple[Decimal, str]] | None) -> None:
        """Each line's net and detail by item code (None: unknown, shown as "…")."""
        for line in self.lines:
            line.net, line.detail = (prices or {}).get(line.code, (None, ""))
        self._column_changed(self.PRICE)

    def _column_changed(self, column: int) -> None:
        if self.lines:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.lines) - 1, column))

    def short_rows(self) -> list[int]:
        return [n for n, line in enumerate(self.lines) if line.short_by]

    # --- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            tr("LinesModel", "Code"),
            tr("LinesModel", "Item type"),
            tr("LinesModel", "Quantity"),
            tr("LinesModel", "Available"),
            tr("LinesModel", "Price excl. VAT"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.QUANTITY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.QUANTITY
            or role != Qt.ItemDataRole.EditRole
            or index.row() >= len(self.lines)
        ):
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if quantity < 1:
            return False
        self.set_quantity(index.row(), quantity)
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        line = self.lines[index.row()]
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return line.item_type_id
        if column == "quantity":
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return line.quantity
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT
            return None
        if column == "available":
            return self._available(line, role)
        if column == "price":
            return self._price(line, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return getattr(line, column)
        return None

    def _price(self, line: EditorLine, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.DisplayRole:
            return "…" if line.net is None else format_amount(to_cents(line.net))
        if role == Qt.ItemDataRole.ToolTipRole and line.detail:
            return line.detail
        return None

    def _available(self, line: EditorLine, role: int) -> Any:
        found = line.availability
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if found is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        short = line.short_by > 0
        if role == Qt.ItemDataRole.DisplayRole:
            if short:
                return (
                    tr("LinesModel", "%1 (%2)")
                    .replace("%1", str(max(found.available, 0)))
                    .replace("%2", tr("LinesModel", "%n missing", None, line.short_by))
                )
            return str(found.available)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush("danger" if short else "success")
        if role == Qt.ItemDataRole.FontRole and short:
            return _bold()
        if role == Qt.ItemDataRole.BackgroundRole and short:
            return QBrush(QColor(style.tone("red").bg))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = tr(
                "LinesModel",
                "%1 serviceable, %2 held by confirmed bookings at the busiest moment; "
                "%3 available for %4 requested.",
            )
            text = (
                text.replace("%1", str(found.serviceable))
                .replace("%2", str(found.reserved))
                .replace("%3", str(max(found.available, 0)))
                .replace("%4", str(line.quantity))
            )
            if found.tentative > found.reserved:
                extra = tr("LinesModel", "Quotes also ask for %1 (tentative, not blocking).")
                text += "\n" + extra.replace("%1", str(found.tentative - found.reserved))
            return text
        return None


def membership_note(number: str | None, first: dt.date, last: dt.date) -> str:
    """The editor's member-rate line for a booking from ``first`` to ``last``; ``number``
    is one member number, or several in date order ("S-R26, S-R27") when a renewal takes
    over during the booking: "memberships S-R26 then S-R27 cover …"."""
    numbers = [n.strip() for n in (number or "").split(",") if n.strip()]
    if not numbers:
        return tr("BookingEditor", "No membership covers these dates: non-member rate.")
    if len(numbers) == 1:
        text = tr("BookingEditor", "Member rate: membership %1 covers %2 – %3.")
        shown = numbers[0]
    else:
        text = tr("BookingEditor", "Member rate: memberships %1 cover %2 – %3.")
        then = tr("BookingEditor", "%1 then %2")
        shown = then.replace("%1", ", ".join(numbers[:-1])).replace("%2", numbers[-1])
    return (
        text.replace("%1", shown).replace("%2", format_date(first)).replace("%3", format_date(last))
    )


__all__ = [
    "ID_ROLE",
    "BookingTableModel",
    "CustomerRow",
    "CustomerTableModel",
    "EditorLine",
    "LinesModel",
    "booking_status_label",
    "customer_category_label",
    "membership_note",
]
