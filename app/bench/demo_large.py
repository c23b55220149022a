"""Benchmark ``demo_large`` (../shared/BENCHMARKS.md): ``regie demo --size large`` into a
new file, in its own process — target ≤ 2 minutes.

The command runs as a person runs it (``regie --db NEW demo --size large --json``, a fresh
interpreter, its own render processes) with its data, cache and config directories in a
temporary folder. Reported: the wall-clock seconds from launch to exit, the CPU seconds it
and its render processes used (on a shared machine the wall clock also measures the
others: the CPU time and the load average say how much), and the dataset's counts (from
the command's JSON and from the file itself).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_S = 120
DEADLINE_S = 1800  # a very busy machine still finishes; a hung build does not hang the bench
SEED = 7
#: Tables counted in the built file.
COUNTED = (
    "item_type",
    "unit",
    "customer",
    "booking",
    "booking_line",
    "movement",
    "issued_document",
    "payment",
    "record_seal",
    "audit_event",
)


def run_demo_large(target: Path, seed: int = SEED) -> dict[str, Any]:
    """``regie --db TARGET demo --size large --seed SEED --json`` in a process of its own:
    seconds, CPU seconds, what it printed, and the file's row counts."""
    home = Path(tempfile.mkdtemp(prefix="regie-demo-large-home-"))
    try:
        env = {
            **os.environ,
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        env.pop("REGIE_DB", None)
        command = [
            sys.executable,
            "-c",
            "import sys; from app.cli import main; sys.exit(main())",
            "--db",
            str(target),
            "demo",
            "--size",
            "large",
            "--seed",
            str(seed),
            "--json",
        ]
        load_before = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=DEADLINE_S, check=False
        )
        seconds = time.perf_counter() - began
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise RuntimeError(
                f"regie demo --size large failed ({done.returncode}): {done.stderr.strip()}"
            )
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return {
            "seconds": round(seconds, 1),
            "target_s": TARGET_S,
            "cpu_seconds": round(cpu, 1),
            "load_before": round(load_before, 2),
            "load_after": round(os.getloadavg()[0], 2),
            "cpus": os.cpu_count(),
            "printed": json.loads(done.stdout),
            "counts": counts(target),
            "megabytes": round(target.stat().st_size / 1e6, 1),
        }
    finally:
        shutil.rmtree(home, ignore_errors=True)


def counts(path: Path) -> dict[str, int]:
    """Rows of the tables that size a dataset, read from the file (read-only)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            table: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
            for table in COUNTED
        }
    finally:
        connection.close()


def bench_demo_large(_db_path: Path) -> dict[str, Any]:
    """The large demo built into a new file in a temporary folder (the cached dataset is
    not used), then thrown away."""
    with tempfile.TemporaryDirectory(prefix="regie-demo-large-") as tmp:
        return run_demo_large(Path(tmp) / "large.db")
