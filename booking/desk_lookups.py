"""The desk's ORM reads, outside the scan path: a booking or a unit found by a scan, where
a unit is, the departures still to leave and the units that moved on a booking.

The scan itself decides with Core facts (``booking.desk_reads``); these return model
objects for the rarer services (``booking.desk_amend``) and the desk's screens and lists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from booking.desk_ledger import progress
from booking.models import Booking, BookingStatus, Direction, Movement
from inventory import barcodes
from inventory.barcodes import normalise
from inventory.models import ItemType, Unit


def find_unit(uow: UnitOfWork, code: str) -> Unit | None:
    """The unit for a scan: without case, then its layout-swapped readings."""
    for reading in barcodes.candidates(code):
        if (unit := barcodes.find_unit(uow, reading)) is not None:
            return unit
    return None


def booking_named(uow: UnitOfWork, code: str) -> Booking | None:
    """The booking whose reference is ``code`` (without case), or None."""
    code = normalise(code).upper()
    if not code:
        return None
    return uow.session.exec(select(Booking).where(Booking.reference == code)).first()


def find_booking(uow: UnitOfWork, code: str) -> Booking | None:
    """The booking whose reference was scanned (from its pick list), without case, trying
    the layout-swapped readings of the scan too."""
    for reading in barcodes.candidates(code):
        if (booking := booking_named(uow, reading)) is not None:
            return booking
    return None


def last_movement(uow: UnitOfWork, unit_id: int) -> Movement | None:
    query = select(Movement).where(Movement.unit_id == unit_id).order_by(id_column(Movement).desc())
    return uow.session.exec(query.limit(1)).first()


def where_is(uow: UnitOfWork, unit_id: int) -> Booking | None:
    """The booking a unit is out on, or None when it is in the warehouse."""
    last = last_movement(uow, unit_id)
    if last is None or last.direction != Direction.OUT:
        return None
    return uow.session.get(Booking, last.booking_id)


def booking_of_unit(uow: UnitOfWork, code: str) -> Booking | None:
    """ "Which booking has this unit?" — the one it is out on."""
    unit = find_unit(uow, normalise(code))
    return where_is(uow, unit.id) if unit is not None and unit.id is not None else None


def departures(uow: UnitOfWork, *, clock: Clock, days: int = 2) -> list[Booking]:
    """What still has to leave: bookings picked up today or tomorrow (``days``) that are
    confirmed, or out with something booked not yet gone; and late ones, confirmed with a
    pick-up before today and not yet due back, nothing of them gone. Complete bookings and
    bookings that left on an earlier day are not listed. By pick-up time."""
    today = dt.datetime.combine(clock.today(), dt.time())
    now = clock.local_now()
    query = (
        select(Booking)
        .where(
            col(Booking.status).in_([BookingStatus.CONFIRMED.value, BookingStatus.OUT.value]),
            col(Booking.start) < today + dt.timedelta(days=days),
            col(Booking.end) > now,
        )
        .order_by(col(Booking.start), id_column(Booking))
    )
    rows = []
    for booking in uow.session.exec(query):
        if booking.status == BookingStatus.CONFIRMED:
            rows.append(booking)  # nothing has left yet (late when its pick-up is past)
        elif booking.start >= today and any(
            p.left < p.wanted for p in progress(uow, require_id(booking))
        ):
            rows.append(booking)  # partly picked today: the rest is still to go
    return rows


def is_late(booking: Booking, *, clock: Clock) -> bool:
    """A confirmed booking whose pick-up day is past: nothing left although it should have."""
    return booking.status == BookingStatus.CONFIRMED and booking.start.date() < clock.today()


def units_moved(uow: UnitOfWork, booking_id: int) -> list[dict[str, Any]]:
    """Each unit that left on the booking: barcode, serial, type, out/back times, condition."""
    query = (
        select(Movement, Unit.barcode, Unit.serial, ItemType.code)
        .join(Unit, id_column(Unit) == col(Movement.unit_id))
        .join(ItemType, id_column(ItemType) == col(Movement.item_type_id))
        .where(Movement.booking_id == booking_id)
        .order_by(id_column(Movement))
    )
    units: dict[str, dict[str, Any]] = {}
    for move, barcode, serial, type_code in uow.session.exec(query):
        entry = units.setdefault(
            barcode,
            {
                "barcode": barcode,
                "serial": serial,
                "code": type_code,
                "out": None,
                "back": None,
                "condition": None,
            },
        )
        if move.direction == Direction.OUT:
            if move.undoes is None:
                entry["out"] = move.at
            entry["back"] = entry["condition"] = None  # out (again, if a return was undone)
        elif move.undoes is not None:
            entry["out"] = entry["back"] = entry["condition"] = None  # it never left
        else:
            entry["back"], entry["condition"] = move.at, move.condition
    return [u for u in units.values() if u["out"] is not None]
