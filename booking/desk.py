"""The warehouse desk: check-out and check-in by scan, each scan one short transaction.

A scan is decided by a handful of indexed lookups and, when accepted, written as one
``Movement`` before the answer is given, so an acknowledged scan survives a crash and a
refused one changes nothing. Booking progress, a unit's whereabouts and what is still out
are all derived from movements.

The scan path is hot (a desk scans faster than people type): it reads with Core statements
built once (the booking, what the code designates, the booking's ledger: three selects) and
writes with Core too — the movement, and the booking's status when the first piece leaves
or the last comes back (its lines with it, as ``booking.models._mirror_booking`` keeps
them) — each recorded on the audit trail through ``app.core.audit.record_core`` in the same
transaction. The rarer services (undo, unplanned items, substitutions) keep the ORM.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import sqlalchemy
from sqlalchemy import ColumnElement, Executable, Table, bindparam, case, func, literal
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col, select

from app.core import audit
from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import N_, DomainError
from booking.models import (
    Booking,
    BookingLine,
    BookingStatus,
    Condition,
    Direction,
    Movement,
)
from inventory import barcodes
from inventory.barcodes import normalise
from inventory.catalogue import set_status
from inventory.models import Case, InspectionDue, ItemType, Unit, UnitStatus


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    UNKNOWN = "unknown"
    NOT_ON_BOOKING = "not_on_booking"
    COMPLETE = "complete"
    ALREADY_OUT = "already_out"
    TWICE = "twice"
    IN_REPAIR = "in_repair"
    INSPECTION = "inspection_overdue"
    LOST_RETIRED = "lost_or_retired"
    NOT_OUT = "not_out"
    BOOKING = "booking"  # a booking reference was scanned: open it
    WRONG_STATUS = "wrong_status"
    INVALID = "invalid"


OUTCOME_LABELS = {
    Outcome.ACCEPTED: N_("Accepted"),
    Outcome.UNKNOWN: N_("Unknown code"),
    Outcome.NOT_ON_BOOKING: N_("Not on this booking"),
    Outcome.COMPLETE: N_("More than booked"),
    Outcome.ALREADY_OUT: N_("Already out"),
    Outcome.TWICE: N_("Scanned twice"),
    Outcome.IN_REPAIR: N_("In repair"),
    Outcome.INSPECTION: N_("Inspection overdue"),
    Outcome.LOST_RETIRED: N_("Lost or retired"),
    Outcome.NOT_OUT: N_("Not out"),
    Outcome.BOOKING: N_("Booking"),
    Outcome.WRONG_STATUS: N_("Booking not ready"),
    Outcome.INVALID: N_("Invalid scan"),
}


@dataclass
class LineProgress:
    item_type_id: int
    code: str
    name: str
    wanted: int
    out: int  # net out now (out − in)
    left: int  # ever checked out (out − undone outs)
    back: int
    damaged: int
    missing: int

    @property
    def state(self) -> str:
        """outstanding / partial / complete, for the pick screen's colours."""
        if self.left == 0:
            return "outstanding"
        return "complete" if self.left >= self.wanted else "partial"


@dataclass
class ScanResult:
    """The desk's answer to one scan. ``message`` is translated by the GUI/CLI."""

    code: str
    ok: bool
    outcome: Outcome
    message: DomainError
    reference: str = ""
    line: LineProgress | None = None
    late: bool = False
    movement_ids: list[int] = field(default_factory=list)
    #: For NOT_ON_BOOKING: the scanned unit's type code and whether it could be added.
    offer: dict[str, Any] = field(default_factory=dict)
    #: What the scanner typed when it differs from ``code`` beyond case: the code was found
    #: by reading the scan as typed on the other keyboard layout (``barcodes.candidates``).
    scanned: str = ""


def _refuse(
    scanned: str, outcome: Outcome, template: str, reference: str = "", /, **params: Any
) -> ScanResult:
    return ScanResult(scanned, False, outcome, DomainError(template, **params), reference)


# --- statements (built once: SQLAlchemy caches their compiled form) ------------------------
#
# The scan path reads with these Core statements, a handful per scan, and never loads ORM
# rows to decide: a scan is read as plain facts (``_Booking``, ``_Item``, ``_Case``).


def _table(model: type[Any]) -> Table:
    """``model``'s table, typed (SQLModel does not declare ``__table__``)."""
    found = model.__table__
    if not isinstance(found, Table):
        raise TypeError(f"{model.__name__} has no table")
    return found


_BOOKING = _table(Booking)
_LINE = _table(BookingLine)
_MOVE = _table(Movement)
_UNIT = _table(Unit)
_TYPE = _table(ItemType)
_CASE = _table(Case)
_DUE = _table(InspectionDue)

_BOOKING_FACTS = (
    _BOOKING.c.id,
    _BOOKING.c.reference,
    _BOOKING.c.status,
    _BOOKING.c.start,
    _BOOKING.c.end,
)
_BOOKING_BY_REFERENCE = sqlalchemy.select(*_BOOKING_FACTS).where(
    _BOOKING.c.reference == bindparam("reference")
)


