"""Gapless numbering with two processes issuing invoices on one database file at once.

Two spawned interpreters (their own SQLite connections) wait at a barrier, then each
issues invoices for its own bookings through ``issuing.issue`` (rendering, which sleeps a
little so the two overlap, in a rehearsal before the write lock). The number is taken
inside the ``BEGIN IMMEDIATE`` write transaction, so the numbers end up consecutive, none
duplicated or skipped, and the hash chain intact.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time

from sqlmodel import select

from app.core.clock import PARIS, FixedClock
from invoicing import issuing
from invoicing.models import IssuedDocument
from tests.invoicing.conftest import FakeRendered, book, fake_render

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
PER_PROCESS = 6
TIMEOUT = 60


def _slow_render(document):  # pragma: no cover - runs in the workers
    time.sleep(0.01)
    rendered = fake_render(document)
    return FakeRendered(rendered.pdf, rendered.xml)


def _issuer(path: str, references: list[str], barrier, results) -> None:  # pragma: no cover
    from app.core.migrate import open_database
    from invoicing import invoices

    db = open_database(path)
    clock = FixedClock(NOW)
    barrier.wait(timeout=TIMEOUT)
    numbers = []
    try:
        for ref in references:
            row = issuing.issue(
                db,
                lambda uow, ref=ref: invoices.issue_invoice(
                    uow, user="desk", reference=ref, clock=clock, renderer=_slow_render
                ),
            )
            numbers.append(row.number)
        results.put(("ok", numbers))
    except Exception as err:  # noqa: BLE001 - reported to the parent
        results.put(("error", repr(err)))
    finally:
        db.dispose()


def test_two_processes_issue_gapless_numbers(coop, clock, db_path):
    refs = [
        book(
            coop,
            clock,
            "C-PUB",
            {"GAFFER": 1},
            start=f"2026-12-{i + 1:02d}T09:00",
            end=f"2026-12-{i + 1:02d}T18:00",
            use_start=None,
            use_end=None,
        )
        for i in range(2 * PER_PROCESS)
    ]
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_issuer, args=(str(db_path), refs[i::2], barrier, results))
        for i in range(2)
    ]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=TIMEOUT) for _ in workers]
    for w in workers:
        w.join(timeout=TIMEOUT)
    assert [kind for kind, _ in outcomes] == ["ok", "ok"], outcomes
    issued = sorted(n for _, numbers in outcomes for n in numbers)
    expected = [f"FA-2026-{i:05d}" for i in range(1, 2 * PER_PROCESS + 1)]
    assert issued == expected
    # both processes got some numbers while the other was issuing (they interleaved or at
    # least each issued its own share), and the stored sequence and chain agree
    assert all(len(numbers) == PER_PROCESS for _, numbers in outcomes)
    with coop.read() as uow:
        rows = list(uow.session.exec(select(IssuedDocument).order_by(IssuedDocument.id)))
        assert [r.sequence for r in rows] == list(range(1, 2 * PER_PROCESS + 1))
        assert [r.number for r in rows] == expected
        assert issuing.verify_chain(uow) == []
    assert coop.integrity_check() == "ok"
