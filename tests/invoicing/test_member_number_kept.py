"""A member keeps its member number across years (issue 11, a new user's finding): the
2027 renewal of SOC-9001 is accepted with the same number (``regie customers renew``), the
member rate applies across the renewal on the quote, and no other customer may take the
number. Migration 0011 made the number's index a plain one."""

from __future__ import annotations

import json
import random
import sqlite3

import pytest

from app.bootstrap import open_context
from app.cli import main
from app.demo.booking import make_siret
from tests.invoicing.conftest import book, customer

PERIOD = {
    "start": "2026-12-29T09:00",
    "end": "2027-01-03T18:00",
    "use_start": "2026-12-30T08:00",
    "use_end": "2027-01-02T23:00",
}


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    customer(coop, "C-SOC", "Théâtre Sociétaire", siret=make_siret(random.Random(9001)))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    monkeypatch.setattr("app.cli.customers.open_context", fixed_context)
    return coop


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    if status == 0 and "--json" in argv:
        return status, json.loads(out), err
    return status, out, err


def memberships(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT customer_id, member_number, valid_from, valid_to FROM membership ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_a_renewal_keeps_its_number_and_the_member_rate(cli, clock, db_path, capsys, tmp_path):
    status, _, err = run(
        capsys,
        *("customers", "renew", "C-SOC", "--member-number", "SOC-9001"),
        *("--from", "2026-01-01", "--to", "2026-12-31"),
    )
    assert status == 0, err
    # the renewal: same number, from the day after the last one ends (the default)
    status, out, err = run(capsys, "customers", "renew", "C-SOC", "--to", "2027-12-31")
    assert status == 0, err
    assert out.strip() == "Membership SOC-9001 of C-SOC added: 01/01/2027 – 31/12/2027."
    status, shown, _ = run(capsys, "customers", "show", "C-SOC", "--json")
    assert [(m["member_number"], m["valid_from"], m["valid_to"]) for m in shown["memberships"]] == [
        ("SOC-9001", "2026-01-01", "2026-12-31"),
        ("SOC-9001", "2027-01-01", "2027-12-31"),
    ]
    ref = book(cli, clock, "C-SOC", {"LYRE": 2}, **PERIOD)
    status, quote, err = run(capsys, "quote", ref, "--out", str(tmp_path / "q.pdf"), "--json")
    assert status == 0, err
    assert quote["rate"] == "Tarif adhérent (sociétaire SOC-9001)"  # the number once
    # member day rate 30,00 × coefficient 2,5 for 4 days, not the public 45,00
    assert [ln["unit_price"] for ln in quote["lines"]] == ["75.00"]


def test_another_customer_cannot_take_the_number(cli, db_path, capsys):
    assert run(
        capsys,
        *("customers", "renew", "C-SOC", "--member-number", "SOC-9001", "--from", "2026-01-01"),
    )[0] == 0  # fmt: skip
    before = memberships(db_path)
    status, out, err = run(
        capsys,
        *("customers", "add", "--name", "Autre", "--member-number", "SOC-9001"),
        *("--member-from", "2028-01-01"),
    )
    assert status == 1 and out == ""
    assert err.strip() == "The member number SOC-9001 is already used by Théâtre Sociétaire."
    status, out, err = run(
        capsys, "customers", "renew", "C-MEM", "--member-number", "SOC-9001", "--from", "2030-01-01"
    )
    assert status == 1 and "SOC-9001 is already used by Théâtre Sociétaire" in err
    assert memberships(db_path) == before


def test_a_renewal_that_overlaps_or_has_nothing_to_renew_is_refused(cli, db_path, capsys):
    before = memberships(db_path)
    status, _, err = run(capsys, "customers", "renew", "C-SOC", "--from", "2027-01-01")
    assert status == 1 and "has no membership yet: give its --member-number" in err
    assert run(capsys, "customers", "renew", "C-SOC", "--member-number", "S", "--from", "x")[0] == 2
    assert memberships(db_path) == before
    run(
        capsys,
        *("customers", "renew", "C-SOC", "--member-number", "SOC-1", "--from", "2026-01-01"),
        *("--to", "open"),
    )
    before = memberships(db_path)
    status, _, err = run(capsys, "customers", "renew", "C-SOC")  # open-ended: from when?
    assert status == 1 and "Give the first day of the membership with --from" in err
    status, _, err = run(capsys, "customers", "renew", "C-SOC", "--from", "2026-06-01")
    assert status == 1 and "overlaps membership SOC-1" in err
    assert memberships(db_path) == before


def test_the_member_number_index_is_plain(db_path, cli):
    conn = sqlite3.connect(db_path)
    try:
        indexes = {row[1]: row[2] for row in conn.execute("PRAGMA index_list('membership')")}
    finally:
        conn.close()
    assert indexes["ix_membership_member_number"] == 0  # not unique
