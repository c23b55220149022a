"""Benchmark ``list_page`` (../shared/BENCHMARKS.md): one page of ``bookings list --search``
on the large dataset — target ≤ 100 ms.

- ``median_ms`` (the figure held to the target): in this process, what ``regie bookings list
  --search Lyre --limit 50 --json`` does once the database is open — a read transaction,
  the search cut to one page by the database, the rows written as JSON (to memory) —
  through the very function the command calls (``app.cli.bookings.print_bookings``).
- ``process``: the same command in its own process (interpreter, imports, opening the
  database, the page, the print), reported apart, beside ``regie --version`` (``startup``:
  what any command costs before it reads anything).
- ``whole``: ``regie bookings list --search Lyre --json`` without ``--limit`` (every match,
  streamed): seconds and megabytes, once.

The dataset is only read.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from app.bench.benchmarks import summarise, timed
from app.core.migrate import open_database

SEARCH = "Lyre"
PAGE = 50
TARGET_MS = 100


def _page_once(path: Path) -> Any:
    from app.cli.bookings import print_bookings
    from app.cli.output import Page

    db = open_database(path)

    def one_page() -> int:
        with db.read() as uow, redirect_stdout(io.StringIO()):
            return print_bookings(uow, SEARCH, page=Page(PAGE, 0), as_json=True)

    return db, one_page


#: ``regie`` as its console script runs it.
_REGIE = [
    sys.executable,
    "-c",
    "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
]


def _command(path: Path, *args: str) -> list[str]:
    return [*_REGIE, "--db", str(path), *args]


def _run(command: list[str]) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(command, env=env, check=True, capture_output=True)


def _process_ms(command: list[str], n: int) -> dict[str, Any]:
    samples = []
    for i in range(n + 1):
        start = time.perf_counter()
        _run(command)
        if i:  # the first run warms the file cache
            samples.append((time.perf_counter() - start) * 1000)
    return summarise(samples)


def bench_list_page(db_path: Path) -> dict[str, Any]:
    db, one_page = _page_once(db_path)
    try:
        rows = one_page()
        result: dict[str, Any] = timed(one_page, 20)
    finally:
        db.dispose()
    page_args = ["bookings", "list", "--search", SEARCH, "--limit", str(PAGE), "--json"]
    result.update(
        rows=rows,
        target_ms=TARGET_MS,
        ok=result["median_ms"] <= TARGET_MS,
        process=_process_ms(_command(db_path, *page_args), 3),
        startup=_process_ms([*_REGIE, "--version"], 3),
    )
    start = time.perf_counter()
    whole = _run(_command(db_path, "bookings", "list", "--search", SEARCH, "--json"))
    result["whole"] = {
        "seconds": round(time.perf_counter() - start, 2),
        "megabytes": round(len(whole.stdout) / 1e6, 1),
        "rows": whole.stdout.count(b"\n  {\n"),
    }
    return result
