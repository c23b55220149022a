"""What the bookings screen reads (on the worker, Qt-free): a search of the bookings and,
on the first load, where today falls in the list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.db import UnitOfWork
from booking import queries


def search(
    uow: UnitOfWork,
    text: str,
    *,
    statuses: list[str],
    start: dt.datetime | None,
    end: dt.datetime | None,
    customer_id: int | None,
    event: str,
    limit: int | None = None,
) -> list[int]:
    return queries.search_bookings(
        uow,
        text,
        statuses=statuses,
        start=start,
        end=end,
        customer_id=customer_id,
        event=event,
        limit=limit,
    )


def today_in_list(
    uow: UnitOfWork, ids: list[int], text: str, criteria: dict[str, Any], today: dt.date
) -> tuple[list[int], int | None]:
    """The list's ids (newest pick-up first) and the first one whose period reaches
    ``today`` (else the first picked up before tomorrow: where today falls in the list).
    The list's own order, so the first of each search (limit 1) is the one: the database
    stops at it instead of listing every booking before tomorrow."""
    midnight = dt.datetime.combine(today, dt.time())
    tomorrow = midnight + dt.timedelta(days=1)
    around = {**criteria, "start": midnight, "end": tomorrow}
    for wanted in (around, {**around, "start": None}):
        found = search(uow, text, **wanted, limit=1)
        if found and found[0] in ids:
            return ids, found[0]
    return ids, None
