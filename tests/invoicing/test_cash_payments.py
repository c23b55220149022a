"""Cash and card payments from individuals (INVOICING-FR.md §7.2): Régie is not a certified
cash system (NF 525), so recording one is refused — nothing written — unless the
cooperative declares in Settings that such payments are recorded in its certified till;
then Régie keeps a copy for the invoice's balance. Other customers, and other methods, are
not concerned."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest
from sqlalchemy import text

from app.bootstrap import open_context
from app.cli import main
from app.core.migrate import open_database
from app.demo.booking import make_siret
from invoicing import payments
from tests.invoicing.conftest import book, customer

REFUSED = "Régie is not a certified cash system (NF 525)"


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(5)))
    customer(coop, "P-ZOE", "Zoé Gibert", kind="person", category="individual")

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    return clock


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, (json.loads(out) if status == 0 and "--json" in argv else out), err


def paid_rows(path):
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return conn.execute(text("SELECT * FROM payment ORDER BY id")).all()
    finally:
        db.dispose()


def invoice(capsys, tmp_path, coop, clock, number):
    ref = book(coop, clock, number, {"LYRE": 1})
    status, shown, err = run(
        capsys, "invoice", ref, "--out", str(tmp_path / f"{ref}.pdf"), "--json"
    )
    assert status == 0, err
    return shown["number"]


def test_cash_and_card_from_an_individual_need_the_certified_till(
    cli, coop, db_path, tmp_path, capsys
):
    number = invoice(capsys, tmp_path, coop, cli, "P-ZOE")
    before = paid_rows(db_path)
    status, _, err = run(capsys, "payments", "add", number, "10", "--method", "especes")
    assert status == 1
    assert REFUSED in err and "cash payment from Zoé Gibert" in err
    assert "certified till" in err and "Settings" in err
    status, _, err = run(capsys, "payments", "add", number, "10", "--method", "carte")
    assert status == 1 and REFUSED in err and "card payment" in err
    assert paid_rows(db_path) == before
    # a cheque or a transfer from the same person is recorded
    status, paid, err = run(capsys, "payments", "add", number, "10", "--method", "cheque", "--json")
    assert status == 0, err
    assert paid["method"] == "cheque"
    # once the cooperative declares its certified till, the copy is recorded
    with coop.write() as uow:
        payments.declare_till(uow, True)
    with coop.read() as uow:
        assert payments.till_declared(uow)
    for method in ("especes", "carte"):
        status, paid, err = run(
            capsys, "payments", "add", number, "5", "--method", method, "--json"
        )
        assert status == 0, err
        assert paid["method"] == method
    with coop.write() as uow:
        payments.declare_till(uow, False)
    status, _, err = run(capsys, "payments", "add", number, "1", "--method", "especes")
    assert status == 1 and REFUSED in err


def test_organisations_pay_cash_as_before(cli, coop, tmp_path, capsys):
    number = invoice(capsys, tmp_path, coop, cli, "C-PRO")
    status, paid, err = run(
        capsys, "payments", "add", number, "10", "--method", "especes", "--json"
    )
    assert status == 0, err
    assert paid["method"] == "especes"


def test_refused_in_a_real_process(cli, coop, db_path, tmp_path, capsys):
    number = invoice(capsys, tmp_path, coop, cli, "P-ZOE")
    coop.dispose()
    before = paid_rows(db_path)
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "payments",
            "add",
            number,
            "10",
            "--method",
            "carte",
            "--date",
            "2026-11-26",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert REFUSED in done.stderr and "Traceback" not in done.stderr
    assert paid_rows(db_path) == before
