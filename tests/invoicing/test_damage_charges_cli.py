"""Damage charges recorded by a person (issue 11): ``regie charges add REF CODE AMOUNT``
records the repair cost of pieces checked in damaged (CODE: the item type or one of its
units' barcodes), ``regie charges list REF`` shows them and whether an invoice covers them;
``regie invoice REF --damage-only`` then invoices the charge (outside the scope of VAT
when the cooperative says so, and the XML passes the schematrons). Refusals are one
sentence and write nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import select

from app.core import settings
from booking import desk
from booking.models import Condition
from inventory.models import Unit
from invoicing import rates, validation
from tests.invoicing.cli_helpers import (
    BACK_CLOCK,
    OUT_CLOCK,
    read_back,
    regie,
    run,
    snapshot,
    use_cli,
    xpath,
)
from tests.invoicing.conftest import USER, book

TABLES_TOO = ("damage_charge",)


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    state = use_cli(coop, db_path, clock, monkeypatch)
    monkeypatch.setattr("app.cli.charges.open_context", _fixed(state))
    return state


def _fixed(state):
    from app.bootstrap import open_context

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = state["clock"]
        return ctx

    return fixed_context


def lyres(db) -> list[str]:
    with db.read() as uow:
        return [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))]


def out_and_back_damaged(db, ref: str, damaged: int = 2) -> list[str]:
    """Three lyres out on ``ref``; back on time, ``damaged`` of them damaged."""
    codes = lyres(db)[:3]
    with db.write() as uow:
        for code in codes:
            assert desk.check_out(uow, user=USER, reference=ref, code=code, clock=OUT_CLOCK).ok
    with db.write() as uow:
        for i, code in enumerate(codes):
            condition = Condition.DAMAGED if i < damaged else Condition.OK
            desk.check_in(uow, user=USER, code=code, condition=condition, clock=BACK_CLOCK)
    return codes


def charges_table(db_path) -> list:
    from sqlalchemy import text

    from app.core.migrate import open_database

    db = open_database(db_path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return conn.execute(text("SELECT * FROM damage_charge ORDER BY 1")).all()
    finally:
        db.dispose()


def test_record_list_then_invoice_outside_the_scope_of_vat(cli, coop, db_path, tmp_path, capsys):
    with coop.write() as uow:
        settings.set_setting(uow, rates.DAMAGE_VAT_CATEGORY, "O")
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 3})
    codes = out_and_back_damaged(coop, ref)
    status, shown, err = run(
        capsys, "charges", "add", ref, "LYRE", "120,50", "--description", "lentille fêlée", "--json"
    )
    assert status == 0, err
    assert shown["code"] == "LYRE" and shown["amount"] == "120.50"
    assert (shown["quantity"], shown["invoiced"], shown["invoice"]) == (1, False, None)
    assert shown["recorded_by"] and shown["recorded_at"].startswith("2026-")
    # by a unit's barcode, two pieces at once? only one damaged piece is left
    before = snapshot(db_path), charges_table(db_path)
    status, _, err = run(capsys, "charges", "add", ref, codes[1], "40", "--quantity", "2")
    assert status == 1 and "already charged" in err, err
    assert (snapshot(db_path), charges_table(db_path)) == before
    status, second, err = run(capsys, "charges", "add", ref, codes[1], "40", "--json")
    assert status == 0, err
    assert second["code"] == "LYRE" and second["description"] == "réparation"

    status, listed, err = run(capsys, "charges", "list", ref, "--json")
    assert status == 0, err
    assert [(c["id"], c["amount"], c["invoiced"]) for c in listed] == [
        (shown["id"], "120.50", False),
        (second["id"], "40.00", False),
    ]

    status, invoice, err = run(
        capsys, "invoice", ref, "--damage-only", "--out", str(tmp_path / "d.pdf"), "--json"
    )
    assert status == 0, err
    assert [ln["description"] for ln in invoice["lines"]] == [
        "Lyre wash LED — dommage : lentille fêlée",
        "Lyre wash LED — dommage : réparation",
    ]
    assert (invoice["net_total"], invoice["vat_total"]) == ("160.50", "0.00")
    _doc, root, xml = read_back(coop, invoice["number"])
    assert validation.check_xml(xml) == []
    assert set(xpath(root, "//ram:CategoryCode/text()")) == {"O"}
    assert sum(
        Decimal(v)
        for v in xpath(root, "//ram:IncludedSupplyChainTradeLineItem//ram:LineTotalAmount/text()")
    ) == Decimal("160.50")

    status, listed, err = run(capsys, "charges", "list", ref, "--json")
    assert [(c["invoiced"], c["invoice"]) for c in listed] == [(True, invoice["number"])] * 2
    status, text, err = run(capsys, "charges", "list", ref)
    assert status == 0 and f"invoiced on {invoice['number']}" in text


@pytest.mark.parametrize(
    ("args", "status", "said"),
    [
        (("R-2099-9999", "LYRE", "10"), 1, "R-2099-9999"),
        (("{ref}", "NOPE", "10"), 1, "NOPE"),
        (("{ref}", "GAFFER", "10"), 1, "not on booking"),
        (("{ref}", "LYRE", "0"), 1, "more than zero"),
        (("{ref}", "LYRE", "12.345"), 2, "12.345"),
        (("{ref}", "LYRE", "douze"), 2, "douze"),
        (("{ref}", "LYRE", "10", "--quantity", "0"), 2, "--quantity"),
        (("{ref}", "LYRE", "10", "--quantity", "3"), 1, "already charged"),
    ],
)
def test_refusals_write_nothing(cli, coop, db_path, capsys, args, status, said):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 3})
    out_and_back_damaged(coop, ref)
    before = snapshot(db_path), charges_table(db_path)
    argv = [a.format(ref=ref) for a in args]
    got, out, err = run(capsys, "charges", "add", *argv)
    assert got == status, (out, err)
    assert said in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert (snapshot(db_path), charges_table(db_path)) == before


def test_a_booking_not_back_damaged_refuses(cli, coop, db_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 3})
    before = charges_table(db_path)
    status, _, err = run(capsys, "charges", "add", ref, "LYRE", "10")
    assert status == 1 and "No piece of Lyre wash LED (LYRE) came back damaged" in err, err
    assert charges_table(db_path) == before
    status, listed, err = run(capsys, "charges", "list", ref, "--json")
    assert (status, listed) == (0, [])


def test_in_a_real_process(cli, coop, db_path, tmp_path):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 3})
    out_and_back_damaged(coop, ref, damaged=1)
    done = regie(
        db_path, tmp_path, "charges", "add", ref, "LYRE", "85.00", "--description", "pied tordu"
    )
    assert done.returncode == 0, done.stderr
    assert "Damage charge recorded" in done.stdout and "85.00" in done.stdout
    done = regie(db_path, tmp_path, "charges", "add", ref, "LYRE", "85.00")
    assert done.returncode == 1 and "already charged" in done.stderr
    done = regie(db_path, tmp_path, "charges", "list", ref)
    assert (
        done.returncode == 0 and "pied tordu" in done.stdout and "not invoiced yet" in done.stdout
    )


@pytest.mark.parametrize("action", ["add", "list"])
def test_help(cli, capsys, action):
    status, out, _ = run(capsys, "charges", action, "--help")
    assert status == 0 and "REF" in out.upper()
