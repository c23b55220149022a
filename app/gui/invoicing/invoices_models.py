"""The invoices screen's table models: the documents (issued invoices and credit notes, or
the drafts to invoice), their status as a chip of kind ``invoice``, and the selected
invoice's payments. The documents are a lazy list (ids, rows by block): ten years of
invoices open at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from app import i18n
from app.core.db import UnitOfWork
from app.gui.invoicing.invoice_dialogs import method_label
from app.gui.shell import style
from app.gui.shell.chips import STATUS_ROLE
from app.gui.shell.models import LazyTableModel
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_amount, format_date
from invoicing import invoice_list
from invoicing.balance import INVOICE_STATUS_LABELS
from invoicing.document import Kind
from invoicing.invoice_queries import CREDIT, DocumentRow, PaymentRow

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: The documents' columns.
NUMBER, KIND, DATE, CUSTOMER, TOTAL, PAID, BALANCE, STATUS = range(8)


def status_label(status: str) -> str:
    if status == CREDIT:
        return tr("InvoicesScreen", "Credit note")
    return i18n.enum_label(INVOICE_STATUS_LABELS, status)


def chip_status(status: str) -> str:
    """The key of a status in the ``invoice`` chips (a credit note is ``credit``)."""
    return "credit" if status == CREDIT else status


def kind_label(kind: str) -> str:
    if kind == Kind.INVOICE.value:
        return tr("InvoicesScreen", "Invoice")
    if kind == Kind.CREDIT_NOTE.value:
        return tr("InvoicesScreen", "Credit note")
    return tr("InvoicesScreen", "Draft")


def draft_note(row: DocumentRow) -> str:
    """Why a draft cannot be computed ("" when it can)."""
    return i18n.message(row.problem) if row.problem is not None else ""


class _Rows(QAbstractTableModel):
    """A read-only table of frozen rows."""

    COLUMNS = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def headers(self) -> list[str]:
        raise NotImplementedError

    def row_at(self, index: Index) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]


class DocumentsModel(LazyTableModel):
    """The issued documents by id, their rows read a block at a time as the list scrolls
    (``invoice_list.document_rows``); or the drafts, appended chunk by chunk as they are
    computed (``append_rows``, by booking id)."""

    columns = ("number", "kind", "date", "customer", "total", "paid", "balance", "status")

    def __init__(self, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        #: Drafts (rows appended as computed), not issued documents (rows read by id).
        self.drafts = False

    def read_rows(self, uow: UnitOfWork, ids: Sequence[int]) -> dict[int, Any]:
        if self.drafts:
            return {}  # a draft's row comes with its id (``append_rows``)
        return invoice_list.document_rows(uow, ids, self.ops.ctx.clock.today())

    def show_documents(self, ids: Sequence[int]) -> None:
        self.drafts = False
        self.set_ids(ids)

    def show_drafts(self) -> None:
        """An empty list of drafts, filled by ``append_rows``."""
        self.drafts = True
        self.set_ids([])

    @property
    def rows(self) -> list[DocumentRow]:
        """The rows read so far, in order."""
        return self.loaded()

    def headers(self) -> list[str]:
        return [
            tr("InvoicesScreen", "Number"),
            tr("InvoicesScreen", "Kind"),
            tr("InvoicesScreen", "Date"),
            tr("InvoicesScreen", "Customer"),
            tr("InvoicesScreen", "Total incl. VAT"),
            tr("InvoicesScreen", "Paid"),
            tr("InvoicesScreen", "Balance"),
            tr("InvoicesScreen", "Status"),
        ]

    def header(self, section: int) -> str:
        return self.headers()[section]

    def row_at(self, index: Index) -> DocumentRow | None:
        if not index.isValid():
            return None
        found: DocumentRow | None = self.row_data(index.row())
        return found

    def key_at(self, row: int) -> str | None:
        """The key of a row, known before its row is read for an issued document."""
        row_id = self.id_at(row)
        if row_id is None:
            return None
        if not self.drafts:
            return f"doc:{row_id}"
        found = self.row_data(row)
        return found.key if found is not None else None

    def key_row(self, key: str) -> int | None:
        if not self.drafts and key.startswith("doc:"):
            return self.row_of(int(key.split(":", 1)[1]))
        return next((n for n, r in enumerate(self.rows) if r.key == key), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == KEY_ROLE:  # the same role as ``ID_ROLE``: the key, not the id
            return self.key_at(index.row()) if index.isValid() else None
        return super().data(index, role)

    def cell(self, row: DocumentRow, column: str, role: int) -> Any:
        number = self.columns.index(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, number)
        if role == STATUS_ROLE:
            return chip_status(row.status) if number == STATUS else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if TOTAL <= number <= BALANCE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if number == CUSTOMER:
                return row.customer
            if number == NUMBER:
                return self._text(row, KIND)
            return draft_note(row) or None
        return None

    def _text(self, row: DocumentRow, column: int) -> str:
        if column == NUMBER:
            return row.number or row.booking
        if column == KIND:
            text = kind_label(row.kind)
            return f"{text} ({row.cites})" if row.cites else text
        if column == DATE:
            return format_date(row.issue_date)
        if column == CUSTOMER:
            return row.customer
        if column == TOTAL:
            if row.gross_cents is None:
                return "—"
            sign = -1 if row.kind == Kind.CREDIT_NOTE.value else 1
            return format_amount(sign * row.gross_cents)
        if column == PAID:
            return format_amount(row.paid_cents)
        if column == BALANCE:
            return format_amount(row.balance_cents)
        text, note = status_label(row.status), draft_note(row)
        return f"{text} — {note}" if note else text


class PaymentsModel(_Rows):
    COLUMNS = 5
    rows: list[PaymentRow]

    def headers(self) -> list[str]:
        return [
            tr("InvoicesScreen", "Date"),
            tr("InvoicesScreen", "Amount"),
            tr("InvoicesScreen", "Method"),
            tr("InvoicesScreen", "Reference"),
            tr("InvoicesScreen", "Note"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: PaymentRow | None = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == KEY_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and (row.reversed or row.reverses):
            return QBrush(style.colour("muted"))
        return None

    @staticmethod
    def _text(row: PaymentRow, column: int) -> str:
        if column == 0:
            return format_date(row.date)
        if column == 1:
            return format_amount(row.amount_cents)
        if column == 2:
            return method_label(row.method)
        if column == 3:
            return row.reference
        if row.reverses is not None:
            return tr("InvoicesScreen", "Reversal of payment %1").replace("%1", str(row.reverses))
        return tr("InvoicesScreen", "Reversed") if row.reversed else ""
