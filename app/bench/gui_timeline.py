"""``timeline_month`` (../shared/BENCHMARKS.md): build the timeline on a month and paint it
with 200 visible rows, every cell computed by the availability engine (SyncRunner)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from app.bench.benchmarks import BENCH_CLOCK, timed


def bench_timeline_month(db_path: Path, n: int = 10) -> dict[str, Any]:
    """Each sample: a new TimelineScreen on the benchmark clock's month, sized to show 200
    rows, painted synchronously (types read, cells computed, pixels drawn)."""
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import Context
    from app.core.migrate import open_database
    from app.gui.bookings.timeline import build_and_paint_month
    from app.gui.shell.operations import Operations, SyncRunner

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(db_path)
    try:
        ops = Operations(Context(db=db, clock=BENCH_CLOCK, user="bench"), SyncRunner())
        start = BENCH_CLOCK.today().replace(day=1) + dt.timedelta(days=0)

        def build_and_paint() -> None:
            screen = build_and_paint_month(ops, start, rows=200)
            assert screen.view.visible_row_count() >= 200
            screen.deleteLater()
            qapp.processEvents()

        return timed(build_and_paint, n, warmup=2)
    finally:
        db.dispose()
