"""Inspection due dates of units (shared by unit creation and the inspection log)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from app.core.dates import add_months
from app.core.db import UnitOfWork, id_column, require_id
from inventory.models import InspectionDue, InspectionSchedule, Unit


def schedules_of(uow: UnitOfWork, item_type_id: int) -> list[InspectionSchedule]:
    query = select(InspectionSchedule).where(InspectionSchedule.item_type_id == item_type_id)
    return list(uow.session.exec(query.order_by(id_column(InspectionSchedule))))


def start_dues(uow: UnitOfWork, unit: Unit, today: dt.date) -> None:
    """Due dates of a new unit: one interval after its purchase (or now, if unknown)."""
    for schedule in schedules_of(uow, unit.item_type_id):
        set_due(uow, unit, schedule, today)


def set_due(uow: UnitOfWork, unit: Unit, schedule: InspectionSchedule, today: dt.date) -> None:
    start = unit.purchase_date
    due_on = add_months(start, schedule.interval_months) if start else today
    due = InspectionDue(unit_id=require_id(unit), schedule_id=require_id(schedule), due_on=due_on)
    uow.session.merge(due)
