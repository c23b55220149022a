"""A booking's progress at the desk, from its ledger: what is booked per type and its
movements summed per type, direction, condition and undo, in one statement (``Ledger``).

``progress`` (the pick screen's lines) and every scan's decision and answer are computed
from these rows; a scan just accepted is counted in without reading again
(``Ledger.with_moves``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy
from sqlalchemy import ColumnElement, CompoundSelect, Select, bindparam, func, literal

from app.core.db import UnitOfWork
from booking.desk_reads import (
    BOOKING,
    BOOKING_FACTS,
    LINE,
    MOVE,
    TYPE,
    BookingFacts,
    Scanned,
    booking_row,
    identify_among,
    identify_selects,
    readings,
    scanned_of,
)
from booking.desk_results import LineProgress
from booking.models import Condition, Direction
from inventory import barcodes
from inventory.barcodes import normalise

_BOOKED = "booked"


def _ledger_of(booking_id: ColumnElement[Any]) -> CompoundSelect[Any]:
    """The ledger of the booking ``booking_id`` designates: its booked quantity per type
    ("booked" rows), then its movements summed per type, direction, condition and undo."""
    return sqlalchemy.union_all(
        sqlalchemy.select(
            LINE.c.item_type_id,
            literal(_BOOKED, sqlalchemy.String).label("direction"),
            literal("", sqlalchemy.String).label("condition"),
            literal(False, sqlalchemy.Boolean).label("is_undo"),
            func.sum(LINE.c.quantity).label("quantity"),
        )
        .where(LINE.c.booking_id == booking_id)
        .group_by(LINE.c.item_type_id),
        sqlalchemy.select(
            MOVE.c.item_type_id,
            MOVE.c.direction,
            MOVE.c.condition,
            MOVE.c.undoes.is_not(None),
            func.sum(MOVE.c.quantity),
        )
        .where(MOVE.c.booking_id == booking_id)
        .group_by(
            MOVE.c.item_type_id, MOVE.c.direction, MOVE.c.condition, MOVE.c.undoes.is_not(None)
        ),
    )


def _with_facts(booking: Any, booking_id: ColumnElement[Any]) -> Select[Any]:
    """The facts of the booking ``booking`` (a table or subquery joined to ``BOOKING``
    selects) beside each row of its ledger: one round trip for both. The ledger is outer
    joined, so a booking with nothing on it still gives its facts (ledger columns null)."""
    ledger = _ledger_of(booking_id).subquery("ledger")
    return sqlalchemy.select(
        *BOOKING_FACTS,
        ledger.c.item_type_id,
        ledger.c.direction,
        ledger.c.condition,
        ledger.c.is_undo,
        ledger.c.quantity,
    ).select_from(booking.outerjoin(ledger, sqlalchemy.true()))


_LEDGER = _ledger_of(bindparam("booking_id"))
_BOOKING_KIND = -1
#: The booking of a reference (exactly, upper-case) and its ledger.
_REFERENCE = bindparam("reference", type_=sqlalchemy.String)
_BOOKING_LEDGER = _with_facts(
    BOOKING,
    sqlalchemy.select(BOOKING.c.id)
    .where(BOOKING.c.reference == _REFERENCE)
    .correlate(None)
    .scalar_subquery(),
).where(BOOKING.c.reference == _REFERENCE)
#: The booking of a reference with its ledger (kind -1, shaped as ``identify_selects``' rows
#: and three more columns) and what a reading of a scan designates, in one statement: a
#: check-out's reads in one round trip. Kind -1 rows: booking id, reference, ledger type,
#: direction, condition, booking status, undo, booking start, end, ledger quantity.
_SCAN_LEDGER = _ledger_of(
    sqlalchemy.select(BOOKING.c.id)
    .where(BOOKING.c.reference == _REFERENCE)
    .correlate(None)
    .scalar_subquery()
).subquery("ledger")
_BOOKING_AND_CODE = sqlalchemy.union_all(
    sqlalchemy.select(
        literal(_BOOKING_KIND, sqlalchemy.Integer),
        BOOKING.c.id,
        BOOKING.c.reference,
        _SCAN_LEDGER.c.item_type_id,
        _SCAN_LEDGER.c.direction,
        _SCAN_LEDGER.c.condition,
        BOOKING.c.status,
        _SCAN_LEDGER.c.is_undo,
        BOOKING.c.start,
        BOOKING.c.end,
        _SCAN_LEDGER.c.quantity,
    )
    .select_from(BOOKING.outerjoin(_SCAN_LEDGER, sqlalchemy.true()))
    .where(BOOKING.c.reference == _REFERENCE),
    *identify_selects(
        sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.DateTime),
        sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.DateTime),
        sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.Integer),
    ),
)
#: A unit's last movement (its direction says whether the unit is out), with the facts and
#: the ledger of that movement's booking.
_LAST = (
    sqlalchemy.select(MOVE.c.booking_id, MOVE.c.direction.label("last_direction"))
    .where(MOVE.c.unit_id == bindparam("unit_id"))
    .order_by(MOVE.c.id.desc())
    .limit(1)
)
_last = _LAST.subquery("last")
_UNIT_LEDGER = _with_facts(
    _last.join(BOOKING, BOOKING.c.id == _last.c.booking_id),
    _LAST.with_only_columns(MOVE.c.booking_id).correlate(None).scalar_subquery(),
).add_columns(_last.c.last_direction)
_TYPE_NAMES = sqlalchemy.select(TYPE.c.id, TYPE.c.code, TYPE.c.name).where(
    TYPE.c.id.in_(bindparam("type_ids", expanding=True))
)


@dataclass(frozen=True)
class Move:
    """A movement just written (what the answer to its scan counts)."""

    id: int
    item_type_id: int
    direction: str
    condition: str
    quantity: int
    undoes: int | None


@dataclass
class Tally:
    """One type's movements on a booking, summed by kind."""

    out_: int = 0  # check-outs
    in_: int = 0  # check-ins
    undo_out: int = 0  # check-ins undoing a check-out
    undo_in: int = 0  # check-outs undoing a check-in
    damaged: int = 0
    missing: int = 0

    def add(self, direction: str, condition: str, is_undo: bool, qty: int) -> None:
        if direction == Direction.OUT:
            if is_undo:
                self.undo_in += qty
                if condition == Condition.DAMAGED:
                    self.damaged -= qty  # an undone damaged check-in
                elif condition == Condition.MISSING:
                    self.missing -= qty
            else:
                self.out_ += qty
        elif is_undo:
            self.undo_out += qty
        else:
            self.in_ += qty
            if condition == Condition.DAMAGED:
                self.damaged += qty
            elif condition == Condition.MISSING:
                self.missing += qty

    @property
    def left(self) -> int:
        """Ever checked out (check-outs not undone)."""
        return self.out_ - self.undo_out

    @property
    def back(self) -> int:
        return self.in_ - self.undo_in

    @property
    def out(self) -> int:
        """Out now."""
        return self.left - self.back