def _identify_statement() -> Executable:
    """Everything a reading of a scan may designate, in one statement: a booking (its
    reference, upper-case), then units, cases and bulk types whose code is the reading
    exactly or without case (``inventory.barcodes.by_code``; the ``upper`` indexes of
    migration 0008 answer it). Columns: kind, id, code as stored, type id, type code,
    type name, unit status, case permanent (the first select types them)."""
    code = bindparam("code", type_=sqlalchemy.String)
    key = bindparam("key", type_=sqlalchemy.String)

    def matches(column: Any) -> ColumnElement[bool]:
        return sqlalchemy.or_(column == code, func.upper(column) == key)

    nothing_int = sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.Integer)
    nothing_text = sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.String)
    booking = sqlalchemy.select(
        literal(_KIND_ORDER["booking"], sqlalchemy.Integer),
        _BOOKING.c.id,
        _BOOKING.c.reference,
        nothing_int,
        nothing_text,
        nothing_text,
        nothing_text,
        sqlalchemy.cast(sqlalchemy.null(), sqlalchemy.Boolean),
    ).where(_BOOKING.c.reference == key)
    unit = (
        sqlalchemy.select(
            literal(_KIND_ORDER["unit"], sqlalchemy.Integer),
            _UNIT.c.id,
            _UNIT.c.barcode,
            _UNIT.c.item_type_id,
            _TYPE.c.code,
            _TYPE.c.name,
            _UNIT.c.status,
            sqlalchemy.null(),
        )
        .join_from(_UNIT, _TYPE, _TYPE.c.id == _UNIT.c.item_type_id)
        .where(matches(_UNIT.c.barcode))
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
    ).where(matches(_CASE.c.barcode))
    bulk = sqlalchemy.select(
        literal(_KIND_ORDER["bulk"], sqlalchemy.Integer),
        _TYPE.c.id,
        _TYPE.c.barcode,
        _TYPE.c.id,
        _TYPE.c.code,
        _TYPE.c.name,
        sqlalchemy.null(),
        sqlalchemy.null(),
    ).where(matches(_TYPE.c.barcode))
    return sqlalchemy.union_all(booking, unit, case_, bulk)


#: The kinds a scan designates, in the order they are tried (``identify``).
_KIND_ORDER = {"booking": 0, "unit": 1, "case": 2, "bulk": 3}
_KINDS = {order: kind for kind, order in _KIND_ORDER.items()}
_IDENTIFY = _identify_statement()

#: A unit's whereabouts: its last movement, with the booking it went out on or came back
#: from (the unit is out when that movement is a check-out).
_LAST_MOVE = (
    sqlalchemy.select(_MOVE.c.direction, *_BOOKING_FACTS)
    .join_from(_MOVE, _BOOKING, _BOOKING.c.id == _MOVE.c.booking_id)
    .where(_MOVE.c.unit_id == bindparam("unit_id"))
    .order_by(_MOVE.c.id.desc())
    .limit(1)
)
_DUE_SINCE = sqlalchemy.select(func.min(_DUE.c.due_on)).where(
    _DUE.c.unit_id == bindparam("unit_id")
)
_CASE_UNITS = (
    sqlalchemy.select(
        _UNIT.c.id,
        _UNIT.c.barcode,
        _UNIT.c.item_type_id,
        _TYPE.c.code,
        _TYPE.c.name,
        _UNIT.c.status,
    )
    .join_from(_UNIT, _TYPE, _TYPE.c.id == _UNIT.c.item_type_id)
    .where(_UNIT.c.case_id == bindparam("case_id"))
    .order_by(_UNIT.c.id)
)

#: A booking's ledger in one statement: what is booked per type ("booked" rows), and the
#: movements per type, direction, condition and undo. ``progress`` and every scan's
#: decision and answer are computed from these rows (``_Ledger``).
_BOOKED = "booked"
_LEDGER = sqlalchemy.union_all(
    sqlalchemy.select(
        _LINE.c.item_type_id,
        literal(_BOOKED, sqlalchemy.String),
        literal("", sqlalchemy.String),
        literal(False, sqlalchemy.Boolean),
        func.sum(_LINE.c.quantity),
    )
    .where(_LINE.c.booking_id == bindparam("booking_id"))
    .group_by(_LINE.c.item_type_id),
    sqlalchemy.select(
        _MOVE.c.item_type_id,
        _MOVE.c.direction,
        _MOVE.c.condition,
        _MOVE.c.undoes.is_not(None),
        func.sum(_MOVE.c.quantity),
    )
    .where(_MOVE.c.booking_id == bindparam("booking_id"))
    .group_by(
        _MOVE.c.item_type_id, _MOVE.c.direction, _MOVE.c.condition, _MOVE.c.undoes.is_not(None)
    ),
)
_INSERT_MOVEMENT = sqlalchemy.insert(_MOVE).returning(_MOVE.c.id)
_SET_BOOKING_STATUS = (
    sqlalchemy.update(_BOOKING)
    .where(_BOOKING.c.id == bindparam("of_booking"))
    .values(status=bindparam("to_status"))
)
#: The lines mirror their booking's period and status (``booking.models._mirror_booking``).
_MIRROR_LINES = (
    sqlalchemy.update(_LINE)
    .where(_LINE.c.booking_id == bindparam("of_booking"))
    .values(start=bindparam("to_start"), end=bindparam("to_end"), status=bindparam("to_status"))
)
_TYPE_NAMES = sqlalchemy.select(_TYPE.c.id, _TYPE.c.code, _TYPE.c.name).where(
    _TYPE.c.id.in_(bindparam("type_ids", expanding=True))
)
_SIGNED = case(
    (_MOVE.c.direction == Direction.OUT.value, _MOVE.c.quantity), else_=-_MOVE.c.quantity
)
#: The booking a bulk return is credited to when none is hinted: the one with some of the
#: type out that is due back first.
_FIRST_HOLDER = (
    sqlalchemy.select(*_BOOKING_FACTS)
    .join_from(_BOOKING, _MOVE, _MOVE.c.booking_id == _BOOKING.c.id)
    .where(_MOVE.c.item_type_id == bindparam("type_id"))
    .group_by(*_BOOKING_FACTS)
    .having(func.sum(_SIGNED) > 0)
    .order_by(_BOOKING.c.end, _BOOKING.c.id)
    .limit(1)
)


