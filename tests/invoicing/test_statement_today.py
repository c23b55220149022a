"""The statement of the month in progress stops at its day ("Situation au …"): the
bookings listed are those whose use has begun by then, with their equipment-days until
then; a booking to come is not on it (the ledger of ``test_statements``: R3 in use from
30/10, R2 from 02/11)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from invoicing import parties, statements
from tests.invoicing import test_statements
from tests.invoicing.conftest import book
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
