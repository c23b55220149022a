"""Member rate across a renewal (issue 11): a customer whose 2026 membership is followed by
a 2027 one is a member on every day of a booking used from 30/12/2026 to 02/01/2027 and
pays member rates — on the quote and the invoice from the CLI, and in the booking editor's
live reads (the membership note and the price panel), all with the same figures. One day
without a membership makes the whole booking public rate. The rule reads the USAGE
period, not the planned one."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
from decimal import Decimal as D

import pytest
from lxml import etree

from app.bootstrap import open_context
from app.cli import main
from app.demo.booking import make_siret
from app.gui.bookings.booking_totals import rate_text
from booking import bookings, customers, editor_reads
from booking.models import Customer
from invoicing import invoices, issuing
from tests.invoicing.conftest import USER, book, customer
from tests.test_print_cli import regie_command

RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
PERIOD = {
    "start": "2026-12-29T09:00",
    "end": "2027-01-03T18:00",
    "use_start": "2026-12-30T08:00",
    "use_end": "2027-01-02T23:00",
}


def _membership(db, number: str, member: str, start: str, end: str = "") -> None:
    with db.write() as uow:
        cid = customers.customer_by_number(uow, number).id
        customers.add_membership(
            uow, user=USER, customer_id=cid, member_number=member, valid_from=start, valid_to=end
        )


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    """C-REN: members 2026 (S-R26) then 2027 (S-R27); C-GAP: 2026 then from 02/01/2027 (one
    day without); C-NEW: a member from 01/01/2027 only. All known by their SIRET."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    rng = random.Random(11)
    for number, name in (("C-REN", "Théâtre du Renouveau"), ("C-GAP", "Compagnie Trou")):
        customer(coop, number, name, siret=make_siret(rng))
    customer(coop, "C-NEW", "Nouvelle Scène", siret=make_siret(rng))
    _membership(coop, "C-REN", "S-R26", "2026-01-01", "2026-12-31")
    _membership(coop, "C-REN", "S-R27", "2027-01-01", "2027-12-31")
    _membership(coop, "C-GAP", "S-G26", "2026-01-01", "2026-12-31")
    _membership(coop, "C-GAP", "S-G27", "2027-01-02")
    _membership(coop, "C-NEW", "S-N27", "2027-01-01")

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    return coop


def _run(capsys, *argv):
    status = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out)


def _editor(db, clock, ref: str):
    """What the booking editor reads for the stored booking as it is on screen: the live
    check (membership note) and the price panel's quote."""
    with db.read() as uow:
        booking = bookings.booking_by_ref(uow, ref)
        customer_number = uow.row(Customer, booking.customer_id).number
        data = bookings.BookingData(
            customer=customer_number,
            start=booking.start,
            end=booking.end,
            use_start=booking.use_start,
            use_end=booking.use_end,
            lines=[bookings.Line(code, qty) for code, qty in (("LYRE", 2),)],
        )
        check = editor_reads.check_booking(
            uow,
            wanted={},
            start=booking.start,
            end=booking.end,
            use_start=booking.use_start,
            use_end=booking.use_end,
            now=clock.local_now(),
            exclude=booking.id,
            customer=customer_number,
        )
        quote = invoices.draft_quote(uow, data, clock, reference=ref)
    return check, quote


def _figures(lines):
    return [(ln["description"], ln["quantity"], ln["unit_price"], ln["net"]) for ln in lines]


