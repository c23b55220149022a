"""``regie bench``: deterministic datasets and timed operations (../shared/BENCHMARKS.md).

Datasets are built once into the user's cache directory, keyed by size, seed and the
demo generators' versions (catalogue, then customers and bookings, then rates and
invoices), then reused. Each operation is warmed up, then timed; figures
are wall-clock milliseconds (median, p95) on this machine.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
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
#: ``progress(fraction done, what)`` while a dataset is built.
Progress = Callable[[float, str], None]


def dataset_path(size: str, seed: int = SEED) -> Path:
    from app.core.migrate import HEAD
    from app.demo.booking import BOOKINGS_DEMO_VERSION
    from app.demo.inventory import DEMO_VERSION
    from app.demo.invoicing import INVOICING_DEMO_VERSION

    # Keyed by the generators and the schema: a new migration builds a fresh dataset
    # (rather than upgrading, and backing up, a large cached file).
    version = (
        f"{DEMO_VERSION}.{BOOKINGS_DEMO_VERSION}.{INVOICING_DEMO_VERSION}-{HEAD.split('_')[0]}"
    )
    return cache_dir() / "bench" / f"{size}-seed{seed}-v{version}.db"


def ensure_dataset(
    size: str, report: Report, seed: int = SEED, progress: Progress | None = None
) -> Path:
    """The dataset's file, built if missing by the builder ``regie demo`` uses
    (``app.first_start.build_demo_file``: a private file, its invoices' PDFs rendered by a
    pool of processes, published whole), as of ``BENCH_CLOCK``, then given the planner's
    statistics and renamed into place."""
    from app.first_start import Step, build_demo_file

    step = progress or (lambda _fraction, _what: None)

    path = dataset_path(size, seed)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for leftover in path.parent.glob(tmp.name + "*"):
        leftover.unlink()
    report(f"building the {size} dataset (once) in {path.parent}")

    def building(at: Step) -> None:
        step(at.fraction, at.stage)

    build_demo_file(tmp, size=size, seed=seed, clock=BENCH_CLOCK, user="bench", progress=building)
    raw = sqlite3.connect(tmp)
    try:
        raw.execute("ANALYZE")  # planner statistics, as a long-lived file has them
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
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
                "customers": count("customer"),
                "bookings": count("booking"),
                "lines": count("booking_line"),
                "invoices": count("issued_document"),
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
    command = [
        sys.executable,
        "-c",
        "from app.bench.benchmarks import startup_probe; startup_probe()",
    ]

    def launch() -> None:
        subprocess.run(command, env=env, check=True)

    return timed(launch, n, warmup=1)


def startup_probe() -> None:
    """Run in a child process by ``bench_startup_window``: show the window, then leave."""
    from PySide6.QtCore import qInstallMessageHandler

    from app import i18n
    from app.bootstrap import open_context

    qInstallMessageHandler(lambda *_: None)  # the offscreen plugin's chatter is not output
    from app.gui.shell.launch import gui_application
    from app.gui.shell.main import build_main_window
    from app.gui.shell.operations import Operations, ThreadRunner

    qapp = gui_application()  # as ``regie`` makes it: the theme and its style sheet applied
    i18n.install()
    ctx = open_context(None, demo_if_new=False)
    window = build_main_window(Operations(ctx, ThreadRunner()))
    window.show()
    qapp.processEvents()
    window.repaint()
    sys.stdout.flush()
    if os.environ.get("REGIE_STARTUP_PROFILE"):
        return  # a profiler wants the interpreter to finish normally
    os._exit(0)


def bench_search_keystroke(path: Path) -> dict[str, Any]:
    """Type queries into the inventory search box, one keystroke at a time; each sample is
    one keystroke: the text changes, the table is refilled and repainted."""
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import Context
    from app.gui.catalogue.inventory_screen import InventoryScreen
    from app.gui.shell.operations import Operations, SyncRunner

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


# --- availability -----------------------------------------------------------------------

#: The benchmarks' 31-day window starts a month after the dataset's "today".
WINDOW_OFFSET_DAYS = 30
WINDOW_DAYS = 31


def bench_now() -> dt.datetime:
    return BENCH_CLOCK.local_now()


def bench_window() -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(
        BENCH_CLOCK.today() + dt.timedelta(days=WINDOW_OFFSET_DAYS), dt.time()
    )
    return start, start + dt.timedelta(days=WINDOW_DAYS)


def _sql_time(value: dt.datetime) -> str:
    """A date-time as SQLAlchemy stores it in SQLite, for raw comparisons."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def busiest_type(path: Path) -> int:
    """The type holding the most stock (quantity × bookings) in the window."""
    start, end = bench_window()
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            row = conn.exec_driver_sql(
                "SELECT l.item_type_id FROM booking_line l JOIN booking b ON b.id = l.booking_id"
                " WHERE b.status IN ('confirmed', 'out') AND b.start < ? AND b.\"end\" > ?"
                " GROUP BY l.item_type_id ORDER BY sum(l.quantity) DESC, l.item_type_id LIMIT 1",
                (_sql_time(end), _sql_time(start)),
            ).first()
            if row is None:
                row = conn.exec_driver_sql("SELECT min(id) FROM item_type").first()
            assert row is not None
            return int(row[0])
    finally:
        db.dispose()


