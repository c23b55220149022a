"""Numbering prefixes (``numbering.invoice_prefix``, ``numbering.credit_prefix``): new
invoices and credit notes take them, gapless per prefix and year; numbers already issued
never change; a prefix changed once the year has documents of that kind applies from the
next year (the year's numbers stay one series); a prefix that cannot make a number is
refused with a sentence, nothing issued. Issued through the CLI (``regie invoice``,
``regie credit-note``) and checked with ``regie verify``."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from app.bootstrap import open_context
from app.cli import main
from app.core import settings
from app.core.clock import FixedClock
from invoicing import issuing
from tests.invoicing.conftest import book, coop  # noqa: F401 - the fixture


def set_prefixes(db, invoice: str | None = None, credit: str | None = None) -> None:
    with db.write() as uow:
        if invoice is not None:
            settings.set_setting(uow, settings.INVOICE_PREFIX, invoice)
        if credit is not None:
            settings.set_setting(uow, settings.CREDIT_PREFIX, credit)


class Clocked:
    """The CLI's clock, movable between commands (a new year)."""

    def __init__(self, clock: FixedClock) -> None:
        self.clock = clock


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):  # noqa: F811 - the imported fixture
    monkeypatch.setenv("REGIE_DB", str(db_path))
    holder = Clocked(clock)

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = holder.clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    coop.holder = holder
    return coop


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def invoice(capsys, tmp_path, ref) -> str:
    status, out, err = run(capsys, "invoice", ref, "--out", str(tmp_path / f"{ref}.pdf"), "--json")
    assert status == 0, err
    return json.loads(out)["number"]


def credit(capsys, tmp_path, number) -> str:
    status, out, err = run(
        capsys,
        "credit-note",
        number,
        "--reason",
        "Erreur",
        "--out",
        str(tmp_path / "av.pdf"),
        "--json",
    )
    assert status == 0, err
    return json.loads(out)["number"]


@pytest.mark.both_engines
def test_new_numbers_take_the_prefixes_of_the_settings(cli, capsys, tmp_path, clock):
    set_prefixes(cli, invoice="FAC", credit="AVO")
    first = invoice(capsys, tmp_path, book(cli, clock, "C-PUB", {"LYRE": 1}))
    second = invoice(capsys, tmp_path, book(cli, clock, "C-MEM", {"LYRE": 1}))
    assert (first, second) == ("FAC-2026-00001", "FAC-2026-00002")
    assert credit(capsys, tmp_path, first) == "AVO-2026-00001"
    status, out, err = run(capsys, "verify", "--json")
    assert status == 0, out + err


def test_the_default_prefixes_are_fa_and_av(cli, capsys, tmp_path, clock):
    number = invoice(capsys, tmp_path, book(cli, clock, "C-PUB", {"LYRE": 1}))
    assert number == "FA-2026-00001"
    assert credit(capsys, tmp_path, number) == "AV-2026-00001"


@pytest.mark.both_engines
def test_a_prefix_changed_in_the_year_applies_from_the_next_year(cli, capsys, tmp_path, clock):
    first = invoice(capsys, tmp_path, book(cli, clock, "C-PUB", {"LYRE": 1}))
    set_prefixes(cli, invoice="F")
    # the year already has FA numbers: it keeps them, without a gap
    second = invoice(capsys, tmp_path, book(cli, clock, "C-MEM", {"LYRE": 1}))
    assert (first, second) == ("FA-2026-00001", "FA-2026-00002")
    # ... but no credit note yet this year: the credit prefix changes at once
    set_prefixes(cli, credit="A")
    assert credit(capsys, tmp_path, first) == "A-2026-00001"
    # the next year starts the new series
    later = FixedClock(dt.datetime(2027, 1, 5, 10, 0, tzinfo=clock.tz), tz=clock.tz)
    cli.holder.clock = later
    ref = book(
        cli,
        later,
        "C-PUB",
        {"LYRE": 1},
        start="2027-01-06T09:00",
        end="2027-01-08T18:00",
        use_start="2027-01-06T10:00",
        use_end="2027-01-07T23:00",
    )
    assert invoice(capsys, tmp_path, ref) == "F-2027-00001"
    status, out, err = run(capsys, "invoices", "list", "--json")
    assert status == 0, err
    numbers = sorted(row["number"] for row in json.loads(out))
    assert numbers == ["A-2026-00001", "F-2027-00001", "FA-2026-00001", "FA-2026-00002"]


def test_a_prefix_that_cannot_make_a_number_is_refused(cli, capsys, tmp_path, clock, db_path):
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    set_prefixes(cli, invoice="FA 2026")
    status, _out, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "x.pdf"))
    assert status == 1
    assert "numbering prefix FA 2026" in err and "Traceback" not in err and "FA)" in err
    with cli.read() as uow:
        assert issuing.series_for(uow, issuing.Kind.CREDIT_NOTE, 2026) == "AV"
        assert not uow.session.exec(issuing.select(issuing.IssuedDocument)).first()
    assert not (tmp_path / "x.pdf").exists()


def test_a_prefixed_invoice_in_a_real_process(cli, capsys, tmp_path, clock, db_path):
    set_prefixes(cli, invoice="COOP")
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    env = {**os.environ, "REGIE_DB": str(db_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "invoice", ref, "--out", str(tmp_path / "p.pdf"), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["number"].startswith("COOP-")
