"""Régie on a PostgreSQL server: a URL opens and migrates it; writes are serialised by one
advisory lock (a second writer waits, says so, then refuses naming the holder); reads are a
snapshot; the server's failures are sentences naming the server; the database's own
guarantees (foreign keys, append-only tables, the integrity check) hold there too."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from app.bootstrap import first_run
from app.core import dialect, migrate, paths, storage
from app.core.db import WRITE_LOCK_KEY
from app.core.errors import StorageError
from app.core.migrate import open_database
from tests import pg


def _regie(url: str, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``regie …`` in its own process against ``url``, logged in as the template's admin."""
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        env={
            **os.environ,
            "REGIE_DB": url,
            "REGIE_LANG": "en",
            "REGIE_USER": pg.ADMIN,
            "REGIE_PASSWORD": pg.ADMIN_PASSWORD,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _settings(db) -> dict[str, str]:
    with db.read() as uow:
        rows = uow.session.execute(text("SELECT key, value FROM setting")).all()
    return {str(k): str(v) for k, v in rows}


def _add_setting(uow, key: str, value: str = "v") -> None:
    uow.session.execute(
        text("INSERT INTO setting (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
    )


# --- naming a server ------------------------------------------------------------------------


def test_a_url_names_a_server_never_a_file(monkeypatch, tmp_path):
    monkeypatch.setenv("REGIE_DB", "postgresql://coop@db.example/regie")
    assert paths.resolve_db(None) == "postgresql+psycopg://coop@db.example/regie"
    assert first_run(None) is False  # no demo file is built for a server
    with pytest.raises(ValueError, match="is a server, not a file"):
        paths.resolve_db_path(None)
    monkeypatch.setenv("REGIE_DB", str(tmp_path / "x.db"))
    assert paths.resolve_db(None) == tmp_path / "x.db"
    shown = paths.display_url("postgresql+psycopg://coop:secret@db.example:5433/regie")
    assert "secret" not in shown and "coop" in shown
    assert storage.server_name("postgresql+psycopg://coop:secret@db.example:5433/regie") == (
        "coop@db.example:5433/regie"
    )


def test_the_database_chosen_on_this_computer_comes_after_regie_db_and_db(monkeypatch):
    from app.core import connection

    config = connection.config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"database": "postgresql://coop@srv/regie"}), encoding="utf-8")
    assert paths.resolve_db(None) == "postgresql+psycopg://coop@srv/regie"
    assert paths.resolve_db("/tmp/given.db") == Path("/tmp/given.db")
    monkeypatch.setenv("REGIE_DB", "/tmp/env.db")
    assert paths.resolve_db("/tmp/given.db") == Path("/tmp/env.db")


def test_an_empty_database_is_migrated_on_first_opening_and_then_opened_as_it_is(pg_empty_url):
    db = open_database(pg_empty_url)
    try:
        assert db.dialect == "postgresql" and db.path is None and db.url is not None
        assert migrate.current_revision(db.engine) == migrate.HEAD
        with db.read() as uow:
            names = dialect.triggers(uow.session.connection())
        assert {
            "issued_document_no_update",
            "record_seal_no_delete",
            "audit_event_no_update",
        } <= set(names)
    finally:
        db.dispose()
    again = open_database(pg_empty_url)
    assert again.wrote is False  # at head: nothing to do
    again.dispose()


def test_regie_verify_in_its_own_process_on_a_server(pg_url):
    done = _regie(pg_url, "verify", "--json")
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["intact"] is True


# --- the server's failures are sentences ----------------------------------------------------


def test_a_server_that_is_not_running(tmp_path):
    url = f"postgresql+psycopg://postgres@/regie?host={tmp_path}&port=5999"
    with pytest.raises(StorageError, match="cannot reach the PostgreSQL server") as refused:
        open_database(url)
    assert "5999/regie" in str(refused.value)
    assert storage.transient(refused.value)  # worth a retry
    done = _regie(url, "items", "list")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot reach the PostgreSQL server" in done.stderr
    # our sentence, not the driver's English words (those go to the log)
    assert "nothing answers at that address and port" in done.stderr
    for driver in ("No such file or directory", ".s.PGSQL", "connection to server"):
        assert driver not in str(refused.value) and driver not in done.stderr


def test_a_database_the_server_does_not_have(pg_cluster):
    url = pg_cluster.url("no_such_database")
    with pytest.raises(StorageError, match="has no database of that name") as refused:
        open_database(url)
    assert not storage.transient(refused.value)
    done = _regie(url, "items", "list")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "has no database of that name" in done.stderr


