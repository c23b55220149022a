"""The reports screen: management reports (revenue, utilisation, receivables, savings,
owners, inspections) over a period, as a table with its total row and a bar chart, and
exported as CSV or XLSX. A report that holds several sections in one list (revenue: by
month, by family, members / non-members) shows one section at a time, chosen in the
Section list; the chart draws the section shown. Monthly statements (the batch of PDF
statements) are run from here too. The table, its formatting and the chart's bars are in
``report_table``; the reports themselves in ``invoicing.reports``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
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
from app.core.storage import os_reason
from app.gui.reports.charts import BarChart
from app.gui.reports.report_table import (
    CUSTOM,
    GROUP,
    ReportModel,
    chart_bars,
    key_figure,
    period,
    report_names,
    report_title,
    section_title,
    to_date,
)
from app.gui.shell import files, icons, style
from app.gui.shell.changes import Change
from app.gui.shell.empty import EmptyState
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import format_date, label_name, qdate
from invoicing.report_model import Report, to_csv, to_xlsx
from invoicing.reports import report as build_report

tr = QCoreApplication.translate
#: The narrowest the chart pane gets while the table wants more room.
CHART_WIDTH = 320


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
        self._build_actions()
        self.feedback = Feedback(self)
        outer = QVBoxLayout(self)
        m = style.SPACE.m
        outer.setContentsMargins(m, style.SPACE.s, m, style.SPACE.xs)
        outer.setSpacing(style.SPACE.s)
        outer.addLayout(self._build_filters())
        outer.addLayout(self._build_heading())
        outer.addWidget(self.notes)
        outer.addWidget(self._build_body(), 1)
        outer.addWidget(self.feedback)
        self.report_choice.currentIndexChanged.connect(self.compute)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.section.currentIndexChanged.connect(self._show_section)
        self._update_actions()

    def _build_filters(self) -> QHBoxLayout:
        """Report, period (a preset or two dates) and section, in one row."""
        self.report_choice = QComboBox()
        for name in report_names():
            self.report_choice.addItem(icons.icon("reports"), report_title(name), name)
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
        start, end = period("this_year", self.ops.ctx.clock.today())
        self.date_from = self._date_edit(start, tr("ReportsScreen", "From"))
        self.date_to = self._date_edit(end, tr("ReportsScreen", "To"))
        self.preset.setCurrentIndex(self.preset.findData("this_year"))
        self.section = QComboBox()
        self.section.setAccessibleName(tr("ReportsScreen", "Section"))
        self.section_label = QLabel(tr("ReportsScreen", "S&ection:"))
        self.section_label.setBuddy(self.section)
        for combo in (self.report_choice, self.preset, self.section):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label in (report_label, period_label):  # named as their labels say
            label.buddy().setAccessibleName(label_name(label.text()))
        row = QHBoxLayout()
        row.addWidget(report_label)
        row.addWidget(self.report_choice)
        row.addSpacing(style.SPACE.m)
        for widget in (period_label, self.preset, self.date_from, QLabel("–"), self.date_to):
            row.addWidget(widget)
        row.addSpacing(style.SPACE.m)
        row.addWidget(self.section_label)
        row.addWidget(self.section)
        row.addStretch(1)
        return row

    def _date_edit(self, day: dt.date, name: str) -> QDateEdit:
        edit = QDateEdit(qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        edit.setAccessibleName(name)
        edit.dateChanged.connect(self._dates_edited)
        return edit

    def _build_actions(self) -> None:
        a = self._action
        self.compute_action = a(tr("ReportsScreen", "&Compute"), "F5", self.compute, "refresh")
        self.csv_action = a(
            tr("ReportsScreen", "Export C&SV…"), "Ctrl+E", self.choose_csv, "export"
        )
        self.xlsx_action = a(
            tr("ReportsScreen", "Export &XLSX…"), "Ctrl+Shift+E", self.choose_xlsx, "export"
        )
        self.statements_action = a(
            tr("ReportsScreen", "&Monthly statements…"),
            "Ctrl+Shift+M",
            self.open_statements,
            "statement",
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

    def _build_heading(self) -> QHBoxLayout:
        """The report's name and period (the screen's subject, largest), its exports."""
        self.heading = QLabel()
        style.set_role(self.heading, "title")
        self.heading.setWordWrap(True)  # a long report name never widens the window
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        style.set_role(self.notes, "muted")
        self.csv_button = _button(self.csv_action)
        self.xlsx_button = _button(self.xlsx_action)
        self.statements_button = _button(self.statements_action)
        actions = QHBoxLayout()
        actions.addWidget(self.heading, 1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.xlsx_button)
        actions.addSpacing(style.SPACE.m)
        actions.addWidget(self.statements_button)
        return actions

    def _build_body(self) -> QSplitter:
        """The table (with an empty state) beside the chart."""
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("ReportsScreen", "Report"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.empty = EmptyState(self.view, self._empty_text)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self._build_chart_pane())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 420])
        self.splitter.setChildrenCollapsible(False)
        return self.splitter

    def _build_chart_pane(self) -> QWidget:
        """The report's key figure (its total, largest) over the chart."""
        self.figure_caption = QLabel(tr("ReportsScreen", "Total"))
        style.set_role(self.figure_caption, "muted")
        self.figure = QLabel()
        style.set_role(self.figure, "display")
        self.figure.setAccessibleName(tr("ReportsScreen", "Total"))
        self.chart = BarChart()
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(style.SPACE.s, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.figure_caption)
        column.addWidget(self.figure)
        column.addSpacing(style.SPACE.s)
        column.addWidget(self.chart, 1)
        return pane

    def _empty_text(self) -> str:
        if self.report is None:
            return tr("ReportsScreen", "Computing the report…")
        return tr(
            "ReportsScreen",
            "Nothing in this report for these dates. Choose another period above, or "
            "another report.",
        )

    def _action(self, text: str, shortcut: str, slot: Any, icon: str) -> QAction:
        action = QAction(icons.icon(icon), text, self)
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
        name = self.report_choice.currentData()
        if not name:
            return
        start, end = to_date(self.date_from.date()), to_date(self.date_to.date())
        if end < start:
            self.feedback.error(tr("ReportsScreen", "The period ends before it starts."))
            return
        self._generation += 1
        generation, today = self._generation, self.ops.ctx.clock.today()
        self.feedback.clear_message()
        self.ops.read(
            lambda uow: build_report(uow, name, start, end, today=today),
            lambda found: self._arrived(generation, found),
            self._failed,
        )

    def _failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))

    def _arrived(self, generation: int, report: Report) -> None:
        if generation != self._generation:
            return
        self.report = report
        groups: list[str] = list(dict.fromkeys(str(r[GROUP]) for r in report.rows if r.get(GROUP)))
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
        self._fit_table()
        self._draw_chart(report, group)
        figure = key_figure(report)
        self.figure.setText(figure)
        self.figure.setVisible(bool(figure))
        self.figure_caption.setVisible(bool(figure))
        self._update_actions()

    def _fit_table(self) -> None:
        """Room for every column of the table when the screen has it; the chart takes the
        rest (never less than a readable chart)."""
        total = sum(self.splitter.sizes())
        if not total:
            return  # not laid out yet: the stretch factors share the width
        self.view.resizeColumnsToContents()
        scroll = self.view.verticalScrollBar().sizeHint().width()
        needed = self.view.horizontalHeader().length() + 2 * self.view.frameWidth() + scroll
        chart = max(total - needed, min(CHART_WIDTH, total // 3))
        self.splitter.setSizes([total - chart, chart])

    def _draw_chart(self, report: Report | None, group: str | None) -> None:
        if report is None or report.chart is None:
            self.chart.clear()
            self.chart.setVisible(False)
            return
        self.chart.setVisible(True)
        self.chart.set_bars(*chart_bars(report, group))

    def _update_actions(self) -> None:
        has = self.report is not None
        self.csv_action.setEnabled(has)
        self.xlsx_action.setEnabled(has)

    def _on_changed(self, what: str) -> None:
        wanted = (
            Change.INVOICES,
            Change.BOOKINGS,
            Change.CATALOGUE,
            Change.CUSTOMERS,
            Change.PRICING,
        )
        if what in wanted and self.isVisible():
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
                .replace("%2", i18n.message(os_reason(err)))
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


def _button(action: QAction) -> QPushButton:
    """A push button that triggers ``action`` and follows its enabled state."""
    widget = QPushButton(action.icon(), action.text())
    widget.setToolTip(action.toolTip())
    widget.clicked.connect(action.trigger)
    action.changed.connect(lambda: widget.setEnabled(action.isEnabled()))
    return widget
