"""Status shown the same way everywhere: a rounded chip, a tone *and* its text (never colour
alone, for colour-blind users and screen readers).

- ``StatusChip(kind, status)``: a label widget (the booking editor's header, a unit's
  detail…).
- ``ChipDelegate(kind)``: draws a table column's cells as chips. The model gives the status
  key (``"out"``, ``"overdue"``…) under ``STATUS_ROLE`` and the translated text under
  ``DisplayRole`` as before, so sorting, copying and accessibility keep the words.

``TONES`` maps every status of the domain to a tone of ``style.Palette.tones``; a kind or
status it does not know is drawn grey, with its text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.gui.shell import style

#: Item-data role under which a model gives a cell's status key.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 40

TONES: dict[str, dict[str, str]] = {
    "booking": {
        "quote": "amber",
        "confirmed": "blue",
        "out": "green",
        "returned": "teal",
        "closed": "grey",
        "cancelled": "grey",
        "late": "red",
    },
    "unit": {
        "in_service": "green",
        "in_repair": "amber",
        "lost": "red",
        "retired": "grey",
        "out": "blue",
    },
    "invoice": {
        "draft": "brown",
        "issued": "blue",
        "paid": "green",
        "overdue": "red",
        "credit": "violet",
        "cancelled": "grey",
    },
    "deposit": {
        "held": "blue",
        "requested": "amber",
        "returned": "teal",
        "kept": "red",
        "applied": "green",
    },
    "scan": {"ok": "green", "warning": "amber", "error": "red", "info": "blue"},
    "account": {"active": "green", "locked": "red", "disabled": "grey"},
}


def tone_of(kind: str, status: str | None) -> style.Tone:
    return style.tone(TONES.get(kind, {}).get(str(status or ""), "grey"))


def chip_sheet(kind: str, status: str | None) -> str:
    t = tone_of(kind, status)
    return (
        f"color: {t.fg}; background: {t.bg}; border-radius: 9px;"
        f" padding: 1px {style.SPACE.s}px; font-weight: 600;"
    )


class StatusChip(QLabel):
    """A chip showing one status: its translated text on its tone."""

    def __init__(
        self, kind: str, status: str | None = None, text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._status: str | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        style.notifier().changed.connect(self._restyle)
        self.set_status(status, text)

    def set_status(self, status: str | None, text: str = "") -> None:
        self._status = status
        self.setText(text or (status or ""))
        self.setAccessibleName(self.text())
        if not self.text():
            self.hide()
        elif self.isHidden() and self.parentWidget() is not None:
            self.show()  # never show a chip without a parent: it would be its own window
        self._restyle()

    def status(self) -> str | None:
        return self._status

    def _restyle(self, *_: object) -> None:
        self.setStyleSheet(chip_sheet(self._kind, self._status))


class ChipDelegate(QStyledItemDelegate):
    """Draws a column's cells as chips of one kind (see the module's docstring)."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # the selection / hover background as any cell, then the chip over it
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        t = tone_of(self._kind, index.data(STATUS_ROLE))
        metrics = QFontMetrics(option.font)
        pad = style.SPACE.s
        height = min(option.rect.height() - 4, metrics.height() + 4)
        width = min(
            option.rect.width() - 2 * style.SPACE.xs, metrics.horizontalAdvance(text) + 2 * pad
        )
        x = option.rect.x() + style.SPACE.xs
        y = option.rect.y() + (option.rect.height() - height) / 2
        rect = QRectF(x, y, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.bg))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(t.fg))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - 2 * pad + 1))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * style.SPACE.s + style.SPACE.xs, size.height())
