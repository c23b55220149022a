"""Shared fixtures: a real SQLite file per test (schema migrated once, then copied), a fixed
clock, the acting user."""

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


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
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
