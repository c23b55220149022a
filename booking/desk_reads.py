"""What a scan is about, read as plain facts with Core statements built once.

The scan path never loads ORM rows to decide: what the scanned code designates
(``identify``: a booking reference, a unit, a case or a bulk type, one statement per
reading of the scan), where a unit is (``out_on``) and whether its inspection is overdue
(``unit_state``: both at once), a case's units, the booking a bulk return is credited to. SQLAlchemy caches the compiled form of these
module-level statements; the answers are frozen dataclasses. (The booking a scan is made
for is read with its ledger: ``booking.desk_ledger``.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy
from sqlalchemy import ColumnElement, Select, Table, bindparam, case, func, literal

from app.core.db import UnitOfWork
from booking.desk_results import ScanResult
from booking.models import Booking, BookingLine, Direction, Movement
from inventory import barcodes
from inventory.barcodes import normalise
from inventory.models import Case, InspectionDue, ItemType, Unit


def table(model: type[Any]) -> Table:
    """``model``'s table, typed (SQLModel does not declare ``__table__``)."""
    found = model.__table__
    if not isinstance(found, Table):
        raise TypeError(f"{model.__name__} has no table")
    return found


BOOKING = table(Booking)
LINE = table(BookingLine)
MOVE = table(Movement)
UNIT = table(Unit)
TYPE = table(ItemType)
_CASE = table(Case)
_DUE = table(InspectionDue)

#: The columns ``BookingFacts`` is read from.
BOOKING_FACTS = (
    BOOKING.c.id,
    BOOKING.c.reference,
    BOOKING.c.status,
    BOOKING.c.start,
    BOOKING.c.end,
)
#: The kinds a scan designates, in the order they are tried (``identify``).
_KIND_ORDER = {"booking": 0, "unit": 1, "case": 2, "bulk": 3}
_KINDS = {order: kind for kind, order in _KIND_ORDER.items()}


def identify_selects(*pad: ColumnElement[Any]) -> list[Select[Any]]:
    """Everything a reading of a scan may designate, one select per kind (``union_all``
    them): a booking (its reference, upper-case), then units, cases and bulk types whose
    code is the reading exactly or without case (``inventory.barcodes.by_code``; the
    ``upper`` indexes of migration 0008 answer it). Columns: kind, id, code as stored, type
    id, type code, type name, unit status, case permanent, then ``pad`` (for a union with
    other rows: ``booking.desk_ledger``). Parameters ``code`` and ``key`` (upper-case)."""
    code = bindparam("code", type_=sqlalchemy.String)
    key = bindparam("key", type_=sqlalchemy.String)

    def matches(column: Any) -> ColumnElement[bool]:
        return sqlalchemy.or_(column == code, func.upper(column) == key)

    nothing_int = sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.Integer)
    nothing_text = sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.String)
    booking = sqlalchemy.select(
        literal(_KIND_ORDER["booking"], sqlalchemy.Integer),
        BOOKING.c.id,
        BOOKING.c.reference,
        nothing_int,
        nothing_text,
        nothing_text,
        nothing_text,
        sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.Boolean),
        *pad,
    ).where(BOOKING.c.reference == key)
    unit = (
        sqlalchemy.select(
            literal(_KIND_ORDER["unit"], sqlalchemy.Integer),
            UNIT.c.id,
            UNIT.c.barcode,
            UNIT.c.item_type_id,
            TYPE.c.code,
            TYPE.c.name,
            UNIT.c.status,
            sqlalchemy.null(),
            *pad,
        )
        .join_from(UNIT, TYPE, TYPE.c.id == UNIT.c.item_type_id)
        .where(matches(UNIT.c.barcode))
    )
    case_ = sqlalchemy.select(
        literal(_KIND_ORDER["case"], sqlalchemy.Integer),
        _CASE.c.id,
        _CASE.c.barcode,
        sqlalchemy.null(),
        sqlalchemy.null(),
        sqlalchemy.null(),
        sqlalchemy.null(),
        _CASE.c.permanent,
        *pad,
    ).where(matches(_CASE.c.barcode))
    bulk = sqlalchemy.select(
        literal(_KIND_ORDER["bulk"], sqlalchemy.Integer),
        TYPE.c.id,
        TYPE.c.barcode,
        TYPE.c.id,
        TYPE.c.code,
        TYPE.c.name,
        sqlalchemy.null(),
        sqlalchemy.null(),
        *pad,
    ).where(matches(TYPE.c.barcode))
    return [booking, unit, case_, bulk]


