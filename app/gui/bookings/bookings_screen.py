"""The bookings screen: every booking, filtered by status, dates, customer and event and
searched as you type (reference, customer, event, venue, item); Enter opens the editor.
New, duplicate (recurring events) and cancel from the toolbar, the menu or the keyboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.bookings import cancel_flow
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.bookings.booking_models import ID_ROLE, BookingTableModel, booking_status_label
from app.gui.bookings.bookings_reads import search, today_in_list
from app.gui.bookings.duplicate_dialog import DuplicateDialog
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.chips import ChipDelegate
from app.gui.shell.empty import EmptyState
from app.gui.shell.list_filters import FilteredList, customer_choices  # noqa: F401 (re-export)
from app.gui.shell.models import BLOCK
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.searching import Debounce, latest
from app.gui.shell.widgets import format_datetime, qdate
from booking import bookings, queries
from booking.models import TRANSITIONS, BookingStatus

tr = QCoreApplication.translate
ACTIVE = "active"


class BookingsScreen(FilteredList, QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialog: QDialog | QMessageBox | None = None
        self._generation = 0
        self._want: int | None = None
        self.model = BookingTableModel(ops, self)
        self._build()
        ops.changed.connect(self._on_changed)
        self._load_customers()
        self.search()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            tr("BookingsScreen", "Search reference, customer, event, venue, item… (Ctrl+F)")
        )
        self.search_box.setAccessibleName(tr("BookingsScreen", "Search bookings"))
        self.search_box.setMinimumWidth(240)
        self.typed = Debounce(self.ops, self.search, self)
        self.search_box.textChanged.connect(self.typed)
        self.search_box.returnPressed.connect(self.open_typed)
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("BookingsScreen", "All statuses"), "")
        self.status_filter.addItem(tr("BookingsScreen", "Current (quote, confirmed, out)"), ACTIVE)
        for status in BookingStatus:
            self.status_filter.addItem(booking_status_label(status.value), status.value)
        self.status_filter.setAccessibleName(tr("BookingsScreen", "Status"))
        self.status_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_filter.setMinimumContentsLength(14)
        self.customer_filter = QComboBox()
        self.customer_filter.addItem(tr("BookingsScreen", "All customers"), None)
        self.customer_filter.setAccessibleName(tr("BookingsScreen", "Customer"))
        self.customer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.customer_filter.setMinimumContentsLength(18)
        self.event_filter = QLineEdit()
        self.event_filter.setClearButtonEnabled(True)
        self.event_filter.setPlaceholderText(tr("BookingsScreen", "Event"))
        self.event_filter.setAccessibleName(tr("BookingsScreen", "Event"))
        self.event_filter.setMaximumWidth(180)
        self.dates_filter = QCheckBox(tr("BookingsScreen", "&Between"))
        today = self.ops.ctx.clock.today()
        self.date_from = QDateEdit(qdate(today - dt.timedelta(days=30)))
        self.date_to = QDateEdit(qdate(today + dt.timedelta(days=90)))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setEnabled(False)
            edit.dateChanged.connect(self.search)
        self.date_from.setAccessibleName(tr("BookingsScreen", "From"))
        self.date_to.setAccessibleName(tr("BookingsScreen", "To"))
        self.dates_filter.toggled.connect(self._dates_toggled)
        self.status_filter.currentIndexChanged.connect(self.search)
        self.customer_filter.currentIndexChanged.connect(self.search)
        self.event_filter.textChanged.connect(self.typed)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("BookingsScreen", "Bookings"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        # names that differ at their end ("APE de l'école de …") stay told apart
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setItemDelegateForColumn(1, ChipDelegate("booking", self.view))
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.empty = EmptyState(self.view, self._empty_text)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self._size_columns()
        self.model.modelReset.connect(self._stretch_names)
        self._stretch_names()
        self.view.doubleClicked.connect(lambda _: self.open_selected())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        # rows are fetched lazily: what the actions allow is known once the row arrives
        self.model.dataChanged.connect(lambda *_: self._update_actions())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_selected)

        self._build_actions()
        self._build_layout()
        self._update_actions()

    def _size_columns(self) -> None:
        """Reference, status and dates as wide as their longest value (measured on samples:
        the rows load lazily); the customer and the event share the rest, both eliding in
        the middle only when they must."""
        metrics, pad = self.view.fontMetrics(), 2 * style.SPACE.s
        stamp = format_datetime(dt.datetime(2026, 12, 31, 23, 59))
        statuses = [booking_status_label(s.value) for s in BookingStatus]
        widths = {
            0: metrics.horizontalAdvance("R-2026-00000") + pad,
            1: max(metrics.horizontalAdvance(t) for t in statuses) + pad + 2 * style.SPACE.s,
            4: metrics.horizontalAdvance(stamp) + pad,
            5: metrics.horizontalAdvance(stamp) + pad,
        }
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)

    def _stretch_names(self) -> None:
        header = self.view.horizontalHeader()
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def _build_actions(self) -> None:
        a = self._action
        self.find_action = a(tr("BookingsScreen", "&Find"), "Ctrl+F", self.focus_search)
        self.new_action = a(tr("BookingsScreen", "&New booking…"), "Ctrl+N", self.new_booking)
        self.open_action = a(tr("BookingsScreen", "&Open booking…"), "Ctrl+O", self.open_selected)
        self.duplicate_action = a(
            tr("BookingsScreen", "&Duplicate…"), "Ctrl+D", self.duplicate_selected
        )
        self.cancel_action = a(
            tr("BookingsScreen", "&Cancel booking…"), "Ctrl+Del", self.cancel_selected
        )
        self.menu = QMenu(tr("BookingsScreen", "&Bookings"), self)
        for action in (
            self.find_action,
            None,
            self.new_action,
            self.open_action,
            self.duplicate_action,
            None,
            self.cancel_action,
        ):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.new_action,
            self.open_action,
            self.duplicate_action,
            None,
            self.cancel_action,
        ):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)
        for action, icon in (
            (self.find_action, "search"),
            (self.new_action, "new"),
            (self.open_action, "open"),
            (self.duplicate_action, "duplicate"),
            (self.cancel_action, "cancel"),
        ):
            action.setIcon(icons.icon(icon))

    def _build_layout(self) -> None:
        self.count_label = QLabel()
        style.set_role(self.count_label, "muted")
        self.feedback = Feedback(self)
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.customer_filter)
        filters.addWidget(self.event_filter)
        filters.addWidget(self.dates_filter)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.addWidget(self.toolbar)
        outer.addLayout(filters)
        outer.addWidget(self.view, 1)
        outer.addWidget(self.feedback)
        outer.addWidget(self.count_label)

    def _empty_text(self) -> str:
        if self.search_box.text().strip() or self._filtered():
            return tr(
                "BookingsScreen",
                "No booking matches these filters. Widen the dates or clear the search, "
                "or create one with Ctrl+N.",
            )
        return tr("BookingsScreen", "No bookings yet. Create the first one with Ctrl+N.")

    def _filtered(self) -> bool:
        return bool(
            self.status_filter.currentData()
            or self.customer_filter.currentData() is not None
            or self.event_filter.text().strip()
            or self.dates_filter.isChecked()
        )

    def _context_menu(self, pos: Any) -> None:
        self._popup(pos, (self.open_action, self.duplicate_action, None, self.cancel_action))

    # --- search -------------------------------------------------------------------------

    def statuses(self) -> list[str]:
        chosen = self.status_filter.currentData() or ""
        if chosen == ACTIVE:
            return [BookingStatus.QUOTE, BookingStatus.CONFIRMED, BookingStatus.OUT]
        return [chosen] if chosen else []

    def _criteria(self) -> dict[str, Any]:
        statuses = [str(s) for s in self.statuses()]
        start = end = None
        if self.dates_filter.isChecked():
            first: QDate = self.date_from.date()
            last: QDate = self.date_to.date()
            start = dt.datetime(first.year(), first.month(), first.day())
            end = dt.datetime(last.year(), last.month(), last.day()) + dt.timedelta(days=1)
        return {
            "statuses": statuses,
            "start": start,
            "end": end,
            "customer_id": self.customer_filter.currentData(),
            "event": self.event_filter.text(),
        }

    def open_typed(self) -> None:
        """Enter in the search field: opens the booking whose reference was typed or
        scanned (whatever the filters), else the only booking the search finds; with
        several, the list shows them to choose from. Searches the text as it is now, so a
        search still on its way for an earlier text cannot open the wrong booking."""
        text = self.search_box.text().strip()
        if not text:
            self.open_selected()
            return
        self.typed.cancel()
        self._generation += 1
        generation = self._generation
        criteria = self._criteria()

        def find(uow: UnitOfWork) -> tuple[int | None, list[int]]:
            return queries.booking_named(uow, text), search(uow, text, **criteria)

        def found(answer: tuple[int | None, list[int]]) -> None:
            exact, ids = answer
            if generation != self._generation:
                return
            self._show(generation, ids)
            target = exact if exact is not None else (ids[0] if len(ids) == 1 else None)
            if target is not None:
                self.select_booking(target)
                self.open_booking(target)
            elif ids:
                self.feedback.info(
                    tr(
                        "BookingsScreen",
                        "%n bookings match: choose one with the arrows, then Enter.",
                        None,
                        len(ids),
                    )
                )
                self.view.setFocus()
            else:
                self.feedback.error(
                    tr("BookingsScreen", "No booking matches %1.").replace("%1", text)
                )

        self.ops.read(find, found)

    def search(self) -> None:
        self.typed.cancel()
        self._generation += 1
        generation, text, criteria = self._generation, self.search_box.text(), self._criteria()

        def current() -> bool:  # asked on the worker: skip a search overtaken by another
            return generation == self._generation

        if generation == 1:  # the first load: the list opens where today is
            today = self.ops.ctx.clock.today()
            self.ops.read(
                lambda uow: today_in_list(
                    uow, search(uow, text, **criteria), text, criteria, today
                ),
                lambda found: self._show(generation, *found),
            )
            return

        def first(ids: list[int]) -> None:  # the first page shows while the rest is read
            wanted = self._want if self._want is not None else self.selected_id()
            self._show(generation, ids, partial=len(ids) == BLOCK)
            if len(ids) == BLOCK and generation == self._generation:
                self.ops.read(
                    latest(current, lambda uow: search(uow, text, **criteria), list[int]()),
                    lambda rest: self._rest(generation, rest, wanted),
                )

        self.ops.read(
            latest(current, lambda uow: search(uow, text, **criteria, limit=BLOCK), list[int]()),
            first,
        )

    def _rest(self, generation: int, ids: list[int], wanted: int | None) -> None:
        """The whole list after its first page: added below it (same order, so the rows
        shown stay), then the booking selected before the search if it is further down."""
        if generation != self._generation:
            return
        shown = self.model.ids()
        if ids[: len(shown)] != shown:  # the list changed between the two reads
            self._show(generation, ids)
            return
        self.model.extend_ids(ids[len(shown) :])
        self.count_label.setText(tr("BookingsScreen", "%Ln booking(s)", None, len(ids)))
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is not None and self.selected_id() != wanted:
            self.view.selectRow(row)

    def _show(
        self, generation: int, ids: list[int], today_id: int | None = None, partial: bool = False
    ) -> None:
        """Show ``ids`` (``partial``: the first page, the rest on its way)."""
        if generation != self._generation:
            return
        selected = self._want if self._want is not None else self.selected_id()
        self._want = None
        if selected is None and today_id is not None:
            selected = today_id
        self.model.set_ids(ids)
        if partial:
            self.count_label.setText(
                tr("BookingsScreen", "%Ln booking(s) and more: counting…", None, len(ids))
            )
        else:
            self.count_label.setText(tr("BookingsScreen", "%Ln booking(s)", None, len(ids)))
        row = self.model.row_of(selected) if selected is not None else None
        if row is None and ids:
            row = 0
        if row is not None:
            self.view.selectRow(row)
            if selected == today_id:
                self.view.scrollTo(
                    self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
                )
        self._update_actions()

    def select_booking(self, booking_id: int) -> None:
        row = self.model.row_of(booking_id)
        if row is not None:
            self.view.selectRow(row)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_row(self) -> queries.BookingRow | None:
        index = self.view.currentIndex()
        return self.model.row_data(index.row()) if index.isValid() else None

    def _update_actions(self) -> None:
        row = self.selected_row()
        self.open_action.setEnabled(row is not None)
        self.duplicate_action.setEnabled(row is not None)
        self.cancel_action.setEnabled(
            row is not None and BookingStatus.CANCELLED in TRANSITIONS[BookingStatus(row.status)]
        )

    def _on_changed(self, what: str) -> None:
        if what == Change.CUSTOMERS:
            self._load_customers()
        if what in (Change.BOOKINGS, Change.CUSTOMERS, Change.CATALOGUE):
            self.search()

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: QDialog | QMessageBox) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def new_booking(self) -> None:
        self._open(BookingEditor(self.ops, self))

    def open_selected(self) -> None:
        booking_id = self.selected_id()
        if booking_id is not None:
            self.open_booking(booking_id)

    def open_booking(self, booking_id: int) -> BookingEditor:
        return self._open(BookingEditor(self.ops, self, booking_id))

    def duplicate_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = DuplicateDialog(row.reference, row.start, self)
        dialog.accepted.connect(lambda: self.duplicate(row.reference, dialog.chosen()))
        self._open(dialog)

    def duplicate(self, reference: str, start: dt.datetime) -> None:
        user, clock = self.ops.user, self.ops.ctx.clock

        def done(found: tuple[int, str]) -> None:
            new_id, new_ref = found
            self.feedback.ok(
                tr("BookingsScreen", "%1 created from %2 (a quote: confirm it in the editor).")
                .replace("%1", new_ref)
                .replace("%2", reference)
            )
            self._want = new_id  # selected by the refresh the change announces

        def action(uow: UnitOfWork) -> tuple[int, str]:
            copy = bookings.duplicate_booking(
                uow, user=user, reference=reference, start=start, clock=clock
            )
            return copy.id or 0, copy.reference

        self.ops.write(action, done, self._failed, changes=Change.BOOKINGS)

    def cancel_selected(self) -> None:
        """Cancel the selected booking after a question; an invoiced one is cancelled with
        the credit note of what remains, in one step (``cancel_flow``)."""
        row = self.selected_row()
        if row is None or BookingStatus.CANCELLED not in TRANSITIONS[BookingStatus(row.status)]:
            return
        self.cancel(row.reference, row.event or row.customer_name)

    def cancel(self, reference: str, description: str = "") -> None:
        def cancelled(ref: str, notes: tuple[str, ...]) -> None:
            if notes:
                self.feedback.ok(
                    tr("BookingsScreen", "Booking %1 cancelled; credit note %2 issued.")
                    .replace("%1", ref)
                    .replace("%2", ", ".join(notes))
                )
            else:
                self.feedback.ok(tr("BookingsScreen", "Booking %1 cancelled.").replace("%1", ref))

        cancel_flow.cancel_booking(
            self.ops,
            self,
            reference,
            ask_first=True,
            open_box=self._open,
            done=cancelled,
            failed=self._failed,
            description=description,
        )

    def _failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
