"""Inspection schedules, due dates, the inspection log and the repair log.

A unit's next due date per schedule is set when the unit is created (from its purchase
date) and each time an inspection is logged; an overdue unit stays bookable (it can be
inspected before the event) but the desk refuses to check it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import and_, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.dates import add_months
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import NotFound, ValidationError
from inventory import fields
from inventory.catalogue import set_status, unit_by_barcode
from inventory.dues import set_due
from inventory.models import (
    Inspection,
    InspectionDue,
    InspectionSchedule,
    ItemType,
    Owner,
    Repair,
    Unit,
    UnitStatus,
)

#: The units whose inspections are due: those in the pool. A lost unit cannot be inspected
#: and a retired one will not be again; their due dates stay (a found unit keeps them) but
#: are nobody's work.
INSPECTED = (UnitStatus.IN_SERVICE, UnitStatus.IN_REPAIR)


class Due(NamedTuple):
    """One inspection to do: a unit (by its barcode), its type, the schedule, the date."""

    barcode: str
    type_name: str
    schedule: str
    due_on: dt.date
    code: str
    owner: str | None  # None: the cooperative's own
    status: UnitStatus

    def overdue_days(self, today: dt.date) -> int:
        return max(0, (today - self.due_on).days)


def inspections_due(
    uow: UnitOfWork,
    *,
    today: dt.date,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Due]:
    """The one rule of which inspections are to do, for the home screen and the report:
    on units in service or in repair (``INSPECTED``), every one overdue on ``today`` (due
    before it) and, given ``since``, those due from ``since``; none due after ``until``.
    The oldest first."""
    due_on = col(InspectionDue.due_on)
    wanted = due_on < today
    if since is not None:
        wanted = or_(wanted, due_on >= since)
    if until is not None:
        wanted = and_(wanted, due_on <= until)
    query = (
        sa_select(
            col(Unit.barcode),
            col(ItemType.name),
            col(InspectionSchedule.name),
            due_on,
            col(ItemType.code),
            col(Owner.name),
            col(Unit.status),
        )
        .join(Unit, col(Unit.id) == col(InspectionDue.unit_id))
        .join(ItemType, col(ItemType.id) == col(Unit.item_type_id))
        .join(InspectionSchedule, col(InspectionSchedule.id) == col(InspectionDue.schedule_id))
        .outerjoin(Owner, col(Owner.id) == col(Unit.owner_id))
        .where(wanted, col(Unit.status).in_([s.value for s in INSPECTED]))
        .order_by(due_on, col(Unit.barcode))
    )
    return [
        Due(barcode, type_name, schedule, due, code, owner, UnitStatus(status))
        for barcode, type_name, schedule, due, code, owner, status in uow.session.execute(query)
    ]


@dataclass(frozen=True)
class DueRow:
    schedule: str
    due_on: dt.date
    overdue: bool


@requires(Permission.MAINTENANCE)
def add_schedule(
    uow: UnitOfWork,
    *,
    user: str,
    item_type_id: int,
    name: str,
    interval_months: int,
    at_each_remount: bool = False,
    clock: Clock,
) -> InspectionSchedule:
    name = fields.text("schedule", name, required=True)
    interval = fields.integer("interval", interval_months, minimum=1, maximum=120)
    if uow.session.get(ItemType, item_type_id) is None:
        raise NotFound("This item type no longer exists.")
    schedule = InspectionSchedule(
        item_type_id=item_type_id,
        name=name,
        interval_months=interval,
        at_each_remount=at_each_remount,
    )
    uow.session.add(schedule)
    uow.flush()
    units = uow.session.exec(select(Unit).where(Unit.item_type_id == item_type_id))
    for unit in units:
        set_due(uow, unit, schedule, clock.today())
    return schedule


@requires(Permission.MAINTENANCE)
def remove_schedule(uow: UnitOfWork, *, user: str, schedule_id: int) -> None:
    schedule = uow.session.get(InspectionSchedule, schedule_id)
    if schedule is None:
        raise NotFound("This inspection schedule no longer exists.")
    for due in uow.session.exec(
        select(InspectionDue).where(InspectionDue.schedule_id == schedule_id)
    ):
        uow.session.delete(due)
    uow.session.delete(schedule)
    uow.flush()


@requires(Permission.MAINTENANCE)
def log_inspection(
    uow: UnitOfWork,
    *,
    user: str,
    barcode: str,
    schedule_id: int | None,
    date: dt.date,
    passed: bool,
    inspector: str,
    notes: str = "",
    clock: Clock,
) -> Inspection:
    """Record an inspection. A pass moves the next due date one interval after ``date``;
    a failure sends the unit to repair."""
    unit = unit_by_barcode(uow, barcode)
    inspector = fields.text("inspector", inspector, required=True)
    notes = fields.text("notes", notes, limit=fields.MAX_NOTES)
    if date > clock.today():
        raise ValidationError("date", "An inspection cannot be dated in the future.")
    schedule = _schedule_for(uow, unit, schedule_id)
    entry = Inspection(
        unit_id=require_id(unit),
        schedule_id=schedule_id,
        date=date,
        passed=passed,
        inspector=inspector,
        notes=notes,
        recorded_by=user,
    )
    uow.session.add(entry)
    if passed and schedule is not None:
        assert unit.id is not None and schedule.id is not None
        due = uow.session.get(InspectionDue, (unit.id, schedule.id))
        next_due = add_months(date, schedule.interval_months)
        if due is None or next_due > due.due_on:
            uow.session.merge(
                InspectionDue(unit_id=unit.id, schedule_id=schedule.id, due_on=next_due)
            )
    if not passed and unit.status == UnitStatus.IN_SERVICE:
        set_status(
            uow,
            user=user,
            barcode=unit.barcode,
            status=UnitStatus.IN_REPAIR,
            note=notes or "Failed inspection",
            clock=clock,
        )
    uow.flush()
    return entry


def _schedule_for(
    uow: UnitOfWork, unit: Unit, schedule_id: int | None
) -> InspectionSchedule | None:
    if schedule_id is None:
        return None
    schedule = uow.session.get(InspectionSchedule, schedule_id)
    if schedule is None or schedule.item_type_id != unit.item_type_id:
        raise ValidationError(
            "schedule", "This schedule does not apply to {code}.", code=unit.barcode
        )
    return schedule


@requires(Permission.MAINTENANCE)
def log_repair(
    uow: UnitOfWork,
    *,
    user: str,
    barcode: str,
    description: str,
    repairer: str = "",
    cost_cents: int = 0,
    close: bool = False,
    clock: Clock,
) -> Repair:
    """Add to a unit's repair log. ``close`` puts a unit in repair back in service."""
    unit = unit_by_barcode(uow, barcode)
    description = fields.text("description", description, required=True, limit=fields.MAX_NOTES)
    cost = fields.integer("cost", cost_cents)
    repair = Repair(
        unit_id=require_id(unit),
        opened_on=clock.today(),
        description=description,
        repairer=fields.text("repairer", repairer),
        cost_cents=cost,
        recorded_by=user,
    )
    if close:
        repair.closed_on = clock.today()
    uow.session.add(repair)
    if close and unit.status == UnitStatus.IN_REPAIR:
        set_status(
            uow,
            user=user,
            barcode=unit.barcode,
            status=UnitStatus.IN_SERVICE,
            note=description,
            clock=clock,
        )
    uow.flush()
    return repair


