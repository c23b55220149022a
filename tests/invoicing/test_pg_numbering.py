"""Invoices on a PostgreSQL server: gapless numbers with several issuers at once, and
issued documents that the database itself refuses to change.

Several spawned interpreters (their own connections) wait at a barrier, then each issues
invoices for its own bookings through ``issuing.issue`` (a rendering that sleeps a little,
in the rehearsal before the write lock, so they overlap). The number is taken under the
server's write lock (an advisory lock), so the numbers end up consecutive, none duplicated
or skipped, the hash chain intact; then two installed ``regie invoice`` processes at once
continue the series. Last, a plain psycopg connection — anyone with the database's
password — tries to UPDATE and DELETE issued rows, payments, seals and the audit trail:
the triggers refuse every one, and ``regie verify`` still finds the database intact.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import subprocess
import sys
import time

import psycopg
import pytest
from sqlalchemy.engine import make_url
from sqlmodel import select

from app.core.clock import PARIS, FixedClock
from invoicing import integrity, invoices, issuing, payments
from invoicing.models import IssuedDocument
from tests.invoicing.conftest import FakeRendered, book, fake_render
from tests.pg import ADMIN_PASSWORD

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
ISSUERS = 3
PER_PROCESS = 4
TIMEOUT = 120


@pytest.fixture
def db(pg_db):  # the invoicing fixtures (coop…) on the server
    return pg_db


def _slow_render(document):  # pragma: no cover - runs in the workers
    time.sleep(0.01)
    rendered = fake_render(document)
    return FakeRendered(rendered.pdf, rendered.xml)


def _issuer(url: str, references: list[str], barrier, results) -> None:  # pragma: no cover
    from app.core.migrate import open_database
    from invoicing import invoices

    db = open_database(url)
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


def _bookings(coop, clock, count: int, first_day: int = 1) -> list[str]:
    return [
        book(
            coop,
            clock,
            "C-PUB",
            {"GAFFER": 1},
            start=f"2026-12-{first_day + i:02d}T09:00",
            end=f"2026-12-{first_day + i:02d}T18:00",
            use_start=None,
            use_end=None,
        )
        for i in range(count)
    ]


def _regie(url: str, *argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "REGIE_DB": url, "REGIE_LANG": "en", "REGIE_USER": "admin"}
    env["REGIE_PASSWORD"] = ADMIN_PASSWORD  # the test server's admin (tests/pg.py)
    return subprocess.Popen(
        [sys.executable, "-m", "app", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_issuers_at_once_take_gapless_numbers(coop, clock, pg_url, tmp_path):
    refs = _bookings(coop, clock, ISSUERS * PER_PROCESS)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(ISSUERS)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_issuer, args=(pg_url, refs[i::ISSUERS], barrier, results))
        for i in range(ISSUERS)
    ]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=TIMEOUT) for _ in workers]
    for w in workers:
        w.join(timeout=TIMEOUT)
    assert [kind for kind, _ in outcomes] == ["ok"] * ISSUERS, outcomes
    issued = sorted(n for _, numbers in outcomes for n in numbers)
    total = ISSUERS * PER_PROCESS
    assert issued == [f"FA-2026-{i:05d}" for i in range(1, total + 1)]
    assert all(len(numbers) == PER_PROCESS for _, numbers in outcomes)

    # two installed regie processes at once continue the series
    more = _bookings(coop, clock, 2, first_day=20)
    procs = [
        _regie(pg_url, "invoice", ref, "--out", str(tmp_path / f"{ref}.pdf"), "--json")
        for ref in more
    ]
    shown = []
    for proc in procs:
        out, err = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == 0 and "Traceback" not in err, err
        shown.append(json.loads(out)["number"])
    assert sorted(shown) == [f"FA-2026-{total + 1:05d}", f"FA-2026-{total + 2:05d}"]

    with coop.read() as uow:
        rows = list(uow.session.exec(select(IssuedDocument).order_by(IssuedDocument.id)))
        assert [r.sequence for r in rows] == list(range(1, total + 3))
        assert issuing.verify_chain(uow) == []
        assert integrity.verify(uow).intact


REFUSED = (
    "UPDATE issued_document SET gross_cents = gross_cents + 100",
    "DELETE FROM issued_document",
    "UPDATE issued_line SET net_cents = 1",
    "DELETE FROM issued_line",
    "UPDATE document_file SET pdf = 'x'",
    "DELETE FROM document_file",
    "UPDATE payment SET amount_cents = 1",
    "DELETE FROM payment",
    "UPDATE record_seal SET row_sha256 = 'x'",
    "DELETE FROM record_seal",
    "UPDATE audit_event SET account = 'nobody'",
    "DELETE FROM audit_event",
)


def _libpq(url: str) -> str:
    """The server's connection string for a plain psycopg connection."""
    parsed = make_url(url)
    params = {
        "dbname": parsed.database,
        "user": parsed.username,
        "host": parsed.host or parsed.query.get("host"),
        "port": parsed.port or parsed.query.get("port"),
    }
    return " ".join(f"{k}={v}" for k, v in params.items() if v)


def _snapshot(conninfo: str) -> dict[str, list[tuple[object, ...]]]:
    tables = ("issued_document", "issued_line", "document_file", "payment", "record_seal")
    with psycopg.connect(conninfo) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_issued_documents_refuse_update_and_delete_on_the_server(coop, clock, pg_url):
    (ref,) = _bookings(coop, clock, 1)
    issued = issuing.issue(
        coop,
        lambda uow: invoices.issue_invoice(
            uow, user="manager", reference=ref, clock=clock, renderer=fake_render
        ),
    )
    with coop.write() as uow:
        payments.add_payment(
            uow, user="manager", invoice_number=issued.number, amount="5.00", clock=clock
        )
    conninfo = _libpq(pg_url)
    before = _snapshot(conninfo)
    assert all(before.values())
    for statement in REFUSED:
        with psycopg.connect(conninfo) as conn:
            with pytest.raises(psycopg.Error) as refused:
                conn.execute(statement)
            assert "immutable" in str(refused.value) or "append-only" in str(refused.value), (
                statement,
                str(refused.value),
            )
    assert _snapshot(conninfo) == before
    with coop.read() as uow:
        report = integrity.verify(uow)
    assert report.intact and report.triggers >= 10, report.problems
