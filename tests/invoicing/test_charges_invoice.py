"""Damage and loss charges invoiced on their own (issue 11): ``regie invoice REF
--damage-only`` takes only the booking's damage and loss charges, whatever else it holds;
the rental stays for the next invoice. Charges outside the scope of VAT (category O)
cannot share an invoice with taxed lines: a plain invoice says so and changes nothing.
Every damage-only invoice's XML passes the XSD and schematrons and is read back with lxml."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core import settings
from invoicing import rates, validation
from tests.invoicing.cli_helpers import damage_and_loss, read_back, run, snapshot, use_cli, xpath
from tests.invoicing.conftest import book

D = Decimal


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    return use_cli(coop, db_path, clock, monkeypatch)


def outside_vat(db) -> None:
    with db.write() as uow:
        settings.set_setting(uow, rates.DAMAGE_VAT_CATEGORY, "O")


def test_damage_only_invoice_then_the_rental(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 3})
    damage_and_loss(coop, ref)
    status, shown, err = run(
        capsys, "invoice", ref, "--damage-only", "--out", str(tmp_path / "d.pdf"), "--json"
    )
    assert status == 0, err
    assert [ln["description"] for ln in shown["lines"]] == [
        "Lyre wash LED — perte (valeur de remplacement)",
        "Lyre wash LED — dommage : lentille fêlée",
    ]
    assert shown["net_total"] == "1285.00"
    doc, root, xml = read_back(coop, shown["number"])
    assert validation.check_xml(xml) == []
    assert xpath(root, "//ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID/text()") == [
        "S1"
    ]
    # the rental was left for the next invoice, which has nothing else
    status, rental, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "r.pdf"), "--json")
    assert status == 0, err
    assert [ln["code"] for ln in rental["lines"]] == ["LYRE"]
    assert rental["lines"][0]["description"] == "Lyre wash LED — location 3 jours"
    before = snapshot(db_path)
    status, _, err = run(capsys, "invoice", ref, "--damage-only", "--out", str(tmp_path / "x.pdf"))
    assert status == 1 and "no damage or loss charge left to invoice" in err
    assert snapshot(db_path) == before and not (tmp_path / "x.pdf").exists()


def test_charges_outside_the_scope_of_vat_go_on_their_own_invoice(
    cli, coop, db_path, tmp_path, capsys
):
    outside_vat(coop)
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 3})
    damage_and_loss(coop, ref)
    before = snapshot(db_path)
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "all.pdf"))
    assert status == 1 and "outside the scope of VAT" in err and "on their own" in err
    assert snapshot(db_path) == before and not (tmp_path / "all.pdf").exists()

    status, shown, err = run(
        capsys, "invoice", ref, "--damage-only", "--out", str(tmp_path / "d.pdf"), "--json"
    )
    assert status == 0, err
    assert (shown["net_total"], shown["vat_total"], shown["gross_total"]) == (
        "1285.00",
        "0.00",
        "1285.00",
    )
    doc, root, xml = read_back(coop, shown["number"])
    assert validation.check_xml(xml) == [], "tell helper A: BR-O rules on a damage-only invoice"
    assert {v.category.value for v in doc.vat} == {"O"}
    tax = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"
    assert xpath(root, f"{tax}/ram:CategoryCode/text()") == ["O"]
    assert xpath(root, f"{tax}/ram:CalculatedAmount/text()") == ["0.00"]
    assert xpath(root, f"{tax}/ram:ExemptionReason/text()")  # BT-120 says why
    assert xpath(root, "//ram:IncludedSupplyChainTradeLineItem//ram:CategoryCode/text()") == [
        "O",
        "O",
    ]
    assert xpath(root, "//ram:DuePayableAmount/text()") == ["1285.00"]

    status, rental, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "r.pdf"), "--json")
    assert status == 0, err
    assert [v["rate"] for v in rental["vat"]] == ["20.00"]
    _doc, root, xml = read_back(coop, rental["number"])
    assert validation.check_xml(xml) == []
    assert xpath(root, f"{tax}/ram:CategoryCode/text()") == ["S"]


def test_damage_only_in_a_real_process_renders_a_pdf(cli, coop, db_path, tmp_path):
    from tests.invoicing.cli_helpers import regie

    outside_vat(coop)
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 3})
    damage_and_loss(coop, ref)
    out = tmp_path / "damage.pdf"
    done = regie(db_path, tmp_path, "invoice", ref, "--damage-only", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "issued, written to" in done.stdout
