"""Refunds (issue 11, new-user review): an invoice paid, then wholly credited, owes the
customer its payment back. Its balance is negative and its status ``credit`` (À
rembourser) — not ``paid`` —, and ``regie payments refund NUMBER AMOUNT`` records the money
given back: a sealed negative entry, never more than the credit, dated no earlier than the
credit note it refunds nor beyond tomorrow, cash or card to an individual only through the
certified till. After it the balance is 0, the status ``paid``, ``regie verify`` intact and
the accounting export books it (debit 411, credit 512). Every refusal writes nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from decimal import ROUND_DOWN, Decimal

import pytest
from sqlalchemy import text

from app.bootstrap import open_context
from app.cli import main
from app.core.clock import PARIS
from app.core.migrate import open_database
from app.demo.booking import make_siret
from invoicing import payments
from tests.invoicing.conftest import book, customer

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(5)))
    customer(coop, "P-ZOE", "Zoé Gibert", kind="person", category="individual")

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    for module in ("invoicing", "refunds", "export"):
        monkeypatch.setattr(f"app.cli.{module}.open_context", fixed_context)
    return clock


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, (json.loads(out) if status == 0 and "--json" in argv else out), err


def ok(capsys, *argv):
    status, shown, err = run(capsys, *argv)
    assert status == 0, err
    return shown


def payment_rows(path):
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return conn.execute(text("SELECT * FROM payment ORDER BY id")).all()
    finally:
        db.dispose()


def later(clock, days):
    clock.at = clock.at + dt.timedelta(days=days)


def credited(capsys, tmp_path, coop, clock, number):
    """An invoice of ``number``'s customer, paid in full, then wholly credited two days
    later: (invoice number, its gross, the credit note's number)."""
    ref = book(coop, clock, number, {"LYRE": 1})
    shown = ok(capsys, "invoice", ref, "--out", str(tmp_path / f"{ref}.pdf"), "--json")
    gross = shown["gross_total"]
    ok(capsys, "payments", "add", shown["number"], gross, "--method", "cheque", "--json")
    later(clock, 2)
    note = ok(capsys, "credit-note", shown["number"], "--out", str(tmp_path / "av.pdf"), "--json")
    return shown["number"], gross, note["number"]


def test_a_credited_paid_invoice_is_in_credit_then_refunded(cli, coop, db_path, tmp_path, capsys):
    number, gross, _note = credited(capsys, tmp_path, coop, cli, "C-PRO")
    shown = ok(capsys, "invoices", "show", number, "--json")
    assert shown["status"] == "credit"
    assert shown["balance"] == f"-{gross}"
    listed = ok(capsys, "invoices", "list", "--status", "credit", "--json")
    assert [d["number"] for d in listed] == [number]
    # a payment is not what it needs
    status, _, err = run(capsys, "payments", "add", number, "1")
    assert status == 1 and "record a refund" in err
    # half now by transfer, the rest by cheque the next day
    half = str((Decimal(gross) / 2).quantize(Decimal("0.01"), rounding=ROUND_DOWN))
    first = ok(capsys, "payments", "refund", number, half, "--reference", "VIR-12", "--json")
    assert first["refund"] is True and first["amount"] == f"-{half}"
    assert first["method"] == "virement" and first["reference"] == "VIR-12"
    assert first["status"] == "credit"
    later(cli, 1)
    rest = ok(
        capsys, "payments", "refund", number, first["balance"][1:], "--method", "cheque", "--json"
    )
    assert rest["balance"] == "0.00" and rest["status"] == "paid"
    assert rest["date"] == "2026-11-29"
    shown = ok(capsys, "invoices", "show", number, "--json")
    assert shown["status"] == "paid" and shown["balance"] == "0.00"
    assert [p["amount"] for p in shown["payments"]] == [gross, f"-{half}", rest["amount"]]
    # nothing more to refund
    status, _, err = run(capsys, "payments", "refund", number, "0.01")
    assert status == 1 and "owes the customer nothing back" in err
    # a refund recorded by mistake is reversed like a payment: the credit is back
    undone = ok(capsys, "payments", "reverse", str(rest["id"]), "--json")
    assert undone["amount"] == rest["amount"][1:] and undone["reverses"] == rest["id"]
    assert undone["status"] == "credit" and undone["balance"] == rest["amount"]
    listed = ok(capsys, "payments", "list", number, "--json")
    assert [p["refund"] for p in listed] == [False, True, True, False]


def test_refusals_write_nothing(cli, coop, db_path, tmp_path, capsys):
    number, gross, note = credited(capsys, tmp_path, coop, cli, "C-PRO")
    before = payment_rows(db_path)
    too_much = str(Decimal(gross) + Decimal("0.01"))
    cases = [
        ((number, too_much), 1, f"has {gross} to refund"),
        ((number, "10", "--date", "2026-11-27"), 1, f"before the credit note it refunds: {note}"),
        ((number, "10", "--date", "2026-11-30"), 1, "beyond tomorrow"),
        ((number, "0"), 1, "more than zero"),
        ((number, "abc"), 2, "AMOUNT abc"),
        ((number, "-5"), 2, ""),
        ((number, "10", "--date", "31/02/2026"), 2, "--date"),
        (("FA-2026-09999", "10"), 1, "FA-2026-09999"),
        ((note, "10"), 1, note),
    ]
    for argv, expected, words in cases:
        status, _, err = run(capsys, "payments", "refund", *argv)
        assert status == expected, (argv, err)
        assert words in err, (argv, err)
        assert "Traceback" not in err
    assert payment_rows(db_path) == before
    # an invoice not in credit has nothing to refund
    ref = book(coop, cli, "C-PRO", {"LYRE": 1})
    other = ok(capsys, "invoice", ref, "--out", str(tmp_path / "o.pdf"), "--json")["number"]
    status, _, err = run(capsys, "payments", "refund", other, "1")
    assert status == 1 and "owes the customer nothing back" in err
    assert payment_rows(db_path) == before


def test_cash_and_card_refunds_to_an_individual_need_the_certified_till(
    cli, coop, db_path, tmp_path, capsys
):
    number, gross, _note = credited(capsys, tmp_path, coop, cli, "P-ZOE")
    before = payment_rows(db_path)
    for method, words in (("especes", "cash refund to Zoé Gibert"), ("carte", "card refund")):
        status, _, err = run(capsys, "payments", "refund", number, "5", "--method", method)
        assert status == 1 and "certified cash system (NF 525)" in err and words in err
    assert payment_rows(db_path) == before
    with coop.write() as uow:
        payments.declare_till(uow, True)
    shown = ok(capsys, "payments", "refund", number, gross, "--method", "especes", "--json")
    assert shown["status"] == "paid"


def test_the_refund_is_sealed_exported_and_in_a_real_process(cli, coop, db_path, tmp_path, capsys):
    number, gross, _note = credited(capsys, tmp_path, coop, cli, "C-PRO")
    coop.dispose()
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    today = cli.at.astimezone(PARIS).date().isoformat()
    done = subprocess.run(
        [sys.executable, "-m", "app", "payments", "refund", number, gross, "--date", today],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"-{gross} on {number}" in done.stdout and "balance 0.00" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "app", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Intact:")
    # the accounting export books it: the customer's account debited, the bank credited
    status, out, err = run(
        capsys,
        "export",
        "accounting",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        "-",
        "--json",
    )
    assert status == 0, err
    lines = out["data"]
    refund = [ln for ln in lines if ln["EcritureDate"] == today.replace("-", "")]
    refund = [ln for ln in refund if ln["PieceRef"] == number and ln["JournalCode"] != "VE"]
    bank = [ln for ln in refund if ln["CompteNum"].startswith("512")]
    customer_side = [ln for ln in refund if ln["CompteNum"].startswith("411")]
    assert bank and customer_side, lines
    assert bank[-1]["Credit"].replace(",", ".") == gross
    assert customer_side[-1]["Debit"].replace(",", ".") == gross
    assert bank[-1]["EcritureLib"].startswith(f"Remboursement {number} virement")
