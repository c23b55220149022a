"""Qt table models of the catalogue (after Anki's browser table): a model holds the row ids
a search returned and fetches the rows themselves lazily, a block at a time, through
``ops.read``; with the threaded runner cells fill in when the read comes back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from app import i18n
from app.core.db import UnitOfWork
from app.gui.shell import style
from app.gui.shell.chips import STATUS_ROLE
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_date
from inventory import queries
from inventory.models import CATEGORY_LABELS, STATUS_LABELS, Tracking, UnitStatus

tr = QCoreApplication.translate

BLOCK = 200
#: A block read waiting behind more than this many newer ones is skipped (see ``_fetch``).
STALE = 2
ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: A model's read of its rows by id (run in the background): ``queries.type_rows``…
Fetch = Callable[[UnitOfWork, Sequence[int]], dict[int, Any]]


class LazyTableModel(QAbstractTableModel):
    """Row ids in memory, rows fetched by blocks of BLOCK on first display."""

    fetch_rows: ClassVar[Fetch]

    def __init__(self, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._ids: list[int] = []
        self._positions: dict[int, int] = {}
        self._rows: dict[int, Any] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._asked = 0  # blocks asked for, ever: a block's turn tells how stale it is
        #: Blocks actually read from the database (tests count them).
        self.fetches = 0

    # --- contents -----------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show these rows (in this order); cached rows are dropped, so this also refreshes."""
        self.beginResetModel()
        self._ids = list(ids)
        self._positions = {row_id: n for n, row_id in enumerate(self._ids)}
        self._rows = {}
        self._pending = set()
        self._generation += 1
        self.endResetModel()
        if self._ids:
            self._fetch(0)

    def extend_ids(self, more: Sequence[int]) -> None:
        """Add these rows at the end (the rest of a list whose first page is shown), keeping
        the rows read, the selection and the scroll position."""
        fresh = [row_id for row_id in more if row_id not in self._positions]
        if not fresh:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for n, row_id in enumerate(fresh, start=first):
            self._ids.append(row_id)
            self._positions[row_id] = n
        self.endInsertRows()

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: int) -> int | None:
        return self._positions.get(row_id)

    def row_data(self, row: int) -> Any | None:
        """The fetched row at ``row``, asking for its block when it is not there yet."""
        row_id = self.id_at(row)
        if row_id is None:
            return None
        found = self._rows.get(row_id)
        if found is None:
            self._fetch(row // BLOCK)
            found = self._rows.get(row_id)
        return found

    def _fetch(self, block: int) -> None:
        """Read one block in the background. A block asked for while scrolling past is
        skipped when its turn comes if STALE newer blocks were asked for since (the view
        asks again if it is still in sight), and a block of an older list is never read:
        dragging the scroll bar to the end of 200,000 rows reads the last blocks only."""
        if block in self._pending:
            return
        self._pending.add(block)
        self._asked += 1
        first = block * BLOCK
        ids = self._ids[first : first + BLOCK]
        generation, asked = self._generation, self._asked
        synchronous = True

        def read(uow: UnitOfWork) -> dict[int, Any] | None:
            if generation != self._generation or self._asked - asked > STALE:
                return None  # read on the worker: the list or the view moved on
            self.fetches += 1
            return self.read_rows(uow, ids)

        def done(rows: dict[int, Any] | None) -> None:
            if generation != self._generation:
                return
            if rows is None:
                self._pending.discard(block)
            else:
                self._rows.update(rows)
            if not synchronous and ids:
                last = first + len(ids) - 1
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, self.columnCount() - 1)
                )

        self.ops.read(read, done)
        synchronous = False

    def read_rows(self, uow: UnitOfWork, ids: Sequence[int]) -> dict[int, Any]:
        """The rows of ``ids`` (run on the worker): the class's ``fetch_rows``."""
        return type(self).fetch_rows(uow, ids)

    def append_rows(self, rows: dict[int, Any]) -> None:
        """Add rows already read (by id, in order) at the end: a list filled chunk by
        chunk as its rows are computed."""
        fresh = {row_id: row for row_id, row in rows.items() if row_id not in self._positions}
        self._rows.update(fresh)
        self.extend_ids(list(fresh))

    def loaded(self) -> list[Any]:
        """The rows read so far, in the list's order."""
        return [self._rows[i] for i in self._ids if i in self._rows]

    # --- Qt ------------------------------------------------------------------------------

    columns: ClassVar[tuple[str, ...]] = ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header(section)
        return None

    def header(self, section: int) -> str:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.TextAlignmentRole,
            STATUS_ROLE,
        ):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        return self.cell(row, self.columns[index.column()], role)

    def cell(self, row: Any, column: str, role: int) -> Any:
        raise NotImplementedError

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _due_cell(due: dt.date | None, today: dt.date, role: int) -> Any:
    overdue = due is not None and due < today
    if role == Qt.ItemDataRole.DisplayRole:
        return format_date(due)
    if not overdue:
        return None
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(style.colour("danger"))
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        return tr("TypeTableModel", "Inspection overdue since %1").replace("%1", format_date(due))
    return None


