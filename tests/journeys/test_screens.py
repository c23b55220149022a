"""Every main area and the main dialogs, opened with the keyboard in the installed `regie` on
a 1366x768 screen: each is screenshotted (build/journeys/<test>/, for people to look at) and
its window must fit the screen.

A problem in one area does not hide the others: every misfit or dialog that did not open is
collected, and the test fails at the end listing them all.
"""

from __future__ import annotations

import contextlib
import re

import pytest

from tests.journeys.driver import JourneyError, Regie

pytestmark = pytest.mark.journey

DIALOG_DEADLINE = 30  # a dialog opens in a second or two; a missing one costs this

XDOTOOL_KEYS = {
    "ctrl": "ctrl",
    "shift": "shift",
    "alt": "alt",
    "meta": "super",
    ",": "comma",
    ".": "period",
    "del": "Delete",
    "esc": "Escape",
    "return": "Return",
    "enter": "Return",
    "ins": "Insert",
}


def xdotool_keys(shortcut: str) -> str:
    """`Ctrl+Shift+1` → `ctrl+shift+1`, `Ctrl+,` → `ctrl+comma`, `F5` → `F5`."""
    parts = re.split(r"\+(?!$)", shortcut)
    keys = []
    for part in parts:
        low = part.lower()
        if low in XDOTOOL_KEYS:
            keys.append(XDOTOOL_KEYS[low])
        elif re.fullmatch(r"f\d+", low):
            keys.append(part.upper())
        else:
            keys.append(low)
    return "+".join(keys)


def areas() -> list[tuple[str, str]]:
    """(key, shortcut) of each area, as the main window declares them."""
    from app.gui.shell.main import AREAS

    found = []
    for area in AREAS:
        shortcut = area.shortcut
        if isinstance(shortcut, list | tuple):
            shortcut = shortcut[0]
        found.append((area.key, str(shortcut)))
    return found


class Tour:
    def __init__(self, regie: Regie, window: str) -> None:
        self.regie = regie
        self.window = window
        self.problems: list[str] = []

    def fits(self, window: str, what: str) -> None:
        geometry = self.regie.geometry(window)
        if not geometry.fits():
            self.problems.append(
                f"{what}: {self.regie.title(window)!r} is {geometry}, beyond 1366x768"
            )

    def area(self, key: str, shortcut: str) -> None:
        display = self.regie.display
        self.regie.focus(self.window)
        before = display.picture()
        self.regie.key(xdotool_keys(shortcut))
        try:
            display.wait_settled(before, f"the {key} area ({shortcut})", timeout=DIALOG_DEADLINE)
        except JourneyError as err:
            self.problems.append(f"area {key} ({shortcut}): the screen did not change: {err}")
        self.regie.screenshot(f"area-{key}")
        self.fits(self.window, f"area {key}")

    def dialog(self, name: str, *keys: str, close: tuple[str, ...] = ("Escape",)) -> None:
        """Press ``keys`` in the main window; a new window must appear, fit, and close."""
        self.regie.focus(self.window)
        before = set(self.regie.windows())
        self.regie.key(*keys)
        try:
            opened = self.regie.wait_window_not_in(before, timeout=DIALOG_DEADLINE)
        except JourneyError as err:
            self.problems.append(f"dialog {name} ({' '.join(keys)}) did not open: {err}")
            self.regie.screenshot(f"dialog-{name}-missing")
            return
        # let it draw its content
        display = self.regie.display
        with contextlib.suppress(JourneyError):
            display.wait_settled(b"", f"the {name} dialog to draw", timeout=DIALOG_DEADLINE)
        self.regie.screenshot(f"dialog-{name}")
        self.fits(opened, f"dialog {name}")
        self.regie.focus(opened)
        self.regie.key(*close)
        try:
            self.regie.wait_gone(opened, timeout=DIALOG_DEADLINE)
        except JourneyError as err:
            self.problems.append(f"dialog {name} did not close with {close}: {err}")


def test_every_area_and_dialog_fits_a_laptop_screen(regie: Regie) -> None:
    regie.start()
    window = regie.wait_window("Régie")
    regie.focus(window)
    tour = Tour(regie, window)
    regie.screenshot("main-window")
    tour.fits(window, "the main window")

    # the first area is already shown: visit it last, so each shortcut changes the screen
    tour_areas = areas()
    for key, shortcut in [*tour_areas[1:], tour_areas[0]]:
        tour.area(key, shortcut)

    shortcuts = dict(areas())
    # dialogs of the main window and of the areas (each area's own keys)
    # (each list shows its first row selected: the "edit/open" keys act on it)
    tour.dialog("settings", "ctrl+comma")
    tour.dialog("import-catalogue", "ctrl+shift+o")
    tour.area("inventory", shortcuts["inventory"])
    tour.dialog("new-item-type", "ctrl+n")
    tour.dialog("edit-item-type", "ctrl+e")
    tour.area("customers", shortcuts["customers"])
    tour.dialog("new-customer", "ctrl+n")
    tour.dialog("edit-customer", "ctrl+e")
    tour.area("bookings", shortcuts["bookings"])
    tour.dialog("new-booking", "ctrl+n")
    tour.dialog("open-booking", "ctrl+o")
    tour.area("invoices", shortcuts["invoices"])
    tour.dialog("monthly-statements", "ctrl+shift+m")
    tour.dialog("record-payment", "ctrl+r")
    tour.dialog("print-invoice", "ctrl+p")

    assert not regie._dead(), regie.stderr()
    assert not tour.problems, "\n".join(tour.problems)