def test_renewal_gives_member_rates_on_quote_invoice_and_editor(cli, clock, capsys, tmp_path):
    ref = book(cli, clock, "C-REN", {"LYRE": 2}, **PERIOD)
    quote = _run(capsys, "quote", ref, "--out", str(tmp_path / "q.pdf"))
    assert quote["rate"] == "Tarif adhérent (sociétaire S-R26 puis S-R27)"
    # 4 days of use (30/12 – 02/01), coefficient 2,5, member day rate 30,00: 2 × 75,00
    assert _figures(quote["lines"]) == [
        ("Lyre wash LED — location 4 jours", "2", "75.00", "150.00"),
    ]
    check, draft = _editor(cli, clock, ref)
    assert check.membership == "S-R26, S-R27"
    assert (check.first_day, check.last_day) == (dt.date(2026, 12, 30), dt.date(2027, 1, 2))
    assert draft.document.rate_label == quote["rate"]
    assert [(ln.description, ln.net) for ln in draft.document.lines] == [
        ("Lyre wash LED — location 4 jours", D("150.00"))
    ]
    assert str(draft.document.gross_total) == quote["gross_total"] == "180.00"
    assert draft.priced.member_until == dt.date(2027, 12, 31)
    assert rate_text(draft) == "member rate: member no. S-R26, S-R27 until 31/12/2027"

    invoice = _run(capsys, "invoice", ref, "--out", str(tmp_path / "i.pdf"))
    assert invoice["rate"] == quote["rate"]
    assert _figures(invoice["lines"]) == _figures(quote["lines"])
    assert (invoice["net_total"], invoice["gross_total"]) == ("150.00", "180.00")
    with cli.read() as uow:
        row = issuing.issued_by_number(uow, invoice["number"])
        xml = issuing.files_of(uow, row.id).xml
    price = etree.fromstring(xml).findtext(
        f".//{{{RAM}}}NetPriceProductTradePrice/{{{RAM}}}ChargeAmount"
    )
    assert D(price) == D("75")


def test_a_one_day_gap_is_public_rate_everywhere(cli, clock, capsys, tmp_path):
    ref = book(cli, clock, "C-GAP", {"LYRE": 2}, **PERIOD)
    quote = _run(capsys, "quote", ref, "--out", str(tmp_path / "q.pdf"))
    assert quote["rate"] == "Tarif non-adhérent"
    assert _figures(quote["lines"]) == [
        ("Lyre wash LED — location 4 jours", "2", "112.50", "225.00"),
    ]
    check, draft = _editor(cli, clock, ref)
    assert check.membership is None
    assert draft.priced.member_number is None and draft.document.rate_label == quote["rate"]
    assert rate_text(draft) == "non-member rate: no membership covers these days"
    invoice = _run(capsys, "invoice", ref, "--out", str(tmp_path / "i.pdf"))
    assert _figures(invoice["lines"]) == _figures(quote["lines"])


def test_the_usage_period_decides_not_the_planned_one(cli, clock, capsys, tmp_path):
    """Picked up on 31/12 for a use from 01/01: a member from 01/01 pays member rates;
    used from 31/12, the same member pays public rates."""
    member = book(
        cli,
        clock,
        "C-NEW",
        {"LYRE": 1},
        start="2026-12-31T09:00",
        end="2027-01-03T18:00",
        use_start="2027-01-01T08:00",
        use_end="2027-01-02T23:00",
    )
    public = book(
        cli,
        clock,
        "C-NEW",
        {"LYRE": 1},
        start="2026-12-31T09:00",
        end="2027-01-03T18:00",
        use_start="2026-12-31T20:00",
        use_end="2027-01-02T23:00",
    )
    assert _run(capsys, "quote", member, "--out", str(tmp_path / "m.pdf"))["rate"] == (
        "Tarif adhérent (sociétaire S-N27)"
    )
    assert _run(capsys, "quote", public, "--out", str(tmp_path / "p.pdf"))["rate"] == (
        "Tarif non-adhérent"
    )
    assert _editor(cli, clock, member)[0].membership == "S-N27"
    assert _editor(cli, clock, public)[0].membership is None


def test_regie_quote_in_a_real_process(cli, clock, db_path, tmp_path):
    ref = book(cli, clock, "C-REN", {"LYRE": 2}, **PERIOD)
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    done = subprocess.run(
        [*regie_command(), "quote", ref, "--json", "--out", str(tmp_path / "q.pdf")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["rate"] == "Tarif adhérent (sociétaire S-R26 puis S-R27)"
    assert shown["net_total"] == "150.00"
