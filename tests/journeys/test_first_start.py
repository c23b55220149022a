"""A new user's first start, from the outside: the installed `regie` with fresh XDG
directories (no REGIE_DB) on the journey display. A window shows at once and asks: explore
the demo cooperative, or set up mine. The demo: the window says what is being prepared; the
main window (titled DÉMO) replaces it once the demo cooperative is in demo.db, which the CLI
then reads. A first start killed mid-build (SIGKILL) leaves no database; the next start
(`regie desk`, full screen) asks again and builds a complete one. Setting up one's own
cooperative (test_setting_up_my_cooperative): the assistant typed on a French keyboard, a
wrong SIRET refused as it is typed, then Create: regie.db holds the cooperative, read back
with the CLI and sqlite3. No step asserts a duration."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import site
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.journeys.driver import (
    CLI_DEADLINE,
    SCREEN_H,
    SCREEN_W,
    SHOTS,
    Display,
    _geometry,
    regie_executable,
    wait_for,
)

pytestmark = pytest.mark.journey

#: a whole demo build on a busy 2-core machine
BUILD_DEADLINE = 600
WINDOW_DEADLINE = 90


class FirstStart:
    """`regie` processes sharing one fresh user's home; killed at teardown."""

    def __init__(self, display: Display, home: Path, shots: Path) -> None:
        self.display = display
        self.home = home
        self.shots = shots
        self.processes: list[subprocess.Popen[bytes]] = []

    @property
    def database(self) -> Path:
        """The demo's file (a fresh computer's first choice builds it)."""
        return self.home / "data" / "regie" / "demo.db"

    @property
    def own(self) -> Path:
        """The cooperative's own file (the assistant creates it)."""
        return self.home / "data" / "regie" / "regie.db"

    def env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "HOME": str(self.home),
            "PYTHONUSERBASE": site.getuserbase(),
            "DISPLAY": self.display.name,
            "QT_QPA_PLATFORM": "xcb",
            "REGIE_LANG": "en",
            "XDG_DATA_HOME": str(self.home / "data"),
            "XDG_CACHE_HOME": str(self.home / "cache"),
            "XDG_CONFIG_HOME": str(self.home / "config"),
        }
        env.pop("REGIE_DB", None)
        env.pop("QT_QPA_PLATFORMTHEME", None)
        return env

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        self.home.mkdir(parents=True, exist_ok=True)
        log = open(self.home / f"regie-{len(self.processes) + 1}.log", "wb")  # noqa: SIM115
        with log:
            process = subprocess.Popen(
                [regie_executable(), *args],
                env=self.env(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append(process)
        return process

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [regie_executable(), *args],
            env={**self.env(), "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=CLI_DEADLINE + BUILD_DEADLINE,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        return done.stdout

    def window(self, process: subprocess.Popen[bytes], title: str) -> str | None:
        out = self.display.run(
            "xdotool",
            "search",
            "--all",
            "--onlyvisible",
            "--pid",
            str(process.pid),
            "--name",
            title,
            check=False,
        )
        for window in out.split():
            geometry = _geometry(self.display, window)
            if geometry and geometry.width > 1 and geometry.height > 1:
                return window
        return None

    def dead(self, process: subprocess.Popen[bytes]) -> str | None:
        if process.poll() is None:
            return None
        logs = sorted(self.home.glob("regie-*.log"))
        return f"regie exited ({process.returncode}): " + (
            logs[-1].read_text(errors="replace")[-2000:] if logs else ""
        )

    def screenshot(self, name: str) -> Path:
        return self.display.screenshot(self.shots / f"{name}.png")

    def type(self, text: str) -> None:
        self.display.run("xdotool", "type", "--delay", "60", "--", text)

    def key(self, *keys: str) -> None:
        self.display.run("xdotool", "key", "--delay", "120", *keys)

    def choose_demo(self, process: subprocess.Popen[bytes]) -> None:
        """The welcome window's first choice: explore the demo."""
        welcome = wait_for(
            lambda: self.window(process, "Welcome to Régie"),
            "the welcome window",
            timeout=WINDOW_DEADLINE,
            alive=lambda: self.dead(process),
        )
        _fits_the_screen(self, welcome)
        self.display.run("xdotool", "windowfocus", welcome, check=False)
        self.key("alt+e")

    def builders(self) -> list[int]:
        """Processes still building this user's demo (`python -m app.first_start`)."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes()
                state = (entry / "status").read_text()
            except OSError:
                continue
            if str(self.database).encode() in command and "\nState:\tZ" not in state:
                found.append(int(entry.name))
        return found

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture
def fresh(request: pytest.FixtureRequest, display: Display, tmp_path: Path) -> Iterator[FirstStart]:
    user = FirstStart(display, tmp_path / "home", SHOTS / request.node.name)
    try:
        yield user
    finally:
        user.stop()


def _fits_the_screen(user: FirstStart, window: str) -> None:
    geometry = _geometry(user.display, window)
    assert geometry is not None and geometry.fits(), geometry


def test_the_first_start_shows_a_window_at_once_then_the_demo(fresh: FirstStart) -> None:
    regie = fresh.start()
    wait_for(
        lambda: fresh.window(regie, "Welcome to Régie"),
        "the welcome window",
        timeout=WINDOW_DEADLINE,
        alive=lambda: fresh.dead(regie),
    )
    fresh.screenshot("0-welcome")
    fresh.choose_demo(regie)
    preparing = wait_for(
        lambda: fresh.window(regie, "Preparing the demo"),
        "the first-start window",
        timeout=WINDOW_DEADLINE,
        alive=lambda: fresh.dead(regie),
    )
    _fits_the_screen(fresh, preparing)
    fresh.screenshot("1-preparing")
    assert not fresh.database.exists()  # nothing half-built looks finished
    main = wait_for(
        lambda: fresh.window(regie, "^DÉMO — .*Velay"),  # marked, with the demo's name
        "the main window on the demo database",
        timeout=BUILD_DEADLINE,
        alive=lambda: fresh.dead(regie),
    )
    _fits_the_screen(fresh, main)
    assert fresh.window(regie, "Preparing the demo") is None
    fresh.screenshot("2-main-window")
    bookings = json.loads(fresh.cli("bookings", "list", "--json"))
    invoices = json.loads(fresh.cli("invoices", "list", "--json"))
    assert len(bookings) > 100 and len(invoices) > 250
    assert not fresh.database.with_name("demo.db.building").exists()
    assert not fresh.own.exists()  # the demo never becomes the cooperative's own file


def test_a_killed_first_start_is_built_again_by_the_next(fresh: FirstStart) -> None:
    regie = fresh.start()
    fresh.choose_demo(regie)
    partial = fresh.database.with_name("demo.db.building")
    wait_for(
        lambda: partial.exists() and partial.stat().st_size > 0,
        "the demo being built",
        timeout=BUILD_DEADLINE,
        alive=lambda: fresh.dead(regie),
    )
    os.kill(regie.pid, signal.SIGKILL)  # the GUI only: its builder must notice and stop
    regie.wait()
    wait_for(lambda: not fresh.builders(), "the orphaned build to stop", timeout=60)
    assert not fresh.database.exists()
    desk = fresh.start("desk")
    fresh.choose_demo(desk)  # nothing to open yet: asked again, full screen
    preparing = wait_for(
        lambda: fresh.window(desk, "Preparing the demo"),
        "the first-start window of regie desk",
        timeout=WINDOW_DEADLINE,
        alive=lambda: fresh.dead(desk),
    )
    _fits_the_screen(fresh, preparing)
    kiosk = wait_for(
        lambda: fresh.window(desk, "^DÉMO — Desk"),
        "the desk on the demo database",
        timeout=BUILD_DEADLINE,
        alive=lambda: fresh.dead(desk),
    )
    geometry = _geometry(fresh.display, kiosk)
    assert geometry is not None
    assert (geometry.x, geometry.y, geometry.width, geometry.height) == (0, 0, SCREEN_W, SCREEN_H)
    fresh.screenshot("desk-after-restart")
    invoices = json.loads(fresh.cli("invoices", "list", "--json"))
    assert len(invoices) > 250
    assert not partial.exists()


def _typed(user: FirstStart, what: str, keys: list[str]) -> bytes:
    """Type (or press) and wait until the screen shows it; the picture after."""
    before = user.display.picture()
    for step in keys:
        if step.startswith("key:"):
            user.key(*step[4:].split())
        else:
            user.type(step)
    return user.display.wait_settled(before, what)


def test_setting_up_my_cooperative(fresh: FirstStart, french_keyboard: str) -> None:
    regie = fresh.start()
    welcome = wait_for(
        lambda: fresh.window(regie, "Welcome to Régie"),
        "the welcome window",
        timeout=WINDOW_DEADLINE,
        alive=lambda: fresh.dead(regie),
    )
    fresh.display.run("xdotool", "windowfocus", welcome, check=False)
    fresh.key("alt+s")
    assistant = wait_for(
        lambda: fresh.window(regie, "Set up my cooperative"),
        "the set-up assistant",
        timeout=WINDOW_DEADLINE,
        alive=lambda: fresh.dead(regie),
    )
    _fits_the_screen(fresh, assistant)
    fresh.display.run("xdotool", "windowfocus", assistant, check=False)
    fresh.type("Scène Ouverte Coopérative")
    fresh.key("Tab")
    fresh.type("SCIC SAS")  # completed from the list: "SCIC SAS à capital variable"
    fresh.key("Tab")
    fresh.type("18 500,00")
    fresh.key("Tab")
    fresh.type("8423175620001")
    # the last digit wrong: the sentence appears under the field as it is typed
    _typed(fresh, "the wrong SIRET's sentence", ["1"])
    fresh.screenshot("3-wrong-siret")
    # Next is disabled: Alt+N does not leave the page, what follows still goes to the SIRET
    fresh.key("alt+n")
    _typed(fresh, "the SIRET corrected", ["key:BackSpace", "0"])
    fresh.key("Tab", "Tab")  # SIREN (derived), RCS
    fresh.type("RCS Lyon 842 317 562")
    fresh.key("Tab")
    fresh.type("FR72842317562")
    fresh.screenshot("4-identity")
    _typed(fresh, "the address page", ["key:alt+n"])
    fresh.type("12 rue des Tanneurs")
    fresh.key("Tab")
    fresh.type("69001")
    fresh.key("Tab")
    fresh.type("Lyon")
    fresh.key("Tab")
    fresh.type("contact@scene-ouverte.example")
    fresh.key("Tab", "Tab")
    fresh.type("FR76 3000 6000 0112 3456 7890 189")
    fresh.screenshot("5-address")
    _typed(fresh, "the logo page", ["key:alt+n"])
    _typed(fresh, "the VAT page", ["key:alt+n"])
    _typed(fresh, "the numbering page", ["key:alt+n"])
    fresh.key("ctrl+a")
    fresh.type("FAC")
    fresh.screenshot("6-numbering")
    _typed(fresh, "the coefficients page", ["key:alt+n"])
    _typed(fresh, "the membership page", ["key:alt+n"])
    fresh.key("alt+s")  # a season: from September
    _typed(fresh, "the administrator page", ["key:alt+n"])
    fresh.key("ctrl+a")
    fresh.type("camille")
    fresh.key("Tab")
    fresh.type("Un mot de passe sûr")
    fresh.key("Tab")
    fresh.type("Un mot de passe sûr")
    _typed(fresh, "the summary", ["key:alt+n"])
    fresh.screenshot("7-summary")
    fresh.key("alt+r")  # Create
    main = wait_for(
        lambda: fresh.window(regie, "^Scène Ouverte Coopérative — Régie — camille"),
        "the main window on the new cooperative, logged in as its administrator",
        timeout=WINDOW_DEADLINE,
        alive=lambda: fresh.dead(regie),
    )
    _fits_the_screen(fresh, main)
    offer = wait_for(
        lambda: fresh.window(regie, "Your cooperative is set up"),
        "the offer to import data",
        timeout=WINDOW_DEADLINE,
        alive=lambda: fresh.dead(regie),
    )
    fresh.screenshot("8-set-up")
    fresh.display.run("xdotool", "windowfocus", offer, check=False)
    fresh.key("alt+l")  # later
    wait_for(
        lambda: fresh.window(regie, "Your cooperative is set up") is None,
        "the offer to close",
        alive=lambda: fresh.dead(regie),
    )
    assert fresh.window(regie, "DÉMO") is None and not fresh.database.exists()
    with contextlib.closing(sqlite3.connect(fresh.own)) as connection:
        stored = dict(connection.execute("SELECT key, value FROM setting").fetchall())
    assert stored["cooperative.name"] == "Scène Ouverte Coopérative"
    assert stored["cooperative.legal_form"].startswith("SCIC SAS")
    assert stored["cooperative.capital"] == "18500.00"
    assert stored["cooperative.siret"] == "84231756200010"
    assert stored["cooperative.siren"] == "842317562"
    assert stored["cooperative.vat"] == "FR72842317562"
    assert stored["cooperative.iban"] == "FR7630006000011234567890189"
    assert stored["cooperative.address"] == "12 rue des Tanneurs\n69001 Lyon"
    assert stored["database.kind"] == "own"
    assert stored["numbering.invoice_prefix"] == "FAC"
    assert stored["memberships.year_start"] == "09-01"
    accounts = json.loads(
        subprocess.run(
            [regie_executable(), "accounts", "list", "--json"],
            env={
                **fresh.env(),
                "QT_QPA_PLATFORM": "offscreen",
                "REGIE_USER": "camille",
                "REGIE_PASSWORD": "Un mot de passe sûr",
            },
            capture_output=True,
            text=True,
            timeout=CLI_DEADLINE,
            check=True,
        ).stdout
    )
    assert [(a["name"], a["role"]) for a in accounts] == [("camille", "admin")]
