"""Shared fixtures: a real database per test (schema migrated once, then copied), a fixed
clock, the acting user.

Engines: ``db`` and ``db_path`` are an SQLite file, and ALSO a PostgreSQL database (a
throwaway server, tests/pg.py) for the modules in ``BOTH_ENGINES`` and the tests marked
``both_engines``: such a test runs twice, ``[sqlite]`` and ``[postgresql]``. On PostgreSQL
``db_path`` is the database's URL (a ``str``): ``REGIE_DB``/``--db`` take it as they take a
file's path. A test of those modules that is about the SQLite file itself (pragmas, copies,
sqlite3) is named in ``SQLITE_ONLY``."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("REGIE_LANG", "en")

from app.core.clock import PARIS, FixedClock  # noqa: E402
from app.core.db import Database  # noqa: E402
from app.core.migrate import open_database  # noqa: E402
from tests.pg import pg_cluster, pg_db, pg_empty_url, pg_template, pg_url  # noqa: E402,F401

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
#: Test modules whose ``db``/``db_path`` tests run on both engines: the store, availability,
#: the desk and invoicing (issue 12: the same guarantees on PostgreSQL).
BOTH_ENGINES = {
    "tests.core.test_store",
    "tests.booking.test_availability",
    "tests.booking.test_bookings",
    "tests.booking.test_desk",
    "tests.booking.test_desk_queries",
    "tests.booking.test_desk_cli",
    "tests.invoicing.test_invoices",
    "tests.invoicing.test_corrections",
    "tests.invoicing.test_refunds",
    "tests.invoicing.test_statements",
    "tests.invoicing.test_cli",
    "tests.invoicing.test_credit_by_lines",
    "tests.invoicing.test_balance",
}
#: Tests of those modules about the SQLite file itself.
SQLITE_ONLY = {
    "tests.core.test_store::test_pragmas_wal_foreign_keys_busy_timeout",
    "tests.core.test_store::test_opening_a_current_database_takes_no_backup",
    # matches SQLite's wording; tests/core/test_pg_engine.py checks PostgreSQL's refusal
    "tests.core.test_store::test_foreign_keys_are_enforced",
    # SQLite reflects no expression index; tests/core/test_pg_engine.py compares on PG
    "tests.core.test_store::test_migrated_schema_matches_the_models",
    # sqlite3 on the file; tests/core/test_pg_engine.py does the same with psycopg
    "tests.invoicing.test_corrections::test_the_database_refuses_to_change_issued_rows",
    "tests.invoicing.test_corrections::test_tampered_bytes_break_the_chain_check",
}

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
USER = "tester"


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication() -> object:
    """One QApplication for the whole run, created first: a command that needs Qt only
    for translations must never leave a bare QCoreApplication behind for GUI tests."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["regie-tests"])


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(path)
    db.dispose()
    return path


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``db_engine`` over both engines for the modules and tests chosen above."""
    if "db_engine" not in metafunc.fixturenames:
        return
    test = f"{metafunc.module.__name__}::{metafunc.function.__name__}"
    marked = metafunc.definition.get_closest_marker("both_engines") is not None
    listed = metafunc.module.__name__ in BOTH_ENGINES and test not in SQLITE_ONLY
    if marked or listed:
        metafunc.parametrize("db_engine", [SQLITE, POSTGRESQL], indirect=True)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """The engine of this test's ``db`` (``sqlite`` unless parametrised)."""
    return str(getattr(request, "param", SQLITE))


@pytest.fixture
def db_path(
    db_engine: str, template_db: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> Path:
    """A migrated SQLite file (a copy of the template); on PostgreSQL the URL of a fresh
    migrated database (typed ``Path`` for the callers: they only pass it on), and the CLI
    logged in as its ``admin`` (REGIE_USER/REGIE_PASSWORD)."""
    if db_engine == POSTGRESQL:
        from tests import pg

        url: Path = request.getfixturevalue("pg_url")
        # a server has no automatic login: the CLI logs in as the template's admin
        monkeypatch = request.getfixturevalue("monkeypatch")
        monkeypatch.setenv("REGIE_USER", pg.ADMIN)
        monkeypatch.setenv("REGIE_PASSWORD", pg.ADMIN_PASSWORD)
        return url
    path = tmp_path / "regie.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data, cache or settings directories."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("REGIE_DB", raising=False)
    # a developer's shell must not log the tests in as someone else
    monkeypatch.delenv("REGIE_USER", raising=False)
    monkeypatch.delenv("REGIE_PASSWORD", raising=False)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test under tests/journeys/ is a journey (`-m "not journey"` leaves them out),
    whether or not its module says so."""
    journeys = Path(__file__).parent / "journeys"
    for item in items:
        if journeys in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.journey)
