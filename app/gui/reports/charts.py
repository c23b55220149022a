"""A small horizontal bar chart drawn with QPainter (PySide6 Essentials has no QtCharts).

Each bar is a label, a value (its length) and the value's text, formatted by the caller in
the user's locale (``format_amount``, ``QLocale().toString``...). Labels are elided to
fit, the value is written after the bar (inside it when the bar fills the width), negative
values grow to the left of a zero line. Too many bars: the first ``max_bars`` are drawn
and a last line says how many more there are. A tooltip gives the full label and value.
Colours are the theme's (``style.palette()``: accent bars, danger for negative ones), and
the chart repaints when the theme changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.gui.shell import style

tr = QCoreApplication.translate


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as shown, already formatted for the locale


class BarChart(QWidget):
    """Horizontal bars with their labels and values."""

    MARGIN = 10
    GAP = 8

    def __init__(self, parent: QWidget | None = None, *, max_bars: int = 25) -> None:
        super().__init__(parent)
        self.max_bars = max_bars
        self.title = ""
        self.bars: list[Bar] = []
        self.empty_text = tr("BarChart", "Nothing to chart.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setAccessibleName(tr("BarChart", "Bar chart"))
        style.notifier().changed.connect(self._theme_changed)

    def _theme_changed(self, _theme: str) -> None:
        self.update()

    # --- data ---------------------------------------------------------------------------

    def set_bars(self, bars: Sequence[Bar | tuple[str, float, str]], title: str = "") -> None:
        self.bars = [b if isinstance(b, Bar) else Bar(*b) for b in bars]
        self.title = title
        self.setAccessibleDescription(
            "\n".join([title, *(f"{b.label}: {b.text}" for b in self.bars)]).strip()
        )
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_bars([], "")

    @property
    def shown(self) -> list[Bar]:
        return self.bars[: self.max_bars]

    @property
    def hidden_count(self) -> int:
        return max(0, len(self.bars) - self.max_bars)

    # --- geometry -----------------------------------------------------------------------

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 8

    def _title_height(self) -> int:
        if not self.title:
            return 0
        return QFontMetrics(self._title_font()).height() + style.SPACE.s

    def _title_font(self) -> QFont:
        return style.font("heading", self.font())

    def sizeHint(self) -> QSize:
        rows = len(self.shown) + (1 if self.hidden_count else 0)
        height = 2 * self.MARGIN + self._title_height() + max(rows, 3) * self._row_height()
        return QSize(480, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 120)

    def _layout(self) -> tuple[float, float, float, float]:
        """(label width, x of the zero line, pixels per unit, top of the first row)."""
        metrics = QFontMetrics(self.font())
        shown = self.shown
        width = self.width() - 2 * self.MARGIN
        label_w = min(
            max((metrics.horizontalAdvance(b.label) for b in shown), default=0) + 4,
            int(width * 0.38),
        )
        value_w = max((metrics.horizontalAdvance(b.text) for b in shown), default=0)
        plot_left = self.MARGIN + label_w + self.GAP
        plot_w = max(1.0, width - label_w - self.GAP - value_w - self.GAP)
        high = max((b.value for b in shown), default=0.0)
        low = min((b.value for b in shown), default=0.0)
        high, low = max(high, 0.0), min(low, 0.0)
        span = (high - low) or 1.0
        scale = plot_w / span
        zero = plot_left + (-low) * scale
        return label_w, zero, scale, self.MARGIN + self._title_height()

    def bar_at(self, pos: QPoint) -> int | None:
        _label_w, _zero, _scale, top = self._layout()
        row = int((pos.y() - top) // self._row_height())
        return row if 0 <= row < len(self.shown) and pos.y() >= top else None

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = style.palette()
        painter.fillRect(self.rect(), QColor(palette.surface))
        text_colour, muted = QColor(palette.text), QColor(palette.muted)
        metrics = QFontMetrics(self.font())
        if self.title:
            painter.setFont(self._title_font())
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(
                    self.MARGIN, self.MARGIN, self.width() - 2 * self.MARGIN, self._title_height()
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                self.title,
            )
            painter.setFont(self.font())
        shown = self.shown
        if not shown:
            painter.setPen(muted)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
            painter.end()
            return
        label_w, zero, scale, top = self._layout()
        row_h = self._row_height()
        bar_h = max(6, int(row_h * 0.62))
        grid = QColor(palette.border)
        bottom = top + row_h * len(shown)
        painter.setPen(grid)
        painter.drawLine(int(zero), int(top), int(zero), int(bottom))
        for n, bar in enumerate(shown):
            y = top + n * row_h
            middle = QRectF(self.MARGIN, y, label_w, row_h)
            painter.setPen(text_colour)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_w))
            painter.drawText(
                middle, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label
            )
            length = abs(bar.value) * scale
            left = zero if bar.value >= 0 else zero - length
            rect = QRectF(
                left, y + (row_h - bar_h) / 2, max(length, 1.0 if bar.value else 0), bar_h
            )
            colour = QColor(palette.accent if bar.value >= 0 else palette.danger)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 2, 2)
            painter.setPen(text_colour)
            text_w = metrics.horizontalAdvance(bar.text)
            if bar.value >= 0:
                text_rect = QRectF(rect.right() + 4, y, text_w + 2, row_h)
            else:
                text_rect = QRectF(zero + 4, y, text_w + 2, row_h)
            painter.drawText(
                text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), bar.text
            )
        if self.hidden_count:
            painter.setPen(muted)
            more = tr("BarChart", "… and %1 more").replace(
                "%1", QLocale().toString(self.hidden_count)
            )
            painter.drawText(
                QRectF(self.MARGIN, bottom, self.width() - 2 * self.MARGIN, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                more,
            )
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.bar_at(event.pos())
            if row is None:
                QToolTip.hideText()
                event.ignore()
            else:
                bar = self.shown[row]
                QToolTip.showText(event.globalPos(), f"{bar.label}\n{bar.text}", self)
            return True
        return super().event(event)
