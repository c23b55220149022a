"""The CLI of deposits (``regie deposits``) and of a booking's pricing (``regie pricing``):
JSON names, exit statuses (0 done, 1 refused, 2 usage error) and nothing written on
refusal."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.bootstrap import open_context
from app.cli import main
from app.core.migrate import open_database
from invoicing import invoices
from tests.invoicing.conftest import USER, book

TABLES = ("deposit", "payment", "booking_pricing", "line_discount")


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    """``coop`` behind ``REGIE_DB``, the CLI on the test clock."""
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    for module in ("deposits", "pricing"):
        monkeypatch.setattr(f"app.cli.{module}.open_context", fixed_context)
    return coop


@pytest.fixture
def ref(cli, clock):
    """4 × LYRE for C-PUB, 3 days: deposit 4 × 500 = 2 000,00; 360,00 + 72,00 = 432,00."""
    return book(cli, clock, "C-PUB", {"LYRE": 4, "GAFFER": 2})


def issue(db, clock, reference, render):
    with db.write() as uow:
        return invoices.issue_invoice(
            uow, user=USER, reference=reference, clock=clock, renderer=render
        ).number


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


# --- deposits --------------------------------------------------------------------------------


def test_add_list_and_return(ref, capsys):
    status, shown, err = run(capsys, "deposits", "list", ref, "--json")
    assert status == 0, err
    assert shown == {"booking": ref, "required": "2000.00", "held": "0.00", "deposits": []}
    status, made, err = run(
        capsys, "deposits", "add", ref, "2000", "--method", "virement", "--note", "RIB", "--json"
    )
    assert status == 0, err
    assert (made["amount"], made["method"], made["status"], made["notes"]) == (
        "2000.00",
        "virement",
        "held",
        "RIB",
    )
    assert made["received_on"] == "2026-11-26" and made["booking"] == ref
    status, shown, _ = run(capsys, "deposits", "list", ref, "--json")
    assert shown["held"] == "2000.00" and [d["id"] for d in shown["deposits"]] == [made["id"]]
    status, back, err = run(capsys, "deposits", "return", str(made["id"]), "--json")
    assert status == 0, err
    assert (back["status"], back["closed_on"]) == ("returned", "2026-11-26")
    status, out, err = run(capsys, "deposits", "list", ref)
    assert status == 0 and "held 0.00" in out and "returned" in out
    # returning it twice is refused
    status, _, err = run(capsys, "deposits", "return", str(made["id"]))
    assert status == 1 and "already returned" in err


def test_add_defaults_to_a_cheque(ref, capsys):
    status, made, _ = run(capsys, "deposits", "add", ref, "1500,50", "--json")
    assert status == 0 and (made["amount"], made["method"]) == ("1500.50", "cheque")


def test_add_refusals_write_nothing(ref, db_path, capsys):
    before = snapshot(db_path)
    status, _, err = run(capsys, "deposits", "add", ref, "0")
    assert status == 1 and "more than zero" in err
    status, _, err = run(capsys, "deposits", "add", "R-2099-9999", "100")
    assert status == 1 and "R-2099-9999" in err
    status, err = usage(capsys, "deposits", "add", ref, "beaucoup")
    assert status == 2 and "AMOUNT" in err
    status, err = usage(capsys, "deposits", "add", ref, "100", "--method", "caution")
    assert status == 2  # not a method a deposit is given by
    status, _, err = run(capsys, "deposits", "list", "R-2099-9999", "--json")
    assert status == 1
    assert snapshot(db_path) == before


def test_retain_settles_the_invoice(ref, cli, clock, render, capsys):
    number = issue(cli, clock, ref, render)
    _, made, _ = run(capsys, "deposits", "add", ref, "2000", "--json")
    status, kept, err = run(capsys, "deposits", "retain", str(made["id"]), "--json")
    assert status == 0, err
    # the invoice's balance (385,00 + 77,00 VAT) is kept, the rest returned
    assert (kept["status"], kept["retained"], kept["invoice"]) == ("retained", "462.00", number)
    assert kept["invoice_balance"] == "0.00"


def test_retain_part_of_a_deposit_on_a_named_invoice(ref, cli, clock, render, capsys):
    number = issue(cli, clock, ref, render)
    _, made, _ = run(capsys, "deposits", "add", ref, "2000", "--json")
    status, kept, err = run(
        capsys,
        "deposits",
        "retain",
        str(made["id"]),
        "--invoice",
        number,
        "--amount",
        "100",
        "--json",
    )
    assert status == 0, err
    assert (kept["retained"], kept["invoice_balance"]) == ("100.00", "362.00")


def test_retain_refusals_write_nothing(ref, cli, clock, render, db_path, capsys):
    _, made, _ = run(capsys, "deposits", "add", ref, "300", "--json")
    deposit = str(made["id"])
    before = snapshot(db_path)
    status, _, err = run(capsys, "deposits", "retain", deposit)
    assert status == 1 and "no issued invoice" in err  # nothing to settle yet
    number = issue(cli, clock, ref, render)
    before = snapshot(db_path)
    status, _, err = run(capsys, "deposits", "retain", deposit, "--amount", "300.01")
    assert status == 1 and "cannot be kept" in err  # more than held
    status, _, err = run(capsys, "deposits", "retain", deposit, "--invoice", "FA-2026-00099")
    assert status == 1 and "FA-2026-00099" in err
    status, _, err = run(capsys, "deposits", "retain", "999", "--invoice", number)
    assert status == 1 and "999" in err
    status, err = usage(capsys, "deposits", "retain", deposit, "--amount", "-5")
    assert status == 2 and "--amount" in err
    status, err = usage(capsys, "deposits", "retain", "first")
    assert status == 2
    assert snapshot(db_path) == before


def test_retain_more_than_the_invoice_balance_is_refused(ref, cli, clock, render, capsys):
    number = issue(cli, clock, ref, render)
    _, made, _ = run(capsys, "deposits", "add", ref, "2000", "--json")
    status, _, err = run(
        capsys, "deposits", "retain", str(made["id"]), "--invoice", number, "--amount", "500"
    )
    assert status == 1 and "left to pay" in err


# --- pricing ---------------------------------------------------------------------------------


def test_pricing_show_set_and_line(ref, cli, clock, capsys):
    status, shown, err = run(capsys, "pricing", "show", ref, "--json")
    assert status == 0, err
    assert shown == {
        "booking": ref,
        "discount": "0.00",
        "coefficient": None,
        "table": None,
        "minimum": None,
        "effective_minimum": "0.00",
        "lines": [],
    }
    status, shown, err = run(
        capsys, "pricing", "set", ref, "--discount", "5", "--coefficient", "1.5", "--json"
    )
    assert status == 0, err
    assert (shown["discount"], shown["coefficient"], shown["table"]) == ("5.00", "1.5", None)
    # options not given keep their value
    status, shown, _ = run(capsys, "pricing", "set", ref, "--minimum", "150", "--json")
    assert (shown["discount"], shown["coefficient"], shown["minimum"]) == ("5.00", "1.5", "150.00")
    assert shown["effective_minimum"] == "150.00"
    status, shown, err = run(capsys, "pricing", "line", ref, "LYRE", "10", "--json")
    assert status == 0, err
    assert shown["lines"] == [{"code": "LYRE", "name": "Lyre wash LED", "discount": "10.00"}]
    # rental 4 × 45,00 × 1,5 = 270,00 − 10 % = 243,00 − 5 % = 230,85; consumables 25,00
    with cli.read() as uow:
        assert invoices.draft_invoice(uow, ref, clock).net_total == Decimal("255.85")
    status, shown, _ = run(capsys, "pricing", "line", ref, "LYRE", "0", "--json")
    assert shown["lines"] == []
    status, shown, _ = run(
        capsys, "pricing", "set", ref, "--usual-coefficients", "--minimum", "", "--json"
    )
    assert (shown["coefficient"], shown["minimum"], shown["discount"]) == (None, None, "5.00")
    status, out, _ = run(capsys, "pricing", "show", ref)
    assert status == 0 and "discount 5.00 %" in out


def test_pricing_with_a_table(ref, cli, capsys):
    from invoicing import rates

    with cli.write() as uow:
        rates.save_coefficient_table(uow, user=USER, name="Festival", steps={1: "1", 3: "1.2"})
    status, shown, err = run(capsys, "pricing", "set", ref, "--table", "Festival", "--json")
    assert status == 0, err
    assert (shown["table"], shown["coefficient"]) == ("Festival", None)


def test_pricing_refusals_write_nothing(ref, db_path, capsys):
    before = snapshot(db_path)
    status, _, err = run(capsys, "pricing", "set", ref, "--discount", "101")
    assert status == 1 and "between 0 and 100" in err
    status, _, err = run(capsys, "pricing", "set", ref, "--coefficient", "0")
    assert status == 1 and "above 0" in err
    status, _, err = run(capsys, "pricing", "set", ref, "--table", "Nope")
    assert status == 1 and "Nope" in err
    status, _, err = run(capsys, "pricing", "set", "R-2099-9999", "--discount", "5")
    assert status == 1 and "R-2099-9999" in err
    status, _, err = run(capsys, "pricing", "line", ref, "LYRE", "100.5")
    assert status == 1 and "between 0 and 100" in err
    status, _, err = run(capsys, "pricing", "line", ref, "NOPE", "5")
    assert status == 1 and "NOPE" in err
    status, _, err = run(capsys, "pricing", "show", "R-2099-9999")
    assert status == 1
    status, err = usage(capsys, "pricing", "set", ref, "--minimum", "lots")
    assert status == 2 and "--minimum" in err
    status, err = usage(capsys, "pricing", "set", ref, "--coefficient", "1", "--table", "X")
    assert status == 2
    assert snapshot(db_path) == before
