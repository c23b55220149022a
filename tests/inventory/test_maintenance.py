"""Inspection schedules, due dates, inspection and repair logs."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import ValidationError
from inventory import maintenance
from inventory.catalogue import unit_by_barcode
from inventory.models import UnitStatus
from inventory.queries import search_types, type_rows
from tests import factories


def _schedule(db, clock, item_id, months=12, name="VGP"):
    with db.write() as uow:
        return maintenance.add_schedule(
            uow, user="t", item_type_id=item_id, name=name, interval_months=months, clock=clock
        ).id


def test_due_dates_from_purchase_and_after_inspection(db, clock):
    item_id = factories.item(db, code="PALAN", name="Palan CM Lodestar 1 t")
    old = factories.unit(db, clock, item_code="PALAN", purchase_date=dt.date(2025, 6, 1))
    sched = _schedule(db, clock, item_id, months=12)
    new = factories.unit(db, clock, item_code="PALAN", purchase_date=dt.date(2026, 9, 1))
    today = clock.today()
    with db.read() as uow:
        unit_old = unit_by_barcode(uow, old)
        assert maintenance.dues_of(uow, unit_old.id, today)[0].due_on == dt.date(2026, 6, 1)
        assert maintenance.dues_of(uow, unit_old.id, today)[0].overdue
        assert maintenance.dues_of(uow, unit_by_barcode(uow, new).id, today)[0].due_on == dt.date(
            2027, 9, 1
        )
        row = type_rows(uow, search_types(uow, "PALAN"))[item_id]
        assert row.next_due == dt.date(2026, 6, 1)
    with db.write() as uow:
        maintenance.log_inspection(
            uow,
            user="t",
            barcode=old,
            schedule_id=sched,
            date=dt.date(2026, 11, 20),
            passed=True,
            inspector="Bureau Veritas",
            clock=clock,
        )
    with db.read() as uow:
        unit_old = unit_by_barcode(uow, old)
        due = maintenance.dues_of(uow, unit_old.id, today)[0]
        assert (due.due_on, due.overdue) == (dt.date(2027, 11, 20), False)
        assert [i.inspector for i in maintenance.inspection_log(uow, unit_old.id)] == [
            "Bureau Veritas"
        ]


def test_failed_inspection_sends_unit_to_repair(db, clock):
    item_id = factories.item(db)
    code = factories.unit(db, clock)
    sched = _schedule(db, clock, item_id, months=6, name="Contrôle électrique")
    with db.write() as uow:
        maintenance.log_inspection(
            uow,
            user="t",
            barcode=code,
            schedule_id=sched,
            date=clock.today(),
            passed=False,
            inspector="Léa",
            notes="Isolement insuffisant",
            clock=clock,
        )
    with db.read() as uow:
        unit = unit_by_barcode(uow, code)
        assert unit.status == UnitStatus.IN_REPAIR
        assert maintenance.repair_log(uow, unit.id)[0].description == "Isolement insuffisant"


def test_repair_closed_puts_unit_back_in_service(db, clock):
    factories.item(db)
    code = factories.unit(db, clock, status=UnitStatus.IN_SERVICE)
    with db.write() as uow:
        maintenance.log_repair(uow, user="t", barcode=code, description="Ventilateur", clock=clock)
    with db.write() as uow:
        from inventory.catalogue import set_status

        set_status(uow, user="t", barcode=code, status=UnitStatus.IN_REPAIR, note="HS", clock=clock)
        maintenance.log_repair(
            uow,
            user="t",
            barcode=code,
            description="Carte changée",
            repairer="SAV Robe",
            cost_cents=12000,
            close=True,
            clock=clock,
        )
    with db.read() as uow:
        assert unit_by_barcode(uow, code).status == UnitStatus.IN_SERVICE


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"inspector": ""}, "inspector cannot be empty"),
        ({"date": dt.date(2027, 1, 1)}, "future"),
    ],
)
def test_bad_inspection_refused(db, clock, kwargs, message):
    item_id = factories.item(db)
    code = factories.unit(db, clock)
    sched = _schedule(db, clock, item_id)
    args = {
        "barcode": code,
        "schedule_id": sched,
        "date": clock.today(),
        "passed": True,
        "inspector": "X",
        **kwargs,
    }
    with pytest.raises(ValidationError, match=message), db.write() as uow:
        maintenance.log_inspection(uow, user="t", clock=clock, **args)
    with db.read() as uow:
        assert maintenance.inspection_log(uow, unit_by_barcode(uow, code).id) == []


def test_schedule_interval_must_be_positive(db, clock):
    item_id = factories.item(db)
    with pytest.raises(ValidationError, match="at least 1"):
        _schedule(db, clock, item_id, months=0)
