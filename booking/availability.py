"""The availability engine: one function family that every screen, check and report uses.

Availability of an item type over a window = serviceable stock (units ``in_service``, or
the bulk stock quantity) minus the peak quantity held at any instant of the window by
confirmed and out bookings, each widened by the type's prep and de-prep buffers.
Periods are half-open ``[start, end)``, so back-to-back bookings fit. An ``out`` booking
past its end still holds what is still out (from the desk's movements) until it is
scanned back; what never left is freed. Quotes are tentative: reported,
never blocking.

SQL selects only the lines whose (widened) period meets the window — through the indexes
on the booking period and the line's item type — and a sweep over their start/end events
finds the peak. History is never loaded to answer a question about a window.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import sqlalchemy
from sqlalchemy import case, func
from sqlmodel import col, select

from app.core.db import UnitOfWork, id_column
from booking.models import (
    HOLDING,
    TENTATIVE,
    Booking,
    BookingLine,
    BookingStatus,
    Direction,
    Movement,
)
from inventory.models import ItemType, Tracking, Unit, UnitStatus

FOREVER = dt.datetime(9999, 12, 31)


@dataclass(frozen=True)
class Hold:
    """Stock held by one booking line, over its buffered period."""

    booking_id: int
    reference: str
    status: str
    item_type_id: int
    quantity: int
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Availability:
    item_type_id: int
    serviceable: int
    reserved: int
    tentative: int
    holds: tuple[Hold, ...] = ()
    peak_at: dt.datetime | None = None

    @property
    def available(self) -> int:
        return self.serviceable - self.reserved


@dataclass(frozen=True)
class Shortage:
    """A type that lacks ``missing`` pieces at ``at``, and the bookings holding it then."""

    item_type_id: int
    code: str
    name: str
    requested: int
    serviceable: int
    reserved: int
    missing: int
    at: dt.datetime
    holders: tuple[str, ...] = field(default=())


# --- pure functions ---------------------------------------------------------------------


def peak(
    intervals: Iterable[tuple[dt.datetime, dt.datetime, int]],
    start: dt.datetime,
    end: dt.datetime,
) -> tuple[int, dt.datetime | None]:
    """Highest total quantity of half-open intervals overlapping at one instant of
    ``[start, end)``, and the first instant it is reached."""
    events: list[tuple[dt.datetime, int]] = []
    for s, e, qty in intervals:
        s, e = max(s, start), min(e, end)
        if s < e and qty:
            events.append((s, qty))
            events.append((e, -qty))
    events.sort(key=lambda ev: (ev[0], ev[1]))  # at one instant, ends (-) before starts (+)
    best, when, level = 0, None, 0
    for at, delta in events:
        level += delta
        if level > best:
            best, when = level, at
    return best, when


def holders_at(holds: Iterable[Hold], at: dt.datetime) -> tuple[str, ...]:
    refs = {h.reference for h in holds if h.start <= at < h.end}
    return tuple(sorted(refs))


# --- queries ----------------------------------------------------------------------------


def serviceable(uow: UnitOfWork, type_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Serviceable stock per type: units in service, or the bulk stock quantity."""
    units = select(Unit.item_type_id, func.count(id_column(Unit))).where(
        Unit.status == UnitStatus.IN_SERVICE.value
    )
    types = select(id_column(ItemType), ItemType.tracking, ItemType.stock_quantity)
    if type_ids is not None:
        units = units.where(col(Unit.item_type_id).in_(type_ids))
        types = types.where(id_column(ItemType).in_(type_ids))
    counts = dict(uow.session.exec(units.group_by(col(Unit.item_type_id))).all())
    result: dict[int, int] = {}
    for type_id, tracking, stock in uow.session.exec(types):
        result[type_id] = counts.get(type_id, 0) if tracking == Tracking.SERIALIZED else stock
    return result


