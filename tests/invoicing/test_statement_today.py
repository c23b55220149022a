"""The statement of the month in progress stops at its day ("Situation au …"): the
bookings listed are those whose use has begun by then, with their equipment-days until
then; a booking to come is not on it (the ledger of ``test_statements``: R3 in use from
30/10, R2 from 02/11)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal

from pypdf import PdfReader

from invoicing import credit_notes, parties, payments, statements
from invoicing.statement_model import EntryKind
from tests.invoicing import test_statements
from tests.invoicing.conftest import USER, book, fake_render
from tests.invoicing.test_render import page_texts
from tests.invoicing.test_statements import _id, _statement, at

ledger = test_statements.ledger  # the fixture: a hand-computed ledger

FIRST_NOV = dt.date(2026, 11, 1)


def _text(db, st: statements.Statement) -> str:
    with db.read() as uow:
        return " ".join(page_texts(statements.render_statement(st, parties.seller(uow))))


def test_a_booking_not_begun_by_the_statement_day_is_not_listed(coop, ledger):
    st = _statement(coop, "C-PUB", "2026-11", today=FIRST_NOV)
    # R3 (1 LYRE, 30/10 → 02/11) is in use on 01/11: one day of it so far; R2 begins 02/11
    assert [(b.reference, b.equipment_days) for b in st.bookings] == [(ledger["r3"], 1)]
    text = _text(coop, st)
    assert "Situation au : 01/11/2026" in text
    assert ledger["r3"] in text and ledger["r2"] not in text
    assert "Total au 01/11/2026 1" in text
    assert "jours d'utilisation du 01/11/2026 au 01/11/2026" in text
    # The next day R2 has begun: listed, with its first day
    st = _statement(coop, "C-PUB", "2026-11", today=dt.date(2026, 11, 2))
    assert [(b.reference, b.equipment_days) for b in st.bookings] == [
        (ledger["r3"], 2),
        (ledger["r2"], 4),
    ]
    # A month over lists the month's bookings whole, as before
    st = _statement(coop, "C-PUB", "2026-11")
    assert st.equipment_days == 14
    text = _text(coop, st)
    assert "Total du mois 14" in text and "jours d'utilisation dans le mois" in text


def test_a_customer_with_only_a_booking_to_come_has_no_statement_yet(coop):
    book(coop, at("2026-09-01"), "C-MEM", {"LYRE": 2})  # in use 2–4 December
    mem = _id(coop, "C-MEM")
    with coop.read() as uow:
        assert statements.customers_for_month(uow, "2026-12", today=dt.date(2026, 12, 1)) == []
        assert statements.customers_for_month(uow, "2026-12", today=dt.date(2026, 12, 2)) == [mem]
        assert statements.customers_for_month(uow, "2026-12") == [mem]


def test_the_merged_statements_are_pdfa_too(coop, ledger, tmp_path):
    result = statements.run_batch(coop, "2026-11", tmp_path / "out", today=dt.date(2026, 12, 7))
    assert result.merged is not None
    for path in [*result.files, result.merged]:
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        assert reader.pdf_header == "%PDF-1.7" and root["/Lang"] == "fr-FR", path
        intent = root["/OutputIntents"][0].get_object()
        assert intent["/S"] == "/GTS_PDFA1", path
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert "<pdfaid:part>3</pdfaid:part>" in xmp, path
    assert len(PdfReader(result.merged).pages) == sum(len(PdfReader(p).pages) for p in result.files)


def test_a_refund_has_its_own_line(coop, ledger):
    """C-MEM pays FA-2026-00002 (36,00) on 20/11; it is credited in full on 02/12 and the
    36,00 paid back on 03/12: December shows the credit note, then the refund (+36,00),
    and a balance of 0."""
    test_statements._pay(coop, "FA-2026-00002", "36.00", "2026-11-20")
    with coop.write() as uow:
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number="FA-2026-00002",
            reason="annulation",
            clock=at("2026-12-02"),
            renderer=fake_render,
        )
    with coop.write() as uow:
        payments.add_refund(
            uow,
            user=USER,
            invoice_number="FA-2026-00002",
            amount="36.00",
            date="2026-12-03",
            method="virement",
            reference="VIR RBT",
            clock=at("2026-12-03"),
        )
    st = _statement(coop, "C-MEM", "2026-12", today=dt.date(2026, 12, 7))
    assert [(e.kind, e.amount) for e in st.entries] == [
        (EntryKind.CREDIT_NOTE, Decimal("-36.00")),
        (EntryKind.REFUND, Decimal("36.00")),
    ]
    assert (st.opening, st.credited, st.paid, st.closing) == (
        Decimal("0.00"),
        Decimal("36.00"),
        Decimal("-36.00"),
        Decimal("0.00"),
    )
    assert st.refunded == Decimal("36.00")  # paid is net of it (the JSON contract)
    text = _text(coop, st)
    assert "Remboursement (virement)" in text and "réf. VIR RBT" in text
    assert "Règlements du mois 0,00 €" in text and "Remboursements du mois 36,00 €" in text
    assert "Règlement (" not in text


def test_cli_json_says_what_was_refunded(coop, ledger, db_path, tmp_path):
    """The installed command, in its own process (today's clock: December 2026 or later)."""
    test_a_refund_has_its_own_line(coop, ledger)
    env = {**os.environ, "REGIE_DB": str(db_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "statements", "--month", "2026-12", "--json"]
        + ["--customer", "C-MEM", "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)["statements"]
    assert (row["paid"], row["refunded"], row["closing"]) == ("-36.00", "36.00", "0.00")
