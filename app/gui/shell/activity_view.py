"""The Activity screen (File → Activité…): the audit trail, who changed what, when and from
which workstation, filtered by person, kind of record, record number and days.

A non-modal dialog, one per main window (``open_activity(window, ops)`` raises the open
one). The list holds the matching event ids (the newest ``MOST`` at most) and reads the
rows a block at a time (``LazyTableModel``); the selected event's columns, before and after,
show below it. Every read runs through ``ops.read``; reading the trail needs a manager
(``Permission.REPORTS``): anyone else gets the refusal as a sentence in the screen. Any
write (of this window or, with live refresh, of another workstation) refreshes the list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core import audit_queries
from app.core.audit_queries import AuditFilter, AuditRow
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.shell import geometry, icons, style
from app.gui.shell.activity_labels import (
    action_label,
    changes_summary,
    column_label,
    entity_label,
    record_label,
    shown,
)
from app.gui.shell.chips import STATUS_ROLE, ChipDelegate
from app.gui.shell.empty import EmptyState
from app.gui.shell.models import ID_ROLE, Fetch, LazyTableModel
from app.gui.shell.operations import Operations
from app.gui.shell.searching import Debounce
from app.gui.shell.widgets import format_datetime, qdate

tr = QCoreApplication.translate

#: The most events the list holds (the newest): narrow the filters to see older ones.
MOST = 10_000
#: The chip tone of each action (``chips.TONES["scan"]``: green, blue, red).
ACTION_TONES = {"insert": "ok", "update": "info", "delete": "error"}
PREFERRED = QSize(1120, 660)
#: The attribute of a main window holding its open Activity screen.
_OPEN = "_activity_dialog"


def _rows_by_id(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, AuditRow]:
    return {row.id: row for row in audit_queries.event_rows(uow, ids)}


class ActivityModel(LazyTableModel):
    """The events: when, who, where, action (a chip), what, which changes."""

    fetch_rows: ClassVar[Fetch] = staticmethod(_rows_by_id)
    columns = ("at", "account", "workstation", "action", "entity", "changes")

    def header(self, section: int) -> str:
        return (
            tr("ActivityView", "When"),
            tr("ActivityView", "Person"),
            tr("ActivityView", "Workstation"),
            tr("ActivityView", "Action"),
            tr("ActivityView", "Record"),
            tr("ActivityView", "Changes"),
        )[section]

    def cell(self, row: AuditRow, column: str, role: int) -> Any:
        if column == "action" and role == STATUS_ROLE:
            return ACTION_TONES.get(row.action, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "at":
            return format_datetime(row.at, self.ops.ctx.clock.tz)
        if column == "action":
            return action_label(row.action)
        if column == "entity":
            return record_label(row)
        if column == "changes":
            return changes_summary(row)
        return str(getattr(row, column))

    def _tip(self, row: AuditRow, column: str) -> str | None:
        if column == "at":
            local = self.ops.ctx.clock.to_local(row.at)
            return (
                tr("ActivityView", "%1 (UTC %2)")
                .replace("%1", local.strftime("%d/%m/%Y %H:%M:%S"))
                .replace("%2", row.at.strftime("%H:%M:%S"))
            )
        if column == "entity":
            return f"{row.entity} {row.entity_id}".strip()
        if column == "changes":
            return changes_summary(row, most=50)
        return None


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ActivityFilters(QWidget):
    """Person, kind of record, record number, and an optional range of days."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = QComboBox()
        self.person.addItem(tr("ActivityView", "Everyone"), "")
        self.entity = QComboBox()
        self.entity.addItem(tr("ActivityView", "All records"), "")
        for combo in (self.person, self.entity):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        self.entity_id = QLineEdit()
        self.entity_id.setClearButtonEnabled(True)
        self.entity_id.setPlaceholderText(tr("ActivityView", "Number"))
        self.entity_id.setMaximumWidth(110)
        self.dates = QCheckBox(tr("ActivityView", "&Between"))
        self.date_from = QDateEdit(qdate(today - dt.timedelta(days=7)))
        self.date_to = QDateEdit(qdate(today))
        self.date_from.setAccessibleName(tr("ActivityView", "From"))
        self.date_to.setAccessibleName(tr("ActivityView", "To"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setEnabled(False)
        self.dates.toggled.connect(self.date_from.setEnabled)
        self.dates.toggled.connect(self.date_to.setEnabled)
        self._lay_out()

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(style.SPACE.s)
        for text, field in (
            (tr("ActivityView", "&Person"), self.person),
            (tr("ActivityView", "Re&cord"), self.entity),
            (tr("ActivityView", "N&o."), self.entity_id),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            row.addWidget(label)
            row.addWidget(field)
        row.addSpacing(style.SPACE.m)
        row.addWidget(self.dates)
        row.addWidget(self.date_from)
        row.addWidget(QLabel("–"))
        row.addWidget(self.date_to)
        row.addStretch(1)

    def where(self) -> AuditFilter:
        start = end = None
        if self.dates.isChecked():
            start, end = _day(self.date_from.date()), _day(self.date_to.date())
            start, end = min(start, end), max(start, end)
        return AuditFilter(
            start=start,
            end=end,
            account=str(self.person.currentData() or ""),
            entity=str(self.entity.currentData() or ""),
            entity_id=self.entity_id.text().strip(),
        )

    def fill(self, people: Sequence[str], entities: Sequence[str]) -> None:
        """The choices the trail offers, keeping what is chosen."""
        _refill(self.person, [(name, name) for name in people])
        labelled = sorted(((entity_label(e), e) for e in entities), key=lambda p: p[0].casefold())
        _refill(self.entity, labelled)


def _refill(combo: QComboBox, items: Sequence[tuple[str, str]]) -> None:
    chosen = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, value in items:
        combo.addItem(text, value)
    found = combo.findData(chosen)
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)


class ActivityDialog(QDialog):
    """The audit trail, filtered, newest first, with the selected event in detail."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._asked = 0
        self.setWindowTitle(tr("ActivityView", "Activity — who changed what"))
        self.filters = ActivityFilters(ops.ctx.clock.today(), self)
        self.model = ActivityModel(ops, self)
        self.view = self._table()
        self.detail = self._detail()
        self.status = QLabel()
        self.status.setWordWrap(True)
        style.set_role(self.status, "muted")
        self.empty = EmptyState(self.view, self._empty_text)
        self._lay_out()
        self._connect()
        geometry.fit(self, PREFERRED)
        self.load_choices()
        self.search()

    # --- building -----------------------------------------------------------------------

    def _table(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.model)
        view.setAccessibleName(tr("ActivityView", "Recorded changes"))
        view.setToolTip(
            tr("ActivityView", "Enter or double click: the whole history of that record")
        )
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.setItemDelegateForColumn(3, ChipDelegate("scan", view))
        header = view.horizontalHeader()
        for column, width in enumerate((130, 110, 110, 100, 170)):
            view.setColumnWidth(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        return view

    def _detail(self) -> QTableWidget:
        table = QTableWidget(0, 3, self)
        table.setAccessibleName(tr("ActivityView", "Selected change, before and after"))
        table.setHorizontalHeaderLabels(
            [
                tr("ActivityView", "Field"),
                tr("ActivityView", "Before"),
                tr("ActivityView", "After"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setColumnWidth(0, 180)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton(
            tr("ActivityView", "&Refresh"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.refresh_button.setIcon(icons.icon("refresh"))
        self.refresh_button.setToolTip(tr("ActivityView", "Read the activity again (F5)"))
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setIcon(icons.icon("close"))
        for button in (self.refresh_button, close):  # Enter in the list follows a record
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        f = self.filters
        f.person.currentIndexChanged.connect(self.search)
        f.entity.currentIndexChanged.connect(self.search)
        self.typed = Debounce(self.ops, self.search, self)
        f.entity_id.textChanged.connect(self.typed)
        f.dates.toggled.connect(self.search)
        f.date_from.dateChanged.connect(self.search)
        f.date_to.dateChanged.connect(self.search)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(lambda current, _old: self._show(current))
        self.model.dataChanged.connect(lambda *_: self._show(self.view.currentIndex()))
        self.view.activated.connect(self.follow)
        self.ops.changed.connect(self._on_changed)

    def follow(self, index: QModelIndex) -> None:
        """Enter or a double click on a change: that record's whole history."""
        row = self.model.row_data(index.row()) if index.isValid() else None
        if not isinstance(row, AuditRow):
            return
        f = self.filters
        for widget in (f.person, f.entity, f.entity_id):
            widget.blockSignals(True)
        f.person.setCurrentIndex(0)
        found = f.entity.findData(row.entity)
        if found < 0:
            f.entity.addItem(entity_label(row.entity), row.entity)
            found = f.entity.count() - 1
        f.entity.setCurrentIndex(found)
        f.entity_id.setText(row.entity_id)
        for widget in (f.person, f.entity, f.entity_id):
            widget.blockSignals(False)
        self.search()

    # --- reading ------------------------------------------------------------------------

    def load_choices(self) -> None:
        def read(uow: UnitOfWork) -> tuple[list[str], list[str]]:
            return audit_queries.accounts(uow), audit_queries.entities(uow)

        self.ops.read(read, lambda found: self.filters.fill(*found), self._refused)

    def search(self) -> None:
        """Read the matching ids again (newest first), keeping the selected event."""
        self._asked += 1
        asked = self._asked
        where, clock = self.filters.where(), self.ops.ctx.clock

        def read(uow: UnitOfWork) -> tuple[list[int], int]:
            ids = audit_queries.event_ids(uow, where, clock, limit=MOST + 1)
            total = audit_queries.count_events(uow, where, clock) if len(ids) > MOST else len(ids)
            return ids, total

        def done(found: tuple[list[int], int]) -> None:
            if asked == self._asked:
                self._arrived(*found)

        self.ops.read(read, done, self._refused)

    def refresh(self) -> None:
        self.load_choices()
        self.search()

    def _on_changed(self, _what: object) -> None:
        if self.isVisible():
            self.refresh()

    def _arrived(self, ids: list[int], total: int) -> None:
        kept = self.view.currentIndex().data(ID_ROLE)
        capped = len(ids) > MOST
        self.model.set_ids(ids[:MOST])
        row = self.model.row_of(kept) if kept is not None else None
        if row is not None:
            self.view.selectRow(row)
        else:
            self._show(QModelIndex())
        style.set_role(self.status, "muted")
        text = tr("ActivityView", "%Ln change(s) recorded.", None, total)
        if capped:
            text = (
                tr(
                    "ActivityView",
                    "The %1 most recent of %2 recorded changes are listed: narrow the person, "
                    "record or days to see older ones.",
                )
                .replace("%1", QLocale().toString(MOST))
                .replace("%2", QLocale().toString(total))
            )
        self.status.setText(text)

    def _refused(self, err: DomainError) -> None:
        self.model.set_ids([])
        style.set_role(self.status, "error")
        self.status.setText(i18n.message(err))

    def _empty_text(self) -> str:
        return tr(
            "ActivityView",
            "No recorded change matches these filters. Choose everyone and all records, "
            "or widen the days.",
        )

    # --- the selected event ---------------------------------------------------------------

    def _show(self, index: QModelIndex) -> None:
        row = self.model.row_data(index.row()) if index.isValid() else None
        self.detail.setRowCount(0)
        if not isinstance(row, AuditRow):
            return
        before, after = row.before or {}, row.after or {}
        names = list(dict.fromkeys([*before, *after]))
        self.detail.setRowCount(len(names))
        for line, name in enumerate(names):
            cells = (
                column_label(name),
                shown(before.get(name)) if row.before is not None else "",
                shown(after.get(name)) if row.after is not None else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.detail.setItem(line, column, item)


def open_activity(window: QWidget, ops: Operations) -> ActivityDialog:
    """Show the Activity screen of ``window`` (raise it when it is open already)."""
    current = getattr(window, _OPEN, None)
    if isinstance(current, ActivityDialog) and current.isVisible():
        current.raise_()
        current.activateWindow()
        return current
    dialog = ActivityDialog(ops, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    setattr(window, _OPEN, dialog)
    dialog.destroyed.connect(lambda *_: setattr(window, _OPEN, None))
    dialog.show()
    return dialog
