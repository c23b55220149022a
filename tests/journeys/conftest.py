"""Journey fixtures: one Xvfb display (1366x768x24, no window manager) and one demo database
per session; per test a fresh copy of that database, fresh XDG directories and a ``Regie``
driver whose processes are always killed at teardown (their output is attached to failures).

The journeys run the INSTALLED ``regie`` console script in real processes. Outside CI they
skip when the X tools (or the printer, for printing journeys) are missing; with CI=true they
fail loudly instead (.ci/run installs everything).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.journeys.driver import (
    IN_CI,
    SHOTS,
    Display,
    Regie,
    default_printer,
    need_tools,
    regie_executable,
    skip_or_fail,
    start_display,
)

X_TOOLS = ("Xvfb", "xdotool", "xwininfo", "setxkbmap", "import")
_RUNNING: dict[str, Regie] = {}
_SHOT_FOLDERS: list[Path] = []


@pytest.fixture(scope="session")
def display() -> Iterator[Display]:
    missing = need_tools(*X_TOOLS)
    if missing:
        skip_or_fail(f"the journeys need {', '.join(missing)} (run .ci/run, or apt-get them)")
    server = start_display()
    try:
        yield server
    finally:
        server.stop()


def _cli(db: Path, home: Path, *args: str) -> str:
    env = {
        **os.environ,
        "REGIE_DB": str(db),
        "REGIE_LANG": "en",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    done = subprocess.run(
        [regie_executable(), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"regie {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


@dataclass(frozen=True)
class DemoBooking:
    """A confirmed booking picked up now, for a member, built in the session's demo: two
    units of a serialized type and a quantity of a bulk type, with the codes that fit."""

    reference: str
    customer: str
    serialized: str  # item type code
    units: tuple[str, ...]  # barcodes free to leave now
    bulk: str  # item type code
    bulk_barcode: str
    bulk_quantity: int


@dataclass(frozen=True)
class Demo:
    path: Path
    booking: DemoBooking
    member: str  # a member customer's number


SERIALIZED = ("LYRE-AURA-XB", "LYRE-SPIIDER", "PAR-LED-ZENIT", "PAR64-CP62", "MIC-SM58")
BULK = ("DMX5-10", "XLR-10", "XLR-5", "NL4-10")


def _free(db: Path, home: Path, code: str, start: str, end: str, need: int) -> bool:
    found = json.loads(_cli(db, home, "availability", code, "--from", start, "--to", end, "--json"))
    return int(found["available"]) >= need


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """``regie demo`` once per session, plus the journeys' booking (created with the CLI)."""
    root = tmp_path_factory.mktemp("journey-demo")
    home = root / "home"
    path = root / "demo.db"
    _cli(path, home, "demo")
    customers = json.loads(_cli(path, home, "customers", "list", "--json"))
    member = next(c["number"] for c in customers if c["member"])
    now = dt.datetime.now().replace(minute=0, second=0, microsecond=0)
    start, end = (
        now.isoformat(timespec="minutes"),
        (now + dt.timedelta(days=2)).isoformat(timespec="minutes"),
    )
    serialized = next(c for c in SERIALIZED if _free(path, home, c, start, end, 4))
    bulk = next(c for c in BULK if _free(path, home, c, start, end, 10))
    quantity = 4
    created = json.loads(
        _cli(
            path,
            home,
            "bookings",
            "create",
            "--customer",
            member,
            "--from",
            start,
            "--to",
            end,
            "--event",
            "Journey",
            "--line",
            f"{serialized}=2",
            "--line",
            f"{bulk}={quantity}",
            "--confirm",
            "--json",
        )
    )
    reference = created["ref"]
    items = {t["code"]: t for t in json.loads(_cli(path, home, "items", "list", "--json"))}
    candidates = [u["barcode"] for u in items[serialized]["units"] if u["status"] == "in_service"]
    # which units can leave now (not out elsewhere, no overdue inspection): ask the desk on
    # a scratch copy
    scratch = root / "scratch.db"
    shutil.copy(path, scratch)
    free: list[str] = []
    for barcode in candidates:
        out = subprocess.run(
            [regie_executable(), "scan", "out", reference, barcode, "--json"],
            env={
                **os.environ,
                "REGIE_DB": str(scratch),
                "REGIE_LANG": "en",
                "QT_QPA_PLATFORM": "offscreen",
            },
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        if lines and lines[0]["ok"]:
            free.append(barcode)
        if len(free) == 2:
            break
    assert len(free) == 2, f"no two units of {serialized} free to leave in the demo"
    return Demo(
        path=path,
        member=member,
        booking=DemoBooking(
            reference=reference,
            customer=member,
            serialized=serialized,
            units=tuple(free),
            bulk=bulk,
            bulk_barcode=items[bulk]["barcode"],
            bulk_quantity=quantity,
        ),
    )


@pytest.fixture
def regie(
    request: pytest.FixtureRequest, display: Display, demo: Demo, tmp_path: Path
) -> Iterator[Regie]:
    """A driver on a fresh copy of the demo database and fresh XDG directories; whatever it
    started is killed at teardown. Screenshots go to build/journeys/<test>/."""
    db = tmp_path / "regie.db"
    shutil.copy(demo.path, db)
    shots = SHOTS / request.node.name
    shutil.rmtree(shots, ignore_errors=True)
    driver = Regie(display=display, db=db, home=tmp_path / "home", shots=shots)
    _SHOT_FOLDERS.append(shots)
    _RUNNING[request.node.nodeid] = driver
    try:
        yield driver
    finally:
        _RUNNING.pop(request.node.nodeid, None)
        driver.stop()


@pytest.fixture
def french_keyboard(display: Display) -> Iterator[str]:
    """The X keyboard layout set to French AZERTY for the test, back to US afterwards."""
    display.set_layout("fr")
    try:
        assert display.layout() == "fr"
        yield "fr"
    finally:
        display.set_layout("us")


@pytest.fixture(scope="session")
def printer() -> str:
    """The default CUPS printer (the PDF printer in CI). Skips outside CI when none exists;
    in CI a missing printer fails."""
    name = default_printer()
    if not name:
        if IN_CI:
            pytest.fail("CI has no default printer: .ci/run must start CUPS with TestPDF")
        pytest.skip("no default printer (lpstat -d): install cups and printer-driver-cups-pdf")
    return name


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """A failing journey shows what its regie processes printed, and the screenshot folder."""
    outcome = yield
    report = outcome.get_result()
    driver = _RUNNING.get(item.nodeid)
    if driver is not None and report.failed:
        try:  # what the screen showed when the journey failed
            driver.screenshot("at-failure")
        except Exception as err:  # the report matters more than the picture
            report.sections.append(("screenshot at failure", repr(err)))
        report.sections.append(("regie output", driver.stderr() or "(nothing)"))
        report.sections.append(("screenshots", str(driver.shots)))


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """Where this run's pictures are, for people to look at."""
    if any(folder.is_dir() for folder in _SHOT_FOLDERS):
        terminalreporter.write_line(f"journey screenshots and printed pages: {SHOTS}/")
