"""The desk's look, from the style kernel: a larger base font (read from a metre or two,
gloves on), the type roles scaled from it, and the few rules the application style sheet
does not have (the mode buttons, the scan field, the prompts, the action buttons).

Every colour is a palette token or a tone; ``DeskLook`` re-applies the sheet when the theme
changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from app.gui.shell import style

#: The desk's body text, in points: larger than the office screens'.
BASE_POINTS = 13.0


#: Named sizes of the desk: (type role of the style kernel, extra factor, weight).
SIZES: dict[str, tuple[str, float, int]] = {
    "small": ("small", 1.0, 400),
    "body": ("body", 1.0, 400),
    "table": ("body", 1.15, 400),
    "heading": ("heading", 1.0, 600),
    "prompt": ("heading", 1.0, 400),
    "scan": ("heading", 1.15, 400),
    "empty": ("body", 1.3, 400),
    "title": ("title", 1.0, 700),
    "display": ("display", 1.0, 700),
    "detail": ("heading", 1.1, 400),
    "counter": ("display", 1.4, 700),
}


def base_font() -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(BASE_POINTS)
    return font


def points(size: str) -> float:
    """A named size in points, from the style kernel's type scale and the desk's base."""
    role, factor, _ = SIZES[size]
    return round(style.TYPE_SCALE[role][0] * factor * BASE_POINTS, 1)


def sized(widget: QWidget, size: str, role: str = "") -> QWidget:
    """Give ``widget`` one of the desk's ``SIZES`` (drawn by the desk's style sheet, which
    wins over fonts set in code) and, optionally, a role of the style kernel (its colour)."""
    if role:
        style.set_role(widget, role)
    widget.setProperty("deskSize", size)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def _size_rules() -> str:
    return "\n".join(
        f'*[deskSize="{name}"] {{ font-size: {points(name)}pt; font-weight: {weight}; }}'
        for name, (_, _, weight) in SIZES.items()
    )


def sheet() -> str:
    p, s = style.palette(), style.SPACE
    prompt = style.tone("amber")
    return f"""
QWidget {{ font-size: {points("body")}pt; }}
QHeaderView::section {{ font-size: {points("small")}pt; font-weight: 600; }}
QWidget#desk {{ background: {p.window}; }}
QPushButton#mode {{
    padding: {s.s}px {s.xl}px; border: 2px solid {p.border}; border-radius: {s.radius}px;
    background: {p.surface}; color: {p.text};
}}
QPushButton#mode:checked {{
    background: {p.selection}; color: {p.text}; border: 3px solid {p.accent};
}}
QLineEdit#scan {{
    padding: {s.xs}px {s.s}px; border: 3px solid {p.accent}; border-radius: {s.radius}px;
    background: {p.surface}; color: {p.text};
}}
QSpinBox#quantity {{ padding: {s.xs}px; min-width: 90px; }}
QFrame#panel {{
    background: {prompt.bg}; border: 2px solid {p.warning}; border-radius: {s.radius}px;
}}
QFrame#panel QLabel {{ color: {prompt.fg}; background: transparent; }}
QLabel#keys {{ color: {p.muted}; }}
QToolButton#action {{
    padding: {s.xs}px {s.s}px; border: 1px solid {p.border}; border-radius: {s.radius}px;
    background: {p.surface}; color: {p.text};
}}
QToolButton#action:hover {{ border-color: {p.accent}; }}
""" + _size_rules()


class DeskLook(QObject):
    """Keeps ``widget``'s desk style sheet in step with the theme (a child of it: the
    connection ends with the widget)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.apply()
        style.notifier().changed.connect(self.apply)

    def apply(self, *_: object) -> None:
        self.widget.setStyleSheet(sheet())
