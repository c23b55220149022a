"""Ctrl + a digit key means the same on AZERTY and QWERTY.

On a French AZERTY keyboard the top row types ``& é " ' ( - è _ ç à`` and needs Shift for
the digits, so Qt hears Ctrl+& for the key marked 1, and Ctrl+Shift+(key 1) as Ctrl+1: the
shortcuts Ctrl+1..9 need an extra Shift there, and Ctrl+Shift+1 reaches the Ctrl+1 area.
People read "Ctrl+1" as "Ctrl and the key marked 1", so ``DigitRowShortcuts`` reads the
physical key of the digit row (its native scan code) and turns Ctrl[+Shift]+(key n) into
the sequence printed in the menus, whatever the layout. The area shortcut wins everywhere,
even where the key types something that has a shortcut of its own: AZERTY's 6 key types
"-", yet Ctrl+(key 6) goes to the Calendar from the Planning and the Invoices too, as from
every other area (navigation is the same everywhere); zooming out stays on Ctrl+(numpad -),
Ctrl+wheel and the menus, and on QWERTY Ctrl+- (not a digit key) still zooms. Platforms
without known scan codes (and synthetic key events) fall back to Qt's own matching, which
is right for QWERTY.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

DIGITS = "1234567890"
#: Native scan codes of the top row's keys 1..9, 0, per Qt platform plugin.
SCAN_CODES: dict[str, tuple[int, ...]] = {
    "xcb": tuple(range(10, 20)),  # X11 (evdev keycodes)
    "wayland": tuple(range(10, 20)),
    "offscreen": tuple(range(10, 20)),  # tests send X11 codes; synthetic keys carry 0
    "windows": tuple(range(2, 12)),  # PC/AT set 1 scan codes
}
MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def digit_of(scan_code: int, platform: str | None = None) -> str | None:
    """The digit printed on the top-row key with this native scan code, if any."""
    codes = SCAN_CODES.get(platform or QGuiApplication.platformName(), ())
    return DIGITS[codes.index(scan_code)] if scan_code and scan_code in codes else None


def physical_sequence(event: QKeyEvent, platform: str | None = None) -> QKeySequence | None:
    """Ctrl[+Shift]+digit for Ctrl on a top-row key, read from the key's position."""
    modifiers = event.modifiers() & MODIFIERS
    if not modifiers & Qt.KeyboardModifier.ControlModifier:
        return None
    if modifiers & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier):
        return None
    digit = digit_of(event.nativeScanCode(), platform)
    if digit is None:
        return None
    shift = "Shift+" if modifiers & Qt.KeyboardModifier.ShiftModifier else ""
    return QKeySequence(f"Ctrl+{shift}{digit}")


def typed_sequence(event: QKeyEvent) -> QKeySequence:
    """What Qt itself hears (Ctrl+& on AZERTY's key 1)."""
    return QKeySequence(event.keyCombination())


class DigitRowShortcuts(QObject):
    """An application event filter: in ``window``, Ctrl[+Shift]+(top-row key n) runs
    ``bindings["Ctrl[+Shift]+n"]`` on every keyboard layout."""

    def __init__(self, window: QWidget, bindings: dict[str, Callable[[], None]]) -> None:
        super().__init__(window)
        self.window = window
        self.bindings = {QKeySequence(k).toString(): v for k, v in bindings.items()}

    def target(self, event: QKeyEvent) -> str | None:
        physical = physical_sequence(event)
        if physical is None or physical.toString() not in self.bindings:
            return None
        return physical.toString()  # the area shortcut wins over the typed key's own

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if QApplication.activeWindow() is not self.window or not isinstance(event, QKeyEvent):
            return False
        name = self.target(event)
        if name is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # keeps Qt from running the layout's own reading (Ctrl+1)
            return True
        if event.isAutoRepeat():
            return True
        self.bindings[name]()
        return True

    def install(self) -> DigitRowShortcuts:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        return self

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