# --- what a scan is about, as plain facts -------------------------------------------------


@dataclass(frozen=True)
class _Booking:
    """The booking a scan is made for (read by ``_BOOKING_FACTS``)."""

    id: int
    reference: str
    status: str
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class _Item:
    """A scanned unit, or a bulk type (then ``id`` is ``type_id`` and ``status`` empty)."""

    id: int
    barcode: str
    type_id: int
    type_code: str
    type_name: str
    status: str = ""


@dataclass(frozen=True)
class _Case:
    id: int
    barcode: str
    permanent: bool


def _booking_row(found: Any) -> _Booking:
    return _Booking(int(found.id), found.reference, found.status, found.start, found.end)


def _booking_facts(uow: UnitOfWork, code: str) -> _Booking | None:
    """The booking whose reference is scanned (``find_booking``), as facts."""
    for reading in barcodes.candidates(code):
        reference = normalise(reading).upper()
        if not reference:
            continue
        found = uow.session.execute(_BOOKING_BY_REFERENCE, {"reference": reference}).first()
        if found is not None:
            return _booking_row(found)
    return None


# --- lookups ----------------------------------------------------------------------------


def _unit(uow: UnitOfWork, code: str) -> Unit | None:
    """The unit for a scan: without case, then its layout-swapped readings."""
    for reading in barcodes.candidates(code):
        if (unit := barcodes.find_unit(uow, reading)) is not None:
            return unit
    return None


def _booking(uow: UnitOfWork, code: str) -> Booking | None:
    code = normalise(code).upper()
    if not code:
        return None
    return uow.session.exec(select(Booking).where(Booking.reference == code)).first()


def find_booking(uow: UnitOfWork, code: str) -> Booking | None:
    """The booking whose reference was scanned (from its pick list), without case, trying
    the layout-swapped readings of the scan too."""
    for reading in barcodes.candidates(code):
        if (booking := _booking(uow, reading)) is not None:
            return booking
    return None


@dataclass
class _Scanned:
    """What a scan designates: ``kind`` is booking, unit, case or bulk; ``code`` the code it
    carries (as stored), ``raw`` what came from the scanner."""

    kind: str
    row: Any
    code: str
    raw: str

    @property
    def swapped(self) -> str:
        """The raw scan when the code was found through a layout-swapped reading."""
        return self.raw if self.raw.upper() != self.code.upper() else ""


def identify(uow: UnitOfWork, code: str) -> _Scanned | None:
    """What carries the scanned ``code``: a booking reference, a unit, a case or a bulk
    type, compared without case; when nothing does, the code as read on the other keyboard
    layout (a scanner set up for US on a French PC, or the reverse). One statement per
    reading; ``row`` is a ``_Booking``-like row, an ``_Item`` or a ``_Case``."""
    raw = normalise(code)
    for reading in barcodes.candidates(raw):
        reading = normalise(reading)
        if not reading:
            continue
        params = {"code": reading, "key": reading.upper()}
        found = _designated(list(uow.session.execute(_IDENTIFY, params)), reading)
        if found is not None:
            kind, row = found
            return _Scanned(kind, row, row.barcode or reading, raw)
    return None


def _designated(rows: list[Any], reading: str) -> tuple[str, Any] | None:
    """The first kind found, in ``_KIND_ORDER``; within a kind the exact spelling, else the
    oldest row without case (as ``barcodes.by_code``)."""
    for order in sorted({int(r[0]) for r in rows}):
        same = [r for r in rows if int(r[0]) == order]
        row = next((r for r in same if r[2] == reading), None) or min(same, key=lambda r: r[1])
        kind = _KINDS[order]
        if kind == "booking":
            return kind, _Code(int(row[1]), row[2])
        if kind == "case":
            return kind, _Case(int(row[1]), row[2], bool(row[7]))
        return kind, _Item(int(row[1]), row[2], int(row[3]), row[4], row[5], row[6] or "")
    return None


@dataclass(frozen=True)
class _Code:
    """A booking reference found by a scan."""

    id: int
    barcode: str


def _swapped(result: ScanResult, scanned: _Scanned) -> ScanResult:
    result.scanned = scanned.swapped
    return result


def last_movement(uow: UnitOfWork, unit_id: int) -> Movement | None:
    query = select(Movement).where(Movement.unit_id == unit_id).order_by(id_column(Movement).desc())
    return uow.session.exec(query.limit(1)).first()


def where_is(uow: UnitOfWork, unit_id: int) -> Booking | None:
    """The booking a unit is out on, or None when it is in the warehouse."""
    last = last_movement(uow, unit_id)
    if last is None or last.direction != Direction.OUT:
        return None
    return uow.session.get(Booking, last.booking_id)


def _out_on(uow: UnitOfWork, unit_id: int) -> _Booking | None:
    """``where_is`` as facts: the booking the unit is out on (one statement)."""
    last = uow.session.execute(_LAST_MOVE, {"unit_id": unit_id}).first()
    if last is None or last.direction != Direction.OUT:
        return None
    return _booking_row(last)


def booking_of_unit(uow: UnitOfWork, code: str) -> Booking | None:
    """ "Which booking has this unit?" — the one it is out on."""
    unit = _unit(uow, normalise(code))
    return where_is(uow, unit.id) if unit is not None and unit.id is not None else None


def _left(uow: UnitOfWork, booking_id: int, type_id: int) -> int:
    """How many ever left on the booking (check-outs not undone), returned or not: a
    booking of two lyres lets two go, even once they are back."""
    return _Ledger.read(uow, booking_id).tally(type_id).left


def _wanted(uow: UnitOfWork, booking_id: int, type_id: int) -> int:
    return _Ledger.read(uow, booking_id).wanted.get(type_id, 0)


