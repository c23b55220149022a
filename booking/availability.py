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

Every question is two statements (the types' facts with their serviceable stock, then the
lines holding them), built once per shape at first use and cached by SQLAlchemy compiled:
a booking's check or one type's answer costs what SQLite or PostgreSQL spends on it plus a
few dozen microseconds, not the ORM's per-statement construction and row loading.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import CompoundSelect, Select, Table, bindparam, case, func, literal, select

from app.core.db import UnitOfWork
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


def table_of(model: type[Any]) -> Table:
    """``model``'s table, typed (SQLModel does not declare ``__table__``), for Core
    statements."""
    found = model.__table__
    if not isinstance(found, Table):
        raise TypeError(f"{model.__name__} has no table")
    return found


_LINE = table_of(BookingLine)
_BOOKING = table_of(Booking)
_TYPE = table_of(ItemType)
_UNIT = table_of(Unit)
_MOVE = table_of(Movement)


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


class TypeFacts(NamedTuple):
    """What every availability answer needs to know of an item type."""

    id: int
    code: str
    name: str
    tracking: str
    stock_quantity: int
    prep_hours: int
    deprep_hours: int
    #: Units in service (serialized), or the bulk stock quantity.
    serviceable: int


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
    events.sort()  # by instant; at one instant, ends (-) before starts (+)
    best, when, level = 0, None, 0
    for at, delta in events:
        level += delta
        if level > best:
            best, when = level, at
    return best, when


def holders_at(holds: Iterable[Hold], at: dt.datetime) -> tuple[str, ...]:
    refs = {h.reference for h in holds if h.start <= at < h.end}
    return tuple(sorted(refs))


def _spans(holds: Iterable[Hold]) -> Iterable[tuple[dt.datetime, dt.datetime, int]]:
    return ((h.start, h.end, h.quantity) for h in holds)


# --- statements (built once per shape; SQLAlchemy caches their compiled form) -------------

ALL, ONE, SOME = "all", "one", "some"

_IN_SERVICE = (
    select(func.count())
    .where(_UNIT.c.item_type_id == _TYPE.c.id, _UNIT.c.status == UnitStatus.IN_SERVICE.value)
    .scalar_subquery()
)
_FACTS = select(
    _TYPE.c.id,
    _TYPE.c.code,
    _TYPE.c.name,
    _TYPE.c.tracking,
    _TYPE.c.stock_quantity,
    _TYPE.c.prep_hours,
    _TYPE.c.deprep_hours,
    case(
        (_TYPE.c.tracking == Tracking.SERIALIZED.value, _IN_SERVICE),
        else_=_TYPE.c.stock_quantity,
    ),
)
_FACTS_BY_SHAPE = {
    ALL: _FACTS,
    ONE: _FACTS.where(_TYPE.c.id == bindparam("type_id")),
    SOME: _FACTS.where(_TYPE.c.id.in_(bindparam("type_ids", expanding=True))),
}
_FACTS_BY_CODE = _FACTS.where(_TYPE.c.code.in_(bindparam("codes", expanding=True)))
_BUFFERS = select(func.max(_TYPE.c.prep_hours), func.max(_TYPE.c.deprep_hours))
_BUFFERS_BY_SHAPE = {
    ALL: _BUFFERS,
    ONE: _BUFFERS.where(_TYPE.c.id == bindparam("type_id")),
    SOME: _BUFFERS.where(_TYPE.c.id.in_(bindparam("type_ids", expanding=True))),
}
_STILL_OUT = (
    select(
        _MOVE.c.booking_id,
        _MOVE.c.item_type_id,
        func.sum(
            case(
                (_MOVE.c.direction == Direction.OUT.value, _MOVE.c.quantity),
                else_=-_MOVE.c.quantity,
            )
        ),
    )
    .where(_MOVE.c.booking_id.in_(bindparam("booking_ids", expanding=True)))
    .group_by(_MOVE.c.booking_id, _MOVE.c.item_type_id)
)


