"""``regie bench [--size small|large] [--only NAME]... [--json]``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import print_json


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
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.set_defaults(handler=run_bench, widgets=True)


def run_bench(args: argparse.Namespace) -> int:
    from app.benchmarks import OPERATIONS, run

    unknown = [name for name in args.only if name not in OPERATIONS]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(OPERATIONS)}",
            file=sys.stderr,
        )
        return 2

    def report(text: str) -> None:
        print(f"… {text}", file=sys.stderr, flush=True)

    result = run(args.size, args.only, report)
    if args.json:
        print_json(result)
        return 0
    data = result["dataset"]
    print(f"dataset {data['size']}: {data['types']} types, {data['units']} units")
    print(f"{'operation':<20} {'median ms':>10} {'p95 ms':>10} {'n':>5}")
    for name, figures in result["results"].items():
        print(
            f"{name:<20} {figures['median_ms']:>10.2f} {figures['p95_ms']:>10.2f} {figures['n']:>5}"
        )
    return 0
