"""Benchmark of the monthly statements (../shared/BENCHMARKS.md):

- ``statements_month``: the statements of one month for 150 customers, as the batch
  writes them (each read in its own short read transaction, rendered to PDF, written,
  then merged into the PDF to print) — target ≤ 10 s in total. The month is the one of the
  dataset with the most invoicing activity (invoices, credit notes and payments); the
  customers are the 150 of that month's statements with the most movements. The dataset is only read; the
  PDFs go to a temporary folder. Choosing the month is not timed.
- ``statements_month_1000``: a month of statements for 1,000 customers, merged PDF
  included — target ≤ 10 s. The month is the one with the most customers with a statement
  (invoices, payments, bookings begun in it); the customers, the 1,000 of its statements
  with the most movements (completed by the other customers if it has fewer), in
  customer-number order as the batch writes them (``choose_1000``). Reported with the CPU
  seconds of the batch and its render processes and the load average: the machine is
  shared, and the CPU seconds are what a quiet machine would share between its cores.
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


CUSTOMERS_1000 = 1000

_BUSIEST_BY_CUSTOMERS = """
SELECT month, count(DISTINCT customer_id) AS n FROM (
    SELECT substr(issue_date, 1, 7) AS month, customer_id FROM issued_document
    WHERE issue_date <= :today
    UNION ALL
    SELECT substr(p.date, 1, 7), d.customer_id FROM payment p
    JOIN issued_document d ON d.id = p.document_id WHERE p.date <= :today
    UNION ALL
    SELECT substr(use_start, 1, 7), customer_id FROM booking
    WHERE status IN ('confirmed', 'out', 'returned', 'closed') AND use_start <= :today
) GROUP BY month ORDER BY n DESC, month DESC LIMIT 1
"""

_MOVEMENTS = """
SELECT customer_id, count(*) FROM (
    SELECT customer_id FROM issued_document WHERE substr(issue_date, 1, 7) = :month
    UNION ALL
    SELECT d.customer_id FROM payment p JOIN issued_document d ON d.id = p.document_id
    WHERE substr(p.date, 1, 7) = :month
    UNION ALL
    SELECT customer_id FROM booking WHERE substr(use_start, 1, 7) = :month
    AND status IN ('confirmed', 'out', 'returned', 'closed')
) GROUP BY customer_id
"""


def choose_1000(db: Database, count: int = CUSTOMERS_1000) -> tuple[str, list[int], str]:
    """The month with the most customers with a statement (invoices, payments, bookings
    begun in it; up to the bench's today), and ``count`` of its statement's customers: the
    most movements first, then in customer-number order as the batch writes them. When the
    month has fewer, the other customers complete the count (by number: a statement with
    no movement is a statement too). Returns the month, the ids and how they were chosen."""
    from sqlalchemy import text

    from invoicing import statements

    today = BENCH_CLOCK.today()
    with db.engine.connect() as conn:
        row = conn.execute(text(_BUSIEST_BY_CUSTOMERS), {"today": today.isoformat()}).first()
        month = str(row[0]) if row else today.strftime("%Y-%m")
        moves = {int(k): int(v) for k, v in conn.execute(text(_MOVEMENTS), {"month": month})}
    with db.read() as uow:
        listed = statements.customers_for_month(uow, month, today=today)
        every = [
            int(i)
            for i in uow.session.execute(text("SELECT id FROM customer ORDER BY id")).scalars()
        ]
    order = {cid: i for i, cid in enumerate(listed)}
    busiest = sorted(listed, key=lambda i: (-moves.get(i, 0), order[i]))[:count]
    how = f"the {len(busiest)} of {len(listed)} with a statement in {month}, most movements first"
    if len(busiest) < count:
        chosen = set(busiest)
        extra = [i for i in every if i not in chosen][: count - len(busiest)]
        busiest += extra
        how += f", then {len(extra)} other customers"
    return month, sorted(busiest, key=lambda i: order.get(i, len(order) + i)), how


def bench_statements_month_1000(db_path: Path, processes: int | None = None) -> dict[str, Any]:
    """A month of statements for 1,000 customers, merged PDF included: target ≤ 10 s.
    Reported with the CPU seconds (this process and its render processes) and the load
    average when it began: the machine is shared."""
    import os

    from app.core.pdf import register_fonts
    from invoicing import statement_render, statements

    today = BENCH_CLOCK.today()
    db = open_database(db_path)
    try:
        month, ids, how = choose_1000(db)
        register_fonts()  # once per process, as in the app: not timed
        load = os.getloadavg()[0]
        with tempfile.TemporaryDirectory(prefix="regie-bench-statements-") as tmp:
            before = _cpu()
            began = time.perf_counter()
            result = statements.run_batch(
                db, month, Path(tmp) / "out", today=today, customer_ids=ids, processes=processes
            )
            total_ms = (time.perf_counter() - began) * 1000
            cpu_s = _cpu() - before
            merged_bytes = result.merged.stat().st_size if result.merged else 0
        count = len(result.files)
        return {
            "total_ms": round(total_ms, 1),
            "target_total_ms": TARGET_MS,
            "per_statement_ms": round(total_ms / max(count, 1), 2),
            "cpu_s": round(cpu_s, 2),
            "cpu_per_statement_ms": round(cpu_s * 1000 / max(count, 1), 2),
            "processes": processes or statement_render.processes_for(count),
            "load_average": round(load, 2),
            "month": month,
            "chosen": how,
            "statements": count,
            "pages": sum(t.pages for t in result.totals),
            "merged_bytes": merged_bytes,
        }
    finally:
        db.dispose()


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    import resource  # POSIX

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return float(own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime)
