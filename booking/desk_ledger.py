"""A booking's progress at the desk, from its ledger: what is booked per type and its
movements summed per type, direction, condition and undo, in one statement (``Ledger``).

``progress`` (the pick screen's lines) and every scan's decision and answer are computed
from these rows; a scan just accepted is counted in without reading again
(``Ledger.with_moves``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import sqlalchemy
from sqlalchemy import bindparam, func, literal

from app.core.db import UnitOfWork
from booking.desk_reads import LINE, MOVE, TYPE
from booking.desk_results import LineProgress
from booking.models import Condition, Direction

_BOOKED = "booked"
_LEDGER = sqlalchemy.union_all(
    sqlalchemy.select(
        LINE.c.item_type_id,
        literal(_BOOKED, sqlalchemy.String),
        literal("", sqlalchemy.String),
        literal(False, sqlalchemy.Boolean),
        func.sum(LINE.c.quantity),
    )
    .where(LINE.c.booking_id == bindparam("booking_id"))
    .group_by(LINE.c.item_type_id),
    sqlalchemy.select(
        MOVE.c.item_type_id,
        MOVE.c.direction,
        MOVE.c.condition,
        MOVE.c.undoes.is_not(None),
        func.sum(MOVE.c.quantity),
    )
    .where(MOVE.c.booking_id == bindparam("booking_id"))
    .group_by(MOVE.c.item_type_id, MOVE.c.direction, MOVE.c.condition, MOVE.c.undoes.is_not(None)),
)
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
        ledger = cls()
        for type_id, direction, condition, is_undo, qty in uow.session.execute(
            _LEDGER, {"booking_id": booking_id}
        ):
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
