"""A report as a table: the cells formatted in the user's locale (``format_value``), the
rows of one section then the total row in bold (``ReportModel``), the bars of the chart
(``chart_bars``), the titles of reports and sections, and the period presets."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
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
from PySide6.QtGui import QFont

from app import i18n
from app.core.money import to_cents
from app.gui.reports.charts import Bar
from app.gui.shell.widgets import format_amount, format_date
from inventory.models import CATEGORY_LABELS
from invoicing.report_model import Report

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


def to_date(value: QDate) -> dt.date:
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
            # no rows: no total of nothing (the view says the report is empty instead)
            self.total = self._total_row(report) if self.rows else None
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


def chart_bars(report: Report, group: str | None) -> tuple[list[Bar], str]:
    """The bars of a report's chart (of one section), and the chart's title."""
    spec = report.chart
    if spec is None:
        return [], ""
    kinds = {c.key: c.kind for c in report.columns}
    labels = {c.key: c.label for c in report.columns}
    if group is None:
        rows = report.chart_rows()
    else:
        rows = [r for r in report.rows if r.get(GROUP) == group]
    value_kind, label_kind = kinds.get(spec.value, "int"), kinds.get(spec.label, "text")
    bars = [
        Bar(
            format_value(label_kind, row.get(spec.label)),
            bar_value(value_kind, row.get(spec.value)),
            format_value(value_kind, row.get(spec.value)),
        )
        for row in rows
    ]
    return bars, i18n.label(labels.get(spec.value, spec.value))


def key_figure(report: Report | None) -> str:
    """The report's total of what its chart draws (net revenue, what is owed...), as
    shown; empty when the report has no total of it."""
    if report is None or report.chart is None or report.total is None or not report.rows:
        return ""
    value = report.total.get(report.chart.value)
    kinds = {c.key: c.kind for c in report.columns}
    return format_value(kinds.get(report.chart.value, "int"), value)
