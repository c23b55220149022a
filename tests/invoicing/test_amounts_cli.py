"""Typed amounts refused at the process level: ``payments add``, ``credit-note --line``,
``deposits add`` and ``pricing set --minimum`` exit 2 with one sentence naming the value
and how to write it, and write nothing; one real subprocess too."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.invoicing import test_cli
from tests.invoicing.conftest import book
from tests.invoicing.test_cli import issue, snapshot, usage

cli = test_cli.cli  # the fixture: the cooperative behind REGIE_DB, C-PRO and C-ADH

CLI_FORMS = ["1 234,50", "1.234,50", "1e3", "12.345", "\u0661\u0662", "\uff11\uff12"]


@pytest.mark.parametrize("value", CLI_FORMS)
def test_cli_payment_refuses_and_writes_nothing(cli, coop, db_path, tmp_path, capsys, value):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    number = issue(capsys, tmp_path, ref)["number"]
    before = snapshot(db_path)
    status, err = usage(capsys, "payments", "add", number, value)
    assert status == 2 and repr(value) in err and "1234.50 or 1234,50" in err, err
    assert "Traceback" not in err
    status, err = usage(capsys, "credit-note", number, "--line", f"1={value}", "--reason", "x")
    assert status == 2 and repr(value) in err, err
    status, err = usage(capsys, "deposits", "add", ref, value, "--method", "cheque")
    assert status == 2 and repr(value) in err, err
    assert snapshot(db_path) == before


def test_cli_pricing_minimum_refused(cli, coop, db_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    before = snapshot(db_path)
    status, err = usage(capsys, "pricing", "set", ref, "--minimum", "1 000")
    assert status == 2 and "'1 000'" in err, err
    assert snapshot(db_path) == before


def test_subprocess_refusal(cli, coop, db_path, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    before = snapshot(db_path)
    env = {**os.environ, "REGIE_DB": str(db_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "deposits", "add", ref, "1.234,50", "--method", "cheque"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert "'1.234,50'" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(db_path) == before
