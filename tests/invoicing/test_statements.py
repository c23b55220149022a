"""Monthly statements: the arithmetic against a hand-computed ledger (invoices before and in
the month, a partial credit note, payments, a reversal), ageing, equipment-days, deposits
held; the sum of the closing balances equals the receivables; the batch (files, merged
PDF, cancel leaves nothing), the PDF's text, and the CLI contract."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pypdfium2 as pdfium
import pytest

from app.cli import main
from app.core.clock import PARIS, FixedClock
from app.core.errors import NotFound, ValidationError
from booking.customers import customer_by_number
from invoicing import credit_notes, deposits, invoices, parties, payments, statements
from invoicing.credit_notes import CreditLine
from invoicing.statements import Ageing, EntryKind
from tests.invoicing.conftest import USER, book, fake_render

D = Decimal
#: Statements are dated after the end of November, so ageing is counted on 30/11.
TODAY = dt.date(2026, 12, 15)


def at(day: str) -> FixedClock:
    return FixedClock(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10), tzinfo=PARIS))


def _issue(db, ref: str, day: str) -> str:
    with db.write() as uow:
        return invoices.issue_invoice(
            uow, user=USER, reference=ref, clock=at(day), renderer=fake_render
        ).number


def _pay(db, number: str, amount: str, date: str, clock_day: str = "2026-11-26") -> int:
    with db.write() as uow:
        made = payments.add_payment(
            uow,
            user=USER,
            invoice_number=number,
            amount=amount,
            date=date,
            method="virement",
            reference=f"VIR {date}",
            clock=at(clock_day),
        )
        return made.id  # type: ignore[return-value]


@pytest.fixture
def ledger(coop):
    """C-PUB (non-member, LYRE 45,00 a day, coefficient 2 for 3 days, VAT 20 %):

    - FA-2026-00001, 20/09 (due 20/10): 2 LYRE × 3 days = 180,00 net, 216,00 gross;
      paid 100,00 on 05/10 and 50,00 on 06/10, that 50,00 reversed on 03/11;
    - FA-2026-00003, 05/11 (due 05/12): 4 LYRE × 3 days + 2 GAFFER = 385,00 net,
      462,00 gross; AV-2026-00001 on 06/11 credits 100,00 net of line 1 (120,00 gross);
      paid 200,00 on 20/11; a 500,00 deposit received on 05/11, held;
    - R3 (not invoiced): 1 LYRE used 30/10 → 02/11 (2 days in November); its 300,00
      deposit, received 30/10, returned 10/11.

    C-MEM (member, 30,00 a day): FA-2026-00002, 12/10, 1 LYRE × 1 day = 30,00 net, 36,00
    gross, unpaid (due 11/11)."""
    r1 = book(
        coop,
        at("2026-09-01"),
        "C-PUB",
        {"LYRE": 2},
        start="2026-09-14T09:00",
        end="2026-09-18T18:00",
        use_start="2026-09-15T08:00",
        use_end="2026-09-17T23:00",
    )
    r2 = book(
        coop,
        at("2026-09-01"),
        "C-PUB",
        {"LYRE": 4, "GAFFER": 2},
        start="2026-11-01T09:00",
        end="2026-11-05T09:00",
        use_start="2026-11-02T08:00",
        use_end="2026-11-04T23:00",
    )
    r3 = book(
        coop,
        at("2026-09-01"),
        "C-PUB",
        {"LYRE": 1},
        start="2026-10-29T09:00",
        end="2026-11-03T09:00",
        use_start="2026-10-30T08:00",
        use_end="2026-11-02T12:00",
    )
    r4 = book(
        coop,
        at("2026-09-01"),
        "C-MEM",
        {"LYRE": 1},
        start="2026-10-09T09:00",
        end="2026-10-11T09:00",
        use_start="2026-10-10T08:00",
        use_end="2026-10-10T23:00",
    )
    a = _issue(coop, r1, "2026-09-20")
    _pay(coop, a, "100.00", "2026-10-05", clock_day="2026-10-10")
    bounced = _pay(coop, a, "50.00", "2026-10-06", clock_day="2026-10-10")
    c = _issue(coop, r4, "2026-10-12")
    with coop.write() as uow:
        payments.reverse_payment(uow, user=USER, payment_id=bounced, clock=at("2026-11-03"))
    b = _issue(coop, r2, "2026-11-05")
    with coop.write() as uow:
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number=b,
            reason="geste commercial",
            clock=at("2026-11-06"),
            renderer=fake_render,
            lines=[CreditLine(1, "100.00")],
        )
    _pay(coop, b, "200.00", "2026-11-20")
    with coop.write() as uow:
        deposits.record_deposit(
            uow,
            user=USER,
            reference=r2,
            amount="500",
            method="cheque",
            received_on="2026-11-05",
            clock=at("2026-11-05"),
        )
        returned = deposits.record_deposit(
            uow,
            user=USER,
            reference=r3,
            amount="300",
            method="cheque",
            received_on="2026-10-30",
            clock=at("2026-10-30"),
        )
        deposits.return_deposit(uow, user=USER, deposit_id=returned.id, clock=at("2026-11-10"))
    assert (a, b, c) == ("FA-2026-00001", "FA-2026-00003", "FA-2026-00002")
    return {"r1": r1, "r2": r2, "r3": r3, "r4": r4}


def _id(db, number: str) -> int:
    with db.read() as uow:
        return customer_by_number(uow, number).id  # type: ignore[return-value]


def _statement(db, number: str, month: str, today: dt.date = TODAY) -> statements.Statement:
    with db.read() as uow:
        return statements.statement(uow, _id(db, number), month, today=today)


# --- arithmetic -------------------------------------------------------------------------------


def test_november_statement_by_hand(coop, ledger):
    st = _statement(coop, "C-PUB", "2026-11")
    assert (st.customer.number, st.customer.name) == ("C-PUB", "Compagnie du Rocher")
    assert (st.period_start, st.period_end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    # opening: 216,00 − 100,00 − 50,00 (the reversal is dated in November)
    assert st.opening == D("66.00")
    assert (st.invoiced, st.credited, st.paid) == (D("462.00"), D("120.00"), D("150.00"))
    # 66 + 462 − 120 − (200 − 50) = 258
    assert st.closing == D("258.00")
    assert st.closing == st.opening + st.invoiced - st.credited - st.paid
    assert [(e.date.isoformat(), e.kind, e.number, e.amount) for e in st.entries] == [
        ("2026-11-03", EntryKind.REVERSAL, "FA-2026-00001", D("50.00")),
        ("2026-11-05", EntryKind.INVOICE, "FA-2026-00003", D("462.00")),
        ("2026-11-06", EntryKind.CREDIT_NOTE, "AV-2026-00001", D("-120.00")),
        ("2026-11-20", EntryKind.PAYMENT, "FA-2026-00003", D("-200.00")),
    ]
    assert st.entries[1].due_date == dt.date(2026, 12, 5)
    assert st.entries[2].reference == "FA-2026-00003"  # the invoice it credits
    assert st.entries[3].reference == "VIR 2026-11-20"
    assert st.opening + sum(e.amount for e in st.entries) == st.closing


def test_ageing_and_open_items_at_the_end_of_the_month(coop, ledger):
    st = _statement(coop, "C-PUB", "2026-11")
    # FA-1: 216 − 100 − 50 + 50 = 116, due 20/10: 41 days late on 30/11; FA-3: 142, not due
    assert [(i.number, i.remaining, i.days_overdue) for i in st.open_items] == [
        ("FA-2026-00001", D("116.00"), 41),
        ("FA-2026-00003", D("142.00"), 0),
    ]
    assert st.ageing == Ageing(not_due=D("142.00"), days_31_60=D("116.00"))
    assert st.ageing.total == st.closing
    # October, seen from December: FA-1 has 66,00 left, 11 days late on 31/10
    october = _statement(coop, "C-PUB", "2026-10")
    assert (october.opening, october.paid, october.closing) == (D("216.00"), D("150.00"), D("66"))
    assert october.ageing == Ageing(days_1_30=D("66.00"))
    # The month in progress is stated on its statement's day: on 19/11 FA-1 is 30 days
    # late, and the 200,00 paid on 20/11 is not known yet (balance at the print date)
    running = _statement(coop, "C-PUB", "2026-11", today=dt.date(2026, 11, 19))
    assert running.ageing == Ageing(not_due=D("342.00"), days_1_30=D("116.00"))
    assert running.ageing_date == dt.date(2026, 11, 19) and running.closing == D("458.00")


@pytest.mark.parametrize(
    ("days", "bucket"),
    [(-5, 0), (0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4), (400, 4)],
)
def test_ageing_bucket_bounds(days, bucket):
    assert statements._bucket(days) == bucket


def test_bookings_equipment_days_and_deposits(coop, ledger):
    st = _statement(coop, "C-PUB", "2026-11")
    # R2: 4 LYRE × 3 days (the GAFFER consumables are not equipment); R3: 1 LYRE × 2
    # days in November (30/10 → 02/11)
    assert [(b.reference, b.equipment_days) for b in st.bookings] == [
        (ledger["r3"], 2),
        (ledger["r2"], 12),
    ]
    assert st.equipment_days == 14
    assert [(d.booking_reference, d.amount) for d in st.deposits_held] == [
        (ledger["r2"], D("500.00"))
    ]
    october = _statement(coop, "C-PUB", "2026-10")
    assert [(b.reference, b.equipment_days) for b in october.bookings] == [(ledger["r3"], 2)]
    # the R3 deposit was held at the end of October, returned on 10/11
    assert [d.booking_reference for d in october.deposits_held] == [ledger["r3"]]
    assert october.deposits_total == D("300.00")


def test_closing_balances_sum_to_the_receivables(coop, ledger):
    with coop.read() as uow:
        assert statements.receivables_total(uow, dt.date(2026, 11, 30)) == D("294.00")
        for month in ("2026-09", "2026-10", "2026-11", "2026-12"):
            _first, last = statements.month_bounds(month)
            ids = statements.customers_for_month(uow, month)
            closing = sum(
                (statements.statement(uow, i, month, today=TODAY).closing for i in ids), D(0)
            )
            assert closing == statements.receivables_total(uow, last), month
        assert statements.receivables_total(uow, dt.date(2026, 9, 19)) == D(0)
        assert statements.balances(uow, dt.date(2026, 10, 31)) == {
            _id(coop, "C-PUB"): D("66.00"),
            _id(coop, "C-MEM"): D("36.00"),
        }


def test_customers_for_month(coop, ledger):
    pub, mem = _id(coop, "C-PUB"), _id(coop, "C-MEM")
    with coop.read() as uow:
        assert statements.customers_for_month(uow, "2026-09") == [pub]
        assert statements.customers_for_month(uow, "2026-08") == []
        # C-MEM: no activity in November, but owes 36,00
        assert statements.customers_for_month(uow, "2026-11") == [mem, pub]


def test_a_customer_with_only_a_booking_has_a_statement(coop):
    ref = book(coop, at("2026-09-01"), "C-MEM", {"LYRE": 2})  # 2–4 December
    with coop.read() as uow:
        assert statements.customers_for_month(uow, "2026-12") == [_id(coop, "C-MEM")]
    st = _statement(coop, "C-MEM", "2026-12", today=dt.date(2026, 12, 31))
    assert (st.opening, st.closing, st.entries, st.open_items) == (D(0), D(0), (), ())
    assert [(b.reference, b.equipment_days) for b in st.bookings] == [(ref, 6)]


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "novembre", "", "2026-00", "26-11"])
def test_a_malformed_month_is_refused(coop, month):
    with pytest.raises(ValidationError, match="is not a month"):
        statements.month_bounds(month)


def test_a_month_not_begun_and_an_unknown_customer_are_refused(coop, ledger, tmp_path):
    with pytest.raises(ValidationError, match="has not begun"), coop.read() as uow:
        statements.statement(uow, _id(coop, "C-PUB"), "2027-01", today=TODAY)
    with pytest.raises(NotFound), coop.read() as uow:
        statements.statement(uow, 9999, "2026-11", today=TODAY)
    with pytest.raises(NotFound):
        statements.run_batch(coop, "2026-11", tmp_path / "out", today=TODAY, customer_ids=[9999])
    assert not (tmp_path / "out").exists()


# --- PDF and batch ----------------------------------------------------------------------------


def pdf_text(path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def page_count(path) -> int:
    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def test_batch_writes_one_pdf_each_and_the_merged_pdf(coop, ledger, tmp_path):
    out = tmp_path / "releves"
    seen: list[tuple[int, int]] = []
    result = statements.run_batch(
        coop, "2026-11", out, today=TODAY, progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert [p.name for p in result.files] == [
        "releve-2026-11-C-MEM.pdf",
        "releve-2026-11-C-PUB.pdf",
    ]
    assert result.merged == out / "releves-2026-11.pdf"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*(p.name for p in result.files), "releves-2026-11.pdf"]
    )  # and no temporary folder left
    pages = [page_count(p) for p in result.files]
    assert page_count(result.merged) == sum(pages) == sum(t.pages for t in result.totals)
    pub = result.totals[1]
    assert (pub.number, pub.opening, pub.closing) == ("C-PUB", D("66.00"), D("258.00"))
    text = pdf_text(out / "releve-2026-11-C-PUB.pdf")
    for expected in (
        "RELEVÉ DE COMPTE",
        "ne constitue pas une facture",
        "Compagnie du Rocher",
        "Solde au 30/11/2026",
        "258,00 €",
        "462,00 €",
        "FA-2026-00003",
        "AV-2026-00001",
        "Novembre 2026",
        "Cautions détenues",
        "500,00 €",
        "IBAN",
    ):
        assert expected in text, expected
    assert "ne constitue pas une facture" in pdf_text(result.merged)


def test_a_thousand_is_written_the_french_way(coop, ledger):
    st = _statement(coop, "C-PUB", "2026-11")
    with coop.read() as uow:
        seller = parties.seller(uow)
    from dataclasses import replace

    big = replace(st, closing=D("1234.56"))
    pdf = statements.render_statement(big, seller)
    document = pdfium.PdfDocument(pdf)
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    # narrow no-break space between thousands, no-break space before € (pdfium may give
    # either back as a plain space)
    text = text.replace("\u202f", " ").replace("\u00a0", " ")
    assert "1 234,56 €" in text


@pytest.mark.parametrize("created", [True, False])
def test_a_cancelled_batch_leaves_no_file(coop, ledger, tmp_path, created):
    out = tmp_path / "releves"
    if not created:
        out.mkdir()
        (out / "notes.txt").write_text("à garder")

    class Stop(Exception):
        pass

    def progress(done: int, _total: int) -> None:
        if done == 2:
            raise Stop()

    with pytest.raises(Stop):
        statements.run_batch(coop, "2026-11", out, today=TODAY, progress=progress)
    if created:
        assert not out.exists()
    else:
        assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_a_month_without_anyone_writes_nothing(coop, tmp_path):
    out = tmp_path / "releves"
    out.mkdir()
    result = statements.run_batch(coop, "2026-11", out, today=TODAY)
    assert (result.files, result.merged, result.totals) == ([], None, [])
    assert list(out.iterdir()) == []


# --- CLI --------------------------------------------------------------------------------------


@pytest.fixture
def cli(coop, ledger, db_path, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    from app.bootstrap import open_context

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = at(TODAY.isoformat())
        return ctx

    monkeypatch.setattr("app.cli.statements.open_context", fixed_context)
    return ledger


def run(capsys, *argv):
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = stop.code
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_json(cli, tmp_path, capsys):
    out = tmp_path / "out"
    status, shown, err = run(
        capsys, "statements", "--month", "2026-11", "--out", str(out), "--json"
    )
    assert status == 0, err
    shown = json.loads(shown)
    assert shown["merged"] == str(out / "releves-2026-11.pdf")
    assert [s["number"] for s in shown["statements"]] == ["C-MEM", "C-PUB"]
    pub = shown["statements"][1]
    assert {k: pub[k] for k in ("opening", "invoiced", "credited", "paid", "closing")} == {
        "opening": "66.00",
        "invoiced": "462.00",
        "credited": "120.00",
        "paid": "150.00",
        "closing": "258.00",
    }
    assert pub["name"] == "Compagnie du Rocher"
    assert pub["file"] == str(out / "releve-2026-11-C-PUB.pdf")
    assert shown["statements"][0]["closing"] == "36.00"
    assert shown["closing_total"] == "294.00"

    status, shown, err = run(
        capsys,
        "statements",
        "--month",
        "2026-10",
        "--out",
        str(out),
        "--customer",
        "C-PUB",
        "--json",
    )
    assert status == 0, err
    shown = json.loads(shown)
    assert [(s["number"], s["closing"]) for s in shown["statements"]] == [("C-PUB", "66.00")]


def test_cli_refusals_write_nothing(cli, tmp_path, capsys):
    out = tmp_path / "out"
    status, _, err = run(capsys, "statements", "--month", "2026-13", "--out", str(out), "--json")
    assert status == 2 and "2026-13" in err
    status, _, err = run(
        capsys, "statements", "--month", "2026-11", "--out", str(out), "--customer", "NOPE"
    )
    assert status == 1 and "NOPE" in err
    status, _, err = run(capsys, "statements", "--month", "2027-03", "--out", str(out))
    assert status == 1 and "2027-03" in err
    status, _, err = run(capsys, "statements", "--month", "2026-11")
    assert status == 2 and "Give --out with a folder" in err
    assert not out.exists()


def test_cli_text_output(cli, tmp_path, capsys):
    status, out, err = run(capsys, "statements", "--month", "2026-11", "--out", str(tmp_path))
    assert status == 0, err
    assert "258.00" in out and "releves-2026-11.pdf" in out