@functools.cache
def _holds_statement(
    shape: str, statuses: tuple[str, ...], exclude: bool
) -> Select[Any] | CompoundSelect[Any]:
    """Lines of bookings in ``statuses`` meeting ``[:lo, :hi)`` (the window widened by the
    widest buffers), and with ``out`` the late lines still out (``end <= :now``). The
    lines mirror their booking's period and status: one index range per type
    (ix_booking_line_type_status_end), a second one for late bookings still out."""
    line = _LINE.c
    base = (
        select(
            line.booking_id,
            _BOOKING.c.reference,
            line.status,
            line.start,
            line.end,
            line.item_type_id,
            line.quantity,
            _TYPE.c.prep_hours,
            _TYPE.c.deprep_hours,
        )
        .join(_BOOKING, _BOOKING.c.id == line.booking_id)
        .join(_TYPE, _TYPE.c.id == line.item_type_id)
        .where(line.start < bindparam("hi"))
    )
    if shape == ONE:
        base = base.where(line.item_type_id == bindparam("type_id"))
    elif shape == SOME:
        base = base.where(line.item_type_id.in_(bindparam("type_ids", expanding=True)))
    if exclude:
        base = base.where(line.booking_id != bindparam("exclude"))
    # constants as literal binds, not an "expanding" list re-rendered at every execution
    held = base.where(line.status.in_([literal(s) for s in statuses]), line.end > bindparam("lo"))
    if BookingStatus.OUT.value not in statuses:
        return held
    late = base.where(
        line.status == BookingStatus.OUT.value,
        line.end <= bindparam("now"),
        line.end <= bindparam("lo"),
    )
    return held.union_all(late)


def _shape(type_ids: Sequence[int] | None) -> tuple[str, dict[str, Any]]:
    """Which statement filters on ``type_ids`` (all, one, some), and its parameters."""
    if type_ids is None:
        return ALL, {}
    if len(type_ids) == 1:
        return ONE, {"type_id": type_ids[0]}
    return SOME, {"type_ids": list(type_ids)}


# --- queries ----------------------------------------------------------------------------


def _rows(uow: UnitOfWork, statement: Any, params: Mapping[str, Any]) -> Any:
    """``statement``'s result in the unit of work (pending ORM changes flushed first)."""
    return uow.session.execute(statement, params)


def type_facts(uow: UnitOfWork, type_ids: Sequence[int] | None = None) -> dict[int, TypeFacts]:
    """The facts of each type (all types when None), serviceable stock included: one
    statement."""
    shape, params = _shape(type_ids)
    rows = _rows(uow, _FACTS_BY_SHAPE[shape], params)
    return {row[0]: TypeFacts(*row) for row in rows}


def facts_by_code(uow: UnitOfWork, codes: Iterable[str]) -> dict[str, TypeFacts]:
    """The facts of the types whose code is exactly one of ``codes`` (one statement)."""
    wanted = sorted({code for code in codes if code})
    if not wanted:
        return {}
    rows = _rows(uow, _FACTS_BY_CODE, {"codes": wanted})
    return {row[1]: TypeFacts(*row) for row in rows}