@dataclass
class Ledger:
    """A booking's booked quantities and movements per type (``_LEDGER``)."""

    wanted: dict[int, int] = field(default_factory=dict)
    moved: dict[int, Tally] = field(default_factory=dict)

    @classmethod
    def read(cls, uow: UnitOfWork, booking_id: int) -> Ledger:
        """The booking's ledger (one statement)."""
        return cls.of_rows(uow.session.execute(_LEDGER, {"booking_id": booking_id}))

    @classmethod
    def of_rows(cls, rows: Iterable[Any]) -> Ledger:
        """The ledger of ``_ledger_of``'s rows (type, direction, condition, undo, sum);
        rows whose type is null (a booking with nothing on it) count for nothing."""
        ledger = cls()
        for type_id, direction, condition, is_undo, qty in rows:
            if type_id is None:
                continue
            if direction == _BOOKED:
                ledger.wanted[int(type_id)] = int(qty)
            else:
                ledger.record(int(type_id), direction, condition, bool(is_undo), int(qty))
        return ledger

    def record(self, type_id: int, direction: str, condition: str, is_undo: bool, qty: int) -> None:
        self.moved.setdefault(type_id, Tally()).add(direction, condition, is_undo, qty)

    def tally(self, type_id: int) -> Tally:
        return self.moved.get(type_id) or Tally()

    def types(self) -> set[int]:
        return set(self.wanted) | set(self.moved)

    def line(self, type_id: int, code: str, name: str) -> LineProgress | None:
        """The type's progress; None for a type moved but not booked whose every movement
        was undone (nothing of it is on the booking)."""
        t = self.tally(type_id)
        if type_id not in self.wanted and t.left == 0 and t.back == 0:
            return None
        return LineProgress(
            type_id,
            code,
            name,
            wanted=self.wanted.get(type_id, 0),
            out=t.out,
            left=t.left,
            back=t.back,
            damaged=t.damaged,
            missing=t.missing,
        )

    def with_moves(self, moves: list[Move]) -> Ledger:
        """This ledger once ``moves`` (just written) are counted too."""
        ledger = Ledger(dict(self.wanted), {t: replace(v) for t, v in self.moved.items()})
        for m in moves:
            ledger.record(
                m.item_type_id, m.direction, m.condition, m.undoes is not None, m.quantity
            )
        return ledger


