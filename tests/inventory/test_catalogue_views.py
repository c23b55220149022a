"""The catalogue screens' reads: the detail panel, the forms' values, the labels search."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import NotFound
from inventory import catalogue, catalogue_views, maintenance
from inventory.models import UnitStatus
from tests import factories

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def lyre(db, clock):
    type_id = factories.item(db, "LYRE-WASH", "Lyre wash LED 19x15 W", manufacturer="Robe")
    first = factories.unit(db, clock, serial="RW-1001")
    second = factories.unit(db, clock, serial="RW-1002")
    with db.write() as uow:
        maintenance.add_schedule(
            uow, user="t", item_type_id=type_id, name="VGP", interval_months=12, clock=clock
        )
        catalogue.set_status(
            uow, user="t", barcode=second, status=UnitStatus.IN_REPAIR, note="fan", clock=clock
        )
    return type_id, first, second


def unit_id(db, barcode):
    with db.read() as uow:
        return catalogue.unit_by_barcode(uow, barcode).id


def test_detail_of_a_type_alone(db, lyre):
    type_id, _first, _second = lyre
    with db.read() as uow:
        found = catalogue_views.detail(uow, type_id, None, TODAY)
    assert found.item["code"] == "LYRE-WASH"
    assert [(s.name, s.interval_months) for s in found.schedules] == [("VGP", 12)]
    assert found.unit is None and found.events == [] and found.photo is None


def test_detail_of_a_unit_has_its_dues_and_newest_events_first(db, lyre, clock):
    type_id, _first, second = lyre
    with db.write() as uow:
        catalogue.set_status(
            uow, user="u", barcode=second, status=UnitStatus.IN_SERVICE, note="ok", clock=clock
        )
    with db.read() as uow:
        found = catalogue_views.detail(uow, type_id, unit_id(db, second), TODAY)
    assert found.unit is not None and found.unit["serial"] == "RW-1002"
    assert found.unit["owner"] == ""
    assert [d.schedule for d in found.dues] == ["VGP"]
    assert [(e.new_status, e.note) for e in found.events] == [
        ("in_service", "ok"),
        ("in_repair", "fan"),
    ]


def test_detail_ignores_a_unit_of_another_type(db, lyre, clock):
    type_id, _first, _second = lyre
    factories.item(db, "SM58", "Micro Shure SM58")
    mic = factories.unit(db, clock, "SM58")
    with db.read() as uow:
        found = catalogue_views.detail(uow, type_id, unit_id(db, mic), TODAY)
        gone = catalogue_views.detail(uow, 9999, None, TODAY)
    assert found.unit is None
    assert gone.item == {} and gone.schedules == []


def test_events_are_limited(db, lyre, clock):
    _type_id, first, _second = lyre
    with db.write() as uow:
        for n in range(5):
            status = UnitStatus.IN_REPAIR if n % 2 == 0 else UnitStatus.IN_SERVICE
            catalogue.set_status(uow, user="t", barcode=first, status=status, note="", clock=clock)
    with db.read() as uow:
        assert len(catalogue_views.unit_events(uow, unit_id(db, first), limit=3)) == 3


def test_form_values_of_a_type_and_a_unit(db, lyre, clock):
    type_id, _first, _second = lyre
    owned = factories.unit(db, clock, serial="RW-1003", owner="Cie Z")
    with db.read() as uow:
        item = catalogue_views.item_type_values(uow, type_id)
        values = catalogue_views.unit_values(uow, unit_id(db, owned))
        owners = catalogue_views.owner_names(uow)
    assert (item["code"], item["manufacturer"]) == ("LYRE-WASH", "Robe")
    assert (values["item_code"], values["item_name"], values["owner"]) == (
        "LYRE-WASH",
        "Lyre wash LED 19x15 W",
        "Cie Z",
    )
    assert owners == ["Cie Z"]


def test_form_values_of_what_no_longer_exists_are_refused(db):
    with db.read() as uow:
        with pytest.raises(NotFound, match="item type no longer exists"):
            catalogue_views.item_type_values(uow, 4242)
        with pytest.raises(NotFound, match="unit no longer exists"):
            catalogue_views.unit_values(uow, 4242)


def test_label_search_shows_the_units_the_text_names(db, lyre, clock):
    factories.item(db, "SM58", "Micro Shure SM58")
    factories.unit(db, clock, "SM58")
    with db.read() as uow:
        everything, total = catalogue_views.label_search(uow, "")
        named, _ = catalogue_views.label_search(uow, "rw-1002")
        limited, all_of_them = catalogue_views.label_search(uow, "", limit=1)
    assert total == 2 and len(everything) == 2
    assert not any(found.matched for found in everything)
    [lyre_found] = named
    assert lyre_found.matched and [u.serial for u in lyre_found.units] == ["RW-1002"]
    assert len(limited) == 1 and all_of_them == 2
