"""A desk's scan retried after the database went away: never recorded twice.

When the connection to a server is lost while a scan commits, the desk cannot know whether
the commit reached the server. So the first attempt of each scan notes the last movement
recorded (``last_movement``); a retry first asks whether this station (and this person)
recorded a movement since (``saved_since``): the desk runs its scans one at a time, so
such a movement can only be the lost attempt's — the scan is then answered from it, not
recorded again. Reads only.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import col, select

from app.core.db import UnitOfWork, require_id
from app.core.errors import DomainError
from booking.desk_ledger import line_progress
from booking.desk_results import Outcome, ScanResult
from booking.models import Booking, Movement


def last_movement(uow: UnitOfWork) -> int:
    """The id of the last movement recorded (0: none yet)."""
    found = uow.session.exec(select(func.max(Movement.id))).one()
    return int(found or 0)


def saved_since(uow: UnitOfWork, *, mark: int, station: str, user: str) -> ScanResult | None:
    """The answer of a scan whose attempt committed although its answer was lost: the
    movements this ``station`` and ``user`` recorded after movement ``mark``; None when
    there are none (the attempt did not commit: the scan is to be made)."""
    moves = uow.session.exec(
        select(Movement)
        .where(col(Movement.id) > mark, Movement.station == station, Movement.user == user)
        .order_by(col(Movement.id))
    ).all()
    if not moves:
        return None
    first = moves[0]
    booking = uow.row(Booking, first.booking_id)
    line = line_progress(uow, require_id(booking), first.item_type_id)
    message = (
        DomainError("{name} {left} / {wanted}", name=line.name, left=line.left, wanted=line.wanted)
        if line is not None
        else DomainError("Saved.")
    )
    return ScanResult(
        first.code,
        True,
        Outcome.ACCEPTED,
        message,
        booking.reference,
        line,
        movement_ids=[require_id(m) for m in moves],
        offer={"quantity": sum(m.quantity for m in moves)},
    )
