"""Whether an item type may change between bulk and serialized: not while bookings hold it.

The catalogue (``inventory.catalogue``) cannot see bookings, so whoever changes an item type
passes ``holders`` from here as its ``holders`` argument. A type is held by a confirmed or
out booking with a line of it, and by any booking whose check-outs of it are not all back
(the desk's ledger: a booking past its end with cables still out holds them too).
Changing tracking then would strand them: a bulk quantity out cannot be checked in as
units, and the availability of the new kind would not count what is booked.
"""

from __future__ import annotations

from sqlalchemy import case, func
from sqlmodel import col, select

from app.core.db import UnitOfWork, id_column
from booking.models import HOLDING, Booking, BookingLine, Direction, Movement


def holders(uow: UnitOfWork, item_type_id: int) -> list[str]:
    """References of the bookings holding the item type (booked or out), in order."""
    booked = (
        select(col(BookingLine.booking_id))
        .where(
            BookingLine.item_type_id == item_type_id,
            col(BookingLine.status).in_([s.value for s in HOLDING]),
        )
        .distinct()
    )
    signed = case(
        (col(Movement.direction) == Direction.OUT.value, Movement.quantity),
        else_=-col(Movement.quantity),
    )
    out = (
        select(col(Movement.booking_id))
        .where(Movement.item_type_id == item_type_id)
        .group_by(col(Movement.booking_id))
        .having(func.sum(signed) > 0)
    )
    ids = set(uow.session.exec(booked)) | set(uow.session.exec(out))
    if not ids:
        return []
    query = select(Booking.reference).where(id_column(Booking).in_(ids))
    return sorted(uow.session.exec(query))
