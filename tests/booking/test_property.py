"""Property test of the availability engine: random sequences of create / confirm / edit /
cancel / check-out / return and unit status changes, each checked against a brute-force
reference model (``tests/booking/oracle.py``) on a real SQLite file.

After every step: the engine's availability of each type over several windows equals the
model's; its shortages are exactly the model's over-reserved types; the database holds
exactly the model's bookings and units; and over-reservation never grows except when a
unit leaves service (the only way stock can fall under existing holds). Each confirm or
edit is accepted exactly when the model says it fits, and a refusal names the model's
shortage and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlmodel import select

from app.core.clock import FixedClock
from app.core.errors import Conflict
from app.core.migrate import open_database
from booking import availability, bookings
from booking.bookings import BookingData, Line, ShortageError
from booking.models import EDITABLE, HOLDING, TRANSITIONS, Booking, BookingLine, BookingStatus
from inventory.catalogue import set_status
from inventory.models import ItemType, Unit, UnitStatus
from tests import factories
from tests.booking.oracle import HOUR, OBooking, Oracle, OType
from tests.conftest import NOW

BASE = dt.datetime(2027, 3, 1)  # bookings start in the ten days from here
ORIGIN = BASE - dt.timedelta(days=1)  # the calendar the model answers for
CALENDAR_HOURS = 15 * 24
LOCAL_NOW = NOW.replace(tzinfo=None)
USER = "prop"
MAX_EXAMPLES = int(os.environ.get("REGIE_PROPERTY_EXAMPLES", "40"))

#: (code, bulk, stock or number of units, prep hours, de-prep hours)
CATALOGUE = (
    ("LYRE", False, 4, 0, 0),
    ("SPOT", False, 2, 6, 9),
    ("DMX", True, 4, 0, 0),
)
UNIT_STATUSES = (UnitStatus.IN_SERVICE, UnitStatus.IN_REPAIR, UnitStatus.LOST)
N_UNITS = sum(n for _, bulk, n, _, _ in CATALOGUE if not bulk)

# Times on a 3-hour grid: back-to-back bookings and buffers meet exactly, often.
starts = st.integers(0, 80).map(lambda k: BASE + k * 3 * HOUR)
durations = st.integers(1, 24).map(lambda k: k * 3 * HOUR)
line_sets = st.dictionaries(
    st.sampled_from(range(len(CATALOGUE))), st.integers(1, 3), min_size=1, max_size=2
)
windows = st.tuples(st.integers(0, CALENDAR_HOURS - 1), st.integers(1, 5 * 24))


def _build_catalogue(path: Path) -> None:
    db = open_database(path)
    clock = FixedClock(NOW)
    try:
        for code, bulk, n, prep, deprep in CATALOGUE:
            if bulk:
                factories.bulk(db, code, f"Bulk {code}", quantity=n)
            else:
                factories.item(db, code, f"Type {code}", prep_hours=prep, deprep_hours=deprep)
                for _ in range(n):
                    factories.unit(db, clock, item_code=code)
        factories.customer(db, "Compagnie Propriété")
    finally:
        db.dispose()


class BookingMachine(RuleBasedStateMachine):
    catalogue_db: Path  # set by the test: a migrated database with the catalogue
    workdir: Path

    refs = Bundle("refs")

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(dir=self.workdir))
        shutil.copy(self.catalogue_db, self.dir / "regie.db")
        self.db = open_database(self.dir / "regie.db")
        self.clock = FixedClock(NOW)
        self.model = Oracle(ORIGIN, CALENDAR_HOURS, LOCAL_NOW)
        with self.db.read() as uow:
            for kind in uow.session.exec(select(ItemType).order_by(ItemType.id)):
                self.model.types[kind.id] = OType(
                    kind.id,
                    kind.code,
                    kind.name,
                    kind.tracking == "bulk",
                    kind.stock_quantity,
                    kind.prep_hours,
                    kind.deprep_hours,
                )
            for unit in uow.session.exec(select(Unit).order_by(Unit.id)):
                self.model.units[unit.barcode] = (unit.item_type_id, unit.status)
            from booking.models import Customer

            self.customer = uow.session.exec(select(Customer)).one().number
        self.type_ids = sorted(self.model.types)
        self.barcodes = list(self.model.units)
        assert len(self.barcodes) == N_UNITS
        self.previous_over: set[tuple[int, int]] = set()
        self.stock_fell = False

    def teardown(self) -> None:
        self.db.dispose()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- helpers --------------------------------------------------------------------

    def _lines(self, chosen: dict[int, int]) -> dict[int, int]:
        return {self.type_ids[i]: qty for i, qty in chosen.items()}

    def _data(self, start: dt.datetime, end: dt.datetime, lines: dict[int, int]) -> BookingData:
        codes = {t: self.model.types[t].code for t in lines}
        return BookingData(
            customer=self.customer,
            start=start,
            end=end,
            lines=[Line(codes[t], q) for t, q in sorted(lines.items())],
        )

    def _snapshot(self):
        """Everything the engine reads, as plain values."""
        with self.db.read() as uow:
            booked = {
                b.id: (b.reference, b.status, b.start, b.end)
                for b in uow.session.exec(select(Booking))
            }
            lines: dict[str, dict[int, int]] = {ref: {} for ref, *_ in booked.values()}
            for ln in uow.session.exec(select(BookingLine)):
                ref = booked[ln.booking_id][0]
                lines[ref][ln.item_type_id] = lines[ref].get(ln.item_type_id, 0) + ln.quantity
            units = {u.barcode: (u.item_type_id, u.status) for u in uow.session.exec(select(Unit))}
        return sorted(booked.values()), lines, units

    def _model_snapshot(self):
        booked = sorted((b.ref, b.status, b.start, b.end) for b in self.model.bookings.values())
        lines = {b.ref: dict(b.lines) for b in self.model.bookings.values()}
        return booked, lines, dict(self.model.units)

    def _assert_refusal_matches(self, refused: ShortageError, expected) -> None:
        got = [
            (
                s.item_type_id,
                s.code,
                s.requested,
                s.serviceable,
                s.reserved,
                s.missing,
                s.at,
                s.holders,
            )
            for s in refused.shortages
        ]
        want = [
            (e.type_id, e.code, e.requested, e.serviceable, e.reserved, e.missing, e.at, e.holders)
            for e in expected
        ]
        assert got == want

    def _assert_fits_now(self, booking: OBooking) -> None:
        """After an accepted confirm or edit: no hour of the booking's buffered period is
        held beyond stock, for any of its types."""
        for type_id in booking.lines:
            start, end = self.model.period(booking, type_id)
            level = self.model.levels(type_id)
            stock = self.model.serviceable(type_id)
            first, last = self.model._index(start), self.model._index(end)
            assert all(level[h] <= stock for h in range(first, last)), (booking, type_id)

    # --- rules ----------------------------------------------------------------------

    @rule(target=refs, start=starts, length=durations, chosen=line_sets, confirm=st.booleans())
    def create(self, start, length, chosen, confirm):
        lines = self._lines(chosen)
        end = start + length
        expected = self.model.check(lines, start, end) if confirm else []
        before = self._snapshot()
        data = self._data(start, end, lines)
        if expected:
            with pytest.raises(ShortageError) as refused, self.db.write() as uow:
                bookings.create_booking(uow, user=USER, data=data, clock=self.clock, confirm=True)
            self._assert_refusal_matches(refused.value, expected)
            assert self._snapshot() == before
            return "R-NONE"  # a reference no rule can use
        with self.db.write() as uow:
            ref = bookings.create_booking(
                uow, user=USER, data=data, clock=self.clock, confirm=confirm
            ).reference
        booking = OBooking(ref, "confirmed" if confirm else "quote", start, end, lines)
        self.model.bookings[ref] = booking
        if confirm:
            self._assert_fits_now(booking)
        return ref

    @rule(ref=refs, status=st.sampled_from(BookingStatus))
    def transition(self, ref, status):
        target = status
        booking = self.model.bookings.get(ref)
        if booking is None:
            return
        current = BookingStatus(booking.status)
        before = self._snapshot()
        if target not in TRANSITIONS[current]:
            with pytest.raises(Conflict, match="cannot become"), self.db.write() as uow:
                bookings.change_status(
                    uow, user=USER, reference=ref, status=target, clock=self.clock
                )
            assert self._snapshot() == before
            return
        expected = []
        if target in HOLDING and current not in HOLDING:
            expected = self.model.check(booking.lines, booking.start, booking.end, exclude=ref)
        if expected:
            with pytest.raises(ShortageError) as refused, self.db.write() as uow:
                bookings.change_status(
                    uow, user=USER, reference=ref, status=target, clock=self.clock
                )
            self._assert_refusal_matches(refused.value, expected)
            assert self._snapshot() == before
            return
        with self.db.write() as uow:
            bookings.change_status(uow, user=USER, reference=ref, status=target, clock=self.clock)
        booking.status = target.value
        if target in HOLDING and current not in HOLDING:
            self._assert_fits_now(booking)

    @rule(
        ref=refs,
        start=st.none() | starts,
        length=durations,
        chosen=st.none() | line_sets,
    )
    def edit(self, ref, start, length, chosen):
        booking = self.model.bookings.get(ref)
        if booking is None or BookingStatus(booking.status) not in EDITABLE:
            return
        new_start = booking.start if start is None else start
        new_end = booking.end if start is None else start + length
        lines = dict(booking.lines) if chosen is None else self._lines(chosen)
        expected = []
        if booking.status in HOLDING:
            expected = self.model.check(lines, new_start, new_end, exclude=ref)
        before = self._snapshot()
        data = self._data(new_start, new_end, lines)
        if expected:
            with pytest.raises(ShortageError) as refused, self.db.write() as uow:
                bookings.update_booking(uow, user=USER, reference=ref, data=data, clock=self.clock)
            self._assert_refusal_matches(refused.value, expected)
            assert self._snapshot() == before
            return
        with self.db.write() as uow:
            bookings.update_booking(uow, user=USER, reference=ref, data=data, clock=self.clock)
        booking.start, booking.end, booking.lines = new_start, new_end, lines
        if booking.status in HOLDING:
            self._assert_fits_now(booking)

    @rule(unit=st.integers(0, N_UNITS - 1), status=st.sampled_from(UNIT_STATUSES))
    def unit_status(self, unit, status):
        barcode = self.barcodes[unit]
        type_id, old = self.model.units[barcode]
        if old == status.value:
            before = self._snapshot()
            with pytest.raises(Conflict, match="already"), self.db.write() as uow:
                set_status(
                    uow, user=USER, barcode=barcode, status=status, note="", clock=self.clock
                )
            assert self._snapshot() == before
            return
        with self.db.write() as uow:
            set_status(uow, user=USER, barcode=barcode, status=status, note="", clock=self.clock)
        self.model.units[barcode] = (type_id, status.value)
        self.stock_fell = old == UnitStatus.IN_SERVICE.value

    @rule(window=windows)
    def availability_of_a_window(self, window):
        offset, length = window
        start = ORIGIN + offset * HOUR
        end = min(start + length * HOUR, self.model.horizon)
        self._compare_availability(start, end)

    # --- invariants -----------------------------------------------------------------

    def _compare_availability(self, start: dt.datetime, end: dt.datetime) -> None:
        with self.db.read() as uow:
            found = availability.availability_many(uow, start, end, now=LOCAL_NOW)
            for type_id in self.type_ids:
                one = availability.availability(uow, type_id, start, end, now=LOCAL_NOW)
                many = found[type_id]
                assert (one.serviceable, one.reserved, one.tentative, one.peak_at) == (
                    many.serviceable,
                    many.reserved,
                    many.tentative,
                    many.peak_at,
                )
                assert set(one.holds) == set(many.holds)
        assert sorted(found) == self.type_ids
        for type_id, got in found.items():
            assert (got.serviceable, got.reserved, got.tentative, got.peak_at) == (
                self.model.availability(type_id, start, end)
            ), (type_id, start, end)
            assert got.available == got.serviceable - got.reserved
            holds = {
                (h.reference, h.status, h.item_type_id, h.quantity, h.start, h.end)
                for h in got.holds
            }
            assert holds == self.model.holds(type_id, start, end)

    @invariant()
    def availability_matches_the_model(self):
        horizon = self.model.horizon
        for start, end in (
            (ORIGIN, horizon),
            (BASE, BASE + dt.timedelta(days=1)),
            (BASE + dt.timedelta(days=2, hours=7), BASE + dt.timedelta(days=6, hours=2)),
            (BASE + dt.timedelta(days=8), horizon),
        ):
            self._compare_availability(start, end)

    @invariant()
    def shortages_are_the_models(self):
        with self.db.read() as uow:
            found = availability.shortages(uow, ORIGIN, self.model.horizon, now=LOCAL_NOW)
        got = [(s.code, s.serviceable, s.reserved, s.missing, s.at, s.holders) for s in found]
        want = [
            (e.code, e.serviceable, e.reserved, e.missing, e.at, e.holders)
            for e in self.model.shortages(ORIGIN, self.model.horizon)
        ]
        assert got == want

    @invariant()
    def database_is_the_model(self):
        assert self._snapshot() == self._model_snapshot()

    @invariant()
    def over_reservation_grows_only_when_stock_falls(self):
        over = self.model.over_reserved()
        if not self.stock_fell:
            assert over <= self.previous_over, sorted(over - self.previous_over)[:5]
        self.previous_over = over
        self.stock_fell = False


@pytest.fixture(scope="module")
def catalogue_db(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    path = tmp_path_factory.mktemp("property") / "catalogue.db"
    shutil.copy(template_db, path)
    _build_catalogue(path)
    return path


@pytest.mark.slow
def test_engine_agrees_with_brute_force_model(catalogue_db: Path, tmp_path: Path) -> None:
    BookingMachine.catalogue_db = catalogue_db
    BookingMachine.workdir = tmp_path
    run_state_machine_as_test(
        BookingMachine,
        settings=settings(
            max_examples=MAX_EXAMPLES,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