@pytest.mark.parametrize(
    ("state", "expected", "passing"),
    [
        ("28P01", "wrong user name or password", False),
        ("57P01", "connection to the PostgreSQL server .* was lost", True),
        ("53300", "accepts no more connections", True),
        ("53100", "disk of the PostgreSQL server .* is full", False),
        ("57P03", "starting up or shutting down", True),
    ],
)
def test_server_refusals_by_their_code(state, expected, passing):
    error = psycopg.errors.lookup(state)("from the server")
    found = storage.pg_problem(error, "postgresql+psycopg://coop:pw@db.example/regie")
    assert found is not None and "pw" not in str(found)
    assert re.search(expected, str(found)), str(found)
    assert storage.transient(found) is passing
    assert storage.transient(error) is passing


def test_a_bug_is_not_a_storage_problem():
    error = psycopg.errors.lookup("42601")("syntax error")  # Régie's own mistake
    assert storage.pg_problem(error, None) is None


def test_a_connection_lost_mid_write_writes_nothing_and_the_next_write_works(pg_db, pg_cluster):
    with pytest.raises(StorageError, match="was lost") as lost, pg_db.write() as uow:
        _add_setting(uow, "half")
        pid = uow.session.execute(text("SELECT pg_backend_pid()")).scalar()
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        _add_setting(uow, "second")
    assert storage.transient(lost.value)
    assert "half" not in _settings(pg_db)  # the server rolled the transaction back
    with pg_db.write() as uow:  # a fresh connection (the pool checks before use)
        _add_setting(uow, "after")
    assert _settings(pg_db)["after"] == "v"


# --- one writer at a time ----------------------------------------------------------------------


def test_a_write_waits_says_so_then_refuses_naming_the_holder(pg_db, pg_url, monkeypatch, caplog):
    monkeypatch.setenv("REGIE_BUSY_TIMEOUT", "1.5")
    holder = psycopg.connect(
        pg.Cluster.conninfo_of(pg_url), application_name="regie desk on magasin"
    )
    holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
    try:
        with (
            caplog.at_level(logging.WARNING, logger="regie.db"),
            pytest.raises(StorageError, match="still busy after 1.5 s") as refused,
            pg_db.write() as uow,
        ):
            _add_setting(uow, "blocked")
        assert "regie desk on magasin" in str(refused.value)
        assert storage.transient(refused.value)
        assert [r for r in caplog.records if getattr(r, "regie_busy", "")]  # "waiting…"
        assert "blocked" not in _settings(pg_db)  # reading meanwhile: never waits
    finally:
        holder.rollback()
        holder.close()
    with pg_db.write() as uow:  # free again
        _add_setting(uow, "free")
    assert "free" in _settings(pg_db)


def test_a_second_writer_waits_for_the_first_and_sees_its_commit(pg_url):
    """The check-then-write of a service holds: the second writer starts only after the
    first committed, and then sees its row (READ COMMITTED under the lock)."""
    first, second = open_database(pg_url), open_database(pg_url)
    inside, release = threading.Event(), threading.Event()
    seen: list[int] = []

    def write_first() -> None:
        with first.write() as uow:
            _add_setting(uow, "n1")
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=write_first)
    worker.start()
    try:
        assert inside.wait(10)
        threading.Timer(0.3, release.set).start()
        with second.write() as uow:  # waits for the lock
            count = uow.session.execute(text("SELECT count(*) FROM setting WHERE key = 'n1'"))
            seen.append(int(count.scalar() or 0))
            _add_setting(uow, "n2")
    finally:
        release.set()
        worker.join(10)
        first.dispose()
        second.dispose()
    assert seen == [1]


def test_a_read_is_one_snapshot(pg_db):
    with pg_db.read() as uow:
        before = uow.session.execute(text("SELECT count(*) FROM setting")).scalar()
        with pg_db.write() as other:
            _add_setting(other, "meanwhile")
        again = uow.session.execute(text("SELECT count(*) FROM setting")).scalar()
    assert again == before  # the read's snapshot: as at its first statement
    assert "meanwhile" in _settings(pg_db)


# --- the database's own guarantees ----------------------------------------------------------


def test_foreign_keys_are_enforced(pg_db):
    with pytest.raises(Exception, match="foreign key"), pg_db.write() as uow:
        uow.session.execute(
            text(
                "INSERT INTO unit (item_type_id, barcode, serial, status, location, condition_notes) VALUES (999, 'X1', '', 'in_service', '', '')"
            )
        )


