"""Backups and restores of a PostgreSQL database (issue 12), with real processes:
``regie backup`` makes a checked ``pg_dump -Fc`` archive; ``regie restore`` puts it into an
empty server database only (a database in use is never overwritten), migrated and checked;
refusals change nothing."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.clock import FixedClock
from app.core.migrate import open_database
from tests import factories

REGIE = shutil.which("regie")
INITDB = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
ROOT = os.geteuid() == 0


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if ROOT else args


@pytest.fixture(scope="module")
def server() -> Iterator[Path]:
    """A throwaway PostgreSQL cluster on a unix socket (no TCP); its socket folder."""
    if not INITDB:
        pytest.fail(
            "PostgreSQL is not installed: install postgresql (Debian: apt install postgresql)"
        )
    bin_dir = Path(INITDB[-1]).parent
    base = Path(tempfile.mkdtemp(prefix="regie-pg-"))
    base.chmod(0o755)
    (base / "sock").mkdir()
    if ROOT:
        shutil.chown(base, "postgres")
        shutil.chown(base / "sock", "postgres")
    subprocess.run(
        _as_postgres(
            [str(bin_dir / "initdb"), "-D", str(base / "data"), "-A", "trust", "-U", "postgres"]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-k {base / 'sock'} -p 5432 -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(base / "data"),
                "-o",
                options,
                "-l",
                str(base / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield base / "sock"
    finally:
        subprocess.run(
            _as_postgres(
                [str(bin_dir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "stop"]
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


def _createdb(sock: Path, name: str) -> str:
    bin_dir = Path(INITDB[-1]).parent
    subprocess.run(
        _as_postgres([str(bin_dir / "createdb"), "-h", str(sock), "-p", "5432", name]),
        check=True,
        capture_output=True,
    )
    return f"postgresql+psycopg://postgres@/{name}?host={sock}&port=5432"


def _psql(sock: Path, name: str, query: str) -> str:
    bin_dir = Path(INITDB[-1]).parent
    done = subprocess.run(
        [str(bin_dir / "psql"), "-h", str(sock), "-p", "5432", "-U", "postgres", "-d", name]
        + ["-At", "-c", query],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def _tables(sock: Path, name: str) -> int:
    return int(_psql(sock, name, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))


def regie(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(REGIE), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    values.update(
        REGIE_LANG="en",
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
    )
    return values


def _bookings(sock: Path, name: str) -> list[str]:
    return _psql(sock, name, "SELECT reference FROM booking ORDER BY reference").split()


def test_backup_and_restore_on_a_server(server, env, clock: FixedClock, tmp_path):
    url = _createdb(server, "coop")
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
    before = _bookings(server, "coop")
    assert len(before) == 1

    made = regie({**env, "REGIE_DB": url}, "backup", "--json")
    assert made.returncode == 0, made.stderr
    saved = json.loads(made.stdout)
    dump = Path(saved["path"])
    assert saved["kind"] == "postgresql" and dump.suffix == ".dump"
    assert dump.name.startswith("coop-")
    assert dump.stat().st_mode & 0o777 == 0o600

    # never over a database in use: refused, nothing changed
    refused = regie({**env, "REGIE_DB": url}, "restore", str(dump))
    assert refused.returncode == 1
    assert "is not empty" in refused.stderr and "Traceback" not in refused.stderr
    assert _bookings(server, "coop") == before

    # an SQLite backup is not restored onto a server (regie db copy does that)
    sqlite_file = tmp_path / "file.db"
    open_database(sqlite_file).dispose()
    empty = _createdb(server, "coop_restored")
    crossed = regie({**env, "REGIE_DB": empty}, "restore", str(sqlite_file))
    assert crossed.returncode == 1 and "regie db copy" in crossed.stderr
    # a damaged dump: refused, the empty database stays empty
    cut = tmp_path / "cut.dump"
    cut.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    broken = regie({**env, "REGIE_DB": empty}, "restore", str(cut))
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert _tables(server, "coop_restored") == 0

    restored = regie({**env, "REGIE_DB": empty}, "restore", str(dump), "--json")
    assert restored.returncode == 0, restored.stderr
    done = json.loads(restored.stdout)
    assert done["intact"] is True and done["kept_aside"] is None
    verified = regie({**env, "REGIE_DB": empty}, "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert _bookings(server, "coop_restored") == before
