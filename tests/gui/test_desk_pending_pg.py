"""The desk on a PostgreSQL server whose connection is cut in the middle of a scan.

The desk runs as in the application (a real worker thread). Another connection holds the
open booking's row, so the scan's transaction (write lock taken, the movement inserted)
waits for it; the server then ends the desk's connection (``pg_terminate_backend``, what
a restart does). The scan shows pending, the row is released, and the desk's next
attempt — on a new connection — saves it once: one movement, the booking out."""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.bootstrap import Context
from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.desk import jobs
from app.gui.desk.desk_screen import DeskScreen
from app.gui.shell.operations import Operations, ThreadRunner
from tests import factories

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LYRE = "LUM-00101"


def libpq(url: str) -> str:
    parsed = make_url(url)
    params = {
        "dbname": parsed.database,
        "user": parsed.username,
        "host": parsed.host or parsed.query.get("host"),
        "port": parsed.port or parsed.query.get("port"),
    }
    return " ".join(f"{k}={v}" for k, v in params.items() if v)


@pytest.fixture
def live_ops(pg_db: Database, clock: FixedClock) -> Iterator[Operations]:
    ops = Operations(Context(db=pg_db, clock=clock, user="admin"), ThreadRunner())
    yield ops
    if ops.live is not None:
        ops.live.stop()
    ops.runner.wait()


def test_a_scan_cut_off_by_the_server_is_saved_once_when_it_is_back(
    qtbot, pg_db, pg_url, live_ops, clock, monkeypatch
) -> None:
    monkeypatch.setattr(jobs, "RETRY_MS", (200, 400))
    factories.item(pg_db)
    factories.unit(pg_db, clock, barcode=LYRE)
    customer = factories.customer(pg_db)
    ref = factories.booking(
        pg_db, clock, customer, "2026-11-26T14:00", "2026-11-28T18:00", {"LYRE-WASH": 1}
    )
    screen = DeskScreen(live_ops, station="desk-pg")
    screen.sounds.enabled = False
    qtbot.addWidget(screen)
    screen.show()
    screen.scan(ref)
    qtbot.waitUntil(lambda: screen.booking is not None, timeout=20_000)
    conninfo = libpq(pg_url)
    with psycopg.connect(conninfo) as holder:
        holder.execute("SELECT id FROM booking WHERE reference = %s FOR UPDATE", (ref,))
        own = holder.info.backend_pid
        screen.scan(LYRE)
        pid = None
        deadline = time.monotonic() + 30
        while pid is None and time.monotonic() < deadline:
            qtbot.wait(100)
            with psycopg.connect(conninfo, autocommit=True) as probe:
                row = probe.execute(
                    "SELECT pid FROM pg_stat_activity WHERE pid <> %s AND wait_event_type = "
                    "'Lock' AND datname = current_database()",
                    (own,),
                ).fetchone()
                pid = None if row is None else row[0]
        assert pid is not None, "the desk's write never waited for the row"
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        qtbot.waitUntil(lambda: screen.bar.pending_chip.isVisible(), timeout=20_000)
        assert screen.bar.pending_chip.text() == "1 scan pending"
        assert screen.banner.kind == "warning" and LYRE in screen.banner.title.text()
        assert "connection to the PostgreSQL server" in screen.banner.detail.text()
        holder.rollback()
    qtbot.waitUntil(lambda: not screen.bar.pending_chip.isVisible(), timeout=30_000)
    assert screen.banner.kind == "ok"
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT count(*) FROM movement").fetchone() == (1,)
        assert conn.execute(
            "SELECT status FROM booking WHERE reference = %s", (ref,)
        ).fetchone() == ("out",)
