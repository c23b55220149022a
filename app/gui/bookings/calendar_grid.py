"""The calendar's month: six weeks of seven days (Monday first), each day listing its
pick-ups (↗) and returns (↘) as chips in their status's tone (quotes in italics, cancelled
ones struck out: never colour alone). One paint, no widget per day; a sentence saying what
to do when the six weeks hold nothing. Arrows move the day, Page Up/Down the month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from app.gui.bookings.calendar_common import capitalised, status_colours, status_label
from app.gui.bookings.timeline_colours import colours
from app.gui.shell import style
from app.gui.shell.widgets import format_datetime
from booking.models import BookingStatus
from booking.planning import PICKUP, Entry, add_months, grid_days

tr = QCoreApplication.translate

ARROWS = {PICKUP: "↗", "return": "↘"}
STEPS: dict[int, int] = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -7,
    Qt.Key.Key_Down: 7,
}


def entry_text(entry: Entry, short: bool = False) -> str:
    """ "↗ R-2026-0042 Festival…"; ``short`` keeps the reference's number only (narrow days)."""
    reference = entry.reference.rsplit("-", 1)[-1] if short else entry.reference
    return f"{ARROWS[entry.kind]} {reference} {entry.title}".rstrip()


def chip_text(entry: Entry, metrics: QFontMetrics, width: int) -> str:
    """The entry in ``width`` pixels, read from its words: the arrow, then the reference
    (whole, or its number only) when it leaves the title about sixteen characters, then
    the title (event, else customer) elided at its end. A narrow day drops the reference
    (in the tooltip and the day's list): "↘ Anniversaire Dupo…", not "↘ 0120 Anni…aire"."""
    arrow, title = ARROWS[entry.kind], entry.title
    wanted = min(metrics.horizontalAdvance(title), metrics.averageCharWidth() * 16)
    number = entry.reference.rsplit("-", 1)[-1]
    head = arrow
    for reference in (entry.reference, number):
        candidate = f"{arrow} {reference}"
        if width - metrics.horizontalAdvance(candidate + " ") >= wanted:
            head = candidate
            break
    if not title:
        return metrics.elidedText(head, Qt.TextElideMode.ElideRight, width)
    whole = f"{head} {title}"
    if metrics.horizontalAdvance(whole) <= width:
        return whole
    room = width - metrics.horizontalAdvance(head + " ")
    return f"{head} {metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)}"


def entry_colours(status: str) -> tuple[QColor, QColor | None]:
    """An entry's (text, chip background): its status's tone; a cancelled one has no
    chip, its words struck out in the palette's muted colour on the day's own background
    (readable on every day's wash, in both themes)."""
    if status == BookingStatus.CANCELLED.value:
        return QColor(style.palette().muted), None
    return status_colours(status)


