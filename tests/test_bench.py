"""``regie bench``: the JSON contract of the availability benchmarks (small dataset, cache in
the per-test XDG_CACHE_HOME) and of ``--workload`` on a tiny generated workload."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

GENERATOR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "workload.py"
FIGURES = {"median_ms", "p95_ms", "n"}


def _run(capsys, argv: list[str]) -> tuple[int, dict, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else {}), err


@pytest.mark.slow
def test_bench_small_availability_one_json(capsys):
    code, result, _err = _run(
        capsys, ["bench", "--size", "small", "--only", "availability_one", "--json"]
    )
    assert code == 0
    data = result["dataset"]
    assert data["size"] == "small" and data["types"] >= 60
    assert data["customers"] == 200 and data["bookings"] > 300 and data["lines"] > data["bookings"]
    assert set(result["results"]) == {"availability_one"}
    figures = result["results"]["availability_one"]
    assert set(figures) >= FIGURES and figures["n"] == 200
    assert set(result["machine"]) == {"python", "cpus", "platform"}
    assert data["invoices"] > 0  # the invoicing demo ran (rates, invoices)
    # the cached dataset is reused, and its name carries the three generators' versions
    from app.bench.benchmarks import dataset_path
    from app.demo.booking import BOOKINGS_DEMO_VERSION
    from app.demo.inventory import DEMO_VERSION
    from app.demo.invoicing import INVOICING_DEMO_VERSION

    version = f"-v{DEMO_VERSION}.{BOOKINGS_DEMO_VERSION}.{INVOICING_DEMO_VERSION}-"
    assert version in dataset_path("small").name
    assert dataset_path("small").exists()


def test_invoice_pdf_is_registered():
    from app.bench.benchmarks import OPERATIONS

    assert "invoice_pdf" in OPERATIONS


def test_unknown_benchmark_is_a_usage_error(capsys):
    assert main(["bench", "--only", "no_such_thing"]) == 2
    assert "unknown benchmark" in capsys.readouterr().err


@pytest.fixture
def tiny_workload(tmp_path) -> Path:
    if not GENERATOR.exists():
        pytest.skip("the neutral workload generator (../shared/bench/workload.py) is absent")
    path = tmp_path / "w.json"
    subprocess.run(
        [
            sys.executable,
            str(GENERATOR),
            "--products",
            "25",
            "--rentals",
            "120",
            "--anchor",
            "2026-11-26",
            "--dump",
            str(path),
        ],
        check=True,
    )
    return path


def test_workload_answers_match_the_reference(capsys, tiny_workload):
    code, result, _err = _run(capsys, ["bench", "--workload", str(tiny_workload), "--json"])
    assert code == 0 and result["matched"] is True
    assert result["workload"]["products"] == 25 and result["workload"]["rentals"] == 120
    assert result["workload"]["window"] == ["2026-12-26", "2027-01-25"]
    results = result["results"]
    operations = {
        "wl_book",
        "wl_availability_one",
        "wl_availability_all",
        "wl_pickup",
        "wl_return",
        "wl_invoice",
    }
    # the raw-SQL lower bound of the same work, measured in the same run, beside each figure
    # (issuing with the PDF has none: rendering and validating is no SQL work)
    bounds = {f"{name}_bound" for name in operations}
    assert set(results) == operations | bounds | {"wl_invoice_pdf"}
    for name in operations:
        assert set(results[f"{name}_bound"]) >= FIGURES
        assert results[name]["bound_ratio"] > 0
    assert results["wl_availability_all_bound"]["mismatches"] == 0
    assert results["wl_invoice_bound"]["n"] == results["wl_invoice"]["n"]
    assert results["wl_pickup"]["n"] > 0 and results["wl_return"]["scans"] > 0
    # every rental checked out and back in is invoiced: a tenth with the PDF, the rest without
    returned = results["wl_return"]["rentals"]
    with_pdf = results["wl_invoice_pdf"]
    assert results["wl_invoice"]["n"] + with_pdf["n"] == returned > 0
    assert with_pdf["n"] == returned // 10 > 0
    assert set(results["wl_invoice"]) >= FIGURES and set(with_pdf) >= FIGURES
    assert with_pdf["render_median_ms"] > 0 and with_pdf["check_median_ms"] > 0
    assert with_pdf["pdf_bytes_median"] > 0 and "bound_ratio" not in with_pdf
    assert results["wl_book"]["n"] == 120 and results["wl_book"]["total_ms"] > 0
    one = results["wl_availability_one"]
    assert set(one) >= FIGURES and one["available"] == one["expected"]
    assert results["wl_availability_all"]["types"] == 25
    assert results["wl_availability_all"]["mismatches"] == 0


def test_reference_is_the_generators_own(tiny_workload):
    """Our copy of ``window``/``expected_availability`` answers as the generator does."""
    import datetime as dt
    import importlib.util

    from app.bench import workload

    spec = importlib.util.spec_from_file_location("neutral_workload", GENERATOR)
    assert spec and spec.loader
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    data = json.loads(tiny_workload.read_text())
    anchor = dt.date(2026, 11, 26)
    assert workload.window(anchor) == generator.window(anchor)
    for w0, w1 in (generator.window(anchor), (anchor, anchor + dt.timedelta(days=90))):
        assert workload.expected_availability(data, w0, w1) == generator.expected_availability(
            data, w0, w1
        )


def test_the_bound_answers_as_the_generator_on_every_window(tiny_workload):
    """The plain-SQL bound is a fair bound only if it does the same logical work: its
    availability answers equal the generator's reference, on windows that start before,
    inside and after the rentals."""
    import datetime as dt

    from app.bench import bound, workload

    data = json.loads(tiny_workload.read_text())
    anchor = dt.date(2026, 11, 26)
    first = data["products"][0]["code"]
    for offset, days in ((-200, 400), (-30, 10), (0, 0), (30, 30), (150, 60)):
        w0 = anchor + dt.timedelta(days=offset)
        w1 = w0 + dt.timedelta(days=days)
        expected = workload.expected_availability(data, w0, w1)
        figures, wrong = bound.run_bound(data, (w0, w1), expected, first, [0, 5], invoices=2)
        assert wrong == 0, (w0, w1)
        assert figures["wl_invoice_bound"]["n"] == 2


def test_a_wrong_answer_fails_naming_it(capsys, tiny_workload, monkeypatch):
    from app.bench import workload

    honest = workload.expected_availability

    def off_by_one(data, w0, w1):
        return {code: qty + 1 for code, qty in honest(data, w0, w1).items()}

    monkeypatch.setattr(workload, "expected_availability", off_by_one)
    code, result, err = _run(capsys, ["bench", "--workload", str(tiny_workload), "--json"])
    assert code == 1 and result["matched"] is False
    assert result["mismatch"]["operation"] == "wl_availability_one"
    assert result["mismatch"]["code"] in err and "reference says" in err


def test_a_file_that_is_not_a_workload_is_refused(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"products": []}')
    assert main(["bench", "--workload", str(bad), "--json"]) == 1
    assert "is not a workload file" in capsys.readouterr().err


# --- PostgreSQL beside SQLite, and several workstations at once ---------------------------

CONTENTION = ["bench", "--contention", "--seconds", "3", "--workers", "4", "--json"]


def _sound(figures: dict) -> None:
    """A contention run's figures: work done, no error, nothing over-booked or lost."""
    assert figures["errors"] == 0, figures["error_samples"]
    assert figures["over_bookings"] == 0 and figures["lost_writes"] == 0
    assert figures["workers"] == 4 and figures["ops"] > 0 and figures["ops_per_s"] > 0
    assert set(figures) >= FIGURES
    operations = figures["operations"]
    assert operations["confirm"]["n"] > 0 and operations["scan"]["n"] > 0
    # the check found the bookings the workers were told they made
    assert figures["check"]["confirmed_found"] == operations["confirm"]["accepted"]


