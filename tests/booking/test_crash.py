"""Crash test: a process scanning continuously is killed with SIGKILL at random moments.

After every kill the database is reopened: every acknowledged scan (printed by the scanner
right after its commit) is there, at most one more (committed, then killed before its
acknowledgement was printed), no unit is out twice, and ``PRAGMA integrity_check`` is ok.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.core.migrate import open_database
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
UNITS = 90
ROUNDS = 6

SCANNER = textwrap.dedent(
    """
    import datetime as dt, sys
    from app.core.clock import PARIS, FixedClock
    from app.core.migrate import open_database
    from booking import desk

    path, ref, *codes = sys.argv[1:]
    clock = FixedClock(dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))
    db = open_database(path)
    print("ready", flush=True)
    for code in codes:
        with db.write() as uow:
            result = desk.check_out(
                uow, user="crash", station="crash", reference=ref, code=code, clock=clock
            )
        if result.ok:  # committed: acknowledge
            print(code, flush=True)
    print("done", flush=True)
    """
)


def moved_units(path: Path) -> tuple[dict[str, int], str]:
    """{barcode: net number of times out} of every unit with a movement, and the integrity
    check, read from a freshly opened database."""
    db = open_database(path)
    try:
        with db.read() as uow:
            rows = uow.session.connection().execute(
                text(
                    "SELECT u.barcode, SUM(CASE m.direction WHEN 'out' THEN 1 ELSE -1 END) "
                    "FROM movement m JOIN unit u ON u.id = m.unit_id GROUP BY u.barcode"
                )
            )
            net = {barcode: int(count) for barcode, count in rows}
        return net, db.integrity_check()
    finally:
        db.dispose()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_scanner_loses_no_acknowledged_scan_and_doubles_none(db, db_path, clock):
    factories.item(db)
    units = [factories.unit(db, clock) for _ in range(UNITS)]
    customer = factories.customer(db)
    ref = factories.booking(
        db, clock, customer, "2026-11-27T09:00", "2026-11-30T09:00", {"LYRE-WASH": UNITS}
    )
    db.dispose()
    rng = random.Random(20261126)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    known: set[str] = set()  # in the database after the previous round
    acked: set[str] = set()
    mid_stream = 0  # kills that landed between two scans of a round
    for round_no in range(ROUNDS + 1):
        last = round_no == ROUNDS
        pending = [u for u in units if u not in known]
        # a few units already out are scanned again: they must be refused, not doubled
        again = rng.sample(sorted(known), min(5, len(known)))
        codes = pending + again
        rng.shuffle(codes)
        proc = subprocess.Popen(
            [sys.executable, "-c", SCANNER, str(db_path), ref, *codes],
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        lines = []
        if last:
            proc.wait(timeout=120)
        else:
            # kill after a random number of acknowledgements, then a random fraction of a
            # scan later: the kill lands inside the stream however fast a scan is
            kill_after = rng.randint(1, max(1, len(pending) // 3))
            while len(lines) < kill_after:
                line = proc.stdout.readline().strip()
                lines.append(line)
                if line in ("", "done"):
                    break
            time.sleep(rng.uniform(0.0, 0.004))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        lines += [line.strip() for line in proc.stdout.read().splitlines()]
        proc.stdout.close()
        if last:
            assert lines[-1] == "done"
        round_acks = {line for line in lines if line and line != "done"}
        assert round_acks <= set(pending), "only new units can be accepted"
        acked |= round_acks
        if not last and 0 < len(round_acks) < len(pending):
            mid_stream += 1

        net, integrity = moved_units(db_path)
        assert integrity == "ok"
        present = set(net)
        assert acked <= present, f"round {round_no}: acknowledged scans lost"
        extra = present - acked - known
        assert len(extra) <= 1, f"round {round_no}: unacknowledged scans {extra}"
        assert all(count == 1 for count in net.values()), "a unit is out twice"
        known = present
    assert known == set(units)
    assert mid_stream >= 1, "the kills should land while the scanner is scanning"
