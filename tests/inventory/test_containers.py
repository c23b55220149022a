"""Kits and cases."""

from __future__ import annotations

import pytest

from app.core.errors import Conflict, NotFound, ValidationError
from inventory import containers
from inventory.catalogue import set_status
from inventory.models import UnitStatus
from tests import factories


def test_kit_lines_sum_duplicates(db):
    factories.item(db, code="SM58", name="Micro Shure SM58")
    factories.item(db, code="PIED", name="Pied de micro K&M")
    with db.write() as uow:
        kit = containers.save_kit(
            uow,
            user="t",
            code="KIT-CHANT",
            name="Kit chant",
            lines=[("SM58", 2), ("PIED", 2), ("SM58", 1)],
        )
        lines = {line.item_type_id: line.quantity for line in containers.kit_lines(uow, kit.id)}
    assert sorted(lines.values()) == [2, 3]


@pytest.mark.parametrize(
    ("code", "name", "lines", "error", "message"),
    [
        ("K1", "", [("SM58", 1)], ValidationError, "name cannot be empty"),
        ("K1", "Kit", [], ValidationError, "at least one item type"),
        ("K1", "Kit", [("SM58", 0)], ValidationError, "at least 1"),
        ("K1", "Kit", [("NOPE", 1)], NotFound, "NOPE"),
        ("K 1", "Kit", [("SM58", 1)], ValidationError, "Code 128"),
    ],
)
def test_bad_kits_refused(db, code, name, lines, error, message):
    factories.item(db, code="SM58", name="Micro Shure SM58")
    with pytest.raises(error, match=message), db.write() as uow:
        containers.save_kit(uow, user="t", code=code, name=name, lines=lines)
    with db.read() as uow:
        assert uow.session.connection().exec_driver_sql("SELECT count(*) FROM kit").scalar() == 0


def test_fill_and_empty_a_case(db, clock):
    factories.item(db)
    a, b = factories.unit(db, clock), factories.unit(db, clock)
    with db.write() as uow:
        case = containers.create_case(uow, user="t", name="Flight lyres", permanent=False)
        containers.put_in_case(uow, user="t", case_code=case.barcode, unit_code=a)
        containers.put_in_case(uow, user="t", case_code=case.barcode, unit_code=b + "\r\n")
        assert [u.barcode for u in containers.case_contents(uow, case.id)] == [a, b]
        assert case.barcode.startswith("CASE-")
    with pytest.raises(Conflict, match="already in Flight lyres"), db.write() as uow:
        containers.put_in_case(uow, user="t", case_code=case.barcode, unit_code=a)
    with db.write() as uow:
        assert containers.empty_case(uow, user="t", case_id=case.id) == 2


def test_unit_in_repair_or_in_another_case_refused(db, clock):
    factories.item(db)
    a, b = factories.unit(db, clock), factories.unit(db, clock)
    with db.write() as uow:
        rack = containers.create_case(uow, user="t", name="Rack", permanent=True)
        other = containers.create_case(uow, user="t", name="Autre", permanent=False)
        containers.put_in_case(uow, user="t", case_code=rack.barcode, unit_code=a)
        set_status(uow, user="t", barcode=b, status=UnitStatus.IN_REPAIR, note="", clock=clock)
    with pytest.raises(Conflict, match="is in Rack"), db.write() as uow:
        containers.put_in_case(uow, user="t", case_code=other.barcode, unit_code=a)
    with pytest.raises(Conflict, match="only units in service"), db.write() as uow:
        containers.put_in_case(uow, user="t", case_code=other.barcode, unit_code=b)
    with pytest.raises(NotFound, match="No case has the barcode NOPE"), db.write() as uow:
        containers.put_in_case(uow, user="t", case_code="NOPE", unit_code=b)
