"""The membership year (``memberships.year_start``, "MM-DD") gives a new or renewed
membership its default period: a new member from today to the end of the current
membership year, a renewal from the day after the last membership to the end of its
membership year; the calendar year by default, a season from September when set so."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core import settings
from booking import customers, memberships
from tests.invoicing.conftest import USER, coop, customer  # noqa: F401 - the fixture

D = dt.date


@pytest.mark.parametrize(
    ("start", "day", "period"),
    [
        ((1, 1), D(2026, 12, 7), (D(2026, 1, 1), D(2026, 12, 31))),
        ((9, 1), D(2026, 12, 7), (D(2026, 9, 1), D(2027, 8, 31))),
        ((9, 1), D(2027, 3, 1), (D(2026, 9, 1), D(2027, 8, 31))),
        ((9, 1), D(2026, 9, 1), (D(2026, 9, 1), D(2027, 8, 31))),
        ((9, 1), D(2026, 8, 31), (D(2025, 9, 1), D(2026, 8, 31))),
        ((2, 29), D(2027, 3, 1), (D(2027, 2, 28), D(2028, 2, 28))),
    ],
)
def test_the_membership_year_holding_a_day(start, day, period):
    assert memberships.membership_year(day, start) == period


@pytest.mark.parametrize(
    ("text", "start"),
    [("01-01", (1, 1)), ("09-01", (9, 1)), ("01/09", (9, 1)), ("13-01", (1, 1)), ("", (1, 1))],
)
def test_the_year_start_setting_is_read_as_a_day_of_the_year(text, start):
    assert memberships.parse_year_start(text) == start


def set_year_start(db, value: str) -> None:
    with db.write() as uow:
        settings.set_setting(uow, settings.MEMBERSHIP_YEAR_START, value)


def customer_id(db, number: str) -> int:
    with db.read() as uow:
        return customers.customer_by_number(uow, number).id


def period(db, number: str, today: dt.date, **kw) -> tuple[dt.date, dt.date]:
    with db.read() as uow:
        return memberships.default_period(uow, customer_id(db, number), today, **kw)


def test_a_new_member_is_one_until_the_end_of_the_membership_year(coop):  # noqa: F811
    today = D(2026, 12, 7)
    assert period(coop, "C-PUB", today) == (today, D(2026, 12, 31))
    set_year_start(coop, "09-01")
    assert period(coop, "C-PUB", today) == (today, D(2027, 8, 31))
    assert period(coop, "C-PUB", today, valid_from=D(2027, 9, 1)) == (D(2027, 9, 1), D(2028, 8, 31))


@pytest.mark.both_engines
def test_a_renewal_follows_the_last_membership(coop):  # noqa: F811
    set_year_start(coop, "09-01")
    number = customer(coop, "C-SEASON", "Compagnie des Saisons")
    with coop.write() as uow:
        customers.add_membership(
            uow,
            user=USER,
            customer_id=customer_id(coop, number),
            member_number="S-77",
            valid_from="2026-09-01",
            valid_to="2027-08-31",
        )
    # renewed while it runs: from the day after it ends, for the next season
    assert period(coop, number, D(2027, 6, 15)) == (D(2027, 9, 1), D(2028, 8, 31))
    # renewed once lapsed: from today, to the end of the season holding today
    assert period(coop, number, D(2027, 10, 3)) == (D(2027, 10, 3), D(2028, 8, 31))
    # the C-MEM fixture's membership is open-ended: a renewal starts today
    assert period(coop, "C-MEM", D(2026, 12, 7)) == (D(2026, 12, 7), D(2027, 8, 31))
