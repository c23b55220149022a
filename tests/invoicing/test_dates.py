"""Dates: an invoice or credit note is never dated before the last one of its series (a
computer whose clock is wrong gets a refusal naming the last number and date, nothing
written); a payment is never dated before its invoice, nor more than a day ahead."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys

import pytest
from sqlalchemy import text

from app.bootstrap import open_context
from app.cli import main
from app.core.clock import PARIS, FixedClock
from app.core.migrate import open_database
from app.demo.booking import make_siret
from tests.invoicing.conftest import book, customer

TABLES = ("issued_document", "issued_line", "document_file", "document_sequence", "payment")


def at(day: str) -> FixedClock:
    return FixedClock(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10), tzinfo=PARIS))


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(5)))
    state = {"clock": clock}

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = state["clock"]
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    return state


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, (json.loads(out) if status == 0 and "--json" in argv else out), err


def snapshot(path):
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES}
    finally:
        db.dispose()


def regie(path, *argv):
    """``regie`` in its own process, with the computer's real clock."""
    env = {**os.environ, "REGIE_DB": str(path), "REGIE_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "app", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


def test_an_invoice_dated_before_the_last_one_is_refused(cli, coop, db_path, tmp_path, capsys):
    first = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    second = book(coop, cli["clock"], "C-PRO", {"LYRE": 2})
    status, shown, err = run(capsys, "invoice", first, "--out", str(tmp_path / "1.pdf"), "--json")
    assert status == 0, err
    assert shown["date"] == "2026-11-26"
    cli["clock"] = at("2026-11-20")  # this computer's clock is six days late
    before = snapshot(db_path)
    status, _, err = run(capsys, "invoice", second, "--out", str(tmp_path / "2.pdf"), "--json")
    assert status == 1
    assert "The last invoice FA-2026-00001 is dated 26/11/2026" in err
    assert "this computer's clock says 20/11/2026" in err
    assert snapshot(db_path) == before and not (tmp_path / "2.pdf").exists()
    # the same day, or later, is fine
    cli["clock"] = at("2026-11-26")
    status, shown, err = run(capsys, "invoice", second, "--out", str(tmp_path / "2.pdf"), "--json")
    assert status == 0, err
    assert shown["number"] == "FA-2026-00002"


def test_a_credit_note_dated_before_the_last_one_is_refused(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 2})
    status, invoice, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "i.pdf"), "--json")
    assert status == 0, err
    cli["clock"] = at("2026-11-28")
    status, credit, err = run(
        capsys,
        "credit-note",
        invoice["number"],
        "--reason",
        "geste",
        "--amount",
        "10",
        "--out",
        str(tmp_path / "a1.pdf"),
        "--json",
    )
    assert status == 0, err
    assert credit["number"] == "AV-2026-00001"
    cli["clock"] = at("2026-11-27")
    before = snapshot(db_path)
    status, _, err = run(
        capsys,
        "credit-note",
        invoice["number"],
        "--reason",
        "geste",
        "--amount",
        "10",
        "--out",
        str(tmp_path / "a2.pdf"),
        "--json",
    )
    assert status == 1
    assert "The last credit note AV-2026-00001 is dated 28/11/2026" in err
    assert snapshot(db_path) == before


def test_a_wrong_clock_in_a_real_process_is_refused(coop, db_path, tmp_path):
    """An invoice was issued by a computer dated 2099: this computer (the real clock, far
    earlier) is refused, naming that invoice and its date."""
    from invoicing import invoices, issuing
    from tests.invoicing.conftest import fake_render

    far = at("2099-01-05")
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(5)))
    first = book(coop, far, "C-PRO", {"LYRE": 1})
    issuing.issue(
        coop,
        lambda uow: invoices.issue_invoice(
            uow, user="desk", reference=first, clock=far, renderer=fake_render
        ),
    )
    second = book(coop, far, "C-PRO", {"LYRE": 2})
    coop.dispose()
    before = snapshot(db_path)
    status, _, err = regie(db_path, "invoice", second, "--out", str(tmp_path / "x.pdf"))
    assert status == 1, err
    assert "The last invoice FA-2099-00001 is dated 05/01/2099" in err
    assert snapshot(db_path) == before and not (tmp_path / "x.pdf").exists()


def test_payment_dates(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 2})
    status, invoice, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "i.pdf"), "--json")
    assert status == 0, err
    number = invoice["number"]  # dated 26/11/2026
    before = snapshot(db_path)
    status, _, err = run(capsys, "payments", "add", number, "10", "--date", "2026-11-25")
    assert status == 1
    assert "cannot be dated before its invoice: FA-2026-00001 is dated 26/11/2026" in err
    status, _, err = run(capsys, "payments", "add", number, "10", "--date", "2026-11-28")
    assert status == 1 and "future beyond tomorrow (28/11/2026" in err
    assert snapshot(db_path) == before
    # the invoice's own day and tomorrow (a cheque dated tomorrow, a clock a little late)
    for day in ("2026-11-26", "2026-11-27"):
        status, paid, err = run(capsys, "payments", "add", number, "10", "--date", day, "--json")
        assert status == 0, err
        assert paid["date"] == day
    # in a real process, with this computer's clock: 2099 is far in the future
    coop.dispose()
    before = snapshot(db_path)
    status, _, err = regie(db_path, "payments", "add", number, "10", "--date", "2099-01-01")
    assert status == 1 and "future beyond tomorrow (01/01/2099" in err
    assert snapshot(db_path) == before


def test_a_reversal_on_a_computer_with_a_late_clock_is_refused(cli, coop, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    status, invoice, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "i.pdf"), "--json")
    assert status == 0, err
    status, paid, err = run(capsys, "payments", "add", invoice["number"], "10", "--json")
    assert status == 0, err
    cli["clock"] = at("2026-11-20")
    status, _, err = run(capsys, "payments", "reverse", str(paid["id"]))
    assert status == 1 and "cannot be dated before its invoice" in err
    cli["clock"] = at("2026-11-27")
    status, _, err = run(capsys, "payments", "reverse", str(paid["id"]))
    assert status == 0, err
