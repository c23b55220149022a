"""The audit trail on a PostgreSQL server: writes recorded the same way, read back by a real
``regie audit`` process, and the server's triggers refuse to change or delete an event."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest

from app.core import audit_queries
from app.core.access import Actor, Role
from app.core.audit_queries import AuditFilter
from app.core.clock import Clock
from app.core.db import Database
from inventory.models import ItemType
from tests import factories
from tests.pg import ADMIN_PASSWORD, Cluster

ALICE = Actor("alice", Role.MANAGER, "bureau-1")


def conninfo(url: str) -> str:
    """psycopg's connection string for a test database's SQLAlchemy URL."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    query = parsed.query
    return (
        f"host={query['host']} port={query['port']} user={parsed.username} dbname={parsed.database}"
    )


def test_writes_on_the_server_are_recorded_like_on_a_file(pg_db: Database) -> None:
    pg_db.actor = ALICE
    item_id = factories.item(pg_db, code="PAR-64", name="Projecteur PAR 64")
    with pg_db.write() as uow:
        uow.row(ItemType, item_id).name = "Projecteur PAR 64 noir"
    with pg_db.write() as uow:
        uow.session.delete(uow.row(ItemType, item_id))
    with pg_db.read() as uow:
        events = audit_queries.events(uow, AuditFilter(entity="item_type"), Clock())
    assert [e.action for e in events] == ["delete", "update", "insert"]
    assert {(e.account, e.workstation) for e in events} == {("alice", "bureau-1")}
    assert events[1].before == {"id": item_id, "name": "Projecteur PAR 64"}
    assert events[1].after == {"id": item_id, "name": "Projecteur PAR 64 noir"}
    assert abs(events[0].at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    today = Clock().today()
    with pg_db.read() as uow:
        found = audit_queries.events(uow, AuditFilter(start=today, end=today), Clock())
    assert [e.id for e in found if e.account == "alice"] == [e.id for e in events]


def test_the_server_refuses_to_change_or_delete_an_event(pg_db: Database, pg_url: str) -> None:
    factories.item(pg_db)
    pg_db.dispose()
    with psycopg.connect(conninfo(pg_url)) as conn:
        before = conn.execute("SELECT * FROM audit_event ORDER BY id").fetchall()
    assert before
    for statement in ("UPDATE audit_event SET account = 'nobody'", "DELETE FROM audit_event"):
        with (
            psycopg.connect(conninfo(pg_url)) as conn,
            pytest.raises(psycopg.Error, match="append-only"),
        ):
            conn.execute(statement)  # type: ignore[arg-type]  # a test's literal SQL
    with psycopg.connect(conninfo(pg_url)) as conn:
        assert conn.execute("SELECT * FROM audit_event ORDER BY id").fetchall() == before


def test_a_real_process_reads_the_server_s_trail(
    pg_db: Database, pg_url: str, tmp_path: Path
) -> None:
    pg_db.actor = ALICE
    factories.item(pg_db, code="PAR-64", name="Projecteur PAR 64")
    pg_db.dispose()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(REGIE_DB=pg_url, REGIE_LANG="en", XDG_DATA_HOME=str(tmp_path / "data"))
    env.update(REGIE_USER="admin", REGIE_PASSWORD=ADMIN_PASSWORD)
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    regie = shutil.which("regie")
    assert regie is not None, "the regie console script is installed (pip install -e .)"
    done = subprocess.run(
        [regie, "audit", "--json", "--entity", "item_type"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    [event] = json.loads(done.stdout)
    assert (event["account"], event["workstation"], event["action"]) == (
        "alice",
        "bureau-1",
        "insert",
    )
    assert event["after"]["code"] == "PAR-64"


def test_times_are_right_on_a_server_in_another_time_zone(pg_cluster: Cluster, pg_url: str) -> None:
    """A French cooperative's server usually runs on Europe/Paris time: the trail still
    says when, in UTC, and the days filter the cooperative's days."""
    from sqlalchemy.engine import make_url

    from app.core.migrate import open_database

    name = make_url(pg_url).database
    pg_cluster.admin(f"ALTER DATABASE {name} SET timezone = 'Europe/Paris'")
    db = open_database(pg_url)
    try:
        db.actor = ALICE
        factories.item(db)
        with db.read() as uow:
            [event] = audit_queries.events(uow, AuditFilter(entity="item_type"), Clock())
            today = Clock().today()
            found = audit_queries.event_ids(uow, AuditFilter(start=today, end=today), Clock())
    finally:
        db.dispose()
    assert abs(event.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert event.id in found
