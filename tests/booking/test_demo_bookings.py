"""The demo's customers and bookings: counts, members, statuses consistent with dates, never
over-booked, deterministic; a scaled-down large build through the same bulk path."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select
from stdnum.fr import siret as fr_siret

from app.core.clock import FixedClock
from app.core.errors import Conflict
from app.core.migrate import open_database
from app.demo.booking import build_bookings_demo, luhn_digit, make_siret
from app.demo.inventory import build_demo
from booking import availability
from booking.models import Booking, BookingLine, BookingStatus, Customer, Membership
from tests.conftest import NOW, USER

SMALL_BOOKINGS = 160  # scaled down: the full small demo is exercised by the first-run test


@pytest.fixture(scope="module")
def small_template(tmp_path_factory, template_db) -> Path:
    """One small demo (catalogue, 200 customers, bookings) built once, copied per test."""
    path = tmp_path_factory.mktemp("demo-bookings") / "small.db"
    shutil.copy(template_db, path)
    db = open_database(path)
    clock = FixedClock(NOW)
    build_demo(db, size="small", seed=3, clock=clock, user=USER)
    build_bookings_demo(db, size="small", seed=3, clock=clock, user=USER, bookings=SMALL_BOOKINGS)
    db.dispose()
    return path


@pytest.fixture
def small(small_template, tmp_path):
    path = tmp_path / "small.db"
    shutil.copy(small_template, path)
    db = open_database(path)
    yield db
    db.dispose()


def test_luhn_digit_and_generated_sirets_are_valid():
    assert luhn_digit("73282932") == "0"  # SIREN 732829320 (a textbook example)
    rng = random.Random(5)
    for _ in range(200):
        siret = make_siret(rng)
        assert len(siret) == 14 and fr_siret.is_valid(siret)


def test_small_counts_members_and_non_members(small, clock):
    with small.read() as uow:
        customers = list(uow.session.exec(select(Customer)))
        members = set(
            uow.session.exec(
                select(Membership.customer_id).where(Membership.member_number.like("SOC-%"))
            )
        )
        bookings = uow.session.exec(select(func.count()).select_from(Booking)).one()
        lines = uow.session.exec(select(func.count()).select_from(BookingLine)).one()
        today = clock.today()
        covering = uow.session.exec(
            select(func.count(func.distinct(Membership.customer_id))).where(
                Membership.valid_from <= today,
                (Membership.valid_to == None) | (Membership.valid_to >= today),  # noqa: E711
            )
        ).one()
        ends_mid_year = uow.session.exec(
            select(func.count())
            .select_from(Membership)
            .where(Membership.valid_to < today, Membership.valid_to >= dt.date(today.year, 1, 1))
        ).one()
    assert len(customers) == 200
    assert len(members) == 140 and len(customers) - len(members) == 60
    assert 100 <= covering < 140 and ends_mid_year > 0
    assert SMALL_BOOKINGS - 10 <= bookings <= SMALL_BOOKINGS
    assert lines >= 2 * bookings
    orgs = [c for c in customers if c.kind == "organisation"]
    assert orgs and all(fr_siret.is_valid(c.siret) for c in orgs)
    assert all(c.siret == "" for c in customers if c.kind == "person")
    assert all(c.postcode and c.city for c in customers)


def test_statuses_are_consistent_with_dates(small, clock):
    now = clock.local_now()
    with small.read() as uow:
        rows = list(uow.session.exec(select(Booking)))
    seen = {row.status for row in rows}
    assert {"closed", "confirmed", "quote", "cancelled"} <= seen
    for booking in rows:
        status = BookingStatus(booking.status)
        if status in (BookingStatus.RETURNED, BookingStatus.CLOSED):
            assert booking.end <= now, booking.reference
        elif status == BookingStatus.OUT:
            assert booking.start <= now < booking.end, booking.reference
        elif status in (BookingStatus.CONFIRMED, BookingStatus.QUOTE):
            assert booking.end > now, booking.reference
        assert booking.start <= booking.use_start < booking.use_end <= booking.end
        assert booking.event and booking.venue
    starts = [b.start.date() for b in rows]
    assert min(starts) >= clock.today() - dt.timedelta(days=190)
    assert max(starts) <= clock.today() + dt.timedelta(days=190)


def _assert_never_over_booked(db, clock, days: int, sample: int) -> None:
    now = clock.local_now()
    rng = random.Random(1)
    with db.read() as uow:
        type_ids = sorted(
            uow.session.exec(select(BookingLine.item_type_id).distinct())  # busy types
        )
        chosen = rng.sample(type_ids, min(sample, len(type_ids)))
        for offset in range(-days, days, 3):
            start = dt.datetime.combine(clock.today() + dt.timedelta(days=offset), dt.time())
            found = availability.availability_many(
                uow, start, start + dt.timedelta(days=3), now=now, type_ids=chosen
            )
            for a in found.values():
                assert a.reserved <= a.serviceable, (a.item_type_id, start)
        assert (
            availability.shortages(
                uow,
                dt.datetime.combine(clock.today(), dt.time()),
                now + dt.timedelta(days=190),
                now=now,
            )
            == []
        )


def test_small_never_over_books(small, clock):
    _assert_never_over_booked(small, clock, days=180, sample=30)


def test_bookings_demo_is_deterministic(small_template, template_db, tmp_path, clock):
    path = tmp_path / "again.db"
    shutil.copy(template_db, path)
    db = open_database(path)
    try:
        build_demo(db, size="small", seed=3, clock=clock, user=USER)
        build_bookings_demo(
            db, size="small", seed=3, clock=clock, user=USER, bookings=SMALL_BOOKINGS
        )
        again = _fingerprint(db)
    finally:
        db.dispose()
    first_db = open_database(small_template)
    try:
        assert _fingerprint(first_db) == again
    finally:
        first_db.dispose()


def _fingerprint(db) -> list[tuple]:
    with db.read() as uow:
        conn = uow.session.connection()
        bookings = conn.exec_driver_sql(
            'SELECT reference, customer_id, start, "end", status, event FROM booking ORDER BY id'
        ).all()
        lines = conn.exec_driver_sql(
            "SELECT booking_id, item_type_id, quantity, kit_id FROM booking_line ORDER BY id"
        ).all()
        customers = conn.exec_driver_sql(
            "SELECT number, name, siret FROM customer ORDER BY id"
        ).all()
    return [tuple(r) for r in (*bookings, *lines, *customers)]


def test_refused_on_a_database_that_already_has_customers(small, clock):
    with pytest.raises(Conflict):
        build_bookings_demo(small, size="small", seed=3, clock=clock, user=USER)


def test_scaled_down_large_goes_through_the_bulk_path(db, clock):
    build_demo(db, size="large", seed=2, clock=clock, user=USER, types=150, units=1_500)
    seen: list[float] = []
    summary = build_bookings_demo(
        db,
        size="large",
        seed=2,
        clock=clock,
        user=USER,
        customers=120,
        bookings=3_000,
        lines=15_000,
        years=2,
        progress=lambda fraction, _what: seen.append(fraction),
    )
    assert summary.customers == 120 and summary.bookings >= 3_000 and summary.lines >= 15_000
    assert summary.statuses.get("closed", 0) > summary.statuses.get("confirmed", 0) > 0
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    now = clock.local_now()
    with db.read() as uow:
        first = uow.session.exec(select(func.min(Booking.start))).one()
        assert first.date() < clock.today() - dt.timedelta(days=500)
        out = list(uow.session.exec(select(Booking).where(Booking.status == "out")))
        assert all(b.start <= now < b.end for b in out)
        # the reference sequence follows on after the bulk insert
        from booking.bookings import next_reference

        reference = next_reference(uow, clock.today().year)
        assert not uow.session.exec(select(Booking).where(Booking.reference == reference)).first()
    _assert_never_over_booked(db, clock, days=180, sample=40)
