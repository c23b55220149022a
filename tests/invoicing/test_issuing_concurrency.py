"""Several desks issuing at once never see "database is locked": rendering happens in a
rehearsal outside the write lock (``issuing.issue``), the write transaction only takes
the number and stores the bytes.

``WORKERS`` spawned interpreters (their own SQLite connections) wait at a barrier, then
each issues the invoice of its own booking with the real renderer (PDF/A-3 with the
Factur-X XML). All succeed, the numbers are gapless, each stored PDF is the rendering of
its own frozen document, and ``regie verify`` finds the database intact.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import subprocess
import sys

from sqlmodel import col, select

from app.core.clock import PARIS, FixedClock
from invoicing import integrity, issuing
from invoicing.models import IssuedDocument
from tests.invoicing.conftest import book

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
WORKERS = 12
TIMEOUT = 120


def _issuer(path: str, reference: str, barrier, results) -> None:  # pragma: no cover
    from app.core.migrate import open_database
    from invoicing import invoices, render

    db = open_database(path)
    clock = FixedClock(NOW)
    render.render  # noqa: B018 - imported before the barrier: the race is the issuing
    barrier.wait(timeout=TIMEOUT)
    stats = issuing.IssueStats()
    try:
        row = issuing.issue(
            db,
            lambda uow: invoices.issue_invoice(
                uow, user="desk", reference=reference, clock=clock, renderer=render.render
            ),
            stats=stats,
        )
        results.put(("ok", row.number, stats.rehearsals, stats.locked_renders))
    except Exception as err:  # noqa: BLE001 - reported to the parent
        results.put(("error", repr(err), stats.rehearsals, stats.locked_renders))
    finally:
        db.dispose()


def test_many_desks_issue_at_once_without_a_locked_database(coop, clock, db_path):
    refs = [
        book(
            coop,
            clock,
            "C-PUB",
            {"GAFFER": 1 + i % 3},
            start="2026-12-01T09:00",
            end="2026-12-01T18:00",
            use_start=None,
            use_end=None,
        )
        for i in range(WORKERS)
    ]
    coop.dispose()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_issuer, args=(str(db_path), ref, barrier, results)) for ref in refs
    ]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=TIMEOUT) for _ in workers]
    for w in workers:
        w.join(timeout=TIMEOUT)
    assert [o[0] for o in outcomes] == ["ok"] * WORKERS, outcomes
    numbers = sorted(o[1] for o in outcomes)
    assert numbers == [f"FA-2026-{i:05d}" for i in range(1, WORKERS + 1)]
    with coop.read() as uow:
        rows = list(uow.session.exec(select(IssuedDocument).order_by(col(IssuedDocument.id))))
        assert sorted(r.sequence for r in rows) == list(range(1, WORKERS + 1))
        assert sorted(r.booking_id for r in rows) == sorted({r.booking_id for r in rows})
        for row in rows:  # the bytes stored are those of the document frozen with them
            pdf = issuing.files_of(uow, row.id).pdf
            assert row.number.encode() in issuing.files_of(uow, row.id).xml
            assert pdf.startswith(b"%PDF")
        assert integrity.verify(uow).intact
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(f"Intact: {WORKERS} documents")
    print("rehearsals, locked renders per desk:", sorted((o[2], o[3]) for o in outcomes))


def test_an_action_issuing_two_documents_renders_the_second_in_the_write(coop, clock):
    """The rehearsal renders the first document; the second is rendered in the write
    transaction (no endless retry); both are stored, sealed and chained."""
    from invoicing import invoices
    from tests.invoicing.conftest import USER, fake_render

    refs = [book(coop, clock, "C-PUB", {"LYRE": n}) for n in (1, 2)]

    def both(uow):
        first = invoices.issue_invoice(
            uow, user=USER, reference=refs[0], clock=clock, renderer=fake_render
        )
        invoices.issue_invoice(uow, user=USER, reference=refs[1], clock=clock, renderer=fake_render)
        return first

    stats = issuing.IssueStats()
    row = issuing.issue(coop, both, stats=stats)
    assert row.number == "FA-2026-00001"
    assert (stats.rehearsals, stats.locked_renders) == (1, 0)
    with coop.read() as uow:
        assert [r.number for r in uow.session.exec(select(IssuedDocument))] == [
            "FA-2026-00001",
            "FA-2026-00002",
        ]
        assert integrity.verify(uow).intact
