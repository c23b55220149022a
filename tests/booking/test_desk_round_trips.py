"""A scan is a few round trips to the database, whatever the engine: a check-out reads the
booking with its ledger and what the code designates in one statement; a return reads the
code with the hinted booking and its ledger, then for a unit where it is with its booking's
ledger. Counted by statement, never timed; the answers stay those of the booking's
progress read afresh, and the reads together say what the reads apart say."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, text

from booking import desk
from booking.bookings import booking_by_ref
from booking.desk import Outcome
from booking.desk_ledger import (
    Ledger,
    booking_and_scan,
    booking_scanned,
    booking_with_ledger,
    out_on_with_ledger,
)
from booking.desk_reads import identify, out_on, unit_state
from booking.models import Condition
from inventory.catalogue import unit_by_barcode
from tests import factories

pytestmark = pytest.mark.both_engines


@pytest.fixture
def stock(db, clock):
    factories.item(db)
    lyres = [factories.unit(db, clock) for _ in range(3)]
    factories.bulk(db, barcode="DMX10")
    customer = factories.customer(db)
    ref = factories.booking(
        db,
        clock,
        customer,
        "2026-11-26T09:00",
        "2026-11-28T09:00",
        {"LYRE-WASH": 2, "DMX-10": 6},
    )
    return ref, lyres


@contextmanager
def _statements(db) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement.lstrip())

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def _reads(seen: list[str]) -> list[str]:
    """The reads (PostgreSQL's notice to the live refresh aside)."""
    return [s for s in seen if s.startswith("SELECT") and "pg_notify" not in s]


def _writes(seen: list[str]) -> list[str]:
    """``INSERT table`` / ``UPDATE table``, in order; the audit trail's rows aside (on
    PostgreSQL they travel with the ``COMMIT``: ``_trail`` reads them back)."""
    words = [s.split() for s in seen if s.startswith(("INSERT", "UPDATE"))]
    found = [f"{w[0]} {w[2] if w[0] == 'INSERT' else w[1]}" for w in words]
    return [w for w in found if w != "INSERT audit_event"]


def _trail(db) -> list[tuple[str, str]]:
    with db.read() as uow:
        query = text("SELECT entity, action FROM audit_event ORDER BY id")
        return [(str(e), str(a)) for e, a in uow.session.execute(query)]


def _out(db, clock, ref, code, qty=None):
    with db.write() as uow:
        return desk.check_out(
            uow, user="t", station="s1", reference=ref, code=code, quantity=qty, clock=clock
        )


def _in(db, clock, code, **kw):
    with db.write() as uow:
        return desk.check_in(uow, user="t", station="s1", code=code, clock=clock, **kw)


def _progress(db, ref, type_code):
    with db.read() as uow:
        lines = desk.progress(uow, booking_by_ref(uow, ref).id)
    return next(p for p in lines if p.code == type_code)


def test_a_check_out_reads_once_and_writes_the_movement_with_its_record(db, clock, stock):
    ref, lyres = stock
    assert _out(db, clock, ref, lyres[0]).ok  # the booking is out: no status change below
    before = _trail(db)
    with _statements(db) as seen:
        result = _out(db, clock, ref, "DMX10", 2)
    assert result.ok and result.line == _progress(db, ref, "DMX-10")
    assert len(_reads(seen)) == 1, _reads(seen)  # the booking with its ledger, and the code
    assert _writes(seen) == ["INSERT movement"]
    assert _trail(db) == [*before, ("movement", "insert")]
    with _statements(db) as seen:
        result = _out(db, clock, ref, lyres[1])
    assert result.ok and result.line == _progress(db, ref, "LYRE-WASH")
    # a unit also asks where it is and whether its inspection is overdue, at once
    assert len(_reads(seen)) == 2, _reads(seen)


def test_a_return_reads_once_or_twice_and_the_last_one_returns_the_booking(db, clock, stock):
    ref, lyres = stock
    assert _out(db, clock, ref, lyres[0]).ok
    assert _out(db, clock, ref, "DMX10", 2).ok
    before = _trail(db)
    with _statements(db) as seen:
        back = _in(db, clock, "DMX10", quantity=2, booking_hint=ref)
    assert back.ok and back.line == _progress(db, ref, "DMX-10")
    assert len(_reads(seen)) == 1, _reads(seen)  # the code, and the hinted booking's ledger
    assert _writes(seen) == ["INSERT movement"]
    with _statements(db) as seen:
        back = _in(db, clock, lyres[0])
    assert back.ok and back.line == _progress(db, ref, "LYRE-WASH")
    assert len(_reads(seen)) == 2, _reads(seen)  # the code; where it is, with the ledger
    assert _writes(seen) == ["INSERT movement", "UPDATE booking", "UPDATE booking_line"]
    assert _trail(db) == [
        *before,
        ("movement", "insert"),
        ("movement", "insert"),
        ("booking", "update"),
    ]
    with db.read() as uow:
        assert booking_by_ref(uow, ref).status == "returned"


def test_the_booking_read_with_its_ledger_is_the_ledger_read_alone(db, clock, stock):
    ref, lyres = stock
    assert _out(db, clock, ref, lyres[0]).ok
    assert _out(db, clock, ref, "DMX10", 3).ok
    assert _in(db, clock, "DMX10", quantity=1, condition=Condition.DAMAGED, booking_hint=ref).ok
    with db.read() as uow:
        booking = booking_by_ref(uow, ref)
        facts, ledger = booking_with_ledger(uow, ref.lower())
        assert (facts.id, facts.reference, facts.status) == (booking.id, ref, "out")
        assert ledger == Ledger.read(uow, booking.id)
        assert ledger.tally(next(iter(ledger.moved))).left >= 1
        unit = unit_by_barcode(uow, lyres[0])
        where, its_ledger = out_on_with_ledger(uow, unit.id)
        assert where == facts and its_ledger == ledger
        assert out_on_with_ledger(uow, unit_by_barcode(uow, lyres[2]).id) is None
        today = clock.today()
        assert unit_state(uow, unit.id, today) == (out_on(uow, unit.id), None) == (facts, None)
        assert unit_state(uow, unit_by_barcode(uow, lyres[2]).id, today) == (None, None)
        assert booking_with_ledger(uow, "R-0000-0000") is None
        assert booking_with_ledger(uow, "  ") is None


def test_a_booking_with_nothing_on_it_still_reads_its_facts(db, clock, stock):
    ref, _ = stock
    with db.write() as uow:
        booking_id = booking_by_ref(uow, ref).id
        uow.session.execute(
            text("DELETE FROM booking_line WHERE booking_id = :b"), {"b": booking_id}
        )
    with db.read() as uow:
        facts, ledger = booking_with_ledger(uow, ref)
    assert facts.id == booking_id and ledger == Ledger()
    refused = _out(db, clock, ref, "DMX10")
    assert (refused.ok, refused.outcome) == (False, Outcome.NOT_ON_BOOKING)


def test_the_reads_of_a_check_out_together_say_what_they_say_apart(db, clock, stock):
    """The booking and the code read in one statement (``booking_and_scan``) are the
    booking read alone (``booking_scanned``) and the code identified alone, for references
    and codes as typed, without case, on the other keyboard layout, unknown or empty."""
    from inventory.barcodes import typed_on

    ref, lyres = stock
    assert _out(db, clock, ref, lyres[0]).ok
    refs = [ref, ref.lower(), typed_on(ref, "us", "fr"), "R-1999-0001", "", "  "]
    codes = [
        *lyres,
        lyres[1].lower(),
        typed_on(lyres[2], "us", "fr"),
        "DMX10",
        typed_on("DMX10", "fr", "us"),
        ref,
        "NOPE",
        "",
    ]
    with db.read() as uow:
        for reference in refs:
            for code in codes:
                together = booking_and_scan(uow, reference, code)
                apart = (booking_scanned(uow, reference), identify(uow, code))
                assert together == apart, (reference, code)
                # a booking hinted (typed, not scanned): the reference exactly, without case
                together = booking_and_scan(uow, reference, code, other_layouts=False)
                apart = (booking_with_ledger(uow, reference), identify(uow, code))
                assert together == apart, (reference, code)
        found, scanned = booking_and_scan(uow, typed_on(ref, "us", "fr"), lyres[1].lower())
        assert found is not None and found[0].reference == ref
        assert scanned is not None and (scanned.kind, scanned.code) == ("unit", lyres[1])
