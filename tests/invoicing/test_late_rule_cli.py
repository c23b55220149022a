"""``regie pricing late-returns``: shows and sets how late returns are charged; a refusal
exits 1 with one sentence and writes nothing; a usage error exits 2."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from app.cli import main
from app.core.migrate import open_database
from invoicing import rates
from invoicing.pricing import LateCharge, LateRule
from tests.test_print_cli import regie_command


@pytest.fixture
def cli(db_path, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def stored(path) -> LateRule:
    db = open_database(path)
    try:
        with db.read() as uow:
            return rates.late_rule(uow)
    finally:
        db.dispose()


def run(capsys, *argv):
    try:
        status = main(["pricing", "late-returns", *argv])
    except SystemExit as stop:  # argparse's usage error
        status = stop.code
    out, err = capsys.readouterr()
    return status, out, err


def test_show_and_set_the_rule(cli, capsys):
    status, out, _ = run(capsys)
    assert status == 0 and out == "Late returns: each late day at the day rate.\n"
    status, out, _ = run(capsys, "--charge", "fee", "--fee", "15,00", "--json")
    assert status == 0 and json.loads(out) == {"charge": "fee", "fee": "15.00"}
    assert stored(cli) == LateRule(LateCharge.FEE, rates.to_decimal("15.00"))
    status, out, _ = run(capsys, "--charge", "none")
    assert out == "Late returns: not charged.\n" and stored(cli).fee == rates.to_decimal("15")
    status, out, _ = run(capsys, "--charge", "fee")  # the fee kept
    assert out == "Late returns: 15.00 per piece and per late day (excl. VAT).\n"


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["--charge", "fee", "--fee", "0"], 1, "more than zero"),
        (["--charge", "fee"], 1, "more than zero"),  # no fee stored yet
        (["--fee", "quinze"], 1, "not an amount"),
        (["--fee", "-2"], 1, "cannot be negative"),
        (["--charge", "sometimes"], 2, "invalid choice"),
    ],
)
def test_refusals_write_nothing(cli, capsys, argv, status, message):
    before = stored(cli)
    got, out, err = run(capsys, *argv)
    assert (got, out) == (status, "")
    assert message in err and "Traceback" not in err
    assert stored(cli) == before


def test_in_a_real_process(cli):
    env = {**os.environ, "REGIE_DB": str(cli), "REGIE_LANG": "en"}
    done = subprocess.run(
        [*regie_command(), "pricing", "late-returns", "--charge", "fee", "--fee", "12", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"charge": "fee", "fee": "12.00"}
    assert stored(cli) == LateRule(LateCharge.FEE, rates.to_decimal("12"))
