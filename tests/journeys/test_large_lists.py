"""The bookings list with 20,000 more bookings, from the outside: the installed ``regie``
opens it, a reference typed in the search and Enter open that booking's editor, Ctrl+End
goes to the oldest booking; the window answers all along (the rows come a block at a time,
the search shows its first page first). Screenshots in build/journeys/<test>/."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from tests.journeys.driver import Regie
from tests.journeys.test_screens import areas, xdotool_keys

pytestmark = pytest.mark.journey

MORE = 20_000
STAMP = "%Y-%m-%d %H:%M:%S.%f"


def add_bookings(regie: Regie) -> str:
    """MORE closed bookings of ten years ago and since, for the demo's customers; returns
    the reference of the last one."""
    with sqlite3.connect(regie.db) as db:
        customers = [row[0] for row in db.execute("SELECT id FROM customer ORDER BY id")]
        first = dt.datetime(2016, 1, 4, 9)
        rows = []
        for n in range(MORE):
            start = first + dt.timedelta(hours=4 * n)
            end = start + dt.timedelta(days=1)
            times = (start.strftime(STAMP), end.strftime(STAMP))
            rows.append(
                (f"R-L-{n:05d}", customers[n % len(customers)], f"Concert {n}", *times, *times)
            )
        db.executemany(
            'INSERT INTO booking (reference, customer_id, event, venue, start, "end", '
            "use_start, use_end, status, notes, created_at, created_by) "
            "VALUES (?, ?, ?, '', ?, ?, ?, ?, 'closed', '', ?, 'journey')",
            [(*row, row[3]) for row in rows],
        )
    return rows[-1][0]


def test_a_reference_typed_in_a_long_list_opens_its_booking(regie: Regie) -> None:
    last = add_bookings(regie)
    regie.start()
    main = regie.wait_window("Régie")
    regie.focus(main)
    regie.key(xdotool_keys(dict(areas())["bookings"]))
    regie.display.wait_settled(b"", "the bookings list to draw")
    regie.screenshot("bookings", main)

    regie.key("ctrl+f")
    before = regie.display.picture()
    regie.type(last)
    regie.display.wait_settled(before, "the search to show its booking")
    regie.screenshot("searched", main)
    shown = set(regie.windows())
    regie.key("Return")
    editor = regie.wait_window_not_in(shown)
    assert last in regie.title(editor)
    regie.screenshot("opened", editor)
    regie.key("Escape")
    regie.wait_gone(editor)

    regie.focus(main)
    regie.key("ctrl+f")
    before = regie.display.picture()
    regie.key("ctrl+a", "BackSpace")  # the whole list again
    regie.display.wait_settled(before, "the whole list")
    # a row of the list clicked (the list takes the keyboard), then Ctrl+End
    regie.display.run("xdotool", "mousemove", "--window", main, "700", "400", "click", "1")
    regie.key("ctrl+End")
    regie.display.wait_settled(b"", "the end of the list")
    regie.screenshot("oldest", main)
