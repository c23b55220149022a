"""Reading the files people bring: real bytes as spreadsheets and editors write them."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from app.core import tabular
from app.core.errors import ValidationError, ValidationErrors
from app.core.settings import get_setting, set_setting
from app.core.tabular import Column, read_table

COLUMNS = [
    Column("number", "Customer number", False, ("n° client", "numéro")),
    Column("name", "Name", True, ("raison sociale", "nom")),
    Column("amount", "Amount", False, ("montant",)),
]


def test_utf8_with_byte_order_mark_and_commas():
    data = "\ufeffnumber,name,amount\r\n1001,Société Générale,12.50\r\n".encode()
    table = read_table(data, "clients.csv")
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ",")
    assert table.headers == ["number", "name", "amount"]
    assert table.rows == [(2, ["1001", "Société Générale", "12.50"])]


def test_windows_1252_semicolons_and_decimal_commas():
    text = 'Numéro;Raison sociale;Montant\r\n1001;Société des fêtes;"1 234,50"\r\n\r\n1002;Café;12,5\r\n'
    table = read_table(text.encode("cp1252"), "export.csv")
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert table.headers[1] == "Raison sociale"
    # the blank line is skipped; lines stay as a person sees them in the file
    assert table.rows == [
        (2, ["1001", "Société des fêtes", "1 234,50"]),
        (4, ["1002", "Café", "12,5"]),
    ]
    amounts = [tabular.parse_decimal(cells[2]) for _line, cells in table.rows]
    assert amounts == [Decimal("1234.50"), Decimal("12.5")]


def test_tab_separated_utf16_from_excel_unicode_text():
    data = "Nom\tMontant\r\nÉric\t3,5\r\n".encode("utf-16")
    table = read_table(data, "unicode.txt")
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows == [(2, ["Éric", "3,5"])]


def test_quoted_cell_spanning_lines_keeps_the_next_rows_line():
    data = b'name,notes\r\nA,"two\r\nlines"\r\nB,x\r\n'
    assert [line for line, _ in read_table(data, "f.csv").rows] == [2, 4]


def test_xlsx_numbers_and_dates_as_cells(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append([])  # a spreadsheet whose header is not on the first row
    sheet.append(["N° client", "Nom", "Montant", "Adhésion", "CP"])
    sheet.append([1001, "Théâtre", 1234.5, dt.date(2026, 11, 25), 1000])
    sheet.append([1002, "Café", 12, dt.datetime(2026, 1, 2, 14, 30), "01000"])
    other = book.create_sheet("Autre")
    other.append(["x"])
    path = tmp_path / "clients.xlsx"
    book.save(path)
    table = read_table(path.read_bytes(), path.name)
    assert (table.encoding, table.delimiter, table.sheet) == ("xlsx", "", "Clients")
    assert table.sheets == ("Clients", "Autre")
    assert table.header_line == 2
    assert table.rows == [
        (3, ["1001", "Théâtre", "1234.5", "2026-11-25", "1000"]),
        (4, ["1002", "Café", "12", "2026-01-02 14:30", "01000"]),
    ]
    assert read_table(path.read_bytes(), "renamed.bin", sheet="Autre").headers == ["x"]
    with pytest.raises(ValidationErrors, match="no sheet 'Nope'; its sheets are Clients, Autre"):
        read_table(path.read_bytes(), path.name, sheet="Nope")


def test_written_tables_read_back_the_same():
    rows = [["Société", Decimal("12.50"), dt.date(2026, 3, 1)], ["B", 3, None]]
    csv_bytes = tabular.write_table("x.csv", ["name", "amount", "date"], rows)
    assert csv_bytes == "name,amount,date\r\nSociété,12.50,2026-03-01\r\nB,3,\r\n".encode()
    book = read_table(tabular.write_table("x.xlsx", ["name", "amount", "date"], rows), "x.xlsx")
    assert book.rows == [(2, ["Société", "12.5", "2026-03-01"]), (3, ["B", "3"])]


@pytest.mark.parametrize(
    ("data", "name", "said"),
    [
        (b"", "e.csv", "line 1: The file is empty"),
        (b'a,b\n"open,1\n', "q.csv", "line 2: This row is not valid CSV"),
        (b"\xd0\xcf\x11\xe0\x00\x00", "old.xls", "not this format"),
        (b"PK\x03\x04broken", "b.xlsx", "cannot be read as an Excel workbook"),
        (b"\x89PNG\r\n\x00\x00", "p.csv", "not a text file"),
    ],
)
def test_unreadable_files_are_named_in_a_sentence(data, name, said):
    with pytest.raises(ValidationErrors) as caught:
        read_table(data, name)
    assert said in str(caught.value)


def test_forced_encoding_and_delimiter():
    data = "a;b,c\r\né;1,2\r\n".encode("cp1252")
    table = read_table(data, "f.csv", encoding="cp1252", delimiter=",")
    assert table.headers == ["a;b", "c"]
    with pytest.raises(ValidationErrors, match="cannot be read as utf-8"):
        read_table(data, "f.csv", encoding="utf-8")
    with pytest.raises(ValidationErrors, match="Unknown text encoding"):
        read_table(data, "f.csv", encoding="klingon")


def test_guessed_mapping_ignores_case_and_accents():
    headers = ["N° Client", "RAISON SOCIALE", "montant", "Autre"]
    assert tabular.guess_mapping(headers, COLUMNS) == {
        "number": "N° Client",
        "name": "RAISON SOCIALE",
        "amount": "montant",
    }


def test_resolve_mapping_overrides_and_refusals():
    table = read_table(b"Nom,Total,Code\r\nA,1,C1\r\n", "f.csv")
    assert tabular.resolve_mapping(table, COLUMNS, {"amount": "Total", "number": "Code"}) == {
        "number": "Code",
        "name": "Nom",
        "amount": "Total",
    }
    with pytest.raises(ValidationErrors) as caught:
        tabular.resolve_mapping(table, COLUMNS, {"name": "", "amount": "Missing", "x": "Nom"})
    text = str(caught.value)
    assert "3 problem(s)" in text
    assert "no column 'x'" in text and "no column 'Missing'" in text
    assert "No column of the file gives the Name (name)" in text


def test_map_options():
    assert tabular.parse_map_options(["name=Raison sociale", "siret="]) == {
        "name": "Raison sociale",
        "siret": "",
    }
    with pytest.raises(ValidationError, match="KEY=HEADER"):
        tabular.parse_map_options(["name"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234.50", "1234.50"),
        ("1234,50", "1234.50"),
        ("1 234,50", "1234.50"),
        ("1\u202f234,50", "1234.50"),
        ("1.234,50", "1234.50"),
        ("1,234.50", "1234.50"),
        ("12,50 €", "12.50"),
        ("1.234.567", "1234567"),
        ("-3,5", "-3.5"),
    ],
)
def test_parse_decimal(text, value):
    assert tabular.parse_decimal(text, negative=True) == Decimal(value)


@pytest.mark.parametrize("text", ["abc", "1e5", "1,2,3", "12.345", "", "1 23,5"])
def test_parse_decimal_refusals(text):
    with pytest.raises(ValidationError) as caught:
        tabular.parse_decimal(text, field="price")
    assert caught.value.field == "price"


def test_parse_decimal_keeps_money_rules():
    with pytest.raises(ValidationError, match="cannot be negative"):
        tabular.parse_decimal("-3")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("25/11/2026", dt.date(2026, 11, 25)),
        ("2026-11-25", dt.date(2026, 11, 25)),
        ("25.11.2026", dt.date(2026, 11, 25)),
        ("25-11-26", dt.date(2026, 11, 25)),
        ("2026-11-25 14:30", dt.date(2026, 11, 25)),
        ("1/2/2027", dt.date(2027, 2, 1)),
    ],
)
def test_parse_date(text, day):
    assert tabular.parse_date(text) == day


@pytest.mark.parametrize("text", ["31/02/2026", "11/25/2026", "demain", ""])
def test_parse_date_refusals(text):
    with pytest.raises(ValidationError, match="is not a date"):
        tabular.parse_date(text)


def test_cell_text_never_shows_float_noise():
    assert tabular.cell_text(0.1 + 0.2) == "0.30000000000000004"  # what the cell holds
    assert tabular.cell_text(1e-05) == "0.00001"
    assert tabular.cell_text(12.0) == "12"
    assert tabular.cell_text(None) == ""


def test_width_problem_names_the_separator():
    table = read_table(b"name,amount\r\nA,12,50\r\n", "f.csv")
    problem = table.width_problem(table.rows[0][1])
    assert problem is not None and "separator , must be quoted" in str(problem)
    assert table.width_problem(["A", "1", "  "]) is None


def test_tables_from_streams_are_bytes_only():
    assert read_table(io.BytesIO(b"a\r\n1\r\n").getvalue(), "").rows == [(2, ["1"])]


class Stop(Exception):
    pass


def _apply(uow, created):
    def apply(line, values):
        if values["name"] == "bad":
            raise ValidationError("amount", "Refused {value}.", value=values["amount"])
        created.append(values["name"])
        set_setting(uow, f"test.{values['name']}", values.get("amount", ""))
        return tabular.RowChange(line, tabular.CREATE, values["name"])

    return apply


def test_run_import_names_bad_lines_and_columns_and_writes_nothing(db):
    table = read_table(b"Nom;Montant\nA;1\nbad;2\nC;3;4\n", "f.csv")
    created: list[str] = []
    with pytest.raises(ValidationErrors) as caught, db.write() as uow:
        tabular.run_import(uow, table, COLUMNS, None, _apply(uow, created))
    assert [(line, str(err)) for line, err in caught.value.errors] == [
        (3, "column 'Montant': Refused 2."),
        (4, "This row has 3 cells but the header names 2 columns: a cell holding the "
            "separator ; must be quoted."),
    ]  # fmt: skip
    with db.read() as uow:
        assert get_setting(uow, "test.A") == ""


def test_run_import_cancelled_by_its_progress_writes_nothing(db):
    table = read_table(b"name\nA\nB\n", "f.csv")
    seen: list[tuple[int, int]] = []

    def progress(done, total):
        seen.append((done, total))
        if done == 2:
            raise Stop

    with pytest.raises(Stop), db.write() as uow:
        tabular.run_import(uow, table, COLUMNS, None, _apply(uow, []), progress=progress)
    assert seen == [(1, 2), (2, 2)]
    with db.read() as uow:
        assert get_setting(uow, "test.A") == ""


def test_rehearse_returns_what_would_happen_and_writes_nothing(db):
    table = read_table(b"name,amount\nA,1\n", "f.csv")

    def work(uow):
        return tabular.run_import(uow, table, COLUMNS, None, _apply(uow, []))

    assert tabular.rehearse(db, work).as_dict() == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "changes": [{"line": 2, "action": "create", "key": "A", "summary": ""}],
    }
    with db.read() as uow:
        assert get_setting(uow, "test.A") == ""