def holds(
    uow: UnitOfWork,
    start: dt.datetime,
    end: dt.datetime,
    *,
    now: dt.datetime,
    type_ids: Sequence[int] | None = None,
    statuses: Sequence[BookingStatus] = HOLDING,
    exclude_booking: int | None = None,
    bounds: tuple[dt.timedelta, dt.timedelta] | None = None,
) -> list[Hold]:
    """Lines of bookings in ``statuses`` whose buffered period meets ``[start, end)``.
    ``bounds`` (widest prep, de-prep) saves a query when the caller knows them."""
    line = BookingLine
    base = (
        sqlalchemy.select(
            col(line.booking_id),
            col(Booking.reference),
            col(line.status),
            col(line.start),
            col(line.end),
            col(line.item_type_id),
            col(line.quantity),
            col(ItemType.prep_hours),
            col(ItemType.deprep_hours),
        )
        .join(Booking, id_column(Booking) == line.booking_id)
        .join(ItemType, id_column(ItemType) == line.item_type_id)
    )
    before, after = bounds or _widest_buffers(uow, type_ids)
    base = base.where(col(line.start) < end + before)
    if type_ids is not None:
        base = base.where(col(line.item_type_id).in_(type_ids))
    if exclude_booking is not None:
        base = base.where(col(line.booking_id) != exclude_booking)
    # The lines mirror their booking's period and status: one index range per type
    # (ix_booking_line_type_status_end), and a second one for late bookings still out.
    query = base.where(
        col(line.status).in_([s.value for s in statuses]),
        col(line.end) > start - after,
    )
    if BookingStatus.OUT in statuses:
        late = base.where(
            col(line.status) == BookingStatus.OUT.value,
            col(line.end) <= now,
            col(line.end) <= start - after,
        )
        rows = list(uow.session.execute(query.union_all(late)))
    else:
        rows = list(uow.session.execute(query))
    overdue = {r[0] for r in rows if r[2] == BookingStatus.OUT and r[4] <= now}
    still_out = _still_out(uow, overdue) if overdue else {}
    result = []
    for bid, ref, status, b_start, b_end, type_id, qty, prep, deprep in rows:
        h_start = b_start - dt.timedelta(hours=prep)
        h_end = b_end + dt.timedelta(hours=deprep)
        if bid in overdue:  # late: what is still out stays held until it is scanned back
            h_end, qty = FOREVER, still_out.pop((bid, type_id), 0)
        if qty > 0 and h_start < end and h_end > start:
            result.append(Hold(bid, ref, status, type_id, qty, h_start, h_end))
    return result


def _widest_buffers(
    uow: UnitOfWork, type_ids: Sequence[int] | None
) -> tuple[dt.timedelta, dt.timedelta]:
    """The widest prep and de-prep buffers among ``type_ids`` (all types when None): a
    booking whose period misses the window by more cannot hold stock in it."""
    query = select(func.max(ItemType.prep_hours), func.max(ItemType.deprep_hours))
    if type_ids is not None:
        query = query.where(id_column(ItemType).in_(type_ids))
    prep, deprep = uow.session.exec(query).one()
    return dt.timedelta(hours=prep or 0), dt.timedelta(hours=deprep or 0)


def _still_out(uow: UnitOfWork, booking_ids: set[int]) -> dict[tuple[int, int], int]:
    """Net quantity out (checked out minus checked in) per (booking, type), from the desk's
    movements."""
    signed = case(
        (col(Movement.direction) == Direction.OUT.value, Movement.quantity),
        else_=-col(Movement.quantity),
    )
    query = (
        select(Movement.booking_id, Movement.item_type_id, func.sum(signed))
        .where(col(Movement.booking_id).in_(booking_ids))
        .group_by(col(Movement.booking_id), col(Movement.item_type_id))
    )
    return {(bid, tid): int(net) for bid, tid, net in uow.session.exec(query) if net > 0}


def _by_type(items: Iterable[Hold]) -> dict[int, list[Hold]]:
    grouped: dict[int, list[Hold]] = defaultdict(list)
    for hold in items:
        grouped[hold.item_type_id].append(hold)
    return grouped


def availability_many(
    uow: UnitOfWork,
    start: dt.datetime,
    end: dt.datetime,
    *,
    now: dt.datetime,
    type_ids: Sequence[int] | None = None,
    exclude_booking: int | None = None,
) -> dict[int, Availability]:
    """Availability of each type (all types when ``type_ids`` is None) over a window."""
    facts = _facts(uow, type_ids)
    stock = _stock(uow, facts)
    bounds = (
        dt.timedelta(hours=max((f[5] for f in facts.values()), default=0)),
        dt.timedelta(hours=max((f[6] for f in facts.values()), default=0)),
    )
    statuses = (*HOLDING, *TENTATIVE)
    everything = holds(
        uow,
        start,
        end,
        now=now,
        type_ids=type_ids,
        statuses=statuses,
        exclude_booking=exclude_booking,
        bounds=bounds,
    )
    firm = _by_type(h for h in everything if h.status in HOLDING)
    all_by_type = _by_type(everything)
    result = {}
    for type_id, count in stock.items():
        mine = firm.get(type_id, [])
        reserved, at = peak(((h.start, h.end, h.quantity) for h in mine), start, end)
        tentative, _ = peak(
            ((h.start, h.end, h.quantity) for h in all_by_type.get(type_id, [])), start, end
        )
        result[type_id] = Availability(
            type_id, count, reserved, tentative, tuple(all_by_type.get(type_id, [])), at
        )
    return result


def availability(
    uow: UnitOfWork,
    item_type_id: int,
    start: dt.datetime,
    end: dt.datetime,
    *,
    now: dt.datetime,
    exclude_booking: int | None = None,
) -> Availability:
    return availability_many(
        uow, start, end, now=now, type_ids=[item_type_id], exclude_booking=exclude_booking
    )[item_type_id]


