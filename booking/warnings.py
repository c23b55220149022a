"""Warnings about a booking that do not refuse it: units due for inspection before the
booking ends, where the type has no spare unit to send instead.

An inspection falling due does not remove a unit from availability (it can be inspected in
the meantime, DESIGN.md); but when every serviceable unit is needed, the desk must inspect
the due ones before pick-up, so the booking says so.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import col, select

from app.core.db import UnitOfWork, id_column
from app.core.errors import DomainError, NotFound
from booking.availability import availability_many
from booking.models import Booking, BookingLine, BookingStatus
from inventory.models import InspectionDue, ItemType, Unit, UnitStatus

#: Statuses whose stock is still to be picked: the warning is useful only then.
BEFORE_PICK_UP = (BookingStatus.QUOTE, BookingStatus.CONFIRMED)


def inspection_warnings(uow: UnitOfWork, booking_id: int, *, now: dt.datetime) -> list[DomainError]:
    """One warning per item type of the booking whose units falling due for inspection
    before the booking's return outnumber its spare units (serviceable, minus what other
    bookings hold over the period, minus what this booking asks for). ``now`` is the local
    naive now (the availability engine's)."""
    booking = uow.session.get(Booking, booking_id)
    if booking is None:
        raise NotFound("This booking no longer exists.")
    if BookingStatus(booking.status) not in BEFORE_PICK_UP:
        return []
    wanted: dict[int, int] = {}
    for type_id, qty in uow.session.exec(
        select(BookingLine.item_type_id, BookingLine.quantity).where(
            BookingLine.booking_id == booking_id
        )
    ):
        wanted[type_id] = wanted.get(type_id, 0) + qty
    if not wanted:
        return []
    dues = _dues_before(uow, sorted(wanted), booking.end)
    if not dues:
        return []
    found = availability_many(
        uow, booking.start, booking.end, now=now, type_ids=sorted(dues), exclude_booking=booking_id
    )
    names = {
        tid: (code, name)
        for tid, code, name in uow.session.exec(
            select(id_column(ItemType), ItemType.code, ItemType.name).where(
                id_column(ItemType).in_(sorted(dues))
            )
        )
    }
    warnings: list[DomainError] = []
    for type_id in sorted(dues, key=lambda tid: names[tid][0]):
        count, earliest = dues[type_id]
        spare = found[type_id].serviceable - found[type_id].reserved - wanted[type_id]
        if spare < count:
            code, name = names[type_id]
            warnings.append(
                DomainError(
                    "{count} {name} ({code}) are due for inspection by {date}: "
                    "inspect them before pick-up.",
                    count=count,
                    name=name,
                    code=code,
                    date=earliest.strftime("%d/%m/%Y"),
                )
            )
    return warnings


def _dues_before(
    uow: UnitOfWork, type_ids: list[int], end: dt.datetime
) -> dict[int, tuple[int, dt.date]]:
    """Per type: how many in-service units have an inspection due before ``end``, and the
    earliest of those due dates."""
    first_due = (
        select(InspectionDue.unit_id, func.min(InspectionDue.due_on).label("due_on"))
        .group_by(col(InspectionDue.unit_id))
        .subquery()
    )
    query = (
        select(Unit.item_type_id, func.count(id_column(Unit)), func.min(first_due.c.due_on))
        .join(first_due, first_due.c.unit_id == id_column(Unit))
        .where(
            col(Unit.item_type_id).in_(type_ids),
            Unit.status == UnitStatus.IN_SERVICE.value,
            first_due.c.due_on < _last_due_day(end),
        )
        .group_by(col(Unit.item_type_id))
    )
    return {tid: (count, earliest) for tid, count, earliest in uow.session.exec(query)}


def _last_due_day(end: dt.datetime) -> dt.date:
    """Due dates strictly before this day fall before the return instant ``end`` (a due
    date is a whole day: due on the return day counts when the return is after midnight)."""
    day = end.date()
    return day + dt.timedelta(days=1) if end.time() > dt.time() else day
