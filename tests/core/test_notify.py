"""Live refresh, the Qt-free half: a watcher sees what *other* programs commit to the same
SQLite file (a second window, the CLI), names the tables they wrote, and stays silent about
its own process's writes, rolled-back writes and refusals."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import notify
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.errors import DomainError
from app.core.migrate import open_database
from booking.models import Customer
from tests import factories


@pytest.fixture
def other(db_path: Path) -> Iterator[Database]:
    """A second program on the same file (its own engine and connections)."""
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def watcher(db: Database) -> Iterator[notify.Watcher]:
    seen = notify.Watcher(db.engine)
    assert seen.changes(0) == frozenset()  # connected: what was there before is not news
    yield seen
    seen.close()


def catalogue(db: Database, clock: FixedClock) -> str:
    factories.item(db)
    factories.unit(db, clock, barcode="LUM-00101")
    return factories.customer(db)


def test_a_booking_made_elsewhere_names_the_booking_tables(
    db: Database, other: Database, clock: FixedClock, watcher: notify.Watcher
) -> None:
    rocher = catalogue(db, clock)
    assert watcher.changes(0) == frozenset()  # our own writes: this window said so already

    factories.booking(
        other, clock, rocher, "2026-12-01T09:00", "2026-12-03T18:00", {"LYRE-WASH": 1}
    )

    seen = watcher.changes(0)
    assert {"booking", "booking_line"} <= seen
    assert notify.UNKNOWN not in seen
    assert watcher.changes(0) == frozenset()  # told once


def test_own_writes_are_not_news_but_others_in_the_same_second_are(
    db: Database, other: Database, clock: FixedClock, watcher: notify.Watcher
) -> None:
    factories.item(db)
    factories.customer(other, "Jazz en Velay")
    factories.item(db, "SM58", "Micro SM58")

    assert watcher.changes(0) == {"customer"}


def test_rolled_back_and_refused_writes_are_not_news(
    db: Database, other: Database, clock: FixedClock, watcher: notify.Watcher
) -> None:
    rocher = catalogue(db, clock)
    with pytest.raises(DomainError):  # 5 lyres when there is one: refused, nothing written
        factories.booking(
            other, clock, rocher, "2026-12-01T09:00", "2026-12-03T18:00", {"LYRE-WASH": 5}
        )
    with pytest.raises(KeyError), other.write() as uow:
        uow.session.add(Customer(name="Rolled back", number="X9"))
        uow.flush()
        raise KeyError("abandoned")
    assert watcher.changes(0) == frozenset()


def test_a_write_without_a_trail_is_a_change_nobody_can_name(
    db: Database, db_path: Path, clock: FixedClock, watcher: notify.Watcher
) -> None:
    factories.customer(db)
    watcher.changes(0)
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE customer SET notes = 'typed in sqlite3'")
    raw.commit()
    raw.close()

    assert watcher.changes(0) == {notify.UNKNOWN}


def test_a_closed_watcher_sees_nothing_and_closing_twice_is_harmless(
    db: Database, other: Database, watcher: notify.Watcher
) -> None:
    watcher.close()
    factories.customer(other)
    assert watcher.changes(0) == frozenset()
    watcher.close()


def test_the_cli_booking_of_another_process_is_seen(
    db: Database, db_path: Path, clock: FixedClock, watcher: notify.Watcher
) -> None:
    rocher = catalogue(db, clock)
    watcher.changes(0)
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    env.pop("REGIE_USER", None)
    env.pop("REGIE_PASSWORD", None)
    done = subprocess.run(
        [str(Path(sys.executable).with_name("regie")), "bookings", "create", "--customer", rocher]
        + ["--from", "2026-12-01T09:00", "--to", "2026-12-03T18:00"]
        + ["--line", "LYRE-WASH=1", "--confirm", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr

    assert {"booking", "booking_line"} <= watcher.changes(0)
