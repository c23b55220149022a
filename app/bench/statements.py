"""Benchmark of the monthly statements (../shared/BENCHMARKS.md):

- ``statements_month``: the statements of one month for 150 customers, as the batch
  writes them (each read in its own short read transaction, rendered to PDF, written,
  then merged into the PDF to print) — target ≤ 10 s in total. The month is the one of the
  dataset with the most invoicing activity (invoices, credit notes and payments); the
  customers are the 150 of that month's statements with the most movements. The dataset is only read; the
  PDFs go to a temporary folder. Choosing the month is not timed.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from app.bench.benchmarks import BENCH_CLOCK, summarise
from app.core.db import Database
from app.core.migrate import open_database

CUSTOMERS = 150
TARGET_MS = 10_000

_BUSIEST_MONTH = """
SELECT month, count(*) AS n FROM (
    SELECT substr(issue_date, 1, 7) AS month FROM issued_document WHERE issue_date <= ?
    UNION ALL
    SELECT substr(date, 1, 7) FROM payment WHERE date <= ?
) GROUP BY month ORDER BY n DESC, month DESC LIMIT 1
"""


def busiest_month(db: Database) -> str:
    """The month with the most invoices, credit notes and payments (up to the bench's
    today); the bench's current month when there are none."""
    today = BENCH_CLOCK.today()
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql(_BUSIEST_MONTH, (today.isoformat(), today.isoformat())).first()
    return str(row[0]) if row else today.strftime("%Y-%m")


_ACTIVITY = """
SELECT customer_id, count(*) FROM (
    SELECT customer_id FROM issued_document WHERE substr(issue_date, 1, 7) = ?
    UNION ALL
    SELECT d.customer_id FROM payment p JOIN issued_document d ON d.id = p.document_id
    WHERE substr(p.date, 1, 7) = ?
) GROUP BY customer_id
"""


def _busiest_customers(db: Database, month: str, ids: list[int]) -> list[int]:
    """``ids`` with the most movements in the month first (then in their order)."""
    with db.engine.connect() as conn:
        counts: dict[int, int] = dict(conn.exec_driver_sql(_ACTIVITY, (month, month)).all())
    return sorted(ids, key=lambda i: -int(counts.get(i, 0)))


def bench_statements_month(db_path: Path, customers: int = CUSTOMERS) -> dict[str, Any]:
    """Statements of one month for ``customers`` customers: total and per statement."""
    from app.core.pdf import register_fonts
    from invoicing import statements

    today = BENCH_CLOCK.today()
    db = open_database(db_path)
    try:
        month = busiest_month(db)
        with db.read() as uow:
            ids = _busiest_customers(db, month, statements.customers_for_month(uow, month))
        ids = ids[:customers]
        stamps: list[float] = []

        def progress(_done: int, _total: int) -> None:
            stamps.append(time.perf_counter())

        register_fonts()  # once per process, as in the app: not timed
        with tempfile.TemporaryDirectory(prefix="regie-bench-statements-") as tmp:
            began = time.perf_counter()
            result = statements.run_batch(
                db, month, Path(tmp) / "out", today=today, customer_ids=ids, progress=progress
            )
            total_ms = (time.perf_counter() - began) * 1000
            merged_bytes = result.merged.stat().st_size if result.merged else 0
        per_statement = [(b - a) * 1000 for a, b in zip(stamps, stamps[1:], strict=False)]
        figures: dict[str, Any] = (
            summarise(per_statement) if per_statement else {"median_ms": 0.0, "n": 0}
        )
        figures.update(
            total_ms=round(total_ms, 1),
            target_total_ms=TARGET_MS,
            month=month,
            statements=len(result.files),
            pages=sum(t.pages for t in result.totals),
            entries_median=_entries_median(db, month, ids),
            merged_bytes=merged_bytes,
        )
        return figures
    finally:
        db.dispose()


def _entries_median(db: Database, month: str, ids: list[int]) -> float:
    """The median count of the month's movements per statement (not timed)."""
    from invoicing import statements

    if not ids:
        return 0.0
    today = BENCH_CLOCK.today()
    with db.read() as uow:
        counts = [len(statements.statement(uow, i, month, today=today).entries) for i in ids]
    return float(statistics.median(counts))


def bench_statements_month_1000(db_path: Path) -> dict[str, Any]:
    """A month of statements for 1,000 customers, merged PDF included: target ≤ 10 s."""
    raise NotImplementedError("statements_month_1000: being written (issue 14)")