@pytest.mark.parametrize("table", ["audit_event", "record_seal"])
@pytest.mark.parametrize("statement", ["UPDATE {table} SET id = id", "DELETE FROM {table}"])
def test_append_only_tables_refuse_changes_even_to_the_superuser(pg_url, table, statement):
    with psycopg.connect(pg.Cluster.conninfo_of(pg_url)) as conn:
        conn.execute(
            "INSERT INTO audit_event (at, account, workstation, entity, entity_id, action) "
            "VALUES (now(), 'x', '', 'setting', 'k', 'insert')"
        )
        conn.execute(
            "INSERT INTO record_seal (kind, ref_id, document_id, parts, row_sha256, "
            "prev_hash, chain_hash) VALUES ('payment', 1, 1, '{}', 'a', 'b', 'c')"
        )
        with pytest.raises(psycopg.errors.RestrictViolation, match="immutable|append-only|audit"):
            conn.execute(statement.format(table=table))


def test_the_integrity_check_names_a_disabled_trigger(pg_db, pg_url):
    from invoicing import integrity

    with pg_db.read() as uow:
        assert integrity.verify(uow).problems == []
    assert pg_db.integrity_check() == "ok"
    with psycopg.connect(pg.Cluster.conninfo_of(pg_url), autocommit=True) as conn:
        conn.execute("ALTER TABLE issued_document DISABLE TRIGGER issued_document_no_delete")
    with pg_db.read() as uow:
        found = [str(p) for p in integrity.verify(uow).problems]
    assert any("issued_document_no_delete" in p and "disabled" in p for p in found), found
    assert any("no longer refuses" in p for p in found), found
    assert "disabled" in pg_db.integrity_check()


def test_the_migrated_schema_matches_the_models(pg_db):
    import app.core.seals  # noqa: F401  (every table's model)
    import app.core.settings  # noqa: F401
    import booking.models  # noqa: F401
    import inventory.models  # noqa: F401
    import invoicing.models  # noqa: F401

    with pg_db.engine.connect() as conn, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    # the upper(code) indexes are expressions the models do not declare (as on SQLite);
    # the models' aware times are stored as UTC wall-clock times in ``timestamp`` columns,
    # as on SQLite (every session's time zone is UTC: app.core.db)
    left = [d for d in diff if not _expected(d)]
    assert left == []


def _expected(difference) -> bool:
    if isinstance(difference, tuple):
        kind, index = difference[0], difference[1]
        return kind == "remove_index" and index.name.endswith(("_key", "_upper"))
    return all(
        change[0] == "modify_type"
        and getattr(change[5], "timezone", None) is False
        and getattr(change[6], "timezone", None) is True
        for change in difference
    )


def test_a_database_of_a_newer_regie_is_refused(pg_url):
    with psycopg.connect(pg.Cluster.conninfo_of(pg_url), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(StorageError, match="newer version of Régie"):
        open_database(pg_url)


def test_times_are_utc_whatever_the_servers_time_zone(pg_url):
    """A French server runs in Europe/Paris: Régie's sessions still store aware times as
    UTC (a write at 10:00 UTC reads back 10:00 UTC, not 11:00)."""
    import datetime as dt

    from sqlalchemy.engine import make_url

    name = make_url(pg_url).database
    with psycopg.connect(pg.Cluster.conninfo_of(pg_url), autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {name} SET timezone = 'Europe/Paris'")
    db = open_database(pg_url)
    try:
        at = dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC)
        with db.write() as uow:
            uow.session.execute(
                text(
                    "INSERT INTO audit_event (at, account, workstation, entity, entity_id, "
                    "action) VALUES (:at, 'x', '', 'setting', 'k', 'insert')"
                ),
                {"at": at},
            )
        with db.read() as uow:
            assert uow.session.execute(text("SHOW TimeZone")).scalar() == "UTC"
            stored = uow.session.execute(
                text("SELECT at FROM audit_event WHERE account = 'x'")
            ).scalar()
        assert stored.replace(tzinfo=dt.UTC) == at
    finally:
        db.dispose()


def test_the_drivers_own_warnings_go_to_the_log_not_the_terminal(tmp_path):
    """psycopg warns "error ignored terminating <psycopg.Pipeline [BAD]>" when the server
    stops in the middle of ``regie db copy``: that line must not reach the terminal."""
    code = (
        "import logging, app.core.db, app.core.log as log;"
        "log.start();"
        "logging.getLogger('psycopg').warning('error ignored terminating %r: %s', 'P', 'x')"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "error ignored" not in done.stderr
    logged = "".join(p.read_text() for p in tmp_path.rglob("*.log"))
    assert "error ignored terminating" in logged
