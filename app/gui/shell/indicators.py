"""Check boxes and radio buttons drawn on the theme's colours.

Fusion outlines an indicator with the window colour darkened, which vanishes on a dark
surface (the labels tree's boxes could not be seen in the dark theme). A style sheet rule
for ``::indicator`` would have to ship a picture for every state; instead this proxy of
Fusion paints the three indicators itself from the widget's palette (which ``style.apply``
fills from the theme): an outline in the muted text colour on the base, the accent filled
with a check mark, a bar or a dot in the accent's text colour once checked. Everything
else is Fusion's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSpinBox,
    QWidget,
)

PE = QStyle.PrimitiveElement
State = QStyle.StateFlag
Role = QPalette.ColorRole

_BOXES = (PE.PE_IndicatorCheckBox, PE.PE_IndicatorItemViewItemCheck)


class IndicatorStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons that show in both themes."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(  # noqa: N802 — Qt's name
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in _BOXES:
            _draw_box(option, painter)
        elif element == PE.PE_IndicatorRadioButton:
            _draw_radio(option, painter)
        else:
            super().drawPrimitive(element, option, painter, widget)

    def drawComplexControl(  # noqa: N802 — Qt's name
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if isinstance(option, QStyleOptionSpinBox) and option.frame:
            invalid = widget is not None and widget.property("invalid") is True
            _outline_spin_box(option, painter, invalid)


def _colours(option: QStyleOption) -> tuple[QColor, QColor, QColor]:
    """(outline, fill when on, mark when on) for the option's state."""
    palette = option.palette
    if not option.state & State.State_Enabled:
        return palette.color(Role.Mid), palette.color(Role.Mid), palette.color(Role.Base)
    focus = option.state & State.State_HasFocus and option.state & State.State_KeyboardFocusChange
    hover = option.state & State.State_MouseOver
    outline = palette.color(Role.Accent if focus or hover else Role.PlaceholderText)
    return outline, palette.color(Role.Accent), palette.color(Role.Base)


def _square(option: QStyleOption) -> QRectF:
    """The indicator's square, centred in its rectangle, on half pixels (sharp 1px lines)."""
    rect = QRectF(option.rect)
    side = min(rect.width(), rect.height()) - 2
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    return box.adjusted(0.5, 0.5, -0.5, -0.5)


def _draw_box(option: QStyleOption, painter: QPainter) -> None:
    box = _square(option)
    outline, fill, mark = _colours(option)
    on = bool(option.state & (State.State_On | State.State_NoChange))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(fill if on else outline, 1.5 if on else 1.2))
    painter.setBrush(fill if on else option.palette.color(Role.Base))
    radius = max(2.0, box.width() / 6)
    painter.drawRoundedRect(box, radius, radius)
    pen = QPen(mark, max(1.5, box.width() / 7))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if option.state & State.State_NoChange:  # partly checked: a bar
        y = box.center().y()
        painter.drawLine(
            QPointF(box.left() + box.width() * 0.25, y),
            QPointF(box.right() - box.width() * 0.25, y),
        )
    elif option.state & State.State_On:
        tick = QPainterPath(_at(box, 0.24, 0.52))
        tick.lineTo(_at(box, 0.42, 0.70))
        tick.lineTo(_at(box, 0.76, 0.32))
        painter.drawPath(tick)
    painter.restore()


def _draw_radio(option: QStyleOption, painter: QPainter) -> None:
    circle = _square(option)
    outline, fill, mark = _colours(option)
    on = bool(option.state & State.State_On)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(fill if on else outline, 1.5 if on else 1.2))
    painter.setBrush(fill if on else option.palette.color(Role.Base))
    painter.drawEllipse(circle)
    if on:
        dot = circle.width() * 0.2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        painter.drawEllipse(circle.center(), dot, dot)
    painter.restore()


def _outline_spin_box(option: QStyleOptionSpinBox, painter: QPainter, invalid: bool) -> None:
    """A spin box's frame in the line edits' colours: the border, the accent with the
    focus, the danger colour when invalid (a style sheet border would take the drawing of
    its arrows away from Fusion, whose own outline is too dark on a dark surface)."""
    if invalid:
        colour, width = option.palette.color(Role.BrightText), 1.5
    elif option.state & State.State_HasFocus:
        colour, width = option.palette.color(Role.Accent), 1.0
    else:
        colour, width = option.palette.color(Role.Mid), 1.0
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(option.rect).adjusted(0.75, 0.75, -0.75, -0.75), 3, 3)
    painter.restore()


def _at(box: QRectF, x: float, y: float) -> QPointF:
    """A point of the box given as fractions of its width and height."""
    return QPointF(box.left() + box.width() * x, box.top() + box.height() * y)
