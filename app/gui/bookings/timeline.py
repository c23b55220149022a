"""The availability timeline screen: item types (grouped by category) down, days across;
each cell is "free / total" for that day, from the one availability engine.

Composed of small parts: ``timeline_toolbar`` (period navigation, zoom, filters, legend),
``timeline_view`` (the painted types × days view, which computes only the cells it shows;
``timeline_painter`` paints it), ``timeline_holders`` (the bookings holding the selected
cell's stock). Every read is a ``booking.planning`` function run through ``ops.read``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QVBoxLayout, QWidget

from app.gui.bookings.calendar_common import capitalised, make_action, open_booking
from app.gui.bookings.timeline_holders import HoldersPanel
from app.gui.bookings.timeline_toolbar import TimelineLegend, TimelineToolbar
from app.gui.bookings.timeline_view import TimelineView
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_date
from booking import planning
from booking.planning import (
    MONTH,
    QUARTER,
    WEEK,
    ZOOMS,
    Cell,
    HoldRow,
    TypeRow,
    add_months,
    daily_peaks,
    period_days,
    period_start,
)

#: The timeline's vocabulary, for its callers (the main window, the benchmark, the tests).
__all__ = [
    "MONTH",
    "QUARTER",
    "WEEK",
    "ZOOMS",
    "Cell",
    "HoldRow",
    "TimelineScreen",
    "TimelineView",
    "TypeRow",
    "build_and_paint_month",
    "daily_peaks",
]

tr = QCoreApplication.translate


class TimelineScreen(QWidget):
    """Filters and period navigation above the timeline; the bookings holding the selected
    cell below it."""

    booking_activated = Signal(str)  # a booking's reference (double-click in the list)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.all_types: list[TypeRow] = []
        self.types_loaded = False
        self.booked = -1  # bookings meeting the period (-1 until counted)
        self.counted_days: list[dt.date] = []
        self.zoom = MONTH
        self.start = period_start(ops.ctx.clock.today(), MONTH)
        self.holders: list[HoldRow] = []
        self.dialog: QWidget | None = None  # the booking editor a double-click opened
        self.view = TimelineView(ops, self)
        self._build_actions()
        self._build_parts()
        self._layout()
        self.view.cell_activated.connect(self.show_holders)
        ops.changed.connect(self._on_changed)
        self._apply_period()
        self.reload_types()

    # --- construction ------------------------------------------------------------------

    def _build_actions(self) -> None:
        a = make_action
        self.previous_action = a(
            self, tr("Timeline", "&Previous period"), ["Alt+Left"], self.previous, "previous"
        )
        self.next_action = a(self, tr("Timeline", "&Next period"), ["Alt+Right"], self.next, "next")
        self.today_action = a(self, tr("Timeline", "&Today"), ["Alt+Home"], self.go_today, "today")
        self.zoom_in_action = a(
            self, tr("Timeline", "Zoom &in"), ["Ctrl++", "Ctrl+="], self.zoom_in, "zoom_in"
        )
        self.zoom_out_action = a(
            self, tr("Timeline", "Zoom &out"), ["Ctrl+-"], self.zoom_out, "zoom_out"
        )
        self.find_action = a(self, tr("Timeline", "&Find"), ["Ctrl+F"], self.focus_search, "search")
        self.refresh_action = a(
            self,
            tr("Timeline", "&Refresh"),
            [QKeySequence.StandardKey.Refresh],
            self.refresh,
            "refresh",
        )
        self.menu = QMenu(tr("Timeline", "&Timeline"), self)
        for action in (
            self.previous_action,
            self.next_action,
            self.today_action,
            None,
            self.zoom_in_action,
            self.zoom_out_action,
            None,
            self.find_action,
            self.refresh_action,
        ):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)

    def _build_parts(self) -> None:
        self.toolbar = TimelineToolbar(
            {
                "previous": self.previous_action,
                "next": self.next_action,
                "today": self.today_action,
                "zoom_in": self.zoom_in_action,
                "zoom_out": self.zoom_out_action,
                "refresh": self.refresh_action,
            },
            self,
        )
        bar = self.toolbar
        self.previous_button, self.today_button = bar.previous_button, bar.today_button
        self.next_button, self.period_label = bar.next_button, bar.period_label
        self.zoom_box, self.category_filter = bar.zoom_box, bar.category_filter
        self.search_box = bar.search_box
        bar.zoom_chosen.connect(self.set_zoom)
        bar.filters_changed.connect(self.apply_filters)
        bar.search_entered.connect(self._focus_view)
        self.notice = QLabel()
        style.set_role(self.notice, "muted")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.panel = HoldersPanel(self)
        self.holders_title, self.holders_table = self.panel.title, self.panel.table
        self.panel.activated.connect(self._holder_activated)
        self.legend = TimelineLegend(self)

    def _layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([560, 160])
        self.splitter.setCollapsible(0, False)
        outer = QVBoxLayout(self)
        space = style.SPACE
        outer.setContentsMargins(space.s, space.s, space.s, space.xs)
        outer.setSpacing(space.xs)
        outer.addWidget(self.toolbar)
        outer.addWidget(self.notice)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.legend)
        self.setTabOrder(self.search_box, self.view)
        self.setTabOrder(self.view, self.holders_table)

    # --- types and filters --------------------------------------------------------------

    def reload_types(self) -> None:
        self.ops.read(planning.read_types, self._types_loaded)

    def _types_loaded(self, rows: list[TypeRow]) -> None:
        self.all_types = rows
        self.types_loaded = True
        self.apply_filters()
        self._update_notice()

    def apply_filters(self) -> None:
        category = self.category_filter.currentData() or ""
        text = self.search_box.text().strip().casefold()
        rows: list[TypeRow | str] = []
        previous = None
        for row in self.all_types:
            if category and row.category != category:
                continue
            if text and text not in row.code.casefold() and text not in row.name.casefold():
                continue
            if row.category != previous:
                rows.append(row.category)
                previous = row.category
            rows.append(row)
        self.view.empty_text = self._empty_text()
        self.view.set_rows(rows)

    def _empty_text(self) -> str:
        """What the view says when it has no row: what to do next."""
        if not self.types_loaded:
            return ""
        if not self.all_types:
            return tr(
                "Timeline",
                "No item type in the catalogue yet. Add one in Inventory (Ctrl+1), "
                "then plan it here.",
            )
        return tr(
            "Timeline",
            "No item type matches these filters. Clear the filter (Ctrl+F) or choose "
            "All categories.",
        )

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _focus_view(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.view.current is None:
            first = self.view.first_type_row()
            if first is not None:
                self.view.set_current(first, 0)

    def refresh(self) -> None:
        """Read everything again (another workstation may have booked)."""
        self.view.invalidate()
        self.reload_types()
        self._count_bookings(again=True)

    # --- period -------------------------------------------------------------------------

    def set_zoom(self, zoom: str) -> None:
        if zoom not in ZOOMS or zoom == self.zoom:
            return
        day = self.view.current_day()
        self.zoom = zoom
        self.toolbar.set_zoom(zoom)
        self.start = period_start(day or self.start, zoom)
        self._apply_period()
        if day is not None and day in self.view.days and self.view.current is not None:
            self.view.set_current(self.view.current[0], self.view.days.index(day))

    def zoom_in(self) -> None:
        index = ZOOMS.index(self.zoom)
        if index > 0:
            self.set_zoom(ZOOMS[index - 1])

    def zoom_out(self) -> None:
        index = ZOOMS.index(self.zoom)
        if index < len(ZOOMS) - 1:
            self.set_zoom(ZOOMS[index + 1])

    def set_start(self, day: dt.date) -> None:
        self.start = day
        self._apply_period()

    def previous(self) -> None:
        self.set_start(self._shift(-1))

    def next(self) -> None:
        self.set_start(self._shift(1))

    def _shift(self, direction: int) -> dt.date:
        if self.zoom == WEEK:
            return self.start + dt.timedelta(days=7 * direction)
        return add_months(self.start, direction * (1 if self.zoom == MONTH else 3))

    def go_today(self) -> None:
        self.set_start(period_start(self.ops.ctx.clock.today(), self.zoom))

    def _apply_period(self) -> None:
        days = period_days(self.start, self.zoom)
        self.view.today = self.ops.ctx.clock.today()
        self.view.set_period(days, self.zoom)
        self.period_label.setText(self._period_text(days))
        self._count_bookings()

    def _period_text(self, days: list[dt.date]) -> str:
        first, last = days[0], days[-1]
        if self.zoom == MONTH and first.day == 1:
            return capitalised(QLocale().toString(QDate(first.year, first.month, 1), "MMMM yyyy"))
        return f"{format_date(first)} – {format_date(last)}"

    def _count_bookings(self, again: bool = False) -> None:
        """Say so when nothing is booked in the period (every cell is then all free);
        counted once per period unless ``again`` (bookings changed)."""
        days, now = period_days(self.start, self.zoom), self.ops.ctx.clock.local_now()
        if days == self.counted_days and not again:
            return
        self.counted_days = days
        self.ops.read(
            lambda uow: planning.bookings_meeting(uow, days, now),
            lambda count: self._counted(days, count),
        )

    def _counted(self, days: list[dt.date], count: int) -> None:
        if days == self.view.days:
            self.booked = count
            self._update_notice()

    def _update_notice(self) -> None:
        self.notice.setText(
            tr(
                "Timeline",
                "Nothing is booked in this period: all the stock is free. Go to another "
                "period with Alt+Left or Alt+Right, or create a booking in Bookings "
                "(Ctrl+8, then Ctrl+N).",
            )
        )
        self.notice.setVisible(self.booked == 0 and bool(self.all_types))

    def _on_changed(self, what: object) -> None:
        if what not in (Change.BOOKINGS, Change.CATALOGUE):
            return
        self.view.invalidate()
        self._count_bookings(again=True)
        if what == Change.CATALOGUE:
            self.reload_types()
        if self.view.current is not None and self.holders:
            type_id, day = self.view.current_type(), self.view.current_day()
            if type_id is not None and day is not None:
                self.show_holders(type_id, day)

    # --- holders ------------------------------------------------------------------------

    def show_holders(self, type_id: int, day: dt.date) -> None:
        now = self.ops.ctx.clock.local_now()
        self.ops.read(
            lambda uow: planning.read_holders(uow, type_id, day, now),
            lambda rows: self._holders_loaded(type_id, day, rows),
        )

    def _holders_loaded(self, type_id: int, day: dt.date, rows: list[HoldRow]) -> None:
        self.holders = rows
        row = next((r for r in self.all_types if r.id == type_id), None)
        name = f"{row.code} — {row.name}" if row else ""
        self.panel.show_rows(name, day, self.view.cell(type_id, day), rows)

    def holder_references(self) -> list[str]:
        return [h.reference for h in self.holders]

    def _holder_activated(self, hold: HoldRow) -> None:
        self.booking_activated.emit(hold.reference)
        self.dialog = open_booking(self.ops, self, hold.booking_id)


def build_and_paint_month(
    ops: Operations, start_day: dt.date, rows: int = 200, width: int = 1280
) -> TimelineScreen:
    """The timeline on a month from ``start_day``, sized to show ``rows`` rows, painted
    synchronously (with SyncRunner every cell is computed before the paint)."""
    screen = TimelineScreen(ops)
    screen.set_start(start_day)
    view = screen.view
    layout = screen.layout()
    assert layout is not None
    screen.resize(width, 800)
    layout.activate()
    wanted = view.HEADER_HEIGHT + rows * view.ROW_HEIGHT + 2 * view.frameWidth()
    grow = wanted - view.height()
    screen.splitter.setSizes([wanted, screen.splitter.sizes()[1]])
    screen.resize(width, 800 + grow)
    layout.activate()
    screen.grab()
    return screen
