"""The planning reads behind the timeline and the calendar, on a real SQLite file: cells
agree with the availability engine, holders are listed firm first, bookings are counted
over a period (late ones included), pick-ups and returns fall on their days."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from app.core.clock import FixedClock
from app.core.db import Database
from booking import availability, bookings, desk, planning
from booking.availability import Hold
from booking.planning import MONTH, PICKUP, QUARTER, RETURN, WEEK, Cell
from inventory.models import Category
from tests import factories

JULY = [dt.date(2026, 7, 1) + dt.timedelta(days=n) for n in range(31)]


@pytest.fixture
def booked(db: Database, clock: FixedClock) -> dict[str, str]:
    """Two washes, 40 DMX cables, a microphone; a confirmed booking, a quote and a second
    confirmed booking on the cables, in July 2026."""
    factories.item(db)
    factories.bulk(db)
    factories.item(db, "SM58", "Micro dynamique SM58", Category.SOUND)
    for n in (1, 2):
        factories.unit(db, clock, barcode=f"LUM-0010{n}")
    factories.unit(db, clock, "SM58", barcode="SON-00001")
    rocher = factories.customer(db)
    jazz = factories.customer(db, "Jazz en Velay")
    return {
        "firm": factories.booking(
            db,
            clock,
            rocher,
            "2026-07-10T09:00",
            "2026-07-13T18:00",
            {"LYRE-WASH": 2, "DMX-10": 10},
        ),
        "quote": factories.booking(
            db, clock, jazz, "2026-07-12T09:00", "2026-07-15T09:00", {"LYRE-WASH": 1}, confirm=False
        ),
        "cables": factories.booking(
            db, clock, jazz, "2026-07-11T08:00", "2026-07-12T20:00", {"DMX-10": 25}
        ),
    }


def type_ids(db: Database) -> dict[str, int]:
    with db.read() as uow:
        return {row.code: row.id for row in planning.read_types(uow)}


def now_of(clock: FixedClock) -> dt.datetime:
    return clock.local_now()


def test_types_come_by_category_then_code(db: Database, clock: FixedClock, booked) -> None:  # type: ignore[no-untyped-def]
    factories.item(db, "AAA-SPOT", "Spot", Category.LIGHTING)
    with db.read() as uow:
        rows = planning.read_types(uow)
    assert [(r.category, r.code) for r in rows] == [
        ("lighting", "AAA-SPOT"),
        ("lighting", "LYRE-WASH"),
        ("sound", "SM58"),
        ("cables", "DMX-10"),
    ]
    assert rows[1].name == "Lyre wash LED 19x15 W"


def test_an_empty_catalogue_has_no_types(db: Database) -> None:
    with db.read() as uow:
        assert planning.read_types(uow) == []
        assert planning.compute_cells(uow, [], JULY, dt.datetime(2026, 7, 1)) == {}


def test_cells_agree_with_the_engine(db: Database, clock: FixedClock, booked) -> None:  # type: ignore[no-untyped-def]
    ids = type_ids(db)
    now = now_of(clock)
    with db.read() as uow:
        cells = planning.compute_cells(uow, list(ids.values()), JULY, now)
        for code, type_id in ids.items():
            assert len(cells[type_id]) == 31
            for n, day in enumerate(JULY):
                d0 = dt.datetime.combine(day, dt.time())
                found = availability.availability(
                    uow, type_id, d0, d0 + dt.timedelta(days=1), now=now
                )
                assert cells[type_id][n][:2] == (found.available, found.serviceable), (code, day)
    wash = cells[ids["LYRE-WASH"]]
    assert wash[10] == Cell(0, 2, 0)  # 11 July: both out on the firm booking
    assert wash[12] == Cell(0, 2, -1)  # 13 July: the quote would want one more
    assert wash[12].quotes_exceed and wash[12].quoted and not wash[12].shortage
    assert wash[13] == Cell(2, 2, 1)  # 14 July: only the quote
    assert wash[20] == Cell(2, 2, 2)
    assert cells[ids["DMX-10"]][11] == Cell(5, 40, 5)  # 12 July: 10 + 25 of 40


def test_daily_peaks_equal_the_engine() -> None:
    rng = random.Random(11)
    base = dt.datetime(2026, 6, 25)
    for _ in range(200):
        holds = []
        for n in range(rng.randrange(0, 8)):
            start = base + dt.timedelta(hours=rng.randrange(0, 24 * 45))
            end = start + dt.timedelta(hours=rng.choice([1, 12, 24, 48, 24 * 7, 24 * 40]))
            status = rng.choice(["confirmed", "out", "quote"])
            holds.append(Hold(n, f"R-{n}", status, 1, rng.randrange(0, 5), start, end))
        assert planning.daily_peaks(holds, JULY) == availability.daily(holds, JULY)


def test_holders_are_listed_firm_first(db: Database, clock: FixedClock, booked) -> None:  # type: ignore[no-untyped-def]
    ids = type_ids(db)
    now = now_of(clock)
    with db.read() as uow:
        cables = planning.read_holders(uow, ids["DMX-10"], dt.date(2026, 7, 12), now)
        wash = planning.read_holders(uow, ids["LYRE-WASH"], dt.date(2026, 7, 13), now)
        nobody = planning.read_holders(uow, ids["SM58"], dt.date(2026, 7, 12), now)
    assert [(h.reference, h.quantity) for h in cables] == [
        (booked["firm"], 10),
        (booked["cables"], 25),
    ]
    assert cables[1].customer == "Jazz en Velay"
    assert [(h.reference, h.status) for h in wash] == [
        (booked["firm"], "confirmed"),
        (booked["quote"], "quote"),
    ]
    assert nobody == []


def test_bookings_meeting_a_period(db: Database, clock: FixedClock, booked) -> None:  # type: ignore[no-untyped-def]
    now = now_of(clock)
    with db.read() as uow:
        assert planning.bookings_meeting(uow, JULY, now) == 3
        assert planning.bookings_meeting(uow, JULY[12:13], now) == 2  # 13 July
        assert planning.bookings_meeting(uow, JULY[15:], now) == 0  # from 16 July
        assert planning.bookings_meeting(uow, planning.period_days(JULY[0], WEEK), now) == 0
    with db.write() as uow:
        bookings.cancel_booking(uow, user="tester", reference=booked["quote"], clock=clock)
    with db.read() as uow:
        assert planning.bookings_meeting(uow, JULY[12:13], now) == 1  # cancelled: not counted


def test_a_late_booking_is_counted_until_it_comes_back(db: Database, clock: FixedClock) -> None:
    factories.item(db)
    barcode = factories.unit(db, clock, barcode="LUM-00101")
    customer = factories.customer(db)
    reference = factories.booking(
        db, clock, customer, "2026-11-26T09:00", "2026-11-26T09:30", {"LYRE-WASH": 1}
    )
    with db.write() as uow:
        result = desk.check_out(uow, user="tester", reference=reference, code=barcode, clock=clock)
        assert result.ok
    december = planning.period_days(dt.date(2026, 12, 1), MONTH)
    with db.read() as uow:  # due back at 9:30, still out at 10:00
        assert planning.bookings_meeting(uow, december, now_of(clock)) == 1


def test_periods() -> None:
    assert planning.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert planning.add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    assert planning.add_months(dt.date(2026, 1, 1), -1) == dt.date(2025, 12, 1)
    assert len(planning.period_days(dt.date(2026, 7, 1), MONTH)) == 31
    assert len(planning.period_days(dt.date(2026, 7, 1), QUARTER)) == 92
    assert planning.period_start(dt.date(2026, 11, 26), WEEK) == dt.date(2026, 11, 23)
    assert planning.period_start(dt.date(2026, 11, 26), MONTH) == dt.date(2026, 11, 1)
    assert planning.period_bounds(JULY) == (dt.datetime(2026, 7, 1), dt.datetime(2026, 8, 1))
    grid = planning.grid_days(dt.date(2026, 11, 17))
    assert (grid[0], grid[-1], len(grid)) == (dt.date(2026, 10, 26), dt.date(2026, 12, 6), 42)


def test_public_holidays_in_either_language() -> None:
    french = planning.holiday_names([2026], french=True)
    english = planning.holiday_names([2026, 2026], french=False)
    assert "Fête nationale" in french[dt.date(2026, 7, 14)]
    assert "National Day" in english[dt.date(2026, 7, 14)]
    assert dt.date(2026, 7, 15) not in french


def test_entries_fall_on_pick_up_and_return_days(db: Database, clock: FixedClock) -> None:
    factories.item(db)
    factories.unit(db, clock, barcode="LUM-00101")
    rocher = factories.customer(db)
    first = factories.booking(
        db, clock, rocher, "2026-11-06T09:00", "2026-11-09T18:00", {"LYRE-WASH": 1}
    )
    second = factories.booking(
        db, clock, rocher, "2026-11-09T18:00", "2026-12-20T10:00", {"LYRE-WASH": 1}, confirm=False
    )
    with db.read() as uow:
        entries = planning.read_entries(uow, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
        none = planning.read_entries(uow, dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    assert [(e.reference, e.kind, e.day.day) for e in entries] == [
        (first, PICKUP, 6),
        (first, RETURN, 9),  # a return before a pick-up at the same minute
        (second, PICKUP, 9),
    ]
    assert (
        entries[0].customer == "Compagnie du Rocher" and entries[0].title == "Compagnie du Rocher"
    )
    assert entries[1].at == dt.datetime(2026, 11, 9, 18, 0)
    assert none == []