def serviceable(uow: UnitOfWork, type_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Serviceable stock per type: units in service, or the bulk stock quantity."""
    if type_ids is not None and not type_ids:
        return {}
    return {tid: facts.serviceable for tid, facts in type_facts(uow, type_ids).items()}


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
    if type_ids is not None and not type_ids:
        return []
    shape, params = _shape(type_ids)
    before, after = bounds or _widest_buffers(uow, shape, params)
    statement = _holds_statement(
        shape, tuple(BookingStatus(s).value for s in statuses), exclude_booking is not None
    )
    params.update(hi=end + before, lo=start - after, now=now)
    if exclude_booking is not None:
        params["exclude"] = exclude_booking
    rows = _rows(uow, statement, params).all()
    out = BookingStatus.OUT.value
    overdue = {r[0] for r in rows if r[2] == out and r[4] <= now}
    still_out = _still_out(uow, overdue) if overdue else {}
    result = []
    for bid, ref, status, b_start, b_end, type_id, qty, prep, deprep in rows:
        h_start = b_start - _hours(prep) if prep else b_start
        h_end = b_end + _hours(deprep) if deprep else b_end
        if bid in overdue:  # late: what is still out stays held until it is scanned back
            h_end, qty = FOREVER, still_out.pop((bid, type_id), 0)
        if qty > 0 and h_start < end and h_end > start:
            result.append(Hold(bid, ref, status, type_id, qty, h_start, h_end))
    return result


@functools.lru_cache(maxsize=256)
def _hours(hours: int) -> dt.timedelta:
    return dt.timedelta(hours=hours)


def _widest_buffers(
    uow: UnitOfWork, shape: str, params: Mapping[str, Any]
) -> tuple[dt.timedelta, dt.timedelta]:
    """The widest prep and de-prep buffers among the types (all types for ``ALL``): a
    booking whose period misses the window by more cannot hold stock in it."""
    found = _rows(uow, _BUFFERS_BY_SHAPE[shape], params).one()
    return _hours(found[0] or 0), _hours(found[1] or 0)


def _bounds(facts: Iterable[TypeFacts]) -> tuple[dt.timedelta, dt.timedelta]:
    """The widest buffers among types already read."""
    known = list(facts)
    before = max((f.prep_hours for f in known), default=0)
    after = max((f.deprep_hours for f in known), default=0)
    return _hours(before), _hours(after)


def _still_out(uow: UnitOfWork, booking_ids: set[int]) -> dict[tuple[int, int], int]:
    """Net quantity out (checked out minus checked in) per (booking, type), from the desk's
    movements."""
    rows = _rows(uow, _STILL_OUT, {"booking_ids": sorted(booking_ids)})
    return {(bid, tid): int(net) for bid, tid, net in rows if net > 0}


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
    facts = type_facts(uow, type_ids) if type_ids is None or type_ids else {}
    everything = holds(
        uow,
        start,
        end,
        now=now,
        type_ids=type_ids,
        statuses=(*HOLDING, *TENTATIVE),
        exclude_booking=exclude_booking,
        bounds=_bounds(facts.values()),
    )
    tentative = set(s.value for s in TENTATIVE)
    all_by_type = _by_type(everything)
    result = {}
    for type_id, fact in facts.items():
        mine = all_by_type.get(type_id)
        if not mine:
            result[type_id] = Availability(type_id, fact.serviceable, 0, 0, (), None)
            continue
        firm = [h for h in mine if h.status not in tentative]
        reserved, at = peak(_spans(firm), start, end)
        both = peak(_spans(mine), start, end)[0] if len(firm) < len(mine) else reserved
        result[type_id] = Availability(type_id, fact.serviceable, reserved, both, tuple(mine), at)
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
    facts = type_facts(uow, [a.item_type_id for a in short]) if short else {}
    for a in short:
        assert a.peak_at is not None
        firm = [h for h in a.holds if h.status in HOLDING]
        result.append(
            Shortage(
                a.item_type_id,
                facts[a.item_type_id].code,
                facts[a.item_type_id].name,
                0,
                a.serviceable,
                a.reserved,
                a.reserved - a.serviceable,
                a.peak_at,
                holders_at(firm, a.peak_at),
            )
        )
    return sorted(result, key=lambda s: (s.at, s.code))


def check_request(
    uow: UnitOfWork,
    wanted: dict[int, int],
    start: dt.datetime,
    end: dt.datetime,
    *,
    now: dt.datetime,
    exclude_booking: int | None = None,
    facts: Mapping[int, TypeFacts] | None = None,
) -> list[Shortage]:
    """What a booking of ``wanted`` (type id → quantity) over ``[start, end)`` would lack,
    each type's period widened by its buffers. Empty when it fits. ``facts`` (the types'
    facts, already read by the caller) saves a statement."""
    if not wanted:
        return []
    type_ids = sorted(wanted)
    if facts is None or any(tid not in facts for tid in type_ids):
        facts = type_facts(uow, type_ids)
    before, after = _bounds(facts[tid] for tid in type_ids)
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
        fact = facts[type_id]
        w_start = start - _hours(fact.prep_hours)
        w_end = end + _hours(fact.deprep_hours)
        mine = [h for h in held.get(type_id, ()) if h.start < w_end and h.end > w_start]
        reserved, at = peak(_spans(mine), w_start, w_end)
        missing = reserved + wanted[type_id] - fact.serviceable
        if missing > 0:
            when = at or w_start
            result.append(
                Shortage(
                    type_id,
                    fact.code,
                    fact.name,
                    wanted[type_id],
                    fact.serviceable,
                    reserved,
                    missing,
                    when,
                    holders_at(mine, when),
                )
            )
    return result


def daily(holds_of_type: Sequence[Hold], days: Sequence[dt.date]) -> list[tuple[int, int]]:
    """Per day: (firm peak, tentative peak) of one type's holds — the timeline's cells."""
    cells = []
    for day in days:
        d0 = dt.datetime.combine(day, dt.time())
        d1 = d0 + dt.timedelta(days=1)
        firm, _ = peak(_spans(h for h in holds_of_type if h.status in HOLDING), d0, d1)
        both, _ = peak(_spans(holds_of_type), d0, d1)
        cells.append((firm, both))
    return cells
