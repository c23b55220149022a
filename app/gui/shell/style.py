"""The look of the app in one place: a palette per theme (light, dark), a spacing scale, a
type scale, and the style sheet built from them.

Screens never write colours or pixel gaps of their own: they ask for a token
(``style.colour("danger")``, ``style.SPACE.m``), a tone for a status chip
(``style.tone("green")``), or give a widget a role the style sheet knows
(``style.set_role(label, "title")``). The theme follows the system unless the user chose
one in Settings (kept per workstation in ``QSettings`` under ``appearance/theme``);
``REGIE_THEME=light|dark`` overrides both (the screenshot script uses it).

``apply(app)`` is called once when the GUI starts and again when the choice or the
system's scheme changes; ``changed`` is emitted after each re-styling so widgets that
paint with palette colours of their own (charts, the timeline) repaint.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from app.gui.shell.indicators import IndicatorStyle

Theme = Literal["light", "dark"]
Choice = Literal["system", "light", "dark"]
CHOICES: tuple[Choice, ...] = ("system", "light", "dark")
THEME_KEY = "appearance/theme"


@dataclass(frozen=True)
class Spacing:
    """Gaps and margins, in device-independent pixels (Qt scales them with the screen)."""

    xs: int = 4
    s: int = 8
    m: int = 12
    l: int = 16  # noqa: E741 — the scale's name, as in every design system
    xl: int = 24
    xxl: int = 32
    radius: int = 6


SPACE = Spacing()

#: Font sizes relative to the system's body font.
TYPE_SCALE: dict[str, tuple[float, QFont.Weight]] = {
    "display": (2.0, QFont.Weight.Bold),  # the desk's banner, a balance
    "title": (1.5, QFont.Weight.DemiBold),  # a screen's or a document's name
    "heading": (1.2, QFont.Weight.DemiBold),  # a section
    "body": (1.0, QFont.Weight.Normal),
    "small": (0.9, QFont.Weight.Normal),
}


@dataclass(frozen=True)
class Tone:
    """A status chip's colours: text on background, readable (contrast ≥ 4.5:1)."""

    fg: str
    bg: str


@dataclass(frozen=True)
class Palette:
    window: str
    surface: str
    surface_alt: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    selection: str
    success: str
    warning: str
    danger: str
    info: str
    tones: dict[str, Tone]


LIGHT = Palette(
    window="#f4f6f9",
    surface="#ffffff",
    surface_alt="#eef1f6",
    text="#1b1f24",
    muted="#5b6472",
    border="#d3d9e2",
    accent="#2856c7",
    accent_text="#ffffff",
    selection="#cfdcfb",
    success="#1e7a34",
    warning="#8a5300",
    danger="#b3261e",
    info="#0d47a1",
    tones={
        "green": Tone("#1b5e20", "#dcf1dd"),
        "blue": Tone("#0d47a1", "#dceafc"),
        "amber": Tone("#7a4a00", "#ffefd2"),
        "red": Tone("#9c1c1c", "#fde2e0"),
        "teal": Tone("#005b60", "#d6f2f4"),
        "violet": Tone("#5b1a8c", "#efe3fa"),
        "grey": Tone("#3f4a54", "#e6eaed"),
        "brown": Tone("#5d4037", "#efe6e2"),
    },
)

DARK = Palette(
    window="#181b20",
    surface="#21252b",
    surface_alt="#2a2f37",
    text="#e6e9ee",
    muted="#a4adba",
    border="#3a414c",
    accent="#7ea2ff",
    accent_text="#0f1420",
    selection="#2f4a86",
    success="#7fd58f",
    warning="#f3c06b",
    danger="#ff8a80",
    info="#90c2ff",
    tones={
        "green": Tone("#b6f0c0", "#1f4a2a"),
        "blue": Tone("#cfe2ff", "#1d3a66"),
        "amber": Tone("#ffe1a8", "#5a3d05"),
        "red": Tone("#ffd3cf", "#6a1f1a"),
        "teal": Tone("#bdf0f3", "#0f4a4e"),
        "violet": Tone("#e8d4fb", "#4a2670"),
        "grey": Tone("#dde3e8", "#3a424b"),
        "brown": Tone("#f0dcd5", "#4e3a33"),
    },
)

PALETTES: dict[Theme, Palette] = {"light": LIGHT, "dark": DARK}


class _Notifier(QObject):
    changed = Signal(str)  # the theme now in use


_notifier: _Notifier | None = None
_theme: Theme = "light"
_app_style: IndicatorStyle | None = None


