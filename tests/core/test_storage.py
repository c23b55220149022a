"""Failures of the database file, its folder or the disk become sentences (StorageError);
a write waits for another program's lock, says so, then names who holds it; reading and
closing never need the write lock."""

from __future__ import annotations

import errno
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import event

from app.core import log, migrate, storage
from app.core.errors import StorageError
from app.core.migrate import open_database


def _count_customers(db) -> int:
    with db.read() as uow:
        return uow.session.connection().exec_driver_sql("SELECT count(*) FROM customer").scalar()


def _add_setting(uow, key: str = "k", value: str = "v") -> None:
    uow.session.connection().exec_driver_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?)", (key, value)
    )


def test_known_revisions_are_the_scripts():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.known_revisions() == {rev.revision for rev in script.walk_revisions()}


# --- the lock -----------------------------------------------------------------------------


def test_a_write_waits_says_so_then_refuses_and_the_database_still_works(
    db, db_path, monkeypatch, caplog
):
    monkeypatch.setenv("REGIE_BUSY_TIMEOUT", "0.5")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with (
        caplog.at_level(logging.WARNING, logger="regie.db"),
        pytest.raises(StorageError, match="still busy after 0.5 s"),
        db.write() as uow,
    ):
        _add_setting(uow)
    assert [r for r in caplog.records if hasattr(r, "regie_busy")]  # "waiting…" was said
    assert _count_customers(db) == 0  # reading meanwhile: no lock needed
    other.execute("ROLLBACK")
    other.close()
    with db.write() as uow:  # the connection that waited is usable again
        _add_setting(uow)
    with db.read() as uow:
        assert uow.session.connection().exec_driver_sql("SELECT value FROM setting").scalar() == "v"


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux /proc only")
def test_the_program_holding_the_lock_is_named(db, db_path, monkeypatch):
    monkeypatch.setenv("REGIE_BUSY_TIMEOUT", "0")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        assert storage.holders(db_path) == [(proc.pid, Path(sys.executable).name)]
        with pytest.raises(StorageError) as refused, db.write() as uow:
            _add_setting(uow)
        assert f"(pid {proc.pid}) is writing to it" in str(refused.value)
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux /proc only")
def test_another_regie_is_named_by_its_command(db_path, tmp_path):
    script = tmp_path / "regie"  # what the console script runs: python3 .../bin/regie desk
    script.write_text(HOLDER.replace("sys.argv[1]", "sys.argv[2]"))
    proc = subprocess.Popen(
        [sys.executable, str(script), "desk", str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        assert storage.holders(db_path) == [(proc.pid, "regie desk")]
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()


def test_closing_after_reading_needs_no_lock(db_path, monkeypatch):
    monkeypatch.setenv("REGIE_BUSY_TIMEOUT", "0")
    db = open_database(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert _count_customers(db) == 0
        db.dispose()  # no PRAGMA optimize in a write transaction: nothing to wait for
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_closing_after_writing_refreshes_statistics_only_if_the_lock_is_free(db_path):
    db = open_database(db_path)
    with db.write() as uow:
        _add_setting(uow)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        db.dispose()  # optimize skipped quietly, never fatal
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert db.wrote


# --- the file -----------------------------------------------------------------------------


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("bonjour\n")
    with pytest.raises(StorageError, match="is not a Régie database"):
        open_database(path)
    assert path.read_text() == "bonjour\n"
    assert not Path(f"{path}-wal").exists()


def test_a_truncated_file(db_path, tmp_path):
    cut = tmp_path / "cut.db"
    cut.write_bytes(_bytes(db_path)[:40_000])
    with pytest.raises(StorageError, match="was cut short"):
        open_database(cut)
    assert cut.stat().st_size == 40_000


def test_a_header_cut_short(db_path, tmp_path):
    cut = tmp_path / "cut.db"
    cut.write_bytes(_bytes(db_path)[:60])
    with pytest.raises(StorageError, match="was cut short"):
        open_database(cut)


def test_an_empty_file_is_a_new_database(tmp_path):
    path = tmp_path / "new.db"
    path.write_bytes(b"")  # what mktemp makes
    db = open_database(path)
    assert _count_customers(db) == 0
    db.dispose()


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StorageError, match="is a folder, not a database file"):
        open_database(tmp_path)


def test_a_damaged_database(db_path):
    with db_path.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\xff" * 12)
    before = _bytes(db_path)
    with pytest.raises(StorageError, match="is damaged"):
        open_database(db_path)
    assert _bytes(db_path) == before


def test_a_database_from_a_newer_regie(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '0099_next'")
    conn.commit()
    conn.close()
    before = _bytes(db_path)
    with pytest.raises(StorageError, match=r"newer version of Régie \(schema 0099_next\)"):
        open_database(db_path)
    assert _bytes(db_path) == before


def test_a_full_database_is_a_sentence_and_nothing_is_written(db):
    """SQLITE_FULL without a full disk: the database may not grow (max_page_count)."""
    with db.read() as uow:
        pages = uow.session.connection().exec_driver_sql("PRAGMA page_count").scalar()
    db.engine.dispose()
    event.listen(
        db.engine,
        "connect",
        lambda conn, _rec: conn.execute(f"PRAGMA max_page_count = {pages}"),
    )
    with pytest.raises(StorageError, match="is full") as refused, db.write() as uow:
        _add_setting(uow, "big", "x" * 2_000_000)
    assert str(db.path) in str(refused.value)
    with db.read() as uow:
        assert (
            uow.session.connection().exec_driver_sql("SELECT count(*) FROM setting").scalar() == 0
        )


# --- the operating system -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "The disk is full: Régie could not write /x/devis.pdf."),
        (errno.EROFS, "/x/devis.pdf is on a read-only disk"),
        (errno.EACCES, "Permission denied: Régie may not use /x/devis.pdf."),
        (errno.EISDIR, "/x/devis.pdf is a folder, not a file."),
        (errno.ENOENT, "/x/devis.pdf does not exist."),
    ],
)
def test_operating_system_refusals(code, expected):
    err = OSError(code, "strerror", "/x/devis.pdf")
    assert str(storage.os_problem(err)).startswith(expected)


def test_a_refusal_without_a_file_name_takes_the_one_given():
    err = OSError(errno.ENOSPC, "No space left on device")
    assert "could not write out.pdf" in str(storage.os_problem(err, default="out.pdf"))
    assert str(storage.os_problem(err)).startswith("The disk is full. Nothing was changed")


# --- the log ------------------------------------------------------------------------------


def test_unexpected_errors_go_to_a_log_in_the_data_folder(tmp_path):
    try:
        path = log.record_unexpected("Traceback (most recent call last):\n  boom\n", "a test")
    finally:
        log.stop()
    assert path == tmp_path / "xdg-data" / "regie" / "logs" / "regie.log"
    assert "Unexpected error in a test" in path.read_text(encoding="utf-8")


def test_no_log_when_the_data_folder_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    try:
        assert log.record_unexpected("boom") is None  # and nothing raised
    finally:
        log.stop()
