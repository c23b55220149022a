"""A brute-force reference model of the availability engine, for the property test.

It knows nothing of SQL, sweeps or indexes: it keeps the bookings and units in plain
dictionaries and, to answer a question, adds every holding booking's quantity into every
whole hour its (buffered, half-open) period covers, then reads the hours of the window.
All periods in the property test fall on whole hours, so an hour's level stands for the
level at every instant of that hour.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

HOUR = dt.timedelta(hours=1)
HOLDING = ("confirmed", "out")
TENTATIVE = ("quote",)
FOREVER = dt.datetime(9999, 12, 31)


@dataclass
class OType:
    id: int
    code: str
    name: str
    bulk: bool
    stock: int = 0  # bulk stock quantity
    prep: int = 0  # hours
    deprep: int = 0


@dataclass
class OBooking:
    ref: str
    status: str
    start: dt.datetime
    end: dt.datetime
    lines: dict[int, int] = field(default_factory=dict)  # type id -> quantity


@dataclass(frozen=True)
class Expected:
    """What the engine should report for one type: a shortage or an availability."""

    type_id: int
    code: str
    requested: int
    serviceable: int
    reserved: int
    missing: int
    at: dt.datetime
    holders: tuple[str, ...]


class Oracle:
    def __init__(self, origin: dt.datetime, hours: int, now: dt.datetime) -> None:
        #: The calendar: every question is asked inside [origin, origin + hours).
        self.origin = origin
        self.hours = hours
        self.now = now
        self.types: dict[int, OType] = {}
        self.units: dict[str, tuple[int, str]] = {}  # barcode -> (type id, status)
        self.bookings: dict[str, OBooking] = {}

    @property
    def horizon(self) -> dt.datetime:
        return self.origin + self.hours * HOUR

    # --- state ----------------------------------------------------------------------

    def serviceable(self, type_id: int) -> int:
        kind = self.types[type_id]
        if kind.bulk:
            return kind.stock
        return sum(1 for t, s in self.units.values() if t == type_id and s == "in_service")

    def period(self, booking: OBooking, type_id: int) -> tuple[dt.datetime, dt.datetime]:
        """The half-open period a booking's line of this type holds stock."""
        kind = self.types[type_id]
        start = booking.start - kind.prep * HOUR
        end = booking.end + kind.deprep * HOUR
        if booking.status == "out" and booking.end <= self.now:
            end = FOREVER  # still out: held until scanned back
        return start, end

    def _index(self, at: dt.datetime) -> int:
        offset = at - self.origin
        assert offset % HOUR == dt.timedelta(0), f"{at} is not on a whole hour"
        return offset // HOUR

    def levels(
        self,
        type_id: int,
        statuses: tuple[str, ...] = HOLDING,
        exclude: str | None = None,
    ) -> list[int]:
        """Quantity held of the type during each hour of the calendar."""
        level = [0] * self.hours
        for booking in self.bookings.values():
            qty = booking.lines.get(type_id, 0)
            if booking.status not in statuses or booking.ref == exclude or not qty:
                continue
            start, end = self.period(booking, type_id)
            first = max(0, self._index(start))
            last = self.hours if end >= self.horizon else min(self.hours, self._index(end))
            for h in range(first, last):
                level[h] += qty
        return level

    def holders(self, type_id: int, at: dt.datetime, exclude: str | None = None) -> tuple[str, ...]:
        refs = set()
        for booking in self.bookings.values():
            if booking.status in HOLDING and booking.lines.get(type_id) and booking.ref != exclude:
                start, end = self.period(booking, type_id)
                if start <= at < end:
                    refs.add(booking.ref)
        return tuple(sorted(refs))

    def _peak(self, level: list[int], start: dt.datetime, end: dt.datetime):
        window = level[self._index(start) : self._index(end)]
        best = max(window, default=0)
        at = start + window.index(best) * HOUR if best > 0 else None
        return best, at

    # --- questions --------------------------------------------------------------------

    def availability(
        self, type_id: int, start: dt.datetime, end: dt.datetime
    ) -> tuple[int, int, int, dt.datetime | None]:
        """(serviceable, reserved peak, tentative peak, first instant of the reserved
        peak) of a type over ``[start, end)``."""
        reserved, at = self._peak(self.levels(type_id), start, end)
        tentative, _ = self._peak(self.levels(type_id, HOLDING + TENTATIVE), start, end)
        return self.serviceable(type_id), reserved, tentative, at

    def holds(self, type_id: int, start: dt.datetime, end: dt.datetime) -> set[tuple]:
        """Holds (firm and tentative) of a type meeting ``[start, end)``."""
        found = set()
        for b in self.bookings.values():
            qty = b.lines.get(type_id)
            if b.status in HOLDING + TENTATIVE and qty:
                h_start, h_end = self.period(b, type_id)
                if h_start < end and h_end > start:
                    found.add((b.ref, b.status, type_id, qty, h_start, h_end))
        return found

    def check(
        self,
        lines: dict[int, int],
        start: dt.datetime,
        end: dt.datetime,
        exclude: str | None = None,
    ) -> list[Expected]:
        """What a holding booking of ``lines`` over ``[start, end)`` would lack (sorted by
        type id), not counting the booking ``exclude`` itself. Empty when it fits: at no
        hour of any line's buffered period would held + wanted exceed serviceable."""
        result = []
        for type_id in sorted(lines):
            kind = self.types[type_id]
            w_start, w_end = start - kind.prep * HOUR, end + kind.deprep * HOUR
            level = self.levels(type_id, exclude=exclude)
            stock = self.serviceable(type_id)
            wanted = lines[type_id]
            over = [
                h
                for h in range(self._index(w_start), self._index(w_end))
                if level[h] + wanted > stock
            ]
            if not over:
                continue
            reserved, at = self._peak(level, w_start, w_end)
            at = at or w_start
            result.append(
                Expected(
                    type_id,
                    kind.code,
                    wanted,
                    stock,
                    reserved,
                    reserved + wanted - stock,
                    at,
                    self.holders(type_id, at, exclude),
                )
            )
        return result

    def over_reserved(self) -> set[tuple[int, int]]:
        """Every (type id, hour) of the calendar where more is held than serviceable."""
        found = set()
        for type_id in self.types:
            stock = self.serviceable(type_id)
            for h, level in enumerate(self.levels(type_id)):
                if level > stock:
                    found.add((type_id, h))
        return found

    def shortages(self, start: dt.datetime, end: dt.datetime) -> list[Expected]:
        """Types held beyond their serviceable stock somewhere in ``[start, end)``, sorted
        by (instant of the peak, code)."""
        result = []
        for type_id, kind in self.types.items():
            stock = self.serviceable(type_id)
            reserved, at = self._peak(self.levels(type_id), start, end)
            if reserved > stock:
                assert at is not None
                holders = self.holders(type_id, at)
                result.append(
                    Expected(type_id, kind.code, 0, stock, reserved, reserved - stock, at, holders)
                )
        return sorted(result, key=lambda e: (e.at, e.code))