def notifier() -> _Notifier:
    """The object whose ``changed(theme)`` signal follows every re-styling."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def _as_choice(value: str) -> Choice | None:
    return next((known for known in CHOICES if known == value), None)


def choice() -> Choice:
    """The theme the user asked for: the environment, then Settings, then the system."""
    wanted = _as_choice(os.environ.get("REGIE_THEME", "").strip().lower())
    return wanted if wanted is not None else stored_choice()


def stored_choice() -> Choice:
    """The choice kept in Settings on this workstation (the environment aside)."""
    stored = _as_choice(str(QSettings("regie", "regie").value(THEME_KEY, "system")))
    return stored if stored is not None else "system"


def set_choice(value: Choice) -> None:
    """Keep the user's choice on this workstation and re-style the running app."""
    QSettings("regie", "regie").setValue(THEME_KEY, value)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply(app)


def system_theme() -> Theme:
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def resolve(value: Choice) -> Theme:
    return system_theme() if value == "system" else value


def theme() -> Theme:
    """The theme in use."""
    return _theme


def palette() -> Palette:
    return PALETTES[_theme]


def colour(name: str) -> QColor:
    """A palette token as a QColor: ``colour("danger")``, ``colour("muted")``…"""
    return QColor(getattr(palette(), name))


def tone(name: str) -> Tone:
    """A chip tone of the theme in use (an unknown name gives the neutral grey)."""
    tones = palette().tones
    return tones.get(name, tones["grey"])


def font(role: str, base: QFont | None = None) -> QFont:
    """The system font scaled to a role of ``TYPE_SCALE``."""
    f = QFont(base if base is not None else QApplication.font())
    factor, weight = TYPE_SCALE.get(role, TYPE_SCALE["body"])
    size = f.pointSizeF()
    if size > 0:
        f.setPointSizeF(size * factor)
    f.setWeight(weight)
    return f


#: The dynamic property keeping a widget's font from before its first typographic role.
_BASE_FONT = "roleBaseFont"
_QT_KEPT_FONT = "_q_styleSheetWidgetFont"


def set_role(widget: QWidget, role: str) -> QWidget:
    """Give a widget a typographic role (``title``, ``heading``, ``muted``, ``display``,
    ``small``, ``card``, ``empty``, ``error``, ``warning``): its font, and a property the
    style sheet styles.

    The font is scaled from the widget's font before its first role (kept on the widget),
    so giving a role again, or another one, never scales an already scaled font."""
    widget.setProperty("role", role)
    base = widget.property(_BASE_FONT)
    if role in TYPE_SCALE and not isinstance(base, QFont):
        base = QFont(widget.font())
        widget.setProperty(_BASE_FONT, base)
    target = font(role, base) if role in TYPE_SCALE and isinstance(base, QFont) else widget.font()
    target = QFont(target)  # a colour role leaves the size as it was
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    # Under the application style sheet, Qt keeps the font a widget had when first polished
    # (property _q_styleSheetWidgetFont) and puts it back at every polish (a theme switch, the
    # first show): the role's font must be the one kept.
    widget.setProperty(_QT_KEPT_FONT, target)
    widget.setFont(target)
    return widget


def _qpalette(p: Palette) -> QPalette:
    qp = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.window,
        QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.Base: p.surface,
        QPalette.ColorRole.AlternateBase: p.surface_alt,
        QPalette.ColorRole.ToolTipBase: p.surface,
        QPalette.ColorRole.ToolTipText: p.text,
        QPalette.ColorRole.PlaceholderText: p.muted,
        QPalette.ColorRole.Text: p.text,
        QPalette.ColorRole.Button: p.surface_alt,
        QPalette.ColorRole.ButtonText: p.text,
        QPalette.ColorRole.BrightText: p.danger,
        QPalette.ColorRole.Highlight: p.accent,
        QPalette.ColorRole.Accent: p.accent,
        QPalette.ColorRole.HighlightedText: p.accent_text,
        QPalette.ColorRole.Link: p.accent,
        QPalette.ColorRole.Mid: p.border,
        QPalette.ColorRole.Midlight: p.surface_alt,
        QPalette.ColorRole.Dark: p.muted,
        QPalette.ColorRole.Light: p.surface,
    }
    for role, value in roles.items():
        qp.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        qp.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.muted))
    return qp


def _native_spin_frames() -> str:
    """Spin boxes keep Fusion's frame, which draws their arrows (a style sheet border
    takes the arrows away); an invalid one is outlined by ``IndicatorStyle`` instead. One
    rule per selector, here and in the rule overridden (with grouped selectors, Qt 6.11
    kept the grouped red border over this more specific override)."""
    return "\n".join(
        f'{widget}[invalid="true"]{state} {{ border-style: native; }}'
        for widget in ("QSpinBox", "QDoubleSpinBox")
        for state in ("", ":focus")
    )


