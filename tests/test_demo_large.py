"""The large demo's bulk build, scaled down, on both engines: the rows pass ``regie verify``,
the desk's movements are those a desk would have left (units in service, never out twice at
once, back before the planned return, consumables sold), generated ids are followed by the
services' own, the indexes are rebuilt as they were, and the same seed gives the same rows.
``regie bench --only demo_large`` runs the real command in a process of its own."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.migrate import open_database
from app.demo import booking as booking_demo
from app.demo.booking import build_bookings_demo
from app.demo.inventory import build_demo
from app.demo.invoicing import build_invoicing_demo
from booking import bookings
from invoicing import integrity
from tests.conftest import NOW, USER
from tests.invoicing.conftest import fake_render

TABLES = ("customer", "membership", "booking", "booking_line", "movement", "item_rate")


def _build(db: Database, clock: FixedClock, seed: int = 2) -> None:
    build_demo(db, size="large", seed=seed, clock=clock, user=USER, types=150, units=1_500)
    build_bookings_demo(
        db,
        size="large",
        seed=seed,
        clock=clock,
        user=USER,
        customers=120,
        bookings=3_000,
        lines=15_000,
        years=2,
    )
    build_invoicing_demo(
        db,
        size="large",
        seed=seed,
        clock=clock,
        user=USER,
        renderer=fake_render,
        invoices_limit=12,
    )


def _rows(db: Database, sql: str) -> list[tuple]:
    with db.read() as uow:
        return [tuple(r) for r in uow.session.connection().execute(text(sql)).all()]


@pytest.mark.both_engines
def test_a_scaled_large_build_verifies_and_the_services_follow_on(db, clock):
    _build(db, clock)
    with db.read() as uow:
        report = integrity.verify(uow)
    assert report.intact, [str(p) for p in report.problems]
    assert report.documents >= 12
    # the ids given in bulk are followed by the services' own (PostgreSQL's sequences)
    customer = _rows(db, "SELECT number FROM customer ORDER BY id LIMIT 1")[0][0]
    code = _rows(db, "SELECT code FROM item_type WHERE tracking = 'bulk' ORDER BY id LIMIT 1")
    start = dt.datetime(2027, 3, 1, 9)
    data = bookings.BookingData(
        customer=customer,
        start=start,
        end=start + dt.timedelta(days=2),
        lines=[bookings.Line(code[0][0], 1)],
    )
    with db.write() as uow:
        made = bookings.create_booking(uow, user=USER, data=data, clock=clock)
    assert made.id == _rows(db, "SELECT max(id) FROM booking")[0][0]
    # the demo's rates are on the audit trail, as the services record them
    audited = _rows(db, "SELECT count(*) FROM audit_event WHERE entity = 'item_rate'")[0][0]
    assert audited == _rows(db, "SELECT count(*) FROM item_rate")[0][0] == 150


def test_movements_are_those_a_desk_would_have_left(db, clock):
    _build(db, clock)
    now = clock.local_now().replace(tzinfo=None)
    since = now - dt.timedelta(days=booking_demo.MOVEMENT_DAYS)
    moves = _rows(
        db,
        "SELECT m.id, m.booking_id, m.direction, m.unit_id, m.quantity, m.at, b.status, "
        'b.start, b."end", t.tracking, t.category, u.status, m.item_type_id, u.item_type_id '
        "FROM movement m JOIN booking b ON b.id = m.booking_id "
        "JOIN item_type t ON t.id = m.item_type_id LEFT JOIN unit u ON u.id = m.unit_id "
        "ORDER BY m.id",
    )
    assert len(moves) > 500
    moved = {m[1] for m in moves}
    expected = {
        b
        for (b,) in _rows(
            db,
            "SELECT id FROM booking WHERE status = 'out' OR (status IN ('returned', 'closed') "
            f"AND \"end\" >= '{since:%Y-%m-%d %H:%M:%S}')",
        )
    }
    assert moved <= expected and len(moved) > 0.9 * len(expected)
    times = [m[5] for m in moves]
    assert times == sorted(times)  # ids follow the scans' times
    out_at: dict[int, tuple[int, str]] = {}  # unit -> (booking, status) while out
    net: dict[tuple[int, int], int] = defaultdict(int)
    for (
        _id,
        booking_id,
        direction,
        unit,
        qty,
        _at,
        status,
        _s,
        _e,
        tracking,
        _category,
        unit_status,
        type_id,
        unit_type,
    ) in moves:
        sign = 1 if direction == "out" else -1
        net[(booking_id, type_id)] += sign * qty
        if tracking == "serialized":
            assert unit is not None and qty == 1 and unit_status == "in_service"
            assert unit_type == type_id
            if direction == "out":
                assert unit not in out_at  # never out twice at once
                out_at[unit] = (booking_id, status)
            else:
                assert out_at.pop(unit)[0] == booking_id
        else:
            assert unit is None
    statuses = dict(_rows(db, "SELECT id, status FROM booking"))
    categories = dict(_rows(db, "SELECT id, category FROM item_type"))
    for (booking_id, type_id), left in net.items():
        if statuses[booking_id] == "out" or categories[type_id] == "consumables":
            assert left > 0  # still out, or sold
        else:
            assert left == 0  # back, nothing missing
    assert all(status == "out" for _booking, status in out_at.values())
    # back before the planned return (local time): no late piece
    backs = _rows(
        db,
        'SELECT m.at, b."end" FROM movement m JOIN booking b ON b.id = m.booking_id '
        "WHERE m.direction = 'in'",
    )
    assert backs and all(_local(at, clock) <= _naive(end) for at, end in backs)


def _naive(value: object) -> dt.datetime:
    found = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return found.replace(tzinfo=None)


def _local(value: object, clock: FixedClock) -> dt.datetime:
    """A stored UTC instant in the cooperative's local time, naive."""
    found = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return clock.to_local(found.replace(tzinfo=dt.UTC)).replace(tzinfo=None)


