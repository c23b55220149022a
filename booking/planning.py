"""Read side of planning: what the availability timeline and the booking calendar show.

The timeline's cells are "free / serviceable" per item type and day, from the one
availability engine (``availability.serviceable`` and ``availability.holds``, firm and
tentative statuses); ``daily_peaks`` is ``availability.daily`` computed faster (a test
compares them). The calendar's entries are bookings on their pick-up and return days.
Periods are half-open ``[start, end)`` of naive local date-times, as bookings store them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import holidays
from sqlalchemy import and_, func, or_
from sqlmodel import col, select

from app.core.db import UnitOfWork
from booking import availability, queries
from booking.models import HOLDING, TENTATIVE, Booking, BookingStatus, Customer
from inventory.models import Category, ItemType

WEEK, MONTH, QUARTER = "week", "month", "quarter"
ZOOMS = (WEEK, MONTH, QUARTER)
#: Firm holds, then tentative ones (quotes): what the timeline counts.
ALL_STATUSES = (*HOLDING, *TENTATIVE)
ONE_DAY = dt.timedelta(days=1)
CATEGORY_ORDER = {c.value: n for n, c in enumerate(Category)}
PICKUP, RETURN = "pickup", "return"


# --- periods ---------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months``, clamped to the target month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - ONE_DAY).day
    return dt.date(year, month, min(day.day, last))


def period_days(start: dt.date, zoom: str) -> list[dt.date]:
    """The days a period of ``zoom`` shows from ``start``: 7, a month or three."""
    if zoom == WEEK:
        count = 7
    else:
        count = (add_months(start, 1 if zoom == MONTH else 3) - start).days
    return [start + dt.timedelta(days=n) for n in range(count)]


def period_start(today: dt.date, zoom: str) -> dt.date:
    """Where "today" starts a period: the week's Monday, else the month's first day."""
    if zoom == WEEK:
        return today - dt.timedelta(days=today.weekday())
    return today.replace(day=1)


def period_bounds(days: Sequence[dt.date]) -> tuple[dt.datetime, dt.datetime]:
    """``[first day 00:00, day after the last 00:00)``."""
    start = dt.datetime.combine(days[0], dt.time())
    return start, dt.datetime.combine(days[-1], dt.time()) + ONE_DAY


def grid_days(month: dt.date) -> list[dt.date]:
    """The 42 days (six weeks, Monday first) that show ``month``."""
    first = month.replace(day=1)
    start = first - dt.timedelta(days=first.weekday())
    return [start + dt.timedelta(days=n) for n in range(42)]


def holiday_names(years: Sequence[int], *, french: bool) -> dict[dt.date, str]:
    """French public holidays of ``years``, named in French or in English."""
    found = holidays.country_holidays(
        "FR", years=sorted(set(years)), language="fr" if french else "en_US"
    )
    return {day: str(name) for day, name in found.items()}


# --- the timeline ----------------------------------------------------------------------


@dataclass(frozen=True)
class TypeRow:
    id: int
    code: str
    name: str
    category: str


class Cell(NamedTuple):
    """One type on one day: ``free`` (available) of ``total`` (serviceable);
    ``free_if_quotes``: what would be free if the quotes were confirmed too."""

    free: int
    total: int
    free_if_quotes: int

    @property
    def shortage(self) -> bool:
        return self.free < 0

    @property
    def quoted(self) -> bool:
        return self.free_if_quotes < self.free

    @property
    def quotes_exceed(self) -> bool:
        """Quotes would take more than what is free."""
        return self.free_if_quotes < 0 <= self.free


@dataclass(frozen=True)
class HoldRow:
    booking_id: int
    reference: str
    customer: str
    event: str
    status: str
    quantity: int
    start: dt.datetime
    end: dt.datetime


def read_types(uow: UnitOfWork) -> list[TypeRow]:
    """Every item type, by category (in ``Category`` order), then code."""
    query = select(ItemType.id, ItemType.code, ItemType.name, ItemType.category)
    rows = [TypeRow(*found) for found in uow.session.exec(query)]
    rows.sort(key=lambda r: (CATEGORY_ORDER.get(r.category, 99), r.category, r.code))
    return rows


def compute_cells(
    uow: UnitOfWork, type_ids: Sequence[int], days: Sequence[dt.date], now: dt.datetime
) -> dict[int, list[Cell]]:
    """Cells of ``type_ids`` over ``days``, in one engine call."""
    start, end = period_bounds(days)
    stock = availability.serviceable(uow, type_ids)
    grouped: dict[int, list[availability.Hold]] = defaultdict(list)
    for hold in availability.holds(
        uow, start, end, now=now, type_ids=type_ids, statuses=ALL_STATUSES
    ):
        grouped[hold.item_type_id].append(hold)
    result = {}
    for type_id in type_ids:
        total = stock.get(type_id, 0)
        mine = grouped.get(type_id)
        if not mine:
            result[type_id] = [Cell(total, total, total)] * len(days)
            continue
        result[type_id] = [
            Cell(total - firm, total, total - both) for firm, both in daily_peaks(mine, days)
        ]
    return result


def daily_peaks(
    holds_of_type: Sequence[availability.Hold], days: Sequence[dt.date]
) -> list[tuple[int, int]]:
    """``availability.daily`` computed faster, with the same answers (a test compares them):
    each hold is put in the days it meets; a day met by no hold is (0, 0), by one hold its
    quantity, and only a day met by several asks ``availability.peak``."""
    first = dt.datetime.combine(days[0], dt.time())
    count = len(days)
    buckets: list[list[availability.Hold]] = [[] for _ in range(count)]
    for hold in holds_of_type:
        if not hold.quantity:
            continue
        begin = max(0, (hold.start - first).days)
        stop = hold.end - first
        last = min(count - 1, stop.days - (0 if stop % ONE_DAY else 1))
        for n in range(begin, last + 1):
            buckets[n].append(hold)
    cells = []
    for n, bucket in enumerate(buckets):
        if not bucket:
            cells.append((0, 0))
        elif len(bucket) == 1:
            qty = bucket[0].quantity
            cells.append((qty if bucket[0].status in HOLDING else 0, qty))
        else:
            cells.append(availability.daily(bucket, [days[n]])[0])
    return cells


def read_holders(uow: UnitOfWork, type_id: int, day: dt.date, now: dt.datetime) -> list[HoldRow]:
    """The bookings holding (or quoting) ``type_id`` on ``day``: firm ones first."""
    start, end = period_bounds([day])
    found = availability.holds(uow, start, end, now=now, type_ids=[type_id], statuses=ALL_STATUSES)
    rows = queries.booking_rows(uow, sorted({h.booking_id for h in found}))
    quantity: dict[int, int] = defaultdict(int)
    for hold in found:
        quantity[hold.booking_id] += hold.quantity
    order = {s.value: n for n, s in enumerate(ALL_STATUSES)}
    result = [
        HoldRow(
            r.id, r.reference, r.customer_name, r.event, r.status, quantity[r.id], r.start, r.end
        )
        for r in rows.values()
    ]
    result.sort(key=lambda r: (order.get(r.status, 9), r.start, r.reference))
    return result


def bookings_meeting(uow: UnitOfWork, days: Sequence[dt.date], now: dt.datetime) -> int:
    """How many bookings the timeline counts over ``days``: quotes, confirmed and out
    bookings whose period meets them, and late ones still out (one counting query; the
    item types' preparation buffers are left out)."""
    start, end = period_bounds(days)
    statuses = [s.value for s in ALL_STATUSES]
    meets = and_(
        col(Booking.status).in_(statuses),
        col(Booking.start) < end,
        col(Booking.end) > start,
    )
    late = and_(
        col(Booking.status) == BookingStatus.OUT.value,
        col(Booking.end) <= now,
        col(Booking.start) < end,
    )
    query = select(func.count()).select_from(Booking).where(or_(meets, late))
    return int(uow.session.exec(query).one())


# --- the calendar ----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A booking on one day of the calendar: its pick-up or its return."""

    booking_id: int
    reference: str
    status: str
    customer: str
    event: str
    venue: str
    start: dt.datetime
    end: dt.datetime
    kind: str  # PICKUP or RETURN

    @property
    def day(self) -> dt.date:
        return (self.start if self.kind == PICKUP else self.end).date()

    @property
    def at(self) -> dt.datetime:
        return self.start if self.kind == PICKUP else self.end

    @property
    def title(self) -> str:
        return self.event or self.customer


def read_entries(uow: UnitOfWork, first: dt.date, last: dt.date) -> list[Entry]:
    """Pick-ups and returns from ``first`` to ``last`` (inclusive), by day and time; a
    return comes before a pick-up at the same minute."""
    d0, d1 = period_bounds([first, last])
    query = (
        select(Booking, Customer.name)
        .join(Customer, col(Customer.id) == col(Booking.customer_id))
        .where(
            or_(
                and_(col(Booking.start) >= d0, col(Booking.start) < d1),
                and_(col(Booking.end) >= d0, col(Booking.end) < d1),
            )
        )
    )
    entries = []
    for b, customer in uow.session.exec(query):
        assert b.id is not None
        for kind, at in ((PICKUP, b.start), (RETURN, b.end)):
            if d0 <= at < d1:
                entries.append(
                    Entry(
                        b.id,
                        b.reference,
                        b.status,
                        customer,
                        b.event,
                        b.venue,
                        b.start,
                        b.end,
                        kind,
                    )
                )
    entries.sort(key=lambda e: (e.at, e.kind != RETURN, e.reference))
    return entries