def long_day(day: dt.date) -> str:
    return capitalised(QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy"))


class MonthGrid(QWidget):
    """Six weeks of seven days; each day lists its entries as coloured chips."""

    day_changed = Signal(object)  # dt.date
    entry_clicked = Signal(object)  # Entry
    entry_activated = Signal(object)  # Entry (double-click)

    HEADER = 26
    LINE = 17

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = today.replace(day=1)
        self.days = grid_days(self.month)
        self.today = today
        self.selected = today
        self.entries: dict[dt.date, list[Entry]] = {}
        self.holidays: dict[dt.date, str] = {}
        self.selected_entry: Entry | None = None
        #: Painted over the month when its six weeks hold nothing (set with the entries).
        self.empty_text = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("BookingCalendar", "Month of bookings"))
        self.setMinimumSize(560, 420)
        self.small = QFont(self.font())
        self.small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.88))
        self.bold = QFont(self.font())
        self.bold.setBold(True)
        style.notifier().changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(860, 620)

    def set_month(
        self,
        month: dt.date,
        entries: list[Entry],
        holidays: dict[dt.date, str],
        empty_text: str = "",
    ) -> None:
        self.month = month.replace(day=1)
        self.days = grid_days(self.month)
        self.holidays = holidays
        self.entries = {}
        for entry in entries:
            self.entries.setdefault(entry.day, []).append(entry)
        self.empty_text = "" if entries else empty_text
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
        p.fillRect(self.rect(), colours().base)
        self._paint_weekdays(p)
        metrics = QFontMetrics(self.small)
        for day in self.days:
            rect = self.day_rect(day)
            outside = day.month != self.month.month
            self._paint_day(p, day, rect, metrics, outside)
            self._paint_entries(p, day, rect, metrics, outside)
            if day == self.selected:
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
                p.drawRect(rect.adjusted(1, 1, -2, -2))
        if self.empty_text:
            self._paint_empty(p)

    def _paint_weekdays(self, p: QPainter) -> None:
        locale = QLocale()
        w, _ = self._cell_size()
        p.setFont(self.bold)
        p.setPen(colours().text)
        length = QLocale.FormatType.LongFormat if w >= 110 else QLocale.FormatType.ShortFormat
        for col in range(7):
            name = capitalised(locale.dayName(col + 1, length))
            area = QRect(round(col * w), 0, round(w), self.HEADER)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, name)

    def _paint_day(
        self, p: QPainter, day: dt.date, rect: QRect, metrics: QFontMetrics, outside: bool
    ) -> None:
        """The day's shading, frame, number (a badge today) and public holiday."""
        c = colours()
        if day in self.holidays:
            p.fillRect(rect, c.holiday_bg)
        elif day.weekday() >= 5:
            p.fillRect(rect, c.weekend_bg)
        p.setPen(QPen(c.grid, 1))
        p.drawRect(rect.adjusted(0, 0, -1, -1))
        number = str(day.day)
        if day.day == 1:
            number = QLocale().toString(QDate(day.year, day.month, 1), "d MMM")
        p.setFont(self.bold if day == self.today else self.font())
        if day == self.today:
            width = max(22, 8 + QFontMetrics(self.bold).horizontalAdvance(number))
            badge = QRect(rect.left() + 3, rect.top() + 2, width, 17)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(c.today)
            p.drawRoundedRect(badge, 8, 8)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(c.today_text)
            p.drawText(badge, Qt.AlignmentFlag.AlignCenter, number)
        else:
            p.setPen(c.muted if outside else c.text)
            p.drawText(rect.adjusted(6, 2, -6, 0), Qt.AlignmentFlag.AlignLeft, number)
        holiday = self.holidays.get(day)
        if holiday and rect.width() > 90:
            # beside the day's number, in all the room it leaves
            left = 6 + QFontMetrics(self.bold).horizontalAdvance(number) + style.SPACE.s
            p.setFont(self.small)
            p.setPen(c.holiday_fg)
            p.drawText(
                rect.adjusted(left, 3, -6, 0),
                Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(holiday, Qt.TextElideMode.ElideRight, rect.width() - left - 6),
            )

    def _paint_entries(
        self, p: QPainter, day: dt.date, rect: QRect, metrics: QFontMetrics, outside: bool
    ) -> None:
        found = self.entries.get(day, [])
        shown = self._shown(day, rect)
        y = rect.top() + 20
        for entry in shown:
            fg, bg = entry_colours(entry.status)
            chip = QRect(rect.left() + 3, y, rect.width() - 7, self.LINE - 2)
            if bg is not None:
                if outside:
                    bg.setAlpha(140)
                p.fillRect(chip, bg)
            if entry == self.selected_entry:
                p.setPen(QPen(fg, 1))
                p.drawRect(chip.adjusted(0, 0, -1, -1))
            p.fillRect(chip.left(), chip.top(), 3, chip.height(), fg)
            font = QFont(self.small)
            font.setStrikeOut(entry.status == BookingStatus.CANCELLED.value)
            font.setItalic(entry.status == BookingStatus.QUOTE.value)
            p.setFont(font)
            p.setPen(fg)
            p.drawText(
                chip.adjusted(6, 0, -3, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                chip_text(entry, QFontMetrics(font), chip.width() - 9),
            )
            y += self.LINE
        hidden = len(found) - len(shown)
        if hidden > 0:
            p.setPen(colours().text)
            p.setFont(self.small)
            p.drawText(
                QRect(rect.left() + 6, y, rect.width() - 12, self.LINE),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                tr("BookingCalendar", "+%n more", None, hidden),
            )

    def _paint_empty(self, p: QPainter) -> None:
        """Nothing in the six weeks: a card in the middle saying what to do next."""
        c, space = colours(), style.SPACE
        width = min(self.width() - 2 * space.xxl, 460)
        metrics = QFontMetrics(self.font())
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        text_rect = metrics.boundingRect(
            QRect(0, 0, width - 2 * space.l, 400), flags, self.empty_text
        )
        height = text_rect.height() + 2 * space.l
        card = QRect((self.width() - width) // 2, (self.height() - height) // 2, width, height)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(c.grid, 1))
        p.setBrush(c.base)
        p.drawRoundedRect(card, space.radius, space.radius)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(c.muted)
        p.setFont(self.font())
        p.drawText(card.adjusted(space.l, space.l, -space.l, -space.l), flags, self.empty_text)

    # --- interaction --------------------------------------------------------------------

    def select_day(self, day: dt.date) -> None:
        self.selected = day
        count = len(self.entries.get(day, []))
        self.setAccessibleDescription(
            tr("BookingCalendar", "%1: %n pick-up(s) or return(s)", None, count).replace(
                "%1", long_day(day)
            )
        )
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
        key, day = event.key(), self.selected
        if key in STEPS:
            self.select_day(day + dt.timedelta(days=STEPS[key]))
        elif key == Qt.Key.Key_PageUp:
            self.select_day(add_months(day, -1))
        elif key == Qt.Key.Key_PageDown:
            self.select_day(add_months(day, 1))
        elif key == Qt.Key.Key_Home:
            self.select_day(day - dt.timedelta(days=day.weekday()))
        elif key == Qt.Key.Key_End:
            self.select_day(day + dt.timedelta(days=6 - day.weekday()))
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """An entry in words (its status included), else the day and its holiday."""
        entry = self.entry_at(pos)
        if entry is not None:
            return "\n".join(
                part
                for part in (
                    f"{entry.reference} — {status_label(entry.status)}",
                    " · ".join(p for p in (entry.customer, entry.event) if p),
                    f"{format_datetime(entry.start)} → {format_datetime(entry.end)}",
                )
                if part
            )
        day = self.day_at(pos)
        if day is None:
            return ""
        holiday = self.holidays.get(day)
        return f"{long_day(day)} — {holiday}" if holiday else ""
