"""``regie bench --contention``: several workstations at once on one database.

``workers`` real processes (spawned interpreters, each with its own connections, as
separate workstations would be) run for ``seconds`` against the same database, an SQLite
file or a PostgreSQL database, each in a loop:

- **confirm**: create and confirm a booking of 1–2 units of a bulk type whose small stock
  (``STOCK``) every workstation competes for, over one of a few overlapping periods — once
  the stock is taken the others get the shortage (a refusal, not an error);
- **cancel**: now and then cancel one of its own confirmed bookings, so that the last
  units are freed and fought over again;
- **desk cycle** (``desk_book`` then ``scan``): book ``DESK_WANTS`` units of a shared
  serialized type (``UNITS`` units: two desks' pick-ups fit at once, a third gets the
  shortage) for now, scan units picked at random out on it until it has its quantity (a
  unit another desk has out is refused: "already out"), then scan them back in (the
  booking is returned) and start again — several desks scanning the same few units at
  once.

Every answer (accepted or refused) is one operation: throughput = operations per second of
the whole run, latency = one operation's own write transaction. An **error** is anything
else: an exception (database locked, serialization failure, deadlock, lost connection,
unexpected domain error).

Afterwards an **independent SQL check** (plain statements, not Régie's code) counts
**over-bookings**: instants where confirmed/out bookings hold more of a type than its
capacity (bulk stock or number of units; the peak of half-open periods is reached at the
start of one of them), units scanned out twice without coming back in, and booking lines
with more out than booked (or less than nothing); and compares what the workers were told
was written with the rows found (``lost_writes``).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import time
import traceback
from pathlib import Path
from typing import Any

from app.core.clock import PARIS, FixedClock

STOCK = 6
UNITS = 8
#: Units one desk's pick-up books (two desks' pick-ups fit at once, a third is refused).
DESK_WANTS = 3
PERIODS = 4
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
BASE = dt.datetime(2027, 3, 1, 9, 0)
BULK = "CONT-BULK"
SERIAL = "CONT-UNIT"
CUSTOMER = "Compagnie des Quatre Postes"
START_TIMEOUT = 120


def _periods() -> list[tuple[dt.datetime, dt.datetime]]:
    """Overlapping periods: each meets the next one (so a confirmation competes with
    bookings over several periods)."""
    return [
        (BASE + dt.timedelta(hours=36 * i), BASE + dt.timedelta(hours=36 * i + 72))
        for i in range(PERIODS)
    ]


# --- the database the workstations share ------------------------------------------------


def prepare(target: Path | str) -> dict[str, Any]:
    """Migrate ``target``, then a customer, the contested bulk type, the scanned units and
    the booking holding them. Returns what the workers need."""
    from app.core.migrate import open_database
    from booking import customers
    from inventory import catalogue
    from inventory.models import Category, Tracking

    clock = FixedClock(NOW)
    db = open_database(target)
    try:
        with db.write() as uow:
            customer = customers.save_customer(
                uow, user="bench", data=customers.parse_customer({"name": CUSTOMER})
            ).number
            catalogue.create_item_type(
                uow,
                user="bench",
                data=catalogue.ItemTypeData(
                    code=BULK,
                    name="Praticable 2x1 m",
                    category=Category.STAGING,
                    tracking=Tracking.BULK,
                    stock_quantity=STOCK,
                ),
            )
            catalogue.create_item_type(
                uow,
                user="bench",
                data=catalogue.ItemTypeData(
                    code=SERIAL, name="Projecteur découpe", category=Category.LIGHTING
                ),
            )
        barcodes = []
        for _ in range(UNITS):
            with db.write() as uow:
                barcodes.append(
                    catalogue.add_unit(
                        uow, user="bench", data=catalogue.UnitData(item_code=SERIAL), clock=clock
                    ).barcode
                )
    finally:
        db.dispose()
    return {"customer": customer, "barcodes": barcodes}


# --- one workstation (a process of its own) ---------------------------------------------


def worker(
    index: int, target: str, seconds: float, setup: dict[str, Any], barrier: Any, results: Any
) -> None:  # pragma: no cover - runs in the spawned processes
    """One workstation: open the database, wait for the others, then confirm, cancel and
    scan for ``seconds``; put its figures on ``results``."""
    figures: dict[str, Any] = {"worker": index, "times": {}, "accepted": {}, "refused": {}}
    figures.update(errors=0, error_samples=[])
    try:
        _work(index, target, seconds, setup, barrier, figures)
    except Exception:  # noqa: BLE001 - the parent reports it as an error of this worker
        figures["errors"] += 1
        figures["error_samples"].append(traceback.format_exc(limit=3))
        barrier.abort()
    results.put(figures)


def _work(  # pragma: no cover - runs in the spawned processes
    index: int,
    target: str,
    seconds: float,
    setup: dict[str, Any],
    barrier: Any,
    figures: dict[str, Any],
) -> None:
    from app.core.errors import DomainError
    from app.core.migrate import open_database
    from booking import desk
    from booking.bookings import (
        BookingData,
        Line,
        ShortageError,
        cancel_booking,
        create_booking,
    )

    rng = random.Random(1000 + index)
    clock = FixedClock(NOW)
    periods = _periods()
    mine: list[str] = []
    station = f"station{index + 1}"
    user = f"desk{index + 1}"
    db = open_database(target)

    def record(kind: str, began: float, accepted: bool | None) -> None:
        figures["times"].setdefault(kind, []).append((time.perf_counter() - began) * 1000)
        if accepted is not None:
            key = "accepted" if accepted else "refused"
            figures[key][kind] = figures[key].get(kind, 0) + 1

    def error(kind: str, began: float, err: BaseException) -> None:
        record(kind, began, None)
        figures["errors"] += 1
        if len(figures["error_samples"]) < 5:
            figures["error_samples"].append(f"{kind}: {type(err).__name__}: {err}")

    local = NOW.replace(tzinfo=None)
    cycle: dict[str, Any] = {"reference": None, "out": [], "back": []}
    refusals = {desk.Outcome.ALREADY_OUT, desk.Outcome.TWICE, desk.Outcome.NOT_OUT}

    def desk_step() -> None:
        """One operation of this desk's cycle: book DESK_WANTS units for now (competing
        for them), scan them out one by one (a unit another desk has out is refused), then
        back in; the booking is then returned and the cycle starts again."""
        reference = cycle["reference"]
        began = time.perf_counter()
        try:
            if reference is None:
                data = BookingData(
                    customer=setup["customer"],
                    start=local - dt.timedelta(hours=1),
                    end=local + dt.timedelta(days=2),
                    event=f"bench contention: {station}'s pick-up",
                    lines=[Line(SERIAL, DESK_WANTS)],
                )
                try:
                    with db.write() as uow:
                        made = create_booking(uow, user=user, data=data, clock=clock, confirm=True)
                        cycle.update(reference=made.reference, out=[], back=[])
                    record("desk_book", began, True)
                except ShortageError:
                    record("desk_book", began, False)
                return
            if len(cycle["out"]) < DESK_WANTS:
                code = setup["barcodes"][rng.randrange(len(setup["barcodes"]))]
                with db.write() as uow:
                    result = desk.check_out(
                        uow, user=user, station=station, reference=reference, code=code, clock=clock
                    )
                if result.ok:
                    cycle["out"].append(code)
            else:
                code = cycle["out"][len(cycle["back"])]
                with db.write() as uow:
                    result = desk.check_in(uow, user=user, station=station, code=code, clock=clock)
                if result.ok:
                    cycle["back"].append(code)
                    if len(cycle["back"]) == DESK_WANTS:
                        cycle["reference"] = None
            if result.ok or result.outcome in refusals:
                record("scan", began, result.ok)
            else:
                error("scan", began, DomainError(f"{result.outcome}: {code}"))
                if not result.ok and code in cycle["out"]:  # never stuck on one unit
                    cycle["reference"] = None
        except Exception as err:  # noqa: BLE001 - counted
            error("scan" if reference else "desk_book", began, err)

    try:
        barrier.wait(timeout=START_TIMEOUT)
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            roll = rng.random()
            if roll < 0.1 and mine:
                kind = "cancel"
                reference = mine.pop(rng.randrange(len(mine)))
                began = time.perf_counter()
                try:
                    with db.write() as uow:
                        cancel_booking(uow, user=user, reference=reference, clock=clock)
                    record(kind, began, True)
                except Exception as err:  # noqa: BLE001 - counted
                    error(kind, began, err)
            elif roll < 0.5:
                kind = "confirm"
                start, end = periods[rng.randrange(len(periods))]
                data = BookingData(
                    customer=setup["customer"],
                    start=start,
                    end=end,
                    event=f"bench contention {station}",
                    lines=[Line(BULK, rng.choice((1, 2)))],
                )
                began = time.perf_counter()
                try:
                    with db.write() as uow:
                        made = create_booking(uow, user=user, data=data, clock=clock, confirm=True)
                        reference = made.reference
                    mine.append(reference)
                    record(kind, began, True)
                except ShortageError:
                    record(kind, began, False)
                except Exception as err:  # noqa: BLE001 - counted
                    error(kind, began, err)
            else:
                desk_step()
    finally:
        db.dispose()


# --- the run ----------------------------------------------------------------------------


def run_contention(
    target: Path | str, *, seconds: float, workers: int, report: Any = None
) -> dict[str, Any]:
    """Prepare ``target`` (a new, empty database), run ``workers`` workstations on it for
    ``seconds``, check it, and return the figures (``contention_N`` in the JSON)."""
    say = report or (lambda _text: None)
    say(f"preparing the shared database ({target if isinstance(target, Path) else 'server'})")
    setup = prepare(target)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(workers + 1)
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=worker, args=(i, str(target), seconds, setup, barrier, results), daemon=True
        )
        for i in range(workers)
    ]
    for proc in procs:
        proc.start()
    say(f"{workers} workstations starting")
    collected: list[dict[str, Any]] = []
    try:
        barrier.wait(timeout=START_TIMEOUT)
        began = time.perf_counter()
        say(f"{workers} workstations confirming and scanning for {seconds:g} s")
        for _ in procs:
            collected.append(results.get(timeout=seconds + START_TIMEOUT))
        elapsed = time.perf_counter() - began
    finally:
        for proc in procs:
            proc.join(timeout=START_TIMEOUT)
            if proc.is_alive():  # pragma: no cover - only when something hangs
                proc.kill()
                proc.join()
        results.close()
        results.join_thread()
    say("checking the bookings and movements by plain SQL")
    check = independent_check(target, setup)
    return _figures(collected, elapsed, seconds, workers, check)


def _figures(
    collected: list[dict[str, Any]],
    elapsed: float,
    seconds: float,
    workers: int,
    check: dict[str, Any],
) -> dict[str, Any]:
    from app.bench.benchmarks import summarise

    kinds = sorted({kind for f in collected for kind in f["times"]})
    every = [t for f in collected for times in f["times"].values() for t in times]
    per_kind: dict[str, Any] = {}
    for kind in kinds:
        times = [t for f in collected for t in f["times"].get(kind, [])]
        per_kind[kind] = {
            **summarise(times),
            "accepted": sum(f["accepted"].get(kind, 0) for f in collected),
            "refused": sum(f["refused"].get(kind, 0) for f in collected),
        }
    overall = summarise(every) if every else {"median_ms": 0.0, "p95_ms": 0.0, "n": 0}
    accepted = {kind: per_kind[kind]["accepted"] for kind in per_kind}
    lost = abs(check["confirmed_found"] - accepted.get("confirm", 0))
    lost += abs(check["cancelled_found"] - accepted.get("cancel", 0))
    lost += abs(check["scans_found"] - accepted.get("scan", 0))
    lost += abs(check["desk_bookings_found"] - accepted.get("desk_book", 0))
    samples = [s for f in collected for s in f["error_samples"]][:5]
    return {
        "workers": workers,
        "seconds": seconds,
        "elapsed_s": round(elapsed, 2),
        "ops": len(every),
        "ops_per_s": round(len(every) / elapsed, 1) if elapsed else 0.0,
        "median_ms": overall["median_ms"],
        "p95_ms": overall["p95_ms"],
        "n": overall["n"],
        "errors": sum(f["errors"] for f in collected),
        "error_samples": samples,
        "over_bookings": check["over_bookings"],
        "lost_writes": lost,
        "check": check,
        "operations": per_kind,
        "stock": STOCK,
        "units": UNITS,
    }


_PEAKS = """
SELECT t.code, l1.id, SUM(l2.quantity) AS level,
       CASE WHEN t.tracking = 'bulk' THEN t.stock_quantity
            ELSE (SELECT count(*) FROM unit u WHERE u.item_type_id = t.id) END AS capacity
