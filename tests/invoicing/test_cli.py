"""The CLI contract for quotes, invoices, credit notes, payments and the invoices list:
JSON names, exit statuses (0 done, 1 refused, 2 usage error), nothing changed and no file
written on refusal, and ``invoices pdf`` giving back exactly the bytes issued. Issuing goes
through the real renderer and the Factur-X validation."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random

import pytest
from sqlalchemy import text

from app.bootstrap import open_context
from app.cli import main
from app.core import settings
from app.core.clock import PARIS, FixedClock
from app.core.migrate import open_database
from app.demo.booking import make_siret
from tests.invoicing.conftest import book, customer, set_identity

TABLES = (
    "issued_document",
    "issued_line",
    "document_file",
    "document_sequence",
    "payment",
    "deposit",
    "booking",
)
LINE_KEYS = {"description", "quantity", "unit_price", "net", "vat_rate"}
LIST_KEYS = {"number", "kind", "date", "customer", "gross_total", "status", "paid", "balance"}


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    """The ``coop`` cooperative behind ``REGIE_DB``, with two customers known by their
    SIRET (the French CTC rules want a business buyer's SIREN in the Factur-X XML): C-PRO
    (non-member), C-ADH (member); the CLI's clock is ``state["clock"]`` (the test clock
    unless a test moves it)."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    rng = random.Random(5)
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(rng))
    customer(coop, "C-ADH", "Association Lumière", member_from="2026-01-01", siret=make_siret(rng))
    state = {"clock": clock}

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = state["clock"]
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    return state


def snapshot(path):
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES}
    finally:
        db.dispose()


def run(capsys, *argv):
    """(exit status, parsed JSON or stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    if "--json" in argv and status == 0:
        return status, json.loads(out), err
    return status, out, err


def usage(capsys, *argv):
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = stop.code
    return status, capsys.readouterr().err


def pdfs(folder) -> list[str]:
    """The PDF files (and temporary files) in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if ".pdf" in p.name)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def issue(capsys, tmp_path, ref, name="invoice.pdf"):
    status, shown, err = run(capsys, "invoice", ref, "--out", str(tmp_path / name), "--json")
    assert status == 0, err
    return shown


def test_invoice_prints_the_contract_and_pdf_gives_the_same_bytes(
    cli, coop, db_path, tmp_path, capsys
):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 4, "GAFFER": 2})
    out = tmp_path / "FA.pdf"
    status, shown, err = run(capsys, "invoice", ref, "--out", str(out), "--json")
    assert status == 0, err
    assert shown["number"] == "FA-2026-00001" and shown["kind"] == "invoice"
    # 4 × 45,00 × coef 2 = 360,00; 2 × 12,50 = 25,00; VAT 20 % on 385,00 = 77,00
    assert (shown["net_total"], shown["vat_total"], shown["gross_total"]) == (
        "385.00",
        "77.00",
        "462.00",
    )
    assert shown["due_date"] == "2026-12-26" and shown["date"] == "2026-11-26"
    assert shown["customer"] == "C-PRO" and shown["booking"] == ref
    assert [set(ln) >= LINE_KEYS for ln in shown["lines"]] == [True, True]
    lyre = shown["lines"][0]
    assert (lyre["quantity"], lyre["unit_price"], lyre["net"], lyre["vat_rate"]) == (
        "4",
        "90.00",
        "360.00",
        "20.00",
    )
    assert out.read_bytes().startswith(b"%PDF-1.7") and sha(out) == shown["sha256"]
    assert pdfs(tmp_path) == ["FA.pdf"]  # no temp file left

    again = tmp_path / "again.pdf"
    status, text_out, _ = run(capsys, "invoices", "pdf", "FA-2026-00001", "--out", str(again))
    assert status == 0 and "FA-2026-00001" in text_out
    assert again.read_bytes() == out.read_bytes() and sha(again) == shown["sha256"]

    status, detail, _ = run(capsys, "invoices", "show", "fa-2026-00001", "--json")
    assert status == 0 and detail["sha256"] == shown["sha256"] and detail["xml_sha256"]
    assert (detail["status"], detail["paid"], detail["balance"]) == ("issued", "0.00", "462.00")
    assert detail["lines"] == shown["lines"] and detail["payments"] == []

    # a further invoice has nothing left to charge: refused, nothing written
    before = snapshot(db_path)
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "x.pdf"), "--json")
    assert status == 1 and "already been invoiced" in err
    assert snapshot(db_path) == before and not (tmp_path / "x.pdf").exists()


