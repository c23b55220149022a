"""The VAT of damage and loss charges (issue 11) can be set by a person: ``regie pricing
damage-vat --category S|O [--rate]`` and the pricing screen's rules page. VAT 20 % stays
the default (the safer choice); O (outside the scope of VAT, an indemnity) then puts the
charges on an invoice of their own. A refusal writes nothing."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal

import pytest

from app.cli import main
from app.core.errors import ValidationError
from app.core.migrate import open_database
from invoicing import pricing_setup, rates
from invoicing.document import VatCategory
from invoicing.pricing import VatSpec
from tests.invoicing.cli_helpers import process_env, regie_command

S20 = VatSpec(VatCategory.STANDARD, Decimal("20.00"))
OUT = VatSpec(VatCategory.OUT_OF_SCOPE, Decimal("0.00"))


@pytest.fixture
def cli(db_path, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def stored(path) -> VatSpec:
    db = open_database(path)
    try:
        with db.read() as uow:
            return rates.damage_vat(uow)
    finally:
        db.dispose()


def run(capsys, *argv):
    try:
        status = main(["pricing", "damage-vat", *argv])
    except SystemExit as stop:  # argparse's usage error
        status = stop.code
    out, err = capsys.readouterr()
    return status, out, err


def test_show_and_set_from_the_command_line(cli, capsys):
    status, out, _ = run(capsys)
    assert status == 0 and out == "Damage and loss charges: VAT 20.00 %.\n"
    status, out, _ = run(capsys, "--category", "O", "--json")
    assert status == 0 and json.loads(out) == {"category": "O", "rate": "0.00"}
    assert stored(cli) == OUT
    status, out, _ = run(capsys)
    assert out == "Damage and loss charges: outside the scope of VAT (indemnity).\n"
    status, out, _ = run(capsys, "--category", "s", "--rate", "10,00", "--json")
    assert json.loads(out) == {"category": "S", "rate": "10.00"}
    assert stored(cli) == VatSpec(VatCategory.STANDARD, Decimal("10.00"))


@pytest.mark.parametrize(
    ("argv", "status", "said"),
    [
        (("--category", "S", "--rate", "vingt"), 1, "vingt"),
        (("--category", "S", "--rate", "0"), 1, "more than zero"),
        (("--category", "S", "--rate", "120"), 1, "between 0 and 100"),
        (("--category", "O", "--rate", "20"), 1, "no rate"),
        (("--category", "AE"), 2, "AE"),
    ],
)
def test_refusals_write_nothing(cli, capsys, argv, status, said):
    before = stored(cli)
    got, _, err = run(capsys, *argv)
    assert got == status and said in err and "Traceback" not in err
    assert stored(cli) == before == S20


def test_help(cli, capsys):
    status, out, _ = run(capsys, "--help")
    assert status == 0 and "--category {S,O}" in out and "in % (default: 20.00)" in out


def test_in_a_real_process(cli, tmp_path):
    done = subprocess.run(
        [*regie_command(), "pricing", "damage-vat", "--category", "O"],
        env=process_env(cli, tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "outside the scope of VAT" in done.stdout and stored(cli) == OUT


def test_parse_rules_reads_the_damage_vat_when_given() -> None:
    raw = {
        "weekend": True,
        "out_from": "14:00",
        "back_by": "10:00",
        "minimum": "0",
        "payment_days": "30",
        "quote_days": "30",
        "vat": "20",
    }
    assert pricing_setup.parse_rules(raw).damage is None  # not given: left as stored
    assert pricing_setup.parse_rules({**raw, "damage_vat": "O"}).damage == OUT
    rules = pricing_setup.parse_rules({**raw, "damage_vat": "S", "damage_rate": "5.50"})
    assert rules.damage == VatSpec(VatCategory.STANDARD, Decimal("5.50"))
    with pytest.raises(ValidationError) as refused:
        pricing_setup.parse_rules({**raw, "damage_vat": "E"})
    assert refused.value.field == "damage VAT"