def style_sheet(p: Palette) -> str:
    """The application style sheet: only what the palette cannot say (radii, padding,
    the navigation, primary buttons, chips and the roles of ``set_role``)."""
    s = SPACE
    return f"""
QToolTip {{ color: {p.text}; background: {p.surface}; border: 1px solid {p.border}; }}
QListWidget#navigation {{
    background: {p.surface_alt}; border: none; border-right: 1px solid {p.border};
    padding: {s.s}px {s.xs}px; outline: 0;
}}
QListWidget#navigation::item {{
    padding: {s.s}px {s.m}px; margin: 1px {s.xs}px; border-radius: {s.radius}px;
    color: {p.text};
}}
QListWidget#navigation::item:hover {{ background: {p.selection}; }}
QListWidget#navigation::item:selected {{
    background: {p.selection}; color: {p.text}; border-left: 3px solid {p.accent};
}}
QToolBar {{ spacing: {s.xs}px; padding: {s.xs}px; border: none; background: {p.window}; }}
QToolButton {{ padding: {s.xs}px {s.s}px; border-radius: {s.radius}px; }}
QToolButton:hover {{ background: {p.selection}; }}
QPushButton {{
    padding: {s.xs}px {s.m}px; border-radius: {s.radius}px;
    border: 1px solid {p.border}; background: {p.surface};
}}
QPushButton:hover {{ border-color: {p.accent}; }}
QPushButton:focus {{ border: 2px solid {p.accent}; }}
QPushButton:default, QPushButton[primary="true"] {{
    background: {p.accent}; color: {p.accent_text}; border-color: {p.accent};
}}
QPushButton:disabled {{ color: {p.muted}; background: {p.surface_alt}; }}
QLineEdit, QComboBox, QDateEdit, QPlainTextEdit, QTextEdit {{
    border: 1px solid {p.border}; border-radius: {s.radius - 2}px; padding: 2px {s.xs}px;
    background: {p.surface}; selection-background-color: {p.accent};
    selection-color: {p.accent_text};
}}
QSpinBox, QDoubleSpinBox {{
    padding: 2px {s.xs}px; selection-background-color: {p.accent};
    selection-color: {p.accent_text};
}}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 1px solid {p.accent};
}}
QLineEdit:disabled {{ background: {p.surface_alt}; }}
QTableView, QTreeView, QListView {{
    background: {p.surface}; alternate-background-color: {p.surface_alt};
    border: 1px solid {p.border}; gridline-color: {p.border};
    selection-background-color: {p.selection}; selection-color: {p.text};
}}
QHeaderView::section {{
    background: {p.surface_alt}; color: {p.muted}; border: none;
    border-bottom: 1px solid {p.border}; padding: {s.xs}px {s.s}px; font-weight: 600;
}}
QTabBar::tab {{ padding: {s.xs + 2}px {s.m}px; }}
QGroupBox {{
    border: 1px solid {p.border}; border-radius: {s.radius}px; margin-top: {s.m}px;
    padding-top: {s.s}px;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: {s.s}px; color: {p.muted}; }}
QLabel[role="muted"], QLabel[role="small"] {{ color: {p.muted}; }}
QLabel[role="empty"] {{ color: {p.muted}; padding: {s.xl}px; }}
QLabel[role="empty"][compact="true"] {{ padding: {s.xs}px; }}
QLabel[role="error"] {{ color: {p.danger}; }}
QLabel[role="warning"] {{ color: {p.warning}; }}
*[invalid="true"] {{ border: 1px solid {p.danger}; }}
*[invalid="true"]:focus {{ border: 1px solid {p.danger}; }}
{_native_spin_frames()}
QFrame[role="card"] {{
    background: {p.surface}; border: 1px solid {p.border}; border-radius: {s.radius + 2}px;
}}
QStatusBar {{ color: {p.muted}; }}
"""


def apply(app: QApplication) -> Theme:
    """Style the whole application with the theme the user chose (or the system's)."""
    global _theme, _app_style
    _theme = resolve(choice())
    if _app_style is None or not isValid(_app_style):
        _app_style = IndicatorStyle()  # Qt owns it (and deletes it if another style is set)
        app.setStyle(_app_style)
    p = PALETTES[_theme]
    app.setPalette(_qpalette(p))
    app.setStyleSheet(style_sheet(p))
    notifier().changed.emit(_theme)
    return _theme


def follow_system(app: QApplication) -> None:
    """Re-style when the system switches between light and dark (only while the user's
    choice is "system")."""

    def on_scheme(_scheme: Qt.ColorScheme) -> None:
        if choice() == "system":
            apply(app)

    QGuiApplication.styleHints().colorSchemeChanged.connect(on_scheme)
