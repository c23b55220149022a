"""Re-invoicing after a credit note (issue 11, contract 2): a credit note uncovers the units
it cancels (``charges.covered_so_far``), so after a full credit note the booking is invoiced
again at the prices of the day (the minimum charge included); after a credit by quantity
only those units come back; an amount-only credit uncovers nothing. Invoices are issued
with ``regie invoice`` (real renderer, Factur-X checked), one of them in a real process."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
from decimal import Decimal as D

import pytest
from lxml import etree
from sqlmodel import select

from app.bootstrap import open_context
from app.cli import main
from app.core.clock import PARIS
from app.core.settings import set_setting
from app.demo.booking import make_siret
from booking.bookings import booking_by_ref
from inventory.models import ItemType, Unit
from invoicing import charges, credit_notes, issuing, rates, validation
from invoicing.credit_notes import CreditLine
from tests.invoicing.conftest import USER, book, customer, fake_render
from tests.test_print_cli import regie_command

RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
NS = {"ram": RAM}


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(7)))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    monkeypatch.setattr("app.cli.desk.open_context", fixed_context)
    return coop


def invoice(capsys, ref: str, tmp_path) -> dict:
    status = main(["invoice", ref, "--json", "--out", str(tmp_path / f"{ref}.pdf")])
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out)


def refused(capsys, ref: str, tmp_path) -> str:
    status = main(["invoice", ref, "--out", str(tmp_path / "refused.pdf")])
    _, err = capsys.readouterr()
    assert status == 1
    return err


def credit(db, clock, number: str, lines=None) -> str:
    with db.write() as uow:
        row = credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number=number,
            reason="Erreur de tarif",
            clock=clock,
            renderer=fake_render,
            lines=lines,
        )
        return row.number


def covered(db, ref: str) -> dict[str, int]:
    with db.read() as uow:
        return charges.covered_so_far(uow, booking_by_ref(uow, ref).id)


def lyre_id(db) -> int:
    with db.read() as uow:
        return uow.session.exec(select(ItemType.id).where(ItemType.code == "LYRE")).one()


def set_public_rate(db, day: str) -> None:
    with db.write() as uow:
        rates.set_item_rate(uow, user=USER, item_code="LYRE", member_day="30", non_member_day=day)


def figures(shown: dict) -> list[tuple[str, str, str]]:
    return [(ln["description"], ln["quantity"], ln["net"]) for ln in shown["lines"]]


def test_a_full_credit_note_lets_the_booking_be_invoiced_again_at_corrected_prices(
    cli, clock, capsys, tmp_path
):
    with cli.write() as uow:
        set_setting(uow, rates.MINIMUM_CHARGE, "250.00")
    ref = book(cli, clock, "C-PRO", {"LYRE": 2})  # 3 days of use: coefficient 2
    first = invoice(capsys, ref, tmp_path)
    assert figures(first) == [
        ("Lyre wash LED — location 3 jours", "2", "180.00"),
        ("Complément au minimum de facturation (250,00\u00a0€)", "1", "70.00"),
    ]
    assert refused(capsys, ref, tmp_path).count("already been invoiced") == 1
    credit(cli, clock, first["number"])
    assert covered(cli, ref) == {}  # everything uncovered
    set_public_rate(cli, "50.00")  # the price was wrong
    again = invoice(capsys, ref, tmp_path)
    assert figures(again) == [
        ("Lyre wash LED — location 3 jours", "2", "200.00"),
        ("Complément au minimum de facturation (250,00\u00a0€)", "1", "50.00"),
    ]
    assert again["number"] != first["number"] and again["gross_total"] == "300.00"
    assert covered(cli, ref) == {f"rental:{lyre_id(cli)}": 2, "minimum": 1}
    with cli.read() as uow:
        xml = issuing.files_of(uow, issuing.issued_by_number(uow, again["number"]).id).xml
    assert validation.check_xml(xml) == []
    root = etree.fromstring(xml)
    assert root.findtext(".//ram:TypeCode", namespaces=NS) == "380"
    assert D(root.findtext(".//ram:GrandTotalAmount", namespaces=NS)) == D("300.00")
    assert refused(capsys, ref, tmp_path).count("already been invoiced") == 1


def test_a_credit_by_quantity_uncovers_only_those_units(cli, clock, capsys, tmp_path):
    with cli.write() as uow:
        set_setting(uow, rates.MINIMUM_CHARGE, "500.00")
    ref = book(cli, clock, "C-PRO", {"LYRE": 3})
    first = invoice(capsys, ref, tmp_path)
    assert [ln["net"] for ln in first["lines"]] == ["270.00", "230.00"]  # with the top-up
    credit(cli, clock, first["number"], [CreditLine(1, quantity=1)])
    lyre = lyre_id(cli)
    assert covered(cli, ref) == {f"rental:{lyre}": 2, "minimum": 1}
    set_public_rate(cli, "40.00")
    again = invoice(capsys, ref, tmp_path)
    # one lyre again, at today's price; no second minimum (the first still stands)
    assert figures(again) == [("Lyre wash LED — location 3 jours", "1", "80.00")]
    assert covered(cli, ref) == {f"rental:{lyre}": 3, "minimum": 1}


def test_an_amount_only_credit_uncovers_nothing(cli, clock, capsys, tmp_path):
    ref = book(cli, clock, "C-PRO", {"LYRE": 2})
    first = invoice(capsys, ref, tmp_path)
    before = covered(cli, ref)
    credit(cli, clock, first["number"], [CreditLine(1, amount="50")])
    assert covered(cli, ref) == before
    assert "already been invoiced" in refused(capsys, ref, tmp_path)


def test_late_days_credited_by_quantity_come_back(cli, clock, capsys, tmp_path):
    """Two piece-days late invoiced; one credited (it was the desk's mistake, then the
    cooperative learns it was right after all): one piece-day is invoiced again."""
    ref = book(cli, clock, "C-PRO", {"LYRE": 1}, end="2026-12-04T10:00", use_end="2026-12-03T23:00")
    with cli.read() as uow:
        lyre = uow.session.exec(select(Unit.barcode).order_by(Unit.id)).first()
    for when, argv in (
        (dt.datetime(2026, 12, 1, 9, 30), ["scan", "out", ref, lyre]),
        (dt.datetime(2026, 12, 6, 9, 0), ["scan", "in", lyre]),
    ):
        clock.at = when.replace(tzinfo=PARIS)
        assert main([*argv, "--station", "quai"]) == 0
    capsys.readouterr()
    clock.at = dt.datetime(2026, 12, 6, 10, 0, tzinfo=PARIS)
    first = invoice(capsys, ref, tmp_path)
    late = first["lines"][-1]
    assert (late["description"], late["quantity"]) == ("Lyre wash LED — retard de restitution", "2")
    credit(cli, clock, first["number"], [CreditLine(len(first["lines"]), quantity=1)])
    assert covered(cli, ref)[f"late:{lyre_id(cli)}"] == 1
    again = invoice(capsys, ref, tmp_path)
    assert [(ln["quantity"], ln["net"]) for ln in again["lines"]] == [("1", "45.00")]


def test_regie_invoice_again_in_a_real_process(cli, clock, capsys, db_path, tmp_path):
    ref = book(cli, clock, "C-PRO", {"LYRE": 1})
    first = invoice(capsys, ref, tmp_path)
    credit(cli, clock, first["number"])
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    done = subprocess.run(
        [*regie_command(), "invoice", ref, "--json", "--out", str(tmp_path / "again.pdf")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    again = json.loads(done.stdout)
    assert figures(again) == figures(first)
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
