"""Painting the timeline: only the visible cells, backgrounds batched by kind, each cell's
figures drawn from a cache of rendered glyphs (shared by every view, per theme), the day
header and the name column drawn last over the scrolled body. Colours come from
``timeline_colours`` (the style kernel), so a theme switch is a repaint."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLine, QLocale, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap

from app.gui.bookings.timeline_colours import colours
from app.gui.shell import style
from app.gui.shell.models import category_label
from booking.planning import TypeRow

if TYPE_CHECKING:
    from app.gui.bookings.timeline_view import TimelineView

tr = QCoreApplication.translate

#: Rendered figures per theme, by (text, kind); shared by every view (same fonts).
GLYPHS: dict[str, dict[tuple[object, int], tuple[QPixmap, int, int]]] = {}
#: The name column ends with the serviceable stock.
TOTAL_WIDTH = 30


def glyph(view: TimelineView, text: str, kind: int) -> tuple[QPixmap, int, int]:
    """A cell's figures rendered once (kind 0 muted, 1 normal, 2 shortage)."""
    c = colours()
    font = view.small_bold if kind == 2 else view.small
    metrics = QFontMetrics(font)
    w, h = metrics.horizontalAdvance(text) + 2, metrics.height()
    ratio = view.devicePixelRatioF()
    pixmap = QPixmap(int(w * ratio), int(h * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setFont(font)
    painter.setPen((c.muted, c.text, c.shortage_fg)[kind])
    painter.drawText(QRect(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap, w, h


def day_shade(view: TimelineView, day: dt.date) -> QColor | None:
    if day in view.holidays:
        return colours().holiday_bg
    if day.weekday() >= 5:
        return colours().weekend_bg
    return None


def paint(view: TimelineView, p: QPainter) -> None:
    """The whole visible viewport."""
    c = colours()
    width, height = view.viewport().width(), view.viewport().height()
    rh, cw, hx = view.ROW_HEIGHT, view.column_width, view.horizontalScrollBar().value()
    top, nw = view.HEADER_HEIGHT, view.NAME_WIDTH
    first = view.first_row()
    last = min(len(view.rows), first + view.visible_row_count() + 1)
    c0 = max(0, hx // cw)
    c1 = min(len(view.days), (hx + width - nw) // cw + 1)
    x_of = [nw + n * cw - hx for n in range(len(view.days))]
    body_bottom = top + (last - first) * rh
    p.fillRect(0, 0, width, height, c.base)
    for n in range(c0, c1):  # weekend and holiday columns
        shade = day_shade(view, view.days[n])
        if shade is not None:
            p.fillRect(x_of[n], top, cw, body_bottom - top, shade)
    _paint_cells(view, p, first, last, c0, c1, x_of)
    p.setPen(QPen(c.grid, 1))
    p.drawLines(
        [QLine(x_of[n], top, x_of[n], body_bottom) for n in range(c0, c1)]
        + [QLine(nw, y, width, y) for y in range(top, body_bottom + 1, rh)]
    )
    if view.today in view.days:
        n = view.days.index(view.today)
        if c0 <= n < c1:
            p.setPen(QPen(c.today, 2))
            p.drawLine(x_of[n] + 1, top, x_of[n] + 1, body_bottom)
    if view.current is not None and first <= view.current[0] < last:
        rect = view.cell_rect(*view.current)
        if view.current[1] >= c0 and rect.right() > nw:
            p.setPen(QPen(view.palette().color(QPalette.ColorRole.Highlight), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(1, 1, -1, -1))
    _paint_header(view, p, c0, c1, x_of, width)
    _paint_names(view, p, first, last)
    if not view.rows:
        _paint_empty(view, p, QRect(0, top, width, height - top))


def _paint_cells(
    view: TimelineView, p: QPainter, first: int, last: int, c0: int, c1: int, x_of: list[int]
) -> None:
    """Backgrounds by kind (one drawRects per kind), then each cell's figures."""
    c = colours()
    rh, cw = view.ROW_HEIGHT, view.column_width
    compact = cw < 44
    shortage, exceed, full, quoted, texts = [], [], [], [], []
    for r in range(first, last):
        row = view.rows[r]
        y = view.HEADER_HEIGHT + (r - first) * rh
        if not isinstance(row, TypeRow):
            p.fillRect(view.NAME_WIDTH, y, view.viewport().width(), rh, c.category_bg)
            continue
        cells = view.cells.get(row.id)
        if cells is None:
            continue
        for n in range(c0, c1):
            free, total, if_quotes = cells[n]
            x = x_of[n]
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
        (shortage, QBrush(c.shortage_bg)),
        (full, QBrush(c.full_bg)),
        (exceed, QBrush(c.tentative_bg)),
        (exceed, QBrush(c.tentative, Qt.BrushStyle.BDiagPattern)),
        (quoted, QBrush(c.tentative)),
    ):
        if rects:
            p.setBrush(brush)
            p.drawRects(rects)
    p.setBrush(Qt.BrushStyle.NoBrush)
    glyphs = GLYPHS.setdefault(style.theme(), {})
    for x, y, text, kind in texts:
        found = glyphs.get((text, kind))
        if found is None:
            found = glyphs[(text, kind)] = glyph(view, str(text), kind)
        pixmap, w, h = found
        p.drawPixmap(x + (cw - w) // 2, y + (rh - h) // 2, pixmap)


def _paint_header(
    view: TimelineView, p: QPainter, c0: int, c1: int, x_of: list[int], width: int
) -> None:
    c = colours()
    h, nw, cw = view.HEADER_HEIGHT, view.NAME_WIDTH, view.column_width
    p.fillRect(nw, 0, width - nw, h, c.header_bg)
    locale = QLocale()
    p.setClipRect(nw, 0, width - nw, h)
    for n in range(c0, c1):
        day = view.days[n]
        x = x_of[n]
        shade = day_shade(view, day)
        if shade is not None:
            p.fillRect(x, 0, cw, h, shade.darker(104))
        qd = QDate(day.year, day.month, day.day)
        name = locale.toString(qd, "ddd")
        top = name if cw >= 60 else name[:2] if cw >= 30 else name[:1]
        if day == view.today:
            p.fillRect(x + 1, 1, cw - 2, h - 2, c.today_wash())
        p.setPen(c.holiday_fg if day in view.holidays else c.text)
        p.setFont(view.small)
        p.drawText(QRect(x, 2, cw, h // 2 - 2), Qt.AlignmentFlag.AlignCenter, top)
        p.setFont(view.small_bold if day == view.today or day.day == 1 else view.small)
        number = str(day.day) if cw < 60 or day.day != 1 else locale.toString(qd, "d MMM")
        p.drawText(QRect(x, h // 2, cw, h // 2 - 2), Qt.AlignmentFlag.AlignCenter, number)
        p.setPen(QPen(c.grid, 1))
        p.drawLine(x, 0, x, h)
    p.setClipping(False)
    p.setPen(QPen(c.grid.darker(115), 1))
    p.drawLine(0, h - 1, width, h - 1)


def _code_width(view: TimelineView, metrics: QFontMetrics) -> int:
    """The code tells rows apart: as wide as the longest one (within reason), elided in
    the middle if it must be, so "CONSOLE-GMA3" and "CONSOLE-GMA3-ONPC" stay distinct."""
    longest = max(
        (metrics.horizontalAdvance(r.code) for r in view.rows if isinstance(r, TypeRow)),
        default=100,
    )
    return max(80, min(longest + 8, (view.NAME_WIDTH - TOTAL_WIDTH) * 2 // 5))


def _paint_names(view: TimelineView, p: QPainter, first: int, last: int) -> None:
    c = colours()
    rh, nw, h = view.ROW_HEIGHT, view.NAME_WIDTH, view.HEADER_HEIGHT
    p.fillRect(0, 0, nw, view.viewport().height(), c.base)
    p.fillRect(0, 0, nw, h, c.header_bg)
    p.setPen(c.text)
    p.setFont(view.bold)
    centre = Qt.AlignmentFlag.AlignVCenter
    right = centre | Qt.AlignmentFlag.AlignRight
    p.drawText(QRect(8, 0, nw - 16, h), centre, tr("Timeline", "Item type"))
    p.setFont(view.small)
    p.drawText(QRect(nw - TOTAL_WIDTH - 6, 0, TOTAL_WIDTH, h), right, tr("Timeline", "Stock"))
    font_metrics = QFontMetrics(view.font())
    code_metrics = QFontMetrics(view.small_bold)
    code_width = _code_width(view, code_metrics)
    name_room = nw - 12 - code_width - 6 - TOTAL_WIDTH
    current_row = view.current[0] if view.current else -1
    middle = Qt.TextElideMode.ElideMiddle
    for r in range(first, last):
        row = view.rows[r]
        y = h + (r - first) * rh
        if isinstance(row, str):
            p.fillRect(0, y, nw, rh, c.category_bg)
            p.setFont(view.bold)
            p.setPen(c.text)
            p.drawText(QRect(8, y, nw - 16, rh), centre, category_label(row))
            continue
        if r == current_row:
            p.fillRect(0, y, nw, rh, view.palette().color(QPalette.ColorRole.AlternateBase))
        p.setFont(view.small_bold)
        p.setPen(c.text)
        code = code_metrics.elidedText(row.code, middle, code_width - 6)
        p.drawText(QRect(12, y, code_width - 4, rh), centre, code)
        p.setFont(view.font())
        p.setPen(c.muted)
        name = font_metrics.elidedText(row.name, middle, name_room)
        p.drawText(QRect(12 + code_width, y, name_room, rh), centre, name)
        cells = view.cells.get(row.id)
        if cells:
            p.setFont(view.small)
            total = QRect(nw - TOTAL_WIDTH - 6, y, TOTAL_WIDTH, rh)
            p.drawText(total, right, str(cells[0].total))
    p.setPen(QPen(c.grid.darker(115), 1))
    p.drawLine(nw - 1, 0, nw - 1, view.viewport().height())


def _paint_empty(view: TimelineView, p: QPainter, area: QRect) -> None:
    """No row to show: the view's sentence saying what to do, as the "empty" role."""
    p.fillRect(area, colours().base)
    p.setPen(colours().muted)
    p.setFont(QFont(view.font()))
    margin = style.SPACE.xl
    p.drawText(
        area.adjusted(margin, margin, -margin, -margin),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        view.empty_text,
    )
