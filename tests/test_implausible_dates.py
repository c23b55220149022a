"""A date whose year is a typing slip (year 1, year 9999) is refused where it is parsed,
with a sentence naming the field, and nothing is written."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest

from app.core.errors import ValidationError
from booking.bookings import parse_datetime
from inventory.fields import optional_date
from invoicing.statements import month_bounds


@pytest.mark.parametrize("text", ["0001-01-01T10:00", "9999-12-31T10:00", "1899-12-31T23:00"])
def test_a_booking_time_outside_plausible_years_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_datetime("pick-up", text)
    assert refused.value.field == "pick-up"
    assert "plausible" in refused.value.template


def test_plausible_dates_still_parse() -> None:
    assert parse_datetime("pick-up", "2027-03-05T09:00") == dt.datetime(2027, 3, 5, 9, 0)
    assert optional_date("purchase date", "1998-06-30") == dt.date(1998, 6, 30)


@pytest.mark.parametrize("text", ["9999-12-31", "31/12/0001"])
def test_a_day_outside_plausible_years_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        optional_date("from", text)


def test_a_month_in_year_9999_is_refused() -> None:
    with pytest.raises(ValidationError):
        month_bounds("9999-12")


def test_the_cli_writes_no_booking_dated_year_one(db_path) -> None:  # type: ignore[no-untyped-def]
    """Year 1 used to be accepted: ``bookings create`` wrote a booking dated 0001-01-01."""
    regie = shutil.which("regie")
    assert regie is not None, "the regie console script is installed by pip install -e"
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    before = db_path.read_bytes()
    result = subprocess.run(
        [
            regie,
            "bookings",
            "create",
            "--customer",
            "1",
            "--from",
            "0001-01-01T10:00",
            "--to",
            "0001-01-03T10:00",
            "--line",
            "X=1",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not a plausible date" in result.stderr
    assert db_path.read_bytes() == before


def _count_bookings(db) -> int:  # type: ignore[no-untyped-def]
    from sqlmodel import func, select

    from booking.models import Booking

    with db.read() as uow:
        return int(uow.session.exec(select(func.count()).select_from(Booking)).one())


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2026-12-10T10:00", "9999-12-10T10:00", "plausible"),  # the editor's date field allows it
        ("2026-12-10T10:00", "2032-12-10T10:00", "at most 5 years"),
    ],
)
def test_the_booking_service_refuses_a_return_date_typed_wrong(
    db, clock, start, end, words
) -> None:  # type: ignore[no-untyped-def]
    """A booking confirmed until 9999 held its lyre for ever and priced 65 million euros."""
    from tests import factories

    factories.item(db)
    factories.unit(db, clock)
    number = factories.customer(db)
    with pytest.raises(ValidationError) as refused:
        factories.booking(db, clock, number, start, end, {"LYRE-WASH": 1})
    assert words in str(refused.value)
    assert _count_bookings(db) == 0


def test_a_booking_line_code_in_lower_case_is_the_item_type(db, clock) -> None:  # type: ignore[no-untyped-def]
    from tests import factories

    factories.item(db)
    factories.unit(db, clock)
    number = factories.customer(db)
    factories.booking(db, clock, number, "2026-12-10T10:00", "2026-12-12T10:00", {"lyre-wash": 1})
    assert _count_bookings(db) == 1
