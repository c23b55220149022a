"""``regie customers import|export``: customers and memberships from the files people have,
all or nothing, every bad line named, a preview that writes nothing, a faithful round trip."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main
from app.core import tabular
from app.core.errors import ValidationErrors
from app.core.migrate import open_database
from booking import customers_io

pytestmark = pytest.mark.both_engines

FRENCH = (
    "N° client;Raison sociale;Type;Catégorie;Code postal;Ville;SIRET;N° adhérent;"
    "Adhésion du;Adhésion au\r\n"
    ";Société des fêtes de Bourg;structure;asso;1000;Bourg-en-Bresse;;A-77;01/01/2026;"
    "31/12/2026\r\n"
    "C-9;Théâtre du Pilat;;salle;42410;Pélussin;79522177900023;;;\r\n"
    ";Éric Dupré;particulier;particulier;69001;Lyon;;A-78;15/03/2026;\r\n"
)


@pytest.fixture
def cli_db(db_path, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def listed(capsys) -> dict[str, dict]:
    capsys.readouterr()
    assert main(["customers", "list", "--json"]) == 0
    return {c["number"]: c for c in json.loads(capsys.readouterr().out)}


def test_french_cp1252_semicolon_file_imports(cli_db, tmp_path, capsys):
    path = tmp_path / "adherents.csv"
    path.write_bytes(FRENCH.encode("cp1252"))
    assert main(["customers", "import", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["file"] == {"encoding": "cp1252", "delimiter": ";", "sheet": "", "rows": 3}
    assert (result["created"], result["updated"], result["unchanged"]) == (3, 0, 0)
    assert [(c["line"], c["action"]) for c in result["changes"]] == [
        (2, "create"),
        (3, "create"),
        (4, "create"),
    ]
    found = {c["name"]: c for c in listed(capsys).values()}
    fetes = found["Société des fêtes de Bourg"]
    assert (fetes["kind"], fetes["category"], fetes["postcode"]) == (
        "organisation",
        "association",
        "01000",  # the zero a spreadsheet dropped, back
    )
    assert fetes["memberships"] == [
        {"member_number": "A-77", "valid_from": "2026-01-01", "valid_to": "2026-12-31"}
    ]
    theatre = found["Théâtre du Pilat"]
    assert (theatre["number"], theatre["category"], theatre["siren"]) == (
        "C-9",
        "venue",
        "795221779",
    )
    eric = found["Éric Dupré"]
    assert (eric["kind"], eric["category"]) == ("person", "individual")
    assert eric["memberships"][0]["valid_to"] is None
    # the same file again changes nothing: rows find their customers (number, SIRET, name)
    assert main(["customers", "import", str(path), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)


def test_every_bad_line_named_and_nothing_written(cli_db, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(
        "number,name,siret,email,member_number,member_from,kind\n"
        "1,Bon client,,ok@example.org,,,\n"
        "2,Mauvais SIRET,12345678901234,,,,\n"
        "3,,,,,,\n"
        "4,Courriel,,pas-un-courriel,,,\n"
        "5,Adhérent,,,M-1,31/02/2026,\n"
        "6,Genre,,,,,martien\n",
        encoding="utf-8",
    )
    before = listed(capsys)
    assert main(["customers", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "5 problems found; nothing was changed." in err
    assert "line 3: column 'siret': The SIRET 12345678901234 is not valid" in err
    assert "line 4: column 'name': The name cannot be empty." in err
    assert "line 5: column 'email': 'pas-un-courriel' is not an e-mail address." in err
    assert "line 6: column 'member_from': '31/02/2026' is not a date" in err
    assert (
        "line 7: column 'kind': 'martien' is not a value Régie knows here; write one of: Organisation, Person"
        in err
    )
    assert "line 2" not in err
    assert listed(capsys) == before


def test_preview_writes_nothing_and_says_what_would_change(cli_db, tmp_path, capsys):
    assert main(["customers", "add", "--name", "Ancien nom", "--number", "77"]) == 0
    path = tmp_path / "p.csv"
    path.write_text("number,name,city\n77,Nouveau nom,Lyon\n78,Neuf,Paris\n", encoding="utf-8")
    before = listed(capsys)
    assert main(["customers", "import", str(path), "--preview"]) == 0
    out = capsys.readouterr().out
    assert "line 2: update 77 — changed: Name, City" in out
    assert "line 3: create" in out
    assert "Preview: 1 created, 1 updated, 0 unchanged; nothing was written." in out
    assert listed(capsys) == before


def test_columns_a_file_lacks_are_kept(cli_db, tmp_path, capsys):
    assert main(["customers", "add", "--name", "Asso", "--number", "5", "--email", "a@b.fr"]) == 0
    path = tmp_path / "cities.csv"
    path.write_text("number,name,city\n5,Asso,Lyon\n", encoding="utf-8")
    assert main(["customers", "import", str(path)]) == 0
    asso = listed(capsys)["5"]
    assert (asso["city"], asso["email"]) == ("Lyon", "a@b.fr")


def test_map_option_reads_other_headers(cli_db, tmp_path, capsys):
    path = tmp_path / "odd.csv"
    path.write_text("Qui,Où\nLa Fanfare,Annecy\n", encoding="utf-8")
    assert main(["customers", "import", str(path)]) == 1
    assert "No column of the file gives the Name (name)" in capsys.readouterr().err
    assert main(["customers", "import", str(path), "--map", "name=Qui", "--map", "city=Où"]) == 0
    assert "La Fanfare" in {c["name"]: c for c in listed(capsys).values()}
    assert main(["customers", "import", str(path), "--map", "name"]) == 2


def test_xlsx_import_with_numbers_and_dates_as_cells(cli_db, tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.append(["Numéro", "Nom", "Code postal", "SIRET", "Sociétaire", "Début adhésion"])
    sheet.append([2001, "Compagnie Zéphyr", 1000, 79522177900023, "Z-1", dt.date(2026, 9, 1)])
    path = tmp_path / "clients.xlsx"
    book.save(path)
    assert main(["customers", "import", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["file"]["encoding"] == "xlsx"
    zephyr = listed(capsys)["2001"]
    assert (zephyr["postcode"], zephyr["siret"]) == ("01000", "79522177900023")
    assert zephyr["memberships"][0]["valid_from"] == "2026-09-01"


def test_rows_of_one_customer_carry_its_memberships_and_must_agree(cli_db, tmp_path, capsys):
    path = tmp_path / "m.csv"
    path.write_text(
        "number,name,member_number,member_from,member_to\n"
        "9,Asso,S-9,2025-01-01,2025-12-31\n"
        "9,Asso,S-9,2026-01-01,\n"
        "9,Autre nom,S-9,2027-01-01,\n",
        encoding="utf-8",
    )
    assert main(["customers", "import", str(path)]) == 1
    assert "line 4: column 'name': This row and line 2 describe the same customer" in (
        capsys.readouterr().err
    )
    path.write_text("\n".join(path.read_text().splitlines()[:3]) + "\n", encoding="utf-8")
    assert main(["customers", "import", str(path)]) == 0
    assert [m["valid_from"] for m in listed(capsys)["9"]["memberships"]] == [
        "2025-01-01",
        "2026-01-01",
    ]
    path.write_text(
        "number,name,member_number,member_from,member_to\n9,Asso,S-9,2026-01-01,2026-12-31\n",
        encoding="utf-8",
    )
    assert main(["customers", "import", str(path)]) == 0
    assert "update 9 — membership S-9 changed" in capsys.readouterr().out
    assert listed(capsys)["9"]["memberships"][1]["valid_to"] == "2026-12-31"


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_import_round_trip_is_identical(cli_db, tmp_path, capsys, monkeypatch, suffix):
    for args in (
        ["--name", "Commune de Beauzac", "--category", "commune", "--siret", "79522177900023",
         "--member-number", "SOC-1", "--member-from", "2024-01-01", "--member-to", "2024-12-31"],
        ["--name", "Léa Martin", "--kind", "person", "--category", "individual",
         "--postcode", "01000", "--phone", "06 12 34 56 78"],
        ["--name", "Bühne Basel", "--country", "CH", "--vat", "CHE-116.281.710 MWST"],
    ):  # fmt: skip
        assert main(["customers", "add", *args]) == 0
    assert main(["customers", "renew", "1001", "--from", "2025-01-01"]) == 0
    first = tmp_path / f"first.{suffix}"
    assert main(["customers", "export", str(first)]) == 0
    assert f"Exported to {first}: 3 customers." in capsys.readouterr().out
    fresh = tmp_path / "fresh.db"
    open_database(fresh).dispose()
    monkeypatch.setenv("REGIE_DB", str(fresh))
    assert main(["customers", "import", str(first)]) == 0
    second = tmp_path / f"second.{suffix}"
    assert main(["customers", "export", str(second), "--json"]) == 0
    table = tabular.read_table(second.read_bytes(), second.name)
    assert table.rows == tabular.read_table(first.read_bytes(), first.name).rows
    if suffix == "csv":
        assert second.read_bytes() == first.read_bytes()
        assert b"SOC-1,2025-01-01," in first.read_bytes()


def test_domain_import_refusal_leaves_the_transaction_clean(db):
    table = tabular.read_table(b"name,siret\nA,\nB,123\n", "f.csv")
    with pytest.raises(ValidationErrors) as caught, db.write() as uow:
        customers_io.import_customers(uow, table)
    assert [line for line, _ in caught.value.errors] == [3]
    preview = tabular.rehearse(
        db, lambda uow: customers_io.import_customers(uow, tabular.read_table(b"name\nA\n"))
    )
    assert preview.counts() == {"created": 1, "updated": 0, "unchanged": 0}
    with db.read() as uow:
        assert customers_io.customer_table(uow) == []


def test_a_real_process_imports_and_refuses(db_path, tmp_path):
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    good = tmp_path / "ok.csv"
    good.write_bytes("Nom;Ville\r\nLa Clé des Chants;Montbrison\r\n".encode("cp1252"))
    done = subprocess.run(
        [sys.executable, "-m", "app", "customers", "import", str(good), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("Nom;SIRET\r\nX;42\r\n", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "app", "customers", "import", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert refused.returncode == 1
    assert "line 2: column 'SIRET': The SIRET 42 is not valid" in refused.stderr
    assert "Traceback" not in refused.stderr


EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


@pytest.mark.parametrize("name", ["clients.csv", "clients.xlsx"])
def test_shipped_customer_examples_import(cli_db, capsys, name):
    assert main(["customers", "import", str(EXAMPLES / name), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["created"], result["updated"], result["unchanged"]) == (6, 0, 0)
    shown = listed(capsys)
    assert len(shown["C-003"]["memberships"]) == 2
    assert shown["C-005"]["country"] == "CH"


def test_shipped_catalogue_example_imports(cli_db, capsys):
    assert main(["items", "import", str(EXAMPLES / "catalogue.csv")]) == 0
    assert "3 item types and 2 units imported (0 updated)" in capsys.readouterr().out


def test_first_names_kept_apart_join_the_name(cli_db, tmp_path, capsys):
    path = tmp_path / "personnes.csv"
    path.write_text("Nom;Prénom;Type\nMartin;Léa;particulier\nDupont;;particulier\n", "utf-8")
    assert main(["customers", "import", str(path)]) == 0
    names = {c["name"] for c in listed(capsys).values()}
    assert {"Léa Martin", "Dupont"} <= names
    exported = tmp_path / "out.csv"
    assert main(["customers", "export", str(exported)]) == 0
    assert "first_name" not in exported.read_text("utf-8")
