# ruff: noqa: F811  (the ``coop`` and ``render`` fixtures of tests/invoicing/conftest.py)
"""A person's data on request (RGPD): ``regie customers export-data`` writes everything about
a customer; ``regie customers anonymise`` erases its identity and keeps every issued
document byte for byte (``regie verify`` still holds), refusing while the customer still
has open bookings, unsettled invoices or held deposits — with nothing written."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from app.cli import main
from app.core import audit as audit_trail
from app.core.access import Actor, Forbidden, Role
from app.core.errors import Conflict
from app.core.money import cents_str
from booking import bookings, customers, desk
from booking.models import BookingStatus, Customer
from inventory.models import Unit
from invoicing import deposits, integrity, invoices, payments, personal_data
from invoicing.models import DocumentFile, IssuedDocument
from tests.invoicing.conftest import USER, book, coop, render  # noqa: F401  (the fixtures)

START, END = "2026-11-26T09:00", "2026-11-28T18:00"


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def issued_bytes(db) -> list[tuple]:
    """Every issued document's frozen row and bytes."""
    with db.read() as uow:
        docs = uow.session.exec(select(IssuedDocument)).all()
        files = uow.session.exec(select(DocumentFile)).all()
        return [d.model_dump() for d in docs] + [(f.pdf, f.xml, f.chain_hash) for f in files]


def returned_booking(db, clock, number: str = "C-PUB") -> str:
    """A booking of two lyres, out and back: returned."""
    ref = book(db, clock, number, {"LYRE": 2}, START, END, START, END)
    with db.read() as uow:
        codes = [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.barcode))][:2]
    for code in codes:
        with db.write() as uow:
            assert desk.check_out(uow, user=USER, reference=ref, code=code, clock=clock).ok
    for code in codes:
        with db.write() as uow:
            assert desk.check_in(uow, user=USER, code=code, clock=clock).ok
    return ref


def invoiced(db, clock, render, ref: str, pay: bool) -> str:
    with db.write() as uow:
        doc = invoices.issue_invoice(uow, user=USER, reference=ref, clock=clock, renderer=render)
        number, gross = doc.number, doc.gross_cents
    if pay:
        with db.write() as uow:
            payments.add_payment(
                uow, user=USER, invoice_number=number, amount=cents_str(gross), clock=clock
            )
    return number


def close(db, clock, ref: str) -> None:
    with db.write() as uow:
        bookings.change_status(
            uow, user=USER, reference=ref, status=BookingStatus.CLOSED, clock=clock
        )


@pytest.fixture
def settled(coop, clock, render):
    """C-PUB with a contact, a closed booking and its paid invoice."""
    with coop.write() as uow:
        cid = customers.customer_id_of(uow, "C-PUB")
        customers.add_contact(
            uow, user=USER, customer_id=cid, name="Jeanne Martin", email="jeanne@example.org"
        )
    ref = returned_booking(coop, clock)
    number = invoiced(coop, clock, render, ref, pay=True)
    close(coop, clock, ref)
    return ref, number


# --- export ------------------------------------------------------------------------------


def test_export_has_everything_about_the_person(settled, coop, clock):
    ref, number = settled
    with coop.read() as uow:
        found = personal_data.export_data(uow, "C-PUB", clock=clock)
    json.dumps(found)  # plain JSON values
    assert found["customer"]["name"] == "Compagnie du Rocher"
    assert found["customer"]["email"] == "c-pub@example.org"
    assert [c["name"] for c in found["contacts"]] == ["Jeanne Martin"]
    (booking,) = found["bookings"]
    assert (booking["reference"], booking["status"]) == (ref, "closed")
    assert booking["lines"] == [{"code": "LYRE", "quantity": 2}]
    assert [m["direction"] for m in booking["movements"]] == ["out", "out", "in", "in"]
    (invoice,) = found["invoices"]
    assert invoice["number"] == number and invoice["buyer_name"] == "Compagnie du Rocher"
    assert [p["amount"] for p in invoice["payments"]] == [invoice["gross_total"]]
    assert invoice["lines"] and invoice["pdf_sha256"]
    assert invoice["document"]["buyer"]["name"] == "Compagnie du Rocher"
    assert found["credit_notes"] == [] and found["quotes"] == []
    assert found["price_category"] is None
    assert found["exported_by"] == "system"
    audit = {(e["entity"], e["action"]) for e in found["audit"]}
    assert {("customer", "insert"), ("contact", "insert"), ("booking", "insert")} <= audit
    assert {("issued_document", "insert"), ("payment", "insert")} <= audit
    (created,) = [e for e in found["audit"] if e["entity"] == "customer"]
    assert created["after"]["name"] == audit_trail.PERSONAL_MARK  # never in clear