_IDENTIFY = sqlalchemy.union_all(*identify_selects())

#: A unit's whereabouts: its last movement, with the booking it went out on or came back
#: from (the unit is out when that movement is a check-out).
_LAST_MOVE = (
    sqlalchemy.select(MOVE.c.direction, *BOOKING_FACTS)
    .join_from(MOVE, BOOKING, BOOKING.c.id == MOVE.c.booking_id)
    .where(MOVE.c.unit_id == bindparam("unit_id"))
    .order_by(MOVE.c.id.desc())
    .limit(1)
)
_DUE_SINCE = sqlalchemy.select(func.min(_DUE.c.due_on)).where(
    _DUE.c.unit_id == bindparam("unit_id")
)
#: A unit's whereabouts and its oldest inspection due, in one statement: the due date
#: (always one row: an aggregate) beside the last movement with its booking, if any.
_DUE_ON = _DUE_SINCE.with_only_columns(func.min(_DUE.c.due_on).label("due_on")).subquery("due")
_LAST = _LAST_MOVE.subquery("last")
_UNIT_STATE = sqlalchemy.select(_DUE_ON.c.due_on, _LAST).select_from(
    _DUE_ON.outerjoin(_LAST, sqlalchemy.true())
)
_CASE_UNITS = (
    sqlalchemy.select(
        UNIT.c.id,
        UNIT.c.barcode,
        UNIT.c.item_type_id,
        TYPE.c.code,
        TYPE.c.name,
        UNIT.c.status,
    )
    .join_from(UNIT, TYPE, TYPE.c.id == UNIT.c.item_type_id)
    .where(UNIT.c.case_id == bindparam("case_id"))
    .order_by(UNIT.c.id)
)
_SIGNED = case((MOVE.c.direction == Direction.OUT.value, MOVE.c.quantity), else_=-MOVE.c.quantity)
#: The booking a bulk return is credited to when none is hinted: the one with some of the
#: type out that is due back first.
_FIRST_HOLDER = (
    sqlalchemy.select(*BOOKING_FACTS)
    .join_from(BOOKING, MOVE, MOVE.c.booking_id == BOOKING.c.id)
    .where(MOVE.c.item_type_id == bindparam("type_id"))
    .group_by(*BOOKING_FACTS)
    .having(func.sum(_SIGNED) > 0)
    .order_by(BOOKING.c.end, BOOKING.c.id)
    .limit(1)
)


# --- the facts --------------------------------------------------------------------------


@dataclass(frozen=True)
class BookingFacts:
    """The booking a scan is made for (read by ``BOOKING_FACTS``)."""

    id: int
    reference: str
    status: str
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class ItemFacts:
    """A scanned unit, or a bulk type (then ``id`` is ``type_id`` and ``status`` empty)."""

    id: int
    barcode: str
    type_id: int
    type_code: str
    type_name: str
    status: str = ""


@dataclass(frozen=True)
class CaseFacts:
    id: int
    barcode: str
    permanent: bool


@dataclass(frozen=True)
class ReferenceFacts:
    """A booking reference found by a scan."""

    id: int
    barcode: str


