"""The import assistant's last page: what the file would do (the preview, nothing written),
every bad line with its sentence, the import's progress, then what was done."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.errors import DomainError, ValidationErrors
from app.gui.shell.chips import STATUS_ROLE, ChipDelegate, StatusChip
from app.gui.shell.import_pages import heading, note
from app.gui.shell.import_sources import counts

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

#: A row's action → the chip tone it is drawn in (the "scan" tones: green, blue, red; an
#: unchanged row is grey).
TONE_OF = {"create": "ok", "update": "info", "unchanged": "unchanged", "error": "error"}


def action_text(action: str, done: bool) -> str:
    if action == "create":
        return tr("ImportWizard", "created") if done else tr("ImportWizard", "to create")
    if action == "update":
        return tr("ImportWizard", "changed") if done else tr("ImportWizard", "to change")
    if action == "unchanged":
        return tr("ImportWizard", "unchanged")
    return tr("ImportWizard", "bad line")


def summary(change: Any) -> str:
    """What a row does, in the user's language where the importer says it in parts
    (``RowChange.describe``), else its English summary."""
    describe = getattr(change, "describe", None)
    return str(describe(i18n.label)) if callable(describe) else str(change.summary)


class RowsModel(QAbstractTableModel):
    """Rows of text; the column ``status_column`` (if any) drawn as chips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[tuple[str, ...]] = []
        self.statuses: list[str] = []
        self.status_column = -1

    def set_rows(
        self,
        headers: Sequence[str],
        rows: Sequence[tuple[str, ...]],
        statuses: Sequence[str] = (),
        status_column: int = -1,
    ) -> None:
        self.beginResetModel()
        self.headers, self.rows = list(headers), list(rows)
        self.statuses, self.status_column = list(statuses), status_column
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[row][column]
        if role == STATUS_ROLE and column == self.status_column and row < len(self.statuses):
            return TONE_OF.get(self.statuses[row], "unchanged")
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


class ResultsPage(QWidget):
    """The preview (what would be created, changed, left), the refusal (every bad line),
    the progress of the import and its outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.summary = note()
        layout.addWidget(self.summary)
        chips = QHBoxLayout()
        self.chips = {
            action: StatusChip("scan", TONE_OF[action], parent=self)
            for action in ("create", "update", "unchanged", "error")
        }
        for chip in self.chips.values():
            chips.addWidget(chip)
        chips.addStretch(1)
        layout.addLayout(chips)
        self._chips({})
        self.model = RowsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("ImportWizard", "Rows of the import"))
        self.chip_delegate = ChipDelegate("scan", self.view)
        self.plain_delegate = QStyledItemDelegate(self.view)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("ImportWizard", "Import progress"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.outcome = ""  # "preview" | "refused" | "imported" | "" (working)

    def working(self, text: str) -> None:
        self.outcome = ""
        self.title.setText(text)
        self.summary.setText("")
        self._chips({})
        self.model.set_rows([], [])
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()

    def report(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def show_changes(self, result: Any, done: bool) -> None:
        """The rows of ``result`` (an ImportResult): to create/change/unchanged (preview),
        or created/changed/unchanged (imported)."""
        self.progress.hide()
        self.outcome = "imported" if done else "preview"
        found = counts(result)
        self.title.setText(
            tr("ImportWizard", "Imported.")
            if done
            else tr("ImportWizard", "Preview: nothing has been written yet.")
        )
        self.summary.setText(
            tr("ImportWizard", "Done: the screens show the imported data.")
            if done
            else tr("ImportWizard", "Check the rows below, then press Import to write them.")
        )
        self._chips(found, done)
        changes = list(getattr(result, "changes", []))
        self.view.setItemDelegateForColumn(1, self.chip_delegate)
        self.model.set_rows(
            [
                tr("ImportWizard", "Line"),
                tr("ImportWizard", "Action"),
                tr("ImportWizard", "Reference"),
                tr("ImportWizard", "What"),
            ],
            [
                (str(c.line), action_text(str(c.action), done), str(c.key), summary(c))
                for c in changes
            ],
            [str(c.action) for c in changes],
            status_column=1,
        )
        self._fit()

    def show_refusal(self, err: DomainError) -> None:
        """Every bad line with its sentence (nothing written), or the one problem."""
        self.progress.hide()
        self.outcome = "refused"
        self.title.setText(tr("ImportWizard", "The file cannot be imported as it is."))
        lines = err.errors if isinstance(err, ValidationErrors) else [(0, err)]
        self.summary.setText(
            tr(
                "ImportWizard",
                "Nothing was written. Correct the file (or the column choices: Back) and "
                "try again.",
            )
            if isinstance(err, ValidationErrors)
            else i18n.message(err)
        )
        self._chips({"error": len(lines)} if isinstance(err, ValidationErrors) else {})
        self.view.setItemDelegateForColumn(1, self.plain_delegate)
        self.model.set_rows(
            [tr("ImportWizard", "Line"), tr("ImportWizard", "Problem")],
            [(str(line) if line else "", i18n.message(problem)) for line, problem in lines]
            if isinstance(err, ValidationErrors)
            else [],
        )
        self._fit()

    def show_stopped(self, text: str) -> None:
        self.progress.hide()
        self.outcome = "refused"
        self.title.setText(text)
        self.summary.setText(tr("ImportWizard", "Nothing was written."))
        self._chips({})
        self.model.set_rows([], [])

    def _chips(self, found: Any, done: bool = False) -> None:
        for action, chip in self.chips.items():
            number = int(found.get(action, 0)) if found else 0
            if not number:
                chip.hide()  # a chip without a count says nothing
                continue
            text = {
                "create": tr("ImportWizard", "%n created", None, number)
                if done
                else tr("ImportWizard", "%n to create", None, number),
                "update": tr("ImportWizard", "%n changed", None, number)
                if done
                else tr("ImportWizard", "%n to change", None, number),
                "unchanged": tr("ImportWizard", "%n unchanged", None, number),
                "error": tr("ImportWizard", "%n bad line(s)", None, number),
            }[action]
            chip.set_status(TONE_OF[action], text)

    def _fit(self) -> None:
        header = self.view.horizontalHeader()
        self.view.resizeColumnsToContents()
        for column in range(max(0, self.model.columnCount() - 1)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 320))

    def rows_text(self) -> list[tuple[str, ...]]:
        """What the table shows (tests read it)."""
        return list(self.model.rows)
