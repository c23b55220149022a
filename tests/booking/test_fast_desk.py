"""The desk's scan path stays short and says the same as the ledger: a scan is decided by a
handful of statements, its answer is the booking's progress read afresh, the audit trail
records every movement and status change, and a scanned code designates what
``inventory.barcodes`` says it does."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, insert, text

from app.core import notify
from app.core.migrate import open_database
from booking import desk
from booking.bookings import booking_by_ref
from booking.desk import Outcome
from booking.models import Condition
from inventory import barcodes, containers
from inventory.models import Unit
from tests import factories

pytestmark = pytest.mark.both_engines


@pytest.fixture
def stock(db, clock):
    factories.item(db)
    lyres = [factories.unit(db, clock) for _ in range(3)]
    factories.bulk(db, barcode="DMX10")
    factories.bulk(db, code="XLR-5", name="XLR 5 m", barcode="XLR5", quantity=30)
    customer = factories.customer(db)
    ref = factories.booking(
        db,
        clock,
        customer,
        "2026-11-26T09:00",
        "2026-11-28T09:00",
        {"LYRE-WASH": 2, "DMX-10": 6, "XLR-5": 4},
    )
    return ref, lyres


@contextmanager
def _statements(db) -> Iterator[list[str]]:
    """The SQL statements the engine runs inside the block."""
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def _out(db, clock, ref, code, qty=None):
    with db.write() as uow:
        return desk.check_out(
            uow, user="t", station="s1", reference=ref, code=code, quantity=qty, clock=clock
        )


def _in(db, clock, code, **kw):
    with db.write() as uow:
        return desk.check_in(uow, user="t", station="s1", code=code, clock=clock, **kw)


def _reads(statements: list[str]) -> list[str]:
    """The reads among ``statements`` (PostgreSQL's notice to the live refresh aside)."""
    return [s for s in statements if s.lstrip().startswith("SELECT") and "pg_notify" not in s]


def _writes(statements: list[str]) -> list[str]:
    return [s.split()[0] + " " + s.split()[2] for s in statements if s.startswith(("INSERT", "UP"))]


def test_a_bulk_scan_is_a_handful_of_statements(db, clock, stock):
    ref, _ = stock
    _out(db, clock, ref, "DMX10", 2)  # the booking is out: no status change below
    with _statements(db) as seen:
        result = _out(db, clock, ref, "DMX10", 1)
    assert result.ok
    reads = _reads(seen)
    assert len(reads) <= 3, reads  # the booking, what the code is, the booking's ledger
    # the movement; its audit record is written at once, or with the COMMIT on PostgreSQL
    assert _writes(seen) in (["INSERT movement", "INSERT audit_event"], ["INSERT movement"])
    assert _trail_of_last_movement(db) == ("movement", "insert")
    with _statements(db) as seen:
        back = _in(db, clock, "DMX10", quantity=1, booking_hint=ref)
    assert back.ok
    assert len(_reads(seen)) <= 3, _reads(seen)


def _trail_of_last_movement(db):
    with db.read() as uow:
        last = uow.session.execute(text("SELECT max(id) FROM movement")).scalar()
        row = uow.session.execute(
            text(
                "SELECT entity, action FROM audit_event "
                "WHERE entity = 'movement' AND entity_id = :id ORDER BY id"
            ),
            {"id": str(last)},
        ).all()
    assert len(row) == 1, row
    return tuple(row[0])


def test_the_first_check_out_and_the_last_return_change_the_status_on_the_trail(db, clock, stock):
    ref, lyres = stock
    assert _out(db, clock, ref, lyres[0]).ok
    assert _status(db, ref) == "out"
    assert _in(db, clock, lyres[0]).ok
    assert _status(db, ref) == "returned"
    with db.read() as uow:
        booking_id = booking_by_ref(uow, ref).id
        rows = uow.session.execute(
            text(
                "SELECT entity, action, after FROM audit_event "
                "WHERE entity IN ('movement', 'booking') ORDER BY id"
            )
        ).all()
        lines = uow.session.execute(
            text("SELECT DISTINCT status FROM booking_line WHERE booking_id = :b"),
            {"b": booking_id},
        ).all()
    trail = [(entity, action) for entity, action, _ in rows]
    assert trail[-4:] == [
        ("movement", "insert"),
        ("booking", "update"),
        ("movement", "insert"),
        ("booking", "update"),
    ]
    assert '"status":"out"' in rows[-3][2] and '"status":"returned"' in rows[-1][2]
    assert lines == [("returned",)]  # the lines follow their booking


def _status(db, ref):
    with db.read() as uow:
        return booking_by_ref(uow, ref).status


def test_every_answer_is_the_progress_read_afresh(db, clock, stock):
    """Random scans out and back: each accepted scan's line is the booking's progress for
    that type read afterwards, and a refused scan writes nothing."""
    ref, lyres = stock
    rng = random.Random(14)
    codes = [*lyres, "DMX10", "dmx10", "XLR5", "NOPE"]
    for _ in range(40):
        code, qty = rng.choice(codes), rng.choice([None, 1, 2, 3])
        condition = rng.choice([Condition.OK, Condition.OK, Condition.DAMAGED])
        before = _count(db, "movement")
        if rng.random() < 0.55:
            result = _out(db, clock, ref, code, qty)
        else:
            result = _in(db, clock, code, quantity=qty, condition=condition, booking_hint=ref)
        if not result.ok:
            assert _count(db, "movement") == before
            continue
        with db.read() as uow:
            lines = desk.progress(uow, booking_by_ref(uow, ref).id)
        assert result.line in lines
        assert len(result.movement_ids) == _count(db, "movement") - before


def _count(db, table):
    with db.read() as uow:
        return uow.session.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_a_scan_designates_what_the_catalogue_finds(db, clock, stock):
    """``desk.identify`` (one statement) agrees with ``inventory.barcodes.find`` on units,
    cases and bulk, without case and through the other keyboard layout; a code stored twice
    in different cases (data from before the uniqueness check) gives the exact spelling,
    else the oldest row."""
    ref, lyres = stock
    with db.write() as uow:
        case = containers.create_case(uow, user="t", name="flight", permanent=False)
        uow.session.execute(
            insert(Unit),
            [
                {"item_type_id": 1, "barcode": "old-1", "status": "in_service"},
                {"item_type_id": 1, "barcode": "OLD-1", "status": "in_service"},
            ],
        )
    scans = [*lyres, lyres[0].lower(), case.barcode, "DMX10", "dmx10", "xlr5", "OLD-1"]
    scans += ["old-1", "Old-1", "NOPE", ref.lower()]
    scans += [barcodes.typed_on(c, "us", "fr") for c in (lyres[1], "DMX10")]
    with db.read() as uow:
        for scan in scans:
            found = desk.identify(uow, scan)
            expected = barcodes.find(uow, scan)
            if scan == ref.lower():
                assert found is not None and (found.kind, found.code) == ("booking", ref)
            elif expected is None:
                assert found is None, scan
            else:
                assert found is not None, scan
                kind, row = expected
                assert (found.kind, found.row.id, found.code) == (kind, row.id, row.barcode)


def test_a_case_goes_out_and_comes_back_whole(db, clock, stock):
    ref, lyres = stock
    with db.write() as uow:
        case = containers.create_case(uow, user="t", name="flight", permanent=False)
        for code in lyres[:2]:
            containers.put_in_case(uow, user="t", case_code=case.barcode, unit_code=code)
    out = _out(db, clock, ref, case.barcode)
    assert (out.ok, out.line.left, len(out.movement_ids)) == (True, 2, 2)
    again = _out(db, clock, ref, case.barcode)
    assert again.outcome == Outcome.TWICE
    back = _in(db, clock, case.barcode)
    assert (back.ok, back.line.back, len(back.movement_ids)) == (True, 2, 2)
    with db.read() as uow:
        assert containers.case_contents(uow, case.id) == []  # a temporary case empties


def test_another_desks_scans_are_seen_by_the_live_refresh(db, db_path, clock, stock):
    """Scans written by Core statements still tell the other windows (the audit rows on
    SQLite, the notice on PostgreSQL)."""
    ref, lyres = stock
    watcher = notify.Watcher(db.engine)
    other = open_database(db_path)
    try:
        assert watcher.changes(0.1) == frozenset()
        assert _out(other, clock, ref, lyres[0]).ok  # the first scan: the booking goes out
        seen = watcher.changes(0 if db.url is None else 10.0)
        assert {"movement", "booking"} <= seen and notify.UNKNOWN not in seen
        assert _in(other, clock, "DMX10", quantity=1).outcome == Outcome.NOT_OUT
        assert _out(other, clock, ref, "DMX10", 2).ok
        assert "movement" in watcher.changes(0 if db.url is None else 10.0)
    finally:
        other.dispose()
        watcher.close()