@dataclass
class Scanned:
    """What a scan designates: ``kind`` is booking, unit, case or bulk; ``row`` its facts
    (``ReferenceFacts``, ``ItemFacts`` or ``CaseFacts``); ``code`` the code it carries (as
    stored), ``raw`` what came from the scanner."""

    kind: str
    row: Any
    code: str
    raw: str

    @property
    def swapped(self) -> str:
        """The raw scan when the code was found through a layout-swapped reading."""
        return self.raw if self.raw.upper() != self.code.upper() else ""

    def answer(self, result: ScanResult) -> ScanResult:
        """``result``, saying what the scanner typed when it was read on the other layout."""
        result.scanned = self.swapped
        return result


def booking_row(found: Any) -> BookingFacts:
    return BookingFacts(int(found.id), found.reference, found.status, found.start, found.end)


# --- the reads --------------------------------------------------------------------------


def readings(code: str) -> list[str]:
    """The readings of a scan to look up, in order (``barcodes.candidates``), none empty."""
    return [r for r in (normalise(c) for c in barcodes.candidates(code)) if r]


def identify(uow: UnitOfWork, code: str) -> Scanned | None:
    """What carries the scanned ``code``: a booking reference, a unit, a case or a bulk
    type, compared without case; when nothing does, the code as read on the other keyboard
    layout (a scanner set up for US on a French PC, or the reverse). One statement per
    reading."""
    raw = normalise(code)
    return identify_among(uow, raw, readings(raw))


def identify_among(uow: UnitOfWork, raw: str, tried: list[str]) -> Scanned | None:
    """``identify`` of the scan ``raw`` over the readings ``tried``, in order."""
    for reading in tried:
        params = {"code": reading, "key": reading.upper()}
        found = scanned_of(list(uow.session.execute(_IDENTIFY, params)), reading, raw)
        if found is not None:
            return found
    return None


def scanned_of(rows: list[Any], reading: str, raw: str) -> Scanned | None:
    """What ``identify_selects``' rows for ``reading`` designate: the first kind found, in
    ``_KIND_ORDER``; within a kind the exact spelling, else the oldest row without case
    (as ``barcodes.by_code``)."""
    for order in sorted({int(r[0]) for r in rows}):
        same = [r for r in rows if int(r[0]) == order]
        row = next((r for r in same if r[2] == reading), None) or min(same, key=lambda r: r[1])
        kind = _KINDS[order]
        facts: Any
        if kind == "booking":
            facts = ReferenceFacts(int(row[1]), row[2])
        elif kind == "case":
            facts = CaseFacts(int(row[1]), row[2], bool(row[7]))
        else:
            facts = ItemFacts(int(row[1]), row[2], int(row[3]), row[4], row[5], row[6] or "")
        return Scanned(kind, facts, facts.barcode or reading, raw)
    return None


def out_on(uow: UnitOfWork, unit_id: int) -> BookingFacts | None:
    """The booking the unit is out on (``desk.where_is`` as facts; one statement)."""
    last = uow.session.execute(_LAST_MOVE, {"unit_id": unit_id}).first()
    if last is None or last.direction != Direction.OUT:
        return None
    return booking_row(last)


def unit_state(
    uow: UnitOfWork, unit_id: int, today: dt.date
) -> tuple[BookingFacts | None, dt.date | None]:
    """The booking the unit is out on (``out_on``) and, when its oldest inspection due is
    before ``today``, that day: a check-out's questions about a unit, in one statement."""
    row = uow.session.execute(_UNIT_STATE, {"unit_id": unit_id}).one()
    out = booking_row(row) if row.direction == Direction.OUT else None
    due = row.due_on
    return out, (due if due is not None and due < today else None)


def case_units(uow: UnitOfWork, case_id: int) -> list[ItemFacts]:
    """The units in the case, as facts, oldest first."""
    return [
        ItemFacts(int(r.id), r.barcode, int(r.item_type_id), r.code, r.name, r.status)
        for r in uow.session.execute(_CASE_UNITS, {"case_id": case_id})
    ]


def first_holder(uow: UnitOfWork, type_id: int) -> BookingFacts | None:
    """The booking with some of the bulk type out that is due back first."""
    first = uow.session.execute(_FIRST_HOLDER, {"type_id": type_id}).first()
    return booking_row(first) if first is not None else None
