"""Benchmark ``list_page`` (../shared/BENCHMARKS.md): one page of ``bookings list --search``
on the large dataset — target ≤ 100 ms."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def bench_list_page(db_path: Path) -> dict[str, Any]:
    raise NotImplementedError("list_page: being written (issue 14)")
