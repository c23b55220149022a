"""Issue 13 review of imports and exports, from the outside: files as people have them
(Windows-1252, semicolons, French labels, .xlsx), the CLI in French where wording
matters, real processes, and refusals that change nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import i18n, tabular_language
from app.cli import main
from app.core import settings, tabular
from app.core.migrate import open_database

CATALOGUE = (
    "Code;Nom;Famille;Gestion\r\n"
    "PAR;Projecteur PAR;Lumière;Unités suivies\r\n"
    "XLR;Câble XLR 10 m;Câbles et adaptateurs;En vrac (stock compté)\r\n"
    "SM58;Micro SM58;son;\r\n"
)
CUSTOMERS = (
    "N° client;Nom;Nature;Catégorie\r\n"
    "CL10;Léa Martin;Particulier;\r\n"
    "CL11;Compagnie du Rocher;Personne morale;Entreprise\r\n"
    "CL12;Mairie de Riom;Organisation;Commune\r\n"
)
RATES = "Code;Tarif adhérent;Tarif public;TVA\r\nPAR;4,5;7;20\r\nXLR;0,50;1;5,5\r\n"
BALANCES = "Client;Facture;Date;Échéance;Montant\r\nCL10;ANC-1;01/10/2025;14/11/2025;1 234,56\r\n"


def process(db_path: Path, home: Path, *args: str, lang: str = "fr"):
    script = Path(sys.executable).with_name("regie")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(
        REGIE_DB=str(db_path),
        REGIE_LANG=lang,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    env.pop("DISPLAY", None)
    return subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def cli_db(db_path, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("REGIE_LANG", "fr")
    yield
    monkeypatch.setenv("REGIE_LANG", "en")
    i18n.install("en")
    tabular_language.install()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = int(stop.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("cp1252"))
    return path


def listed(capsys, what: str) -> dict[str, dict]:
    status, out, _ = run(capsys, what, "list", "--json")
    assert status == 0
    return {row.get("code") or row["number"]: row for row in json.loads(out)}


def test_catalogue_reads_the_french_labels_the_app_shows(db_path, tmp_path):
    source = write(tmp_path / "materiel.csv", CATALOGUE)
    done = process(db_path, tmp_path, "items", "import", str(source))
    assert done.returncode == 0, done.stderr
    done = process(db_path, tmp_path, "items", "list", "--json")
    items = {row["code"]: row for row in json.loads(done.stdout)}
    assert {code: (row["category"], row["tracking"]) for code, row in items.items()} == {
        "PAR": ("lighting", "serialized"),
        "XLR": ("cables", "bulk"),
        "SM58": ("sound", "serialized"),
    }
    bad = write(tmp_path / "mauvais.csv", "Code;Nom;Famille\r\nLAS;Laser;Lasers\r\n")
    done = process(db_path, tmp_path, "items", "import", str(bad))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "ligne 2" in done.stderr and "'Lasers'" in done.stderr
    assert "Lumière, Son, Vidéo" in done.stderr  # the values, in the user's language
    assert "lighting" not in done.stderr
    done = process(db_path, tmp_path, "items", "list", "--json")
    assert "LAS" not in {row["code"] for row in json.loads(done.stdout)}


def test_an_english_session_reads_a_french_file_too(cli_db, tmp_path, capsys):
    source = write(tmp_path / "materiel.csv", CATALOGUE)
    status, out, err = run(capsys, "items", "import", str(source), "--preview")
    assert status == 0, err
    assert "line 3: create XLR" in out


def test_a_private_person_is_an_individual_and_french_words_are_read(cli_db, tmp_path, capsys):
    source = write(tmp_path / "clients.csv", CUSTOMERS)
    status, _out, err = run(capsys, "customers", "import", str(source))
    assert status == 0, err
    customers = listed(capsys, "customers")
    assert {n: (c["kind"], c["category"]) for n, c in customers.items()} == {
        "CL10": ("person", "individual"),
        "CL11": ("organisation", "company"),
        "CL12": ("organisation", "commune"),
    }


def test_previews_speak_french_with_french_numbers(cli_db, tmp_path, capsys, french):
    assert run(capsys, "items", "import", str(write(tmp_path / "m.csv", CATALOGUE)))[0] == 0
    assert run(capsys, "customers", "import", str(write(tmp_path / "c.csv", CUSTOMERS)))[0] == 0
    status, out, err = run(
        capsys, "rates", "import", str(write(tmp_path / "t.csv", RATES)), "--preview"
    )
    assert status == 0, err
    assert (
        "ligne 2 : création PAR — adhérent 4,50\u00a0€, non-adhérent 7,00\u00a0€ ; TVA 20\u00a0%"
        in out
    )
    assert "TVA 5,5\u00a0%" in out
    assert "member" not in out and "non_member" not in out
    source = write(tmp_path / "soldes.csv", BALANCES)
    status, out, err = run(capsys, "opening-balances", "import", str(source))
    assert status == 0, err
    assert "création ANC-1 — client CL10, 1\u202f234,56\u00a0€ dû le 14/11/2025" in out.replace(
        "\u00a0234", "\u202f234"
    )
    status, out, _ = run(capsys, "opening-balances", "list")
    assert "reste 1" in out and "234,56\u00a0€ sur 1" in out
    status, out, err = run(
        capsys, "opening-balances", "pay", "ANC-1", "34,56", "--method", "Chèque"
    )
    assert status == 0, err
    assert "34,56\u00a0€ sur ANC-1 (Chèque" in out
    status, out, err = run(capsys, "customers", "import", str(tmp_path / "c.csv"), "--map", "name=")
    assert status == 1
    assert "Nom (name)" in err  # the column's label in French


def test_a_rates_export_before_any_rate_is_a_template_of_every_item_type(db_path, tmp_path):
    source = write(tmp_path / "materiel.csv", CATALOGUE)
    assert process(db_path, tmp_path, "items", "import", str(source)).returncode == 0
    out = tmp_path / "tarifs.csv"
    done = process(db_path, tmp_path, "rates", "export", str(out))
    assert done.returncode == 0, done.stderr
    assert "3 types de matériel" in done.stdout and "(s)" not in done.stdout
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "code,name,member,non_member,vat,exemption"
    assert [line.split(",")[0] for line in lines[1:]] == ["PAR", "SM58", "XLR"]
    assert lines[1] == "PAR,Projecteur PAR,,,,"


@pytest.mark.parametrize("kind", ["customers", "items", "rates", "opening-balances"])
def test_an_export_to_another_format_is_refused_and_writes_nothing(cli_db, tmp_path, capsys, kind):
    target = tmp_path / "liste.pdf"
    status, _out, err = run(capsys, kind, "export", str(target))
    assert status == 2 and ".csv or .xlsx" in err and "Traceback" not in err
    assert not target.exists()


def test_xlsx_exports_hold_numbers_and_dates_as_cells(cli_db, tmp_path, capsys):
    assert run(capsys, "items", "import", str(write(tmp_path / "m.csv", CATALOGUE)))[0] == 0
    assert run(capsys, "rates", "import", str(write(tmp_path / "t.csv", RATES)))[0] == 0
    members = write(
        tmp_path / "a.csv", "number;name;member_number;member_from\r\nCL20;Asso;A-1;15/01/2026\r\n"
    )
    assert run(capsys, "customers", "import", str(members))[0] == 0
    book = tmp_path / "tarifs.xlsx"
    assert run(capsys, "rates", "export", str(book))[0] == 0
    sheet = load_workbook(book).active
    member = sheet["C2"]
    assert member.value == 4.5 and member.data_type == "n" and member.number_format == "#,##0.00"
    people = tmp_path / "clients.xlsx"
    assert run(capsys, "customers", "export", str(people))[0] == 0
    sheet = load_workbook(people).active
    headers = [cell.value for cell in sheet[1]]
    start = sheet.cell(2, headers.index("member_from") + 1)
    assert start.is_date and start.value.date().isoformat() == "2026-01-15"
    # and the CSV stays Régie's round-trip format: keys, commas, ISO dates, points
    flat = tmp_path / "clients.csv"
    assert run(capsys, "customers", "export", str(flat))[0] == 0
    assert "CL20,Asso,organisation,association" in flat.read_text(encoding="utf-8")
    assert ",A-1,2026-01-15," in flat.read_text(encoding="utf-8")


def test_a_delimiter_other_than_comma_semicolon_or_tab_is_a_usage_error(cli_db, tmp_path, capsys):
    source = write(tmp_path / "clients.csv", CUSTOMERS)
    status, _out, err = run(capsys, "customers", "import", str(source), "--delimiter", "x")
    assert status == 2 and "'x'" in err and "tab" in err and "Traceback" not in err
    status, _out, err = run(capsys, "items", "import", str(source), "--delimiter", "||")
    assert status == 2
    status, out, err = run(capsys, "customers", "import", str(source), "--delimiter", ";")
    assert status == 0, err


def test_an_import_into_the_demo_is_refused_its_preview_is_not(db_path, tmp_path):
    db = open_database(db_path)
    with db.write() as uow:
        settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
    db.dispose()
    source = write(tmp_path / "clients.csv", CUSTOMERS)
    done = process(db_path, tmp_path, "customers", "import", str(source))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "démonstration" in done.stderr and "regie init" in done.stderr
    done = process(db_path, tmp_path, "customers", "list", "--json")
    assert json.loads(done.stdout) == []
    done = process(db_path, tmp_path, "customers", "import", str(source), "--preview")
    assert done.returncode == 0 and "Aperçu : 3 créés" in done.stdout
    for kind, text in (("items", CATALOGUE), ("rates", RATES), ("opening-balances", BALANCES)):
        other = write(tmp_path / f"{kind}.csv", text)
        done = process(db_path, tmp_path, kind, "import", str(other), lang="en")
        assert done.returncode == 1 and "demo cooperative" in done.stderr, kind


def test_the_rule_is_one_function_the_gui_can_call(db):
    with db.write() as uow:
        tabular.refuse_demo_import(uow)  # an own database: nothing said
        settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
        with pytest.raises(tabular.Conflict):
            tabular.refuse_demo_import(uow)


EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


def test_the_shipped_examples_import_in_order(cli_db, capsys):
    for kind, name in (
        ("items", "catalogue.csv"),
        ("customers", "clients.csv"),
        ("rates", "tarifs.csv"),
        ("opening-balances", "soldes.csv"),
    ):
        status, _out, err = run(capsys, kind, "import", str(EXAMPLES / name))
        assert status == 0, (name, err)
    status, out, _ = run(capsys, "opening-balances", "list", "--json")
    assert {row["reference"]: row["balance"] for row in json.loads(out)} == {
        "FAC-2025-0412": "1234.56",
        "FAC-2025-0430": "89.90",
    }
