"""``regie bench``: deterministic datasets and timed operations (../shared/BENCHMARKS.md).

Datasets are built once into the user's cache directory, keyed by size, seed and the
demo generator's version, then reused. Each operation is warmed up, then timed; figures
are wall-clock milliseconds (median, p95) on this machine.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.clock import PARIS, FixedClock
from app.core.migrate import open_database
from app.core.paths import cache_dir

#: Benchmarks build their data as of this instant, so a dataset never depends on the day.
BENCH_CLOCK = FixedClock(dt.datetime(2026, 11, 2, 9, 0, tzinfo=PARIS))
SEED = 7
Report = Callable[[str], None]


def dataset_path(size: str, seed: int = SEED) -> Path:
    from inventory.demo import DEMO_VERSION

    return cache_dir() / "bench" / f"{size}-seed{seed}-v{DEMO_VERSION}.db"


def ensure_dataset(size: str, report: Report, seed: int = SEED) -> Path:
    """The dataset's file, built (atomically: temp file, then rename) if missing."""
    from inventory.demo import build_demo

    path = dataset_path(size, seed)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for leftover in path.parent.glob(tmp.name + "*"):
        leftover.unlink()
    report(f"building the {size} dataset (once) in {path.parent}")
    db = open_database(tmp)
    try:
        build_demo(db, size=size, seed=seed, clock=BENCH_CLOCK, user="bench")
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
    tmp.rename(path)
    return path


def dataset_summary(path: Path, size: str) -> dict[str, Any]:
    db = open_database(path)
    try:
        with db.engine.connect() as conn:

            def count(table: str) -> int:
                return int(conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0)

            return {
                "size": size,
                "types": count("item_type"),
                "units": count("unit"),
                "cases": count("case"),
                "kits": count("kit"),
            }
    finally:
        db.dispose()


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }


def timed(fn: Callable[[], object], n: int, warmup: int = 2) -> dict[str, Any]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return summarise(samples)


def summarise(samples_ms: list[float]) -> dict[str, Any]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "median_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(p95, 3),
        "n": len(ordered),
    }


# --- operations -------------------------------------------------------------------------


def bench_startup_window(path: Path, n: int = 5) -> dict[str, Any]:
    """A fresh process: interpreter, imports, open the database, main window painted."""
    env = dict(os.environ, REGIE_DB=str(path))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [sys.executable, "-c", "from app.benchmarks import startup_probe; startup_probe()"]

    def launch() -> None:
        subprocess.run(command, env=env, check=True)

    return timed(launch, n, warmup=1)


def startup_probe() -> None:
    """Run in a child process by ``bench_startup_window``: show the window, then leave."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.bootstrap import open_context

    qInstallMessageHandler(lambda *_: None)  # the offscreen plugin's chatter is not output
    from app.gui.main import build_main_window
    from app.gui.operations import Operations, ThreadRunner

    qapp = QApplication(sys.argv[:1])
    i18n.install()
    ctx = open_context(None, demo_if_new=False)
    window = build_main_window(Operations(ctx, ThreadRunner()))
    window.show()
    qapp.processEvents()
    window.repaint()
    sys.stdout.flush()
    os._exit(0)


def bench_search_keystroke(path: Path) -> dict[str, Any]:
    """Type queries into the inventory search box, one keystroke at a time; each sample is
    one keystroke: the text changes, the table is refilled and repainted."""
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import Context
    from app.gui.inventory_screen import InventoryScreen
    from app.gui.operations import Operations, SyncRunner

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(path)
    try:
        ops = Operations(Context(db=db, clock=BENCH_CLOCK, user="bench"), SyncRunner())
        screen = InventoryScreen(ops)
        screen.resize(1280, 800)
        screen.show()
        qapp.processEvents()
        samples: list[float] = []
        for query in ("lyre", "robe", "LUM-0042", "sm58", "câble", "SN-1"):
            for round_ in range(2):
                for i in range(1, len(query) + 1):
                    start = time.perf_counter()
                    screen.search_box.setText(query[:i])
                    screen.repaint()
                    qapp.processEvents()
                    if round_:
                        samples.append((time.perf_counter() - start) * 1000)
                screen.search_box.clear()
                qapp.processEvents()
        screen.close()
        return summarise(samples)
    finally:
        db.dispose()


def bench_labels_240(path: Path) -> dict[str, Any]:
    from inventory.labels import labels_for_codes, render_labels

    db = open_database(path)
    try:
        with db.read() as uow:
            codes = [
                row[0]
                for row in uow.session.connection().exec_driver_sql(
                    "SELECT barcode FROM unit ORDER BY id LIMIT 240"
                )
            ]
            labels = labels_for_codes(uow, codes)
    finally:
        db.dispose()
    assert len(labels) == 240

    def render() -> None:
        render_labels(labels, io.BytesIO(), fmt="a4-3x8")

    return timed(render, 5, warmup=1)


OPERATIONS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "startup_window": bench_startup_window,
    "search_keystroke": bench_search_keystroke,
    "labels_240": bench_labels_240,
}


def run(size: str, only: list[str], report: Report) -> dict[str, Any]:
    unknown = [name for name in only if name not in OPERATIONS]
    if unknown:
        raise ValueError(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(OPERATIONS)}"
        )
    path = ensure_dataset(size, report)
    results: dict[str, Any] = {}
    for name, operation in OPERATIONS.items():
        if only and name not in only:
            continue
        report(f"running {name}")
        results[name] = operation(path)
    return {"dataset": dataset_summary(path, size), "machine": machine(), "results": results}
