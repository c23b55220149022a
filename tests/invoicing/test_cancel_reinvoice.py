"""Cancel and re-invoice (issue 11): an invoiced booking is not cancelled alone — the
refusal names its invoices and the one-step way; ``--credit-note`` issues the full credit
note of what remains of each invoice and cancels, in one transaction. After a full credit
note the booking is invoiced again at corrected prices (charges.covered_so_far subtracts
what credit notes cancelled). The credit note and the new invoice pass the XSD and
schematrons and are read back with lxml."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.errors import Conflict
from booking.bookings import booking_by_ref
from invoicing import cancellation, credit_notes, invoices, issuing, rates, validation
from invoicing.cancellation import InvoicedBooking
from invoicing.credit_notes import CreditLine
from tests.invoicing.cli_helpers import read_back, run, snapshot, use_cli, xpath
from tests.invoicing.conftest import USER, book

D = Decimal
LINE_NET = "//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount/text()"


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    return use_cli(coop, db_path, clock, monkeypatch)


def _issue(db, clock, ref, render):
    with db.write() as uow:
        return invoices.issue_invoice(
            uow, user=USER, reference=ref, clock=clock, renderer=render
        ).number


def _status(db, ref):
    with db.read() as uow:
        return booking_by_ref(uow, ref).status


def test_an_invoiced_booking_is_cancelled_with_its_credit_notes(coop, clock, render):
    ref = book(coop, clock, "C-PUB", {"LYRE": 2})
    number = _issue(coop, clock, ref, render)  # 2 × 90 = 180 net, 216 gross
    with coop.write() as uow:  # a partial credit note first: 1 light
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number=number,
            reason="1 lyre en moins",
            clock=clock,
            renderer=render,
            lines=[CreditLine(1, quantity=1)],
        )
    with pytest.raises(InvoicedBooking) as refused, coop.write() as uow:
        cancellation.cancel_booking(uow, user=USER, reference=ref, clock=clock)
    assert refused.value.invoices == (cancellation.OpenInvoice(number, D("108.00")),)
    assert f"({number}, 108.00 not credited)" in str(refused.value)
    assert _status(coop, ref) == "confirmed"
    with coop.write() as uow:
        done = cancellation.cancel_with_credit_notes(
            uow, user=USER, reference=ref, clock=clock, renderer=render
        )
        assert done.booking.status == "cancelled"
        assert [r.gross_cents for r in done.credit_notes] == [10800]
        assert done.credit_notes[0].reason == f"Annulation de la réservation {ref}"
    with coop.read() as uow:
        assert cancellation.open_invoices(uow, ref) == []


def test_a_booking_without_invoice_is_simply_cancelled(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 1})
    with coop.write() as uow:
        assert cancellation.cancel_booking(uow, user=USER, reference=ref, clock=clock).status == (
            "cancelled"
        )
    with pytest.raises(Conflict, match="it cannot become cancelled"), coop.write() as uow:
        cancellation.cancel_with_credit_notes(
            uow, user=USER, reference=ref, clock=clock, renderer=lambda d: None
        )


def test_cancel_from_the_cli_refuses_then_does_it_in_one_step(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 2})
    status, invoice, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"), "--json")
    assert status == 0, err
    number = invoice["number"]

    before = snapshot(db_path)
    status, _, err = run(capsys, "bookings", "cancel", ref)
    assert status == 1 and err.count("\n") == 1
    assert number in err and "216.00 not credited" in err
    assert f"regie bookings cancel {ref} --credit-note" in err
    status, _, err = run(capsys, "bookings", "cancel", ref, "--out", str(tmp_path / "a.pdf"))
    assert status == 2 and "--out goes with --credit-note" in err
    assert snapshot(db_path) == before

    out = tmp_path / "avoir.pdf"
    status, shown, err = run(
        capsys,
        "bookings",
        "cancel",
        ref,
        "--credit-note",
        "--reason",
        "Spectacle annulé",
        "--out",
        str(out),
        "--json",
    )
    assert status == 0, err
    assert shown["status"] == "cancelled"
    [note] = shown["credit_notes"]
    assert note["cites"] == number and note["gross_total"] == "216.00"
    assert note["reason"] == "Spectacle annulé" and note["file"] == str(out)
    assert out.read_bytes().startswith(b"%PDF")
    doc, root, xml = read_back(coop, note["number"])
    assert validation.check_xml(xml) == []
    assert xpath(root, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID/text()") == [number]
    status, listed, _ = run(capsys, "invoices", "list", "--json")
    assert [(d["number"], d["status"]) for d in listed] == [
        (number, "paid"),  # fully credited: nothing left to pay
        (note["number"], "issued"),
    ]


def test_re_invoice_after_a_full_credit_note_with_corrected_prices(
    cli, coop, db_path, tmp_path, capsys
):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 4, "GAFFER": 2})
    status, first, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f1.pdf"), "--json")
    assert status == 0, err
    assert [ln["net"] for ln in first["lines"]] == ["360.00", "25.00"]
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f2.pdf"))
    assert status == 1 and "already been invoiced" in err

    # the line discount was forgotten: credit the whole invoice, set it, invoice again
    status, note, err = run(
        capsys,
        "credit-note",
        first["number"],
        "--reason",
        "Remise oubliée",
        "--out",
        str(tmp_path / "av.pdf"),
        "--json",
    )
    assert status == 0, err
    with coop.write() as uow:
        rates.set_line_discount(uow, user=USER, reference=ref, item_code="LYRE", discount="10")
    status, again, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f2.pdf"), "--json")
    assert status == 0, err
    assert again["number"] != first["number"]
    assert [(ln["code"], ln["quantity"], ln["net"]) for ln in again["lines"]] == [
        ("LYRE", "4", "324.00"),
        ("GAFFER", "2", "25.00"),
    ]
    assert again["gross_total"] == "418.80"
    _doc, root, xml = read_back(coop, again["number"])
    assert validation.check_xml(xml) == []
    assert xpath(root, "//ram:BilledQuantity/text()") == ["4", "2"]
    assert xpath(root, LINE_NET) == ["324.00", "25.00"]
    assert xpath(root, "//ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID/text()") == [
        "M1"
    ]
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f3.pdf"))
    assert status == 1 and "already been invoiced" in err
    with coop.read() as uow:
        assert [r.number for r in invoices.invoices_of_booking(uow, ref)] == [
            first["number"],
            again["number"],
        ]
        assert issuing.verify_chain(uow) == []


def test_re_invoice_after_a_partial_credit_by_quantity_charges_the_cancelled_units(
    cli, coop, db_path, tmp_path, capsys
):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 4})
    status, first, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f1.pdf"), "--json")
    assert status == 0, err
    status, _note, err = run(
        capsys,
        "credit-note",
        first["number"],
        "--line",
        "1:1",
        "--reason",
        "Prix d'une lyre à corriger",
        "--out",
        str(tmp_path / "av.pdf"),
        "--json",
    )
    assert status == 0, err
    status, again, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f2.pdf"), "--json")
    assert status == 0, err
    assert [(ln["quantity"], ln["net"]) for ln in again["lines"]] == [("1", "90.00")]


def test_the_default_reason_says_whether_the_invoice_is_cancelled_or_corrected(
    cli, coop, db_path, tmp_path, capsys
):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 4})
    status, first, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"), "--json")
    assert status == 0, err
    number = first["number"]
    status, part, err = run(
        capsys, "credit-note", number, "--line", "1:1", "--out", str(tmp_path / "a1.pdf"), "--json"
    )
    assert status == 0, err
    assert part["reason"] == f"Rectification de la facture {number}"
    status, shown, _ = run(capsys, "invoices", "show", number, "--json")
    assert [
        (c["position"], c["credited"], c["left"], c["units_left"]) for c in shown["creditable"]
    ] == [(1, "90.00", "270.00", 3)]
    status, text, _ = run(capsys, "invoices", "show", number)
    assert "  1  " in text and "(left to credit: 270.00)" in text
    status, rest, err = run(
        capsys, "credit-note", number, "--line", "1", "--out", str(tmp_path / "a2.pdf"), "--json"
    )
    assert status == 0, err
    assert rest["reason"] == f"Annulation de la facture {number}"  # nothing left after it
    doc, _root, _xml = read_back(coop, rest["number"])
    assert doc.notes == (f"Motif : Annulation de la facture {number}",)


def test_cancel_with_two_invoices_issues_two_credit_notes_beside_out(
    cli, coop, db_path, tmp_path, capsys
):
    import datetime as dt

    from booking import bookings

    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 2})
    status, first, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f1.pdf"), "--json")
    assert status == 0, err
    data = bookings.BookingData(
        customer="C-PRO",
        start=dt.datetime(2026, 12, 1, 9, 0),
        end=dt.datetime(2026, 12, 5, 18, 0),
        use_start=dt.datetime(2026, 12, 2, 8, 0),
        use_end=dt.datetime(2026, 12, 4, 23, 0),
        lines=[bookings.Line("LYRE", 3)],  # one more light, invoiced on its own
    )
    with coop.write() as uow:
        bookings.update_booking(uow, user=USER, reference=ref, data=data, clock=cli["clock"])
    status, second, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f2.pdf"), "--json")
    assert status == 0, err
    assert [ln["quantity"] for ln in second["lines"]] == ["1"]

    out = tmp_path / "avoir.pdf"
    status, shown, err = run(
        capsys, "bookings", "cancel", ref, "--credit-note", "--out", str(out), "--json"
    )
    assert status == 0, err
    notes = shown["credit_notes"]
    assert [n["cites"] for n in notes] == [first["number"], second["number"]]
    assert [n["gross_total"] for n in notes] == ["216.00", "108.00"]
    for note in notes:
        path = tmp_path / f"avoir-{note['number']}.pdf"
        assert note["file"] == str(path) and path.read_bytes().startswith(b"%PDF")
    assert not out.exists()
    with coop.read() as uow:
        assert cancellation.open_invoices(uow, ref) == []
        assert issuing.verify_chain(uow) == []