def trail_text(db_path: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        return repr(conn.execute("SELECT * FROM audit_event").fetchall())


# --- anonymise ---------------------------------------------------------------------------


def test_anonymise_erases_the_identity_and_keeps_issued_documents(settled, coop, db_path, clock):
    ref, _number = settled
    issued = issued_bytes(coop)
    with coop.write() as uow:
        done = personal_data.anonymise(uow, "C-PUB", clock=clock)
    assert done == {
        "number": "C-PUB",
        "name": "Anonymisé C-PUB",
        "contacts_deleted": 1,
        "bookings": 1,
        "deposits": 0,
    }
    with coop.read() as uow:
        fields = customers.customer_fields(uow, customers.customer_id_of(uow, "C-PUB"))
        assert customers.contacts_of(uow, customers.customer_id_of(uow, "C-PUB")) == []
        booking = bookings.booking_by_ref(uow, ref)
        assert (booking.event, booking.venue, booking.notes) == ("", "", "")
        assert integrity.verify(uow).problems == []
    assert fields["name"] == "Anonymisé C-PUB"
    for key in personal_data.ERASED:
        assert fields[key] == "", key
    assert (fields["country"], fields["number"]) == ("FR", "C-PUB")
    assert issued_bytes(coop) == issued  # byte for byte, buyer's name as issued
    trail = trail_text(db_path)  # the append-only trail never held the contact in clear
    assert "Anonymisé C-PUB" not in trail and "Jeanne Martin" not in trail
    assert "jeanne@example.org" not in trail
    with (
        pytest.raises(Conflict, match="Customer C-PUB is already anonymised."),
        coop.write() as uow,
    ):
        personal_data.anonymise(uow, "C-PUB", clock=clock)


def refused(db, db_path, clock, number: str) -> str:
    before = dump(db_path)
    with pytest.raises(Conflict) as caught, db.write() as uow:
        personal_data.anonymise(uow, number, clock=clock)
    assert dump(db_path) == before
    return str(caught.value)


def test_anonymise_refuses_open_bookings_then_unsettled_invoices(coop, db_path, clock, render):
    ref = returned_booking(coop, clock)
    quote = book(coop, clock, "C-PUB", {"LYRE": 1}, confirm=False)
    assert refused(coop, db_path, clock, "C-PUB") == (
        f"Compagnie du Rocher still has open bookings ({ref}, {quote}): close or cancel them "
        "before anonymising."
    )
    with coop.write() as uow:
        bookings.change_status(
            uow, user=USER, reference=quote, status=BookingStatus.CANCELLED, clock=clock
        )
    number = invoiced(coop, clock, render, ref, pay=False)
    close(coop, clock, ref)
    assert refused(coop, db_path, clock, "C-PUB") == (
        f"Compagnie du Rocher still has invoices not settled ({number}): record their "
        "payments or refunds before anonymising."
    )


def test_anonymise_refuses_a_held_deposit_then_empties_its_notes(settled, coop, db_path, clock):
    ref, _number = settled
    with coop.write() as uow:
        deposit = deposits.record_deposit(
            uow,
            user=USER,
            reference=ref,
            amount="500.00",
            method="cheque",
            notes="chèque de Jeanne Martin",
            clock=clock,
        )
        deposit_id = deposit.id
    assert refused(coop, db_path, clock, "C-PUB") == (
        f"Compagnie du Rocher still has deposits held ({ref}): return or retain them before "
        "anonymising."
    )
    with coop.write() as uow:
        deposits.return_deposit(uow, user=USER, deposit_id=deposit_id, clock=clock)
    with coop.write() as uow:
        assert personal_data.anonymise(uow, "C-PUB", clock=clock)["deposits"] == 1
    with coop.read() as uow:
        assert [d.notes for d in deposits.deposits_of(uow, ref)] == [""]
    assert "Jeanne Martin" not in trail_text(db_path)  # nor the deposit's note, ever


def test_only_an_administrator_answers_personal_data_requests(settled, coop, db_path, clock):
    coop.actor = Actor("sam", Role.MANAGER)
    before = dump(db_path)
    with pytest.raises(Forbidden), coop.write() as uow:
        personal_data.anonymise(uow, "C-PUB", clock=clock)
    with pytest.raises(Forbidden), coop.read() as uow:
        personal_data.export_data(uow, "C-PUB", clock=clock)
    assert dump(db_path) == before


# --- the CLI ---------------------------------------------------------------------------------


@pytest.fixture
def cli(settled, db_path, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def test_cli_export_then_anonymise_then_verify(cli, coop, capsys, tmp_path):
    out = tmp_path / "rocher.json"
    assert main(["customers", "export-data", "C-PUB", "--out", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["number"] == "C-PUB" and summary["bookings"] == 1 and summary["invoices"] == 1
    assert json.loads(out.read_text("utf-8"))["customer"]["name"] == "Compagnie du Rocher"
    assert main(["customers", "anonymise", "C-PUB"]) == 0
    assert capsys.readouterr().out.strip() == (
        "Customer C-PUB anonymised (Anonymisé C-PUB); its issued invoices and credit notes "
        "are kept as issued."
    )
    assert main(["verify"]) == 0
    capsys.readouterr()
    assert main(["customers", "show", "C-PUB", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Anonymisé C-PUB"


def test_cli_refusals_change_nothing(cli, capsys, tmp_path):
    before = dump(cli)
    assert main(["customers", "anonymise", "NOPE"]) == 1
    assert "No customer has the number NOPE." in capsys.readouterr().err
    assert main(["customers", "export-data", "NOPE", "--out", str(tmp_path / "x.json")]) == 1
    assert not (tmp_path / "x.json").exists()
    missing = tmp_path / "no-such-folder" / "x.json"
    assert main(["customers", "export-data", "C-PUB", "--out", str(missing)]) == 1
    assert capsys.readouterr().err.strip()
    with pytest.raises(SystemExit) as caught:
        main(["customers", "export-data", "C-PUB"])
    assert caught.value.code == 2
    assert dump(cli) == before


def test_anonymise_in_a_real_process(cli, coop):
    def regie(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", *argv],
            capture_output=True,
            text=True,
            env={**os.environ, "REGIE_DB": str(cli), "REGIE_LANG": "en"},
            timeout=300,
            check=False,
        )

    done = regie("customers", "anonymise", "C-PUB", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["name"] == "Anonymisé C-PUB"
    done = regie("verify")
    assert done.returncode == 0, done.stdout + done.stderr
    with coop.read() as uow:
        customer = uow.session.exec(select(Customer).where(Customer.number == "C-PUB")).one()
        assert customer.name == "Anonymisé C-PUB" and customer.address == ""
