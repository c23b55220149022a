"""A throwaway PostgreSQL server for the tests, and a fresh migrated database per test.

``pg_cluster`` (session): ``initdb`` + ``pg_ctl start`` in a temporary folder, listening on
a unix socket in that folder only (``listen_addresses=''``: no TCP port, nothing leaves
the machine), run as the ``postgres`` user when the tests run as root (``initdb`` refuses
root). Durability is switched off (``fsync``, ``synchronous_commit``): a test server need
not survive a power cut. Stopped and removed at the end of the session.

``pg_template`` (session): one database migrated to head once (its ``admin`` given the
password ``ADMIN_PASSWORD``); ``pg_url`` (per test): a new
database created from it (``CREATE DATABASE … TEMPLATE``: a file copy, no migration),
dropped after the test. ``pg_db``: that database opened (``app.core.migrate``).

No skip: without PostgreSQL's programs the tests that need them fail with a sentence
saying what to install. ``REGIE_TEST_PG_BIN`` names the folder of ``pg_ctl`` when it is
neither on PATH nor in ``/usr/lib/postgresql/*/bin``.

The ``db`` fixture of tests/conftest.py runs on both engines for the modules listed there
(``BOTH_ENGINES``) and for any test marked ``both_engines``.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.db import Database
from app.core.migrate import open_database

SUPERUSER = "postgres"
#: The template's ``admin`` has this password on PostgreSQL (no automatic login on a
#: server): ``db_path`` on PostgreSQL sets REGIE_USER/REGIE_PASSWORD to it for the CLI.
ADMIN = "admin"
ADMIN_PASSWORD = "test-admin-password"
PORT = 5432  # the socket lives in the cluster's own folder: no clash with a real server
TEMPLATE = "regie_template"
PREFIX = "regie-pg-"
OWNER = "owner.pid"  # the test session's process id (a killed session's cluster is swept)
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Cluster:
    bin: Path
    root: Path
    socket: Path
    run_as: list[str]  # ["runuser", "-u", "postgres", "--"] as root, else []

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket}&port={PORT}"

    def conninfo(self, database: str = "postgres") -> str:
        return f"host={self.socket} port={PORT} user={SUPERUSER} dbname={database}"

    @staticmethod
    def conninfo_of(url: str) -> str:
        """libpq's connection string for a database's URL (psycopg, psql)."""
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        host = parsed.query.get("host") or parsed.host or ""
        port = parsed.query.get("port") or parsed.port or PORT
        return f"host={host} port={port} user={parsed.username} dbname={parsed.database}"

    def admin(self, statement: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(statement)

    def pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def find_bin() -> Path | None:
    """The folder of PostgreSQL's server programs (``initdb``, ``pg_ctl``), or None."""
    named = os.environ.get("REGIE_TEST_PG_BIN")
    if named:
        return Path(named) if (Path(named) / "pg_ctl").exists() else None
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _sweep(binary: Path, run_as: list[str]) -> None:
    """Stop and remove the clusters of test sessions that were killed before their end
    (their owner process is gone): a killed run must not leave servers behind."""
    for root in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            owner = int((root / OWNER).read_text())
        except (OSError, ValueError):
            continue
        try:
            os.kill(owner, 0)
            continue  # still running: its own session stops it
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        if (root / "data" / "postmaster.pid").exists():
            subprocess.run(
                [
                    *run_as,
                    str(binary / "pg_ctl"),
                    "-D",
                    str(root / "data"),
                    "-m",
                    "immediate",
                    "stop",
                ],
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


def start_cluster(durable: bool = False) -> Cluster:
    """A new server; ``durable``: with PostgreSQL's own durability settings (``fsync``,
    ``synchronous_commit`` left at their defaults) rather than the tests' fast ones."""
    binary = find_bin()
    if binary is None or not (binary / "initdb").exists():
        pytest.fail(
            "PostgreSQL is not installed: these tests start their own throwaway server and "
            "need its programs (initdb, pg_ctl). Install the postgresql package (Debian/"
            "Ubuntu: apt-get install postgresql; .ci/run does it), or set "
            "REGIE_TEST_PG_BIN to the folder holding pg_ctl.",
            pytrace=False,
        )
    run_as: list[str] = []
    if os.geteuid() == 0:
        run_as = ["runuser", "-u", "postgres", "--"]
    _sweep(binary, run_as)
    root = Path(tempfile.mkdtemp(prefix=PREFIX))
    (root / OWNER).write_text(str(os.getpid()))
    if os.geteuid() == 0:  # initdb refuses root: the server runs as postgres
        import pwd

        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail(
                "The tests run as root but there is no 'postgres' user to run the test "
                "server as: install the postgresql package (it creates that user).",
                pytrace=False,
            )
        os.chown(root, owner.pw_uid, owner.pw_gid)
        root.chmod(0o755)
    socket = root / "sock"
    subprocess.run([*run_as, "mkdir", str(socket)], check=True)
    done = subprocess.run(
        [
            *run_as,
            str(binary / "initdb"),
            "-D",
            str(root / "data"),
            "-A",
            "trust",
            "-U",
            SUPERUSER,
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"initdb failed: {done.stderr.strip()}", pytrace=False)
    cluster = Cluster(binary, root, socket, run_as)
    fast = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    options = (
        f"-k {socket} -p {PORT} -c listen_addresses='' {'' if durable else fast}"
        "-c max_connections=200 -c shared_buffers=32MB"
    )
    started = cluster.pg_ctl("-o", options, "-l", str(root / "log"), "-w", "start")
    if started.returncode != 0:
        log = (root / "log").read_text() if (root / "log").exists() else ""
        stop_cluster(cluster)
        pytest.fail(f"the test PostgreSQL server did not start: {log[-2000:]}", pytrace=False)
    return cluster


def stop_cluster(cluster: Cluster) -> None:
    cluster.pg_ctl("-m", "immediate", "stop")
    shutil.rmtree(cluster.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        stop_cluster(cluster)


@pytest.fixture(scope="session")
def pg_template(pg_cluster: Cluster) -> str:
    """The name of a database migrated to head, copied by every ``pg_url``."""
    from app.core import accounts

    pg_cluster.admin(f"CREATE DATABASE {TEMPLATE}")
    database = open_database(pg_cluster.url(TEMPLATE))
    try:
        with database.write() as uow:
            accounts.set_password(uow, ADMIN, ADMIN_PASSWORD)
    finally:
        database.dispose()
    return TEMPLATE


def new_database(cluster: Cluster, template: str | None = TEMPLATE) -> str:
    """A new database's name (from ``template``, or empty when None)."""
    name = f"regie_test_{os.getpid()}_{next(_numbers)}"
    source = f" TEMPLATE {template}" if template else ""
    cluster.admin(f"CREATE DATABASE {name}{source}")
    return name


def drop_database(cluster: Cluster, name: str) -> None:
    cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_cluster: Cluster, pg_template: str) -> Iterator[str]:
    """The URL of a fresh database migrated to head (its own per test)."""
    name = new_database(pg_cluster, pg_template)
    try:
        yield pg_cluster.url(name)
    finally:
        drop_database(pg_cluster, name)


@pytest.fixture
def pg_empty_url(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a fresh, empty database (not migrated: ``regie db copy``'s target, a
    first opening)."""
    name = new_database(pg_cluster, None)
    try:
        yield pg_cluster.url(name)
    finally:
        drop_database(pg_cluster, name)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    database = open_database(pg_url)
    yield database
    database.dispose()
