"""Live refresh between programs: `regie` shows the timeline, then `regie desk` lists its
departures; meanwhile the office books from the command line (`regie bookings create …
--confirm`, another process). Each open window shows the new booking without a restart: the
timeline's cells fill up, the desk lists the departure. Once on the embedded SQLite file
(the same PC's second window), once on a PostgreSQL server (the demo copied there with
`regie db copy`; each window logs in as admin).

The screens are compared before and after (the window reacted and settled) and
screenshotted for people to look at; the shot taken two seconds after the booking is kept
as ``…-two-seconds-after.png`` (no step asserts a duration: the machine may be busy).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tests.journeys.conftest import Demo
from tests.journeys.driver import NOISE, JourneyError, Regie, wait_for
from tests.pg import Cluster, new_database

pytestmark = pytest.mark.journey


def _steady(regie: Regie, what: str) -> bytes:
    """The screen once it stopped changing (two pictures a second apart agree)."""

    def same() -> bytes | None:
        first = regie.display.picture()
        time.sleep(1.0)
        second = regie.display.picture()
        return second if regie.display.differing_pixels(first, second) <= NOISE else None

    return wait_for(same, what, every=0.2)


def _book(regie: Regie, demo: Demo, code: str, quantity: int, start: dt.datetime) -> str:
    end = start + dt.timedelta(days=1)
    created = regie.json(
        "bookings",
        "create",
        "--customer",
        demo.member,
        "--from",
        start.isoformat(timespec="minutes"),
        "--to",
        end.isoformat(timespec="minutes"),
        "--event",
        "Réservé au bureau",
        "--line",
        f"{code}={quantity}",
        "--confirm",
    )
    assert created["status"] == "confirmed"
    return str(created["ref"])


def _shown(regie: Regie, before: bytes, name: str, window: str, what: str) -> None:
    """Keep the screen two seconds after the booking, then wait until it shows it."""
    time.sleep(2.0)
    regie.screenshot(f"{name}-two-seconds-after", window)
    try:
        regie.display.wait_settled(before, what)
    except JourneyError as err:
        raise JourneyError(f"{err} — the open window never refreshed") from None
    regie.screenshot(f"{name}-shown", window)


def live_journey(regie: Regie, demo: Demo, login: bool = False) -> None:
    code = demo.booking.serialized
    now = dt.datetime.now().replace(second=0, microsecond=0)
    start = now + dt.timedelta(hours=1)

    # the timeline, narrowed to one type: its cells show free/stock per day
    regie.start()
    main = _log_in(regie) if login else regie.wait_window("Régie")
    regie.focus(main)
    regie.key("ctrl+5")
    regie.key("ctrl+f")
    regie.type(code)
    regie.key("Tab")  # out of the search field: no blinking text cursor
    before = _steady(regie, "the timeline to show the type")
    regie.screenshot("timeline-before", main)

    # every unit still free over the next day: its cells turn full
    found = regie.json(
        "availability",
        code,
        "--from",
        start.isoformat(timespec="minutes"),
        "--to",
        (start + dt.timedelta(days=1)).isoformat(timespec="minutes"),
    )
    free = int(found["available"])
    assert free > 0, f"nothing of {code} free to book"
    _book(regie, demo, code, free, start)
    _shown(regie, before, "timeline", main, f"the timeline to show {free} × {code} booked")

    # the desk (another process, full screen), then a departure booked at the office
    windows = set(regie.windows())
    regie.start("desk")
    desk = _log_in_at_the_desk(regie, windows) if login else regie.wait_window_not_in(windows)
    regie.focus(desk)
    before = _steady(regie, "the desk to show its departures")
    regie.screenshot("desk-before", desk)
    reference = _book(regie, demo, demo.booking.bulk, 1, start)
    _shown(regie, before, "desk", desk, f"the desk to list {reference}")


def _log_in(regie: Regie, before: set[str] | None = None) -> str:
    """Log in as admin in the login box (no account has a password on the server yet);
    returns the window that opens then."""
    dialog = regie.wait_window_not_in(before or set())
    regie.focus(dialog)
    regie.screenshot("login")
    _type_login(regie)
    regie.wait_gone(dialog)
    return regie.wait_window_not_in((before or set()) | {dialog})


def _log_in_at_the_desk(regie: Regie, before: set[str]) -> str:
    """The desk asks in its own window (a badge, or a name and a password)."""
    desk = regie.wait_window_not_in(before)
    regie.focus(desk)
    regie.screenshot("desk-login", desk)
    _type_login(regie)
    wait_for(lambda: "admin" in regie.title(desk), "the desk to say admin is logged in")
    return desk


def _type_login(regie: Regie) -> None:
    regie.type("admin")
    regie.key("Return")  # on to the password: none yet
    regie.key("Return")


def test_a_booking_made_at_the_office_shows_in_open_windows(regie: Regie, demo: Demo) -> None:
    live_journey(regie, demo)


def test_a_booking_made_on_another_workstation_shows_from_the_server(
    regie: Regie, demo: Demo, pg_cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_cluster.url(new_database(pg_cluster, template=None))
    regie.cli("db", "copy", "--from", str(regie.db), "--to", url)
    regie.db = url  # type: ignore[assignment]  # every process of the journey: the server
    monkeypatch.setenv("REGIE_USER", "admin")  # the command line logs in as admin too
    monkeypatch.delenv("REGIE_PASSWORD", raising=False)
    live_journey(regie, demo, login=True)
