"""Several workstations, one PostgreSQL database: real processes at the same instant.

The write lock on PostgreSQL is a transaction-level advisory lock taken by every writing
unit of work (``app.core.db``), the same serialised-writer guarantee as SQLite's ``BEGIN
IMMEDIATE``. Proven here as on SQLite (``test_concurrency.py``), with more desks:

- desks confirming the last units at once: exactly one wins each round, the others get
  the shortage naming the winner; never more held than the stock (the engine and plain
  SQL agree);
- desks scanning the same unit out at once: one movement, the others refused;
- the same through the installed ``regie`` in parallel processes (``bookings confirm``,
  ``scan out``).

Worker processes are spawned interpreters with their own connections. A desk whose check
passed waits, before writing, until every other desk has started its own transaction and
lingers a moment: with a correct lock the others are then blocked at the lock; without one
they would check the same free stock and all write.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlmodel import col, select

from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from booking import availability
from inventory.catalogue import item_by_code
from inventory.models import Unit
from tests import factories
from tests.booking.test_concurrency import confirm_and_report
from tests.pg import ADMIN_PASSWORD

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
LOCAL_NOW = NOW.replace(tzinfo=None)
BASE = dt.datetime(2027, 3, 1, 9, 0)
DESKS = 3
ROUNDS = 6
STOCK = 3
WANTED = 2
LINGER = 0.02  # seconds a desk that may write waits, once every other desk has started
TIMEOUT = 90


# --- the worker processes ---------------------------------------------------------------


def _wait_for_others(name: int, attempting) -> None:  # pragma: no cover - in the workers
    for other, event in enumerate(attempting):
        if other != name:
            assert event.wait(timeout=TIMEOUT)
    time.sleep(LINGER)


def _confirming_desk(name, url, barrier, attempting, tasks, results) -> None:  # pragma: no cover
    """A desk: for each task, wait for the others, then confirm one booking."""
    from app.core.migrate import open_database
    from booking import bookings

    check = bookings._require_available

    def checked_then_wait(*args, **kwargs):
        check(*args, **kwargs)
        _wait_for_others(name, attempting)

    bookings._require_available = checked_then_wait
    db = open_database(url)
    clock = FixedClock(NOW)
    try:
        while (reference := tasks.get(timeout=TIMEOUT)) is not None:
            barrier.wait(timeout=TIMEOUT)
            attempting[name].set()
            results.put(confirm_and_report(db, name, reference, clock))
    finally:
        db.dispose()


def _scanning_desk(name, url, barrier, attempting, tasks, results) -> None:  # pragma: no cover
    """A desk: for each task (booking, code), wait for the others, then scan it out. The
    wait is where the scan has decided (the unit is in, the booking wants it) and is about
    to write its movement: without the write lock every desk would decide the same."""
    from app.core.migrate import open_database
    from booking import desk, desk_writes

    record = desk_writes.record_movement

    def decided_then_wait(*args, **kwargs):
        _wait_for_others(name, attempting)
        return record(*args, **kwargs)

    desk_writes.record_movement = decided_then_wait
    db = open_database(url)
    clock = FixedClock(NOW)
    try:
        while (task := tasks.get(timeout=TIMEOUT)) is not None:
            reference, code = task
            barrier.wait(timeout=TIMEOUT)
            attempting[name].set()
            try:
                with db.write() as uow:
                    done = desk.check_out(
                        uow,
                        user=f"desk{name}",
                        station=f"station{name}",
                        reference=reference,
                        code=code,
                        clock=clock,
                    )
                results.put((name, reference, "ok" if done.ok else str(done.outcome), []))
            except Exception as err:  # noqa: BLE001 - reported to the parent, which fails
                results.put((name, reference, "error", repr(err)))
    finally:
        db.dispose()


@contextmanager
def _desks(url: str, worker) -> Iterator[Callable[[list], list]]:
    """``DESKS`` desk processes on the database; yields a function running one round."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(DESKS)
    attempting = [ctx.Event() for _ in range(DESKS)]
    tasks = [ctx.Queue() for _ in range(DESKS)]
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=worker, args=(i, url, barrier, attempting, tasks[i], results), daemon=True
        )
        for i in range(DESKS)
    ]
    for proc in procs:
        proc.start()

    def run_round(work: list) -> list[tuple]:
        """Every desk does its task at once; their results, sorted by desk."""
        for event in attempting:
            event.clear()
        for i in range(DESKS):
            tasks[i].put(work[i])
        got = sorted(results.get(timeout=TIMEOUT) for _ in range(DESKS))
        assert not [r for r in got if r[2] == "error"], got
        return got

    try:
        yield run_round
    finally:
        for queue in tasks:
            queue.put(None)
        for proc in procs:
            proc.join(timeout=TIMEOUT)
            if proc.is_alive():  # pragma: no cover - only when something hangs
                proc.kill()
                proc.join()
        for queue in (*tasks, results):
            queue.close()
            queue.join_thread()
    assert [proc.exitcode for proc in procs] == [0] * DESKS