def shortages(
    uow: UnitOfWork, start: dt.datetime, end: dt.datetime, *, now: dt.datetime
) -> list[Shortage]:
    """Every type held beyond its serviceable stock at some instant of the window."""
    result = []
    found = availability_many(uow, start, end, now=now)
    short = [a for a in found.values() if a.reserved > a.serviceable]
    names = _names(uow, [a.item_type_id for a in short])
    for a in short:
        assert a.peak_at is not None
        firm = [h for h in a.holds if h.status in HOLDING]
        code, name = names[a.item_type_id]
        result.append(
            Shortage(
                a.item_type_id,
                code,
                name,
                0,
                a.serviceable,
                a.reserved,
                a.reserved - a.serviceable,
                a.peak_at,
                holders_at(firm, a.peak_at),
            )
        )
    return sorted(result, key=lambda s: (s.at, s.code))


def _names(uow: UnitOfWork, type_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    if not type_ids:
        return {}
    query = select(id_column(ItemType), ItemType.code, ItemType.name).where(
        id_column(ItemType).in_(type_ids)
    )
    return {tid: (code, name) for tid, code, name in uow.session.exec(query)}


def check_request(
    uow: UnitOfWork,
    wanted: dict[int, int],
    start: dt.datetime,
    end: dt.datetime,
    *,
    now: dt.datetime,
    exclude_booking: int | None = None,
) -> list[Shortage]:
    """What a booking of ``wanted`` (type id → quantity) over ``[start, end)`` would lack,
    each type's period widened by its buffers. Empty when it fits."""
    if not wanted:
        return []
    type_ids = sorted(wanted)
    facts = _facts(uow, type_ids)
    stock = _stock(uow, facts)
    before = dt.timedelta(hours=max(f[5] for f in facts.values()))
    after = dt.timedelta(hours=max(f[6] for f in facts.values()))
    held = _by_type(
        holds(
            uow,
            start - before,
            end + after,
            now=now,
            type_ids=type_ids,
            exclude_booking=exclude_booking,
            bounds=(before, after),
        )
    )
    result = []
    for type_id in type_ids:
        _, code, name, _, _, prep, deprep = facts[type_id]
        w_start, w_end = start - dt.timedelta(hours=prep), end + dt.timedelta(hours=deprep)
        mine = [h for h in held.get(type_id, []) if h.start < w_end and h.end > w_start]
        reserved, at = peak(((h.start, h.end, h.quantity) for h in mine), w_start, w_end)
        missing = reserved + wanted[type_id] - stock.get(type_id, 0)
        if missing > 0:
            when = at or w_start
            result.append(
                Shortage(
                    type_id,
                    code,
                    name,
                    wanted[type_id],
                    stock.get(type_id, 0),
                    reserved,
                    missing,
                    when,
                    holders_at(mine, when),
                )
            )
    return result


#: What every availability answer needs to know of a type: (id, code, name, tracking,
#: stock quantity, prep hours, de-prep hours).
Facts = tuple[int, str, str, str, int, int, int]


def _facts(uow: UnitOfWork, type_ids: Sequence[int] | None) -> dict[int, Facts]:
    """(id, code, name, tracking, stock quantity, prep hours, de-prep hours) per type, in
    one query: what every availability answer needs to know of the types."""
    query = sqlalchemy.select(
        id_column(ItemType),
        col(ItemType.code),
        col(ItemType.name),
        col(ItemType.tracking),
        col(ItemType.stock_quantity),
        col(ItemType.prep_hours),
        col(ItemType.deprep_hours),
    )
    if type_ids is not None:
        query = query.where(id_column(ItemType).in_(type_ids))
    facts: dict[int, Facts] = {}
    for tid, code, name, tracking, stock, prep, deprep in uow.session.execute(query):
        facts[tid] = (tid, code, name, tracking, stock, prep, deprep)
    return facts


def _stock(uow: UnitOfWork, facts: dict[int, Facts]) -> dict[int, int]:
    """Serviceable stock from already-read type facts (id, _, _, tracking, stock, ...)."""
    serialized = [tid for tid, f in facts.items() if f[3] == Tracking.SERIALIZED]
    counts: dict[int, int] = {}
    if serialized:
        counts = dict(
            uow.session.exec(
                select(Unit.item_type_id, func.count(id_column(Unit)))
                .where(
                    col(Unit.item_type_id).in_(serialized),
                    Unit.status == UnitStatus.IN_SERVICE.value,
                )
                .group_by(col(Unit.item_type_id))
            ).all()
        )
    return {
        tid: counts.get(tid, 0) if f[3] == Tracking.SERIALIZED else f[4] for tid, f in facts.items()
    }


def daily(holds_of_type: Sequence[Hold], days: Sequence[dt.date]) -> list[tuple[int, int]]:
    """Per day: (firm peak, tentative peak) of one type's holds — the timeline's cells."""
    cells = []
    for day in days:
        d0 = dt.datetime.combine(day, dt.time())
        d1 = d0 + dt.timedelta(days=1)
        firm, _ = peak(
            ((h.start, h.end, h.quantity) for h in holds_of_type if h.status in HOLDING), d0, d1
        )
        both, _ = peak(((h.start, h.end, h.quantity) for h in holds_of_type), d0, d1)
        cells.append((firm, both))
    return cells
