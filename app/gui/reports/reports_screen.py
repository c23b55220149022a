"""The reports screen: management reports (revenue, utilisation, receivables, savings,
owners, inspections) over a period, as a table with its total row and a bar chart, and
exported as CSV or XLSX. A report that holds several sections in one list (revenue: by
month, by family, members / non-members) shows one section at a time, chosen in the
Section list; the chart draws the section shown. Monthly statements (the batch of PDF
statements) are run from here too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.errors import DomainError
from app.core.money import to_cents
from app.gui.reports.charts import Bar, BarChart
from app.gui.shell import files
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import format_amount, format_date, qdate
from inventory.models import CATEGORY_LABELS
from invoicing.report_model import Report, to_csv, to_xlsx

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
NUMERIC = ("money", "int", "ratio")
GROUP = "group"
KEY = "key"
MONTH = re.compile(r"^\d{4}-\d{2}$")
CUSTOM = "custom"


def report_names() -> list[str]:
    from invoicing.reports import REPORTS

    return list(REPORTS)


def report_title(name: str) -> str:
    titles = {
        "revenue": tr("ReportsScreen", "Revenue"),
        "utilisation": tr("ReportsScreen", "Utilisation of the equipment"),
        "receivables": tr("ReportsScreen", "Receivables (who owes what)"),
        "savings": tr("ReportsScreen", "Members' savings"),
        "owners": tr("ReportsScreen", "Revenue per owner of pooled equipment"),
        "inspections": tr("ReportsScreen", "Inspections due"),
    }
    return titles.get(name, name)


def section_title(group: str) -> str:
    titles = {
        "month": tr("ReportsScreen", "By month"),
        "category": tr("ReportsScreen", "By equipment family"),
        "rate": tr("ReportsScreen", "Members / non-members"),
        "type": tr("ReportsScreen", "By item type"),
        "item_type": tr("ReportsScreen", "By item type"),
        "most": tr("ReportsScreen", "Most used"),
        "least": tr("ReportsScreen", "Least used"),
        "owner": tr("ReportsScreen", "By owner"),
        "customer": tr("ReportsScreen", "By customer"),
    }
    return titles.get(group, i18n.label(group))


CATEGORY_WORDS = {category.value: text for category, text in CATEGORY_LABELS.items()}


def format_value(kind: str, value: Any) -> str:
    """A cell in the user's locale: amounts in euros, ratios in per cent, dates short."""
    if value is None or value == "":
        return ""
    locale = QLocale()
    if kind == "money":
        return format_amount(to_cents(Decimal(value)))
    if kind == "ratio":
        return locale.toString(float(value) * 100, "f", 1) + "\u00a0%"
    if kind == "int":
        return locale.toString(int(value))
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, str):
        if MONTH.match(value):  # "2026-05" → "mai 2026"
            year, month = int(value[:4]), int(value[5:])
            if 1 <= month <= 12:
                name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
                return f"{name} {year}"
        if value in CATEGORY_WORDS:  # an equipment family's code: its label
            return i18n.label(CATEGORY_WORDS[value])
        return i18n.label(value) if value else ""
    return str(value)


def bar_value(kind: str, value: Any) -> float:
    if value is None or value == "":
        return 0.0
    if kind == "money":
        return float(to_cents(Decimal(value)))
    return float(value)


