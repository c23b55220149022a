"""The member-rate rule (``booking.memberships``): a member on every day of use, whether one
membership covers the days or a renewal takes over; one day without a membership makes the
booking public rate. Pure cases first, then the query over stored memberships."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from booking import customers, memberships
from tests import factories

D = dt.date


@dataclass(frozen=True)
class M:
    member_number: str
    valid_from: dt.date
    valid_to: dt.date | None = None


Y2026 = M("S-2026", D(2026, 1, 1), D(2026, 12, 31))
Y2027 = M("S-2027", D(2027, 1, 1), D(2027, 12, 31))
OPEN = M("S-OPEN", D(2027, 1, 1))


def cover(ms, first, last):
    return [m.member_number for m in memberships.member_on_every_day(ms, first, last)]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (D(2026, 1, 1), D(2026, 1, 1), ["S-2026"]),  # its first day, inclusive
        (D(2026, 12, 31), D(2026, 12, 31), ["S-2026"]),  # its last day, inclusive
        (D(2026, 1, 1), D(2026, 12, 31), ["S-2026"]),  # exactly its year
        (D(2025, 12, 31), D(2026, 1, 2), []),  # starts the day after the first day of use
        (D(2026, 12, 30), D(2027, 1, 2), []),  # ends before the last day, nothing after
    ],
)
def test_one_membership_first_and_last_day_inclusive(first, last, expected):
    assert cover([Y2026], first, last) == expected


def test_a_renewal_covers_the_days_across_the_new_year():
    assert cover([Y2027, Y2026], D(2026, 12, 30), D(2027, 1, 2)) == ["S-2026", "S-2027"]
    # a booking inside one year needs only that year's membership
    assert cover([Y2026, Y2027], D(2027, 3, 1), D(2027, 3, 5)) == ["S-2027"]
    # the renewal's last day and the old one's first day, both inclusive
    assert cover([Y2026, Y2027], D(2026, 1, 1), D(2027, 12, 31)) == ["S-2026", "S-2027"]
    assert cover([Y2026, Y2027], D(2026, 1, 1), D(2028, 1, 1)) == []


def test_three_memberships_chain():
    y2028 = M("S-2028", D(2028, 1, 1), D(2028, 12, 31))
    got = cover([y2028, Y2026, Y2027], D(2026, 12, 31), D(2028, 1, 1))
    assert got == ["S-2026", "S-2027", "S-2028"]


def test_a_gap_of_one_day_means_public_rate_for_the_whole_booking():
    late_renewal = M("S-LATE", D(2027, 1, 2), D(2027, 12, 31))  # 01/01/2027 uncovered
    assert cover([Y2026, late_renewal], D(2026, 12, 30), D(2027, 1, 3)) == []
    # the days before or after the gap alone are covered
    assert cover([Y2026, late_renewal], D(2026, 12, 30), D(2026, 12, 31)) == ["S-2026"]
    assert cover([Y2026, late_renewal], D(2027, 1, 2), D(2027, 1, 3)) == ["S-LATE"]
    assert cover([Y2026, late_renewal], D(2027, 1, 1), D(2027, 1, 1)) == []


def test_open_ended_memberships():
    assert cover([OPEN], D(2027, 1, 1), D(2099, 12, 31)) == ["S-OPEN"]
    assert cover([OPEN], D(2026, 12, 31), D(2027, 1, 1)) == []
    assert cover([Y2026, OPEN], D(2026, 12, 20), D(2030, 6, 1)) == ["S-2026", "S-OPEN"]
    assert (
        memberships.cover_ends(
            memberships.member_on_every_day([Y2026, OPEN], D(2026, 12, 20), D(2027, 1, 1))
        )
        is None
    )
    assert memberships.cover_ends(
        memberships.member_on_every_day([Y2026], D(2026, 5, 1), D(2026, 5, 2))
    ) == D(2026, 12, 31)


def test_no_membership_and_memberships_of_other_years():
    assert cover([], D(2026, 5, 1), D(2026, 5, 1)) == []
    assert cover([Y2027], D(2026, 5, 1), D(2026, 5, 3)) == []


def test_overlapping_memberships_keep_the_one_reaching_furthest():
    short = M("S-SHORT", D(2026, 1, 1), D(2026, 3, 31))
    long = M("S-LONG", D(2026, 1, 1), D(2026, 12, 31))
    assert cover([short, long], D(2026, 2, 1), D(2026, 6, 1)) == ["S-LONG"]
    assert cover([short, Y2027, long], D(2026, 2, 1), D(2027, 6, 1)) == ["S-LONG", "S-2027"]


def test_reversed_days_are_read_in_order():
    assert cover([Y2026, Y2027], D(2027, 1, 2), D(2026, 12, 30)) == ["S-2026", "S-2027"]


def test_numbers_and_usage_days():
    both = memberships.member_on_every_day([Y2026, Y2027], D(2026, 12, 30), D(2027, 1, 2))
    assert memberships.numbers(both) == "S-2026, S-2027"
    assert memberships.numbers(both, " puis ") == "S-2026 puis S-2027"
    assert memberships.numbers(()) == ""
    # the usage period is half-open: an end at midnight does not touch the next day
    dtm = dt.datetime
    assert memberships.usage_days(dtm(2026, 12, 30, 8), dtm(2027, 1, 3, 0, 0)) == (
        D(2026, 12, 30),
        D(2027, 1, 2),
    )
    assert memberships.usage_days(dtm(2026, 12, 31, 20), dtm(2027, 1, 1, 2)) == (
        D(2026, 12, 31),
        D(2027, 1, 1),
    )


def test_query_over_stored_memberships(db):
    number = factories.customer(db)
    with db.write() as uow:
        cid = customers.customer_by_number(uow, number).id
        for num, start, end in (
            ("S-001", "2026-01-01", "2026-12-31"),
            ("S-002", "2027-01-01", "2027-12-31"),
            ("S-003", "2028-01-02", ""),
        ):
            customers.add_membership(
                uow, user="t", customer_id=cid, member_number=num, valid_from=start, valid_to=end
            )
    other = factories.customer(db, name="Autre")
    with db.read() as uow:
        oid = customers.customer_by_number(uow, other).id
        got = memberships.covering_memberships(uow, cid, D(2026, 12, 30), D(2027, 1, 2))
        assert [m.member_number for m in got] == ["S-001", "S-002"]
        assert memberships.covering_memberships(uow, cid, D(2027, 12, 31), D(2028, 1, 2)) == ()
        assert memberships.covering_memberships(uow, oid, D(2026, 5, 1), D(2026, 5, 2)) == ()
        during = memberships.member_during(
            uow, cid, dt.datetime(2028, 1, 2, 9), dt.datetime(2031, 1, 1, 0, 0)
        )
        assert [m.member_number for m in during] == ["S-003"]
