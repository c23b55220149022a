"""Two desks, one database file: real processes confirming at the same instant.

Two worker processes (``spawn``: fresh interpreters, their own SQLite connections) wait
at a barrier, then each confirms a booking that wants the last units of a type. The
confirmation checks availability inside a ``BEGIN IMMEDIATE`` transaction, so exactly one
wins and the other, once the winner has committed, sees its hold and gets the shortage
naming it. Many rounds, alternating which process is released first; at the end the
database never holds more than the stock (asked of the engine and of raw SQL) and is
intact.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from booking import availability
from inventory.catalogue import item_by_code
from tests import factories

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
LOCAL_NOW = NOW.replace(tzinfo=None)
BASE = dt.datetime(2027, 3, 1, 9, 0)
ROUNDS = 25
STOCK = 3
WANTED = 2
HEAD_START = 0.003  # seconds: one desk released a moment before the other
LINGER = 0.01  # seconds a desk that may write waits, once the other desk has started
TIMEOUT = 60


# --- the worker process ---------------------------------------------------------------


def confirm_and_report(db: Database, name: int, reference: str, clock) -> tuple:  # pragma: no cover
    """One desk's confirmation (in a worker process), as the parent reads it:
    (desk, reference, "ok" | "short" | "error", shortages or error, (began, ended))."""
    from booking import bookings

    began = time.time()
    try:
        with db.write() as uow:
            bookings.confirm_booking(uow, user=f"desk{name}", reference=reference, clock=clock)
    except bookings.ShortageError as refused:
        found = [(s.code, s.missing, s.holders) for s in refused.shortages]
        return (name, reference, "short", found, (began, time.time()))
    except Exception as err:  # noqa: BLE001 - reported to the parent, which fails
        return (name, reference, "error", repr(err), (began, time.time()))
    return (name, reference, "ok", [], (began, time.time()))


def _desk(name: int, path: str, barrier, attempting, tasks, results) -> None:  # pragma: no cover
    """A desk: for each task, wait for the other desk, then confirm one booking.

    To make the two transactions overlap for certain (not just start within the same
    millisecond), a desk whose availability check passed waits, before writing, until
    the other desk has started its own confirmation, then lingers a moment: with a
    correct write lock the other desk is then blocked at ``BEGIN IMMEDIATE``; without
    one it would check the same free stock and both would write.
    """
    from app.core.migrate import open_database
    from booking import bookings

    check = bookings._require_available

    def checked_then_wait(*args, **kwargs):
        check(*args, **kwargs)
        assert attempting[1 - name].wait(timeout=TIMEOUT)
        time.sleep(LINGER)

    bookings._require_available = checked_then_wait
    db = open_database(path)
    clock = FixedClock(NOW)
    try:
        while (task := tasks.get(timeout=TIMEOUT)) is not None:
            reference, delay = task
            barrier.wait(timeout=TIMEOUT)
            if delay:
                time.sleep(delay)
            attempting[name].set()
            results.put(confirm_and_report(db, name, reference, clock))
    finally:
        db.dispose()


@contextmanager
def _desks(path: Path) -> Iterator[Callable[[tuple[str, str], tuple[float, float]], list]]:
    """Two desk processes on the database file; yields a function running one round."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    attempting = [ctx.Event(), ctx.Event()]
    tasks = [ctx.Queue(), ctx.Queue()]
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=_desk, args=(i, str(path), barrier, attempting, tasks[i], results), daemon=True
        )
        for i in range(2)
    ]
    for proc in procs:
        proc.start()

    def run_round(refs: tuple[str, str], delays: tuple[float, float]) -> list[tuple]:
        """Both desks confirm at once; their results, sorted by desk."""
        for event in attempting:
            event.clear()
        for i in range(2):
            tasks[i].put((refs[i], delays[i]))
        got = sorted(results.get(timeout=TIMEOUT) for _ in range(2))
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
    assert [proc.exitcode for proc in procs] == [0, 0]


# --- helpers of the parent ------------------------------------------------------------


def _quote(db: Database, clock, customer: str, start: dt.datetime, hours: int, code: str) -> str:
    end = start + dt.timedelta(hours=hours)
    return factories.booking(
        db, clock, customer, start.isoformat(), end.isoformat(), {code: WANTED}, confirm=False
    )


