"""The desk when the database goes away for a while (the server restarts, the Wi-Fi drops):
the scan it could not save stays visibly pending ("1 scan pending", the amber banner "Not
saved yet"), scans made meanwhile queue behind it, and they are tried again until saved —
never twice, even when the lost attempt had in fact committed. A lasting refusal (not the
server's absence) is refused as always, nothing pending."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from sqlmodel import func, select

from app.core import storage
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.errors import StorageError
from app.gui.desk import jobs
from app.gui.desk.desk_screen import DeskScreen
from app.gui.shell.operations import Operations
from booking.models import Movement
from tests import factories

LYRES = ["LUM-00101", "LUM-00102", "LUM-00103"]


@pytest.fixture
def kit(db: Database, clock: FixedClock) -> str:
    factories.item(db)
    for code in LYRES:
        factories.unit(db, clock, barcode=code)
    factories.bulk(db, barcode="CAB-DMX10")
    customer = factories.customer(db)
    return factories.booking(
        db, clock, customer, "2026-11-26T14:00", "2026-11-28T18:00", {"LYRE-WASH": 3, "DMX-10": 5}
    )


@pytest.fixture
def screen(qtbot, ops: Operations, kit: str, monkeypatch) -> DeskScreen:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(jobs, "RETRY_MS", (30, 60))
    widget = DeskScreen(ops, station="desk-test")
    widget.sounds.enabled = False
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.scan(kit)  # the booking opens
    return widget


def lost() -> StorageError:
    """What the kernel says when the server's connection drops."""
    err = storage.pg_problem(
        psycopg.OperationalError("server closed the connection unexpectedly"), None
    )
    assert isinstance(err, StorageError) and storage.transient(err)
    return err


def flaky_writes(monkeypatch, *, before: int = 0, after: int = 0) -> dict[str, int]:
    """The next ``before`` writes fail before anything is written; the ``after`` writes
    following them commit, then fail as if the answer was lost on the way back."""
    real = Database.write
    count = {"writes": 0}

    @contextmanager
    def write(self: Database) -> Any:
        count["writes"] += 1
        n = count["writes"]
        if n <= before:
            raise lost()
        with real(self) as uow:
            yield uow
        if n <= before + after:
            raise lost()

    monkeypatch.setattr(Database, "write", write)
    return count


def movements(db: Database) -> int:
    with db.read() as uow:
        return int(uow.session.exec(select(func.count()).select_from(Movement)).one())


def pending_text(screen: DeskScreen) -> str:
    chip = screen.bar.pending_chip
    return chip.text() if chip.isVisible() else ""


def test_a_scan_the_server_could_not_take_stays_pending_until_saved(
    qtbot, screen: DeskScreen, db: Database, monkeypatch
) -> None:
    count = flaky_writes(monkeypatch, before=2)
    screen.scan(LYRES[0])
    assert pending_text(screen) == "1 scan pending"
    assert LYRES[0] in screen.bar.pending_chip.toolTip()
    assert "connection to the PostgreSQL server" in screen.bar.pending_chip.toolTip()
    assert screen.bar.retry_button.isVisible()
    assert screen.banner.kind == "warning"
    assert screen.banner.title.text() == f"Not saved yet: {LYRES[0]}"
    assert "tries again until it is saved" in screen.banner.detail.text()
    screen.scan(LYRES[1])  # scanning goes on meanwhile: queued behind, pending too
    assert pending_text(screen) == "2 scans pending"
    assert movements(db) == 0
    qtbot.waitUntil(lambda: pending_text(screen) == "", timeout=10_000)
    assert not screen.bar.retry_button.isVisible()
    assert movements(db) == 2 and count["writes"] == 4
    assert screen.banner.kind == "ok"
    assert next(p for p in screen.lines_model.rows if p.code == "LYRE-WASH").left == 2


def test_retry_now_tries_at_once(qtbot, screen: DeskScreen, db: Database, monkeypatch) -> None:
    monkeypatch.setattr(jobs, "RETRY_MS", (60_000,))
    flaky_writes(monkeypatch, before=1)
    screen.scan(LYRES[0])
    assert pending_text(screen) == "1 scan pending"
    screen.bar.retry_button.click()
    qtbot.waitUntil(lambda: pending_text(screen) == "", timeout=5_000)
    assert movements(db) == 1


def test_a_lost_answer_of_a_committed_scan_is_never_recorded_twice(
    qtbot, screen: DeskScreen, db: Database, monkeypatch
) -> None:
    """The commit reached the database, its answer did not: the retry finds the scan
    saved (this station's movement after the mark) and answers it, writing nothing."""
    flaky_writes(monkeypatch, after=1)
    screen.scan("*3")
    screen.scan("CAB-DMX10")  # a bulk scan: recorded twice it would count 6
    assert pending_text(screen) == "1 scan pending"
    assert movements(db) == 1
    qtbot.waitUntil(lambda: pending_text(screen) == "", timeout=10_000)
    assert movements(db) == 1
    assert screen.banner.kind == "ok"
    with db.read() as uow:
        (quantity,) = uow.session.exec(select(Movement.quantity)).all()
    assert quantity == 3


def test_a_lasting_refusal_is_not_kept_pending(
    qtbot, screen: DeskScreen, db: Database, monkeypatch
) -> None:
    real = Database.write

    @contextmanager
    def full(self: Database) -> Any:
        raise StorageError("The disk is full: nothing was saved.")
        with real(self) as uow:  # pragma: no cover
            yield uow

    monkeypatch.setattr(Database, "write", full)
    screen.scan(LYRES[0])
    assert pending_text(screen) == ""
    assert screen.banner.kind == "error"
    assert not screen.jobs.paused and len(screen.jobs) == 0
