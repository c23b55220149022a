"""The first start: `regie` on its embedded default database (the user's data directory)
builds the demo cooperative into a private file and publishes it whole; the window that
shows meanwhile follows the build in another process; an interrupted build leaves no
database behind, and the next start builds a complete one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.bootstrap import first_run, needs_choice, open_context
from app.core import settings
from app.core.migrate import open_database
from app.core.paths import default_db_path, demo_db_path
from app.first_start import lock_path, partial_path
from inventory.queries import search_types
from invoicing.issuing import verify_chain

slow = pytest.mark.slow


def _type_count(ctx) -> int:
    with ctx.db.read() as uow:
        return len(search_types(uow))


def _complete(path: Path) -> dict[str, int]:
    """Counts of a demo database, after checking its invoices' hash chain."""
    db = open_database(path)
    try:
        with db.read() as uow:
            assert verify_chain(uow) == []
            conn = uow.session.connection()

            def count(table: str) -> int:
                return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar())

            return {t: count(t) for t in ("item_type", "booking", "issued_document", "payment")}
    finally:
        db.dispose()


@slow
def test_embedded_default_is_created_with_the_demo_once_in_its_own_file():
    assert not default_db_path().exists()
    assert needs_choice(None) and first_run(None)
    ctx = open_context(None)
    try:
        first = _type_count(ctx)
        with ctx.db.read() as uow:
            assert settings.is_demo(uow)
            assert settings.get_setting(uow, settings.DATABASE_KIND) == settings.DEMO
    finally:
        ctx.db.dispose()
    # the demo lives in demo.db; the cooperative's own regie.db is never made by it
    assert demo_db_path().exists() and first >= 60
    assert not default_db_path().exists()
    assert not needs_choice(None) and not first_run(None)
    assert not partial_path(demo_db_path()).exists()
    assert not lock_path(demo_db_path()).exists()
    again = open_context(None)
    try:
        assert _type_count(again) == first
    finally:
        again.db.dispose()


def test_a_new_file_named_explicitly_starts_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(tmp_path / "mine.db"))
    ctx = open_context(None)
    try:
        assert _type_count(ctx) == 0
    finally:
        ctx.db.dispose()
    assert not default_db_path().exists()


def test_regie_without_command_opens_the_main_window(qapp, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QApplication, QMainWindow

    from app.cli import main

    monkeypatch.setenv("REGIE_DB", str(tmp_path / "regie.db"))
    open_database(tmp_path / "regie.db").dispose()
    shown: list[str] = []

    def fake_exec(_self=None) -> int:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMainWindow) and w.isVisible()
        ]
        shown.extend(w.windowTitle() for w in windows)
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert main([]) == 0
    qapp.processEvents()  # let the worker thread's last reads land before teardown
    assert any("Régie" in title for title in shown)


def _builder(target: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app.first_start", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _messages(process: subprocess.Popen[str]):
    assert process.stdout is not None
    for line in process.stdout:
        yield json.loads(line)


@slow
def test_the_build_reports_moving_progress_and_publishes_a_complete_file(tmp_path):
    target = tmp_path / "data" / "regie.db"
    fractions, stages = [], []
    with _builder(target) as process:
        for message in _messages(process):
            if "stage" in message:
                fractions.append(message["fraction"])
                stages.append(message["stage"])
                assert not target.exists() or message["stage"] == "finishing"
        assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(set(fractions)) > 20  # the bar moves with the work
    order = ["start", "catalogue", "bookings", "invoices", "pdfs", "finishing"]
    assert [s for s in order if s in stages] == order
    counts = _complete(target)
    assert counts["item_type"] > 60 and counts["issued_document"] > 250
    assert not partial_path(target).exists()


@slow
def test_a_killed_build_leaves_no_database_and_the_next_one_is_complete(tmp_path):
    target = tmp_path / "data" / "regie.db"
    with _builder(target) as process:
        for message in _messages(process):
            if message.get("stage") == "invoices" and message["fraction"] > 0.5:
                break
        workers = _children(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert partial_path(target).exists() and not target.exists()
    # its render processes end with it
    assert workers
    deadline = time.monotonic() + 60
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
    with _builder(target) as again:
        last = list(_messages(again))[-1]
        assert again.wait() == 0 and last == {"ready": str(target)}
    counts = _complete(target)
    assert counts["item_type"] > 60 and counts["issued_document"] > 250
    assert not partial_path(target).exists()


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{parent}\n" in status:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended


def test_a_second_build_waits_for_the_first_and_finds_it_done(tmp_path):
    """Two first starts at once (a `regie` and a `regie desk`): one builds, the other waits
    on the lock, then finds the database and builds nothing."""
    from app.first_start import Step, _locked, build_demo_file

    target = tmp_path / "regie.db"
    seen: list[Step] = []
    with _locked(lock_path(target), lambda: None):
        target.write_bytes(b"")  # what the holder publishes before it lets go
        import threading

        result: list[object] = []
        waiter = threading.Thread(
            target=lambda: result.append(build_demo_file(target, progress=seen.append))
        )
        waiter.start()
        deadline = time.monotonic() + 30
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [s.stage for s in seen] == ["waiting"]
    waiter.join(30)
    assert result == [None] and target.read_bytes() == b""


@slow
def test_the_first_start_benchmark_sees_the_window_then_the_demo():
    """`regie bench --only first_start`: a real first start in its own process, probed."""
    from app.bench.benchmarks import OPERATIONS
    from app.bench.first_start import one_first_start

    assert "first_start" in OPERATIONS
    window, ready = one_first_start()
    assert 0 < window < ready