def test_quote_writes_a_pdf_and_issues_nothing(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-ADH", {"LYRE": 2}, confirm=False)
    before = snapshot(db_path)
    out = tmp_path / "devis.pdf"
    status, shown, _ = run(capsys, "quote", ref, "--out", str(out), "--json")
    assert status == 0
    assert shown["number"] == f"D-{ref}" and shown["kind"] == "quote"
    assert shown["gross_total"] == "144.00"  # 2 × 30,00 × 2 = 120,00 + 20 %
    assert shown["validity_date"] == "2026-12-26" and shown["rate"].startswith("Tarif adhérent")
    assert out.read_bytes().startswith(b"%PDF") and sha(out) == shown["sha256"]
    assert snapshot(db_path) == before
    status, text_out, _ = run(capsys, "quote", ref, "--out", str(tmp_path / "d2.pdf"))
    assert status == 0 and "144.00" in text_out


def test_invoice_of_a_booking_still_a_quote_is_refused(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1}, confirm=False)
    before = snapshot(db_path)
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"), "--json")
    assert status == 1 and ref in err and "quote" in err
    assert snapshot(db_path) == before and pdfs(tmp_path) == []


def test_invoice_without_the_sellers_identity_is_refused(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    set_identity(coop, **{settings.SIREN: "", settings.SIRET: "", settings.IBAN: ""})
    before = snapshot(db_path)
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"))
    assert status == 1
    assert "seller SIREN" in err and "seller IBAN" in err and "nothing was issued" in err
    assert snapshot(db_path) == before and pdfs(tmp_path) == []


def test_invoice_refused_when_the_xml_is_not_valid(
    cli, coop, db_path, tmp_path, capsys, monkeypatch
):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    monkeypatch.setattr(
        "app.cli.invoicing.validation.check_xml", lambda xml: ["BR-CO-15: totals disagree"]
    )
    before = snapshot(db_path)
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"))
    assert status == 1 and "BR-CO-15" in err and "nothing was issued" in err
    assert snapshot(db_path) == before and pdfs(tmp_path) == []


def test_usage_errors_exit_2(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    before = snapshot(db_path)
    assert usage(capsys, "invoice", ref, "--json")[0] == 2  # no --out
    assert usage(capsys, "invoices", "list", "--status", "lost")[0] == 2
    status, err = usage(capsys, "credit-note", "FA-2026-00001", "--line", "x", "--out", "f.pdf")
    assert status == 2 and "--line x" in err
    assert snapshot(db_path) == before
    # a folder that does not exist: refused before anything is issued
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "nope" / "f.pdf"))
    assert status == 1 and "does not exist" in err and snapshot(db_path) == before


def test_credit_notes_full_partial_and_too_big(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 4})
    number = issue(capsys, tmp_path, ref)["number"]  # 432,00

    before = snapshot(db_path)
    status, _, err = run(
        capsys, "credit-note", number, "--amount", "1000", "--out", str(tmp_path / "av.pdf")
    )
    assert status == 1 and "left to credit" in err
    assert snapshot(db_path) == before and not (tmp_path / "av.pdf").exists()
    status, err = usage(capsys, "credit-note", number, "--amount", "12,3x", "--out", "f.pdf")
    assert status == 2 and "12,3x" in err and snapshot(db_path) == before

    out = tmp_path / "av1.pdf"
    status, partial, _ = run(
        capsys,
        "credit-note",
        number,
        "--amount",
        "10",
        "--reason",
        "Geste",
        "--out",
        str(out),
        "--json",
    )
    assert status == 0 and partial["number"] == "AV-2026-00001" and partial["cites"] == number
    assert (partial["net_total"], partial["gross_total"]) == ("10.00", "12.00")
    assert partial["reason"] == "Geste" and sha(out) == partial["sha256"]

    status, full, _ = run(
        capsys, "credit-note", number, "--out", str(tmp_path / "av2.pdf"), "--json"
    )
    assert status == 0 and full["number"] == "AV-2026-00002"
    assert full["gross_total"] == "420.00"  # what was left
    assert full["reason"] == f"Annulation de la facture {number}"

    before = snapshot(db_path)
    status, _, err = run(capsys, "credit-note", number, "--out", str(tmp_path / "av3.pdf"))
    assert status == 1 and "fully credited" in err and snapshot(db_path) == before

    status, listed, _ = run(capsys, "invoices", "list", "--json")
    assert [(d["number"], d["kind"]) for d in listed] == [
        (number, "invoice"),
        ("AV-2026-00001", "credit_note"),
        ("AV-2026-00002", "credit_note"),
    ]
    assert listed[0]["status"] == "paid" and listed[0]["balance"] == "0.00"
    assert listed[1]["cites"] == number


