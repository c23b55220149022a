"""``scan_gui`` (../shared/BENCHMARKS.md): scanner keystrokes to the banner painted on the
desk, over ~100 scans of a confirmed booking, on a copy of the given database.

The given file is only read (SQLite's backup API through a read-only connection); the
booking is created through the services on the copy, in a temporary directory. Each sample
runs from the first keystroke of a scan (``QTest.keyClicks`` then Enter, as a scanner types)
to the banner's paint event: the scan is decided and committed, the booking's lines are
reloaded, and the banner is repainted synchronously.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.bench.benchmarks import BENCH_CLOCK, summarise

SCANS = 100
WARMUP = 5


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _free_units(uow: Any, count: int) -> dict[str, list[str]]:
    """Serviceable units in the warehouse, no inspection overdue: barcodes by type code."""
    from sqlmodel import col, func, select

    from app.core.db import id_column
    from booking import desk
    from inventory.models import InspectionDue, ItemType, Unit, UnitStatus

    overdue = select(InspectionDue.unit_id).where(col(InspectionDue.due_on) < BENCH_CLOCK.today())
    query = (
        select(id_column(Unit), Unit.barcode, ItemType.code)
        .join(ItemType, id_column(ItemType) == col(Unit.item_type_id))
        .where(
            Unit.status == UnitStatus.IN_SERVICE.value,
            id_column(Unit).not_in(overdue),
        )
        .order_by(func.random())
        .limit(count * 4)
    )
    chosen: dict[str, list[str]] = {}
    taken = 0
    for unit_id, barcode, code in uow.session.exec(query):
        if desk.where_is(uow, unit_id) is not None:
            continue
        chosen.setdefault(code, []).append(barcode)
        taken += 1
        if taken >= count:
            break
    return chosen


def _make_booking(db: Any, count: int) -> tuple[str, list[str]]:
    from booking import bookings, customers
    from booking.bookings import ShortageError

    with db.write() as uow:
        customer = customers.save_customer(
            uow, user="bench", data=customers.parse_customer({"name": "Festival du banc d’essai"})
        ).number
    with db.read() as uow:
        units = _free_units(uow, count)
    start = dt.datetime.combine(BENCH_CLOCK.today(), dt.time(10, 0))
    while units:
        data = bookings.BookingData(
            customer=customer,
            start=start,
            end=start + dt.timedelta(days=2),
            event="Bench",
            lines=[bookings.Line(code, len(codes)) for code, codes in units.items()],
        )
        try:
            with db.write() as uow:
                ref = bookings.create_booking(
                    uow, user="bench", data=data, clock=BENCH_CLOCK, confirm=True
                ).reference
            return ref, [c for codes in units.values() for c in codes]
        except ShortageError as err:  # held by other bookings then: leave those types out
            for shortage in err.shortages:
                units.pop(shortage.code, None)
    raise RuntimeError("no free units to book in the dataset")


def bench_scan_gui(db_path: Path | str, n: int = SCANS) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import Context
    from app.core.migrate import open_database
    from app.gui.desk.desk_screen import DeskScreen
    from app.gui.shell.operations import Operations, SyncRunner

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="regie-scan-gui-") as folder:
        copy = Path(folder) / "bench.db"
        _copy(Path(db_path), copy)
        db = open_database(copy)
        try:
            reference, codes = _make_booking(db, n + WARMUP)
            ops = Operations(Context(db=db, clock=BENCH_CLOCK, user="bench"), SyncRunner())
            screen = DeskScreen(ops, station="bench")
            screen.sounds.enabled = False
            screen.resize(1280, 800)
            screen.show()
            qapp.processEvents()

            class Painted(QObject):
                count = 0

                def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
                    if event.type() == QEvent.Type.Paint:
                        Painted.count += 1
                    return False

            painted = Painted()
            screen.banner.installEventFilter(painted)

            def scan(code: str) -> float:
                before = Painted.count
                start = time.perf_counter()
                QTest.keyClicks(screen.scan_field, code)
                QTest.keyClick(screen.scan_field, Qt.Key.Key_Return)
                elapsed = (time.perf_counter() - start) * 1000
                assert Painted.count > before, "the banner was not painted"
                return elapsed

            scan(reference)
            samples, accepted = [], 0
            for number, code in enumerate(codes):
                elapsed = scan(code)
                if number >= WARMUP:
                    samples.append(elapsed)
                    accepted += screen.banner.kind == "ok"
                qapp.processEvents()
            screen.close()
            screen.deleteLater()
            qapp.processEvents()
            return {**summarise(samples), "accepted": accepted, "booking": reference}
        finally:
            db.dispose()


if __name__ == "__main__":
    import json

    from app.bench.benchmarks import dataset_path

    print(json.dumps(bench_scan_gui(sys.argv[1] if len(sys.argv) > 1 else dataset_path("large"))))
