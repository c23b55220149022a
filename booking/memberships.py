"""Is a customer a member on every day of use? The one rule behind the member rate, for the
booking editor, the quote and the invoice alike.

A customer pays member rates when some membership covers each day of the USAGE period
(``use_start``/``use_end``, not the planned pick-up and return), whether one membership
covers them all or a renewal takes over from the previous one (the 2026 membership until
31/12, the 2027 one from 01/01). A single day without a membership (a gap between two
memberships, a membership starting after the first day or ending before the last) makes
the whole booking public rate: the rate is decided per booking, never per day.

``member_on_every_day`` is pure (a list of memberships in, the ones that cover the days
out); ``covering_memberships`` is the thin query that loads a customer's memberships.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from sqlalchemy import or_
from sqlmodel import col, select

from app.core.db import UnitOfWork
from booking.models import Membership


class Span(Protocol):
    """What the rule reads of a membership (``booking.models.Membership``): its first day
    and its last day, both inclusive (``valid_to`` None: open-ended)."""

    @property
    def member_number(self) -> str: ...
    @property
    def valid_from(self) -> dt.date: ...
    @property
    def valid_to(self) -> dt.date | None: ...


M = TypeVar("M", bound=Span)


def usage_days(use_start: dt.datetime, use_end: dt.datetime) -> tuple[dt.date, dt.date]:
    """The first and last calendar days of the half-open usage period ``[use_start,
    use_end)`` (an end at midnight does not touch the next day; never before the first)."""
    first = use_start.date()
    last = (use_end - dt.timedelta(microseconds=1)).date()
    return first, max(first, last)


def member_on_every_day(
    memberships: Iterable[M], first_day: dt.date, last_day: dt.date
) -> tuple[M, ...]:
    """The memberships that make their holder a member on every day from ``first_day`` to
    ``last_day`` (both inclusive), in date order — one, or several taking over from each
    other — or ``()`` when some day has no membership. Overlapping memberships are
    tolerated: each step keeps the one that reaches furthest."""
    if last_day < first_day:
        first_day, last_day = last_day, first_day
    spans = sorted(memberships, key=lambda m: m.valid_from)
    chosen: list[M] = []
    day = first_day  # the first day not covered yet
    while True:
        best: M | None = None
        for m in spans:
            if m.valid_from > day:
                break
            if m.valid_to is not None and m.valid_to < day:
                continue
            if best is None or _reach(m) > _reach(best):
                best = m
        if best is None:
            return ()
        chosen.append(best)
        if best.valid_to is None or best.valid_to >= last_day:
            return tuple(chosen)
        day = best.valid_to + dt.timedelta(days=1)


def _reach(m: Span) -> dt.date:
    return dt.date.max if m.valid_to is None else m.valid_to


def numbers(cover: Sequence[Span], separator: str = ", ") -> str:
    """The member numbers of a cover, in date order, each once ("S-0042, S-0043")."""
    seen: list[str] = []
    for m in cover:
        if m.member_number not in seen:
            seen.append(m.member_number)
    return separator.join(seen)


def cover_ends(cover: Sequence[Span]) -> dt.date | None:
    """The day the cover ends (the last membership's ``valid_to``), None when open-ended."""
    return cover[-1].valid_to if cover else None


def covering_memberships(
    uow: UnitOfWork, customer_id: int, first_day: dt.date, last_day: dt.date
) -> tuple[Membership, ...]:
    """The customer's memberships that cover every day from ``first_day`` to ``last_day``
    (``member_on_every_day`` over the memberships touching those days)."""
    query = select(Membership).where(
        Membership.customer_id == customer_id,
        Membership.valid_from <= max(first_day, last_day),
        or_(
            col(Membership.valid_to).is_(None),
            col(Membership.valid_to) >= min(first_day, last_day),
        ),
    )
    return member_on_every_day(uow.session.exec(query).all(), first_day, last_day)


def member_during(
    uow: UnitOfWork, customer_id: int, use_start: dt.datetime, use_end: dt.datetime
) -> tuple[Membership, ...]:
    """The memberships covering every day of the usage period ``[use_start, use_end)``."""
    first, last = usage_days(use_start, use_end)
    return covering_memberships(uow, customer_id, first, last)
