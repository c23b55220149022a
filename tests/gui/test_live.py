"""Live refresh in the window: a booking another window (or workstation) commits shows in
the open timeline and in the desk's departures without a restart, this window's own writes
are announced once, and the watching thread stops cleanly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlmodel import SQLModel

from app.bootstrap import Context
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.migrate import open_database
from app.gui.bookings.timeline import TimelineScreen
from app.gui.desk.desk_screen import DeskScreen
from app.gui.shell.changes import TABLE_KINDS, Change, kinds_of
from app.gui.shell.operations import Operations, ThreadRunner
from tests import factories

pytestmark = pytest.mark.both_engines  # SQLite's poll and PostgreSQL's LISTEN/NOTIFY

DAY = dt.date(2026, 11, 26)  # the fixed clock's today
WAIT_MS = 10_000  # a generous ceiling: the watcher polls every second


@pytest.fixture
def live_ops(db: Database, clock: FixedClock) -> Iterator[Operations]:
    """Operations as the application has them: a real worker thread, so live refresh on."""
    ops = Operations(Context(db=db, clock=clock, user="tester"), ThreadRunner())
    yield ops
    if ops.live is not None:
        ops.live.stop()
    ops.runner.wait()


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """Another window's (or workstation's) connection to the same database."""
    assert db.where is not None
    database = open_database(db.where)
    yield database
    database.dispose()


@pytest.fixture
def washes(db: Database, clock: FixedClock) -> str:
    factories.item(db)
    for n in (1, 2):
        factories.unit(db, clock, barcode=f"LUM-0010{n}")
    return factories.customer(db)


def test_every_table_says_what_it_changes_on_screen() -> None:
    import booking.models  # noqa: F401 - every table in the metadata
    import invoicing.models  # noqa: F401

    assert set(SQLModel.metadata.tables) <= set(TABLE_KINDS)
    assert kinds_of(["booking", "booking_line", "movement"]) == [Change.BOOKINGS]
    assert kinds_of(["audit_event"]) == []
    assert kinds_of(["*"]) == list(Change)  # a change nobody could name: everything
    assert kinds_of(["a_table_added_later"]) == list(Change)


def test_a_booking_made_elsewhere_shows_in_the_open_timeline(  # type: ignore[no-untyped-def]
    qtbot, live_ops, other, clock, washes
) -> None:
    assert live_ops.live is not None and live_ops.live.running
    screen = TimelineScreen(live_ops)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.set_start(DAY)
    screen.show()
    qtbot.waitExposed(screen)
    wash = screen_type(qtbot, screen, "LYRE-WASH")

    def free() -> int | None:
        screen.view.grab()  # paints: computes the visible cells (read off the GUI thread)
        cell = screen.view.cell(wash, DAY + dt.timedelta(days=1))
        return None if cell is None else cell.free

    qtbot.waitUntil(lambda: free() == 2, timeout=WAIT_MS)

    factories.booking(
        other, clock, washes, "2026-11-27T09:00", "2026-11-28T18:00", {"LYRE-WASH": 1}
    )

    qtbot.waitUntil(lambda: free() == 1, timeout=WAIT_MS)


def screen_type(qtbot, screen: TimelineScreen, code: str) -> int:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(r.code == code for r in screen.view.type_rows()), timeout=WAIT_MS)
    return next(r.id for r in screen.view.type_rows() if r.code == code)


def test_a_booking_made_elsewhere_shows_at_the_desk(  # type: ignore[no-untyped-def]
    qtbot, live_ops, other, clock, washes
) -> None:
    desk = DeskScreen(live_ops, station="desk-test")
    desk.sounds.enabled = False
    qtbot.addWidget(desk)
    desk.resize(1280, 800)
    desk.show()
    qtbot.waitExposed(desk)
    desk.refresh_departures()
    live_ops.runner.wait()
    qtbot.waitUntil(lambda: desk.departures_model.rowCount() == 0, timeout=WAIT_MS)

    ref = factories.booking(
        other, clock, washes, "2026-11-26T14:00", "2026-11-28T18:00", {"LYRE-WASH": 2}
    )

    qtbot.waitUntil(lambda: desk.departures_model.rowCount() == 1, timeout=WAIT_MS)
    assert desk.departures_model.rows[0].reference == ref


def test_own_writes_are_announced_once(qtbot, live_ops, db, other, washes) -> None:  # type: ignore[no-untyped-def]
    from inventory import catalogue
    from inventory.catalogue import ItemTypeData
    from inventory.models import Category

    heard: list[Change] = []
    live_ops.changed.connect(heard.append)
    with qtbot.waitSignal(live_ops.changed, timeout=WAIT_MS):
        live_ops.write(
            lambda uow: catalogue.create_item_type(
                uow,
                user="tester",
                data=ItemTypeData(code="SM58", name="Micro SM58", category=Category.SOUND),
            ),
            changes=Change.CATALOGUE,
        )
    assert heard == [Change.CATALOGUE]

    factories.customer(other, "Jazz en Velay")  # after ours: announced after ours would be

    qtbot.waitUntil(lambda: Change.CUSTOMERS in heard, timeout=WAIT_MS)
    assert heard == [Change.CATALOGUE, Change.CUSTOMERS]


def test_live_refresh_stops_cleanly(qtbot, live_ops) -> None:  # type: ignore[no-untyped-def]
    live = live_ops.live
    assert live is not None and live.running
    live.stop()
    assert not live.running
    live.stop()  # twice: harmless


def test_no_watching_thread_with_the_synchronous_runner(ops) -> None:  # type: ignore[no-untyped-def]
    assert ops.live is None


class HeldRunner:
    """A worker that runs nothing until told: the screens' reads are still going on."""

    def __init__(self) -> None:
        self.jobs: list[tuple[object, object]] = []

    def submit(self, work, done, failed) -> None:  # type: ignore[no-untyped-def]
        self.jobs.append((work, done))

    def run_all(self) -> None:
        while self.jobs:
            work, done = self.jobs.pop(0)
            done(work())  # type: ignore[operator]

    def wait(self) -> None:
        self.run_all()


def test_changes_arriving_during_a_refresh_wait_for_it_and_come_together(db, clock) -> None:  # type: ignore[no-untyped-def]
    from app.gui.shell.live import Live

    runner = HeldRunner()
    ops = Operations(Context(db=db, clock=clock, user="tester"), runner)  # type: ignore[arg-type]
    live = Live(ops)  # not started: the test hands it what the watcher would
    heard: list[Change] = []
    ops.changed.connect(heard.append)
    try:
        live.arrived.emit(frozenset({"booking"}))
        assert heard == [Change.BOOKINGS]

        live.arrived.emit(frozenset({"customer"}))  # the screens are still re-reading
        live.arrived.emit(frozenset({"movement", "payment"}))
        assert heard == [Change.BOOKINGS]

        runner.run_all()  # their reads are done: what came meanwhile, at once
        assert heard == [Change.BOOKINGS, Change.BOOKINGS, Change.CUSTOMERS, Change.INVOICES]
        assert live.announcements == 2
    finally:
        live.stop()
