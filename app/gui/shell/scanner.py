"""Catching USB barcode scanners wherever the keyboard focus is: one mechanism for every
screen that takes scans (the desk, cases, kits; the booking editor can use it too).

A USB scanner is a keyboard. It types the code a few milliseconds per character, then
Enter; for each capital it presses Shift, the key, releases Shift (on AZERTY, Shift for
digits too, and AltGr for ``@ # { [ | \\ ^ ] }``). A person takes 60 ms or more per key.

``ScanCatcher`` (an event filter on the application) holds back every *printable* key
pressed in its scope for ``SCAN_GAP_MS``. Keys that type nothing (Shift, AltGr, Ctrl,
Caps Lock, Num Lock, dead keys...) pass straight through and neither break nor time a
burst: only the printable characters count. When the next printable key comes within the
gap it belongs to the burst; a burst of at least ``MIN_SCAN_LENGTH`` characters ended by
Enter is a scan: ``scanned(code)`` is emitted and nothing is typed into the focused widget.

When the gap passes with no further key, the held keys were typed by a person: they are
offered to ``human(text, receiver)`` (a screen's command key, such as the desk's ``*``),
else replayed, in order, to the widget they were meant for (a person never notices 50 ms).
A fast burst that never got its Enter in time (a scanner set up without Enter, or a slow
Enter) goes to ``unfinished(text, receiver)`` first, so a screen can put it in its scan
field rather than wherever the focus was.

Usage::

    catcher = ScanCatcher(screen, whole_window=False)  # active while ``screen`` shows
    catcher.scanned.connect(screen.take_scan)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

#: Longest pause between two printable characters of one scanner burst. Scanners type a
#: character every few milliseconds (with Shift around capitals, a few more); people, even
#: fast typists, take 60 ms or more between most keys.
SCAN_GAP_MS = 50
#: Shortest burst taken for a scan (barcodes are longer; two fast keys are a person).
MIN_SCAN_LENGTH = 3
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

#: Keys that type nothing by themselves: they never split nor time a burst.
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
        Qt.Key.Key_Mode_switch,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_unknown,  # ISO_Level5_Shift and other unmapped modifiers
    }
)
_DEAD_KEYS = (0x01001250, 0x01001293)  # Qt.Key.Key_Dead_Grave ... Key_Dead_Longsolidusoverlay


def is_modifier(key: int) -> bool:
    """A key that types nothing by itself (Shift, AltGr, Caps Lock, a dead key...)."""
    return key in MODIFIER_KEYS or _DEAD_KEYS[0] <= int(key) <= _DEAD_KEYS[1]


def is_command(modifiers: Qt.KeyboardModifier) -> bool:
    """Ctrl+key, Alt+key or Meta+key is a command; Ctrl+Alt together is AltGr (Windows)."""
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    return bool(modifiers & Qt.KeyboardModifier.MetaModifier) or ctrl != alt


def is_text_input(widget: object) -> bool:
    """A line edit or a spin box (or the line edit inside a spin box)."""
    return isinstance(widget, QLineEdit | QAbstractSpinBox) or (
        isinstance(widget, QWidget) and isinstance(widget.parentWidget(), QAbstractSpinBox)
    )


#: The dynamic property that marks a free-text field (a note): no scan is meant there.
FREE_TEXT = "regieFreeText"


def mark_free_text(widget: QWidget) -> None:
    """Leave every key typed in ``widget`` to it, however fast: a note pasted or typed by a
    fast typist is not a scanner burst (``ScanCatcher`` never holds that widget's keys)."""
    widget.setProperty(FREE_TEXT, True)


def is_free_text(obj: object) -> bool:
    """``obj`` is a free-text field, or inside one (a spin box's line edit...)."""
    widget = obj if isinstance(obj, QWidget) else None
    while widget is not None:
        if widget.property(FREE_TEXT):
            return True
        widget = widget.parentWidget()
    return False


@dataclass
class _Held:
    receiver: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScanCatcher(QObject):
    """Recognises scanner bursts among the key presses of ``scope`` (see the module's
    docstring) and emits ``scanned(code)``. ``whole_window``: every key of the scope's
    window counts (a kiosk); else only keys pressed in ``scope`` and its children. It is
    active while ``scope`` is visible (``install``/``uninstall`` are also public)."""

    scanned = Signal(str)

    def __init__(
        self,
        scope: QWidget,
        human: Callable[[str, QObject], bool] | None = None,
        *,
        whole_window: bool = True,
        unfinished: Callable[[str, QObject], bool] | None = None,
    ) -> None:
        super().__init__(scope)
        self.scope = scope
        self.human = human
        self.unfinished = unfinished
        self.whole_window = whole_window
        self.now: Callable[[], float] = time.monotonic
        self.held: list[_Held] = []
        self.last = 0.0
        self.installed = False
        #: False: keys pass untouched (a screen that takes scans only in some mode).
        self.active = True
        self._replaying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(SCAN_GAP_MS)
        self.timer.timeout.connect(self.flush)
        scope.installEventFilter(self)  # Show / Hide of the scope
        if scope.isVisible():
            self.install()

    def install(self) -> None:
        if not self.installed:
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            self.installed = True

    def uninstall(self) -> None:
        if self.installed:
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            self.installed = False
        self.flush()

    def _in_scope(self, obj: QObject) -> bool:
        if not isinstance(obj, QWidget) or not self.scope.isVisible():
            return False
        if self.whole_window:
            return obj.window() is self.scope.window()
        return obj is self.scope or self.scope.isAncestorOf(obj)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if obj is self.scope and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            if kind == QEvent.Type.Show:
                self.install()
            else:
                self.uninstall()
            return False
        if (
            kind != QEvent.Type.KeyPress
            or not self.active
            or self._replaying
            or not self._in_scope(obj)
        ):
            return False
        assert isinstance(event, QKeyEvent)
        if is_free_text(obj):  # a note: its keys are the person's, even fast ones
            if self.held:
                self.flush()
            return False
        key = event.key()
        if is_modifier(key) and not event.text().strip():
            return False  # Shift, AltGr...: typed nothing, the burst goes on
        now = self.now()
        fast = bool(self.held) and (now - self.last) * 1000 <= SCAN_GAP_MS
        if self.held and not fast:
            self.flush()  # the timer could not fire (the GUI was busy): a person's keys
        if key in ENTER_KEYS:
            if fast and len(self.held) >= MIN_SCAN_LENGTH:
                code = "".join(h.text for h in self.held)
                self.held.clear()
                self.timer.stop()
                self.scanned.emit(code)
                return True
            self.flush()
            return False
        text = event.text()
        printable = (
            len(text) == 1
            and text.isprintable()
            and not is_command(event.modifiers())
            and not event.isAutoRepeat()
        )
        if not printable:
            self.flush()
            return False
        self.held.append(_Held(obj, key, event.modifiers(), text))
        self.last = now
        self.timer.start()
        return True

    def flush(self) -> None:
        """The held keys were not a scan: give them to the screen or to their widgets. The
        held keys always came within the gap of each other (a slower key flushes first)."""
        self.timer.stop()
        held, self.held = self.held, []
        if not held:
            return
        text = "".join(h.text for h in held)
        receiver = held[0].receiver
        if (
            self.unfinished is not None
            and len(held) >= MIN_SCAN_LENGTH
            and self.unfinished(text, receiver)
        ):
            return
        if self.human is not None and self.human(text, receiver):
            return
        self._replaying = True
        try:
            for h in held:
                try:
                    event = QKeyEvent(QEvent.Type.KeyPress, h.key, h.modifiers, h.text)
                    QCoreApplication.sendEvent(h.receiver, event)
                except RuntimeError:  # the widget went away meanwhile
                    continue
        finally:
            self._replaying = False
