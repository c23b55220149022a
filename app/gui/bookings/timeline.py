"""The availability timeline: item types (grouped by category) down, days across; each cell
is "free / total" for that day, from the one availability engine.

Painting: ``TimelineView`` is a QAbstractScrollArea that paints only the visible cells
itself (no item per cell, no model): 2,000 types scroll as fast as 20. Rows scroll by whole
rows; the name column and the day header stay put.

Caching: cells are computed per (period, type) and kept until the period changes or
``ops.changed`` says bookings or the catalogue changed. Before painting, the view asks for
the visible rows it lacks (plus a margin) in ONE read: ``availability.serviceable`` and
``availability.holds`` (firm and tentative statuses) for those types over the period, then
``availability.daily`` per type. With the threaded runner cells fill in when the read comes
back; with ``SyncRunner`` (tests, benchmark) they are there before the first paint.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import holidays
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLine,
    QLocale,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import select

from app import i18n
from app.core.db import UnitOfWork
from app.gui.shell.models import category_label
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import ERROR_COLOUR, format_date, format_datetime
from booking import availability, queries
from booking.models import BOOKING_STATUS_LABELS, HOLDING, TENTATIVE, BookingStatus
from inventory.models import Category, ItemType

tr = QCoreApplication.translate

WEEK, MONTH, QUARTER = "week", "month", "quarter"
ZOOMS = (WEEK, MONTH, QUARTER)
#: Minimum column width per zoom (columns widen to fill the view).
MIN_COLUMN = {WEEK: 96, MONTH: 24, QUARTER: 22}
ALL_STATUSES = (*HOLDING, *TENTATIVE)
#: Rows computed beyond the visible ones, so scrolling a little never waits.
MARGIN_ROWS = 24
ONE_DAY = dt.timedelta(days=1)
GLYPHS: dict[tuple[Any, int], tuple[Any, int, int]] = {}
#: The name column ends with the serviceable stock.
TOTAL_WIDTH = 40

SHORTAGE_BG = QColor("#f9d6d3")
SHORTAGE_FG = QColor(ERROR_COLOUR)
FULL_BG = QColor("#eceff1")
TENTATIVE_COLOUR = QColor("#e08e00")
TENTATIVE_BG = QColor("#fff1d6")
HOLIDAY_BG = QColor(238, 234, 246)
WEEKEND_BG = QColor(240, 242, 245)
TODAY_COLOUR = QColor("#1565c0")
HEADER_BG = QColor("#f6f7f9")
CATEGORY_BG = QColor("#e4e8ee")
GRID = QColor("#dde1e6")


# --- reads -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypeRow:
    id: int
    code: str
    name: str
    category: str


class Cell(NamedTuple):
    """One type on one day: ``free`` (available) of ``total`` (serviceable);
    ``free_if_quotes``: what would be free if the quotes were confirmed too."""

    free: int
    total: int
    free_if_quotes: int

    @property
    def shortage(self) -> bool:
        return self.free < 0

    @property
    def quoted(self) -> bool:
        return self.free_if_quotes < self.free

    @property
    def quotes_exceed(self) -> bool:
        """Quotes would take more than what is free."""
        return self.free_if_quotes < 0 <= self.free


@dataclass(frozen=True)
class HoldRow:
    booking_id: int
    reference: str
    customer: str
    event: str
    status: str
    quantity: int
    start: dt.datetime
    end: dt.datetime


CATEGORY_ORDER = {c.value: n for n, c in enumerate(Category)}


def read_types(uow: UnitOfWork) -> list[TypeRow]:
    query = select(ItemType.id, ItemType.code, ItemType.name, ItemType.category)
    rows = [TypeRow(*found) for found in uow.session.exec(query)]
    rows.sort(key=lambda r: (CATEGORY_ORDER.get(r.category, 99), r.category, r.code))
    return rows


def period_bounds(days: Sequence[dt.date]) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(days[0], dt.time())
    return start, dt.datetime.combine(days[-1], dt.time()) + dt.timedelta(days=1)


def compute_cells(
    uow: UnitOfWork, type_ids: Sequence[int], days: Sequence[dt.date], now: dt.datetime
) -> dict[int, list[Cell]]:
    """Cells of ``type_ids`` over ``days``, in one engine call."""
    start, end = period_bounds(days)
    stock = availability.serviceable(uow, type_ids)
    grouped: dict[int, list[availability.Hold]] = defaultdict(list)
    for hold in availability.holds(
        uow, start, end, now=now, type_ids=type_ids, statuses=ALL_STATUSES
    ):
        grouped[hold.item_type_id].append(hold)
    result = {}
    for type_id in type_ids:
        total = stock.get(type_id, 0)
        mine = grouped.get(type_id)
        if not mine:
            result[type_id] = [Cell(total, total, total)] * len(days)
            continue
        result[type_id] = [
            Cell(total - firm, total, total - both) for firm, both in daily_peaks(mine, days)
        ]
    return result


def daily_peaks(
    holds_of_type: Sequence[availability.Hold], days: Sequence[dt.date]
) -> list[tuple[int, int]]:
    """``availability.daily`` computed faster, with the same answers (a test compares them):
    each hold is put in the days it meets; a day met by no hold is (0, 0), by one hold its
    quantity, and only a day met by several asks ``availability.peak``."""
    first = dt.datetime.combine(days[0], dt.time())
    count = len(days)
    buckets: list[list[availability.Hold]] = [[] for _ in range(count)]
    for hold in holds_of_type:
        if not hold.quantity:
            continue
        begin = max(0, (hold.start - first).days)
        stop = hold.end - first
        last = min(count - 1, stop.days - (0 if stop % ONE_DAY else 1))
        for n in range(begin, last + 1):
            buckets[n].append(hold)
    cells = []
    for n, bucket in enumerate(buckets):
        if not bucket:
            cells.append((0, 0))
        elif len(bucket) == 1:
            qty = bucket[0].quantity
            cells.append((qty if bucket[0].status in HOLDING else 0, qty))
        else:
            cells.append(availability.daily(bucket, [days[n]])[0])
    return cells


def read_holders(uow: UnitOfWork, type_id: int, day: dt.date, now: dt.datetime) -> list[HoldRow]:
    """The bookings holding (or quoting) ``type_id`` on ``day``."""
    start, end = period_bounds([day])
    found = availability.holds(uow, start, end, now=now, type_ids=[type_id], statuses=ALL_STATUSES)
    rows = queries.booking_rows(uow, sorted({h.booking_id for h in found}))
    quantity: dict[int, int] = defaultdict(int)
    for hold in found:
        quantity[hold.booking_id] += hold.quantity
    order = {s.value: n for n, s in enumerate(ALL_STATUSES)}
    result = [
        HoldRow(
            r.id,
            r.reference,
            r.customer_name,
            r.event,
            r.status,
            quantity[r.id],
            r.start,
            r.end,
        )
        for r in rows.values()
    ]
    result.sort(key=lambda r: (order.get(r.status, 9), r.start, r.reference))
    return result


def local_now(ops: Operations) -> dt.datetime:
    clock = ops.ctx.clock
    return clock.now().astimezone(clock.tz).replace(tzinfo=None)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def period_days(start: dt.date, zoom: str) -> list[dt.date]:
    if zoom == WEEK:
        count = 7
    else:
        count = (add_months(start, 1 if zoom == MONTH else 3) - start).days
    return [start + dt.timedelta(days=n) for n in range(count)]


def period_start(today: dt.date, zoom: str) -> dt.date:
    """Where "today" starts a period: the week's Monday, else the month's first day."""
    if zoom == WEEK:
        return today - dt.timedelta(days=today.weekday())
    return today.replace(day=1)


def holiday_names(years: Sequence[int]) -> dict[dt.date, str]:
    french = QLocale().language() == QLocale.Language.French
    found = holidays.France(years=sorted(set(years)), language="fr" if french else "en_US")
    return dict(found.items())


def status_label(status: str) -> str:
    try:
        return i18n.label(BOOKING_STATUS_LABELS[BookingStatus(status)])
    except ValueError:
        return status


# --- the painted view ----------------------------------------------------------------------


class TimelineView(QAbstractScrollArea):
    """Types × days, painted cell by visible cell. Arrows move the selected cell, Enter
    (or a click) activates it."""

    cell_activated = Signal(int, object)  # type id, dt.date
    current_changed = Signal(int, object)

    ROW_HEIGHT = 22
    HEADER_HEIGHT = 38
    NAME_WIDTH = 300

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rows: list[TypeRow | str] = []  # a str is a category header
        self.days: list[dt.date] = []
        self.zoom = MONTH
        self.today = ops.ctx.clock.today()
        self.holidays: dict[dt.date, str] = {}
        self.cells: dict[int, list[Cell]] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._painting = False
        self.current: tuple[int, int] | None = None  # (row, column)
        self.column_width = MIN_COLUMN[MONTH]
        #: Rendered figures, by (text, kind); shared by every view (same fonts).
        self._glyphs: dict[tuple[Any, int], tuple[QPixmap, int, int]] = GLYPHS
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Timeline", "Availability timeline"))
        self.setMouseTracking(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)
        font = self.font()
        self.small = QFont(font)
        self.small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small_bold = QFont(self.small)
        self.small_bold.setBold(True)

    # --- contents -----------------------------------------------------------------------

    def set_rows(self, rows: list[TypeRow | str]) -> None:
        type_id = self.current_type()
        day = self.current_day()
        self.rows = rows
        self.current = None
        if type_id is not None:
            for n, row in enumerate(rows):
                if isinstance(row, TypeRow) and row.id == type_id:
                    self.current = (n, self.days.index(day) if day in self.days else 0)
        self._layout()
        self.viewport().update()

    def set_period(self, days: list[dt.date], zoom: str) -> None:
        column = self.current[1] if self.current else 0
        self.days, self.zoom = days, zoom
        self.holidays = holiday_names([days[0].year, days[-1].year])
        self.invalidate()
        if self.current is not None:
            self.current = (self.current[0], min(column, len(days) - 1))
        self.horizontalScrollBar().setValue(0)
        self._layout()

    def invalidate(self) -> None:
        """Drop computed cells (period changed, or bookings/catalogue changed)."""
        self.cells = {}
        self._pending = set()
        self._generation += 1
        self.viewport().update()

    def type_rows(self) -> list[TypeRow]:
        return [r for r in self.rows if isinstance(r, TypeRow)]

    def cell(self, type_id: int, day: dt.date) -> Cell | None:
        """The computed cell (None until it is computed)."""
        found = self.cells.get(type_id)
        if found is None or day not in self.days:
            return None
        return found[self.days.index(day)]

    def current_type(self) -> int | None:
        if self.current is None or self.current[0] >= len(self.rows):
            return None
        row = self.rows[self.current[0]]
        return row.id if isinstance(row, TypeRow) else None

    def current_day(self) -> dt.date | None:
        if self.current is None or not self.days:
            return None
        return self.days[min(self.current[1], len(self.days) - 1)]

    # --- geometry -----------------------------------------------------------------------

    def visible_row_count(self) -> int:
        return max(1, (self.viewport().height() - self.HEADER_HEIGHT) // self.ROW_HEIGHT)

    def first_row(self) -> int:
        return self.verticalScrollBar().value()

    def _layout(self) -> None:
        if not self.days:
            return
        room = self.viewport().width() - self.NAME_WIDTH
        self.column_width = max(MIN_COLUMN[self.zoom], room // len(self.days))
        shown = self.visible_row_count()
        vbar = self.verticalScrollBar()
        vbar.setRange(0, max(0, len(self.rows) - shown))
        vbar.setPageStep(shown)
        vbar.setSingleStep(1)
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(0, self.column_width * len(self.days) - room))
        hbar.setPageStep(max(1, room))
        hbar.setSingleStep(self.column_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def sizeHint(self) -> QSize:
        return QSize(1000, 600)

    def cell_rect(self, row: int, column: int) -> QRect:
        x = self.NAME_WIDTH + column * self.column_width - self.horizontalScrollBar().value()
        y = self.HEADER_HEIGHT + (row - self.first_row()) * self.ROW_HEIGHT
        return QRect(x, y, self.column_width, self.ROW_HEIGHT)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        """(row, column) under a viewport point; column -1 on the name column."""
        if pos.y() < self.HEADER_HEIGHT or not self.days:
            return None
        row = self.first_row() + (pos.y() - self.HEADER_HEIGHT) // self.ROW_HEIGHT
        if row >= len(self.rows):
            return None
        if pos.x() < self.NAME_WIDTH:
            return row, -1
        column = (pos.x() - self.NAME_WIDTH + self.horizontalScrollBar().value()) // (
            self.column_width
        )
        return (row, column) if column < len(self.days) else None

    def day_at(self, pos: QPoint) -> dt.date | None:
        if pos.x() < self.NAME_WIDTH or not self.days:
            return None
        column = (pos.x() - self.NAME_WIDTH + self.horizontalScrollBar().value()) // (
            self.column_width
        )
        return self.days[column] if 0 <= column < len(self.days) else None

    # --- computing cells ----------------------------------------------------------------

    def ensure_cells(self) -> None:
        """Ask, in one read, for the cells of the visible rows (and a margin) not yet
        computed for this period."""
        if not self.days or not self.rows:
            return
        first = max(0, self.first_row() - MARGIN_ROWS // 2)
        last = min(len(self.rows), self.first_row() + self.visible_row_count() + MARGIN_ROWS)
        wanted = [
            r.id
            for r in self.rows[first:last]
            if isinstance(r, TypeRow) and r.id not in self.cells and r.id not in self._pending
        ]
        if not wanted:
            return
        self._pending.update(wanted)
        generation, days, now = self._generation, list(self.days), local_now(self.ops)

        def done(found: dict[int, list[Cell]]) -> None:
            if generation != self._generation:
                return
            self.cells.update(found)
            self._pending.difference_update(found)
            if not self._painting:
                self.viewport().update()

        def failed(err: Any) -> None:
            if generation == self._generation:
                self._pending.difference_update(wanted)
            self.ops.failed.emit(err)

        self.ops.read(lambda uow: compute_cells(uow, wanted, days, now), done, failed)

    # --- painting -----------------------------------------------------------------------

    def _glyph(
        self, text: str, kind: int, text_colour: QColor, muted: QColor
    ) -> tuple[QPixmap, int, int]:
        """A cell's figures rendered once (kind 0 muted, 1 normal, 2 shortage)."""
        font = self.small_bold if kind == 2 else self.small
        metrics = QFontMetrics(font)
        w, h = metrics.horizontalAdvance(text) + 2, metrics.height()
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(w * ratio), int(h * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setFont(font)
        painter.setPen((muted, text_colour, SHORTAGE_FG)[kind])
        painter.drawText(QRect(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return pixmap, w, h

    def _day_shade(self, day: dt.date) -> QColor | None:
        if day in self.holidays:
            return HOLIDAY_BG
        if day.weekday() >= 5:
            return WEEKEND_BG
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painting = True
        try:
            self.ensure_cells()
            painter = QPainter(self.viewport())
            try:
                self._paint(painter, event.rect())
            finally:
                painter.end()
        finally:
            self._painting = False

    def _paint(self, p: QPainter, clip: QRect) -> None:
        width, height = self.viewport().width(), self.viewport().height()
        rh, cw, hx = self.ROW_HEIGHT, self.column_width, self.horizontalScrollBar().value()
        first = self.first_row()
        last = min(len(self.rows), first + self.visible_row_count() + 1)
        c0 = max(0, hx // cw)
        c1 = min(len(self.days), (hx + width - self.NAME_WIDTH) // cw + 1)
        x_of = [self.NAME_WIDTH + c * cw - hx for c in range(len(self.days))]
        body_bottom = self.HEADER_HEIGHT + (last - first) * rh
        base = self.palette().color(QPalette.ColorRole.Base)
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlpha(120)

        # weekend and holiday columns, then today's
        for c in range(c0, c1):
            shade = self._day_shade(self.days[c])
            if shade is not None:
                p.fillRect(x_of[c], self.HEADER_HEIGHT, cw, body_bottom - self.HEADER_HEIGHT, shade)
        # cells: backgrounds by kind, then each cell's figures as a cached pixmap
        compact = cw < 44
        shortage, exceed, full, quoted, texts = [], [], [], [], []
        for r in range(first, last):
            row = self.rows[r]
            y = self.HEADER_HEIGHT + (r - first) * rh
            if not isinstance(row, TypeRow):
                p.fillRect(self.NAME_WIDTH, y, width - self.NAME_WIDTH, rh, CATEGORY_BG)
                continue
            cells = self.cells.get(row.id)
            if cells is None:
                continue
            for c in range(c0, c1):
                free, total, if_quotes = cells[c]
                x = x_of[c]
                if free < 0:
                    shortage.append(QRect(x + 1, y + 1, cw - 1, rh - 1))
                    kind = 2
                elif if_quotes < 0:
                    exceed.append(QRect(x + 1, y + 1, cw - 1, rh - 1))
                    kind = 1
                elif free == 0 and total:
                    full.append(QRect(x + 1, y + 1, cw - 1, rh - 1))
                    kind = 1
                else:
                    kind = 0 if free == total else 1
                if if_quotes < free:
                    quoted.append(QRect(x + cw - 5, y + 3, 3, rh - 5))
                texts.append((x, y, free if compact else f"{free}/{total}", kind))
        p.setPen(Qt.PenStyle.NoPen)
        for rects, brush in (
            (shortage, QBrush(SHORTAGE_BG)),
            (full, QBrush(FULL_BG)),
            (exceed, QBrush(TENTATIVE_BG)),
            (exceed, QBrush(TENTATIVE_COLOUR, Qt.BrushStyle.BDiagPattern)),
            (quoted, QBrush(TENTATIVE_COLOUR)),
        ):
            if rects:
                p.setBrush(brush)
                p.drawRects(rects)
        p.setBrush(Qt.BrushStyle.NoBrush)
        glyphs = self._glyphs
        for x, y, text, kind in texts:
            found = glyphs.get((text, kind))
            if found is None:
                found = glyphs[(text, kind)] = self._glyph(str(text), kind, text_colour, muted)
            pixmap, w, h = found
            p.drawPixmap(x + (cw - w) // 2, y + (rh - h) // 2, pixmap)
        # grid
        p.setPen(QPen(GRID, 1))
        p.drawLines(
            [QLine(x_of[c], self.HEADER_HEIGHT, x_of[c], body_bottom) for c in range(c0, c1)]
            + [
                QLine(self.NAME_WIDTH, y, width, y)
                for y in range(self.HEADER_HEIGHT, body_bottom + 1, rh)
            ]
        )
        # today
        if self.today in self.days:
            c = self.days.index(self.today)
            if c0 <= c < c1:
                p.setPen(QPen(TODAY_COLOUR, 2))
                p.drawLine(x_of[c] + 1, self.HEADER_HEIGHT, x_of[c] + 1, body_bottom)
        # selected cell
        if self.current is not None and first <= self.current[0] < last:
            rect = self.cell_rect(*self.current)
            if self.current[1] >= c0 and rect.right() > self.NAME_WIDTH:
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect.adjusted(1, 1, -1, -1))
        self._paint_header(p, c0, c1, x_of, width)
        self._paint_names(p, first, last, base, text_colour)
        if not self.rows:
            p.setPen(muted)
            p.setFont(self.font())
            p.drawText(
                QRect(0, self.HEADER_HEIGHT, width, height - self.HEADER_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                tr("Timeline", "No item type matches."),
            )

    def _paint_header(self, p: QPainter, c0: int, c1: int, x_of: list[int], width: int) -> None:
        h = self.HEADER_HEIGHT
        p.fillRect(self.NAME_WIDTH, 0, width - self.NAME_WIDTH, h, HEADER_BG)
        locale = QLocale()
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        cw = self.column_width
        p.setClipRect(self.NAME_WIDTH, 0, width - self.NAME_WIDTH, h)
        for c in range(c0, c1):
            day = self.days[c]
            x = x_of[c]
            shade = self._day_shade(day)
            if shade is not None:
                p.fillRect(x, 0, cw, h, shade.darker(104))
            qd = QDate(day.year, day.month, day.day)
            if cw >= 60:
                top = locale.toString(qd, "ddd")
            elif cw >= 30:
                top = locale.toString(qd, "ddd")[:2]
            else:
                top = locale.toString(qd, "ddd")[:1]
            if day == self.today:
                p.fillRect(
                    x + 1,
                    1,
                    cw - 2,
                    h - 2,
                    QColor(TODAY_COLOUR.red(), TODAY_COLOUR.green(), TODAY_COLOUR.blue(), 40),
                )
            colour = QColor("#6b3fa0") if day in self.holidays else text_colour
            p.setPen(colour)
            p.setFont(self.small)
            p.drawText(QRect(x, 2, cw, h // 2 - 2), Qt.AlignmentFlag.AlignCenter, top)
            p.setFont(self.small_bold if day == self.today or day.day == 1 else self.small)
            number = str(day.day) if cw < 60 or day.day != 1 else locale.toString(qd, "d MMM")
            p.drawText(QRect(x, h // 2, cw, h // 2 - 2), Qt.AlignmentFlag.AlignCenter, number)
            p.setPen(QPen(GRID, 1))
            p.drawLine(x, 0, x, h)
        p.setClipping(False)
        p.setPen(QPen(GRID.darker(115), 1))
        p.drawLine(0, h - 1, width, h - 1)

    def _paint_names(
        self, p: QPainter, first: int, last: int, base: QColor, text_colour: QColor
    ) -> None:
        rh, nw = self.ROW_HEIGHT, self.NAME_WIDTH
        p.fillRect(0, 0, nw, self.viewport().height(), base)
        p.fillRect(0, 0, nw, self.HEADER_HEIGHT, HEADER_BG)
        p.setPen(text_colour)
        p.setFont(self.bold)
        title = tr("Timeline", "Item type")
        p.drawText(QRect(8, 0, nw - 16, self.HEADER_HEIGHT), Qt.AlignmentFlag.AlignVCenter, title)
        p.setFont(self.small)
        p.drawText(
            QRect(nw - TOTAL_WIDTH - 6, 0, TOTAL_WIDTH, self.HEADER_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            tr("Timeline", "Stock"),
        )
        font_metrics = QFontMetrics(self.font())
        code_metrics = QFontMetrics(self.small_bold)
        # The code tells rows apart: as wide as the longest one (within reason), elided in
        # the middle if it must be, so "CONSOLE-GMA3" and "CONSOLE-GMA3-ONPC" stay distinct.
        longest = max(
            (code_metrics.horizontalAdvance(r.code) for r in self.rows if not isinstance(r, str)),
            default=100,
        )
        code_width = max(118, min(longest + 10, (nw - TOTAL_WIDTH) * 3 // 5))
        muted = QColor(text_colour)
        muted.setAlpha(150)
        current_row = self.current[0] if self.current else -1
        for r in range(first, last):
            row = self.rows[r]
            y = self.HEADER_HEIGHT + (r - first) * rh
            if isinstance(row, str):
                p.fillRect(0, y, nw, rh, CATEGORY_BG)
                p.setFont(self.bold)
                p.setPen(text_colour)
                p.drawText(
                    QRect(8, y, nw - 16, rh), Qt.AlignmentFlag.AlignVCenter, category_label(row)
                )
                continue
            if r == current_row:
                p.fillRect(0, y, nw, rh, self.palette().color(QPalette.ColorRole.AlternateBase))
            p.setFont(self.small_bold)
            p.setPen(text_colour)
            p.drawText(
                QRect(12, y, code_width - 4, rh),
                Qt.AlignmentFlag.AlignVCenter,
                code_metrics.elidedText(row.code, Qt.TextElideMode.ElideMiddle, code_width - 6),
            )
            p.setFont(self.font())
            p.setPen(muted)
            name_room = nw - 12 - code_width - 6 - TOTAL_WIDTH
            p.drawText(
                QRect(12 + code_width, y, name_room, rh),
                Qt.AlignmentFlag.AlignVCenter,
                font_metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, name_room),
            )
            cells = self.cells.get(row.id)
            if cells:
                p.setFont(self.small)
                p.drawText(
                    QRect(nw - TOTAL_WIDTH - 6, y, TOTAL_WIDTH, rh),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                    str(cells[0].total),
                )
        p.setPen(QPen(GRID.darker(115), 1))
        p.drawLine(nw - 1, 0, nw - 1, self.viewport().height())

    # --- interaction --------------------------------------------------------------------

    def set_current(self, row: int, column: int, activate: bool = False) -> None:
        if not (0 <= row < len(self.rows)) or not self.days:
            return
        column = max(0, min(column, len(self.days) - 1))
        self.current = (row, column)
        self.scroll_to(row, column)
        self.viewport().update()
        type_id, day = self.current_type(), self.current_day()
        if type_id is not None and day is not None:
            self.current_changed.emit(type_id, day)
            if activate:
                self.cell_activated.emit(type_id, day)

    def scroll_to(self, row: int, column: int) -> None:
        vbar = self.verticalScrollBar()
        shown = self.visible_row_count()
        if row < vbar.value():
            vbar.setValue(row)
        elif row >= vbar.value() + shown:
            vbar.setValue(row - shown + 1)
        hbar = self.horizontalScrollBar()
        room = self.viewport().width() - self.NAME_WIDTH
        left = column * self.column_width
        if left < hbar.value():
            hbar.setValue(left)
        elif left + self.column_width > hbar.value() + room:
            hbar.setValue(left + self.column_width - room)

    def _step_row(self, row: int, step: int) -> int:
        """The next type row from ``row`` in direction ``step``, skipping headers."""
        n = row + step
        while 0 <= n < len(self.rows) and not isinstance(self.rows[n], TypeRow):
            n += 1 if step > 0 else -1
        if 0 <= n < len(self.rows):
            return n
        return row

    def first_type_row(self) -> int | None:
        return next((n for n, r in enumerate(self.rows) if isinstance(r, TypeRow)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.cell_at(event.position().toPoint())
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        row, column = hit
        if not isinstance(self.rows[row], TypeRow):
            return
        if column < 0:
            column = self.current[1] if self.current else 0
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.set_current(row, column, activate=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.current is None:
            first = self.first_type_row()
            if first is not None and key in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Up,
                Qt.Key.Key_Left,
                Qt.Key.Key_Right,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self.set_current(first, 0)
                return
            super().keyPressEvent(event)
            return
        row, column = self.current
        shown = self.visible_row_count()
        if key == Qt.Key.Key_Down:
            self.set_current(self._step_row(row, 1), column)
        elif key == Qt.Key.Key_Up:
            self.set_current(self._step_row(row, -1), column)
        elif key == Qt.Key.Key_Right:
            self.set_current(row, column + 1)
        elif key == Qt.Key.Key_Left:
            self.set_current(row, column - 1)
        elif key == Qt.Key.Key_Home:
            self.set_current(row, 0)
        elif key == Qt.Key.Key_End:
            self.set_current(row, len(self.days) - 1)
        elif key == Qt.Key.Key_PageDown:
            target = min(len(self.rows) - 1, row + shown)
            self.set_current(self._step_row(target - 1, 1) if target > row else row, column)
        elif key == Qt.Key.Key_PageUp:
            target = max(0, row - shown)
            self.set_current(self._step_row(target + 1, -1) if target < row else row, column)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.set_current(row, column, activate=True)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if delta.y() and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            vbar = self.verticalScrollBar()
            vbar.setValue(vbar.value() - round(delta.y() / 40))
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """The header's day (and its public holiday), or a cell's figures."""
        day = self.day_at(pos)
        if day is None:
            return ""
        long_day = QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")
        if pos.y() < self.HEADER_HEIGHT:
            holiday = self.holidays.get(day)
            return f"{long_day} — {holiday}" if holiday else long_day
        hit = self.cell_at(pos)
        if hit is None or not isinstance(self.rows[hit[0]], TypeRow):
            return ""
        row = self.rows[hit[0]]
        assert isinstance(row, TypeRow)
        cell = self.cell(row.id, day)
        if cell is None:
            return ""
        lines = [
            f"{row.code} — {long_day}",
            tr("Timeline", "%n free of %1", None, cell.free).replace("%1", str(cell.total)),
        ]
        if cell.shortage:
            lines.append(tr("Timeline", "Short by %1").replace("%1", str(-cell.free)))
        if cell.quoted:
            lines.append(
                tr("Timeline", "Quotes would leave %1").replace("%1", str(cell.free_if_quotes))
            )
        return "\n".join(lines)


# --- the screen ----------------------------------------------------------------------------


class TimelineScreen(QWidget):
    """Filters and period navigation above the timeline; the bookings holding the selected
    cell below it."""

    booking_activated = Signal(str)  # a booking's reference (double-click in the list)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.all_types: list[TypeRow] = []
        self.zoom = MONTH
        self.start = period_start(ops.ctx.clock.today(), MONTH)
        self.holders: list[HoldRow] = []
        self.dialog: QWidget | None = None  # the booking editor a double-click opened
        self.view = TimelineView(ops, self)
        self._build_controls()
        self._build_holders()
        self._build_actions()
        self._layout()
        self.view.cell_activated.connect(self.show_holders)
        ops.changed.connect(self._on_changed)
        self._apply_period()
        self.reload_types()

    # --- construction ------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.today_button = QToolButton()
        self.today_button.setText(tr("Timeline", "Today"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.period_label.setMinimumWidth(220)
        self.zoom_box = QComboBox()
        self.zoom_box.addItem(tr("Timeline", "Week"), WEEK)
        self.zoom_box.addItem(tr("Timeline", "Month"), MONTH)
        self.zoom_box.addItem(tr("Timeline", "Quarter"), QUARTER)
        self.zoom_box.setCurrentIndex(1)
        self.zoom_box.setAccessibleName(tr("Timeline", "Zoom"))
        self.zoom_box.currentIndexChanged.connect(
            lambda _: self.set_zoom(self.zoom_box.currentData())
        )
        self.category_filter = QComboBox()
        self.category_filter.addItem(tr("Timeline", "All categories"), "")
        for category in Category:
            self.category_filter.addItem(category_label(category.value), category.value)
        self.category_filter.setAccessibleName(tr("Timeline", "Category"))
        self.category_filter.currentIndexChanged.connect(lambda _: self.apply_filters())
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(tr("Timeline", "Filter by code or name… (Ctrl+F)"))
        self.search_box.textChanged.connect(lambda _: self.apply_filters())
        self.search_box.returnPressed.connect(self._focus_view)
        self.legend = QLabel(self._legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)

    def _legend_html(self) -> str:
        def swatch(colour: str, text: str, border: str = "#b0b6bf") -> str:
            return (
                f"<span style='background:{colour}; border:1px solid {border};'>"
                "&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;" + text + "&nbsp;&nbsp;&nbsp;"
            )

        return "".join(
            [
                f"<span style='color:gray'>{tr('Timeline', 'Cells: free / stock.')}</span>"
                "&nbsp;&nbsp;&nbsp;",
                swatch(SHORTAGE_BG.name(), tr("Timeline", "Shortage"), ERROR_COLOUR),
                swatch(FULL_BG.name(), tr("Timeline", "Fully booked")),
                swatch(
                    TENTATIVE_BG.name(),
                    tr("Timeline", "Quotes exceed what is free"),
                    TENTATIVE_COLOUR.name(),
                ),
                f"<span style='color:{TENTATIVE_COLOUR.name()}; font-weight:bold'>▌</span>&nbsp;"
                + tr("Timeline", "Quotes pending")
                + "&nbsp;&nbsp;&nbsp;",
                swatch(WEEKEND_BG.name(), tr("Timeline", "Weekend")),
                swatch(HOLIDAY_BG.name(), tr("Timeline", "Public holiday")),
            ]
        )

    def _build_holders(self) -> None:
        self.holders_title = QLabel(
            tr(
                "Timeline",
                "Click a cell (or press Enter) to see the bookings holding that stock that day.",
            )
        )
        self.holders_title.setStyleSheet("font-weight: 600;")
        self.holders_table = QTableWidget(0, 6)
        self.holders_table.setHorizontalHeaderLabels(
            [
                tr("Timeline", "Reference"),
                tr("Timeline", "Customer"),
                tr("Timeline", "Event"),
                tr("Timeline", "Status"),
                tr("Timeline", "Quantity"),
                tr("Timeline", "Period"),
            ]
        )
        table = self.holders_table
        table.setAccessibleName(tr("Timeline", "Bookings holding the stock"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(22)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        for column, width in enumerate((110, 240, 220, 100, 70)):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self._holder_activated)

    def _action(self, text: str, keys: Sequence[QKeySequence | str], slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.previous_action = a(tr("Timeline", "&Previous period"), ["Alt+Left"], self.previous)
        self.next_action = a(tr("Timeline", "&Next period"), ["Alt+Right"], self.next)
        self.today_action = a(tr("Timeline", "&Today"), ["Alt+Home"], self.go_today)
        self.zoom_in_action = a(tr("Timeline", "Zoom &in"), ["Ctrl++", "Ctrl+="], self.zoom_in)
        self.zoom_out_action = a(tr("Timeline", "Zoom &out"), ["Ctrl+-"], self.zoom_out)
        self.find_action = a(tr("Timeline", "&Find"), ["Ctrl+F"], self.focus_search)
        self.previous_button.setDefaultAction(self.previous_action)
        self.next_button.setDefaultAction(self.next_action)
        self.today_button.setDefaultAction(self.today_action)
        self.previous_button.setText("◀")
        self.next_button.setText("▶")
        self.today_button.setText(tr("Timeline", "Today"))
        for button, action in (
            (self.previous_button, self.previous_action),
            (self.next_button, self.next_action),
            (self.today_button, self.today_action),
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{action.text().replace('&', '')} ({keys})")
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
        ):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.period_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.category_filter)
        bar.addWidget(self.search_box, 1)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.holders_title)
        column.addWidget(self.holders_table)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([560, 160])
        self.splitter.setCollapsible(0, False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 4)
        outer.addLayout(bar)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.legend)
        self.setTabOrder(self.search_box, self.view)
        self.setTabOrder(self.view, self.holders_table)

    # --- types and filters --------------------------------------------------------------

    def reload_types(self) -> None:
        self.ops.read(read_types, self._types_loaded)

    def _types_loaded(self, rows: list[TypeRow]) -> None:
        self.all_types = rows
        self.apply_filters()

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
        self.view.set_rows(rows)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _focus_view(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.view.current is None:
            first = self.view.first_type_row()
            if first is not None:
                self.view.set_current(first, 0)

    # --- period -------------------------------------------------------------------------

    def set_zoom(self, zoom: str) -> None:
        if zoom not in ZOOMS or zoom == self.zoom:
            return
        day = self.view.current_day()
        self.zoom = zoom
        self.zoom_box.blockSignals(True)
        self.zoom_box.setCurrentIndex(ZOOMS.index(zoom))
        self.zoom_box.blockSignals(False)
        anchor = day or (self.start if self.start <= self.ops.ctx.clock.today() else self.start)
        self.start = period_start(anchor, zoom)
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

    def _period_text(self, days: list[dt.date]) -> str:
        locale = QLocale()
        first, last = days[0], days[-1]
        if self.zoom == MONTH and first.day == 1:
            text = locale.toString(QDate(first.year, first.month, 1), "MMMM yyyy")
            return text[:1].upper() + text[1:]
        return f"{format_date(first)} – {format_date(last)}"

    def _on_changed(self, what: str) -> None:
        if what in ("bookings", "catalogue", "units"):
            self.view.invalidate()
            if what == "catalogue":
                self.reload_types()
            if self.view.current is not None and self.holders:
                type_id, day = self.view.current_type(), self.view.current_day()
                if type_id is not None and day is not None:
                    self.show_holders(type_id, day)

    # --- holders ------------------------------------------------------------------------

    def show_holders(self, type_id: int, day: dt.date) -> None:
        now = local_now(self.ops)
        self.ops.read(
            lambda uow: read_holders(uow, type_id, day, now),
            lambda rows: self._holders_loaded(type_id, day, rows),
        )

    def _holders_loaded(self, type_id: int, day: dt.date, rows: list[HoldRow]) -> None:
        self.holders = rows
        row = next((r for r in self.all_types if r.id == type_id), None)
        name = f"{row.code} — {row.name}" if row else ""
        cell = self.view.cell(type_id, day)
        figures = (
            tr("Timeline", "%n free of %1", None, cell.free).replace("%1", str(cell.total))
            if cell
            else ""
        )
        if rows:
            head = tr("Timeline", "Bookings holding %1 on %2").replace("%1", name)
        else:
            head = tr("Timeline", "No booking holds %1 on %2").replace("%1", name)
        head = head.replace("%2", format_date(day))
        self.holders_title.setText(f"{head} · {figures}" if figures else head)
        table = self.holders_table
        table.setRowCount(len(rows))
        for n, hold in enumerate(rows):
            period = f"{format_datetime(hold.start)} → {format_datetime(hold.end)}"
            values = (
                hold.reference,
                hold.customer,
                hold.event,
                status_label(hold.status),
                str(hold.quantity),
                period,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if hold.status in TENTATIVE:
                    item.setForeground(TENTATIVE_COLOUR.darker(130))
                table.setItem(n, column, item)

    def holder_references(self) -> list[str]:
        return [h.reference for h in self.holders]

    def _holder_activated(self, index: Any) -> None:
        if 0 <= index.row() < len(self.holders):
            hold = self.holders[index.row()]
            self.booking_activated.emit(hold.reference)
            self.dialog = open_booking(self.ops, self, hold.booking_id)


def open_booking(ops: Operations, parent: QWidget, booking_id: int) -> QWidget | None:
    """Open the booking editor on a booking (window-modal, not blocking), when this build
    has one; returns the dialog."""
    try:
        from app.gui.bookings.booking_editor import BookingEditor
    except ImportError:  # pragma: no cover - the editor ships with the bookings screens
        return None
    dialog = BookingEditor(ops, parent, booking_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def build_and_paint_month(
    ops: Operations, start_day: dt.date, rows: int = 200, width: int = 1280
) -> TimelineScreen:
    """The timeline on a month from ``start_day``, sized to show ``rows`` rows, painted
    synchronously (with SyncRunner every cell is computed before the paint)."""
    screen = TimelineScreen(ops)
    screen.set_start(start_day)
    view = screen.view
    screen.resize(width, 800)
    screen.layout().activate()
    wanted = view.HEADER_HEIGHT + rows * view.ROW_HEIGHT + 2 * view.frameWidth()
    grow = wanted - view.height()
    screen.splitter.setSizes([wanted, screen.splitter.sizes()[1]])
    screen.resize(width, 800 + grow)
    screen.layout().activate()
    screen.grab()
    return screen