def test_contention_on_sqlite_in_a_real_process():
    import shutil

    regie = shutil.which("regie")
    assert regie, "the regie console script is installed (pip install -e .)"
    done = subprocess.run(
        [regie, *CONTENTION],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["engine"] == "sqlite" and result["passed"] is True
    assert set(result["results"]) == {"contention_4"}
    _sound(result["results"]["contention_4"])


def test_contention_on_postgresql_leaves_no_database_behind(capsys, pg_cluster):
    import psycopg

    server = pg_cluster.url("postgres")
    code, result, err = _run(capsys, [*CONTENTION, "--engine", "postgresql", "--url", server])
    assert code == 0, err
    assert result["engine"] == "postgresql" and set(result["results"]) == {"pg_contention_4"}
    _sound(result["results"]["pg_contention_4"])
    assert {"server_version", "synchronous_commit", "fsync"} <= set(result["postgresql"])
    # the test server is started with synchronous_commit off: Régie's sessions keep it
    assert result["postgresql"]["synchronous_commit"] == "off"
    assert result["postgresql"]["server_synchronous_commit"] == "off"
    with psycopg.connect(pg_cluster.conninfo()) as conn:
        left = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'regie_contention_%'"
        ).fetchall()
    assert left == []


def test_the_check_counts_an_over_booking(tmp_path):
    """The plain-SQL check is not vacuous: stock taken twice over is counted."""
    from sqlalchemy import text

    from app.bench import contention
    from app.core.migrate import open_database
    from booking.bookings import BookingData, Line, create_booking

    target = tmp_path / "c.db"
    setup = contention.prepare(target)
    assert contention.independent_check(target, setup)["over_bookings"] == 0
    db = open_database(target)
    try:
        start, end = contention._periods()[0]
        data = BookingData(
            customer=setup["customer"],
            start=start,
            end=end,
            lines=[Line(contention.BULK, contention.STOCK)],
        )
        for _ in range(2):  # two quotes of the whole stock, then both forced to confirmed
            with db.write() as uow:
                create_booking(
                    uow, user="t", data=data, clock=contention.FixedClock(contention.NOW)
                )
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE booking SET status = 'confirmed'"))
    finally:
        db.dispose()
    check = contention.independent_check(target, setup)
    assert check["over_booked_instants"] == 2 and check["over_bookings"] == 2
    assert check["peak"][contention.BULK] == 2 * contention.STOCK


