"""Late returns (issue 11): invoiced for the days actually kept, by the cooperative's rule —
each late day at the day rate (the default), a fixed fee per piece and per late day, or
nothing — from real desk scans (``regie scan out/in`` with a fixed clock) and issued with
``regie invoice`` (real renderer, Factur-X checked). A late line carries its own period
(BG-26): from the first late day to the last return. Days are counted from the check-in
scan's time in the cooperative's time zone, against the planned return; a weekend booking
back on Monday after the weekend rule's hour loses its free Monday."""

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
from app.core.clock import PARIS, FixedClock
from app.core.errors import ValidationError
from app.demo.booking import make_siret
from inventory.models import Unit
from invoicing import invoices, issuing, pricing, rates, validation
from invoicing.pricing import LateCharge, WeekendRule
from tests.invoicing.conftest import USER, book, customer
from tests.test_print_cli import regie_command

RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
NS = {"ram": RAM}


def at(text: str) -> FixedClock:
    return FixedClock(dt.datetime.fromisoformat(text).replace(tzinfo=PARIS))


@pytest.fixture
def desk(coop, db_path, clock, monkeypatch, qapp):
    """The coop behind ``REGIE_DB`` with C-PRO (known by its SIRET); the desk's and the
    invoicing commands' clock is ``state["clock"]``; ``state["lyres"]`` the six barcodes."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(3)))
    with coop.read() as uow:
        lyres = [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))]
    state = {"clock": clock, "lyres": lyres, "db": coop}

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = state["clock"]
        return ctx

    for module in ("desk", "invoicing"):
        monkeypatch.setattr(f"app.cli.{module}.open_context", fixed_context)
    return state


def cli(capsys, state, when: str, *argv: str):
    """Run ``regie argv --json`` at local time ``when``; (status, stdout, stderr)."""
    state["clock"] = at(when)
    status = main([*argv, "--json"])
    out, err = capsys.readouterr()
    return status, out, err


def scan(capsys, state, when: str, *argv: str) -> None:
    status, _, err = cli(capsys, state, when, "scan", *argv, "--station", "quai")
    assert status == 0, err


def invoice(capsys, state, when: str, ref: str, out) -> dict:
    status, text, err = cli(capsys, state, when, "invoice", ref, "--out", str(out))
    assert status == 0, err
    return json.loads(text)


def set_rule(db, charge: str, fee: str = "") -> None:
    with db.write() as uow:
        rates.set_late_rule(uow, user=USER, charge=charge, fee=fee)


def xml_of(db, number: str) -> bytes:
    with db.read() as uow:
        return issuing.files_of(uow, issuing.issued_by_number(uow, number).id).xml


def returned_late(capsys, state) -> str:
    """Three lyres out on 01/12 for a return planned on Friday 04/12 at 10:00; back on
    04/12 at 18:00 (same day: free), on Sunday 06/12 (2 days late) and Monday 07/12
    (3 days late). The rental was invoiced at pick-up."""
    db, lyres = state["db"], state["lyres"]
    ref = book(
        db, state["clock"], "C-PRO", {"LYRE": 3}, end="2026-12-04T10:00", use_end="2026-12-03T23:00"
    )
    scan(capsys, state, "2026-12-01T09:30", "out", ref, *lyres[:3])
    first = invoice(capsys, state, "2026-12-01T09:40", ref, state["tmp"] / "rental.pdf")
    assert [ln["description"] for ln in first["lines"]] == ["Lyre wash LED — location 2 jours"]
    scan(capsys, state, "2026-12-04T18:00", "in", lyres[0])
    scan(capsys, state, "2026-12-06T10:00", "in", lyres[1])
    scan(capsys, state, "2026-12-07T09:00", "in", lyres[2])
    return ref


@pytest.fixture
def late(desk, capsys, tmp_path):
    desk["tmp"] = tmp_path
    return returned_late(capsys, desk)


def test_full_rate_by_default_each_late_day_at_the_day_rate(desk, late, capsys, tmp_path):
    db = desk["db"]
    with db.read() as uow:
        assert rates.late_rule(uow).charge is LateCharge.RATE  # the default
    shown = invoice(capsys, desk, "2026-12-07T11:00", late, tmp_path / "late.pdf")
    assert [
        (ln["description"], ln["quantity"], ln["unit_price"], ln["net"], ln["detail"])
        for ln in shown["lines"]
    ] == [
        (
            "Lyre wash LED — retard de restitution",
            "5",  # 2 + 3 piece-days; the piece back on the planned day is free
            "45.00",
            "225.00",
            "1 × 2 jours + 1 × 3 jours de retard × 45,00\u00a0€",
        )
    ]
    assert (shown["net_total"], shown["gross_total"]) == ("225.00", "270.00")
    period = (shown["lines"][0]["period_start"], shown["lines"][0]["period_end"])
    assert period == ("2026-12-05", "2026-12-07")
    with db.read() as uow:
        doc = invoices.issued_document(uow, shown["number"])
    # the late line's own period: from the first late day (05/12) to the last return (07/12)
    assert (doc.lines[0].period_start, doc.lines[0].period_end) == (
        dt.date(2026, 12, 5),
        dt.date(2026, 12, 7),
    )
    xml = xml_of(db, shown["number"])
    assert validation.check_xml(xml) == []
    root = etree.fromstring(xml)
    assert D(root.findtext(".//ram:BilledQuantity", namespaces=NS)) == D(5)
    assert root.find(".//ram:BilledQuantity", namespaces=NS).get("unitCode") == "DAY"
    # BG-26 on the late line (read back with lxml, not our serializer)
    items = root.findall(".//ram:IncludedSupplyChainTradeLineItem", namespaces=NS)
    period = items[0].find("ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod", NS)
    dates = [
        period.findtext(f"ram:{tag}/{{*}}DateTimeString", namespaces=NS)
        for tag in ("StartDateTime", "EndDateTime")
    ]
    assert dates == ["20261205", "20261207"]
    # nothing left to invoice once the late days are
    status, _, err = cli(
        capsys, desk, "2026-12-07T11:05", "invoice", late, "--out", str(tmp_path / "x.pdf")
    )
    assert status == 1 and "already been invoiced" in err


def test_a_fee_per_piece_and_per_late_day(desk, late, capsys, tmp_path):
    set_rule(desk["db"], "fee", "15,00")
    shown = invoice(capsys, desk, "2026-12-07T11:00", late, tmp_path / "late.pdf")
    assert [
        (ln["description"], ln["quantity"], ln["unit_price"], ln["net"]) for ln in shown["lines"]
    ] == [
        (
            "Lyre wash LED — retard de restitution, forfait par pièce et par jour",
            "5",
            "15.00",
            "75.00",
        )
    ]
    assert validation.check_xml(xml_of(desk["db"], shown["number"])) == []


def test_late_returns_not_charged(desk, late, capsys, tmp_path):
    set_rule(desk["db"], "none")
    status, _, err = cli(
        capsys, desk, "2026-12-07T11:00", "invoice", late, "--out", str(tmp_path / "x.pdf")
    )
    assert status == 1 and "already been invoiced" in err
    # the cooperative changes its mind: the late days are there to invoice
    set_rule(desk["db"], "rate")
    shown = invoice(capsys, desk, "2026-12-07T11:05", late, tmp_path / "late.pdf")
    assert shown["lines"][0]["net"] == "225.00"


def test_days_are_counted_in_the_cooperatives_time_zone(desk, capsys, tmp_path):
    """Back at 00:30 in Paris on 05/12 (23:30 UTC on 04/12): one day late."""
    db, lyres = desk["db"], desk["lyres"]
    ref = book(
        db, desk["clock"], "C-PRO", {"LYRE": 1}, end="2026-12-04T10:00", use_end="2026-12-03T23:00"
    )
    scan(capsys, desk, "2026-12-01T09:30", "out", ref, lyres[0])
    scan(capsys, desk, "2026-12-05T00:30", "in", lyres[0])
    shown = invoice(capsys, desk, "2026-12-05T09:00", ref, tmp_path / "i.pdf")
    late = [ln for ln in shown["lines"] if "retard" in ln["description"]]
    assert [(ln["quantity"], ln["net"]) for ln in late] == [("1", "45.00")]


def test_weekend_booking_back_after_the_weekend_hour(desk, capsys, tmp_path):
    """Out Friday 11/12 14:00, planned back Monday 14/12 10:00 (the weekend rule: one day);
    back Monday 11:00 (before 12:00): nothing late; Monday 15:00: the Monday is late (1);
    Tuesday 09:00: Monday and Tuesday (2)."""
    db, lyres = desk["db"], desk["lyres"]
    ref = book(
        db,
        desk["clock"],
        "C-PRO",
        {"LYRE": 3},
        start="2026-12-11T14:00",
        end="2026-12-14T10:00",
        use_start="2026-12-11T14:00",
        use_end="2026-12-14T10:00",
    )
    scan(capsys, desk, "2026-12-11T14:30", "out", ref, *lyres[:3])
    scan(capsys, desk, "2026-12-14T11:00", "in", lyres[0])
    scan(capsys, desk, "2026-12-14T15:00", "in", lyres[1])
    scan(capsys, desk, "2026-12-15T09:00", "in", lyres[2])
    shown = invoice(capsys, desk, "2026-12-15T10:00", ref, tmp_path / "i.pdf")
    rental, late = shown["lines"]
    assert rental["description"] == "Lyre wash LED — location 1 jour"
    assert (late["quantity"], late["net"]) == ("3", "135.00")
    assert late["detail"].startswith("1 × 1 jour + 1 × 2 jours de retard")
    with db.read() as uow:
        doc = invoices.issued_document(uow, shown["number"])
    # lines differ: the rental line says its days of use (the weekend), the late line its own
    assert (doc.lines[0].period_start, doc.lines[0].period_end) == (
        dt.date(2026, 12, 11),
        dt.date(2026, 12, 14),
    )
    assert (doc.lines[1].period_start, doc.lines[1].period_end) == (
        dt.date(2026, 12, 14),
        dt.date(2026, 12, 15),
    )
    # lines differ: each line has its own period (BG-26) in the XML
    xml = xml_of(db, shown["number"])
    assert validation.check_xml(xml) == []
    items = etree.fromstring(xml).findall(".//ram:IncludedSupplyChainTradeLineItem", NS)
    periods = [
        i.find("ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod", NS) for i in items
    ]
    assert periods[0] is not None and periods[1] is not None


@pytest.mark.parametrize(
    ("planned", "returned", "weekend", "expected"),
    [
        ("2026-12-04T10:00", "2026-12-04T23:59", False, None),  # the same day is free
        ("2026-12-04T10:00", "2026-12-04T09:00", False, None),  # early
        ("2026-12-04T10:00", "2026-12-05T00:00", False, ("2026-12-05", "2026-12-05")),
        ("2026-12-04T10:00", "2026-12-08T08:00", False, ("2026-12-05", "2026-12-08")),
        ("2026-12-14T10:00", "2026-12-14T12:00", True, None),  # by the weekend hour
        ("2026-12-14T10:00", "2026-12-14T12:01", True, ("2026-12-14", "2026-12-14")),
        ("2026-12-14T10:00", "2026-12-15T08:00", True, ("2026-12-14", "2026-12-15")),
        ("2026-12-14T10:00", "2026-12-13T20:00", True, None),
    ],
)
def test_late_period_pure(planned, returned, weekend, expected):
    got = pricing.late_period(
        dt.datetime.fromisoformat(planned),
        dt.datetime.fromisoformat(returned),
        weekend=weekend,
        rule=WeekendRule(),
    )
    want = None if expected is None else tuple(dt.date.fromisoformat(d) for d in expected)
    assert got == want


@pytest.mark.parametrize(
    ("charge", "fee", "field"),
    [
        ("fee", "0", "late fee"),
        ("fee", "", "late fee"),
        ("fee", "quinze", "late fee"),
        ("fee", "-3", "late fee"),
        ("sometimes", "", "late returns"),
    ],
)
def test_a_bad_rule_is_refused_and_nothing_written(coop, charge, fee, field):
    set_rule(coop, "fee", "12.50")
    with pytest.raises(ValidationError) as refused, coop.write() as uow:
        rates.set_late_rule(uow, user=USER, charge=charge, fee=fee)
    assert refused.value.field == field
    with coop.read() as uow:
        assert rates.late_rule(uow) == pricing.LateRule(LateCharge.FEE, D("12.50"))


def test_the_quote_of_a_returned_booking_in_a_real_process(desk, late, db_path, tmp_path):
    """``regie quote`` in its own process shows the late days with their own period."""
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    done = subprocess.run(
        [*regie_command(), "quote", late, "--json", "--out", str(tmp_path / "q.pdf")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = json.loads(done.stdout)["lines"]
    assert [
        (ln["description"], ln["quantity"], ln["period_start"], ln["period_end"]) for ln in lines
    ] == [
        ("Lyre wash LED — location 2 jours", "3", "2026-12-02", "2026-12-03"),
        ("Lyre wash LED — retard de restitution", "5", "2026-12-05", "2026-12-07"),
    ]
