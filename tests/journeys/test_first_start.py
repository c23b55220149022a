"""A new user's first start, from the outside: the installed `regie` with fresh XDG
directories (no REGIE_DB) on the journey display. A window shows at once and says what is
being prepared; the main window replaces it once the demo cooperative is in the database,
which the CLI then reads. A first start killed mid-build (SIGKILL) leaves no database; the
next start (`regie desk`, full screen) builds a complete one. No step asserts a duration."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import site
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
        lambda: fresh.window(regie, "Velay"),  # the demo cooperative's name in the title
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
    assert not fresh.database.with_name("regie.db.building").exists()


def test_a_killed_first_start_is_built_again_by_the_next(fresh: FirstStart) -> None:
    regie = fresh.start()
    partial = fresh.database.with_name("regie.db.building")
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
    preparing = wait_for(
        lambda: fresh.window(desk, "Preparing the demo"),
        "the first-start window of regie desk",
        timeout=WINDOW_DEADLINE,
        alive=lambda: fresh.dead(desk),
    )
    _fits_the_screen(fresh, preparing)
    kiosk = wait_for(
        lambda: fresh.window(desk, "Desk"),
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