def period(preset: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates of a preset: this month, last month, this year, last year."""
    if preset == "this_month":
        first = today.replace(day=1)
    elif preset == "last_month":
        first = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    elif preset == "this_year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    elif preset == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    else:
        raise ValueError(preset)
    last = calendar.monthrange(first.year, first.month)[1]
    return first, first.replace(day=last)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


# --- the table -------------------------------------------------------------------------------


class ReportModel(QAbstractTableModel):
    """The rows of one report (or one of its sections), then its total row in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.columns: list[Any] = []
        self.rows: list[dict[str, Any]] = []
        self.total: dict[str, Any] | None = None

    def set_report(self, report: Report | None, group: str | None = None) -> None:
        self.beginResetModel()
        self.report = report
        if report is None:
            self.columns, self.rows, self.total = [], [], None
        else:
            grouped = group is not None
            hidden = {GROUP, KEY} if grouped else {KEY}  # machine keys: in the exports only
            labelled = any(c.key == "label" for c in report.columns)
            self.columns = [
                c for c in report.columns if c.key not in hidden or (c.key == KEY and not labelled)
            ]
            self.rows = [r for r in report.rows if not grouped or r.get(GROUP) == group]
            self.total = self._total_row(report)
        self.endResetModel()

    def _total_row(self, report: Report) -> dict[str, Any] | None:
        if report.total is None:
            return None
        row = dict(report.total)
        for column in self.columns:
            if column.kind == "text" and column.key not in row:
                row[column.key] = tr("ReportsScreen", "Total")
                break
        return row

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.rows) + (1 if self.total is not None else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return i18n.label(column.label)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC:
            return RIGHT
        return None

    def is_total(self, row: int) -> bool:
        return self.total is not None and row == len(self.rows)

    def row_data(self, row: int) -> dict[str, Any]:
        return self.total if self.is_total(row) else self.rows[row]  # type: ignore[return-value]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        column = self.columns[index.column()]
        row = self.row_data(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(column.key)
            if self.is_total(index.row()) and column.kind == "text":
                return value if isinstance(value, str) else ""
            return format_value(column.kind, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def texts(self) -> list[list[str]]:
        """Every cell as shown (tests and the clipboard)."""
        return [
            [self.data(self.index(r, c)) or "" for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]


# --- the screen ------------------------------------------------------------------------------


class ReportsScreen(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.report: Report | None = None
        self.dialog: Any = None  # the dialog an action opened (tests read it)
        self._generation = 0
        self.model = ReportModel(self)
        self._build()
        ops.changed.connect(self._on_changed)
        self.compute()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.report_choice = QComboBox()
        for name in report_names():
            self.report_choice.addItem(report_title(name), name)
        report_label = QLabel(tr("ReportsScreen", "&Report:"))
        report_label.setBuddy(self.report_choice)
        self.preset = QComboBox()
        for text, value in (
            (tr("ReportsScreen", "This month"), "this_month"),
            (tr("ReportsScreen", "Last month"), "last_month"),
            (tr("ReportsScreen", "This year"), "this_year"),
            (tr("ReportsScreen", "Last year"), "last_year"),
            (tr("ReportsScreen", "Other dates"), CUSTOM),
        ):
            self.preset.addItem(text, value)
        period_label = QLabel(tr("ReportsScreen", "&Period:"))
        period_label.setBuddy(self.preset)
        today = self.ops.ctx.clock.today()
        start, end = period("this_year", today)
        self.date_from = QDateEdit(qdate(start))
        self.date_to = QDateEdit(qdate(end))
        for edit, name in (
            (self.date_from, tr("ReportsScreen", "From")),
            (self.date_to, tr("ReportsScreen", "To")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self._dates_edited)
        self.preset.setCurrentIndex(self.preset.findData("this_year"))
        self.section = QComboBox()
        self.section.setAccessibleName(tr("ReportsScreen", "Section"))
        section_label = QLabel(tr("ReportsScreen", "S&ection:"))
        section_label.setBuddy(self.section)
        self.section_label = section_label

        a = self._action
        self.compute_action = a(tr("ReportsScreen", "&Compute"), "F5", self.compute)
        self.csv_action = a(tr("ReportsScreen", "Export C&SV…"), "Ctrl+E", self.choose_csv)
        self.xlsx_action = a(tr("ReportsScreen", "Export &XLSX…"), "Ctrl+Shift+E", self.choose_xlsx)
        self.statements_action = a(
            tr("ReportsScreen", "&Monthly statements…"), "Ctrl+Shift+M", self.open_statements
        )
        self.menu = QMenu(tr("ReportsScreen", "Rep&orts"), self)
        for action in (
            self.compute_action,
            None,
            self.csv_action,
            self.xlsx_action,
            None,
            self.statements_action,
        ):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)

        def button(action: QAction) -> QPushButton:
            widget = QPushButton(action.text())
            widget.setToolTip(action.toolTip())
            widget.clicked.connect(action.trigger)
            action.changed.connect(lambda: widget.setEnabled(action.isEnabled()))
            return widget

        self.csv_button = button(self.csv_action)
        self.xlsx_button = button(self.xlsx_action)
        self.statements_button = button(self.statements_action)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: palette(mid);")
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("ReportsScreen", "Report"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.chart = BarChart()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 420])
        self.splitter.setChildrenCollapsible(False)
        self.feedback = Feedback(self)

        row = QHBoxLayout()
        row.addWidget(report_label)
        row.addWidget(self.report_choice, 1)
        row.addSpacing(12)
        row.addWidget(period_label)
        row.addWidget(self.preset)
        row.addWidget(self.date_from)
        row.addWidget(QLabel("–"))
        row.addWidget(self.date_to)
        row.addSpacing(12)
        row.addWidget(self.section_label)
        row.addWidget(self.section)
        actions = QHBoxLayout()
        actions.addWidget(self.heading, 1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.xlsx_button)
        actions.addSpacing(12)
        actions.addWidget(self.statements_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 4)
        outer.addLayout(row)
        outer.addLayout(actions)
        outer.addWidget(self.notes)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.feedback)

        self.report_choice.currentIndexChanged.connect(self.compute)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.section.currentIndexChanged.connect(self._show_section)
        self._update_actions()

    def _action(self, text: str, shortcut: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    def focus_search(self) -> None:  # the main window calls it when the area shows
        self.report_choice.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- period -------------------------------------------------------------------------

    def _preset_chosen(self) -> None:
        preset = self.preset.currentData()
        if preset == CUSTOM:
            self.date_from.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        start, end = period(preset, self.ops.ctx.clock.today())
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self.compute()

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
        self.preset.blockSignals(False)
        self.compute()

    def set_period(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self._dates_edited()

    def choose_report(self, name: str) -> None:
        self.report_choice.setCurrentIndex(self.report_choice.findData(name))

    # --- computing ----------------------------------------------------------------------

    def compute(self) -> None:
        from invoicing.reports import report

        name = self.report_choice.currentData()
        if not name:
            return
        start, end = _date(self.date_from.date()), _date(self.date_to.date())
        if end < start:
            self.feedback.error(tr("ReportsScreen", "The period ends before it starts."))
            return
        self._generation += 1
        generation, today = self._generation, self.ops.ctx.clock.today()
        self.feedback.clear_message()
        self.ops.read(
            lambda uow: report(uow, name, start, end, today=today),
            lambda found: self._arrived(generation, found),
            self._failed,
        )

    def _failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))

    def _arrived(self, generation: int, report: Report) -> None:
        if generation != self._generation:
            return
        self.report = report
        groups = list(dict.fromkeys(r.get(GROUP) for r in report.rows if r.get(GROUP)))
        wanted = self.section.currentData()
        self.section.blockSignals(True)
        self.section.clear()
        for group in groups:
            self.section.addItem(section_title(group), group)
        chart_group = report.chart.group if report.chart else None
        found = self.section.findData(wanted if wanted in groups else chart_group)
        self.section.setCurrentIndex(max(found, 0))
        self.section.blockSignals(False)
        self.section.setVisible(bool(groups))
        self.section_label.setVisible(bool(groups))
        heading = i18n.label(report.title)
        if report.start and report.end:
            heading += " · " + tr("ReportsScreen", "%1 to %2").replace(
                "%1", format_date(report.start)
            ).replace("%2", format_date(report.end))
        self.heading.setText(heading)
        self.notes.setText("\n".join(i18n.label(n) for n in report.notes))
        self.notes.setVisible(bool(report.notes))
        self._show_section()

    def _show_section(self) -> None:
        report = self.report
        group = self.section.currentData() if self.section.count() else None
        self.model.set_report(report, group)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._draw_chart(report, group)
        self._update_actions()

    def _draw_chart(self, report: Report | None, group: str | None) -> None:
        spec = report.chart if report is not None else None
        if report is None or spec is None:
            self.chart.clear()
            self.chart.setVisible(report is not None and False)
            return
        self.chart.setVisible(True)
        kinds = {c.key: c.kind for c in report.columns}
        labels = {c.key: c.label for c in report.columns}
        rows = [r for r in report.rows if group is None or r.get(GROUP) == group]
        if group is None:
            rows = report.chart_rows()
        value_kind, label_kind = kinds.get(spec.value, "int"), kinds.get(spec.label, "text")
        bars = [
            Bar(
                format_value(label_kind, row.get(spec.label)),
                bar_value(value_kind, row.get(spec.value)),
                format_value(value_kind, row.get(spec.value)),
            )
            for row in rows
        ]
        self.chart.set_bars(bars, i18n.label(labels.get(spec.value, spec.value)))

    def _update_actions(self) -> None:
        has = self.report is not None
        self.csv_action.setEnabled(has)
        self.xlsx_action.setEnabled(has)

    def _on_changed(self, what: str) -> None:
        if what in ("invoices", "bookings", "catalogue", "customers", "pricing") and (
            self.isVisible()
        ):
            self.compute()

    # --- export -------------------------------------------------------------------------

    def _file_name(self, suffix: str) -> str:
        report = self.report
        assert report is not None
        dates = f"-{report.start:%Y%m%d}-{report.end:%Y%m%d}" if report.start and report.end else ""
        return f"{report.name}{dates}.{suffix}"

    def choose_csv(self) -> None:
        if self.report is None:
            return
        path = files.save_file_name(
            self,
            tr("ReportsScreen", "Export as CSV"),
            str(Path.home() / self._file_name("csv")),
            tr("ReportsScreen", "CSV files (*.csv)"),
        )
        if path:
            self.export_csv(Path(path if path.lower().endswith(".csv") else path + ".csv"))

    def choose_xlsx(self) -> None:
        if self.report is None:
            return
        path = files.save_file_name(
            self,
            tr("ReportsScreen", "Export as XLSX"),
            str(Path.home() / self._file_name("xlsx")),
            tr("ReportsScreen", "Excel workbooks (*.xlsx)"),
        )
        if path:
            self.export_xlsx(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_csv(self, path: Path) -> bool:
        """Write the report (every section) as CSV, labels translated."""
        if self.report is None:
            return False
        text = to_csv(self.report, i18n.label)
        return self._write(path, lambda: path.write_text(text, encoding="utf-8", newline=""))

    def export_xlsx(self, path: Path) -> bool:
        if self.report is None:
            return False
        report = self.report
        return self._write(path, lambda: to_xlsx(report, path, i18n.label))

    def _write(self, path: Path, write: Any) -> bool:
        try:
            write()
        except OSError as err:
            self.feedback.error(
                tr("ReportsScreen", "Cannot write %1: %2")
                .replace("%1", str(path))
                .replace("%2", err.strerror or str(err))
            )
            return False
        self.feedback.ok(tr("ReportsScreen", "Exported to %1.").replace("%1", str(path)))
        return True

    # --- statements ---------------------------------------------------------------------

    def open_statements(self) -> Any:
        from app.gui.invoicing.statements_dialog import StatementsDialog

        dialog = StatementsDialog(self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        return dialog
