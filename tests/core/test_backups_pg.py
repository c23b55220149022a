"""Backups and restores of a PostgreSQL database (issue 12), with real processes:
``regie backup`` makes a checked ``pg_dump -Fc`` archive; ``regie restore`` puts it into an
empty server database only (a database in use is never overwritten), migrated and checked;
refusals change nothing."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.core.clock import FixedClock
from app.core.migrate import open_database
from tests import factories
from tests.pg import ADMIN_PASSWORD, Cluster

REGIE = shutil.which("regie")


def _query(cluster: Cluster, url: str, query: str) -> list[tuple[object, ...]]:
    name = url.split("/")[3].split("?")[0]
    with psycopg.connect(cluster.conninfo(name)) as conn:
        return list(conn.execute(query).fetchall())


def _bookings(cluster: Cluster, url: str) -> list[str]:
    rows = _query(cluster, url, "SELECT reference FROM booking ORDER BY reference")
    return [str(row[0]) for row in rows]


def _tables(cluster: Cluster, url: str) -> int:
    rows = _query(cluster, url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    return int(str(rows[0][0]))


def regie(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(REGIE), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    values.update(
        REGIE_USER="admin",  # the template's administrator (no automatic login on a server)
        REGIE_PASSWORD=ADMIN_PASSWORD,
        REGIE_LANG="en",
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
    )
    return values


def test_backup_and_restore_on_a_server(
    pg_cluster: Cluster, pg_url: str, pg_empty_url: str, env, clock: FixedClock, tmp_path
):
    url = pg_url
    db = open_database(url)
    try:
        factories.item(db, "LYRE-WASH", "Lyre wash")
        for _ in range(3):
            factories.unit(db, clock)
        number = factories.customer(db, "Compagnie du Rocher")
        factories.booking(
            db, clock, number, "2026-12-01T09:00", "2026-12-03T18:00", {"LYRE-WASH": 2}
        )
    finally:
        db.dispose()
    before = _bookings(pg_cluster, url)
    assert len(before) == 1

    made = regie({**env, "REGIE_DB": url}, "backup", "--json")
    assert made.returncode == 0, made.stderr
    saved = json.loads(made.stdout)
    dump = Path(saved["path"])
    assert saved["kind"] == "postgresql" and dump.suffix == ".dump"
    assert dump.name.startswith(url.split("/")[3].split("?")[0] + "-")
    assert dump.stat().st_mode & 0o777 == 0o600

    # never over a database in use: refused, nothing changed
    refused = regie({**env, "REGIE_DB": url}, "restore", str(dump))
    assert refused.returncode == 1
    assert "is not empty" in refused.stderr and "Traceback" not in refused.stderr
    assert _bookings(pg_cluster, url) == before
    # the advice names REGIE_DB (which wins over --db), the same server, the same file
    advice = re.search(r"REGIE_DB=(\S+) regie restore (\S+?),", refused.stderr)
    assert advice is not None, refused.stderr
    advised = make_url(advice.group(1))
    assert advised.database == "regie_restored" and advised.password is None
    assert advised.set(database="x") == make_url(url).set(database="x", password=None)
    assert advice.group(2) == str(dump)

    # an SQLite backup is not restored onto a server (regie db copy does that)
    sqlite_file = tmp_path / "file.db"
    open_database(sqlite_file).dispose()
    empty = pg_empty_url
    crossed = regie({**env, "REGIE_DB": empty}, "restore", str(sqlite_file))
    assert crossed.returncode == 1 and "regie db copy" in crossed.stderr
    # a damaged dump: refused, the empty database stays empty
    cut = tmp_path / "cut.dump"
    cut.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    broken = regie({**env, "REGIE_DB": empty}, "restore", str(cut))
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert _tables(pg_cluster, empty) == 0

    # following the advice (into an empty database of that server) restores
    followed = advised.set(database=make_url(empty).database)
    followed = followed.set(password=make_url(empty).password)
    target = followed.render_as_string(hide_password=False)
    restored = regie({**env, "REGIE_DB": target}, "restore", advice.group(2), "--json")
    assert restored.returncode == 0, restored.stderr
    done = json.loads(restored.stdout)
    assert done["intact"] is True and done["kept_aside"] is None
    verified = regie({**env, "REGIE_DB": empty}, "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert _bookings(pg_cluster, empty) == before