def dues_of(uow: UnitOfWork, unit_id: int, today: dt.date) -> list[DueRow]:
    query = (
        sa_select(col(InspectionSchedule.name), col(InspectionDue.due_on))
        .join(InspectionSchedule, id_column(InspectionSchedule) == col(InspectionDue.schedule_id))
        .where(col(InspectionDue.unit_id) == unit_id)
        .order_by(col(InspectionDue.due_on))
    )
    return [DueRow(name, due, due < today) for name, due in uow.session.execute(query)]


def next_due(uow: UnitOfWork, unit_id: int) -> dt.date | None:
    query = select(func.min(InspectionDue.due_on)).where(InspectionDue.unit_id == unit_id)
    return uow.session.exec(query).one()


def inspection_log(uow: UnitOfWork, unit_id: int) -> list[Inspection]:
    query = select(Inspection).where(Inspection.unit_id == unit_id)
    return list(
        uow.session.exec(query.order_by(col(Inspection.date).desc(), id_column(Inspection).desc()))
    )


def repair_log(uow: UnitOfWork, unit_id: int) -> list[Repair]:
    query = select(Repair).where(Repair.unit_id == unit_id)
    return list(
        uow.session.exec(query.order_by(col(Repair.opened_on).desc(), id_column(Repair).desc()))
    )