def test_payments_add_reverse_list_and_refusals(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 4})
    number = issue(capsys, tmp_path, ref)["number"]  # 432,00

    status, paid, _ = run(
        capsys,
        "payments",
        "add",
        number,
        "100",
        "--method",
        "cheque",
        "--date",
        "2026-11-26",
        "--json",
    )
    assert status == 0
    assert (paid["invoice"], paid["amount"], paid["method"], paid["date"]) == (
        number,
        "100.00",
        "cheque",
        "2026-11-26",
    )
    assert (paid["paid"], paid["balance"], paid["status"]) == ("100.00", "332.00", "issued")

    before = snapshot(db_path)
    status, _, err = run(capsys, "payments", "add", "FA-2026-09999", "10")
    assert status == 1 and "FA-2026-09999" in err
    status, err = usage(capsys, "payments", "add", number, "12,3x")
    assert status == 2 and "12,3x" in err
    status, err = usage(capsys, "payments", "add", number, "10", "--method", "bitcoin")
    assert status == 2 and "bitcoin" in err
    status, err = usage(capsys, "payments", "add", number, "10", "--date", "20/13/2026")
    assert status == 2
    status, _, err = run(capsys, "payments", "add", number, "500")
    assert status == 1 and "332.00" in err
    status, _, err = run(capsys, "payments", "add", number, "0")
    assert status == 1 and "more than zero" in err
    status, _, err = run(capsys, "payments", "add", number, "10", "--date", "2026-12-01")
    assert status == 1 and "future" in err
    assert snapshot(db_path) == before

    status, reversal, _ = run(capsys, "payments", "reverse", str(paid["id"]), "--json")
    assert status == 0 and reversal["amount"] == "-100.00"
    assert reversal["reverses"] == paid["id"] and reversal["balance"] == "432.00"
    before = snapshot(db_path)
    status, _, err = run(capsys, "payments", "reverse", str(paid["id"]))
    assert status == 1 and "already reversed" in err and snapshot(db_path) == before

    status, text_out, _ = run(capsys, "payments", "add", number, "432.00")
    assert status == 0 and "432.00" in text_out
    status, listed, _ = run(capsys, "payments", "list", number, "--json")
    assert [p["amount"] for p in listed] == ["100.00", "-100.00", "432.00"]
    status, shown, _ = run(capsys, "invoices", "show", number, "--json")
    assert (shown["status"], shown["paid"], shown["balance"]) == ("paid", "432.00", "0.00")
    assert len(shown["payments"]) == 3


def test_invoices_list_filters_by_status_and_customer(cli, coop, tmp_path, capsys):
    first = issue(capsys, tmp_path, book(coop, cli["clock"], "C-PRO", {"LYRE": 1}), "a.pdf")
    second = issue(capsys, tmp_path, book(coop, cli["clock"], "C-ADH", {"LYRE": 1}), "b.pdf")
    assert run(capsys, "payments", "add", second["number"], second["gross_total"])[0] == 0

    status, listed, _ = run(capsys, "invoices", "list", "--json")
    assert status == 0 and all(set(d) >= LIST_KEYS | {"due_date"} for d in listed)
    assert [d["status"] for d in listed] == ["issued", "paid"]

    cli["clock"] = FixedClock(dt.datetime(2027, 1, 10, 10, 0, tzinfo=PARIS))  # past due
    status, overdue, _ = run(capsys, "invoices", "list", "--status", "overdue", "--json")
    assert [d["number"] for d in overdue] == [first["number"]]
    assert overdue[0]["balance"] == first["gross_total"] and overdue[0]["paid"] == "0.00"
    status, mine, _ = run(capsys, "invoices", "list", "--customer", "C-ADH", "--json")
    assert [d["number"] for d in mine] == [second["number"]]
    status, _, err = run(capsys, "invoices", "list", "--customer", "C-NOPE", "--json")
    assert status == 1 and "C-NOPE" in err
    status, text_out, _ = run(capsys, "invoices", "list", "--status", "paid")
    assert status == 0 and second["number"] in text_out and first["number"] not in text_out
    status, _, err = run(capsys, "invoices", "show", "AV-2026-00042", "--json")
    assert status == 1 and "AV-2026-00042" in err