def _overdue_since(uow: UnitOfWork, unit_id: int, today: dt.date) -> dt.date | None:
    due = uow.session.execute(_DUE_SINCE, {"unit_id": unit_id}).scalar()
    return due if due is not None and due < today else None


# --- progress ---------------------------------------------------------------------------


@dataclass
class _Tally:
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
class _Ledger:
    """A booking's booked quantities and movements per type (``_LEDGER``)."""

    wanted: dict[int, int] = field(default_factory=dict)
    moved: dict[int, _Tally] = field(default_factory=dict)

    @classmethod
    def read(cls, uow: UnitOfWork, booking_id: int) -> _Ledger:
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
        self.moved.setdefault(type_id, _Tally()).add(direction, condition, is_undo, qty)

    def tally(self, type_id: int) -> _Tally:
        return self.moved.get(type_id) or _Tally()

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

    def with_moves(self, moves: list[_Move]) -> _Ledger:
        """This ledger once ``moves`` (just written) are counted too."""
        ledger = _Ledger(dict(self.wanted), {t: replace(v) for t, v in self.moved.items()})
        for m in moves:
            ledger.record(
                m.item_type_id, m.direction, m.condition, m.undoes is not None, m.quantity
            )
        return ledger


def progress(uow: UnitOfWork, booking_id: int) -> list[LineProgress]:
    """Per booked (or moved) type: wanted, out now, ever left, back, damaged, missing. A
    type moved but not booked whose every movement was undone is left out. By type name."""
    ledger = _Ledger.read(uow, booking_id)
    types = ledger.types()
    if not types:
        return []
    names = {
        int(tid): (code, name)
        for tid, code, name in uow.session.execute(_TYPE_NAMES, {"type_ids": sorted(types)})
    }
    rows = [ledger.line(t, *names[t]) for t in sorted(types, key=lambda t: (names[t][1], t))]
    return [row for row in rows if row is not None]


def _line(uow: UnitOfWork, booking_id: int, type_id: int) -> LineProgress | None:
    return next((p for p in progress(uow, booking_id) if p.item_type_id == type_id), None)


# --- check-out --------------------------------------------------------------------------

READY_TO_PICK = (BookingStatus.CONFIRMED, BookingStatus.OUT)


@dataclass(frozen=True)
class _Move:
    """A movement just written (what the answer to its scan counts)."""

    id: int
    item_type_id: int
    direction: str
    condition: str
    quantity: int
    undoes: int | None


def _movement(
    uow: UnitOfWork,
    booking_id: int,
    direction: Direction,
    type_id: int,
    unit_id: int | None,
    qty: int,
    code: str,
    user: str,
    station: str,
    clock: Clock,
    condition: Condition = Condition.OK,
    note: str = "",
    undoes: int | None = None,
) -> _Move:
    """Write one movement (one Core insert) and its audit record."""
    values: dict[str, Any] = {
        "booking_id": booking_id,
        "direction": direction.value,
        "item_type_id": type_id,
        "unit_id": unit_id,
        "quantity": qty,
        "condition": condition.value,
        "note": note,
        "code": code,
        "at": clock.now(),
        "user": user,
        "station": station,
        "undoes": undoes,
    }
    move_id = int(uow.session.execute(_INSERT_MOVEMENT, values).scalar_one())
    audit.record_core(uow.session, [audit.inserted(_MOVE, {"id": move_id, **values})])
    return _Move(move_id, type_id, direction.value, condition.value, qty, undoes)


def _set_status(uow: UnitOfWork, booking: _Booking, status: BookingStatus) -> _Booking:
    """The booking moved to ``status``, its lines with it (as ``booking.models.
    _mirror_booking`` keeps them), recorded on the trail; a copy of either already
    loaded in the session is told."""
    params = {"of_booking": booking.id, "to_status": status.value}
    uow.session.execute(_SET_BOOKING_STATUS, params)
    uow.session.execute(_MIRROR_LINES, {**params, "to_start": booking.start, "to_end": booking.end})
    change = audit.updated(
        _BOOKING, {"id": booking.id}, {"status": booking.status}, {"status": status.value}
    )
    audit.record_core(uow.session, [change])
    _loaded_copies_told(uow, booking, status.value)
    return replace(booking, status=status.value)


def _loaded_copies_told(uow: UnitOfWork, booking: _Booking, status: str) -> None:
    """The booking and lines the session holds take the values just written (as if
    loaded now), so nothing later in this transaction reads or writes stale ones."""
    for obj in list(uow.session.identity_map.values()):
        if isinstance(obj, Booking) and obj.id == booking.id:
            set_committed_value(obj, "status", status)
        elif isinstance(obj, BookingLine) and obj.booking_id == booking.id:
            set_committed_value(obj, "start", booking.start)
            set_committed_value(obj, "end", booking.end)
            set_committed_value(obj, "status", status)


