"""Benchmark of the management reports (../shared/BENCHMARKS.md):

- ``utilisation_year``: the utilisation report of the twelve months before the benchmark
  clock's day, every item type, on the large dataset (read-only: no copy needed); each
  sample opens its own read unit of work, as the reports screen and ``regie report`` do.
  Target ≤ 1 s.
- ``report_10y``: the utilisation and revenue reports over the ten years before the clock's
  day, each run as ``regie report NAME --from … --to … --format json --out F`` does, in a
  child process of its own: wall time and peak resident memory (``wait4``), beside the
  same child running ``regie --version`` (what the empty process weighs) and the report
  computed in this process (median of a few runs). Targets ≤ 2 s and ≤ 200 MB each.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
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


REPORT_10Y = ("utilisation", "revenue")
REPORT_10Y_N = 3
#: The child: the installed CLI's entry point, run by this interpreter.
_CLI = "import sys; from app.cli import main; sys.exit(main())"


def ten_years() -> tuple[dt.date, dt.date]:
    """The ten years before the benchmark clock's day (the last day: yesterday)."""
    end = BENCH_CLOCK.today() - dt.timedelta(days=1)
    return end.replace(year=end.year - 10) + dt.timedelta(days=1), end


def _child(args: list[str]) -> dict[str, Any]:
    """``regie ARGS`` in a child process: wall seconds, peak RSS (MB), exit status."""
    env = dict(os.environ, REGIE_LANG="en")
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _CLI, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode(errors="replace").strip() if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    result: dict[str, Any] = {
        "seconds": round(elapsed, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "exit": child.returncode,
    }
    if child.returncode:
        result["error"] = error[-500:]
    return result


def bench_report_10y(db_path: Path, n: int = REPORT_10Y_N) -> dict[str, Any]:
    """Utilisation and revenue over ten years: target ≤ 2 s and ≤ 200 MB peak, each."""
    from invoicing import reports

    start, end = ten_years()
    today = BENCH_CLOCK.today()
    result: dict[str, Any] = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "target_s": 2.0,
        "target_peak_mb": 200,
        "empty_process": _child(["--version"]),
    }
    db = open_database(db_path)
    try:
        for name in REPORT_10Y:
            samples = []
            rows = 0
            for _ in range(n):
                began = time.perf_counter()
                with db.read() as uow:
                    report = reports.report(uow, name, start, end, today=today)
                samples.append((time.perf_counter() - began) * 1000)
                rows = len(report.rows)
            figures = summarise(samples)
            figures["rows"] = rows
            result[name] = {"in_process": figures}
    finally:
        db.dispose()
    with tempfile.TemporaryDirectory(prefix="regie-report-") as folder:
        for name in REPORT_10Y:
            out = Path(folder) / f"{name}.json"
            args = ["--db", str(db_path), "report", name, "--from", start.isoformat()]
            args += ["--to", end.isoformat(), "--format", "json", "--out", str(out)]
            result[name]["cli"] = _child(args)
    for name in REPORT_10Y:
        cli = result[name]["cli"]
        result[name]["within_target"] = (
            cli["exit"] == 0 and cli["seconds"] <= 2.0 and cli["peak_rss_mb"] <= 200
        )
    return result
