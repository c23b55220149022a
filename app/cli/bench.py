"""``regie bench [--size small|large] [--only NAME]... [--json]``,
``regie bench --workload FILE.json [--engine sqlite|postgresql | --both] [--url URL] [--json]``
and ``regie bench --contention [--seconds 60] [--workers 4] [--engine … | --both] [--url URL]``.

PostgreSQL figures carry the SQLite names prefixed ``pg_`` (``pg_wl_book``,
``pg_contention_4``…); with ``--both`` each has a ``ratio`` to the SQLite figure measured
in the same run (median, or p95 for the contention run). The server's database named by
``--url`` (or REGIE_DB / --db when it is a PostgreSQL URL) is never written: the bench
creates a database of its own beside it and drops it afterwards."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import print_json
from app.i18n import tr

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
    bench.add_argument(
        "--contention",
        action="store_true",
        help=tr("cli", "several workstations (processes) confirming and scanning at once"),
    )
    bench.add_argument(
        "--seconds",
        type=float,
        default=60.0,
        help=tr("cli", "length of the contention run (default 60)"),
    )
    bench.add_argument(
        "--workers",
        type=int,
        default=4,
        help=tr("cli", "workstations of the contention run (default 4)"),
    )
    bench.add_argument(
        "--engine",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help=tr("cli", "database engine of --workload / --contention (default sqlite)"),
    )
    bench.add_argument(
        "--both",
        action="store_true",
        help=tr("cli", "run on SQLite and on PostgreSQL, side by side"),
    )
    bench.add_argument(
        "--url",
        metavar="URL",
        help=tr("cli", "the PostgreSQL server; default REGIE_DB or --db when it is one"),
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


def _usage(sentence: str) -> int:
    print(sentence, file=sys.stderr)
    return 2


def _engines(args: argparse.Namespace) -> list[str]:
    return ["sqlite", "postgresql"] if args.both else [args.engine]


def _server_url(args: argparse.Namespace) -> str | None:
    """The PostgreSQL server: --url, else REGIE_DB or --db when it names one."""
    import os

    from app.core import paths

    for candidate in (args.url, os.environ.get("REGIE_DB"), getattr(args, "db", None)):
        if candidate and paths.is_postgresql(candidate):
            return str(candidate)
    return args.url


def run_bench(args: argparse.Namespace) -> int:
    engines = _engines(args)
    if args.contention and args.workload:
        return _usage(tr("cli", "--contention and --workload are two different runs: choose one."))
    if (args.contention or args.workload) and args.only:
        return _usage(
            tr("cli", "--only chooses among the dataset's operations, not with this run.")
        )
    if "postgresql" in engines and not (args.workload or args.contention):
        return _usage(
            tr(
                "cli",
                "PostgreSQL figures come from --workload FILE.json or --contention (the dataset suite runs on SQLite).",  # noqa: E501
            )
        )
    if args.url and "postgresql" in engines:
        from app.core import paths

        if not paths.is_postgresql(args.url):
            return _usage(
                tr(
                    "cli",
                    "--url {url} is not a PostgreSQL server's URL (postgresql+psycopg://USER@/DB?host=SOCKET_FOLDER&port=PORT).",  # noqa: E501
                ).format(url=paths.display_url(args.url))
            )
    if "postgresql" in engines and not _server_url(args):
        return _usage(
            tr(
                "cli",
                "--engine postgresql needs the server: --url postgresql+psycopg://USER@/DB?host=SOCKET_FOLDER&port=PORT (or REGIE_DB set to it).",  # noqa: E501
            )
        )
    if args.contention:
        if not 0 < args.seconds <= 24 * 3600:
            return _usage(tr("cli", "--seconds must be more than 0 (and at most a day)."))
        if not 1 <= args.workers <= 64:
            return _usage(tr("cli", "--workers must be between 1 and 64."))
        return run_contention_bench(args, engines)
    if args.workload:
        return run_workload_bench(args, engines)
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
    if "types" in data:  # not when only self-contained operations ran (demo_large…)
        print(
            f"dataset {data['size']}: {data['types']} types, {data['units']} units, "
            f"{data['customers']} customers, {data['bookings']} bookings, {data['lines']} lines"
        )
    _table(result["results"])
    return 0


def _table(results: dict[str, Any]) -> None:
    print(f"{'operation':<20} {'median ms':>10} {'p95 ms':>10} {'n':>5}")
    for name, figures in results.items():
        cells = [_cell(figures.get("median_ms")), _cell(figures.get("p95_ms"))]
        n = figures.get("n", "—")
        print(f"{name:<20} {cells[0]:>10} {cells[1]:>10} {n:>5}")


def _cell(value: object) -> str:
    """A figure to two decimals, or a dash where the operation has none."""
    return f"{value:.2f}" if isinstance(value, int | float) else "—"


def run_workload_bench(args: argparse.Namespace, engines: list[str]) -> int:
    from app.bench.workload import run_workload

    url = _server_url(args)
    runs = {}
    mismatch = None
    bound = None  # the raw-SQL lower bound: measured once, in the first engine's run
    for engine in engines:
        report(f"workload on {engine}")
        result, wrong = run_workload(Path(args.workload), report, engine, url, bound)
        runs[engine] = result
        mismatch = mismatch or wrong
        bound = {k: v for k, v in result["results"].items() if k.endswith("_bound")}
    result = _side_by_side(runs, "median_ms")
    if "postgresql" in engines and url:
        from app.bench.engines import server_settings

        result["postgresql"] = server_settings(url)
    if len(engines) > 1:
        result["pg_target"] = _pg_target(result["results"])
    if args.json:
        print_json(result)
    else:
        data = result["workload"]
        print(
            f"workload {data['file']}: {data['products']} products, {data['rentals']} rentals, "
            f"{data['lines']} lines, window {data['window'][0]} – {data['window'][1]}"
        )
        _engine_table(result["results"], engines)
        _settings(result)
        for engine in engines:
            name = "wl_book" if engine == "sqlite" else "pg_wl_book"
            print(f"{name} total: {result['results'][name]['total_ms']:.0f} ms")
        if "pg_target" in result:
            _print_pg_target(result["pg_target"])
    if mismatch is not None:
        print(
            f"{mismatch.operation}: availability of {mismatch.code} is {mismatch.got}, "
            f"the reference says {mismatch.expected}",
            file=sys.stderr,
        )
        return 1
    return 0


def _side_by_side(runs: dict[str, dict[str, Any]], figure: str) -> dict[str, Any]:
    """One result: SQLite's figures under their names, PostgreSQL's prefixed ``pg_``
    (with ``ratio`` = PostgreSQL ÷ SQLite on ``figure`` when both ran)."""
    first = next(iter(runs.values()))
    merged = {key: value for key, value in first.items() if key != "results"}
    merged["engine"] = "both" if len(runs) > 1 else next(iter(runs))
    results: dict[str, Any] = {}
    sqlite = runs.get("sqlite", {}).get("results", {})
    results.update(sqlite)
    for name, figures in runs.get("postgresql", {}).get("results", {}).items():
        if name.endswith("_bound"):  # plain sqlite3: one bound, under its own name
            results.setdefault(name, figures)
            continue
        entry = dict(figures)
        base = sqlite.get(name, {}).get(figure)
        if base:
            entry["ratio"] = round(entry[figure] / base, 2)
        results[f"pg_{name}"] = entry
    merged["results"] = results
    if "matched" in first:
        merged["matched"] = all(run["matched"] for run in runs.values())
        wrong = [run["mismatch"] for run in runs.values() if "mismatch" in run]
        if wrong:
            merged["mismatch"] = wrong[0]
        else:
            merged.pop("mismatch", None)
    return merged


#: BENCHMARKS.md ``pg_*``: these operations on PostgreSQL within this factor of SQLite's
#: median measured in the same run.
PG_TARGET_OPERATIONS = ("wl_book", "wl_availability_one", "wl_pickup", "wl_return", "wl_invoice")
PG_TARGET_RATIO = 2.0


def _pg_target(results: dict[str, Any]) -> dict[str, Any]:
    """The ``pg_*`` target: each operation's PostgreSQL ÷ SQLite median, and whether every
    one is within ``PG_TARGET_RATIO``."""
    ratios = {
        name: results[f"pg_{name}"]["ratio"]
        for name in PG_TARGET_OPERATIONS
        if "ratio" in results.get(f"pg_{name}", {})
    }
    return {
        "limit": PG_TARGET_RATIO,
        "ratios": ratios,
        "met": bool(ratios) and all(r <= PG_TARGET_RATIO for r in ratios.values()),
    }


def _print_pg_target(target: dict[str, Any]) -> None:
    cells = ", ".join(
        f"{name} {ratio:.2f}{'' if ratio <= target['limit'] else ' (over)'}"
        for name, ratio in target["ratios"].items()
    )
    verdict = "met" if target["met"] else "not met"
    print(f"PostgreSQL ÷ SQLite, target ≤ {target['limit']:g}: {cells} — {verdict}")


def _settings(result: dict[str, Any]) -> None:
    server = result.get("postgresql")
    if server:
        chosen = server["synchronous_commit"]
        given = server.get("server_synchronous_commit", chosen)
        print(
            f"PostgreSQL {server['server_version']}: synchronous_commit {chosen} in Régie's "
            f"sessions (the server's: {given}), fsync {server['fsync']} "
            "(SQLite: WAL, synchronous NORMAL)"
        )


def _engine_table(results: dict[str, Any], engines: list[str]) -> None:
    """Median and p95 per operation, one column pair per engine, and the ratio."""
    names = [n for n in results if not n.startswith("pg_") and not n.endswith("_bound")]
    if engines == ["postgresql"]:
        names = [n[3:] for n in results if n.startswith("pg_")]
    has_bound = any(n.endswith("_bound") for n in results)
    head = f"{'operation':<22}"
    if has_bound:
        head += f" {'bound median':>13}"
    for engine in engines:
        label = "SQLite" if engine == "sqlite" else "PostgreSQL"
        head += f" {label + ' median':>18} {'p95 ms':>9}"
        if has_bound:
            head += f" {'÷ bound':>8}"
    if len(engines) > 1:
        head += f" {'PG ÷ SQLite':>12}"
    print(head)
    for name in names:
        line = f"{name:<22}"
        if has_bound:
            line += f" {_cell(results.get(name + '_bound', {}).get('median_ms')):>13}"
        for engine in engines:
            figures = results.get(name if engine == "sqlite" else f"pg_{name}", {})
            line += f" {_cell(figures.get('median_ms')):>18} {_cell(figures.get('p95_ms')):>9}"
            if has_bound:
                ratio = figures.get("bound_ratio")
                line += f" {f'{ratio:.1f}' if isinstance(ratio, int | float) else '—':>8}"
        if len(engines) > 1 and "ratio" in results.get(f"pg_{name}", {}):
            line += f" {results[f'pg_{name}']['ratio']:>12.2f}"
        print(line)


def run_contention_bench(args: argparse.Namespace, engines: list[str]) -> int:
    from app.bench.benchmarks import machine
    from app.bench.contention import run_contention
    from app.bench.engines import fresh_target

    url = _server_url(args)
    name = f"contention_{args.workers}"
    runs = {}
    for engine in engines:
        with fresh_target(engine, url, "contention") as target:
            report(f"contention on {engine}")
            figures = run_contention(
                target, seconds=args.seconds, workers=args.workers, report=report
            )
        runs[engine] = {"results": {name: figures}}
    result = _side_by_side(runs, "p95_ms")
    result = {
        "contention": {"seconds": args.seconds, "workers": args.workers},
        "machine": machine(),
        "engine": result["engine"],
        "results": result["results"],
    }
    if "postgresql" in engines and url:
        from app.bench.engines import server_settings

        result["postgresql"] = server_settings(url)
    failed = [
        (key, figures)
        for key, figures in result["results"].items()
        if figures["errors"] or figures["over_bookings"] or figures["lost_writes"]
    ]
    result["passed"] = not failed
    if args.json:
        print_json(result)
    else:
        _contention_table(result["results"], engines, name)
        _settings(result)
    for key, figures in failed:
        print(
            f"{key}: {figures['errors']} error(s), {figures['over_bookings']} over-booking(s), "
            f"{figures['lost_writes']} write(s) not found as reported"
            + (f"; first: {figures['error_samples'][0]}" if figures["error_samples"] else ""),
            file=sys.stderr,
        )
    return 1 if failed else 0


def _contention_table(results: dict[str, Any], engines: list[str], name: str) -> None:
    rows = [
        ("operations", "ops", "{:.0f}"),
        ("throughput (ops/s)", "ops_per_s", "{:.1f}"),
        ("median latency (ms)", "median_ms", "{:.2f}"),
        ("p95 latency (ms)", "p95_ms", "{:.2f}"),
        ("errors", "errors", "{:.0f}"),
        ("over-bookings", "over_bookings", "{:.0f}"),
        ("lost writes", "lost_writes", "{:.0f}"),
    ]
    columns = [(engine, name if engine == "sqlite" else f"pg_{name}") for engine in engines]
    first = results[columns[0][1]]
    print(f"{name}: {first['workers']} workstations, {first['seconds']:g} s")
    head = f"{'':<24}" + "".join(
        f" {('SQLite' if engine == 'sqlite' else 'PostgreSQL'):>18}" for engine, _ in columns
    )
    print(head)
    for label, key, fmt in rows:
        print(f"{label:<24}" + "".join(f" {fmt.format(results[k][key]):>18}" for _, k in columns))
    for kind in first["operations"]:
        cells = []
        for _, key in columns:
            op = results[key]["operations"].get(kind, {})
            cells.append(f"{op.get('accepted', 0)}/{op.get('n', 0)} {op.get('p95_ms', 0):.0f}ms")
        print(f"{'  ' + kind + ' ok/n p95':<24}" + "".join(f" {c:>18}" for c in cells))
