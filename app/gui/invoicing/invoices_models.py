"""The invoices screen's table models: the documents (issued invoices and credit notes, or
the drafts to invoice), their status as a chip of kind ``invoice``, and the selected
invoice's payments."""

from __future__ import annotations

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
from app.gui.invoicing.invoice_dialogs import method_label
from app.gui.shell import style
from app.gui.shell.chips import STATUS_ROLE
from app.gui.shell.widgets import format_amount, format_date
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


class DocumentsModel(_Rows):
    COLUMNS = 8
    rows: list[DocumentRow]

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: DocumentRow | None = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == KEY_ROLE:
            return row.key
        if role == STATUS_ROLE and column == STATUS:
            return chip_status(row.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and TOTAL <= column <= BALANCE:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CUSTOMER:
                return row.customer
            if column == NUMBER:
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

    def key_row(self, key: str) -> int | None:
        return next((n for n, r in enumerate(self.rows) if r.key == key), None)


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
