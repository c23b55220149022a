"""The booking calendar: a month (Monday first) with each booking on its pick-up day (↗)
and its return day (↘), in its status's tone. The selected day's entries are listed beside
the month; selecting one shows its details. Arrows move the day, Page Up/Down the month.

Composed of ``calendar_grid.MonthGrid`` (the painted month) and ``calendar_day.DayPanel``;
its entries come from one read (``booking.planning.read_entries``) of the bookings picked
up or returned in the six visible weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSplitter, QVBoxLayout, QWidget

from app.gui.bookings.calendar_common import (
    capitalised,
    holiday_names,
    make_action,
    nav_button,
    open_booking,
    status_colours,
    status_label,
)
from app.gui.bookings.calendar_day import DayPanel
from app.gui.bookings.calendar_grid import ARROWS, MonthGrid, entry_text
from app.gui.shell import chips, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from booking import planning
from booking.models import BookingStatus
from booking.planning import PICKUP, RETURN, Entry, add_months, grid_days

__all__ = [
    "ARROWS",
    "PICKUP",
    "RETURN",
    "STATUS_COLOURS",
    "BookingCalendarScreen",
    "Entry",
    "MonthGrid",
    "entry_text",
]

tr = QCoreApplication.translate


class _StatusColours(Mapping[str, tuple[QColor, QColor]]):
    """Status → (text, background) in the theme in use (the booking tones of
    ``chips.TONES``); an unknown status reads grey."""

    def __getitem__(self, status: str) -> tuple[QColor, QColor]:
        return status_colours(status)

    def __iter__(self) -> Iterator[str]:
        return iter(s.value for s in BookingStatus)

    def __len__(self) -> int:
        return len(BookingStatus)


STATUS_COLOURS: Mapping[str, tuple[QColor, QColor]] = _StatusColours()


class CalendarLegend(QWidget):
    """The arrows in words, then each status as a chip with its name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(style.SPACE.s)
        arrows = QLabel(tr("BookingCalendar", "↗ pick-up · ↘ return"))
        style.set_role(arrows, "muted")
        row.addWidget(arrows)
        for status in BookingStatus:
            # with its parent: a chip without one would show itself as a window
            chip = chips.StatusChip("booking", status.value, status_label(status.value), self)
            if status == BookingStatus.CANCELLED:  # struck out, as on the month
                font = chip.font()
                font.setStrikeOut(True)
                chip.setFont(font)
            row.addWidget(chip)
        row.addStretch(1)


