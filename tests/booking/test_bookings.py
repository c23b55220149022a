"""Bookings: the life cycle as data, edits re-checked, refusals that change nothing."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlmodel import func, select

from app.core.errors import Conflict, NotFound, ValidationError
from booking import bookings
from booking.bookings import BookingData, Line, ShortageError
from booking.models import TRANSITIONS, Booking, BookingLine, BookingStatus
from booking.queries import booking_rows, line_rows, search_bookings
from inventory import containers
from tests import factories

T = dt.datetime.fromisoformat


@pytest.fixture
def setup(db, clock):
    factories.item(db)
    for _ in range(4):
        factories.unit(db, clock)
    factories.item(db, code="SM58", name="Micro Shure SM58")
    for _ in range(6):
        factories.unit(db, clock, item_code="SM58")
    return factories.customer(db, member_from="2026-01-01")


def _snapshot(db):
    with db.read() as uow:
        return (
            [(b.reference, b.status, b.start, b.end) for b in uow.session.exec(select(Booking))],
            [
                (ln.booking_id, ln.item_type_id, ln.quantity)
                for ln in uow.session.exec(select(BookingLine))
            ],
        )


def _data(customer, start="2027-03-05T09:00", end="2027-03-08T09:00", **lines):
    return BookingData(
        customer=customer,
        start=T(start),
        end=T(end),
        lines=[Line(code.replace("_", "-"), q) for code, q in lines.items()],
    )


@pytest.mark.parametrize(
    ("current", "target"), list(itertools.product(BookingStatus, BookingStatus))
)
def test_every_transition_is_allowed_or_refused_as_declared(db, clock, setup, current, target):
    ref = factories.booking(
        db, clock, setup, "2027-03-05T09:00", "2027-03-08T09:00", {"LYRE-WASH": 1}, confirm=False
    )
    with db.write() as uow:
        booking = bookings.booking_by_ref(uow, ref)
        booking.status = current.value  # put it there directly: we test the next step
    if target in TRANSITIONS[current]:
        with db.write() as uow:
            bookings.change_status(uow, user="t", reference=ref, status=target, clock=clock)
        expected = target
    else:
        with pytest.raises(Conflict, match="cannot become"), db.write() as uow:
            bookings.change_status(uow, user="t", reference=ref, status=target, clock=clock)
        expected = current
    with db.read() as uow:
        assert bookings.booking_by_ref(uow, ref).status == expected


def test_create_confirm_show(db, clock, setup):
    with db.write() as uow:
        booking = bookings.create_booking(
            uow, user="t", clock=clock, confirm=True, data=_data(setup, LYRE_WASH=2, SM58=3)
        )
        ref = booking.reference
    assert ref == "R-2026-0001"
    with db.read() as uow:
        row = booking_rows(uow, search_bookings(uow, ref))[booking.id]
        lines = line_rows(uow, booking.id)
    assert row.status == "confirmed" and row.use_start == T("2027-03-05T09:00")
    assert [(ln.code, ln.quantity) for ln in lines] == [("LYRE-WASH", 2), ("SM58", 3)]


def test_kits_expand_to_their_types(db, clock, setup):
    with db.write() as uow:
        containers.save_kit(uow, user="t", code="KIT-CHANT", name="Kit chant", lines=[("SM58", 2)])
    ref = factories.booking(
        db, clock, setup, "2027-03-05T09:00", "2027-03-08T09:00", {"KIT-CHANT": 2, "SM58": 1}
    )
    with db.read() as uow:
        lines = line_rows(uow, bookings.booking_by_ref(uow, ref).id)
    assert sorted((ln.code, ln.quantity, ln.kit_id is not None) for ln in lines) == [
        ("SM58", 1, False),
        ("SM58", 4, True),
    ]


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (dict(end="2027-03-05T09:00"), ValidationError, "must come after the pick-up"),
        (dict(customer="9999"), NotFound, "No customer has the number 9999"),
        (dict(lines={"NOPE": 1}), NotFound, "No item type has the code NOPE"),
        (dict(lines={"SM58": 0}), ValidationError, "at least 1"),
        (dict(use_start="2027-03-04T09:00"), ValidationError, "within the planned period"),
        (dict(lines={"LYRE-WASH": 5}), ShortageError, "Not enough stock"),
    ],
)
def test_bad_bookings_are_refused_and_nothing_changes(db, clock, setup, data, error, message):
    data = dict(data)  # the parameter is shared by both engines' runs: never consume it
    before = _snapshot(db)
    lines = data.pop("lines", {"SM58": 1})
    use_start = data.pop("use_start", None)
    request = BookingData(
        customer=data.get("customer", setup),
        start=T("2027-03-05T09:00"),
        end=T(data.get("end", "2027-03-08T09:00")),
        use_start=T(use_start) if use_start else None,
        lines=[Line(c, q) for c, q in lines.items()],
    )
    with pytest.raises(error, match=message), db.write() as uow:
        bookings.create_booking(uow, user="t", data=request, clock=clock, confirm=True)
    assert _snapshot(db) == before


def test_editing_a_confirmed_booking_rechecks_availability(db, clock, setup):
    first = factories.booking(
        db, clock, setup, "2027-03-05T09:00", "2027-03-08T09:00", {"LYRE-WASH": 2}
    )
    second = factories.booking(
        db, clock, setup, "2027-03-10T09:00", "2027-03-12T09:00", {"LYRE-WASH": 4}
    )
    before = _snapshot(db)
    extended = _data(setup, end="2027-03-11T09:00", LYRE_WASH=2)  # runs into the second
    with pytest.raises(ShortageError) as refused, db.write() as uow:
        bookings.update_booking(uow, user="t", reference=first, data=extended, clock=clock)
    assert refused.value.shortages[0].holders == (second,)
    assert refused.value.shortages[0].missing == 2
    assert _snapshot(db) == before
    with db.write() as uow:  # its own quantity does not count against itself
        bookings.update_booking(
            uow,
            user="t",
            reference=first,
            clock=clock,
            data=_data(setup, end="2027-03-10T09:00", LYRE_WASH=2),
        )


def test_shortage_message_names_types_counts_dates_and_holders(db, clock, setup):
    factories.booking(db, clock, setup, "2027-03-05T09:00", "2027-03-08T09:00", {"LYRE-WASH": 3})
    with pytest.raises(ShortageError) as refused:
        factories.booking(
            db, clock, setup, "2027-03-06T09:00", "2027-03-07T09:00", {"LYRE-WASH": 2}
        )
    assert str(refused.value) == (
        "Not enough stock; nothing was changed:\n"
        "- Lyre wash LED 19x15 W (LYRE-WASH): 1 missing on 06/03/2027 09:00; requested 2, "
        "serviceable 4, already held 3 by R-2026-0001"
    )


def test_confirming_an_empty_quote_is_refused(db, clock, setup):
    with db.write() as uow:
        ref = bookings.create_booking(uow, user="t", clock=clock, data=_data(setup)).reference
    with pytest.raises(ValidationError, match="no lines"), db.write() as uow:
        bookings.confirm_booking(uow, user="t", reference=ref, clock=clock)


def test_duplicate_for_a_recurring_event(db, clock, setup):
    ref = factories.booking(db, clock, setup, "2027-03-05T09:00", "2027-03-08T09:00", {"SM58": 2})
    with db.write() as uow:
        copy = bookings.duplicate_booking(
            uow, user="t", reference=ref, clock=clock, start=T("2028-03-03T09:00")
        )
        assert (copy.status, copy.end, copy.reference) == (
            "quote",
            T("2028-03-06T09:00"),
            "R-2026-0002",
        )


def test_search_by_customer_event_date_and_item(db, clock, setup):
    ref = factories.booking(db, clock, setup, "2027-03-05T09:00", "2027-03-08T09:00", {"SM58": 2})
    with db.read() as uow:
        assert len(search_bookings(uow, "SM58")) == 1
        assert len(search_bookings(uow, "Rocher")) == 1
        assert search_bookings(uow, start=T("2027-04-01T00:00")) == []
        assert len(search_bookings(uow, statuses=["confirmed"])) == 1
        assert bookings.booking_by_ref(uow, ref.lower()).reference == ref
        assert uow.session.exec(select(func.count()).select_from(Booking)).one() == 1


def test_lines_mirror_their_booking_period_and_status(db, clock, setup):
    ref = factories.booking(
        db,
        clock,
        setup,
        "2027-03-05T09:00",
        "2027-03-08T09:00",
        {"SM58": 2, "LYRE-WASH": 1},
        confirm=False,
    )

    def mirrored():
        with db.read() as uow:
            b = bookings.booking_by_ref(uow, ref)
            return {
                (ln.start == b.start, ln.end == b.end, ln.status == b.status)
                for ln in bookings.lines_of(uow, b.id)
            }

    assert mirrored() == {(True, True, True)}
    with db.write() as uow:
        bookings.confirm_booking(uow, user="t", reference=ref, clock=clock)
    with db.write() as uow:
        bookings.update_booking(
            uow,
            user="t",
            reference=ref,
            clock=clock,
            data=_data(setup, end="2027-03-09T09:00", SM58=1, LYRE_WASH=1),
        )
    with db.write() as uow:
        bookings.booking_by_ref(uow, ref).end = T("2027-03-10T09:00")  # any ORM change
    assert mirrored() == {(True, True, True)}
    with db.read() as uow:
        assert {
            ln.status for ln in bookings.lines_of(uow, bookings.booking_by_ref(uow, ref).id)
        } == {"confirmed"}