FROM booking b1
JOIN booking_line l1 ON l1.booking_id = b1.id
JOIN booking_line l2 ON l2.item_type_id = l1.item_type_id
JOIN booking b2 ON b2.id = l2.booking_id
JOIN item_type t ON t.id = l1.item_type_id
WHERE b1.status IN ('confirmed', 'out') AND b2.status IN ('confirmed', 'out')
  AND b2.start <= b1.start AND b1.start < b2."end"
GROUP BY t.code, l1.id, t.tracking, t.stock_quantity, t.id
"""

_TWICE = """
SELECT count(*) FROM (
    SELECT direction, LAG(direction) OVER (PARTITION BY unit_id ORDER BY id) AS prev
    FROM movement WHERE unit_id IS NOT NULL
) AS m WHERE m.direction = m.prev OR (m.prev IS NULL AND m.direction = 'in')
"""

_NET = """
SELECT count(*) FROM (
    SELECT l.booking_id, l.item_type_id, l.quantity AS booked,
           coalesce((SELECT SUM(CASE WHEN m.direction = 'out' THEN m.quantity
                                     ELSE -m.quantity END)
                     FROM movement m
                     WHERE m.booking_id = l.booking_id
                       AND m.item_type_id = l.item_type_id), 0) AS net
    FROM booking_line l
) AS n WHERE n.net > n.booked OR n.net < 0
"""


def independent_check(target: Path | str, setup: dict[str, Any]) -> dict[str, Any]:
    """Plain SQL over the bookings and movements, through a bare connection (no Régie
    service): over-bookings and what was written."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from app.core import paths

    url = paths.normal_url(target) if isinstance(target, str) else f"sqlite:///{target}"
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            peaks = conn.execute(text(_PEAKS)).all()
            over = [(str(code), int(level), int(cap)) for code, _l, level, cap in peaks]
            over = [row for row in over if row[1] > row[2]]
            twice = int(conn.execute(text(_TWICE)).scalar_one())
            net = int(conn.execute(text(_NET)).scalar_one())
            statuses: dict[str, int] = dict(
                conn.execute(
                    text(
                        "SELECT b.status, count(*) FROM booking b JOIN booking_line l "
                        "ON l.booking_id = b.id JOIN item_type t ON t.id = l.item_type_id "
                        "WHERE t.code = :code GROUP BY b.status"
                    ),
                    {"code": BULK},
                ).all()
            )
            scans = int(conn.execute(text("SELECT count(*) FROM movement")).scalar_one())
            pickups = int(
                conn.execute(
                    text(
                        "SELECT count(DISTINCT l.booking_id) FROM booking_line l "
                        "JOIN item_type t ON t.id = l.item_type_id WHERE t.code = :code"
                    ),
                    {"code": SERIAL},
                ).scalar_one()
            )
            peak = {
                str(code): int(level)
                for code, level in conn.execute(
                    text("SELECT code, MAX(level) FROM (" + _PEAKS + ") AS p GROUP BY code")
                ).all()
            }
    finally:
        engine.dispose()
    confirmed = int(statuses.get("confirmed", 0))
    cancelled = int(statuses.get("cancelled", 0))
    return {
        "over_booked_instants": len(over),
        "scanned_twice": twice,
        "lines_over_scanned": net,
        "over_bookings": len(over) + twice + net,
        "peak": peak,
        "confirmed_found": confirmed + cancelled,
        "cancelled_found": cancelled,
        "scans_found": scans,
        "desk_bookings_found": pickups,
    }
