"""A laptop's screen (1366 x 768) and a French keyboard: every area and dialog fits the
screen's available geometry and comes back where it was left, clamped to the screen; the
area shortcuts read the key marked with the digit on AZERTY as on QWERTY."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.gui.bookings.customers_screen import CustomerDialog
from app.gui.shell import geometry
from app.gui.shell.identity_dialog import IdentityDialog
from app.gui.shell.keys import digit_of
from app.gui.shell.main import AREAS, MainWindow, build_main_window
from app.gui.shell.operations import Operations
from app.gui.shell.settings_dialog import SettingsDialog
from app.gui.shell.widgets import ErrorListDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LAPTOP = QSize(1366, 768)


@pytest.fixture
def keeper(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """The geometry keeper installed, saving into a file of this test's own."""
    path = tmp_path / "regie.ini"
    monkeypatch.setattr(
        geometry, "settings", lambda: QSettings(str(path), QSettings.Format.IniFormat)
    )
    geometry.install(qapp)
    yield path
    geometry.uninstall()


@pytest.fixture
def window(qtbot, ops: Operations, stock: dict[str, str], keeper: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    return win


def available() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def fits(widget: QWidget) -> bool:
    return available().contains(widget.frameGeometry())


def test_no_area_asks_for_more_than_a_laptop(window: MainWindow) -> None:
    assert fits(window)
    too_big = {}
    for area in AREAS:
        window.show_area(area.key)
        QApplication.processEvents()
        needed = window.minimumSizeHint()
        if needed.width() > LAPTOP.width() or needed.height() > LAPTOP.height():
            too_big[area.key] = needed.toTuple()
    assert too_big == {}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_on_a_laptop_screen_every_area_and_dialog_fits(
    db_path: Path, tmp_path: Path, language: str
) -> None:
    """A process of its own whose (offscreen) screen is 1366 x 768."""
    screen = tmp_path / "laptop.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    probe = Path(__file__).with_name("laptop_probe.py")
    done = subprocess.run(
        [sys.executable, str(probe), str(db_path), language],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    frames = json.loads(done.stdout.strip().splitlines()[-1])
    assert len([k for k in frames if k.startswith("area:")]) == len(AREAS)
    laptop = QRect(0, 0, 1366, 768)
    outside = {k: v for k, v in frames.items() if not laptop.contains(QRect(*v))}
    assert outside == {}


def _dialogs(window: MainWindow, stock: dict[str, str]) -> Iterator[QDialog]:
    inventory = window.screen("inventory")
    window.show_area("inventory")
    inventory.search_box.setText(stock["wash1"])  # type: ignore[attr-defined]
    inventory.units_view.selectRow(0)  # type: ignore[attr-defined]
    for name in (
        "new_type",
        "edit_type",
        "new_unit",
        "edit_unit",
        "change_status",
        "log_inspection",
        "log_repair",
        "manage_schedules",
    ):
        getattr(inventory, name)()
        yield inventory.dialog  # type: ignore[attr-defined]
    yield SettingsDialog(window.ops, window, {})
    yield IdentityDialog(window.ops, window, {})
    yield CustomerDialog(window.ops, window)
    from app.core.errors import DomainError

    yield ErrorListDialog("Régie", DomainError("Something {x}.", x="wrong"), window)


def test_every_dialog_fits_the_screen(window: MainWindow, stock: dict[str, str]) -> None:
    wrong = {}
    for dialog in _dialogs(window, stock):
        dialog.show()
        QApplication.processEvents()
        needed = dialog.minimumSizeHint()
        if not fits(dialog) or needed.width() > LAPTOP.width() or needed.height() > 700:
            wrong[type(dialog).__name__] = (dialog.frameGeometry(), needed)
        dialog.reject()
        dialog.deleteLater()
    assert wrong == {}


def test_a_long_form_scrolls_instead_of_growing(window: MainWindow, stock: dict[str, str]) -> None:
    window.screen("inventory").new_type()  # type: ignore[attr-defined]
    dialog = window.screen("inventory").dialog  # type: ignore[attr-defined]
    dialog.show()
    limit = int(available().height() * dialog.scroll_area.SHARE)
    assert dialog.scroll_area.sizeHint().height() <= limit
    assert dialog.scroll_area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    dialog.reject()


def test_a_window_comes_back_where_it_was_left(qtbot, keeper: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    dialog.setObjectName("Probe")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.setGeometry(40, 50, 420, 300)
    dialog.hide()
    assert "geometry" in QSettings(str(keeper), QSettings.Format.IniFormat).childGroups()
    again = QDialog()
    again.setObjectName("Probe")
    qtbot.addWidget(again)
    again.show()
    assert again.geometry() == QRect(40, 50, 420, 300)


def test_a_window_saved_on_a_big_monitor_opens_on_this_screen(qtbot, keeper: Path) -> None:  # type: ignore[no-untyped-def]
    geometry.write("Probe", QRect(2900, 1500, 1900, 1150), False)  # off-screen, too big
    dialog = QDialog()
    dialog.setObjectName("Probe")
    qtbot.addWidget(dialog)
    dialog.show()
    screen, frame = available(), dialog.frameGeometry()
    assert screen.contains(frame)
    assert frame.width() == screen.width() and frame.height() == screen.height()


def test_clamping_keeps_the_size_that_fits_and_moves_inside() -> None:
    screen = QRect(0, 0, 1366, 740)  # 1366x768 less a 28-pixel panel
    assert geometry.clamp(QRect(1200, 600, 500, 400), screen) == QRect(866, 340, 500, 400)
    assert geometry.clamp(QRect(-300, -50, 1280, 800), screen) == QRect(0, 0, 1280, 740)
    assert geometry.clamp(QRect(100, 100, 200, 100), screen, QSize(300, 150)) == QRect(
        100, 100, 300, 150
    )


def test_the_desk_kiosk_in_full_screen_is_left_alone(qtbot, keeper: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow

    kiosk = QMainWindow()
    qtbot.addWidget(kiosk)
    kiosk.showFullScreen()
    kiosk.close()
    assert geometry.read("QMainWindow") is None


# --- keys --------------------------------------------------------------------------------

#: The French AZERTY top row: what the keys marked 1..9, 0 type without Shift.
AZERTY = {
    "1": Qt.Key.Key_Ampersand,
    "2": Qt.Key.Key_Eacute,
    "3": Qt.Key.Key_QuoteDbl,
    "4": Qt.Key.Key_Apostrophe,
    "5": Qt.Key.Key_ParenLeft,
    "6": Qt.Key.Key_Minus,
    "7": Qt.Key.Key_Egrave,
    "8": Qt.Key.Key_Underscore,
    "9": Qt.Key.Key_Ccedilla,
    "0": Qt.Key.Key_Agrave,
}
X11_CODE = {digit: code for code, digit in zip(range(10, 20), "1234567890", strict=True)}


def press(window: MainWindow, digit: str, shift: bool = False) -> None:
    """Ctrl[+Shift] and the key marked ``digit`` on an AZERTY keyboard, as X11 sends it:
    the key types its unshifted character, or the digit with Shift."""
    key = getattr(Qt.Key, f"Key_{digit}") if shift else AZERTY[digit]
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    target = QApplication.focusWidget() or window
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, X11_CODE[digit], 0, 0))


def test_digit_row_codes() -> None:
    assert digit_of(10, "xcb") == "1" and digit_of(19, "xcb") == "0"
    assert digit_of(2, "windows") == "1" and digit_of(0, "xcb") is None
    assert digit_of(10, "cocoa") is None


def test_area_shortcuts_follow_the_key_marked_with_the_digit_on_azerty(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    reached = {}
    for area in AREAS:
        window.show_area("dashboard")
        parts = area.shortcut.split("+")
        digit, shift = parts[-1], "Shift" in parts
        press(window, digit, shift)
        reached[area.shortcut] = window.current_area()
    assert reached == {area.shortcut: area.key for area in AREAS}


def test_the_azerty_6_key_goes_to_the_calendar_from_every_area(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """AZERTY's 6 key types "-": Ctrl+(key 6) is still Ctrl+6 in the Planning (whose menu
    zooms out on Ctrl+-) and the Invoices (whose PDF preview does)."""
    window.activateWindow()
    qtbot.waitActive(window)
    reached = {}
    for area in AREAS:
        window.show_area(area.key)
        QApplication.processEvents()
        press_as_x11(window, "6")
        reached[area.key] = window.current_area()
    assert reached == {area.key: "calendar" for area in AREAS}


def press_as_x11(window: MainWindow, digit: str) -> None:
    """Ctrl and the AZERTY key marked ``digit`` as the X11 plugin delivers it: the
    ShortcutOverride (with the native scan code) first; when someone claims it, Qt skips
    its shortcut map and hands the spontaneous KeyPress to the application's filters. (A
    synthetic KeyPress would run the shortcut map again, from an override without the
    scan code, so it is given to the filters here.)"""
    target = QApplication.focusWidget() or window
    modifiers = Qt.KeyboardModifier.ControlModifier
    override = QKeyEvent(
        QEvent.Type.ShortcutOverride, AZERTY[digit], modifiers, X11_CODE[digit], 0, 0
    )
    override.ignore()
    QApplication.sendEvent(target, override)
    if override.isAccepted():
        keypress = QKeyEvent(QEvent.Type.KeyPress, AZERTY[digit], modifiers, X11_CODE[digit], 0, 0)
        window.digit_keys.eventFilter(target, keypress)


def test_ctrl_minus_and_ctrl_numpad_minus_still_zoom_the_timeline(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_area("timeline")
    timeline = window.screen("timeline")
    timeline.setFocus()
    zooms = []
    timeline.zoom_out_action.triggered.connect(lambda: zooms.append(1))  # type: ignore[attr-defined]
    target = QApplication.focusWidget() or window
    ctrl = Qt.KeyboardModifier.ControlModifier
    keypad = ctrl | Qt.KeyboardModifier.KeypadModifier
    # QWERTY's minus key (X11 code 20) and the numpad's (82): not a digit key, so zooms
    for code, modifiers in ((20, ctrl), (82, keypad)):
        for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_Minus, modifiers, code, 0, 0))
        QApplication.processEvents()
    assert window.current_area() == "timeline"
    assert len(zooms) == 2


def test_menus_show_the_area_shortcuts(window: MainWindow) -> None:
    shown = {a.text(): a.shortcut().toString() for a in window.view_menu.actions()}
    assert all(shown.values())
    assert len(set(shown.values())) == len(AREAS)


@pytest.mark.parametrize("factor", ["1.5", "2"])
def test_a_fractional_scale_is_kept_not_rounded(factor: str, tmp_path: Path) -> None:
    """At 150 % Qt draws at 1.5 (not rounded to 2): the GUI process's first QApplication
    is made with the PassThrough rounding policy."""
    script = (
        "from PySide6.QtGui import QGuiApplication\n"
        "from app.gui.shell.launch import gui_application\n"
        "app = gui_application()\n"
        "policy = QGuiApplication.highDpiScaleFactorRoundingPolicy().name\n"
        "print(policy, QGuiApplication.primaryScreen().devicePixelRatio())\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": factor,
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    policy, ratio = done.stdout.split()
    assert policy == "PassThrough" and float(ratio) == float(factor)
