"""The availability engine: half-open periods, buffers, statuses, overdue returns."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking import availability
from booking.bookings import ShortageError
from inventory.catalogue import set_status
from inventory.models import UnitStatus
from tests import factories

T = dt.datetime.fromisoformat


@pytest.fixture
def stock(db, clock):
    """Four lyres in service, a customer."""
    factories.item(db)
    codes = [factories.unit(db, clock) for _ in range(4)]
    return factories.customer(db), codes


def _avail(db, start, end, clock):
    with db.read() as uow:
        from inventory.catalogue import item_by_code

        item = item_by_code(uow, "LYRE-WASH")
        return availability.availability(
            uow, item.id, T(start), T(end), now=clock.now().replace(tzinfo=None)
        )


def test_peak_of_overlapping_intervals():
    a = [
        (T("2027-03-01T00:00"), T("2027-03-03T00:00"), 2),
        (T("2027-03-02T00:00"), T("2027-03-04T00:00"), 1),
        (T("2027-03-03T00:00"), T("2027-03-05T00:00"), 3),
    ]
    assert availability.peak(a, T("2027-03-01T00:00"), T("2027-03-10T00:00")) == (
        4,
        T("2027-03-03T00:00"),
    )
    assert availability.peak(a, T("2027-03-01T00:00"), T("2027-03-02T00:00"))[0] == 2


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 10), st.integers(1, 5)), max_size=12),
    st.integers(0, 40),
    st.integers(1, 20),
)
def test_peak_equals_brute_force_hour_by_hour(spans, w0, wlen):
    base = T("2027-01-01T00:00")
    hours = [
        (base + dt.timedelta(hours=s), base + dt.timedelta(hours=s + d), q) for s, d, q in spans
    ]
    start, end = base + dt.timedelta(hours=w0), base + dt.timedelta(hours=w0 + wlen)
    brute = max(
        (
            sum(q for s, e, q in hours if s <= base + dt.timedelta(hours=h) < e)
            for h in range(w0, w0 + wlen)
        ),
        default=0,
    )
    assert availability.peak(hours, start, end)[0] == brute


def test_back_to_back_bookings_fit(db, clock, stock):
    customer, _ = stock
    factories.booking(db, clock, customer, "2027-03-05T09:00", "2027-03-08T09:00", {"LYRE-WASH": 4})
    factories.booking(db, clock, customer, "2027-03-08T09:00", "2027-03-10T09:00", {"LYRE-WASH": 4})
    assert _avail(db, "2027-03-01T00:00", "2027-03-31T00:00", clock).reserved == 4
    with pytest.raises(ShortageError) as refused:
        factories.booking(
            db, clock, customer, "2027-03-07T09:00", "2027-03-09T09:00", {"LYRE-WASH": 1}
        )
    (short,) = refused.value.shortages
    assert (short.code, short.missing, short.at) == ("LYRE-WASH", 1, T("2027-03-07T09:00"))
    assert short.holders == ("R-2026-0001",)


def test_buffers_widen_the_held_period(db, clock, stock):
    customer, _ = stock
    with db.write() as uow:
        from inventory.catalogue import item_by_code

        item_by_code(uow, "LYRE-WASH").deprep_hours = 24
    factories.booking(db, clock, customer, "2027-03-05T09:00", "2027-03-08T09:00", {"LYRE-WASH": 4})
    assert _avail(db, "2027-03-09T00:00", "2027-03-09T08:00", clock).available == 0
    assert _avail(db, "2027-03-09T09:00", "2027-03-10T00:00", clock).available == 4


def test_quotes_are_tentative_and_cancelled_bookings_free_stock(db, clock, stock):
    customer, _ = stock
    factories.booking(
        db, clock, customer, "2027-03-05T09:00", "2027-03-08T09:00", {"LYRE-WASH": 3}, confirm=False
    )
    found = _avail(db, "2027-03-01T00:00", "2027-03-31T00:00", clock)
    assert (found.reserved, found.tentative, found.available) == (0, 3, 4)


def test_units_out_of_service_are_not_serviceable(db, clock, stock):
    _, codes = stock
    with db.write() as uow:
        set_status(
            uow, user="t", barcode=codes[0], status=UnitStatus.IN_REPAIR, note="", clock=clock
        )
        set_status(uow, user="t", barcode=codes[1], status=UnitStatus.LOST, note="", clock=clock)
    assert _avail(db, "2027-03-01T00:00", "2027-03-02T00:00", clock).serviceable == 2


def test_an_overdue_out_booking_holds_what_is_still_out(db, clock, stock):
    from booking import desk

    customer, codes = stock
    ref = factories.booking(
        db, clock, customer, "2026-11-20T09:00", "2026-11-25T09:00", {"LYRE-WASH": 3}
    )
    with db.write() as uow:  # two of the three left
        for code in codes[:2]:
            assert desk.check_out(uow, user="t", reference=ref, code=code, clock=clock).ok
    # today is 26/11: the booking should be back; the third lyre never left
    assert _avail(db, "2026-12-10T00:00", "2026-12-11T00:00", clock).reserved == 2
    with db.write() as uow:
        assert desk.check_in(uow, user="t", code=codes[0], clock=clock).late
    assert _avail(db, "2026-12-10T00:00", "2026-12-11T00:00", clock).reserved == 1
    with db.write() as uow:
        desk.check_in(uow, user="t", code=codes[1], clock=clock)
    assert _avail(db, "2026-12-10T00:00", "2026-12-11T00:00", clock).reserved == 0


def test_shortages_list_types_held_beyond_stock(db, clock, stock):
    customer, codes = stock
    factories.booking(db, clock, customer, "2027-03-05T09:00", "2027-03-08T09:00", {"LYRE-WASH": 4})
    with db.write() as uow:
        set_status(
            uow, user="t", barcode=codes[0], status=UnitStatus.IN_REPAIR, note="", clock=clock
        )
    with db.read() as uow:
        found = availability.shortages(
            uow, T("2027-03-01T00:00"), T("2027-04-01T00:00"), now=T("2026-11-26T10:00")
        )
    assert [(s.code, s.missing, s.holders) for s in found] == [("LYRE-WASH", 1, ("R-2026-0001",))]
