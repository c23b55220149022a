"""Item types and units: every rule, every bad input refused with nothing written."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from app.core.errors import Conflict, NotFound, ValidationError
from inventory import catalogue
from inventory.catalogue import parse_item_type, parse_unit
from inventory.models import ItemType, Repair, Unit, UnitEvent, UnitStatus
from tests import factories

GOOD = {
    "code": "PAR-LED",
    "name": "PAR LED RGBW 12x10 W",
    "category": "lighting",
    "tracking": "serialized",
    "manufacturer": "Chauvet",
    "model": "COLORado 1-Quad",
    "replacement_value": "899,00",
    "deposit": "150",
    "weight_grams": "5200",
}


def _counts(db):
    with db.read() as uow:
        return tuple(
            uow.session.exec(select(func.count()).select_from(model)).one()
            for model in (ItemType, Unit, UnitEvent, Repair)
        )


def test_parse_and_create_item_type(db):
    with db.write() as uow:
        item = catalogue.create_item_type(uow, user="t", data=parse_item_type(GOOD))
        assert item.replacement_value_cents == 89900 and item.deposit_cents == 15000
        assert item.barcode is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "  ", "name cannot be empty"),
        ("code", "", "code cannot be empty"),
        ("code", "PAR LED", "Code 128"),
        ("category", "furniture", "Unknown category 'furniture'"),
        ("tracking", "by weight", "Unknown tracking"),
        ("replacement_value", "12,3x", "not an amount"),
        ("deposit", "-5", "deposit cannot be negative"),
        ("weight_grams", "-1", "weight cannot be negative"),
        ("weight_grams", "1.5", "not a whole number"),
        ("stock_quantity", "-3", "quantity cannot be negative"),
    ],
)
def test_bad_item_fields_are_refused_with_their_field(field, value, message):
    with pytest.raises(ValidationError, match=message) as info:
        parse_item_type({**GOOD, field: value})
    assert info.value.field in {
        field,
        "code",
        "name",
        "category",
        "tracking",
        "replacement value",
        "deposit",
        "weight",
        "quantity",
    }


def test_duplicate_code_refused_nothing_written(db):
    factories.item(db, code="PAR-LED")
    before = _counts(db)
    with pytest.raises(ValidationError, match="code PAR-LED is already used"), db.write() as uow:
        catalogue.create_item_type(uow, user="t", data=parse_item_type(GOOD))
    assert _counts(db) == before


def test_serialized_type_cannot_have_stock_quantity(db):
    data = parse_item_type({**GOOD, "stock_quantity": "4"})
    with pytest.raises(ValidationError, match="only for bulk types"), db.write() as uow:
        catalogue.create_item_type(uow, user="t", data=data)
    assert _counts(db)[0] == 0


def test_bulk_type_gets_a_barcode_and_consumables_must_be_bulk(db):
    item_id = factories.bulk(db)
    with db.read() as uow:
        assert uow.session.get(ItemType, item_id).barcode == "CAB-00001"
    with pytest.raises(ValidationError, match="Consumables are counted in bulk"), db.write() as uow:
        catalogue.create_item_type(
            uow,
            user="t",
            data=parse_item_type({"code": "GAF", "name": "Gaffer noir", "category": "consumables"}),
        )


def test_cannot_make_a_type_with_units_bulk(db, clock):
    item_id = factories.item(db)
    factories.unit(db, clock)
    data = parse_item_type({**GOOD, "code": "LYRE-WASH", "tracking": "bulk"})
    with pytest.raises(ValidationError, match="has units"), db.write() as uow:
        catalogue.update_item_type(uow, user="t", item_id=item_id, data=data)


def test_update_item_type(db):
    item_id = factories.item(db)
    data = parse_item_type({**GOOD, "code": "LYRE-WASH", "name": "Lyre wash Robe"})
    with db.write() as uow:
        catalogue.update_item_type(uow, user="t", item_id=item_id, data=data)
    with db.read() as uow:
        assert uow.session.get(ItemType, item_id).name == "Lyre wash Robe"


def test_unit_with_owner_location_and_purchase(db, clock):
    factories.item(db)
    raw = {
        "item_code": "LYRE-WASH",
        "serial": "R600-1234",
        "location": "A-03-2",
        "purchase_date": "15/03/2022",
        "purchase_price": "3999,90",
        "owner": "Compagnie du Rocher",
    }
    with db.write() as uow:
        unit = catalogue.add_unit(uow, user="t", data=parse_unit(raw), clock=clock)
        assert unit.purchase_price_cents == 399990 and unit.owner_id is not None
        assert str(unit.purchase_date) == "2022-03-15"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"item_code": ""}, "item code cannot be empty"),
        ({"item_code": "X", "status": "broken"}, "Unknown status 'broken'"),
        ({"item_code": "X", "purchase_date": "31/02/2022"}, "not a date"),
        ({"item_code": "X", "purchase_price": "cheap"}, "not an amount"),
    ],
)
def test_bad_unit_fields_refused(raw, message):
    with pytest.raises(ValidationError, match=message):
        parse_unit(raw)


def test_unit_of_unknown_type_or_bulk_type_refused(db, clock):
    factories.bulk(db)
    before = _counts(db)
    with pytest.raises(NotFound, match="No item type has the code NOPE"):
        factories.unit(db, clock, item_code="NOPE")
    with pytest.raises(ValidationError, match="bulk type"):
        factories.unit(db, clock, item_code="DMX-10")
    assert _counts(db) == before


def test_duplicate_unit_barcode_refused_nothing_written(db, clock):
    factories.item(db)
    factories.unit(db, clock, barcode="ASSET-0001")
    before = _counts(db)
    with pytest.raises(Conflict, match="ASSET-0001 is already used"):
        factories.unit(db, clock, barcode=" ASSET-0001\r\n")
    assert _counts(db) == before


def test_status_change_logs_event_and_repair(db, clock):
    factories.item(db)
    code = factories.unit(db, clock)
    with db.write() as uow:
        catalogue.set_status(
            uow, user="t", barcode=code, status=UnitStatus.IN_REPAIR, note="Lampe HS", clock=clock
        )
    with db.write() as uow:
        catalogue.set_status(
            uow,
            user="t",
            barcode=code,
            status=UnitStatus.IN_SERVICE,
            note="Lampe changée",
            clock=clock,
        )
    with db.read() as uow:
        events = uow.session.exec(select(UnitEvent).order_by(UnitEvent.id)).all()
        repairs = uow.session.exec(select(Repair)).all()
    assert [(e.old_status, e.new_status, e.note) for e in events] == [
        ("in_service", "in_repair", "Lampe HS"),
        ("in_repair", "in_service", "Lampe changée"),
    ]
    assert len(repairs) == 1 and repairs[0].closed_on == clock.today()


def test_status_change_refusals(db, clock):
    factories.item(db)
    code = factories.unit(db, clock)
    with pytest.raises(Conflict, match="already in_service"), db.write() as uow:
        catalogue.set_status(
            uow, user="t", barcode=code, status=UnitStatus.IN_SERVICE, note="", clock=clock
        )
    with pytest.raises(NotFound, match="No unit has the barcode ZZZ"), db.write() as uow:
        catalogue.set_status(
            uow, user="t", barcode="ZZZ", status=UnitStatus.LOST, note="", clock=clock
        )
