"""A database named by an address Régie does not speak (MySQL, a web page, another
PostgreSQL driver, a typo of the scheme) is refused with a sentence naming it and the form
Régie expects — exit 1, nothing written, never "Unexpected error"; ``sqlite:///PATH`` is
that file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core import paths

BAD = [
    "postgres+psycopg://x@/y",
    "mysql://x@y/z",
    "http://example.com/db",
    "postgresql+asyncpg://x@localhost/y",
]


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return tmp_path


def _files(root: Path) -> set[Path]:
    """Files a database choice or a database could leave (not the log, not caches)."""
    skip = {"logs", "xdg_cache_home"}
    return {p for p in root.rglob("*") if p.is_file() and not skip & set(p.parts)}


@pytest.mark.parametrize("url", BAD)
def test_an_address_regie_does_not_speak_is_refused_with_a_sentence(url, home, monkeypatch, capsys):
    monkeypatch.setenv("REGIE_DB", url)
    before = _files(home)
    assert main(["accounts", "whoami"]) == 1
    err = capsys.readouterr().err
    assert f"{url} is neither a database file nor a PostgreSQL address" in err
    assert "postgresql+psycopg://USER@HOST/DATABASE" in err
    assert "Unexpected" not in err
    assert _files(home) == before


def test_db_copy_to_mysql_is_refused_and_writes_nothing(db_path, home, capsys):
    before = _files(home)
    assert main(["--db", str(db_path), "db", "copy", "--to", "mysql://a@b/c"]) == 1
    err = capsys.readouterr().err
    assert "mysql://a@b/c is neither a database file nor a PostgreSQL address" in err
    assert _files(home) == before


def test_sqlite_url_names_that_file(tmp_path):
    assert paths.database(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
    assert paths.database("sqlite:///rel.db") == Path("rel.db")
    assert paths.database("postgres://u@h/d") == "postgresql+psycopg://u@h/d"


def test_a_real_process_says_the_sentence(home):
    env = {**os.environ, "REGIE_DB": "mysql://x@y/z", "REGIE_LANG": "fr"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "accounts", "whoami"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "mysql://x@y/z" in done.stderr
    assert "Traceback" not in done.stderr
    assert "Unexpected" not in done.stderr and "inattendue" not in done.stderr