def _raw_peaks(path: Path) -> dict[str, int]:
    """Per type code: the most held at once by confirmed or out bookings, by plain SQL
    (the peak of half-open periods is reached at the start of one of them)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
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
            ) JOIN item_type t ON t.id = type_id
            GROUP BY t.code
            """
        ).fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    return dict(rows)


def _statuses(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT reference, status FROM booking"))
    finally:
        conn.close()


def _catalogue(db: Database, clock, codes: tuple[str, ...]) -> str:
    for code in codes:
        factories.item(db, code, f"Type {code}")
        for _ in range(STOCK):
            factories.unit(db, clock, item_code=code)
    return factories.customer(db, "Compagnie des Deux Bureaux")


# --- tests ----------------------------------------------------------------------------


def test_two_processes_confirming_the_last_units_exactly_one_wins(db, db_path):
    clock = FixedClock(NOW)
    customer = _catalogue(db, clock, ("LYRE",))
    winners = []
    with _desks(db_path) as run_round:
        for n in range(ROUNDS):
            # Each round a fresh week: two quotes overlapping by two days, each wanting
            # two of the three lyres.
            week = BASE + dt.timedelta(days=7 * n)
            refs = (
                _quote(db, clock, customer, week, 72, "LYRE"),
                _quote(db, clock, customer, week + dt.timedelta(hours=24), 72, "LYRE"),
            )
            # Even pairs of rounds: released together; odd pairs: one desk starts a
            # moment earlier, alternately the first and the second.
            first = n % 2
            delays = [0.0, 0.0]
            if (n // 2) % 2:
                delays[1 - first] = HEAD_START
            got = run_round(refs, (delays[0], delays[1]))
            outcomes = sorted(r[2] for r in got)
            assert outcomes == ["ok", "short"], (n, got)
            (winner,) = [r for r in got if r[2] == "ok"]
            (loser,) = [r for r in got if r[2] == "short"]
            assert loser[3] == [("LYRE", 1, (winner[1],))], (n, got)
            assert _statuses(db_path)[winner[1]] == "confirmed"
            assert _statuses(db_path)[loser[1]] == "quote"
            # The loser started before the winner committed: the two really collided.
            assert loser[4][0] < winner[4][1], (n, got)
            winners.append(winner[0])
    assert set(winners) == {0, 1}, winners  # both desks won some rounds

    statuses = _statuses(db_path)
    assert sorted(statuses.values()) == ["confirmed"] * ROUNDS + ["quote"] * ROUNDS
    with db.read() as uow:
        lyre = item_by_code(uow, "LYRE").id
        span = (BASE - dt.timedelta(days=1), BASE + dt.timedelta(days=7 * ROUNDS + 7))
        found = availability.availability(uow, lyre, *span, now=LOCAL_NOW)
        assert (found.serviceable, found.reserved) == (STOCK, WANTED)
        assert availability.shortages(uow, *span, now=LOCAL_NOW) == []
    assert _raw_peaks(db_path) == {"LYRE": WANTED}
    assert db.integrity_check() == "ok"


def test_two_processes_booking_different_types_at_once_both_succeed(db, db_path):
    clock = FixedClock(NOW)
    customer = _catalogue(db, clock, ("LYRE", "SPOT"))
    rounds = 8
    with _desks(db_path) as run_round:
        for n in range(rounds):
            week = BASE + dt.timedelta(days=7 * n)
            refs = (
                _quote(db, clock, customer, week, 72, "LYRE"),
                _quote(db, clock, customer, week, 72, "SPOT"),
            )
            got = run_round(refs, (0.0, 0.0))
            assert [r[2] for r in got] == ["ok", "ok"], (n, got)
    statuses = _statuses(db_path)
    assert sorted(statuses.values()) == ["confirmed"] * (2 * rounds)
    assert _raw_peaks(db_path) == {"LYRE": WANTED, "SPOT": WANTED}
    with db.read() as uow:
        span = (BASE, BASE + dt.timedelta(days=7 * rounds))
        assert availability.shortages(uow, *span, now=LOCAL_NOW) == []
    assert db.integrity_check() == "ok"
