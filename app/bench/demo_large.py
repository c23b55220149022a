"""Benchmark ``demo_large`` (../shared/BENCHMARKS.md): ``regie demo --size large`` into a
new file, in its own process — target ≤ 2 minutes."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def bench_demo_large(db_path: Path) -> dict[str, Any]:
    raise NotImplementedError("demo_large: being written (issue 14)")
