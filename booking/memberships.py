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

The membership year (setting ``memberships.year_start``, "MM-DD": "01-01" the calendar
year, "09-01" a season from September) gives a membership its default period when the
person gives no dates (``default_period``): a new member from today to the last day of
the current membership year (never back-dated: earlier bookings keep the rate they had),
a renewal from the day after the last membership ends to the end of that membership year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from sqlalchemy import or_
from sqlmodel import col, select

from app.core.db import UnitOfWork
from app.core.settings import MEMBERSHIP_YEAR_START, get_setting
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


# --- the membership year -------------------------------------------------------------------


def parse_year_start(text: str) -> tuple[int, int]:
    """ "MM-DD" (also "DD/MM") → (month, day); the calendar year (1, 1) for anything that
    is not a day of the year (the set-up refuses such values: ``invoicing.setup``)."""
    text = text.strip()
    try:
        if "/" in text:
            day_text, month_text = text.split("/", 1)
        else:
            month_text, day_text = text.split("-", 1)
        month, day = int(month_text), int(day_text)
        dt.date(2024, month, day)  # a leap year: 02-29 is a day of some years
    except ValueError:
        return (1, 1)
    return (month, day)


def year_start(uow: UnitOfWork) -> tuple[int, int]:
    """The first day of the cooperative's membership year, as (month, day)."""
    return parse_year_start(get_setting(uow, MEMBERSHIP_YEAR_START))


def _start_in(year: int, start: tuple[int, int]) -> dt.date:
    month, day = start
    if month == 2 and day == 29:
        day = 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return dt.date(year, month, day)


def membership_year(day: dt.date, start: tuple[int, int] = (1, 1)) -> tuple[dt.date, dt.date]:
    """The first and last days of the membership year holding ``day`` (a year starting on
    ``start``): (2026-01-01, 2026-12-31) for the calendar year, (2026-09-01, 2027-08-31)
    for a season from September holding 2026-12-07."""
    first = _start_in(day.year, start)
    if first > day:
        first = _start_in(day.year - 1, start)
    following = _start_in(first.year + 1, start)
    return first, following - dt.timedelta(days=1)


def default_period(
    uow: UnitOfWork, customer_id: int, today: dt.date, *, valid_from: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The period of a membership when the person gives no end (and perhaps no start): from
    ``valid_from``, else the day after the customer's last membership ends (a renewal),
    else ``today`` (a new member); to the last day of the membership year holding that
    first day. A customer whose last membership is open-ended renews from today."""
    if valid_from is None:
        query = (
            select(Membership)
            .where(Membership.customer_id == customer_id)
            .order_by(col(Membership.valid_from).desc())
            .limit(1)
        )
        last = uow.session.exec(query).first()
        if last is not None and last.valid_to is not None and last.valid_to >= today:
            valid_from = last.valid_to + dt.timedelta(days=1)
        else:
            valid_from = today
    return valid_from, membership_year(valid_from, year_start(uow))[1]
