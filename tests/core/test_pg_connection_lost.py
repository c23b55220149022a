"""A connection lost in the middle of a write (the server restarted, the Wi-Fi dropped):
a clear sentence, exit 1, and nothing half-written.

The installed ``regie`` confirms a booking on the server while another connection holds
that booking's row: the command's transaction has taken the write lock, read
availability and begun writing, then waits for the row. The server then ends its
connection (``pg_terminate_backend``, as a restart does). The command says the connection
was lost, exits 1, and the booking, its lines and the audit trail are exactly as before;
the next command, on a new connection, confirms it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time

import psycopg
from sqlalchemy.engine import make_url

from app.core.clock import PARIS, FixedClock
from tests import factories
from tests.pg import ADMIN_PASSWORD

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
TIMEOUT = 90


def libpq(url: str) -> str:
    parsed = make_url(url)
    params = {
        "dbname": parsed.database,
        "user": parsed.username,
        "host": parsed.host or parsed.query.get("host"),
        "port": parsed.port or parsed.query.get("port"),
    }
    return " ".join(f"{k}={v}" for k, v in params.items() if v)


def regie(url: str, *argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "REGIE_DB": url, "REGIE_LANG": "en", "REGIE_USER": "admin"}
    env["REGIE_PASSWORD"] = ADMIN_PASSWORD  # the test server's admin (tests/pg.py)
    return subprocess.Popen(
        [sys.executable, "-m", "app", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def waiting_backend(conn: psycopg.Connection, own: int) -> int | None:
    """The server process of a Régie program waiting for a row lock, if any yet."""
    row = conn.execute(
        "SELECT pid FROM pg_stat_activity WHERE pid <> %s AND datname = current_database() "
        "AND wait_event_type = 'Lock' AND wait_event IN ('transactionid', 'tuple')",
        (own,),
    ).fetchone()
    return None if row is None else int(row[0])


def snapshot(conninfo: str) -> dict[str, list[tuple[object, ...]]]:
    """The booking's rows and the audit trail (but the logins' own entries: logging in
    records the account's last login)."""
    with psycopg.connect(conninfo) as conn:
        found = {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("booking", "booking_line", "reference_sequence")
        }
        found["audit_event"] = conn.execute(
            "SELECT * FROM audit_event WHERE entity <> 'account' ORDER BY 1"
        ).fetchall()
        return found


def test_a_connection_lost_mid_write_is_said_and_writes_nothing(pg_db, pg_url):
    clock = FixedClock(NOW)
    factories.item(pg_db, "LYRE", "Lyre")
    for _ in range(2):
        factories.unit(pg_db, clock, item_code="LYRE")
    customer = factories.customer(pg_db, "Compagnie du Câble Coupé")
    ref = factories.booking(
        pg_db,
        clock,
        customer,
        "2027-03-01T09:00",
        "2027-03-03T18:00",
        {"LYRE": 2},
        confirm=False,
    )
    conninfo = libpq(pg_url)
    before = snapshot(conninfo)
    with psycopg.connect(conninfo) as holder:
        holder.execute("SELECT id FROM booking WHERE reference = %s FOR UPDATE", (ref,))
        own = holder.info.backend_pid
        proc = regie(pg_url, "bookings", "confirm", ref)
        deadline = time.monotonic() + TIMEOUT
        pid = None
        while pid is None and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            with psycopg.connect(conninfo, autocommit=True) as probe:
                pid = waiting_backend(probe, own)
        assert pid is not None, proc.communicate(timeout=TIMEOUT)
        with psycopg.connect(conninfo, autocommit=True) as admin:
            assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone() == (True,)
        out, err = proc.communicate(timeout=TIMEOUT)
        holder.rollback()
    assert proc.returncode == 1, (out, err)
    assert "Traceback" not in err and out == ""
    assert "The connection to the PostgreSQL server" in err and "was lost" in err, err
    assert snapshot(conninfo) == before
    # The next command gets a new connection and goes through.
    again = regie(pg_url, "bookings", "confirm", ref)
    out, err = again.communicate(timeout=TIMEOUT)
    assert again.returncode == 0, err
    with psycopg.connect(conninfo) as conn:
        assert conn.execute(
            "SELECT status FROM booking WHERE reference = %s", (ref,)
        ).fetchone() == ("confirmed",)
