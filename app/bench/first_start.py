"""``first_start`` benchmark (../shared/BENCHMARKS.md): a new user's first ``regie`` —
fresh data, cache and config directories, no REGIE_DB — in a process of its own; measured
from launching the process to the first window shown, and to the main window shown on the
complete demo database. Targets: window ≤ 1.5 s, demo ready ≤ 20 s.

The GUI process writes the two moments to the file named by ``REGIE_FIRST_START_PROBE``
(``app.gui.shell.launch``) and quits once the main window is shown."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RUNS = 3
DEADLINE = 600  # seconds: a whole build on a very busy machine


def one_first_start() -> tuple[float, float]:
    """(window, ready) in milliseconds after the process was launched."""
    home = Path(tempfile.mkdtemp(prefix="regie-first-start-"))
    try:
        probe = home / "probe"
        env = {
            **os.environ,
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "REGIE_FIRST_START_PROBE": str(probe),
        }
        env.pop("REGIE_DB", None)
        if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            env["QT_QPA_PLATFORM"] = "offscreen"
        command = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main([]))"]
        began = time.time()
        subprocess.run(
            command,
            env=env,
            check=True,
            timeout=DEADLINE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        moments = dict(line.split() for line in probe.read_text().splitlines() if line.strip())
        return (
            (float(moments["window"]) - began) * 1000,
            (float(moments["ready"]) - began) * 1000,
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)


def bench_first_start(_path: Path, runs: int = RUNS) -> dict[str, Any]:
    from app.bench.benchmarks import summarise

    windows, readies = [], []
    for _ in range(runs):
        window, ready = one_first_start()
        windows.append(window)
        readies.append(ready)
    shown = summarise(windows)
    return {
        **summarise(readies),
        "window_median_ms": shown["median_ms"],
        "window_p95_ms": shown["p95_ms"],
    }
