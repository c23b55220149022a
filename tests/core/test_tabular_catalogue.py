"""The catalogue import reads what spreadsheets write (Windows-1252, semicolons, French
decimals, .xlsx) with its format otherwise unchanged; a preview writes nothing."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from openpyxl import Workbook

from app.cli import main
from app.core import tabular
from app.core.errors import ValidationErrors
from app.core.migrate import open_database
from inventory import csvio
from inventory.csvio import COLUMNS

pytestmark = pytest.mark.both_engines

TYPE = {
    "record": "type",
    "code": "PAR-64",
    "name": "Projecteur PAR 64 « Théâtre »",
    "category": "lighting",
    "tracking": "serialized",
    "replacement_value": "1 234,50",
    "deposit": "150,00 €",
    "weight_grams": "4200",
}
UNIT = {"record": "unit", "item_code": "PAR-64", "serial": "SN-é1", "purchase_date": "31/03/2019"}


def semicolons(*records: dict[str, str], encoding: str = "cp1252") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([record.get(c, "") for c in COLUMNS])
    return out.getvalue().encode(encoding)


@pytest.fixture
def cli_db(db_path, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def items(capsys) -> dict[str, dict]:
    capsys.readouterr()
    assert main(["items", "list", "--json"]) == 0
    return {i["code"]: i for i in json.loads(capsys.readouterr().out)}


def test_windows_1252_semicolons_and_french_amounts(cli_db, tmp_path, capsys):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(semicolons(TYPE, UNIT))
    assert main(["items", "import", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "types_created": 1,
        "types_updated": 0,
        "units_created": 1,
        "units_updated": 0,
    }
    par = items(capsys)["PAR-64"]
    assert par["name"] == "Projecteur PAR 64 « Théâtre »"
    assert par["units"][0]["serial"] == "SN-é1"
    out = tmp_path / "out.csv"
    assert main(["items", "export", str(out)]) == 0
    exported = out.read_text(encoding="utf-8")
    assert ",1234.50,150.00,4200," in exported and ",2019-03-31," in exported


def test_xlsx_catalogue_with_numbers_as_cells(cli_db, tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    typed = {**TYPE, "replacement_value": 1234.5, "deposit": 150, "weight_grams": 4200}
    sheet.append([typed.get(c) for c in COLUMNS])  # the unit row stops at its last cell
    sheet.append([UNIT.get(c) for c in COLUMNS[: COLUMNS.index("purchase_date") + 1]])
    path = tmp_path / "catalogue.xlsx"
    book.save(path)
    assert main(["items", "import", str(path)]) == 0
    assert "1 item type and 1 unit imported (0 updated)" in capsys.readouterr().out
    assert items(capsys)["PAR-64"]["quantity"] == 1


def test_preview_says_what_would_change_and_writes_nothing(cli_db, tmp_path, capsys):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(semicolons(TYPE))
    assert main(["items", "import", str(path)]) == 0
    before = items(capsys)
    path.write_bytes(semicolons({**TYPE, "name": "Nouveau nom"}, UNIT))
    assert main(["items", "import", str(path), "--preview"]) == 0
    out = capsys.readouterr().out
    assert "line 2: update PAR-64 — changed: Name" in out
    assert "line 3: create" in out
    assert "Preview: 1 created, 1 updated, 0 unchanged; nothing was written." in out
    assert items(capsys) == before


def test_map_reads_french_headers(cli_db, tmp_path, capsys):
    french = ["Ligne", "Référence", "Désignation", "Famille", *COLUMNS[4:]]
    data = ";".join(french) + "\r\n" + ";".join(TYPE.get(c, "") for c in COLUMNS) + "\r\n"
    path = tmp_path / "fr.csv"
    path.write_bytes(data.encode("cp1252"))
    # not Régie's own header: the columns are guessed from the French headers
    assert main(["items", "import", str(path), "--preview"]) == 0
    assert "line 2: create PAR-64" in capsys.readouterr().out
    assert main(["items", "import", str(path), "--map", "code=Référence", "--preview"]) == 0
    assert "line 2: create PAR-64" in capsys.readouterr().out
    assert main(["items", "import", str(path), "--map", "code=Référence", "--map", "name="]) == 1
    assert "No column of the file gives the Name (name)" in capsys.readouterr().err


def test_bad_rows_still_named_by_line(db, clock):
    data = semicolons(TYPE, {**TYPE, "code": "X", "category": "nope"}, {**UNIT, "item_code": "Z"})
    table = csvio.read_catalogue(data, "bad.csv")
    with pytest.raises(ValidationErrors) as caught, db.write() as uow:
        csvio.import_catalogue_table(uow, table)
    assert [line for line, _ in caught.value.errors] == [3, 4]
    with db.read() as uow:
        assert csvio.export_catalogue(uow, io.BytesIO()).types == 0


def test_rehearsed_catalogue_import_leaves_nothing(db):
    table = csvio.read_catalogue(semicolons(TYPE, UNIT))
    result = tabular.rehearse(db, lambda uow: csvio.import_catalogue_table(uow, table))
    assert [(c.line, c.action) for c in result.changes] == [(2, "create"), (3, "create")]
    assert result.summary.types_created == 1
    with db.read() as uow:
        assert csvio.export_catalogue(uow, io.BytesIO()).types == 0


def test_a_real_process_imports_an_excel_semicolon_file(db_path, tmp_path):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(semicolons(TYPE, UNIT))
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "items", "import", str(path), "--preview", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["created"], shown["preview"], shown["file"]["encoding"]) == (2, True, "cp1252")
    assert shown["file"]["delimiter"] == ";"


def test_xlsx_export_round_trip(cli_db, tmp_path, monkeypatch, capsys):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(semicolons(TYPE, UNIT, {**TYPE, "code": "DMX", "tracking": "bulk"}))
    assert main(["items", "import", str(path)]) == 0
    book, first = tmp_path / "catalogue.xlsx", tmp_path / "first.csv"
    assert main(["items", "export", str(book)]) == 0
    assert main(["items", "export", str(first)]) == 0
    assert "2 item types and 1 unit exported to" in capsys.readouterr().out
    table = tabular.read_table(book.read_bytes(), book.name)
    assert table.rows[0][1][COLUMNS.index("replacement_value")] == "1234.5"  # a number cell
    fresh = tmp_path / "fresh.db"
    open_database(fresh).dispose()  # an own, empty database (the CLI no longer makes one)
    monkeypatch.setenv("REGIE_DB", str(fresh))
    assert main(["items", "import", str(book)]) == 0
    second = tmp_path / "second.csv"
    assert main(["items", "export", str(second)]) == 0
    assert second.read_bytes() == first.read_bytes()


def test_a_plain_item_list_through_a_mapping_keeps_what_it_lacks(cli_db, tmp_path, capsys):
    path = tmp_path / "liste.csv"
    path.write_bytes(
        "Référence;Désignation;Famille;Suivi;Quantité\r\n"
        "DMX-5;Câble DMX 5 m;cables;bulk;30\r\n"
        "PAR-64;Projecteur PAR 64;lighting;;\r\n".encode("cp1252")
    )
    mapped = ["--map", "category=Famille", "--map", "tracking=Suivi"]
    assert main(["items", "import", str(path), *mapped]) == 0
    dmx = items(capsys)["DMX-5"]
    assert (dmx["tracking"], dmx["quantity"], dmx["category"]) == ("bulk", 30, "cables")
    renamed = tmp_path / "noms.csv"
    renamed.write_text("Référence;Désignation\r\nDMX-5;Câble DMX 5 broches 5 m\r\n", "utf-8")
    assert main(["items", "import", str(renamed), "--map", "code=Référence"]) == 0
    dmx = items(capsys)["DMX-5"]
    assert (dmx["name"], dmx["tracking"], dmx["quantity"]) == (
        "Câble DMX 5 broches 5 m",
        "bulk",
        30,
    )
    assert items(capsys)["PAR-64"]["tracking"] == "serialized"
