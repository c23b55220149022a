"""The desk's reads: the open booking, departures and returns placed in time (late, today,
tomorrow), and a scan with no booking open — on a real SQLite file."""

from __future__ import annotations

import pytest

from booking import desk, desk_queries
from booking.desk import Outcome
from booking.desk_queries import LATE, TODAY, TOMORROW
from tests import factories

LYRES = ["LUM-00101", "LUM-00102", "LUM-00103", "LUM-00104"]


@pytest.fixture
def stock(db, clock):
    factories.item(db)
    for code in LYRES:
        factories.unit(db, clock, barcode=code)
    factories.bulk(db, barcode="CAB-DMX10")
    return factories.customer(db, name="Compagnie du Rocher")


def _out(db, clock, ref, code, qty=None):
    with db.write() as uow:
        return desk.check_out(uow, user="t", reference=ref, code=code, quantity=qty, clock=clock)


def test_the_open_booking_with_its_lines_and_units_still_out(db, clock, stock):
    ref = factories.booking(
        db, clock, stock, "2026-11-26T14:00", "2026-11-28T18:00", {"LYRE-WASH": 2, "DMX-10": 5}
    )
    _out(db, clock, ref, LYRES[0])
    with db.read() as uow:
        view = desk_queries.desk_booking(uow, ref.lower())
    assert (view.reference, view.customer, view.status) == (ref, "Compagnie du Rocher", "out")
    assert {p.code: (p.left, p.wanted) for p in view.lines} == {
        "LYRE-WASH": (1, 2),
        "DMX-10": (0, 5),
    }
    assert [barcode for barcode, _, _ in view.units_out] == [LYRES[0]]
    assert view.units_out[0][1] == next(p.name for p in view.lines if p.code == "LYRE-WASH")


def test_what_is_still_out_agrees_with_the_lines(db, clock, stock):
    """Bulk pieces out are listed beside the units, so the list and the lines' "still out"
    count the same pieces."""
    ref = factories.booking(
        db, clock, stock, "2026-11-26T14:00", "2026-11-28T18:00", {"LYRE-WASH": 2, "DMX-10": 5}
    )
    _out(db, clock, ref, LYRES[0])
    _out(db, clock, ref, "CAB-DMX10", 5)
    with db.write() as uow:
        desk.check_in(uow, user="t", code="CAB-DMX10", quantity=2, booking_hint=ref, clock=clock)
    with db.read() as uow:
        view = desk_queries.desk_booking(uow, ref)
    assert [(b.label, b.code, b.count) for b in view.bulk_out] == [("CAB-DMX10", "DMX-10", 3)]
    listed = len(view.units_out) + sum(b.count for b in view.bulk_out)
    assert listed == sum(p.out for p in view.lines) == 4
    with db.write() as uow:
        desk.check_in(uow, user="t", code="CAB-DMX10", quantity=3, booking_hint=ref, clock=clock)
    with db.read() as uow:
        assert desk_queries.desk_booking(uow, ref).bulk_out == []


def test_departures_are_placed_late_today_or_tomorrow(db, clock, stock):
    # the clock: 2026-11-26 10:00
    late = factories.booking(
        db, clock, stock, "2026-11-25T09:00", "2026-11-27T09:00", {"LYRE-WASH": 1}
    )
    today = factories.booking(
        db, clock, stock, "2026-11-26T14:00", "2026-11-28T18:00", {"LYRE-WASH": 1}
    )
    tomorrow = factories.booking(
        db, clock, stock, "2026-11-27T08:00", "2026-11-29T18:00", {"LYRE-WASH": 1}
    )
    factories.booking(db, clock, stock, "2026-11-28T08:00", "2026-11-29T18:00", {"LYRE-WASH": 1})
    with db.read() as uow:
        rows = desk_queries.departure_rows(uow, clock)
    assert [(r.reference, r.day, r.late) for r in rows] == [
        (late, LATE, True),
        (today, TODAY, False),
        (tomorrow, TOMORROW, False),
    ]
    assert all(r.customer == "Compagnie du Rocher" and r.due == r.start for r in rows)


def test_returns_due_today_tomorrow_and_late(db, clock, stock):
    late = factories.booking(
        db, clock, stock, "2026-11-20T09:00", "2026-11-24T09:00", {"LYRE-WASH": 1}
    )
    today = factories.booking(
        db, clock, stock, "2026-11-25T09:00", "2026-11-26T18:00", {"LYRE-WASH": 1}
    )
    tomorrow = factories.booking(
        db, clock, stock, "2026-11-25T09:00", "2026-11-27T12:00", {"LYRE-WASH": 1}
    )
    later = factories.booking(
        db, clock, stock, "2026-11-25T09:00", "2026-11-30T12:00", {"DMX-10": 1}
    )
    for ref, code in zip((late, today, tomorrow), LYRES, strict=False):
        _out(db, clock, ref, code)
    _out(db, clock, later, "CAB-DMX10")
    with db.read() as uow:
        rows = desk_queries.return_rows(uow, clock)
    assert [(r.reference, r.day, r.late) for r in rows] == [
        (late, LATE, True),
        (today, TODAY, False),
        (tomorrow, TOMORROW, False),
    ]
    assert rows[0].due == rows[0].end


def test_a_returned_booking_is_not_due_any_more(db, clock, stock):
    ref = factories.booking(
        db, clock, stock, "2026-11-25T09:00", "2026-11-26T18:00", {"LYRE-WASH": 1}
    )
    _out(db, clock, ref, LYRES[0])
    with db.write() as uow:
        desk.check_in(uow, user="t", code=LYRES[0], clock=clock)
    with db.read() as uow:
        assert desk_queries.return_rows(uow, clock) == []


def test_nothing_to_list(db, clock):
    with db.read() as uow:
        assert desk_queries.departure_rows(uow, clock) == []
        assert desk_queries.return_rows(uow, clock) == []


def test_a_scan_with_no_booking_open_opens_a_booking_or_is_refused(db, clock, stock):
    ref = factories.booking(
        db, clock, stock, "2026-11-26T14:00", "2026-11-28T18:00", {"LYRE-WASH": 1}
    )
    with db.read() as uow:
        opened = desk_queries.booking_scanned(uow, ref.lower())
        refused = desk_queries.booking_scanned(uow, LYRES[0])
    assert (opened.ok, opened.outcome, opened.reference) == (True, Outcome.BOOKING, ref)
    assert opened.message.params["code"] == ref
    assert (refused.ok, refused.outcome, refused.reference) == (False, Outcome.UNKNOWN, "")
    assert "is not a booking" in refused.message.template
