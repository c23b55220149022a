"""What an accepted scan writes, with Core statements built once: the movement, and the
booking's status when the first piece leaves or the last comes back (its lines with it, as
``booking.models._mirror_booking`` keeps them), each recorded on the audit trail through
``app.core.audit.record_core`` in the same transaction.

These are steps of the desk's services (``booking.desk``, ``booking.desk_checkin``,
``booking.desk_amend``), which check the permission first; they take the unit of work's
session, never a unit of work, and are not called on their own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sqlalchemy
from sqlalchemy import bindparam
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app.core import audit
from app.core.clock import Clock
from booking.desk_ledger import Move
from booking.desk_reads import BOOKING, LINE, MOVE, BookingFacts
from booking.models import Booking, BookingLine, BookingStatus, Condition, Direction

_INSERT_MOVEMENT = sqlalchemy.insert(MOVE).returning(MOVE.c.id)
_SET_BOOKING_STATUS = (
    sqlalchemy.update(BOOKING)
    .where(BOOKING.c.id == bindparam("of_booking"))
    .values(status=bindparam("to_status"))
)
#: The lines mirror their booking's period and status (``booking.models._mirror_booking``).
_MIRROR_LINES = (
    sqlalchemy.update(LINE)
    .where(LINE.c.booking_id == bindparam("of_booking"))
    .values(start=bindparam("to_start"), end=bindparam("to_end"), status=bindparam("to_status"))
)


def record_movement(
    session: Session,
    booking_id: int,
    direction: Direction,
    type_id: int,
    unit_id: int | None,
    qty: int,
    code: str,
    user: str,
    station: str,
    clock: Clock,
    condition: Condition = Condition.OK,
    note: str = "",
    undoes: int | None = None,
) -> Move:
    """Write one movement (one Core insert) and its audit record."""
    values: dict[str, Any] = {
        "booking_id": booking_id,
        "direction": direction.value,
        "item_type_id": type_id,
        "unit_id": unit_id,
        "quantity": qty,
        "condition": condition.value,
        "note": note,
        "code": code,
        "at": clock.now(),
        "user": user,
        "station": station,
        "undoes": undoes,
    }
    move_id = int(session.execute(_INSERT_MOVEMENT, values).scalar_one())
    audit.record_core(session, [audit.inserted(MOVE, {"id": move_id, **values})])
    return Move(move_id, type_id, direction.value, condition.value, qty, undoes)


def set_booking_status(
    session: Session, booking: BookingFacts, status: BookingStatus
) -> BookingFacts:
    """The booking moved to ``status``, its lines with it (as ``booking.models.
    _mirror_booking`` keeps them), recorded on the trail; a copy of either already
    loaded in the session is told."""
    params = {"of_booking": booking.id, "to_status": status.value}
    session.execute(_SET_BOOKING_STATUS, params)
    session.execute(_MIRROR_LINES, {**params, "to_start": booking.start, "to_end": booking.end})
    change = audit.updated(
        BOOKING, {"id": booking.id}, {"status": booking.status}, {"status": status.value}
    )
    audit.record_core(session, [change])
    _loaded_copies_told(session, booking, status.value)
    return replace(booking, status=status.value)


def _loaded_copies_told(session: Session, booking: BookingFacts, status: str) -> None:
    """The booking and lines the session holds take the values just written (as if
    loaded now), so nothing later in this transaction reads or writes stale ones."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Booking) and obj.id == booking.id:
            set_committed_value(obj, "status", status)
        elif isinstance(obj, BookingLine) and obj.booking_id == booking.id:
            set_committed_value(obj, "start", booking.start)
            set_committed_value(obj, "end", booking.end)
            set_committed_value(obj, "status", status)