@requires(Permission.DESK)
def check_out(
    uow: UnitOfWork,
    *,
    user: str,
    station: str = "",
    reference: str,
    code: str,
    quantity: int | None = None,
    clock: Clock,
) -> ScanResult:
    """Decide and record one check-out scan for ``reference``. A refusal writes nothing."""
    code = normalise(code)
    booking = _booking_facts(uow, reference)
    if booking is None:
        return _refuse(
            code, Outcome.UNKNOWN, "No booking has the reference {ref}.", ref=normalise(reference)
        )
    ref = booking.reference
    if not code:
        return _refuse(code, Outcome.INVALID, "The scan was empty.", ref)
    if BookingStatus(booking.status) not in READY_TO_PICK:
        return _refuse(
            code,
            Outcome.WRONG_STATUS,
            "Booking {ref} is {status}: confirm it before checking kit out.",
            ref,
            ref=ref,
            status=booking.status,
        )
    scanned = identify(uow, code)
    if scanned is None:
        return _refuse(
            code,
            Outcome.UNKNOWN,
            "Unknown code {code}: no unit, case or bulk item has it.",
            ref,
            code=code,
        )
    code = scanned.code
    if scanned.kind == "booking":
        return _swapped(
            _refuse(
                code,
                Outcome.BOOKING,
                "{code} is a booking: finish {ref} first.",
                ref,
                code=scanned.code,
                ref=ref,
            ),
            scanned,
        )
    if scanned.kind == "unit":
        result = _out_units(uow, booking, [scanned.row], code, user, station, clock)
    elif scanned.kind == "case":
        units = _case_units(uow, scanned.row.id)
        if not units:
            return _refuse(code, Outcome.INVALID, "Case {code} is empty.", ref, code=code)
        result = _out_units(uow, booking, units, code, user, station, clock)
    else:
        result = _out_bulk(
            uow,
            booking,
            scanned.row,
            1 if quantity is None else quantity,
            code,
            user,
            station,
            clock,
        )
    return _swapped(result, scanned)


def _case_units(uow: UnitOfWork, case_id: int) -> list[_Item]:
    return [
        _Item(int(r.id), r.barcode, int(r.item_type_id), r.code, r.name, r.status)
        for r in uow.session.execute(_CASE_UNITS, {"case_id": case_id})
    ]


def _unit_refusal(
    uow: UnitOfWork, booking: _Booking, unit: _Item, code: str, today: dt.date
) -> ScanResult | None:
    ref = booking.reference
    if unit.status == UnitStatus.IN_REPAIR:
        return _refuse(
            code,
            Outcome.IN_REPAIR,
            "{code} is in repair: choose another unit.",
            ref,
            code=unit.barcode,
        )
    if unit.status in (UnitStatus.LOST, UnitStatus.RETIRED):
        return _refuse(
            code,
            Outcome.LOST_RETIRED,
            "{code} is declared {status}: it cannot leave.",
            ref,
            code=unit.barcode,
            status=unit.status,
        )
    where = _out_on(uow, unit.id)
    if where is not None and where.id == booking.id:
        return _refuse(
            code,
            Outcome.TWICE,
            "{code} was already scanned out for {ref}.",
            ref,
            code=unit.barcode,
            ref=ref,
        )
    if where is not None:
        return _refuse(
            code,
            Outcome.ALREADY_OUT,
            "{code} is already out on {other}.",
            ref,
            code=unit.barcode,
            other=where.reference,
        )
    since = _overdue_since(uow, unit.id, today)
    if since is not None:
        return _refuse(
            code,
            Outcome.INSPECTION,
            "{code}'s inspection was due on {due}: inspect it before it leaves.",
            ref,
            code=unit.barcode,
            due=since.strftime("%d/%m/%Y"),
        )
    return None


