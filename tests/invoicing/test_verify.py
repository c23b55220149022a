"""``regie verify``: invoices and payments made through the CLI, then the database edited
behind Régie's back with the ``sqlite3`` module (a trigger dropped, a line's net, a
document's total, a payment's amount, a payment deleted, the frozen JSON, a seal, a row
added); each time ``regie verify`` in its own process exits 1 naming the document and
what changed. An untouched database — and the demo cooperative — verify intact."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys

import pytest

from app.bootstrap import open_context
from app.cli import main
from app.demo.booking import make_siret
from tests.invoicing.conftest import book, customer

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    rng = random.Random(5)
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(rng))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    return clock


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out) if "--json" in argv else out


def verify(path, *extra):
    """``regie verify`` in its own process: (exit status, stdout)."""
    env = {**os.environ, "REGIE_DB": str(path), "REGIE_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "verify", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout


def tamper(source, target, *statements):
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    return target


@pytest.fixture
def issued(cli, coop, db_path, tmp_path, capsys):
    """Three invoices (FA-1..3), payments on FA-1 (1, 2; 2 reversed by 3) and FA-2 (4)."""
    numbers = []
    for i in range(3):
        ref = book(coop, cli, "C-PRO", {"LYRE": 1 + i})
        shown = run(capsys, "invoice", ref, "--out", str(tmp_path / f"{i}.pdf"), "--json")
        numbers.append(shown["number"])
    assert numbers == ["FA-2026-00001", "FA-2026-00002", "FA-2026-00003"]
    run(capsys, "payments", "add", numbers[0], "50", "--method", "cheque", "--json")
    paid = run(capsys, "payments", "add", numbers[0], "20", "--method", "virement", "--json")
    run(capsys, "payments", "reverse", str(paid["id"]), "--json")
    run(capsys, "payments", "add", numbers[1], "10", "--method", "cheque", "--json")
    coop.dispose()
    return db_path


DROP = "DROP TRIGGER {}"
CASES = {
    "trigger": (
        [DROP.format("issued_line_no_update")],
        ["trigger issued_line_no_update is missing"],
    ),
    "line net": (
        [
            DROP.format("issued_line_no_update"),
            "UPDATE issued_line SET net_cents = 1 "
            "WHERE document_id = (SELECT id FROM issued_document WHERE number = 'FA-2026-00002')",
        ],
        ["FA-2026-00002: lines changed since issue"],
    ),
    "gross": (
        [
            DROP.format("issued_document_no_update"),
            "UPDATE issued_document SET gross_cents = "
            "gross_cents - 100 WHERE number = 'FA-2026-00001'",
        ],
        ["FA-2026-00001: amounts changed since issue"],
    ),
    "payment amount": (
        [DROP.format("payment_no_update"), "UPDATE payment SET amount_cents = 500 WHERE id = 1"],
        ["FA-2026-00001: payment 1 changed since it was recorded"],
    ),
    "payment deleted": (
        [DROP.format("payment_no_delete"), "DELETE FROM payment WHERE id = 4"],
        ["FA-2026-00002: payment 4 deleted"],
    ),
    "frozen json": (
        [
            DROP.format("issued_document_no_update"),
            "UPDATE issued_document SET document_json = "
            "replace(document_json, 'Compagnie du Rocher', 'Compagnie du Roc') "
            "WHERE number = 'FA-2026-00003'",
        ],
        ["FA-2026-00003: frozen document changed since issue"],
    ),
    "seal rewritten": (
        [
            DROP.format("record_seal_no_update"),
            "UPDATE record_seal SET row_sha256 = '0000' WHERE id = 2",
        ],
        ["FA-2026-00002: seal chain broken at seal 2"],
    ),
    "payment added": (
        [
            "INSERT INTO payment (document_id, amount_cents, date, method, reference, "
            "recorded_at, recorded_by) VALUES (3, 100, '2026-11-26', 'cheque', '', "
            "'2026-11-26 10:00:00', 'x')"
        ],
        ["FA-2026-00003: payment 5 not sealed: not recorded by Régie"],
    ),
}


def test_verify_names_every_tampered_document(issued, tmp_path):
    status, out = verify(issued)
    assert status == 0, out
    assert out.strip() == "Intact: 3 documents, 4 payments, 7 seals, 10 triggers checked."
    for name, (statements, expected) in CASES.items():
        target = tamper(issued, tmp_path / f"{name.replace(' ', '_')}.db", *statements)
        status, out = verify(target)
        assert status == 1, (name, out)
        lines = out.splitlines()
        for line in expected:
            assert line in lines, (name, out)
        # nothing else is blamed: every document named is the one edited
        named = {ln.split(":")[0] for ln in lines[1:] if ln.startswith("FA-")}
        assert named <= {ln.split(":")[0] for ln in expected}, (name, out)


def test_verify_json_and_the_quick_check(issued, tmp_path):
    target = tamper(
        issued,
        tmp_path / "json.db",
        DROP.format("issued_document_no_update"),
        "UPDATE issued_document SET net_cents = 0, vat_cents = 0 WHERE number = 'FA-2026-00003'",
    )
    status, out = verify(target, "--json")
    shown = json.loads(out)
    assert status == 1 and shown["intact"] is False and shown["broken"] == ["FA-2026-00003"]
    assert {"number": "FA-2026-00003", "problem": "amounts changed since issue"} in shown[
        "problems"
    ]
    assert {"number": "", "problem": "trigger issued_document_no_update is missing"} in shown[
        "problems"
    ]
    assert (shown["documents"], shown["payments"], shown["seals"]) == (3, 4, 7)
    # the quick check (made at start) sees the trigger and the last seals' rows
    status, out = verify(target, "--quick", "--json")
    quick = json.loads(out)
    assert status == 1 and quick["full"] is False and quick["broken"] == ["FA-2026-00003"]
    status, out = verify(issued, "--quick", "--json")
    assert status == 0 and json.loads(out)["intact"] is True


def test_a_database_issued_before_the_seals_is_sealed_by_the_migration(issued, tmp_path):
    """Rows issued before migration 0010 are sealed as they are when it runs."""
    old = tmp_path / "old.db"
    shutil.copy(issued, old)
    conn = sqlite3.connect(old)
    with conn:
        conn.execute("DROP TABLE record_seal")
        conn.execute("DROP TABLE audit_event")  # and what later migrations added (0012,
        conn.execute("DROP TABLE account")  # 0013)
        conn.execute("DROP TABLE opening_payment")
        conn.execute("DROP TABLE opening_balance")
        conn.execute("UPDATE alembic_version SET version_num = '0009_buyers'")
    conn.close()
    status, out = verify(old)
    assert status == 0, out
    assert out.strip() == "Intact: 3 documents, 4 payments, 7 seals, 10 triggers checked."


def test_the_demo_cooperative_verifies_intact(tmp_path):
    """The demo writes its documents' bytes and chain after issuing (``DeferredRenderer``);
    its rows and payments are sealed as they are issued: ``regie verify`` finds it intact."""
    import datetime as dt

    from app.core.clock import PARIS, FixedClock
    from app.core.migrate import open_database
    from app.demo import invoicing as demo
    from app.demo.booking import build_bookings_demo
    from app.demo.inventory import build_demo
    from tests.invoicing.conftest import fake_render

    clock = FixedClock(dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))
    path = tmp_path / "demo.db"
    db = open_database(path)
    build_demo(db, size="small", seed=1, clock=clock, user="demo")
    build_bookings_demo(db, size="small", seed=1, clock=clock, user="demo")
    summary = demo.build_invoicing_demo(
        db,
        size="small",
        seed=1,
        clock=clock,
        user="demo",
        renderer=fake_render,
        invoices_limit=25,
    )
    db.dispose()
    assert summary.invoices == 25
    status, out = verify(path)
    assert status == 0, out
    assert out.startswith("Intact: ")
