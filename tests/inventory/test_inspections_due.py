"""One rule for which inspections are to do (``maintenance.inspections_due``): units in
service or in repair, never lost or retired ones; the overdue ones always, those of a
period when asked; the home screen and the inspections report share it."""

from __future__ import annotations

import datetime as dt

from inventory import catalogue, maintenance
from inventory.models import UnitStatus
from invoicing import dashboard, reports
from tests import factories


def _units(db, clock) -> list[str]:
    """Four PALAN units bought on 01/06/2025 (yearly check due 01/06/2026: overdue on
    26/11/2026), one bought 01/12/2025 (due 01/12/2026: not yet); the 2nd in repair, the
    3rd lost, the 4th retired."""
    item_id = factories.item(db, code="PALAN", name="Palan CM Lodestar 1 t")
    with db.write() as uow:
        maintenance.add_schedule(
            uow, user="t", item_type_id=item_id, name="VGP", interval_months=12, clock=clock
        )
    bought = dt.date(2025, 6, 1)
    codes = [factories.unit(db, clock, item_code="PALAN", purchase_date=bought) for _ in range(4)]
    codes.append(factories.unit(db, clock, item_code="PALAN", purchase_date=dt.date(2025, 12, 1)))
    statuses = (UnitStatus.IN_REPAIR, UnitStatus.LOST, UnitStatus.RETIRED)
    with db.write() as uow:
        for code, status in zip(codes[1:4], statuses, strict=True):
            catalogue.set_status(uow, user="t", barcode=code, status=status, note="", clock=clock)
    return codes


def test_lost_and_retired_units_have_no_inspection_to_do(db, clock) -> None:
    codes = _units(db, clock)
    today = clock.today()
    with db.read() as uow:
        overdue = maintenance.inspections_due(uow, today=today)
    assert [d.barcode for d in overdue] == sorted(codes[:2])
    assert {d.status for d in overdue} == {UnitStatus.IN_SERVICE, UnitStatus.IN_REPAIR}
    assert all(d.due_on == dt.date(2026, 6, 1) for d in overdue)
    assert overdue[0].overdue_days(today) == (today - dt.date(2026, 6, 1)).days
    assert overdue[0].owner is None and overdue[0].type_name == "Palan CM Lodestar 1 t"


def test_a_period_adds_the_inspections_due_in_it(db, clock) -> None:
    codes = _units(db, clock)
    today = clock.today()
    december = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    with db.read() as uow:
        found = maintenance.inspections_due(uow, today=today, since=december[0], until=december[1])
        before = maintenance.inspections_due(uow, today=today, until=dt.date(2026, 5, 31))
    assert [d.barcode for d in found] == [*sorted(codes[:2]), codes[4]]
    assert found[-1].overdue_days(today) == 0
    assert before == []  # nothing due on or before the end of May


def test_the_home_screen_and_the_report_agree(db, clock) -> None:
    _units(db, clock)
    today = clock.today()
    with db.read() as uow:
        home = dashboard.load_dashboard(uow, clock).inspections
        report = reports.report(uow, "inspections", today, today, today=today)
    assert home.count == len(report.rows) == 2
    assert [line.title for line in home.lines] == [row["unit"] for row in report.rows]
