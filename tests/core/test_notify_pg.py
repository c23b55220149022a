"""Live refresh on a PostgreSQL server: every writing transaction sends ``NOTIFY`` with the
tables it wrote, delivered at commit; a watcher on another connection (another workstation)
hears it, never hears a rolled-back or refused write nor its own database's, and comes back
after losing its connection (saying it may have missed something)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.core import notify
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.errors import DomainError
from app.core.migrate import open_database
from booking.models import Customer
from tests import factories
from tests.pg import ADMIN_PASSWORD

WAIT_S = 10.0  # a notice arrives at once; this is only a ceiling for a busy machine


@pytest.fixture
def other(pg_url: str) -> Iterator[Database]:
    """Another workstation on the same server."""
    database = open_database(pg_url)
    yield database
    database.dispose()


@pytest.fixture
def watcher(pg_db: Database) -> Iterator[notify.Watcher]:
    seen = notify.Watcher(pg_db.engine)
    assert seen.changes(0.1) == frozenset()  # listening from now on
    yield seen
    seen.close()


def heard(watcher: notify.Watcher) -> frozenset[str]:
    return watcher.changes(WAIT_S)


def test_a_booking_made_on_another_workstation_is_heard_with_its_tables(
    pg_db: Database, other: Database, clock: FixedClock, watcher: notify.Watcher
) -> None:
    factories.item(pg_db)
    factories.unit(pg_db, clock, barcode="LUM-00101")
    rocher = factories.customer(pg_db)
    assert watcher.changes(0.5) == frozenset()  # our own writes: this window said so

    factories.booking(
        other, clock, rocher, "2026-12-01T09:00", "2026-12-03T18:00", {"LYRE-WASH": 1}
    )

    seen = heard(watcher)
    assert {"booking", "booking_line"} <= seen and notify.UNKNOWN not in seen


def test_rolled_back_and_refused_writes_send_nothing(
    pg_db: Database, other: Database, clock: FixedClock, watcher: notify.Watcher
) -> None:
    factories.item(pg_db)
    factories.unit(pg_db, clock, barcode="LUM-00101")
    rocher = factories.customer(pg_db)
    watcher.changes(0.5)
    with pytest.raises(DomainError):  # 5 lyres when there is one
        factories.booking(
            other, clock, rocher, "2026-12-01T09:00", "2026-12-03T18:00", {"LYRE-WASH": 5}
        )
    with pytest.raises(KeyError), other.write() as uow:
        uow.session.add(Customer(name="Rolled back", number="X9"))
        uow.flush()
        raise KeyError("abandoned")
    factories.customer(other, "Jazz en Velay")  # then one that commits

    assert heard(watcher) == {"customer"}  # only the committed one


def test_the_cli_of_another_process_is_heard(
    pg_db: Database, pg_url: str, clock: FixedClock, watcher: notify.Watcher
) -> None:
    factories.customer(pg_db)
    watcher.changes(0.5)
    env = {**os.environ, "REGIE_DB": pg_url, "REGIE_LANG": "en"}
    env.update(REGIE_USER="admin", REGIE_PASSWORD=ADMIN_PASSWORD)
    done = subprocess.run(
        [str(Path(sys.executable).with_name("regie")), "customers", "add", "--name", "Jazz"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr

    seen: set[str] = set()
    while "customer" not in seen and (news := heard(watcher)):
        seen |= news
    assert "customer" in seen  # and ``account``: logging in notes when the admin last did


def test_a_lost_connection_comes_back_and_says_it_may_have_missed_something(
    pg_db: Database, pg_url: str, other: Database, watcher: notify.Watcher
) -> None:
    url = make_url(pg_url)
    query = dict(url.query)
    with psycopg.connect(
        host=str(query["host"]), port=str(query["port"]), user="postgres", dbname=url.database
    ) as admin:
        killed = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'"
        ).fetchall()
    assert killed == [(True,)]

    seen: set[str] = set()
    for _ in range(10):  # noticed, reconnected (after a pause), then told
        seen |= watcher.changes(0.5)
        if seen:
            break
    assert seen == {notify.UNKNOWN}
    factories.customer(other, "After the cut")
    assert heard(watcher) == {"customer"}
