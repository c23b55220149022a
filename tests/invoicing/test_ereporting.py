"""`regie export ereporting`: the operations outside e-invoicing (an individual, a commune,
a foreign business) totalled per day, category and VAT rate; a French VAT-registered
company left out (it is e-invoiced); a credit note reducing its day's totals."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
import subprocess
import sys
from decimal import Decimal as D

import pytest

from app.bootstrap import open_context
from app.cli import main
from app.demo.booking import make_siret
from invoicing import ereporting, parties
from invoicing.document import Line, Party, VatCategory
from tests.invoicing.conftest import book, customer


def ok(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out) if "--json" in argv else out


@pytest.fixture
def sales(coop, db_path, clock, monkeypatch, qapp, tmp_path, capsys):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    rng = random.Random(7)
    customer(coop, "C-IND", "Zoé Gibert", kind="person", category="individual")
    customer(coop, "C-SA", "Lumens SA", category="company", siret=make_siret(rng), vat_number="")
    customer(
        coop,
        "C-VIL",
        "Commune de Brives",
        category="commune",
        siret=make_siret(rng),
        public_buyer="yes",
    )

    customer(
        coop,
        "C-BE",
        "Lichtwerk SPRL",
        category="company",
        country="BE",
        postcode="1000",
        city="Bruxelles",
        vat_number="BE0403170701",
    )

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    pdf = str(tmp_path / "doc.pdf")
    numbers = {}
    for number, lines in (
        ("C-IND", {"LYRE": 1, "GAFFER": 2}),
        ("C-SA", {"LYRE": 2}),
        ("C-VIL", {"LYRE": 2}),
        ("C-BE", {"LYRE": 1, "GAFFER": 2}),
    ):
        ref = book(coop, clock, number, lines)
        numbers[number] = ok(capsys, "invoice", ref, "--out", pdf, "--json")["number"]
    ok(capsys, "credit-note", numbers["C-VIL"], "--reason", "Annulation", "--out", pdf)
    return numbers


def _rows(path):
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8"))))


def test_transaction_data_per_day_category_and_rate(sales, capsys, tmp_path, clock):
    out = tmp_path / "ereporting.csv"
    shown = ok(
        capsys, "export", "ereporting", "--from", "2026-11-01", "--to", "2026-11-30",
        "--out", str(out), "--json",
    )  # fmt: skip
    rows = _rows(out)
    assert shown["rows"] == len(rows)
    assert list(rows[0]) == list(ereporting.COLUMNS)
    day = clock.today().isoformat()
    got = {(r["date"], r["category"], r["vat_rate"]): r for r in rows}
    # the individual: 1 lyre × 45 × coef 2 (rental) and 2 gaffer × 12,50 (goods)
    goods = got[(day, "TLB1", "20.00")]
    assert (goods["taxable_base"], goods["vat_amount"], goods["transactions"]) == (
        "25.00",
        "5.00",
        "1",
    )
    services = got[(day, "TPS1", "20.00")]
    # the commune's invoice and its full credit note cancel out; the company is left out
    assert (services["taxable_base"], services["vat_amount"]) == ("90.00", "18.00")
    # the individual and the commune; the credit note lowers the amounts, counts 0
    assert services["transactions"] == "2"
    assert (goods["nature"], services["nature"]) == ("goods", "services")
    assert {r["currency"] for r in rows} == {"EUR"}
    # the Belgian business: not taxed in France, the rental (reverse charge) and the
    # consumables (intra-EU supply) on rows of their own
    abroad = {r["nature"]: r for r in rows if r["category"] == "TNT1"}
    assert set(abroad) == {"goods", "services"}
    assert [
        (r["taxable_base"], r["vat_amount"], r["transactions"], r["vat_rate"])
        for r in (abroad["services"], abroad["goods"])
    ] == [("90.00", "0.00", "1", "0.00"), ("25.00", "0.00", "1", "0.00")]


def test_a_day_of_credit_notes_only_counts_no_transaction(
    sales, capsys, clock, monkeypatch, tmp_path
):
    """A credit note on a later day: negative amounts on its day, 0 transactions."""
    from app.core.clock import FixedClock

    later = FixedClock(clock.now() + dt.timedelta(days=2))

    def later_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = later
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", later_context)
    pdf = str(tmp_path / "av.pdf")
    ok(capsys, "credit-note", sales["C-IND"], "--reason", "Annulation", "--out", pdf)
    shown = ok(
        capsys, "export", "ereporting", "--from", later.today().isoformat(),
        "--to", later.today().isoformat(), "--out", "-", "--json",
    )  # fmt: skip
    assert shown["rows"] == len(shown["data"]) == 2
    assert {(r["category"], r["nature"], r["taxable_base"], r["vat_amount"], r["transactions"])
            for r in shown["data"]} == {
        ("TLB1", "goods", "-25.00", "-5.00", 0),
        ("TPS1", "services", "-90.00", "-18.00", 0),
    }  # fmt: skip


def test_json_to_standard_output_prints_the_rows_in_a_subprocess(sales, db_path, clock):
    day = clock.today().isoformat()
    done = subprocess.run(
        [sys.executable, "-m", "app", "export", "ereporting", "--from", day, "--to", day]
        + ["--out", "-", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "REGIE_DB": str(db_path)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["file"] == "-" and shown["rows"] == len(shown["data"]) == 4
    assert set(shown["data"][0]) >= {"date", "category", "nature", "vat_rate", "taxable_base"}
    help_text = subprocess.run(
        [sys.executable, "-m", "app", "export", "ereporting", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "REGIE_DB": str(db_path)},
        timeout=120,
        check=False,
    ).stdout
    assert "TNT1" in help_text and "decimal point" in help_text


def _line(category, goods=False, reason=""):
    return Line(
        "x", D(1), "C62", D(10), D(10), D(0), category, is_goods=goods, exemption_reason=reason
    )


def test_which_lines_are_reported():
    assert ereporting._category(_line(VatCategory.OUT_OF_SCOPE), "") is None
    exempt = "Exonération de TVA, article 261-4-4° a du CGI"
    assert ereporting._category(_line(VatCategory.EXEMPT, reason=exempt), "") is None
    assert ereporting._category(_line(VatCategory.EXEMPT), "article 261 D du CGI") is None
    other = "Exonération de TVA, article 262 I du CGI"
    assert ereporting._category(_line(VatCategory.EXEMPT, True, other), "") == (
        "TNT1",
        "goods",
    )
    assert ereporting._category(_line(VatCategory.REVERSE_CHARGE), "") == ("TNT1", "services")
    assert ereporting._category(_line(VatCategory.STANDARD, True), "") == ("TLB1", "goods")


def test_bad_period_writes_nothing(sales, capsys, tmp_path):
    out = tmp_path / "e.csv"
    status = main(
        ["export", "ereporting", "--from", "2026-11-30", "--to", "2026-11-01"] + ["--out", str(out)]
    )
    _out, err = capsys.readouterr()
    assert status == 1 and "before it starts" in err and not out.exists()


SIREN = "932817455"


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        (Party("Zoé", is_business=False, category="individual"), ereporting.B2C),
        (Party("Asso", siren=SIREN, category="association"), ereporting.B2C),
        (
            Party("Asso", siren=SIREN, vat_number="FR40932817455", category="association"),
            "B2B",
        ),
        (Party("SA", siren=SIREN, category="company"), ereporting.B2B),
        (Party("Ville", siren=SIREN, public_buyer=True, category="commune"), ereporting.B2C),
        (Party("GmbH", country="DE", category="company"), ereporting.B2BINT),
        (Party("Jan", country="BE", is_business=False, category="individual"), "B2CINT"),
    ],
)
def test_who_is_reported(party, expected):
    """The one rule of the BAR note (``parties.processing_category``) decides."""
    assert parties.processing_category(party) == expected


def test_a_business_the_xml_does_not_send_as_b2b_is_reported():
    """A French company without a SIREN: its Factur-X says B2C, so it is e-reported."""
    party = Party("SA", category="company")
    assert parties.processing_category(party) == "B2C"
