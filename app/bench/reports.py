"""Benchmark of the management reports (../shared/BENCHMARKS.md):

- ``utilisation_year``: the utilisation report of the twelve months before the benchmark
  clock's day, every item type, on the large dataset (read-only: no copy needed); each
  sample opens its own read unit of work, as the reports screen and ``regie report`` do.
  Target ≤ 1 s.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from app.bench.benchmarks import BENCH_CLOCK, summarise
from app.core.migrate import open_database

UTILISATION_N = 5
WARMUP = 1


def bench_utilisation_year(db_path: Path, n: int = UTILISATION_N) -> dict[str, Any]:
    """A year's utilisation report: target ≤ 1 s."""
    from invoicing import reports

    today = BENCH_CLOCK.today()
    end = today - dt.timedelta(days=1)
    start = end.replace(year=end.year - 1) + dt.timedelta(days=1)
    db = open_database(db_path)
    try:
        samples, types = [], 0
        for i in range(n + WARMUP):
            began = time.perf_counter()
            with db.read() as uow:
                report = reports.report(uow, "utilisation", start, end, today=today)
            elapsed = (time.perf_counter() - began) * 1000
            if i >= WARMUP:
                samples.append(elapsed)
            types = sum(1 for r in report.rows if r["group"] == "type")
        result = summarise(samples)
        result.update(types=types, start=start.isoformat(), end=end.isoformat(), target_ms=1000)
        return result
    finally:
        db.dispose()


def bench_report_10y(db_path: Path) -> dict[str, Any]:
    """Utilisation and revenue over ten years: target ≤ 2 s and ≤ 200 MB peak."""
    raise NotImplementedError("report_10y: being written (issue 14)")