def test_the_same_seed_gives_the_same_rows_and_the_indexes_come_back(tmp_path, template_db):
    import shutil

    clock = FixedClock(NOW)
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.db"
        shutil.copy(template_db, path)
        db = open_database(path)
        try:
            _build(db, clock, seed=5)
        finally:
            db.dispose()
        paths.append(path)
    schema = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
    dumps = []
    for path in paths:
        db = open_database(path)
        try:
            dumps.append(
                [_rows(db, f'SELECT * FROM "{t}" ORDER BY 1') for t in TABLES]
                + [sorted(_rows(db, schema))]
            )
        finally:
            db.dispose()
    assert dumps[0] == dumps[1]
    db = open_database(template_db)
    try:
        indexes = sorted(_rows(db, schema))
    finally:
        db.dispose()
    assert dumps[0][-1] == indexes  # every index dropped for the bulk insert is back


def test_demo_large_is_a_registered_benchmark_that_reads_a_file(tmp_path: Path):
    from app.bench import demo_large
    from app.bench.benchmarks import OPERATIONS

    assert "demo_large" in OPERATIONS
    path = tmp_path / "x.db"
    db = open_database(path)
    db.dispose()
    found = demo_large.counts(path)
    assert set(found) == set(demo_large.COUNTED) and found["booking"] == 0


def test_an_unknown_size_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(tmp_path / "new.db"), "demo", "--size", "huge"])
    assert stopped.value.code == 2
    assert not (tmp_path / "new.db").exists()
    assert "huge" in capsys.readouterr().err


@pytest.mark.slow
def test_regie_demo_large_in_a_process_of_its_own(tmp_path):
    """The real command, full size: what the benchmark reports."""
    from app.bench.demo_large import run_demo_large

    result = run_demo_large(tmp_path / "large.db", seed=3)
    counts = result["counts"]
    assert counts["item_type"] == 2_000 and counts["unit"] == 20_000
    assert counts["customer"] == 3_000 and counts["booking"] >= 200_000
    assert counts["booking_line"] >= 1_000_000 and counts["movement"] > 0
    assert counts["issued_document"] > 0 and counts["payment"] > 0
    assert result["printed"]["bookings"] == counts["booking"]
    json.dumps(result)  # the bench prints it
    code = main(["--db", str(tmp_path / "large.db"), "verify", "--json"])
    assert code == 0
