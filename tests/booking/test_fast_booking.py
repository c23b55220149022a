"""Booking creation written with Core statements (issue 14): the audit trail records the
same rows a flush would have, the live refresh still learns the tables, the returned
booking is a stored row of the session, and a refused booking writes nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from app.core.access import Actor, Forbidden, Role
from app.core.db import Database
from booking import bookings
from booking.bookings import BookingData, Line, ShortageError
from booking.models import BookingStatus
from tests import factories

T = dt.datetime.fromisoformat
ALICE = Actor("alice", Role.STAFF, "bureau-1")


@pytest.fixture
def setup(db, clock):
    factories.item(db)
    factories.unit(db, clock)
    factories.bulk(db)
    return factories.customer(db)


def _trail(db: Database, after: int) -> list[tuple[str, str, str, str, str, object, object]]:
    with db.read() as uow:
        rows = uow.session.execute(
            text(
                "SELECT account, workstation, entity, entity_id, action, before, after "
                "FROM audit_event WHERE id > :after ORDER BY id"
            ),
            {"after": after},
        )
        return [
            (*row[:5], row[5] and json.loads(row[5]), row[6] and json.loads(row[6])) for row in rows
        ]


def _last_event(db: Database) -> int:
    with db.read() as uow:
        return int(
            uow.session.execute(text("SELECT coalesce(max(id), 0) FROM audit_event")).one()[0]
        )


@pytest.mark.both_engines
def test_creating_a_booking_records_what_a_flush_would_have(db, clock, setup):
    db.actor = ALICE
    before = _last_event(db)
    first = factories.booking(
        db, clock, setup, "2026-12-01T09:00", "2026-12-03T18:00", {"LYRE-WASH": 1, "DMX-10": 5}
    )
    factories.booking(
        db, clock, setup, "2026-12-05T09:00", "2026-12-06T18:00", {"DMX-10": 2}, confirm=False
    )
    assert first == "R-2026-0001"
    found = sorted(_trail(db, before), key=lambda r: (r[2], r[3], r[4]))
    period = {"start": "2026-12-01T09:00:00", "end": "2026-12-03T18:00:00"}
    booking_1 = {
        "id": 1,
        "reference": "R-2026-0001",
        "customer_id": 1,
        "event": "",
        "venue": "",
        **period,
        "use_start": "2026-12-01T09:00:00",
        "use_end": "2026-12-03T18:00:00",
        "status": "confirmed",
        "notes": "",
        "buyer_reference": "",
        "order_reference": "",
        "created_at": "2026-11-26T09:00:00+00:00",
        "created_by": "tester",
    }
    who = ("alice", "bureau-1")
    assert found[0] == (*who, "booking", "1", "insert", None, booking_1)
    assert list(found[0][6]) == list(booking_1)  # in the table's column order
    assert [r[2:5] for r in found] == [
        ("booking", "1", "insert"),
        ("booking", "2", "insert"),
        ("booking_line", "1", "insert"),
        ("booking_line", "2", "insert"),
        ("booking_line", "3", "insert"),
        ("reference_sequence", "2026", "insert"),
        ("reference_sequence", "2026", "update"),
    ]
    line_1 = {"id": 1, "booking_id": 1, "item_type_id": 1, "quantity": 1, "kit_id": None}
    assert found[2][6] == {**line_1, **period, "status": "confirmed"}
    assert found[4][6]["status"] == "quote" and found[4][6]["booking_id"] == 2
    assert found[5][5:] == (None, {"year": 2026, "next_value": 2})
    assert found[6][5:] == ({"year": 2026, "next_value": 2}, {"year": 2026, "next_value": 3})


@pytest.mark.both_engines
def test_the_new_booking_is_a_stored_row_of_the_session(db, clock, setup):
    data = BookingData(
        setup, T("2026-12-01T09:00"), T("2026-12-03T18:00"), lines=[Line("DMX-10", 3)]
    )
    with db.write() as uow:
        made = bookings.create_booking(uow, user="t", data=data, clock=clock)
        assert made.id is not None and made.status == BookingStatus.QUOTE
        assert bookings.booking_by_ref(uow, made.reference) is made
        # changed in the same transaction (the demo does it): saved, lines mirrored
        bookings.confirm_booking(uow, user="t", reference=made.reference, clock=clock)
        assert [ln.status for ln in bookings.lines_of(uow, made.id)] == ["confirmed"]
    with db.read() as uow:
        stored = bookings.booking_by_ref(uow, made.reference)
        assert stored.status == "confirmed" and stored.customer_id == made.customer_id


@pytest.mark.both_engines
def test_a_refused_booking_writes_nothing_not_even_its_number(db, clock, setup):
    factories.booking(db, clock, setup, "2026-12-01T09:00", "2026-12-03T18:00", {"LYRE-WASH": 1})
    before = _last_event(db)
    with pytest.raises(ShortageError):
        factories.booking(
            db, clock, setup, "2026-12-02T09:00", "2026-12-04T18:00", {"LYRE-WASH": 1}
        )
    db.actor = Actor("tech", Role.TECHNICIAN, "atelier")
    with pytest.raises(Forbidden):
        factories.booking(db, clock, setup, "2026-12-05T09:00", "2026-12-06T18:00", {"DMX-10": 1})
    assert _last_event(db) == before
    db.actor = ALICE
    again = factories.booking(
        db, clock, setup, "2026-12-05T09:00", "2026-12-06T18:00", {"DMX-10": 1}
    )
    assert again == "R-2026-0002"


def test_codes_are_found_without_case_and_kits_still_expand(db, clock, setup):
    data = BookingData(
        setup,
        T("2026-12-01T09:00"),
        T("2026-12-03T18:00"),
        lines=[Line(" dmx-10 ", 2), Line("LYRE-WASH", 1)],
    )
    with db.write() as uow:
        made = bookings.create_booking(uow, user="t", data=data, clock=clock, confirm=True)
        lines = [(ln.item_type_id, ln.quantity) for ln in bookings.lines_of(uow, made.id)]
    assert lines == [(2, 2), (1, 1)]
