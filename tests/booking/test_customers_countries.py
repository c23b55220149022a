"""``regie customers add --country --siren --vat --public-buyer --service-code``: a
country is a real ISO 3166 code, SIREN/SIRET only for French customers, a VAT number valid
and of the customer's country. A refusal exits 1 with one sentence naming the field and
writes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import text

from app.cli import main
from app.core.migrate import open_database


@pytest.fixture
def env(db_path, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def customers_rows(path):
    db = open_database(path)
    try:
        with db.read() as uow:
            return uow.session.connection().execute(text("SELECT * FROM customer")).all()
    finally:
        db.dispose()


def add(capsys, *argv):
    status = main(["customers", "add", "--name", "Client", *argv, "--json"])
    out, err = capsys.readouterr()
    return status, (json.loads(out) if status == 0 else out), err


def test_a_belgian_company_has_a_country_and_a_vat_number_but_no_siren(env, capsys):
    status, shown, err = add(capsys, "--country", "be", "--vat", "BE 0403.019.261")
    assert status == 0, err
    assert shown["country"] == "BE"
    assert (shown["siren"], shown["siret"], shown["vat_number"]) == ("", "", "BE0403019261")
    assert shown["public_buyer"] is False and shown["service_code"] == ""
    main(["customers", "show", shown["number"], "--json"])
    again = json.loads(capsys.readouterr().out)
    assert again["country"] == "BE" and again["vat_number"] == "BE0403019261"


def test_a_french_company_gets_its_siren_from_its_siret_and_a_greek_one_el(env, capsys):
    status, shown, err = add(capsys, "--siret", "732 829 320 00074")
    assert status == 0, err
    assert (shown["country"], shown["siren"]) == ("FR", "732829320")
    status, shown, err = add(capsys, "--country", "GR", "--vat", "EL094014201")
    assert status == 0, err


def test_a_public_buyer_with_its_service_code(env, capsys):
    status, shown, err = add(
        capsys, "--category", "commune", "--siret", "73282932000074", "--service-code", "SERV-01"
    )
    assert status == 0, err
    assert (shown["public_buyer"], shown["service_code"]) == (True, "SERV-01")
    main(["customers", "list", "--json"])
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["public_buyer"] is True and listed[0]["service_code"] == "SERV-01"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("--country", "XX"), "XX is not a country code"),
        (("--country", "FRA"), "FRA is not a country code"),
        (("--siren", "123456789"), "SIREN 123456789 is not valid"),
        (("--siret", "73282932000075"), "SIRET 73282932000075 is not valid"),
        (("--country", "DE", "--siren", "732829320"), "A SIREN is French"),
        (("--country", "BE", "--siret", "73282932000074"), "A SIRET is French"),
        (("--vat", "BE0403019262"), "not a valid intra-EU VAT number"),
        (("--country", "DE", "--vat", "BE0403019261"), "does not match the country DE"),
        (("--vat", "BE0403019261"), "does not match the country FR"),
        (("--country", "CH", "--vat", "CHE-116.281.711 TVA"), "not a valid Swiss number"),
    ],
)
def test_bad_identifiers_are_refused_and_nothing_is_written(env, capsys, argv, words):
    before = customers_rows(env)
    status, out, err = add(capsys, *argv)
    assert status == 1
    assert out == ""
    assert words in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert customers_rows(env) == before


def test_a_real_process_refuses_an_unknown_country(env):
    before = customers_rows(env)
    done = subprocess.run(
        [sys.executable, "-m", "app", "customers", "add", "--name", "X", "--country", "ZZ"],
        capture_output=True,
        text=True,
        env={**os.environ, "REGIE_DB": str(env), "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "ZZ is not a country code: give the ISO 3166 two-letter code (FR, BE, DE, CH…)."
    ]
    assert customers_rows(env) == before