# --- helpers of the parent --------------------------------------------------------------


def _quote(db: Database, clock, customer: str, start: dt.datetime, code: str) -> str:
    end = start + dt.timedelta(hours=72)
    return factories.booking(
        db, clock, customer, start.isoformat(), end.isoformat(), {code: WANTED}, confirm=False
    )


def _raw_peaks(db: Database) -> dict[str, int]:
    """Per type code: the most held at once by confirmed or out bookings, by plain SQL
    (the peak of half-open periods is reached at the start of one of them)."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                """
                SELECT t.code, MAX(level) FROM (
                    SELECT l1.item_type_id AS type_id, SUM(l2.quantity) AS level
                    FROM booking b1
                    JOIN booking_line l1 ON l1.booking_id = b1.id
                    JOIN booking_line l2 ON l2.item_type_id = l1.item_type_id
                    JOIN booking b2 ON b2.id = l2.booking_id
                    WHERE b1.status IN ('confirmed', 'out') AND b2.status IN ('confirmed', 'out')
                      AND b2.start <= b1.start AND b1.start < b2."end"
                    GROUP BY l1.id
                ) AS levels JOIN item_type t ON t.id = levels.type_id
                GROUP BY t.code
                """
            )
        ).all()
    return {str(code): int(level) for code, level in rows}


def _statuses(db: Database) -> dict[str, str]:
    with db.engine.connect() as conn:
        return {
            str(r): str(s) for r, s in conn.execute(text("SELECT reference, status FROM booking"))
        }


def _movements(db: Database, direction: str = "out") -> int:
    with db.engine.connect() as conn:
        query = text("SELECT count(*) FROM movement WHERE direction = :direction")
        return int(conn.execute(query, {"direction": direction}).scalar_one())


def _barcodes(db: Database) -> list[str]:
    with db.read() as uow:
        return list(uow.session.exec(select(Unit.barcode).order_by(col(Unit.id))))


def _catalogue(db: Database, clock, codes: tuple[str, ...]) -> str:
    for code in codes:
        factories.item(db, code, f"Type {code}")
        for _ in range(STOCK):
            factories.unit(db, clock, item_code=code)
    return factories.customer(db, "Compagnie des Trois Bureaux")


def regie(url: str, *argv: str) -> subprocess.Popen[str]:
    """The installed command line in a process of its own, on the server's database."""
    env = {**os.environ, "REGIE_DB": url, "REGIE_LANG": "en", "REGIE_USER": "admin"}
    env["REGIE_PASSWORD"] = ADMIN_PASSWORD  # the test server's admin (tests/pg.py)
    return subprocess.Popen(
        [sys.executable, "-m", "app", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=TIMEOUT)
        assert "Traceback" not in err, err
        done.append((proc.returncode, out, err))
    return done


# --- tests ------------------------------------------------------------------------------


def test_desks_confirming_the_last_units_at_once_exactly_one_wins(pg_db, pg_url):
    db, clock = pg_db, FixedClock(NOW)
    customer = _catalogue(db, clock, ("LYRE",))
    with _desks(pg_url, _confirming_desk) as run_round:
        for n in range(ROUNDS):
            # Each round a fresh week: quotes overlapping by a day or two, each wanting two
            # of the three lyres: any two of them together would over-book.
            week = BASE + dt.timedelta(days=7 * n)
            refs = [
                _quote(db, clock, customer, week + dt.timedelta(hours=12 * i), "LYRE")
                for i in range(DESKS)
            ]
            got = run_round(refs[n % DESKS :] + refs[: n % DESKS])
            outcomes = sorted(r[2] for r in got)
            assert outcomes == ["ok"] + ["short"] * (DESKS - 1), (n, got)
            (winner,) = [r for r in got if r[2] == "ok"]
            for loser in (r for r in got if r[2] == "short"):
                assert loser[3] == [("LYRE", 1, (winner[1],))], (n, got)
                assert loser[4][0] < winner[4][1], (n, got)  # they really collided
    # Which desk wins is the server's lock queue's business (first come, first served: on
    # a loaded machine the same desk may win every round); that they collided is checked
    # above for every loser.

    statuses = _statuses(db)
    assert sorted(statuses.values()) == ["confirmed"] * ROUNDS + ["quote"] * (ROUNDS * (DESKS - 1))
    with db.read() as uow:
        lyre = item_by_code(uow, "LYRE").id
        span = (BASE - dt.timedelta(days=1), BASE + dt.timedelta(days=7 * ROUNDS + 7))
        found = availability.availability(uow, lyre, *span, now=LOCAL_NOW)
        assert (found.serviceable, found.reserved) == (STOCK, WANTED)
        assert availability.shortages(uow, *span, now=LOCAL_NOW) == []
    assert _raw_peaks(db) == {"LYRE": WANTED}


def test_desks_scanning_the_same_unit_at_once_record_one_movement(pg_db, pg_url):
    db, clock = pg_db, FixedClock(NOW)
    customer = _catalogue(db, clock, ("LYRE",))
    barcodes = _barcodes(db)
    rounds = 3
    refs = [
        factories.booking(
            db,
            clock,
            customer,
            (BASE + dt.timedelta(days=7 * n)).isoformat(),
            (BASE + dt.timedelta(days=7 * n + 2)).isoformat(),
            {"LYRE": 1},
        )
        for n in range(rounds)
    ]
    with _desks(pg_url, _scanning_desk) as run_round:
        for n, ref in enumerate(refs):
            got = run_round([(ref, barcodes[n % STOCK])] * DESKS)
            assert sorted(r[2] for r in got)[0] == "ok", (n, got)
            assert [r[2] for r in got].count("ok") == 1, (n, got)
            assert _movements(db) == n + 1, (n, got)
            # the unit is back for the next round's booking
            with db.write() as uow:
                from booking import desk

                assert desk.check_in(
                    uow, user="back", code=barcodes[n % STOCK], clock=FixedClock(NOW)
                ).ok
    assert (_movements(db, "out"), _movements(db, "in")) == (rounds, rounds)


def test_regie_processes_confirming_at_once_never_over_book(pg_db, pg_url):
    """The installed ``regie bookings confirm`` in parallel processes: one confirms,
    the others exit 1 with the shortage in a sentence."""
    db, clock = pg_db, FixedClock(NOW)
    customer = _catalogue(db, clock, ("LYRE",))
    refs = [
        _quote(db, clock, customer, BASE + dt.timedelta(hours=6 * i), "LYRE") for i in range(DESKS)
    ]
    done = finished([regie(pg_url, "bookings", "confirm", ref, "--json") for ref in refs])
    assert sorted(status for status, _, _ in done) == [0] + [1] * (DESKS - 1), done
    (winner,) = [json.loads(out)["ref"] for status, out, _ in done if status == 0]
    for status, out, err in done:
        if status:
            assert out == "" and "LYRE" in err and winner in err, err
    assert sorted(_statuses(db).values()) == ["confirmed"] + ["quote"] * (DESKS - 1)
    assert _raw_peaks(db) == {"LYRE": WANTED}


def test_regie_processes_scanning_one_unit_at_once_count_it_once(pg_db, pg_url):
    db, clock = pg_db, FixedClock(NOW)
    customer = _catalogue(db, clock, ("LYRE",))
    barcode = _barcodes(db)[0]
    ref = factories.booking(
        db,
        clock,
        customer,
        BASE.isoformat(),
        (BASE + dt.timedelta(days=2)).isoformat(),
        {"LYRE": 2},
    )
    done = finished([regie(pg_url, "scan", "out", ref, barcode, "--json") for _ in range(DESKS)])
    answers = [json.loads(out.splitlines()[0]) for _, out, _ in done]
    assert [a["ok"] for a in answers].count(True) == 1, done
    assert _movements(db) == 1