class BookingCalendarScreen(QWidget):
    """The month, its navigation and legend; the selected day's entries and details."""

    booking_activated = Signal(str)  # a booking's reference (double-click)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = ops.ctx.clock.today()
        self.month = self.today.replace(day=1)
        self.entries: list[Entry] = []
        self.dialog: QWidget | None = None  # the booking editor a double-click opened
        self.grid = MonthGrid(self.today, self)
        self._build_actions()
        self._build()
        self.grid.day_changed.connect(self._day_changed)
        self.grid.entry_clicked.connect(self.select_entry)
        self.grid.entry_activated.connect(self._activate)
        ops.changed.connect(self._on_changed)
        style.notifier().changed.connect(self._restyled)
        self.load()

    # --- construction ------------------------------------------------------------------

    def _build_actions(self) -> None:
        a = make_action
        self.previous_action = a(
            self,
            tr("BookingCalendar", "&Previous month"),
            ["Alt+Left"],
            self.previous_month,
            "previous",
        )
        self.next_action = a(
            self, tr("BookingCalendar", "&Next month"), ["Alt+Right"], self.next_month, "next"
        )
        self.today_action = a(
            self, tr("BookingCalendar", "&Today"), ["Alt+Home"], self.go_today, "today"
        )
        self.refresh_action = a(
            self,
            tr("BookingCalendar", "&Refresh"),
            [QKeySequence.StandardKey.Refresh],
            self.load,
            "refresh",
        )
        self.menu = QMenu(tr("BookingCalendar", "&Calendar"), self)
        for action in (self.previous_action, self.next_action, self.today_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.refresh_action)

    def _build(self) -> None:
        self.previous_button = nav_button(self.previous_action)
        self.today_button = nav_button(self.today_action, tr("BookingCalendar", "Today"))
        self.next_button = nav_button(self.next_action)
        self.refresh_button = nav_button(self.refresh_action)
        self.month_label = QLabel()
        style.set_role(self.month_label, "title")
        self.month_label.setAccessibleName(tr("BookingCalendar", "Month shown"))
        self.legend = CalendarLegend(self)
        self.day_panel = DayPanel(self)
        self.day_title, self.day_list = self.day_panel.title, self.day_panel.day_list
        self.details = self.day_panel.details
        self.day_panel.row_changed.connect(self._list_row_changed)
        self.day_panel.activated.connect(self._activate)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.grid)
        splitter.addWidget(self.day_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([880, 260])
        splitter.setCollapsible(0, False)
        bar = QHBoxLayout()
        bar.setSpacing(style.SPACE.xs)
        for button in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(button)
        bar.addSpacing(style.SPACE.s)
        bar.addWidget(self.month_label)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        outer = QVBoxLayout(self)
        space = style.SPACE
        outer.setContentsMargins(space.s, space.s, space.s, space.xs)
        outer.setSpacing(space.xs)
        outer.addLayout(bar)
        outer.addWidget(splitter, 1)
        outer.addWidget(self.legend)
        self.setTabOrder(self.grid, self.day_list)

    def focus_search(self) -> None:
        """Called by the main window when the area is shown: the month takes the keys."""
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        days = grid_days(self.month)
        month = self.month
        self.ops.read(
            lambda uow: planning.read_entries(uow, days[0], days[-1]),
            lambda found: self._loaded(month, found),
        )

    def _loaded(self, month: dt.date, entries: list[Entry]) -> None:
        if month != self.month:
            return
        self.entries = entries
        days = grid_days(month)
        name = QLocale().toString(QDate(month.year, month.month, 1), "MMMM yyyy")
        title = capitalised(name)
        empty = tr(
            "BookingCalendar",
            "No pick-up or return in %1. Go to another month with Alt+Left or Alt+Right, "
            "or create a booking in Bookings (Ctrl+8, then Ctrl+N).",
        ).replace("%1", name)
        holidays = holiday_names([days[0].year, days[-1].year])
        self.grid.set_month(month, entries, holidays, empty)
        self.month_label.setText(title)
        self._fill_day()

    def _restyled(self, _theme: str) -> None:
        """The theme changed: the day's list and details carry the status tones."""
        self._fill_day()

    def _on_changed(self, what: object) -> None:
        if what in (Change.BOOKINGS, Change.CUSTOMERS):
            self.load()

    # --- navigation ---------------------------------------------------------------------

    def show_month(self, month: dt.date, selected: dt.date | None = None) -> None:
        self.month = month.replace(day=1)
        self.grid.selected = selected or (
            self.today if self.today.replace(day=1) == self.month else self.month
        )
        self.grid.selected_entry = None
        self.load()

    def previous_month(self) -> None:
        self.show_month(add_months(self.month, -1))

    def next_month(self) -> None:
        self.show_month(add_months(self.month, 1))

    def go_today(self) -> None:
        self.show_month(self.today, self.today)

    def _day_changed(self, day: dt.date) -> None:
        if day.replace(day=1) != self.month:
            self.show_month(day, day)
        else:
            self.grid.selected_entry = None
            self._fill_day()

    # --- the selected day ---------------------------------------------------------------

    def day_entries(self, day: dt.date) -> list[Entry]:
        return list(self.grid.entries.get(day, []))

    def _fill_day(self) -> None:
        day = self.grid.selected
        self.day_panel.show_day(
            day, self.grid.holidays.get(day), self.day_entries(day), self.grid.selected_entry
        )

    def select_entry(self, entry: Entry) -> None:
        self.grid.selected_entry = entry
        entries = self.day_entries(entry.day)
        if entry in entries:
            self.day_panel.select_row(entries.index(entry))
        self.grid.update()

    def _list_row_changed(self, row: int) -> None:
        entries = self.day_entries(self.grid.selected)
        if 0 <= row < len(entries):
            self.grid.selected_entry = entries[row]
            self.grid.update()
            self.day_panel.show_details(entries[row])

    def _activate(self, entry: Entry) -> None:
        self.booking_activated.emit(entry.reference)
        self.dialog = open_booking(self.ops, self, entry.booking_id)