def progress(uow: UnitOfWork, booking_id: int) -> list[LineProgress]:
    """Per booked (or moved) type: wanted, out now, ever left, back, damaged, missing. A
    type moved but not booked whose every movement was undone is left out. By type name."""
    ledger = Ledger.read(uow, booking_id)
    types = ledger.types()
    if not types:
        return []
    names = {
        int(tid): (code, name)
        for tid, code, name in uow.session.execute(_TYPE_NAMES, {"type_ids": sorted(types)})
    }
    rows = [ledger.line(t, *names[t]) for t in sorted(types, key=lambda t: (names[t][1], t))]
    return [row for row in rows if row is not None]


def line_progress(uow: UnitOfWork, booking_id: int, type_id: int) -> LineProgress | None:
    """The progress of one type of the booking (None when it is not on it)."""
    return next((p for p in progress(uow, booking_id) if p.item_type_id == type_id), None)


def _facts_and_ledger(rows: list[Any]) -> tuple[BookingFacts, Ledger]:
    """``_with_facts``' rows: the booking's facts (on every row) and its ledger."""
    return booking_row(rows[0]), Ledger.of_rows(tuple(r)[5:10] for r in rows)


def booking_scanned(uow: UnitOfWork, code: str) -> tuple[BookingFacts, Ledger] | None:
    """The booking whose reference is scanned (``desk.find_booking``: without case, then
    the layout-swapped readings) and its ledger, one statement per reading."""
    for reading in barcodes.candidates(code):
        if (found := booking_with_ledger(uow, reading)) is not None:
            return found
    return None


def booking_and_scan(
    uow: UnitOfWork, reference: str, code: str, *, other_layouts: bool = True
) -> tuple[tuple[BookingFacts, Ledger] | None, Scanned | None]:
    """``booking_scanned(uow, reference)`` and ``desk_reads.identify(uow, code)`` at once:
    the first reading of each in one statement; the others (a scan read back from the
    other keyboard layout), when that one finds nothing, one statement each. Without
    ``other_layouts`` the booking is ``booking_with_ledger(uow, reference)``: the reference
    exactly (without case), as typed in a field rather than scanned."""
    if other_layouts:
        keys = [r.upper() for r in readings(reference)]
    else:
        keys = [key] if (key := normalise(reference).upper()) else []
    raw = normalise(code)
    codes = readings(raw)
    if not keys or not codes:
        booking = _first_booking(uow, keys)
        return booking, identify_among(uow, raw, codes)
    params = {"reference": keys[0], "code": codes[0], "key": codes[0].upper()}
    rows = list(uow.session.execute(_BOOKING_AND_CODE, params))
    mine = [r for r in rows if r[0] == _BOOKING_KIND]
    booking = _scan_facts(mine) if mine else _first_booking(uow, keys[1:] if other_layouts else [])
    others = [r for r in rows if r[0] != _BOOKING_KIND]
    scanned = scanned_of(others, codes[0], raw) or identify_among(uow, raw, codes[1:])
    return booking, scanned


def _scan_facts(rows: list[Any]) -> tuple[BookingFacts, Ledger]:
    """``_BOOKING_AND_CODE``'s booking rows: the booking's facts and its ledger."""
    first = rows[0]
    facts = BookingFacts(int(first[1]), first[2], first[6], first[8], first[9])
    return facts, Ledger.of_rows((r[3], r[4], r[5], r[7], r[10]) for r in rows)


def _first_booking(uow: UnitOfWork, keys: list[str]) -> tuple[BookingFacts, Ledger] | None:
    for key in keys:
        if (found := booking_with_ledger(uow, key)) is not None:
            return found
    return None


def booking_with_ledger(uow: UnitOfWork, reference: str) -> tuple[BookingFacts, Ledger] | None:
    """The booking whose reference is exactly ``reference`` (without case) and its ledger,
    in one statement; None when no booking has it."""
    key = normalise(reference).upper()
    if not key:
        return None
    rows = list(uow.session.execute(_BOOKING_LEDGER, {"reference": key}))
    return _facts_and_ledger(rows) if rows else None


def out_on_with_ledger(uow: UnitOfWork, unit_id: int) -> tuple[BookingFacts, Ledger] | None:
    """The booking the unit is out on (its last movement is a check-out) and that
    booking's ledger, in one statement; None when the unit is in the warehouse."""
    rows = list(uow.session.execute(_UNIT_LEDGER, {"unit_id": unit_id}))
    if not rows or rows[0].last_direction != Direction.OUT:
        return None
    return _facts_and_ledger(rows)
