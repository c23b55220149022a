"""The scanner catcher fed the exact key events USB scanners send: Shift around capitals,
Shift for digits and AltGr on AZERTY, Caps Lock and dead keys in between — a burst is told
from a person by the timing of its printable characters only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.gui.shell.scanner import MIN_SCAN_LENGTH, SCAN_GAP_MS, ScanCatcher, is_command, is_modifier
from tests.gui.scanner_keys import Stroke, azerty, plain, qwerty, shifted

K = Qt.Key
M = Qt.KeyboardModifier
ALTGR = M.GroupSwitchModifier
PRESS, RELEASE = QEvent.Type.KeyPress, QEvent.Type.KeyRelease


class Bench:
    """A window with a field, and a catcher on a clock the test moves."""

    def __init__(self, qtbot, *, whole_window: bool = True) -> None:  # type: ignore[no-untyped-def]
        self.window = QWidget()
        self.field = QLineEdit(self.window)
        self.other = QLineEdit(self.window)
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.field)
        layout.addWidget(self.other)
        qtbot.addWidget(self.window)
        self.scope = self.window if whole_window else self.field
        self.scans: list[str] = []
        self.unfinished: list[str] = []
        self.catcher = ScanCatcher(
            self.scope, whole_window=whole_window, unfinished=self._unfinished
        )
        self.catcher.scanned.connect(self.scans.append)
        self.clock = 100.0
        self.catcher.now = lambda: self.clock
        self.window.show()
        qtbot.waitExposed(self.window)

    def _unfinished(self, text: str, receiver: QObject) -> bool:
        self.unfinished.append(text)
        return True

    def send(
        self, widget: QWidget, strokes: Iterator[Stroke], gap_ms: float, enter: bool = True
    ) -> None:
        for stroke in strokes:
            for kind, key, modifiers, text in stroke:
                QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))
                self.clock += gap_ms / 1000 / len(stroke)  # modifiers spread over the gap
        if enter:
            for kind in (PRESS, RELEASE):
                QCoreApplication.sendEvent(
                    widget, QKeyEvent(kind, K.Key_Return, M.NoModifier, "\r")
                )
        self.clock += 1
        self.catcher.flush()


@pytest.fixture
def bench(qtbot) -> Bench:  # type: ignore[no-untyped-def]
    return Bench(qtbot)


def test_capitals_with_shift_on_qwerty_are_one_scan(bench: Bench) -> None:
    bench.field.setFocus()
    bench.send(bench.field, qwerty("LUM-00021"), gap_ms=SCAN_GAP_MS - 10)
    assert bench.scans == ["LUM-00021"]
    assert bench.field.text() == ""  # nothing left behind in the field


def test_shift_for_digits_and_altgr_on_azerty_are_one_scan(bench: Bench) -> None:
    bench.send(bench.other, azerty("LUM-00021"), gap_ms=SCAN_GAP_MS - 10)
    bench.send(bench.other, azerty("A@B-12"), gap_ms=SCAN_GAP_MS - 10)
    assert bench.scans == ["LUM-00021", "A@B-12"] and bench.other.text() == ""


def test_a_us_scanner_on_an_azerty_pc_sends_accented_characters(bench: Bench) -> None:
    strokes = [plain(c) if not c.isupper() and c != "?" else shifted(c) for c in "LU?)àààé&"]
    bench.send(bench.field, iter(strokes), gap_ms=5)
    assert bench.scans == ["LU?)àààé&"]


def test_caps_lock_dead_keys_and_windows_altgr_do_not_split_a_burst(bench: Bench) -> None:
    caps = [(PRESS, K.Key_CapsLock, M.NoModifier, ""), (RELEASE, K.Key_CapsLock, M.NoModifier, "")]
    dead = [(PRESS, K.Key_Dead_Circumflex, M.NoModifier, "")]
    windows_at = [(PRESS, K.Key_At, M.ControlModifier | M.AltModifier, "@")]  # AltGr on Windows
    strokes = [plain("a"), caps, plain("b"), dead, windows_at, plain("1")]
    bench.send(bench.field, iter(strokes), gap_ms=5)
    assert bench.scans == ["ab@1"]


def test_a_person_typing_between_shifts_is_not_a_scan(bench: Bench) -> None:
    bench.field.setFocus()
    bench.send(bench.field, qwerty("LUM-1"), gap_ms=SCAN_GAP_MS + 20)
    assert bench.scans == [] and bench.field.text() == "LUM-1"


def test_modifiers_alone_do_not_keep_a_burst_alive(bench: Bench) -> None:
    """Shift presses a person makes between slow keys are no burst either."""
    strokes = [plain("a"), [(PRESS, K.Key_Shift, M.NoModifier, "")] * 5, plain("b"), plain("c")]
    bench.send(bench.field, iter(strokes), gap_ms=3 * SCAN_GAP_MS)
    assert bench.scans == [] and bench.field.text() == "abc"


def test_commands_are_never_held(bench: Bench) -> None:
    bench.field.setText("keep")
    bench.field.setFocus()
    undo = [(PRESS, K.Key_A, M.ControlModifier, "\x01")]
    bench.send(bench.field, iter([plain("x"), undo]), gap_ms=5, enter=False)
    assert bench.scans == [] and bench.unfinished == []
    assert bench.field.selectedText() == "keepx"  # Ctrl+A reached the field after the x


def test_a_burst_without_enter_is_offered_as_unfinished(bench: Bench) -> None:
    bench.send(bench.other, qwerty("CAB-1"), gap_ms=5, enter=False)
    assert bench.scans == [] and bench.unfinished == ["CAB-1"] and bench.other.text() == ""
    bench.send(bench.other, qwerty("AB"[: MIN_SCAN_LENGTH - 1]), gap_ms=5, enter=False)
    assert bench.other.text() == "AB"[: MIN_SCAN_LENGTH - 1]  # too short: a person


def test_a_field_scope_leaves_the_rest_of_the_window_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    bench = Bench(qtbot, whole_window=False)
    bench.send(bench.other, qwerty("LUM-00021"), gap_ms=5)
    assert bench.scans == [] and bench.other.text() == "LUM-00021"
    bench.send(bench.field, qwerty("LUM-00021"), gap_ms=5)
    assert bench.scans == ["LUM-00021"]


def test_the_catcher_follows_its_scope_being_shown_and_hidden(bench: Bench) -> None:
    assert bench.catcher.installed
    bench.window.hide()
    assert not bench.catcher.installed
    bench.window.show()
    assert bench.catcher.installed


def test_key_classification() -> None:
    assert is_modifier(K.Key_Shift) and is_modifier(K.Key_AltGr) and is_modifier(K.Key_CapsLock)
    assert is_modifier(K.Key_Dead_Circumflex) and not is_modifier(K.Key_A)
    assert is_command(M.ControlModifier) and is_command(M.AltModifier)
    assert not is_command(M.ControlModifier | M.AltModifier)  # AltGr on Windows
    assert not is_command(M.ShiftModifier | M.GroupSwitchModifier)
