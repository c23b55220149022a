"""A statement is as of the day it is made: a month over keeps its month-end balance and
says what was paid since on its invoices ("réglé depuis le 30/11"); the month in progress
shows the balance on the print date, never a future month end. The JSON gains ``as_of``
and ``paid_since``; the PDF says "Situation au …" and is PDF/A-3B with embedded fonts
only (checked with pypdf and poppler's ``pdffonts``)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from decimal import Decimal

from pypdf import PdfReader

from invoicing import parties, payments, statements
from tests.invoicing import test_statements
from tests.invoicing.test_render import page_texts
from tests.invoicing.test_statements import TODAY, USER, _pay, _statement, at, run

ledger = test_statements.ledger  # the fixtures: a hand-computed ledger, the CLI on it
cli = test_statements.cli

D = Decimal
AS_OF = dt.date(2026, 12, 7)


def _text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def test_month_over_says_what_was_paid_since(coop, ledger):
    # FA-3 (142,00 left on 30/11) gets 120,00 on 02/12; FA-1 116,00 still open
    _pay(coop, "FA-2026-00003", "120.00", "2026-12-02", clock_day="2026-12-03")
    st = _statement(coop, "C-PUB", "2026-11", today=AS_OF)
    assert st.as_of == AS_OF and st.closing_date == dt.date(2026, 11, 30)
    assert st.closing == D("258.00")  # the month's balance is unchanged
    assert st.paid_since == D("120.00") and st.still_due == D("138.00")
    assert [(i.number, i.remaining, i.paid_since) for i in st.open_items] == [
        ("FA-2026-00001", D("116.00"), D("0.00")),
        ("FA-2026-00003", D("142.00"), D("120.00")),
    ]
    with coop.read() as uow:
        pdf = statements.render_statement(st, parties.seller(uow))
    text = _text(pdf)
    assert "Situation au : 07/12/2026" in text
    assert "Réglé depuis le 30/11/2026 -120,00 €" in text  # the summary
    assert "Réglé depuis le 30/11 FA-2026-00001" in text  # the open invoices' column
    assert "Reste dû au 07/12/2026 138,00 €" in text
    assert "Montant à régler : 138,00 €" in text


def test_a_payment_after_the_print_date_is_not_counted(coop, ledger):
    _pay(coop, "FA-2026-00003", "120.00", "2026-12-10", clock_day="2026-12-10")
    st = _statement(coop, "C-PUB", "2026-11", today=AS_OF)
    assert st.paid_since == D("0.00")
    assert st.still_due == st.closing == D("258.00")


def test_current_month_is_stated_at_the_print_date(coop, ledger):
    # November seen on 19/11: the payment dated 20/11 is after the print date
    st = _statement(coop, "C-PUB", "2026-11", today=dt.date(2026, 11, 19))
    assert st.in_progress and st.closing_date == dt.date(2026, 11, 19)
    assert st.closing == D("458.00") and st.paid_since == D("0.00")
    with coop.read() as uow:
        text = _text(statements.render_statement(st, parties.seller(uow)))
    assert "Novembre 2026 (mois en cours)" in text
    assert "du 01/11/2026 au 19/11/2026" in text
    assert "Solde au 19/11/2026" in text
    assert "30/11/2026" not in text  # no future month end


def test_a_reversed_payment_since_is_not_paid(coop, ledger):
    made = _pay(coop, "FA-2026-00003", "120.00", "2026-12-02", clock_day="2026-12-03")
    with coop.write() as uow:
        payments.reverse_payment(uow, user=USER, payment_id=made, clock=at("2026-12-04"))
    st = _statement(coop, "C-PUB", "2026-11", today=AS_OF)
    assert st.paid_since == D("0.00")


def test_statement_is_pdfa3_with_embedded_fonts(coop, ledger, tmp_path):
    st = _statement(coop, "C-PUB", "2026-11")
    with coop.read() as uow:
        pdf = statements.render_statement(st, parties.seller(uow))
    assert pdf.startswith(b"%PDF-1.7")
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 3
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>3</pdfaid:part>" in xmp
    info = reader.metadata
    assert info is not None and info["/Producer"] == "pypdf" and "/Keywords" not in info
    # poppler-utils is installed by .ci/run (a missing pdffonts fails, it is not skipped)
    path = tmp_path / "releve.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no font listed"
    for row in listing:
        assert "DejaVuSans" in row and " yes " in row, row  # embedded


def test_cli_json_has_as_of_and_paid_since(cli, coop, tmp_path, capsys):
    _pay(coop, "FA-2026-00003", "120.00", "2026-12-02", clock_day="2026-12-03")
    status, shown, err = run(
        capsys, "statements", "--month", "2026-11", "--out", str(tmp_path / "o"), "--json"
    )
    assert status == 0, err
    rows = {s["number"]: s for s in json.loads(shown)["statements"]}
    assert rows["C-PUB"]["as_of"] == TODAY.isoformat()
    assert rows["C-PUB"]["paid_since"] == "120.00"
    assert rows["C-PUB"]["closing"] == "258.00"  # unchanged contract
    assert rows["C-MEM"]["paid_since"] == "0.00"


def test_cli_subprocess_json(coop, ledger, db_path, tmp_path):
    """The installed command, in its own process (today's clock: the month is over)."""
    env = {**os.environ, "REGIE_DB": str(db_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "statements", "--month", "2026-11", "--json"]
        + ["--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["statements"]
    assert all(dt.date.fromisoformat(r["as_of"]) >= dt.date(2026, 11, 30) for r in rows)
    assert {"opening", "invoiced", "credited", "paid", "closing", "paid_since"} <= set(rows[0])
