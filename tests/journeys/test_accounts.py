"""People at work, from the outside: accounts set up with the CLI, then `regie` asks who is
working (typed on a French AZERTY keyboard) and names them in its title; `regie desk` waits
for a badge, the technician scans theirs and a unit out, and the audit trail (`regie audit
--json`) and the booking (`regie bookings show --json`) show that person's scan.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from typing import Any

import pytest

from tests.journeys.conftest import Demo
from tests.journeys.driver import Regie, regie_executable, wait_for

pytestmark = pytest.mark.journey

ADMIN_PASSWORD = "motdepasse1"
TECH_PASSWORD = "technicienne"


def _cli(regie: Regie, *args: str, **env: str) -> str:
    done = subprocess.run(
        [regie_executable(), *args],
        env=regie.env(QT_QPA_PLATFORM="offscreen", **env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, f"regie {' '.join(args)}: {done.stderr}"
    return done.stdout


def _people(regie: Regie) -> str:
    """The automatic admin gives itself a password (which ends the automatic login), then
    adds lea (technician, with a badge). Returns lea's badge code."""
    _cli(regie, "accounts", "passwd", "admin", REGIE_NEW_PASSWORD=ADMIN_PASSWORD)
    admin = {"REGIE_USER": "admin", "REGIE_PASSWORD": ADMIN_PASSWORD}
    _cli(
        regie,
        "accounts",
        "add",
        "lea",
        "--role",
        "technician",
        "--full-name",
        "Léa Martin",
        REGIE_NEW_PASSWORD=TECH_PASSWORD,
        **admin,
    )
    badge = json.loads(_cli(regie, "accounts", "badge", "lea", "--json", **admin))["badge"]
    return str(badge)


def test_logging_in_then_scanning_a_badge_at_the_desk(
    regie: Regie, demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    badge = _people(regie)
    # from now on the journey's own CLI calls are the administrator's
    monkeypatch.setenv("REGIE_USER", "admin")
    monkeypatch.setenv("REGIE_PASSWORD", ADMIN_PASSWORD)
    regie.display.set_layout("fr")
    try:
        _main_window(regie)
        _desk(regie, demo, badge, monkeypatch)
    finally:
        regie.display.set_layout("us")


def _main_window(regie: Regie) -> None:
    regie.start()
    login = regie.wait_window("Connexion")
    regie.focus(login)
    regie.screenshot("login", login)
    regie.type("admin")
    regie.key("Return")
    regie.type("pas-le-bon")  # a wrong password first: a sentence, the window stays
    before = regie.display.picture()
    regie.key("Return")
    regie.display.wait_settled(before, "the refusal under the password")
    regie.screenshot("wrong-password", login)
    assert regie.windows("Connexion") == [login]
    regie.type(ADMIN_PASSWORD)
    before = regie.display.picture()
    regie.key("Return")
    main = regie.wait_window(r"Régie — admin \(")
    regie.display.wait_settled(before, "the main window drawn")
    title = regie.title(main)
    assert title.endswith("— Régie — admin (administrateur)"), title  # the role in French
    regie.screenshot("logged-in", main)
    accounts = json.loads(_cli(regie, "accounts", "list", "--json"))
    admin = next(a for a in accounts if a["name"] == "admin")
    assert admin["last_login_at"] and not admin["auto_login"]
    regie.focus(main)
    regie.key("ctrl+q")
    process, _log = regie.processes[0]
    process.wait(120)  # the automatic backup at close, then gone
    assert process.returncode == 0, regie.stderr()
    regie.processes.clear()  # the desk next, a process of its own


def _desk(regie: Regie, demo: Demo, badge: str, monkeypatch: pytest.MonkeyPatch) -> None:
    booking = demo.booking
    ref, unit = booking.reference, booking.units[0]
    with monkeypatch.context() as plain:  # the warehouse PC: nobody named beforehand
        plain.delenv("REGIE_USER")
        plain.delenv("REGIE_PASSWORD")
        regie.start("desk")
    window = regie.wait_window("Comptoir")
    regie.focus(window)
    regie.screenshot("desk-login", window)
    assert "lea" not in regie.title(window)
    regie.scan(badge)  # the scanner types the badge's code, then Enter
    wait_for(lambda: regie.title(window).endswith("lea (technicien)"), "lea logged in")
    regie.screenshot("desk-lea", window)
    before = regie.display.picture()
    regie.scan(ref)
    regie.display.wait_settled(before, "the booking opened at the desk")
    regie.scan(unit)
    regie.wait_progress(ref, {booking.serialized: {"left": 1}}, f"{unit} to leave")
    regie.screenshot("desk-scanned", window)
    today = dt.date.today().isoformat()
    events: list[dict[str, Any]] = json.loads(
        _cli(
            regie,
            "audit",
            "--from",
            today,
            "--to",
            today,
            "--user",
            "lea",
            "--entity",
            "movement",
            "--json",
        )
    )
    assert events, "no movement recorded under lea in the audit trail"
    assert all(event["account"] == "lea" for event in events)
    assert any((event["after"] or {}).get("user") == "lea" for event in events), events