def category_label(value: str) -> str:
    return i18n.enum_label(CATEGORY_LABELS, value)


def status_label(value: str) -> str:
    return i18n.enum_label(STATUS_LABELS, value)


class TypeTableModel(LazyTableModel):
    """Item types: code, name, category, manufacturer, model, quantity, serviceable, due."""

    fetch_rows: ClassVar[Fetch] = staticmethod(queries.type_rows)
    columns = (
        "code",
        "name",
        "category",
        "manufacturer",
        "model",
        "quantity",
        "serviceable",
        "due",
    )

    def header(self, section: int) -> str:
        return (
            tr("TypeTableModel", "Code"),
            tr("TypeTableModel", "Name"),
            tr("TypeTableModel", "Category"),
            tr("TypeTableModel", "Manufacturer"),
            tr("TypeTableModel", "Model"),
            tr("TypeTableModel", "Quantity"),
            tr("TypeTableModel", "Serviceable"),
            tr("TypeTableModel", "Next inspection"),
        )[section]

    def cell(self, row: queries.TypeRow, column: str, role: int) -> Any:
        if column == "due":
            return _due_cell(row.next_due, self.ops.ctx.clock.today(), role)
        bulk = row.tracking == Tracking.BULK
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in ("quantity", "serviceable") else None
        if role == Qt.ItemDataRole.ToolTipRole and column == "quantity" and bulk:
            return tr("TypeTableModel", "Counted in bulk (stock quantity)")
        if role == Qt.ItemDataRole.ToolTipRole and column == "serviceable" and not bulk:
            # the number beside the quantity says it; no colour that would say it alone
            return (
                tr(
                    "TypeTableModel",
                    "%1 of %2 units serviceable; the others are in repair, lost or retired",
                )
                .replace("%1", str(row.serviceable))
                .replace("%2", str(row.units))
                if row.serviceable < row.units
                else None
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "category":
            return category_label(row.category)
        if column == "quantity":
            return row.quantity
        if column == "serviceable":
            return row.stock_quantity if bulk else row.serviceable
        return getattr(row, column)


class UnitTableModel(LazyTableModel):
    """Units of one type: barcode, serial, status (a chip: its key under ``STATUS_ROLE``),
    location, owner, next inspection due."""

    fetch_rows: ClassVar[Fetch] = staticmethod(queries.unit_rows)
    columns = ("barcode", "serial", "status", "location", "owner", "due")

    def header(self, section: int) -> str:
        return (
            tr("UnitTableModel", "Barcode"),
            tr("UnitTableModel", "Serial number"),
            tr("UnitTableModel", "Status"),
            tr("UnitTableModel", "Location"),
            tr("UnitTableModel", "Owner"),
            tr("UnitTableModel", "Next inspection"),
        )[section]

    def cell(self, row: queries.UnitRow, column: str, role: int) -> Any:
        if column == "due":
            return _due_cell(row.next_due, self.ops.ctx.clock.today(), role)
        if column == "status" and role == STATUS_ROLE:
            return str(row.status)  # a chip's tone (chips.TONES["unit"]); the words below
        if column == "status" and role == Qt.ItemDataRole.ForegroundRole:
            return _status_brush(row.status)
        if column == "owner" and role == Qt.ItemDataRole.ToolTipRole and not row.owner:
            return tr("UnitTableModel", "Owned by the cooperative itself")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "status":
            return status_label(row.status)
        if column == "owner":
            return row.owner or tr("UnitTableModel", "Cooperative")
        return getattr(row, column)


def _status_brush(status: str) -> QBrush | None:
    if status == UnitStatus.IN_REPAIR:
        return QBrush(style.colour("warning"))
    if status in (UnitStatus.LOST, UnitStatus.RETIRED):
        return QBrush(style.colour("muted"))
    return None