def _out_units(
    uow: UnitOfWork,
    booking: _Booking,
    units: list[_Item],
    code: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    today = clock.today()
    counts: dict[int, int] = {}
    for unit in units:
        refused = _unit_refusal(uow, booking, unit, code, today)
        if refused is not None:
            return refused
        counts[unit.type_id] = counts.get(unit.type_id, 0) + 1
    ledger = _Ledger.read(uow, booking.id)
    for type_id, count in counts.items():
        item = next(u for u in units if u.type_id == type_id)
        wanted = ledger.wanted.get(type_id, 0)
        if wanted == 0:
            return _not_on_booking(booking, item, code)
        if ledger.tally(type_id).left + count > wanted:
            return _complete(booking, item, code, wanted, ledger)
    moves = [
        _movement(uow, booking.id, Direction.OUT, u.type_id, u.id, 1, code, user, station, clock)
        for u in units
    ]
    return _accepted(uow, booking, units[0], code, moves, ledger)


def _out_bulk(
    uow: UnitOfWork,
    booking: _Booking,
    item: _Item,
    qty: int,
    code: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    if qty < 1:
        return _refuse(code, Outcome.INVALID, "The quantity must be at least 1.", booking.reference)
    ledger = _Ledger.read(uow, booking.id)
    wanted = ledger.wanted.get(item.type_id, 0)
    if wanted == 0:
        result = _not_on_booking(booking, item, code)
        result.offer["quantity"] = qty  # what A adds as unplanned
        return result
    if ledger.tally(item.type_id).left + qty > wanted:
        return _complete(booking, item, code, wanted, ledger)
    move = _movement(
        uow, booking.id, Direction.OUT, item.type_id, None, qty, code, user, station, clock
    )
    return _accepted(uow, booking, item, code, [move], ledger)


def _not_on_booking(booking: _Booking, item: _Item, code: str) -> ScanResult:
    result = _refuse(
        code,
        Outcome.NOT_ON_BOOKING,
        "{name} is not on {ref}: add it as an unplanned item or substitute it for a booked type.",
        booking.reference,
        name=item.type_name,
        ref=booking.reference,
    )
    result.offer = {"code": item.type_code, "name": item.type_name}
    return result


def _complete(
    booking: _Booking, item: _Item, code: str, wanted: int, ledger: _Ledger
) -> ScanResult:
    """Refuse a scan that would take more than booked, with the true remaining count."""
    remaining = max(wanted - ledger.tally(item.type_id).left, 0)
    if remaining == 0:
        result = _refuse(
            code,
            Outcome.COMPLETE,
            "{name}: nothing is left to go out ({count} booked piece(s), all out).",
            booking.reference,
            name=item.type_name,
            count=wanted,
        )
    else:
        result = _refuse(
            code,
            Outcome.COMPLETE,
            "Only {count} piece(s) of {name} left to go out on {ref}: scan *{count}.",
            booking.reference,
            name=item.type_name,
            count=remaining,
            ref=booking.reference,
        )
    result.line = ledger.line(item.type_id, item.type_code, item.type_name)
    return result


def _accepted(
    uow: UnitOfWork,
    booking: _Booking,
    item: _Item,
    code: str,
    moves: list[_Move],
    ledger: _Ledger,
) -> ScanResult:
    if booking.status == BookingStatus.CONFIRMED:
        booking = _set_status(uow, booking, BookingStatus.OUT)  # out once anything has left
    line = ledger.with_moves(moves).line(item.type_id, item.type_code, item.type_name)
    assert line is not None
    qty = sum(m.quantity for m in moves)
    message = DomainError(
        "{name} {left} / {wanted}", name=line.name, left=line.left, wanted=line.wanted
    )
    return ScanResult(
        code,
        True,
        Outcome.ACCEPTED,
        message,
        booking.reference,
        line,
        movement_ids=[m.id for m in moves if m.id is not None],
        offer={"quantity": qty},
    )


# --- check-in ---------------------------------------------------------------------------


@requires(Permission.DESK)
def check_in(
    uow: UnitOfWork,
    *,
    user: str,
    station: str = "",
    code: str,
    quantity: int | None = None,
    condition: Condition = Condition.OK,
    note: str = "",
    booking_hint: str = "",
    clock: Clock,
) -> ScanResult:
    """Decide and record one check-in scan. A unit knows which booking it is out on; bulk
    goes back to ``booking_hint`` or to the booking that has had it out longest."""
    code = normalise(code)
    if not code:
        return _refuse(code, Outcome.INVALID, "The scan was empty.")
    scanned = identify(uow, code)
    if scanned is None:
        return _refuse(
            code,
            Outcome.UNKNOWN,
            "Unknown code {code}: no unit, case or bulk item has it.",
            code=code,
        )
    code = scanned.code
    if scanned.kind == "booking":
        return _refuse(code, Outcome.BOOKING, "{code} is a booking, not an item.", code=code)
    if scanned.kind == "unit":
        result = _in_unit(uow, scanned.row, code, condition, note, user, station, clock)
    elif scanned.kind == "case":
        result = _in_case(uow, scanned.row, code, condition, note, user, station, clock)
        if not result.ok:
            return result  # nothing in it is out (said without the scan as typed)
    else:
        result = _in_bulk(
            uow,
            scanned.row,
            1 if quantity is None else quantity,
            code,
            condition,
            note,
            booking_hint,
            user,
            station,
            clock,
        )
    return _swapped(result, scanned)


def _in_case(
    uow: UnitOfWork,
    container: _Case,
    code: str,
    condition: Condition,
    note: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    units = _case_units(uow, container.id)
    out = [u for u in units if _out_on(uow, u.id) is not None]
    if not out:
        return _refuse(code, Outcome.NOT_OUT, "Nothing in case {code} is out.", code=code)
    results = [_in_unit(uow, u, u.barcode, condition, note, user, station, clock) for u in out]
    result = results[-1]
    result.movement_ids = [m for r in results for m in r.movement_ids]
    result.code = code
    if not container.permanent:
        for unit in uow.session.exec(select(Unit).where(Unit.case_id == container.id)):
            unit.case_id = None  # a temporary case is emptied at check-in
    return result


def _in_unit(
    uow: UnitOfWork,
    unit: _Item,
    code: str,
    condition: Condition,
    note: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    booking = _out_on(uow, unit.id)
    if booking is None:
        return _refuse(
            code, Outcome.NOT_OUT, "{code} is not out: nothing to check in.", code=unit.barcode
        )
    move = _movement(
        uow,
        booking.id,
        Direction.IN,
        unit.type_id,
        unit.id,
        1,
        code,
        user,
        station,
        clock,
        condition,
        note,
    )
    if condition is not Condition.OK:
        status = UnitStatus.IN_REPAIR if condition is Condition.DAMAGED else UnitStatus.LOST
        if unit.status != status:
            set_status(
                uow,
                user=user,
                barcode=unit.barcode,
                status=status,
                note=note or condition.value,
                clock=clock,
            )
    return _returned(uow, booking, unit, code, _Ledger.read(uow, booking.id), clock, [move])


def _in_bulk(
    uow: UnitOfWork,
    item: _Item,
    qty: int,
    code: str,
    condition: Condition,
    note: str,
    hint: str,
    user: str,
    station: str,
    clock: Clock,
) -> ScanResult:
    if qty < 1:
        return _refuse(code, Outcome.INVALID, "The quantity must be at least 1.")
    found = _bulk_booking(uow, item.type_id, hint)
    if found is None:
        return _refuse(code, Outcome.NOT_OUT, "No {name} is out.", name=item.type_name)
    booking, ledger = found
    outstanding = ledger.tally(item.type_id).out
    if qty > outstanding:
        return _refuse(
            code,
            Outcome.COMPLETE,
            "Only {count} {name} are out on {ref}.",
            booking.reference,
            count=outstanding,
            name=item.type_name,
            ref=booking.reference,
        )
    move = _movement(
        uow,
        booking.id,
        Direction.IN,
        item.type_id,
        None,
        qty,
        code,
        user,
        station,
        clock,
        condition,
        note,
    )
    return _returned(uow, booking, item, code, ledger.with_moves([move]), clock, [move])


def _bulk_booking(uow: UnitOfWork, type_id: int, hint: str) -> tuple[_Booking, _Ledger] | None:
    """The booking to credit a bulk return to, with its ledger: the hinted one if it has
    some out, else the one due back first."""
    hinted = _booking_by_reference(uow, hint) if hint else None
    if hinted is not None:
        ledger = _Ledger.read(uow, hinted.id)
        if ledger.tally(type_id).out > 0:
            return hinted, ledger
    first = uow.session.execute(_FIRST_HOLDER, {"type_id": type_id}).first()
    if first is None:
        return None
    booking = _booking_row(first)
    return booking, _Ledger.read(uow, booking.id)


def _booking_by_reference(uow: UnitOfWork, reference: str) -> _Booking | None:
    """The booking whose reference is exactly ``reference`` (without case)."""
    key = normalise(reference).upper()
    found = uow.session.execute(_BOOKING_BY_REFERENCE, {"reference": key}).first()
    return _booking_row(found) if found is not None else None


def _returned(
    uow: UnitOfWork,
    booking: _Booking,
    item: _Item,
    code: str,
    ledger: _Ledger,
    clock: Clock,
    moves: list[_Move] | None = None,
) -> ScanResult:
    """The answer to an accepted check-in; ``ledger`` counts its movements already."""
    late = clock.local_now() > booking.end
    if booking.status == BookingStatus.OUT and all(t.out <= 0 for t in ledger.moved.values()):
        booking = _set_status(uow, booking, BookingStatus.RETURNED)  # all that left is back
    line = ledger.line(item.type_id, item.type_code, item.type_name)
    assert line is not None
    late_text = N_("{name} back {back} / {left} (late: due {due})")
    template = late_text if late else N_("{name} back {back} / {left}")
    message = DomainError(
        template,
        name=line.name,
        back=line.back,
        left=line.left,
        due=booking.end.strftime("%d/%m/%Y %H:%M"),
    )
    ids = [m.id for m in moves or [] if m.id is not None]
    return ScanResult(code, True, Outcome.ACCEPTED, message, booking.reference, line, late, ids)


# --- undo, unplanned items, substitutions -------------------------------------------------


@requires(Permission.DESK)
def undo_last(uow: UnitOfWork, *, user: str, station: str = "", clock: Clock) -> ScanResult:
    """Cancel the last scan made at ``station`` (by a compensating movement)."""
    undone = select(Movement.undoes).where(col(Movement.undoes).is_not(None))
    query = (
        select(Movement)
        .where(
            Movement.station == station,
            col(Movement.undoes).is_(None),
            id_column(Movement).not_in(undone),
        )
        .order_by(id_column(Movement).desc())
    )
    last = uow.session.exec(query.limit(1)).first()
    if last is None:
        return _refuse("", Outcome.INVALID, "There is no scan to undo.")
    booking = uow.session.get(Booking, last.booking_id)
    assert booking is not None and booking.id is not None
    back = Direction.IN if last.direction == Direction.OUT else Direction.OUT
    unit = uow.session.get(Unit, last.unit_id) if last.unit_id else None
    move = _movement(
        uow,
        booking.id,
        back,
        last.item_type_id,
        last.unit_id,
        last.quantity,
        last.code,
        user,
        station,
        clock,
        Condition(last.condition),
        "undo",
        undoes=last.id,
    )
    if unit is not None and last.condition != Condition.OK and unit.status != UnitStatus.IN_SERVICE:
        set_status(
            uow,
            user=user,
            barcode=unit.barcode,
            status=UnitStatus.IN_SERVICE,
            note="undo",
            clock=clock,
        )
    if last.direction == Direction.OUT and last.note == UNPLANNED:
        _take_off_booking(uow, booking, last.item_type_id, last.quantity)
    _restore_status(uow, booking)
    line = _line(uow, booking.id, last.item_type_id)
    return ScanResult(
        last.code,
        True,
        Outcome.ACCEPTED,
        DomainError("Scan of {code} undone.", code=last.code),
        booking.reference,
        line,
        movement_ids=[move.id] if move.id else [],
    )


def _restore_status(uow: UnitOfWork, booking: Booking) -> None:
    assert booking.id is not None
    rows = progress(uow, booking.id)
    anything_out = any(p.out > 0 for p in rows)
    if booking.status == BookingStatus.RETURNED and anything_out:
        booking.status = BookingStatus.OUT.value
    elif booking.status == BookingStatus.OUT and not any(p.left > 0 for p in rows):
        booking.status = BookingStatus.CONFIRMED.value


#: The note on a check-out movement whose scan added its quantity to the booking as an
#: unplanned item: undoing that scan takes the quantity off the booking again.
UNPLANNED = "unplanned"


@requires(Permission.DESK)
def add_unplanned(
    uow: UnitOfWork,
    *,
    user: str,
    station: str = "",
    reference: str,
    code: str,
    quantity: int | None = None,
    clock: Clock,
) -> ScanResult:
    """Add the scanned unit's type (one more) or bulk item (``quantity``, default 1) to the
    booking, if available, and check it out: the trade's "unplanned item"."""
    from booking.availability import check_request
    from booking.bookings import ShortageError

    booking = _booking(uow, normalise(reference))
    scanned = identify(uow, normalise(code))
    if booking is None or scanned is None or scanned.kind not in ("unit", "bulk"):
        return check_out(
            uow,
            user=user,
            station=station,
            reference=reference,
            code=code,
            quantity=quantity,
            clock=clock,
        )
    assert booking.id is not None
    if scanned.kind == "unit":
        type_id, qty = scanned.row.type_id, 1
    else:
        type_id, qty = scanned.row.type_id, 1 if quantity is None else quantity
        if qty < 1:
            return _refuse(
                code, Outcome.INVALID, "The quantity must be at least 1.", booking.reference
            )
    wanted = {type_id: _wanted(uow, booking.id, type_id) + qty}
    missing = check_request(
        uow, wanted, booking.start, booking.end, now=clock.local_now(), exclude_booking=booking.id
    )
    if missing:
        raise ShortageError(missing)
    uow.session.add(BookingLine(booking_id=booking.id, item_type_id=type_id, quantity=qty))
    uow.flush()
    result = check_out(
        uow,
        user=user,
        station=station,
        reference=reference,
        code=code,
        quantity=qty,
        clock=clock,
    )
    if result.ok:
        for move_id in result.movement_ids:
            move = uow.session.get(Movement, move_id)
            if move is not None:
                move.note = UNPLANNED
        uow.flush()
    return result


def _take_off_booking(uow: UnitOfWork, booking: Booking, type_id: int, qty: int) -> None:
    """Undoing an unplanned add: the booking loses the quantity that scan added to it (the
    newest lines of the type first; a line brought to nothing goes)."""
    lines = uow.session.exec(
        select(BookingLine)
        .where(BookingLine.booking_id == booking.id, BookingLine.item_type_id == type_id)
        .order_by(id_column(BookingLine).desc())
    ).all()
    for line in lines:
        if qty <= 0:
            break
        taken = min(qty, line.quantity)
        line.quantity -= taken
        qty -= taken
        if line.quantity == 0:
            uow.session.delete(line)
    uow.flush()


@requires(Permission.DESK)
def substitute(
    uow: UnitOfWork,
    *,
    user: str,
    station: str = "",
    reference: str,
    code: str,
    for_type: str,
    clock: Clock,
) -> ScanResult:
    """Let the scanned unit stand in for one piece of a booked type (``for_type`` code)."""
    from booking.availability import check_request
    from booking.bookings import ShortageError
    from inventory.catalogue import item_by_code

    booking = _booking(uow, normalise(reference))
    unit = _unit(uow, normalise(code))
    if booking is None or unit is None:
        return check_out(
            uow, user=user, station=station, reference=reference, code=code, clock=clock
        )
    replaced = item_by_code(uow, for_type)
    line = uow.session.exec(
        select(BookingLine).where(
            BookingLine.booking_id == booking.id, BookingLine.item_type_id == replaced.id
        )
    ).first()
    if line is None or _left(uow, require_id(booking), require_id(replaced)) >= line.quantity:
        return _refuse(
            code,
            Outcome.COMPLETE,
            "Nothing of {name} is left to substitute.",
            booking.reference,
            name=replaced.name,
        )
    wanted = {unit.item_type_id: _wanted(uow, require_id(booking), unit.item_type_id) + 1}
    missing = check_request(
        uow, wanted, booking.start, booking.end, now=clock.local_now(), exclude_booking=booking.id
    )
    if missing:
        raise ShortageError(missing)
    line.quantity -= 1
    if line.quantity == 0:
        uow.session.delete(line)
    uow.session.add(
        BookingLine(booking_id=require_id(booking), item_type_id=unit.item_type_id, quantity=1)
    )
    uow.flush()
    return check_out(uow, user=user, station=station, reference=reference, code=code, clock=clock)


# --- lists for the desk -------------------------------------------------------------------


def departures(uow: UnitOfWork, *, clock: Clock, days: int = 2) -> list[Booking]:
    """What still has to leave: bookings picked up today or tomorrow (``days``) that are
    confirmed, or out with something booked not yet gone; and late ones, confirmed with a
    pick-up before today and not yet due back, nothing of them gone. Complete bookings and
    bookings that left on an earlier day are not listed. By pick-up time."""
    today = dt.datetime.combine(clock.today(), dt.time())
    now = clock.local_now()
    query = (
        select(Booking)
        .where(
            col(Booking.status).in_([BookingStatus.CONFIRMED.value, BookingStatus.OUT.value]),
            col(Booking.start) < today + dt.timedelta(days=days),
            col(Booking.end) > now,
        )
        .order_by(col(Booking.start), id_column(Booking))
    )
    rows = []
    for booking in uow.session.exec(query):
        if booking.status == BookingStatus.CONFIRMED:
            rows.append(booking)  # nothing has left yet (late when its pick-up is past)
        elif booking.start >= today and any(
            p.left < p.wanted for p in progress(uow, require_id(booking))
        ):
            rows.append(booking)  # partly picked today: the rest is still to go
    return rows


def is_late(booking: Booking, *, clock: Clock) -> bool:
    """A confirmed booking whose pick-up day is past: nothing left although it should have."""
    return booking.status == BookingStatus.CONFIRMED and booking.start.date() < clock.today()


def units_moved(uow: UnitOfWork, booking_id: int) -> list[dict[str, Any]]:
    """Each unit that left on the booking: barcode, serial, type, out/back times, condition."""
    query = (
        select(Movement, Unit.barcode, Unit.serial, ItemType.code)
        .join(Unit, id_column(Unit) == col(Movement.unit_id))
        .join(ItemType, id_column(ItemType) == col(Movement.item_type_id))
        .where(Movement.booking_id == booking_id)
        .order_by(id_column(Movement))
    )
    units: dict[str, dict[str, Any]] = {}
    for move, barcode, serial, type_code in uow.session.exec(query):
        entry = units.setdefault(
            barcode,
            {
                "barcode": barcode,
                "serial": serial,
                "code": type_code,
                "out": None,
                "back": None,
                "condition": None,
            },
        )
        if move.direction == Direction.OUT:
            if move.undoes is None:
                entry["out"] = move.at
            entry["back"] = entry["condition"] = None  # out (again, if a return was undone)
        elif move.undoes is not None:
            entry["out"] = entry["back"] = entry["condition"] = None  # it never left
        else:
            entry["back"], entry["condition"] = move.at, move.condition
    return [u for u in units.values() if u["out"] is not None]
