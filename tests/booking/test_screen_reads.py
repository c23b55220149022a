"""The reads the booking screens show (``booking.queries``, ``booking.editor_reads``,
``booking.customers``): Qt-free, on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import NotFound, ValidationError
from booking import customers, queries
from booking.editor_reads import Entry, check_booking, resolve_entry
from booking.models import Booking
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
    with db.write() as uow:
        containers.save_kit(
            uow, user="t", code="KIT-FACE", name="Face", lines=[("LYRE-WASH", 2), ("SM58", 1)]
        )
    return factories.customer(db, member_from="2026-01-01")


def test_search_filters_by_event(db, clock, setup):
    ref = factories.booking(db, clock, setup, "2026-12-01T10:00", "2026-12-03T10:00", {"SM58": 1})
    other = factories.booking(db, clock, setup, "2026-12-05T10:00", "2026-12-06T10:00", {"SM58": 1})
    with db.write() as uow:
        for reference, event in ((ref, "Nuits d'été"), (other, "Bal")):
            booking = uow.session.get(Booking, queries.booking_named(uow, reference))
            assert booking is not None
            booking.event = event
    with db.read() as uow:
        found = queries.search_bookings(uow, event="nuits")
        assert queries.booking_rows(uow, found)[found[0]].reference == ref
        assert len(found) == 1
        assert len(queries.search_bookings(uow, event="  ")) == 2


def test_booking_named_reads_case_and_the_other_layout(db, clock, setup):
    ref = factories.booking(db, clock, setup, "2026-12-01T10:00", "2026-12-03T10:00", {"SM58": 1})
    with db.read() as uow:
        booking_id = queries.booking_named(uow, ref)
        assert booking_id is not None
        assert queries.booking_named(uow, ref.lower()) == booking_id
        assert queries.booking_named(uow, "R-1999-0001") is None


def test_picker_choices_lists_customers_types_and_kits(db, setup):
    with db.read() as uow:
        choices = queries.picker_choices(uow)
    assert choices.customers == [(setup, "Compagnie du Rocher")]
    assert [code for code, _ in choices.types] == ["LYRE-WASH", "SM58"]
    assert choices.kits == [("KIT-FACE", "Face")]


def test_booking_form_merges_a_kit_with_the_same_type_booked_alone(db, clock, setup):
    ref = factories.booking(
        db, clock, setup, "2026-12-01T10:00", "2026-12-03T10:00", {"KIT-FACE": 1, "SM58": 2}
    )
    with db.read() as uow:
        form = queries.booking_form(uow, queries.booking_named(uow, ref) or 0)
    assert (form.reference, form.status, form.customer) == (
        ref,
        "confirmed",
        f"Compagnie du Rocher ({setup})",
    )
    assert {ln.code: ln.quantity for ln in form.lines} == {"LYRE-WASH": 2, "SM58": 3}
    assert (form.use_start, form.use_end) == (T("2026-12-01T10:00"), T("2026-12-03T10:00"))


def test_booking_form_of_a_missing_booking_is_refused(db):
    with pytest.raises(NotFound), db.read() as uow:
        queries.booking_form(uow, 999)


def test_resolve_entry_reads_codes_quantities_and_kits(db, setup):
    with db.read() as uow:
        (lyre,) = resolve_entry(uow, "lyre-wash=3")
        assert (lyre.code, lyre.quantity) == ("LYRE-WASH", 3)
        assert resolve_entry(uow, "SM58 — Micro Shure SM58")[0].code == "SM58"
        kit = resolve_entry(uow, "KIT-FACE=2")
        assert {(e.code, e.quantity) for e in kit} == {("LYRE-WASH", 4), ("SM58", 2)}
        assert all(isinstance(e, Entry) for e in kit)
        assert resolve_entry(uow, "Shure")[0].code == "SM58"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("NOTHING-LIKE-THIS", "Nothing in the catalogue matches"),
        ("S", "item types match"),
        ("SM58=0", "quantity"),
        ("=2", "item code"),
    ],
)
def test_resolve_entry_refuses_what_names_nothing_or_several(db, setup, text, message):
    with pytest.raises(ValidationError, match=message), db.read() as uow:
        resolve_entry(uow, text)


def test_check_booking_finds_the_membership_and_the_shortage(db, clock, setup):
    with db.read() as uow:
        lyre = resolve_entry(uow, "LYRE-WASH")[0].item_type_id
        check = check_booking(
            uow,
            wanted={lyre: 6},
            start=T("2026-12-01T10:00"),
            end=T("2026-12-03T10:00"),
            use_start=T("2026-12-01T10:00"),
            use_end=T("2026-12-03T00:00"),
            now=clock.local_now(),
            exclude=None,
            customer=setup,
        )
        stranger = check_booking(
            uow,
            wanted={},
            start=T("2026-12-01T10:00"),
            end=T("2026-12-03T10:00"),
            use_start=T("2026-12-01T10:00"),
            use_end=T("2026-12-03T10:00"),
            now=clock.local_now(),
            exclude=None,
            customer="NO-SUCH",
        )
    assert check.membership == f"S{setup}"
    assert (check.first_day, check.last_day) == (dt.date(2026, 12, 1), dt.date(2026, 12, 2))
    assert check.found[lyre].serviceable == 4
    assert [(s.code, s.missing) for s in check.shortages] == [("LYRE-WASH", 2)]
    assert stranger.membership is None and stranger.found == {} and not stranger.shortages


def test_customer_fields_round_trip_through_the_one_list(db):
    number = factories.customer(db, name="Mairie du Puy")
    with db.read() as uow:
        customer_id = customers.customer_id_of(uow, number)
        assert customer_id is not None
        raw = customers.customer_fields(uow, customer_id)
    assert tuple(raw) == customers.CUSTOMER_FIELDS
    assert (raw["name"], raw["number"], raw["country"]) == ("Mairie du Puy", number, "FR")
    raw["city"] = "Le Puy-en-Velay"
    with db.write() as uow:
        customers.save_customer(
            uow, user="t", data=customers.parse_customer(raw), customer_id=customer_id
        )
    with db.read() as uow:
        assert customers.customer_fields(uow, customer_id)["city"] == "Le Puy-en-Velay"
        assert customers.customer_id_of(uow, "nobody") is None
    with pytest.raises(NotFound), db.read() as uow:
        customers.customer_fields(uow, 999)


def test_customer_rows_and_detail(db, clock, setup):
    factories.booking(db, clock, setup, "2026-12-01T10:00", "2026-12-03T10:00", {"SM58": 1})
    with db.read() as uow:
        customer_id = customers.customer_id_of(uow, setup) or 0
        row = customers.customer_rows(uow, [customer_id])[customer_id]
        detail = customers.customer_detail(uow, customer_id)
        assert customers.customer_detail(uow, 999) is None
        assert customers.customer_rows(uow, []) == {}
    assert row.membership_on(dt.date(2026, 6, 1)) == f"S{setup}"
    assert row.membership_on(dt.date(2025, 6, 1)) is None
    assert detail is not None
    assert detail.customer["number"] == setup
    assert [m.member_number for m in detail.memberships] == [f"S{setup}"]
    assert len(detail.bookings) == 1 and detail.contacts == []