def bench_availability_one(path: Path) -> dict[str, Any]:
    """Availability of one busy type over the 31-day window."""
    from booking.availability import availability

    type_id = busiest_type(path)
    start, end = bench_window()
    now = bench_now()
    db = open_database(path)
    try:
        with db.read() as uow:
            return timed(lambda: availability(uow, type_id, start, end, now=now), 200, warmup=5)
    finally:
        db.dispose()


def bench_shortages_all(path: Path) -> dict[str, Any]:
    """Shortages of the whole catalogue over the 31-day window."""
    from booking.availability import shortages

    start, end = bench_window()
    now = bench_now()
    db = open_database(path)
    try:
        with db.read() as uow:
            return timed(lambda: shortages(uow, start, end, now=now), 10, warmup=1)
    finally:
        db.dispose()


def bench_confirm_10_lines(path: Path, n: int = 50, warmup: int = 2) -> dict[str, Any]:
    """Create and confirm a 10-line booking that fits, each in its own write transaction,
    on a copy of the dataset (the cached one stays clean). Choosing lines that fit is not
    timed."""
    from booking.availability import availability_many
    from booking.bookings import BookingData, Line, create_booking

    rng = random.Random(SEED)
    now = bench_now()
    with tempfile.TemporaryDirectory(prefix="regie-bench-") as tmp:
        copy = Path(tmp) / path.name
        shutil.copy(path, copy)
        db = open_database(copy)
        try:
            with db.read() as uow:
                customer = str(
                    uow.session.connection()
                    .exec_driver_sql("SELECT number FROM customer ORDER BY id LIMIT 1")
                    .scalar()
                )
                codes: dict[int, str] = dict(
                    uow.session.connection().exec_driver_sql("SELECT id, code FROM item_type").all()
                )
            samples = []
            for i in range(warmup + n):
                start = dt.datetime.combine(
                    BENCH_CLOCK.today() + dt.timedelta(days=7 + i % 90), dt.time(10)
                )
                end = start + dt.timedelta(days=3)
                with db.read() as uow:  # a day's margin covers every type's buffers
                    free = availability_many(
                        uow, start - dt.timedelta(days=1), end + dt.timedelta(days=1), now=now
                    )
                fits = sorted(t for t, a in free.items() if a.available >= 1)
                lines = [Line(codes[t], 1) for t in rng.sample(fits, 10)]
                data = BookingData(customer=customer, start=start, end=end, lines=lines)
                began = time.perf_counter()
                with db.write() as uow:
                    create_booking(uow, user="bench", data=data, clock=BENCH_CLOCK, confirm=True)
                if i >= warmup:
                    samples.append((time.perf_counter() - began) * 1000)
            return summarise(samples)
        finally:
            db.dispose()


def _lazy(module: str, name: str) -> Callable[[Path], dict[str, Any]]:
    """A benchmark living beside what it measures, imported only when it runs."""
    import importlib

    benchmark: Callable[[Path], dict[str, Any]] = getattr(importlib.import_module(module), name)
    return benchmark


OPERATIONS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "startup_window": bench_startup_window,
    "search_keystroke": bench_search_keystroke,
    "labels_240": bench_labels_240,
    "availability_one": bench_availability_one,
    "shortages_all": bench_shortages_all,
    "confirm_10_lines": bench_confirm_10_lines,
    "timeline_month": lambda path: _lazy("app.bench.gui_timeline", "bench_timeline_month")(path),
    "scan_decision": lambda path: _lazy("app.bench.desk", "bench_scan_decision")(path),
    "scan_gui": lambda path: _lazy("app.bench.gui_desk", "bench_scan_gui")(path),
    "invoice_pdf": lambda path: _lazy("app.bench.invoice", "bench_invoice_pdf")(path),
    "statements_month": lambda path: _lazy("app.bench.statements", "bench_statements_month")(path),
    "utilisation_year": lambda path: _lazy("app.bench.reports", "bench_utilisation_year")(path),
    "first_start": lambda path: _lazy("app.bench.first_start", "bench_first_start")(path),
    "demo_large": lambda path: _lazy("app.bench.demo_large", "bench_demo_large")(path),
    "statements_month_1000": lambda path: _lazy(
        "app.bench.statements", "bench_statements_month_1000"
    )(path),
    "report_10y": lambda path: _lazy("app.bench.reports", "bench_report_10y")(path),
    "list_page": lambda path: _lazy("app.bench.lists", "bench_list_page")(path),
}


#: Operations that build what they measure (a new file, a new user's first start).
SELF_CONTAINED = frozenset({"demo_large", "first_start"})


def run(
    size: str, only: list[str], report: Report, progress: Progress | None = None
) -> dict[str, Any]:
    unknown = [name for name in only if name not in OPERATIONS]
    if unknown:
        raise ValueError(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(OPERATIONS)}"
        )
    if only and set(only) <= SELF_CONTAINED:
        # these build what they measure: the cached dataset is neither built nor read
        results: dict[str, Any] = {}
        for name in only:
            report(f"running {name}")
            results[name] = OPERATIONS[name](dataset_path(size))
        return {"dataset": {"size": size}, "machine": machine(), "results": results}
    path = ensure_dataset(size, report, progress=progress)
    results = {}
    for name, operation in OPERATIONS.items():
        if only and name not in only:
            continue
        report(f"running {name}")
        results[name] = operation(path)
    return {"dataset": dataset_summary(path, size), "machine": machine(), "results": results}
