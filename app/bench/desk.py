"""Benchmarks of the warehouse desk's service (../shared/BENCHMARKS.md):

- ``scan_decision``: one check-out scan decided and committed by ``booking.desk`` (its own
  write transaction, as at the desk), on a copy of the large dataset;
- ``wl_pickup`` / ``wl_return``: a whole rental of the neutral workload checked out, then
  back in (each line a bulk scan with its quantity, each scan its own transaction, as the
  desk does), timed per rental; ``scan_median_ms``/``scan_p95_ms`` are one scan's.

Choosing what to scan and creating the booking are not timed.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.bench.benchmarks import BENCH_CLOCK, SEED, summarise
from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from app.core.migrate import open_database

#: Units scanned by ``scan_decision``: TYPES types of PER_TYPE units each.
TYPES = 24
PER_TYPE = 10
WARMUP = 10
#: Rentals of the workload checked out and back in by ``wl_pickup`` / ``wl_return``.
WL_RENTALS = 200

_FREE_UNITS = """
SELECT u.barcode, u.item_type_id FROM unit u
WHERE u.status = 'in_service'
  AND NOT EXISTS (SELECT 1 FROM inspection_due d WHERE d.unit_id = u.id AND d.due_on < ?)
  AND coalesce((SELECT m.direction FROM movement m WHERE m.unit_id = u.id
                ORDER BY m.id DESC LIMIT 1), 'in') != 'out'
ORDER BY u.item_type_id, u.id
"""


def _scannable(db: Database, today: dt.date) -> dict[int, list[str]]:
    """Per serialized type, the units that may leave today (in service, in the warehouse,
    no overdue inspection)."""
    by_type: dict[int, list[str]] = defaultdict(list)
    with db.engine.connect() as conn:
        for barcode, type_id in conn.exec_driver_sql(_FREE_UNITS, (today.isoformat(),)):
            by_type[int(type_id)].append(str(barcode))
    return by_type


def bench_scan_decision(db_path: Path) -> dict[str, Any]:
    """One check-out scan, decided and committed: p95 target ≤ 10 ms (large dataset)."""
    from booking import desk
    from booking.bookings import BookingData, Line, create_booking

    rng = random.Random(SEED)
    clock = BENCH_CLOCK
    with tempfile.TemporaryDirectory(prefix="regie-bench-desk-") as tmp:
        copy = Path(tmp) / Path(db_path).name
        shutil.copy(db_path, copy)
        db = open_database(copy)
        try:
            free = _scannable(db, clock.today())
            types = sorted(t for t, units in free.items() if len(units) >= PER_TYPE)
            chosen = rng.sample(types, min(TYPES, len(types)))
            with db.read() as uow:
                conn = uow.session.connection()
                customer = str(
                    conn.exec_driver_sql("SELECT number FROM customer ORDER BY id LIMIT 1").scalar()
                )
                codes: dict[int, str] = dict(
                    conn.exec_driver_sql("SELECT id, code FROM item_type").all()
                )
            # Far in the future: nothing else holds these units then.
            start = dt.datetime.combine(clock.today() + dt.timedelta(days=3000), dt.time(9))
            data = BookingData(
                customer=customer,
                start=start,
                end=start + dt.timedelta(days=3),
                event="bench scan_decision",
                lines=[Line(codes[t], PER_TYPE) for t in chosen],
            )
            with db.write() as uow:
                ref = create_booking(
                    uow, user="bench", data=data, clock=clock, confirm=True
                ).reference
            scans = [code for t in chosen for code in free[t][:PER_TYPE]]
            rng.shuffle(scans)
            samples = []
            for i, code in enumerate(scans):
                began = time.perf_counter()
                with db.write() as uow:
                    result = desk.check_out(
                        uow, user="bench", station="bench", reference=ref, code=code, clock=clock
                    )
                elapsed = (time.perf_counter() - began) * 1000
                if not result.ok:
                    raise RuntimeError(f"scan_decision: {code} refused: {result.message}")
                if i >= WARMUP:
                    samples.append(elapsed)
            return summarise(samples)
        finally:
            db.dispose()


def bench_workload_pickup_return(
    db: Database,
    workload: dict[str, Any],
    rentals: Sequence[str],
    *,
    sample: int = WL_RENTALS,
) -> dict[str, Any]:
    """``wl_pickup`` and ``wl_return`` on a database where ``wl_book`` has booked
    ``workload`` (the parsed file; ``rentals`` are the booking references in workload
    order). ``sample`` rentals spread over the workload are checked out whole (each line's
    bulk code with its quantity), then back in, each scan its own transaction; the time of
    each rental is one sample. The database is changed (run this after the other
    operations)."""
    from booking import desk

    if len(rentals) != len(workload["rentals"]):
        raise ValueError("one booking reference per workload rental, in workload order")
    anchor = dt.date.fromisoformat(workload["anchor"])
    clock = FixedClock(dt.datetime.combine(anchor, dt.time(10), tzinfo=PARIS))
    codes = [p["code"] for p in workload["products"]]
    picked = sample_indexes(len(rentals), sample)
    count = len(picked)

    single: dict[bool, list[float]] = {True: [], False: []}

    def whole(index: int, out: bool) -> float:
        ref = rentals[index]
        began = time.perf_counter()
        for line in workload["rentals"][index]["lines"]:
            scanned = time.perf_counter()
            with db.write() as uow:
                if out:
                    result = desk.check_out(
                        uow,
                        user="bench",
                        station="bench",
                        reference=ref,
                        code=codes[line["product"]],
                        quantity=int(line["qty"]),
                        clock=clock,
                    )
                else:
                    result = desk.check_in(
                        uow,
                        user="bench",
                        station="bench",
                        code=codes[line["product"]],
                        quantity=int(line["qty"]),
                        booking_hint=ref,
                        clock=clock,
                    )
            single[out].append((time.perf_counter() - scanned) * 1000)
            if not result.ok:
                raise RuntimeError(f"{ref} {codes[line['product']]}: {result.message}")
        return (time.perf_counter() - began) * 1000

    pickup = [whole(i, True) for i in picked]
    back = [whole(i, False) for i in picked]
    scans = sum(len(workload["rentals"][i]["lines"]) for i in picked)
    return {
        "wl_pickup": {**summarise(pickup), "rentals": count, "scans": scans, **_one(single[True])},
        "wl_return": {**summarise(back), "rentals": count, "scans": scans, **_one(single[False])},
    }


def sample_indexes(rentals: int, sample: int = WL_RENTALS) -> list[int]:
    """The rentals ``wl_pickup``/``wl_return`` check out and back in: ``sample`` indexes
    spread evenly over the workload (the bound in ``app.bench.bound`` takes the same)."""
    count = min(sample, rentals)
    step = rentals / count if count else 1
    return [int(i * step) for i in range(count)]


def _one(samples: list[float]) -> dict[str, Any]:
    """One scan's own figures (decided and committed), beside the whole rental's."""
    if not samples:
        return {}
    figures = summarise(samples)
    return {"scan_median_ms": figures["median_ms"], "scan_p95_ms": figures["p95_ms"]}