@pytest.mark.slow
def test_workload_on_both_engines_side_by_side(capsys, tiny_workload, pg_cluster):
    server = pg_cluster.url("postgres")
    argv = ["bench", "--workload", str(tiny_workload), "--both", "--url", server, "--json"]
    code, result, err = _run(capsys, argv)
    assert code == 0, err
    assert result["engine"] == "both" and result["matched"] is True
    results = result["results"]
    names = {"wl_book", "wl_availability_one", "wl_availability_all", "wl_pickup", "wl_return"}
    names |= {"wl_invoice"}
    bounds = {f"{name}_bound" for name in names}  # measured once, beside both engines
    pdf = {"wl_invoice_pdf", "pg_wl_invoice_pdf"}  # no bound: rendering is no SQL work
    assert set(results) == names | {f"pg_{name}" for name in names} | bounds | pdf
    assert results["pg_wl_invoice_pdf"]["n"] == results["wl_invoice_pdf"]["n"] > 0
    for name in names:
        assert results[f"pg_{name}"]["n"] == results[name]["n"] > 0
        assert results[f"pg_{name}"]["ratio"] > 0
        assert results[f"pg_{name}"]["bound_ratio"] > 0 and results[name]["bound_ratio"] > 0
    one = results["pg_wl_availability_one"]
    assert one["available"] == one["expected"] == results["wl_availability_one"]["available"]
    assert results["pg_wl_pickup"]["scan_p95_ms"] > 0
    target = result["pg_target"]  # BENCHMARKS.md pg_*: within 2x SQLite in the same run
    assert target["limit"] == 2 and isinstance(target["met"], bool)
    assert set(target["ratios"]) == {
        "wl_book",
        "wl_availability_one",
        "wl_pickup",
        "wl_return",
        "wl_invoice",
    }


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--engine", "postgresql"], "--workload FILE.json or --contention"),
        (["--contention", "--engine", "postgresql"], "needs the server"),
        (["--contention", "--seconds", "0"], "--seconds must be"),
        (["--contention", "--workers", "0"], "--workers must be"),
        (["--contention", "--workload", "w.json"], "choose one"),
    ],
)
def test_bench_usage_mistakes_are_sentences(capsys, argv, says):
    assert main(["bench", *argv]) == 2
    assert says in capsys.readouterr().err


def test_a_server_url_that_is_not_postgresql_is_refused(capsys):
    argv = [*CONTENTION, "--engine", "postgresql", "--url", "mysql://x@/y"]
    assert main(argv) == 2
    assert "is not a PostgreSQL server's URL" in capsys.readouterr().err


def test_self_contained_operations_neither_build_nor_read_the_cached_dataset(monkeypatch, capsys):
    """``--only demo_large`` builds its own file: asking for it must not first build the
    whole cached dataset it never uses; the table prints a dash for a missing figure."""
    from app.bench import benchmarks
    from app.cli import main

    def no_dataset(*_args, **_kwargs):
        raise AssertionError("the cached dataset was built")

    monkeypatch.setattr(benchmarks, "ensure_dataset", no_dataset)
    monkeypatch.setitem(
        benchmarks.OPERATIONS, "demo_large", lambda _path: {"seconds": 39.3, "n": 1}
    )
    assert main(["bench", "--size", "large", "--only", "demo_large"]) == 0
    out = capsys.readouterr().out
    (row,) = [line for line in out.splitlines() if line.startswith("demo_large")]
    assert row.split() == ["demo_large", "—", "—", "1"]
