"""The booking calendar: a month (Monday first) with each booking on its pick-up day (↗)
and its return day (↘), coloured by status. The selected day's entries are listed beside
the month; selecting one shows its details. Arrows move the day, Page Up/Down the month.

The month is painted by ``MonthGrid`` (one paint, no widget per day); its entries come from
one read of the bookings picked up or returned in the six visible weeks.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import and_, or_
from sqlmodel import select

from app.core.db import UnitOfWork
from app.gui.bookings.timeline import add_months, holiday_names, open_booking, status_label
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_datetime
from booking.models import Booking, BookingStatus, Customer

tr = QCoreApplication.translate

PICKUP, RETURN = "pickup", "return"
ARROWS = {PICKUP: "↗", RETURN: "↘"}
#: Status → (text colour, background).
STATUS_COLOURS: dict[str, tuple[QColor, QColor]] = {
    BookingStatus.QUOTE.value: (QColor("#8a5300"), QColor("#ffefd2")),
    BookingStatus.CONFIRMED.value: (QColor("#0d47a1"), QColor("#dceafc")),
    BookingStatus.OUT.value: (QColor("#1b5e20"), QColor("#dcf1dd")),
    BookingStatus.RETURNED.value: (QColor("#006064"), QColor("#d6f2f4")),
    BookingStatus.CLOSED.value: (QColor("#455a64"), QColor("#e6eaed")),
    BookingStatus.CANCELLED.value: (QColor("#8d8d8d"), QColor("#f3f3f3")),
}
TODAY_COLOUR = QColor("#1565c0")
GRID = QColor("#d9dde3")
WEEKEND_BG = QColor(246, 247, 249)
HOLIDAY_BG = QColor(241, 237, 248)


@dataclass(frozen=True)
class Entry:
    """A booking on one day of the calendar: its pick-up or its return."""

    booking_id: int
    reference: str
    status: str
    customer: str
    event: str
    venue: str
    start: dt.datetime
    end: dt.datetime
    kind: str  # PICKUP or RETURN

    @property
    def day(self) -> dt.date:
        return (self.start if self.kind == PICKUP else self.end).date()

    @property
    def at(self) -> dt.datetime:
        return self.start if self.kind == PICKUP else self.end

    @property
    def title(self) -> str:
        return self.event or self.customer


def grid_days(month: dt.date) -> list[dt.date]:
    """The 42 days (six weeks, Monday first) that show ``month``."""
    first = month.replace(day=1)
    start = first - dt.timedelta(days=first.weekday())
    return [start + dt.timedelta(days=n) for n in range(42)]


def read_entries(uow: UnitOfWork, first: dt.date, last: dt.date) -> list[Entry]:
    """Pick-ups and returns from ``first`` to ``last`` (inclusive), by day and time."""
    d0 = dt.datetime.combine(first, dt.time())
    d1 = dt.datetime.combine(last, dt.time()) + dt.timedelta(days=1)
    query = (
        select(Booking, Customer.name)
        .join(Customer, Customer.id == Booking.customer_id)
        .where(
            or_(
                and_(Booking.start >= d0, Booking.start < d1),
                and_(Booking.end >= d0, Booking.end < d1),
            )
        )
    )
    entries = []
    for b, customer in uow.session.exec(query):
        assert b.id is not None
        for kind, at in ((PICKUP, b.start), (RETURN, b.end)):
            if d0 <= at < d1:
                entries.append(
                    Entry(
                        b.id,
                        b.reference,
                        b.status,
                        customer,
                        b.event,
                        b.venue,
                        b.start,
                        b.end,
                        kind,
                    )
                )
    entries.sort(key=lambda e: (e.at, e.kind != RETURN, e.reference))
    return entries


def entry_text(entry: Entry, short: bool = False) -> str:
    """ "↗ R-2026-0042 Festival…"; ``short`` keeps the reference's number only (narrow days)."""
    reference = entry.reference.rsplit("-", 1)[-1] if short else entry.reference
    return f"{ARROWS[entry.kind]} {reference} {entry.title}".rstrip()


