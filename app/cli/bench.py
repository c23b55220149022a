"""``regie bench [--size small|large] [--only NAME]... [--json]`` and
``regie bench --workload FILE.json [--json]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import print_json

BAR_WIDTH = 30


def register(commands: Any) -> None:
    bench = commands.add_parser("bench", help="run the benchmark suite")
    bench.add_argument("--size", choices=["small", "large"], default="large")
    bench.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this benchmark (repeatable)",
    )
    bench.add_argument(
        "--workload",
        metavar="FILE.json",
        help="time the neutral workload written by ../shared/bench/workload.py instead",
    )
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.set_defaults(handler=run_bench, widgets=True)


def report(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


class ProgressBar:
    """A one-line text bar on stderr, redrawn in place: ``[#####-----]  50 % bookings``."""

    def __init__(self) -> None:
        self.shown = False
        self.last: tuple[int, str] | None = None

    def __call__(self, fraction: float, what: str) -> None:
        fraction = min(1.0, max(0.0, fraction))
        filled = round(fraction * BAR_WIDTH)
        state = (round(fraction * 100), what)
        if state == self.last:
            return
        self.last = state
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        sys.stderr.write(f"\r[{bar}] {state[0]:3d} % {what:<24}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.shown = False


def run_bench(args: argparse.Namespace) -> int:
    if args.workload:
        return run_workload_bench(args)
    from app.bench.benchmarks import OPERATIONS, run

    unknown = [name for name in args.only if name not in OPERATIONS]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(OPERATIONS)}",
            file=sys.stderr,
        )
        return 2

    bar = None if args.json else ProgressBar()

    def progress(fraction: float, what: str) -> None:
        if bar is not None:
            bar(fraction, what)

    try:
        result = run(args.size, args.only, report, progress)
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        print_json(result)
        return 0
    data = result["dataset"]
    print(
        f"dataset {data['size']}: {data['types']} types, {data['units']} units, "
        f"{data['customers']} customers, {data['bookings']} bookings, {data['lines']} lines"
    )
    _table(result["results"])
    return 0


def _table(results: dict[str, Any]) -> None:
    print(f"{'operation':<20} {'median ms':>10} {'p95 ms':>10} {'n':>5}")
    for name, figures in results.items():
        print(
            f"{name:<20} {figures['median_ms']:>10.2f} {figures['p95_ms']:>10.2f} {figures['n']:>5}"
        )


def run_workload_bench(args: argparse.Namespace) -> int:
    from app.bench.workload import run_workload

    result, mismatch = run_workload(Path(args.workload), report)
    if args.json:
        print_json(result)
    else:
        data = result["workload"]
        print(
            f"workload {data['file']}: {data['products']} products, {data['rentals']} rentals, "
            f"{data['lines']} lines, window {data['window'][0]} – {data['window'][1]}"
        )
        _table(result["results"])
        print(f"wl_book total: {result['results']['wl_book']['total_ms']:.0f} ms")
    if mismatch is not None:
        print(
            f"{mismatch.operation}: availability of {mismatch.code} is {mismatch.got}, "
            f"the reference says {mismatch.expected}",
            file=sys.stderr,
        )
        return 1
    return 0
