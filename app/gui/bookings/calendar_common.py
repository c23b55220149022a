"""What the timeline and the calendar share: status words and colours (the booking tones of
``chips.TONES``), public holidays in the interface's language, legend chips, navigation
actions with icons and tool buttons, and opening a booking in its editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFontMetrics, QKeySequence, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from app import i18n
from app.gui.shell import chips, icons, style
from app.gui.shell.operations import Operations
from booking import planning
from booking.models import BOOKING_STATUS_LABELS

tr = QCoreApplication.translate


def status_label(status: str) -> str:
    """A booking status in the interface's language (an unknown one as it is)."""
    return i18n.enum_label(BOOKING_STATUS_LABELS, status)


def status_colours(status: str) -> tuple[QColor, QColor]:
    """A booking status's (text, background) in the theme in use."""
    tone = chips.tone_of("booking", status)
    return QColor(tone.fg), QColor(tone.bg)


def holiday_names(years: Sequence[int]) -> dict[dt.date, str]:
    """French public holidays, named in the interface's language."""
    french = QLocale().language() == QLocale.Language.French
    return planning.holiday_names(years, french=french)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class LegendChip(QWidget):
    """A legend entry: its words on a tone of the palette (never colour alone), painted
    with the theme in use. ``tone`` is a chip tone name, or a function giving the (text,
    background) colours of a swatch that is not a status (weekend, holiday)."""

    def __init__(
        self, text: str, tone: str | Callable[[], tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._tone = tone
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(text)
        self.setToolTip(text)
        style.notifier().changed.connect(self.update)

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(
            metrics.horizontalAdvance(self._text) + 2 * style.SPACE.s + 2, metrics.height() + 4
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if callable(self._tone):
            fg, bg = self._tone()
        else:
            found = style.tone(self._tone)
            fg, bg = found.fg, found.bg
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(QColor(style.palette().border), 1))
            p.setBrush(QColor(bg))
            rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
            radius = rect.height() / 2
            p.drawRoundedRect(rect, radius, radius)
            p.setPen(QColor(fg))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
        finally:
            p.end()


def make_action(
    owner: QWidget,
    text: str,
    keys: Sequence[QKeySequence | QKeySequence.StandardKey | str],
    slot: Callable[[], object],
    icon: str = "",
) -> QAction:
    """An action of ``owner`` (its shortcuts live while focus is inside it)."""
    action = QAction(text, owner)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if icon:
        action.setIcon(icons.icon(icon))
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def nav_button(action: QAction, text: str = "") -> QToolButton:
    """A tool button for ``action``: its icon, ``text`` beside it when given (else icon
    only), its words and shortcut as tooltip and accessible name."""
    button = QToolButton()
    button.setDefaultAction(action)
    words = action.text().replace("&", "")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if text:
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    else:
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setToolTip(f"{words} ({keys})" if keys else words)
    button.setAccessibleName(words)
    return button


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
