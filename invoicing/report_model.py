"""The shape every management report has, and its exports (CSV, XLSX, JSON).

A ``Report`` is plain data: typed columns, rows as dicts keyed by the columns' keys, an
optional ``total`` row (same keys) and an optional bar chart (``ChartSpec``: which column
labels the bars, which gives their value, and which ``group`` of rows to draw when a report
holds several sections in one list). Titles and column labels are English literals marked
with ``N_``; a screen or the CLI translates them (``app.i18n.label``), the exports take a
``translate`` function for that.

Values in rows: ``Decimal`` for money (exported "1234.50"), ``int``, ``float`` ratios in
[0, 1], ``datetime.date``, ``str``; ``None`` for an empty cell.

CSV: UTF-8 text, ``;`` as the separator (what a French spreadsheet expects, since its
decimal separator is the comma), ``\\r\\n`` line ends, amounts "1234.50" (a dot, two
decimals: parsable by scripts), ratios with four decimals, dates ISO; one header row of the
(translated) labels, then the rows, then the total row whose first text cell reads "Total".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core.errors import N_
from app.core.money import quantize

KINDS = ("text", "money", "int", "ratio", "date")
CSV_SEPARATOR = ";"
TOTAL_LABEL = N_("Total")
MONEY_FORMAT = '#,##0.00 "€"'
RATIO_FORMAT = "0.0%"
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # English, marked with N_ (translate for display)
    kind: str = "text"  # one of KINDS


@dataclass(frozen=True)
class ChartSpec:
    """A bar chart: ``label`` and ``value`` are column keys; ``group`` (when set) keeps
    only the rows whose ``group`` value equals it."""

    label: str
    value: str
    group: str | None = None


@dataclass(frozen=True)
class Report:
    name: str
    title: str  # English, marked with N_
    columns: list[Column]
    rows: list[dict[str, Any]]
    total: dict[str, Any] | None = None
    chart: ChartSpec | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    notes: list[str] = field(default_factory=list)  # English, marked with N_

    def chart_rows(self) -> list[dict[str, Any]]:
        """The rows the chart draws."""
        if self.chart is None:
            return []
        if self.chart.group is None:
            return list(self.rows)
        return [r for r in self.rows if r.get("group") == self.chart.group]


def _same(text: str) -> str:
    return text


def text_value(kind: str, value: Any) -> str:
    """A cell as the CSV writes it."""
    if value is None:
        return ""
    if kind == "money":
        return str(quantize(Decimal(value)))
    if kind == "ratio":
        return f"{float(value):.4f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def json_value(kind: str, value: Any) -> Any:
    """A cell as the JSON contract writes it: amounts as strings with two decimals."""
    if value is None:
        return None
    if kind == "money":
        return str(quantize(Decimal(value)))
    if kind == "ratio":
        return round(float(value), 4)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _total_row(report: Report, translate: Callable[[str], str]) -> dict[str, Any] | None:
    if report.total is None:
        return None
    row = dict(report.total)
    for column in report.columns:
        if column.kind == "text" and column.key not in row:
            row[column.key] = translate(TOTAL_LABEL)
            break
    return row


def to_csv(report: Report, translate: Callable[[str], str] = _same) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow([translate(c.label) for c in report.columns])
    rows = list(report.rows)
    total = _total_row(report, translate)
    if total is not None:
        rows.append(total)
    for row in rows:
        writer.writerow([text_value(c.kind, row.get(c.key)) for c in report.columns])
    return buffer.getvalue()


def to_json(report: Report) -> dict[str, Any]:
    """``rows`` (keyed by column key) and ``total`` where the report has one."""
    kinds = {c.key: c.kind for c in report.columns}

    def convert(row: dict[str, Any]) -> dict[str, Any]:
        return {k: json_value(kinds.get(k, "text"), v) for k, v in row.items()}

    shown: dict[str, Any] = {
        "report": report.name,
        "title": report.title,
        "from": report.start.isoformat() if report.start else None,
        "to": report.end.isoformat() if report.end else None,
        "columns": [{"key": c.key, "label": c.label, "kind": c.kind} for c in report.columns],
        "rows": [convert(r) for r in report.rows],
    }
    if report.total is not None:
        shown["total"] = convert(report.total)
    return shown


def to_xlsx(report: Report, path: str | Path, translate: Callable[[str], str] = _same) -> None:
    """One sheet: title, period, header, typed cells (money as numbers formatted in euros,
    ratios as percentages, dates as dates), then the total row in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = report.name[:31]
    sheet.append([translate(report.title)])
    sheet["A1"].font = Font(bold=True, size=14)
    if report.start and report.end:
        sheet.append([report.start, report.end])
        sheet["A2"].number_format = sheet["B2"].number_format = DATE_FORMAT
    else:
        sheet.append([])
    sheet.append([translate(c.label) for c in report.columns])
    header = sheet.max_row
    for cell in sheet[header]:
        cell.font = Font(bold=True)
    rows = list(report.rows)
    total = _total_row(report, translate)
    if total is not None:
        rows.append(total)
    for row in rows:
        sheet.append([_cell(c.kind, row.get(c.key)) for c in report.columns])
        for index, column in enumerate(report.columns, start=1):
            cell = sheet.cell(row=sheet.max_row, column=index)
            if column.kind == "money":
                cell.number_format = MONEY_FORMAT
            elif column.kind == "ratio":
                cell.number_format = RATIO_FORMAT
            elif column.kind == "date":
                cell.number_format = DATE_FORMAT
    if total is not None:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    for index, column in enumerate(report.columns, start=1):
        width = max(12, min(48, len(translate(column.label)) + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    book.save(str(path))


def _cell(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "money":
        return quantize(Decimal(value))  # openpyxl writes Decimal as a number
    if kind == "ratio":
        return float(value)
    return value