class MonthGrid(QWidget):
    """Six weeks of seven days; each day lists its entries as coloured chips."""

    day_changed = Signal(object)  # dt.date
    entry_clicked = Signal(object)  # Entry
    entry_activated = Signal(object)  # Entry (double-click)

    HEADER = 26
    LINE = 17

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = dt.date.today().replace(day=1)
        self.days = grid_days(self.month)
        self.today = dt.date.today()
        self.selected = self.today
        self.entries: dict[dt.date, list[Entry]] = {}
        self.holidays: dict[dt.date, str] = {}
        self.selected_entry: Entry | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("BookingCalendar", "Month of bookings"))
        self.setMinimumSize(560, 420)
        self.small = QFont(self.font())
        self.small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.88))
        self.bold = QFont(self.font())
        self.bold.setBold(True)

    def sizeHint(self) -> QSize:
        return QSize(860, 620)

    def set_month(self, month: dt.date, entries: list[Entry]) -> None:
        self.month = month.replace(day=1)
        self.days = grid_days(self.month)
        self.holidays = holiday_names([self.days[0].year, self.days[-1].year])
        self.entries = {}
        for entry in entries:
            self.entries.setdefault(entry.day, []).append(entry)
        self.update()

    # --- geometry -----------------------------------------------------------------------

    def _cell_size(self) -> tuple[float, float]:
        return self.width() / 7, (self.height() - self.HEADER) / 6

    def day_rect(self, day: dt.date) -> QRect:
        n = self.days.index(day)
        w, h = self._cell_size()
        col, row = n % 7, n // 7
        x0, x1 = round(col * w), round((col + 1) * w)
        y0, y1 = self.HEADER + round(row * h), self.HEADER + round((row + 1) * h)
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def day_at(self, pos: QPoint) -> dt.date | None:
        if pos.y() < self.HEADER:
            return None
        w, h = self._cell_size()
        col, row = int(pos.x() // w), int((pos.y() - self.HEADER) // h)
        if 0 <= col < 7 and 0 <= row < 6:
            return self.days[row * 7 + col]
        return None

    def _capacity(self, rect: QRect) -> int:
        return max(0, (rect.height() - 22) // self.LINE)

    def entry_at(self, pos: QPoint) -> Entry | None:
        day = self.day_at(pos)
        if day is None:
            return None
        rect = self.day_rect(day)
        index = (pos.y() - rect.top() - 20) // self.LINE
        shown = self._shown(day, rect)
        return shown[index] if 0 <= index < len(shown) else None

    def _shown(self, day: dt.date, rect: QRect) -> list[Entry]:
        found = self.entries.get(day, [])
        room = self._capacity(rect)
        return found[:room] if len(found) <= room else found[: max(0, room - 1)]

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, p: QPainter) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlpha(110)
        p.fillRect(self.rect(), base)
        locale = QLocale()
        w, _ = self._cell_size()
        p.setFont(self.bold)
        p.setPen(text_colour)
        for col in range(7):
            name = locale.dayName(col + 1, QLocale.FormatType.LongFormat)
            if w < 110:
                name = locale.dayName(col + 1, QLocale.FormatType.ShortFormat)
            name = name[:1].upper() + name[1:]
            p.drawText(
                QRect(round(col * w), 0, round(w), self.HEADER), Qt.AlignmentFlag.AlignCenter, name
            )
        metrics = QFontMetrics(self.small)
        for day in self.days:
            rect = self.day_rect(day)
            outside = day.month != self.month.month
            if day in self.holidays:
                p.fillRect(rect, HOLIDAY_BG)
            elif day.weekday() >= 5:
                p.fillRect(rect, WEEKEND_BG)
            p.setPen(QPen(GRID, 1))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            number = (
                str(day.day)
                if day.day != 1
                else locale.toString(QDate(day.year, day.month, 1), "d MMM")
            )
            p.setFont(self.bold if day == self.today else self.font())
            if day == self.today:
                badge = QRect(
                    rect.left() + 3,
                    rect.top() + 2,
                    max(22, 8 + QFontMetrics(self.bold).horizontalAdvance(number)),
                    17,
                )
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(TODAY_COLOUR)
                p.drawRoundedRect(badge, 8, 8)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.setPen(QColor("white"))
                p.drawText(badge, Qt.AlignmentFlag.AlignCenter, number)
            else:
                p.setPen(muted if outside else text_colour)
                p.drawText(rect.adjusted(6, 2, -6, 0), Qt.AlignmentFlag.AlignLeft, number)
            holiday = self.holidays.get(day)
            if holiday and rect.width() > 90:
                p.setFont(self.small)
                p.setPen(QColor("#6b3fa0"))
                p.drawText(
                    rect.adjusted(40, 3, -6, 0),
                    Qt.AlignmentFlag.AlignRight,
                    metrics.elidedText(holiday, Qt.TextElideMode.ElideRight, rect.width() - 48),
                )
            self._paint_entries(p, day, rect, metrics, outside)
            if day == self.selected:
                p.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                p.drawRect(rect.adjusted(1, 1, -2, -2))

    def _paint_entries(
        self, p: QPainter, day: dt.date, rect: QRect, metrics: QFontMetrics, outside: bool
    ) -> None:
        p.setFont(self.small)
        found = self.entries.get(day, [])
        shown = self._shown(day, rect)
        y = rect.top() + 20
        for entry in shown:
            fg, bg = STATUS_COLOURS.get(entry.status, STATUS_COLOURS["closed"])
            chip = QRect(rect.left() + 3, y, rect.width() - 7, self.LINE - 2)
            if outside:
                bg = QColor(bg)
                bg.setAlpha(140)
            p.fillRect(chip, bg)
            if entry == self.selected_entry:
                p.setPen(QPen(fg, 1))
                p.drawRect(chip.adjusted(0, 0, -1, -1))
            p.fillRect(chip.left(), chip.top(), 3, chip.height(), fg)
            font = QFont(self.small)
            font.setStrikeOut(entry.status == BookingStatus.CANCELLED.value)
            p.setFont(font)
            p.setPen(fg)
            p.drawText(
                chip.adjusted(6, 0, -3, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(
                    entry_text(entry, short=chip.width() < 190),
                    Qt.TextElideMode.ElideRight,
                    chip.width() - 9,
                ),
            )
            y += self.LINE
        hidden = len(found) - len(shown)
        if hidden > 0:
            p.setPen(self.palette().color(QPalette.ColorRole.Text))
            p.setFont(self.small)
            p.drawText(
                QRect(rect.left() + 6, y, rect.width() - 12, self.LINE),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                tr("BookingCalendar", "+%n more", None, hidden),
            )

    # --- interaction --------------------------------------------------------------------

    def select_day(self, day: dt.date) -> None:
        self.selected = day
        self.update()
        self.day_changed.emit(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        day = self.day_at(pos)
        if day is None:
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        entry = self.entry_at(pos)
        self.select_day(day)
        if entry is not None:
            self.entry_clicked.emit(entry)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        if entry is not None:
            self.entry_activated.emit(entry)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        key = event.key()
        if key in steps:
            self.select_day(self.selected + dt.timedelta(days=steps[key]))
        elif key == Qt.Key.Key_PageUp:
            self.select_day(add_months(self.selected, -1))
        elif key == Qt.Key.Key_PageDown:
            self.select_day(add_months(self.selected, 1))
        elif key == Qt.Key.Key_Home:
            self.select_day(self.selected - dt.timedelta(days=self.selected.weekday()))
        elif key == Qt.Key.Key_End:
            self.select_day(self.selected + dt.timedelta(days=6 - self.selected.weekday()))
        else:
            super().keyPressEvent(event)


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
        self.grid = MonthGrid(self)
        self.grid.today = self.today
        self.grid.selected = self.today
        self._build()
        self._build_actions()
        self.grid.day_changed.connect(self._day_changed)
        self.grid.entry_clicked.connect(self.select_entry)
        self.grid.entry_activated.connect(self._activate)
        ops.changed.connect(self._on_changed)
        self.load()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.previous_button = QToolButton()
        self.today_button = QToolButton()
        self.next_button = QToolButton()
        self.month_label = QLabel()
        self.month_label.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.legend = QLabel(self._legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.day_title = QLabel()
        self.day_title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(tr("BookingCalendar", "Bookings of the day"))
        self.day_list.currentRowChanged.connect(self._list_row_changed)
        self.day_list.itemActivated.connect(
            lambda item: self._activate(item.data(Qt.ItemDataRole.UserRole))
        )
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(170)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(6, 0, 0, 0)
        column.addWidget(self.day_title)
        column.addWidget(self.day_list, 1)
        column.addWidget(self.details)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.grid)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([880, 240])
        splitter.setCollapsible(0, False)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.month_label)
        bar.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 4)
        outer.addLayout(bar)
        outer.addWidget(splitter, 1)
        outer.addWidget(self.legend)
        self.setTabOrder(self.grid, self.day_list)

    def _legend_html(self) -> str:
        parts = [
            f"<span style='color:gray'>{tr('BookingCalendar', '↗ pick-up · ↘ return')}"
            "</span>&nbsp;&nbsp;&nbsp;"
        ]
        for status in BookingStatus:
            fg, bg = STATUS_COLOURS[status.value]
            parts.append(
                f"<span style='background:{bg.name()}; color:{fg.name()};'>"
                f"&nbsp;{html.escape(status_label(status.value))}&nbsp;</span>&nbsp;&nbsp;"
            )
        return "".join(parts)

    def _action(self, text: str, keys: list[str], slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.previous_action = self._action(
            tr("BookingCalendar", "&Previous month"), ["Alt+Left"], self.previous_month
        )
        self.next_action = self._action(
            tr("BookingCalendar", "&Next month"), ["Alt+Right"], self.next_month
        )
        self.today_action = self._action(
            tr("BookingCalendar", "&Today"), ["Alt+Home"], self.go_today
        )
        for button, action, text in (
            (self.previous_button, self.previous_action, "◀"),
            (self.today_button, self.today_action, tr("BookingCalendar", "Today")),
            (self.next_button, self.next_action, "▶"),
        ):
            button.setDefaultAction(action)
            button.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{action.text().replace('&', '')} ({keys})")
        self.menu = QMenu(tr("BookingCalendar", "&Calendar"), self)
        for action in (self.previous_action, self.next_action, self.today_action):
            self.menu.addAction(action)

    def focus_search(self) -> None:
        """Called by the main window when the area is shown: the month takes the keys."""
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        days = grid_days(self.month)
        month = self.month
        self.ops.read(
            lambda uow: read_entries(uow, days[0], days[-1]),
            lambda found: self._loaded(month, found),
        )

    def _loaded(self, month: dt.date, entries: list[Entry]) -> None:
        if month != self.month:
            return
        self.entries = entries
        self.grid.set_month(month, entries)
        text = QLocale().toString(QDate(month.year, month.month, 1), "MMMM yyyy")
        self.month_label.setText(text[:1].upper() + text[1:])
        self._fill_day()

    def _on_changed(self, what: str) -> None:
        if what in ("bookings", "customers"):
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
        locale = QLocale()
        text = locale.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")
        holiday = self.grid.holidays.get(day)
        self.day_title.setText(text[:1].upper() + text[1:] + (f" — {holiday}" if holiday else ""))
        self.day_list.blockSignals(True)
        self.day_list.clear()
        for entry in self.day_entries(day):
            fg, bg = STATUS_COLOURS.get(entry.status, STATUS_COLOURS["closed"])
            label = f"{entry.at:%H:%M}  {entry_text(entry)}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setForeground(fg)
            item.setBackground(bg)
            item.setToolTip(status_label(entry.status))
            self.day_list.addItem(item)
        self.day_list.blockSignals(False)
        if self.day_list.count() == 0:
            self.details.setText(
                f"<span style='color:gray'>{tr('BookingCalendar', 'No pick-up or return.')}</span>"
            )
        else:
            entry = self.grid.selected_entry
            row = self.day_entries(day).index(entry) if entry in self.day_entries(day) else 0
            self.day_list.setCurrentRow(row)
            self._show_details(self.day_entries(day)[row])

    def select_entry(self, entry: Entry) -> None:
        self.grid.selected_entry = entry
        entries = self.day_entries(entry.day)
        if entry in entries:
            self.day_list.setCurrentRow(entries.index(entry))
        self.grid.update()

    def _list_row_changed(self, row: int) -> None:
        entries = self.day_entries(self.grid.selected)
        if 0 <= row < len(entries):
            self.grid.selected_entry = entries[row]
            self.grid.update()
            self._show_details(entries[row])

    def _show_details(self, entry: Entry) -> None:
        esc = html.escape
        fg, _ = STATUS_COLOURS.get(entry.status, STATUS_COLOURS["closed"])
        facts = [
            (
                tr("BookingCalendar", "Status"),
                f"<b style='color:{fg.name()}'>{esc(status_label(entry.status))}</b>",
            ),
            (tr("BookingCalendar", "Customer"), esc(entry.customer)),
            (tr("BookingCalendar", "Event"), esc(entry.event)),
            (tr("BookingCalendar", "Venue"), esc(entry.venue)),
            (tr("BookingCalendar", "Pick-up"), format_datetime(entry.start)),
            (tr("BookingCalendar", "Return"), format_datetime(entry.end)),
        ]
        rows = "".join(
            f"<tr><td style='color:gray'>{k}&nbsp;</td><td>{v}</td></tr>" for k, v in facts if v
        )
        self.details.setText(f"<h3>{esc(entry.reference)}</h3><table>{rows}</table>")
        self.shown_entry = entry

    def _activate(self, entry: Entry) -> None:
        self.booking_activated.emit(entry.reference)
        self.dialog = open_booking(self.ops, self, entry.booking_id)
