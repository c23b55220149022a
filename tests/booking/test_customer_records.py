"""Issue 11, a new user's findings on customers: a Swiss UID with or without its VAT
suffix, communes as public buyers (with their SIRET), what an individual cannot have, a
SIRET per establishment, and ``regie customers edit`` to complete a record. Each refusal
exits 1 with one sentence and writes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import text

from app.cli import main
from app.core.migrate import open_database

SIRET = "73282932000074"
OTHER_SIRET = "73282932000058"  # same SIREN, another establishment


@pytest.fixture
def env(db_path, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def rows(path):
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return [
                conn.execute(text(f"SELECT * FROM {t} ORDER BY id")).all()
                for t in ("customer", "membership")
            ]
    finally:
        db.dispose()


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    if status == 0 and "--json" in argv:
        return status, json.loads(out), err
    return status, out, err


def refused(env, capsys, *argv) -> str:
    before = rows(env)
    status, out, err = run(capsys, *argv)
    assert status == 1, (out, err)
    assert out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert rows(env) == before
    return err


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("CHE-123.456.788", "CHE-123.456.788"),
        ("CHE123456788", "CHE-123.456.788"),
        ("CHE-123.456.788 MWST", "CHE-123.456.788 MWST"),
        ("che123456788tva", "CHE-123.456.788 TVA"),
    ],
)
def test_a_swiss_uid_with_or_without_its_suffix(env, capsys, typed, stored):
    status, shown, err = run(
        capsys, "customers", "add", "--name", "X", "--country", "CH", "--vat", typed, "--json"
    )
    assert status == 0, err
    assert shown["vat_number"] == stored
    status, out, _ = run(capsys, "customers", "show", shown["number"])
    assert f"vat_number: {stored}" in out


def test_a_wrong_swiss_number_says_what_form_is_expected(env, capsys):
    err = refused(
        env,
        capsys,
        "customers",
        "add",
        "--name",
        "X",
        "--country",
        "CH",
        "--vat",
        "CHE-123.456.789",
    )
    assert "CHE-123.456.789 is not a valid Swiss number" in err
    assert "with or without MWST, TVA or IVA" in err


def test_a_commune_is_a_public_buyer_by_default_and_needs_its_siret(env, capsys):
    err = refused(env, capsys, "customers", "add", "--name", "Mairie", "--category", "commune")
    assert "A French public buyer needs its SIRET" in err
    status, shown, err = run(
        capsys,
        *("customers", "add", "--name", "Mairie", "--category", "commune"),
        *("--siret", SIRET, "--service-code", "CULTURE", "--json"),
    )
    assert status == 0, err
    assert (shown["public_buyer"], shown["siren"], shown["service_code"]) == (
        True,
        SIRET[:9],
        "CULTURE",
    )
    status, shown, err = run(
        capsys,
        *("customers", "add", "--name", "Régie municipale", "--category", "commune"),
        *("--no-public-buyer", "--json"),
    )
    assert status == 0, err
    assert shown["public_buyer"] is False


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("--service-code", "S1"), "Only a public buyer has a Chorus Pro service code"),
        (("--category", "commune", "--no-public-buyer", "--service-code", "S1"), "Only a public"),
        (("--category", "individual", "--siren", SIRET[:9]), "A person has no SIREN"),
        (("--kind", "person", "--siret", SIRET), "A person has no SIRET"),
        (("--category", "individual", "--vat", "FR44732829320"), "A person has no VAT number"),
        (("--category", "individual", "--public-buyer"), "A person is not a public buyer"),
    ],
)
def test_what_a_customer_cannot_have(env, capsys, argv, words):
    assert words in refused(env, capsys, "customers", "add", "--name", "X", *argv)


def test_a_siret_belongs_to_one_customer_a_siren_may_be_shared(env, capsys):
    assert run(capsys, "customers", "add", "--name", "Ville", "--siret", SIRET)[0] == 0
    err = refused(env, capsys, "customers", "add", "--name", "Ville bis", "--siret", SIRET)
    assert "The SIRET 73282932000074 is already Ville's (1001)" in err
    status, shown, err = run(
        capsys, "customers", "add", "--name", "Médiathèque", "--siret", OTHER_SIRET, "--json"
    )
    assert status == 0, err
    assert shown["siren"] == SIRET[:9]


def test_edit_completes_a_record_and_a_refusal_changes_nothing(env, capsys):
    status, shown, _ = run(
        capsys, "customers", "add", "--name", "Mairie", "--category", "commune",
        "--no-public-buyer", "--json",
    )  # fmt: skip
    number = shown["number"]
    err = refused(env, capsys, "customers", "edit", number, "--public-buyer")
    assert "needs its SIRET" in err
    status, shown, err = run(
        capsys,
        *("customers", "edit", number, "--address", "1 place de la Mairie"),
        *("--postcode", "43000", "--city", "Le Puy", "--siret", SIRET),
        *("--public-buyer", "--service-code", "CULTURE", "--email", "mairie@example.org"),
        "--json",
    )
    assert status == 0, err
    assert (shown["number"], shown["name"], shown["category"]) == (number, "Mairie", "commune")
    assert (shown["address"], shown["postcode"], shown["city"]) == (
        "1 place de la Mairie",
        "43000",
        "Le Puy",
    )
    assert (shown["siret"], shown["siren"], shown["public_buyer"]) == (SIRET, SIRET[:9], True)
    assert shown["service_code"] == "CULTURE" and shown["email"] == "mairie@example.org"
    # another establishment: the SIREN follows the new SIRET
    status, shown, err = run(capsys, "customers", "edit", number, "--siret", OTHER_SIRET, "--json")
    assert status == 0, err
    assert (shown["siret"], shown["siren"]) == (OTHER_SIRET, SIRET[:9])
    # no longer a public buyer: its service code goes with it
    status, shown, err = run(capsys, "customers", "edit", number, "--no-public-buyer", "--json")
    assert status == 0, err
    assert (shown["public_buyer"], shown["service_code"]) == (False, "")
    assert "not a valid intra-EU" in refused(
        env, capsys, "customers", "edit", number, "--vat", "FR00"
    )
    assert "e-mail" in refused(env, capsys, "customers", "edit", number, "--email", "nobody")
    assert "NOPE" in refused(env, capsys, "customers", "edit", "NOPE", "--city", "x")
    status, out, _ = run(capsys, "customers", "edit", number, "--city", "Yssingeaux")
    assert status == 0 and out.strip() == f"Customer {number} saved: Mairie."


def test_edit_in_a_real_process(env):
    def regie(*argv):
        return subprocess.run(
            [sys.executable, "-m", "app", *argv],
            capture_output=True,
            text=True,
            env={**os.environ, "REGIE_DB": str(env), "REGIE_LANG": "en"},
            timeout=300,
            check=False,
        )

    done = regie("customers", "add", "--name", "Z", "--country", "CH", "--vat", "CHE-123.456.788")
    assert done.returncode == 0, done.stderr
    done = regie("customers", "edit", "1001", "--vat", "CHE-123.456.788 TVA", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["vat_number"] == "CHE-123.456.788 TVA"
    before = rows(env)
    done = regie("customers", "edit", "1001", "--siret", SIRET)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "A SIRET is French: a customer in CH has none (leave it empty, or set the country to FR)."
    ]
    assert rows(env) == before
