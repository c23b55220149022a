"""Catalogue CSV: export, import (all or nothing), round trip, every bad input, the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from app.cli import main
from app.core.clock import Clock
from app.core.db import Database
from app.core.errors import ValidationErrors
from app.core.migrate import open_database
from inventory import catalogue
from inventory.csvio import COLUMNS, ImportSummary, export_catalogue, import_catalogue
from inventory.models import BarcodeSequence, Category, Owner, Unit, UnitEvent, UnitStatus
from tests import factories

USER = "tester"


# --- helpers ----------------------------------------------------------------------------


def export_bytes(db: Database) -> bytes:
    out = io.BytesIO()
    with db.read() as uow:
        export_catalogue(uow, out)
    return out.getvalue()


def import_bytes(db: Database, clock: Clock, data: bytes, **kw: Any) -> ImportSummary:
    with db.write() as uow:
        return import_catalogue(uow, user=USER, clock=clock, stream=io.BytesIO(data), **kw)


def snapshot(db: Database) -> tuple[bytes, list[str], int, list[tuple[str, int]]]:
    """Everything an import could touch: the export, owners, status log, barcode counters."""
    with db.read() as uow:
        owners = sorted(o.name for o in uow.session.exec(select(Owner)))
        events = uow.session.exec(select(func.count()).select_from(UnitEvent)).one()
        seqs = sorted((s.prefix, s.next_value) for s in uow.session.exec(select(BarcodeSequence)))
    return export_bytes(db), owners, events, seqs


def refused(db: Database, clock: Clock, data: bytes) -> list[tuple[int, str]]:
    """Import ``data``, expect a refusal, check nothing changed; the (line, reason) list."""
    before = snapshot(db)
    with pytest.raises(ValidationErrors) as caught:
        import_bytes(db, clock, data)
    assert snapshot(db) == before
    return [(line, str(err)) for line, err in caught.value.errors]


def rows(*records: dict[str, str], header: list[str] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header or COLUMNS)
    for record in records:
        writer.writerow([record.get(c, "") for c in COLUMNS])
    return out.getvalue().encode("utf-8")


def type_row(code: str = "PAR-64", **cells: str) -> dict[str, str]:
    return {
        "record": "type",
        "code": code,
        "name": "Projecteur PAR 64",
        "category": "lighting",
        "tracking": "serialized",
        **cells,
    }


def unit_row(item_code: str = "PAR-64", **cells: str) -> dict[str, str]:
    return {"record": "unit", "item_code": item_code, **cells}


@contextmanager
def fresh_database(template: Path) -> Iterator[Database]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fresh.db"
        shutil.copy(template, path)
        db = open_database(path)
        try:
            yield db
        finally:
            db.dispose()


AWKWARD = 'Lyre "Beam", 7R — réglée\nà 50 %; voir l\'atelier'


def build_sample(db: Database, clock: Clock) -> None:
    factories.item(
        db,
        "LYRE-BEAM",
        "Lyre beam 7R, « Sharpy »",
        notes=AWKWARD,
        manufacturer="Clay Paky",
        model="Sharpy",
        replacement_value_cents=450050,
        deposit_cents=50000,
        weight_grams=15400,
        prep_hours=2,
        deprep_hours=1,
    )
    factories.bulk(db, "DMX-10", quantity=40, barcode="CAB-DMX10")
    factories.item(
        db,
        "GAFFER",
        "Gaffer noir 50 mm",
        Category.CONSUMABLES,
        tracking=catalogue.Tracking.BULK,
        stock_quantity=12,
        sale_price_cents=1290,
    )
    factories.item(db, "EMPTY", "Type sans unité")
    factories.unit(
        db,
        clock,
        "LYRE-BEAM",
        serial="SN-1",
        owner='Cie "Les Échos", Nantes',
        purchase_date=dt.date(2019, 3, 31),
        purchase_price_cents=123450,
        location="Rack A,\nétagère 2",
        condition_notes="Rayure\n« capot »",
    )
    factories.unit(
        db, clock, "LYRE-BEAM", barcode="ZZ-9", status=UnitStatus.IN_REPAIR, purchase_price_cents=0
    )
    factories.unit(db, clock, "LYRE-BEAM", barcode="AA-1", owner="Zoé")


# --- export and round trip --------------------------------------------------------------


def test_export_writes_types_then_their_units(db, clock):
    build_sample(db, clock)
    data = export_bytes(db)
    text = data.decode("utf-8")
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [(r["record"], r["code"] or r["barcode"]) for r in records] == [
        ("type", "DMX-10"),
        ("type", "EMPTY"),
        ("type", "GAFFER"),
        ("type", "LYRE-BEAM"),
        ("unit", "AA-1"),
        ("unit", "LUM-00001"),
        ("unit", "ZZ-9"),
    ]
    beam, first = records[3], records[5]
    assert beam["replacement_value"] == "4500.50" and beam["notes"] == AWKWARD
    assert beam["stock_quantity"] == "" and beam["barcode"] == "" and beam["owner"] == ""
    assert records[0]["barcode"] == "CAB-DMX10" and records[0]["stock_quantity"] == "40"
    assert records[2]["sale_price"] == "12.90"
    assert first["purchase_date"] == "2019-03-31" and first["purchase_price"] == "1234.50"
    assert first["owner"] == 'Cie "Les Échos", Nantes' and first["item_code"] == "LYRE-BEAM"
    assert first["code"] == "" and first["name"] == ""
    assert records[6]["purchase_price"] == "0.00" and records[6]["status"] == "in_repair"
    assert records[4]["purchase_price"] == "" and records[4]["purchase_date"] == ""


def test_round_trip_into_a_fresh_database_is_byte_identical(db, clock, template_db):
    build_sample(db, clock)
    first = export_bytes(db)
    with fresh_database(template_db) as other:
        summary = import_bytes(other, clock, first)
        assert export_bytes(other) == first
    assert summary == ImportSummary(types_created=4, units_created=3)


def test_export_of_an_empty_catalogue_is_the_header_and_imports_as_nothing(db, clock):
    data = export_bytes(db)
    assert data == (",".join(COLUMNS) + "\r\n").encode()
    assert import_bytes(db, clock, data) == ImportSummary()


def test_export_to_a_text_stream_and_import_from_one(db, clock, template_db):
    build_sample(db, clock)
    out = io.StringIO(newline="")
    with db.read() as uow:
        counts = export_catalogue(uow, out)
    assert (counts.types, counts.units) == (4, 3)
    with fresh_database(template_db) as other, other.write() as uow:
        import_catalogue(uow, user=USER, clock=clock, stream=io.StringIO(out.getvalue()))
    assert out.getvalue().encode() == export_bytes(db)


def test_a_byte_order_mark_is_accepted(db, clock):
    summary = import_bytes(db, clock, b"\xef\xbb\xbf" + rows(type_row()))
    assert summary.types_created == 1


CODE = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=10)
AWKWARD_TEXT = st.text(st.sampled_from(list("aZé,\"\n ;'€Œ\t«»x")), max_size=15)
TEXT = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=20), AWKWARD_TEXT)
CENTS = st.integers(0, 10**9).map(lambda c: f"{c // 100}.{c % 100:02d}")
OWNERS = st.sampled_from(["", "Zoé", 'Cie "Écho", Nantes', "  Collectif\n Lumière "])


@st.composite
def unit_cells(draw: st.DrawFn, counter: list[int]) -> dict[str, str]:
    counter[0] += 1
    explicit = draw(st.booleans())
    date = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
    return {
        "barcode": f"U{counter[0]}-{draw(CODE)}" if explicit else "",
        "serial": draw(TEXT),
        "status": draw(st.sampled_from([s.value for s in UnitStatus])),
        "location": draw(TEXT),
        "purchase_date": date.isoformat() if date else "",
        "purchase_price": draw(st.just("") | CENTS),
        "condition_notes": draw(TEXT),
        "owner": draw(OWNERS),
    }


@st.composite
def catalogues(draw: st.DrawFn) -> list[tuple[dict[str, str], list[dict[str, str]]]]:
    codes = draw(st.lists(CODE, max_size=5, unique=True))
    counter = [0]
    result = []
    for code in codes:
        category = draw(st.sampled_from(list(Category)))
        bulk = category is Category.CONSUMABLES or draw(st.booleans())
        item = {
            "code": code,
            "name": "N" + draw(TEXT),
            "category": category.value,
            "tracking": "bulk" if bulk else "serialized",
            "manufacturer": draw(TEXT),
            "model": draw(TEXT),
            "replacement_value": draw(CENTS),
            "deposit": draw(CENTS),
            "weight_grams": str(draw(st.integers(0, 10**6))),
            "sale_price": draw(CENTS),
            "prep_hours": str(draw(st.integers(0, 720))),
            "notes": draw(TEXT),
            "stock_quantity": str(draw(st.integers(0, 10**4))) if bulk else "",
            "barcode": f"B{code}" if bulk and draw(st.booleans()) else "",
        }
        units = [] if bulk else draw(st.lists(unit_cells(counter), max_size=3))
        result.append((item, units))
    return result


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogue_data=catalogues())
def test_round_trip_property(template_db, catalogue_data):
    clock = Clock()
    with fresh_database(template_db) as source:
        with source.write() as uow:
            for item, units in catalogue_data:
                catalogue.create_item_type(uow, user=USER, data=catalogue.parse_item_type(item))
                for cells in units:
                    data = catalogue.parse_unit({"item_code": item["code"], **cells})
                    catalogue.add_unit(uow, user=USER, data=data, clock=clock)
        first = export_bytes(source)
        again = import_bytes(source, clock, first)  # re-importing changes nothing
        assert export_bytes(source) == first
        assert again.types_created == again.units_created == 0
    with fresh_database(template_db) as target:
        import_bytes(target, clock, first)
        assert export_bytes(target) == first


# --- upsert -----------------------------------------------------------------------------


def test_import_updates_existing_types_and_units(db, clock):
    factories.item(db, "PAR-64", "Old name")
    factories.unit(db, clock, "PAR-64", barcode="P-1", serial="S1")
    factories.bulk(db, "DMX-10", quantity=40, barcode="CAB-DMX10")
    data = rows(
        type_row(name="Projecteur PAR 64 CP62", replacement_value="199.90"),
        unit_row(barcode="P-1", serial="S1-bis", status="in_repair", owner="Zoé"),
        unit_row(serial="S2"),
        type_row(
            "DMX-10", name="DMX 10 m", category="cables", tracking="bulk", stock_quantity="55"
        ),
    )
    summary = import_bytes(db, clock, data)
    assert summary == ImportSummary(types_updated=2, units_created=1, units_updated=1)
    with db.write() as uow:
        item = catalogue.item_by_code(uow, "PAR-64")
        assert (item.name, item.replacement_value_cents) == ("Projecteur PAR 64 CP62", 19990)
        unit = catalogue.unit_by_barcode(uow, "P-1")
        assert (unit.serial, unit.status) == ("S1-bis", "in_repair")
        event = uow.session.exec(select(UnitEvent)).one()
        assert (event.user, event.new_status) == (USER, "in_repair")
        assert catalogue.unit_by_barcode(uow, "LUM-00001").serial == "S2"
        bulk = catalogue.item_by_code(uow, "DMX-10")
        assert (bulk.stock_quantity, bulk.barcode) == (55, "CAB-DMX10")  # barcode kept


def test_generated_barcodes_avoid_the_ones_the_file_claims(db, clock):
    factories.item(db, "PAR-64", "PAR")
    summary = import_bytes(db, clock, rows(unit_row(), unit_row(barcode="LUM-00001")))
    assert summary.units_created == 2
    with db.read() as uow:
        codes = sorted(uow.session.exec(select(Unit.barcode)))
    assert codes == ["LUM-00001", "LUM-00002"]


def test_progress_is_reported_per_row(db, clock):
    seen: list[tuple[int, int]] = []
    import_bytes(
        db,
        clock,
        rows(type_row(), unit_row(), unit_row()),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_raising_from_progress_cancels_and_writes_nothing(db, clock):
    before = snapshot(db)

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_bytes(db, clock, rows(type_row(), unit_row(), unit_row()), progress=cancel)
    assert snapshot(db) == before


def test_nothing_is_written_even_if_the_caller_commits_after_a_refusal(db, clock):
    before = snapshot(db)
    data = rows(type_row(), unit_row(status="broken"))
    with db.write() as uow, pytest.raises(ValidationErrors):
        import_catalogue(uow, user=USER, clock=clock, stream=io.BytesIO(data))
    assert snapshot(db) == before


# --- bad input: every row checked, every problem by line, nothing written ---------------


def test_every_bad_row_is_reported_with_its_line(db, clock):
    data = rows(
        type_row(notes="three\nline\nnotes"),  # lines 2-4
        unit_row(status="broken"),  # line 5
        unit_row(),  # line 6: fine
        type_row("SUB", name="", category="sound"),  # line 7
    )
    problems = refused(db, clock, data)
    assert [line for line, _ in problems] == [5, 7]
    assert "'broken' is not a value Régie knows here" in problems[0][1]
    assert "The name cannot be empty." in problems[1][1]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (type_row(weight_grams="heavy"), "'heavy' is not a whole number."),
        (type_row(replacement_value="12 euros"), "'12 euros' is not an amount"),
        (unit_row(purchase_date="31/02/2020"), "'31/02/2020' is not a date"),
        (
            type_row("DMX", category="cables", tracking="bulk", stock_quantity="-3"),
            "The quantity cannot be negative.",
        ),
        (type_row(category="lasers"), "'lasers' is not a value Régie knows here"),
        (type_row(tracking="loose"), "'loose' is not a value Régie knows here"),
        (unit_row(status="broken"), "'broken' is not a value Régie knows here"),
        (type_row(name="  "), "The name cannot be empty."),
        (unit_row(barcode="LUM 001"), "which Code 128 labels cannot print"),
        (unit_row(barcode="CAFÉ-1"), "which Code 128 labels cannot print"),
        (type_row("PAR 64"), "which Code 128 labels cannot print"),
        (unit_row("NOPE"), "No item type has the code NOPE."),
        (unit_row(item_code=""), "The item code cannot be empty."),
        (unit_row(barcode="CAB-DMX10"), "already used by item type DMX-10"),
        (unit_row(barcode="EX-1"), "The unit EX-1 is of type EXISTING, not PAR-64"),
        (unit_row("DMX-10"), "is a bulk type: change its stock quantity instead"),
        ({"record": "case", "code": "X"}, "Unknown record kind 'case': expected type or unit."),
        ({"record": "", "code": "X"}, "Unknown record kind ''"),
        (type_row(owner="Zoé"), "The columns owner are for unit rows"),
        (unit_row(name="PAR", category="lighting"), "The columns name, category are for type"),
        (type_row("PAR-X", barcode="PAR-1"), "Only a bulk type has a barcode of its own"),
        (type_row("PAR-X", stock_quantity="4"), "a stock quantity is only for bulk types"),
        (type_row("GAF", category="consumables"), "Consumables are counted in bulk"),
        (type_row("EXISTING", tracking="bulk"), "Existing has units"),
    ],
)
def test_bad_row_is_refused_with_line_and_reason(db, clock, record, reason):
    factories.bulk(db, "DMX-10", barcode="CAB-DMX10")
    factories.item(db, "EXISTING", "Existing")
    factories.unit(db, clock, "EXISTING", barcode="EX-1")
    problems = refused(db, clock, rows(type_row(), record))
    assert len(problems) == 1
    line, message = problems[0]
    assert line == 3 and reason in message, message


def test_wrong_column_count_says_expected_and_found(db, clock):
    data = rows(type_row()) + b"unit,PAR-64\r\n" + rows(unit_row()).split(b"\r\n", 1)[1]
    assert refused(db, clock, data) == [(3, "This row has 2 columns; expected 24.")]


def test_duplicate_barcode_in_the_file(db, clock):
    data = rows(
        type_row(),
        unit_row(barcode="P-1"),
        unit_row(barcode="P-1"),
        type_row("DMX", category="cables", tracking="bulk", barcode="P-1"),
    )
    problems = refused(db, clock, data)
    assert [line for line, _ in problems] == [4, 5]
    assert problems[0][1] == "The barcode P-1 appears more than once in the file (first on line 3)."


def test_duplicate_type_code_in_the_file(db, clock):
    problems = refused(db, clock, rows(type_row(), type_row(name="Again")))
    assert problems == [
        (3, "The code PAR-64 appears more than once in the file (first on line 2).")
    ]


def test_unit_before_its_type_and_unit_of_a_refused_type(db, clock):
    data = rows(unit_row(), type_row(), type_row("SUB", category="sonar"), unit_row("SUB"))
    problems = refused(db, clock, data)
    assert [line for line, _ in problems] == [2, 4, 5]
    assert "The item type PAR-64 is defined later, on line 3" in problems[0][1]
    assert "The item type SUB (line 4) was refused" in problems[2][1]


def test_missing_and_unknown_header_columns(db, clock):
    header = [c for c in COLUMNS if c not in ("owner", "serial")] + ["colour"]
    data = rows(header=header)
    problems = refused(db, clock, data)
    assert problems == [
        (1, "The header lacks the columns serial, owner."),
        (1, "The header has unknown columns colour; the columns are " + ",".join(COLUMNS) + "."),
    ]


def test_header_naming_a_column_twice(db, clock):
    problems = refused(db, clock, rows(header=[*COLUMNS, "notes"]))
    assert problems == [(1, "The header names notes more than once.")]


def test_header_columns_in_another_order_are_accepted(db, clock):
    header = list(reversed(COLUMNS))
    text = ",".join(header) + "\r\n"
    record = type_row()
    text += ",".join(record.get(c, "") for c in header) + "\r\n"
    assert import_bytes(db, clock, text.encode()).types_created == 1


def test_a_windows_1252_file_imports_with_its_accents(db, clock):
    data = rows(type_row()) + rows(type_row("SUB", name="Caisson", category="sound")).split(
        b"\r\n", 1
    )[1].replace(b"Caisson", "Caissoné".encode("cp1252"))
    assert import_bytes(db, clock, data).types_created == 2
    assert "Caissoné".encode() in export_bytes(db)


def test_a_file_neither_utf8_nor_windows_1252_is_reported_not_crashed_on(db, clock):
    data = rows(type_row()) + rows(type_row("SUB", name="Caisson", category="sound")).split(
        b"\r\n", 1
    )[1].replace(b"Caisson", b"Caisson\x81")  # a byte Windows-1252 leaves undefined
    problems = refused(db, clock, data)
    assert len(problems) == 1 and problems[0][0] == 3
    assert "neither UTF-8 nor Windows-1252 text" in problems[0][1]


@pytest.mark.parametrize("data", [b"", b"  \r\n\r\n"])
def test_empty_file(db, clock, data):
    assert refused(db, clock, data) == [(1, "The file is empty: it needs at least the header row.")]


def test_file_without_header_line_first(db, clock):
    data = b"\r\n" + rows(type_row())
    assert refused(db, clock, data) == [
        (1, "The first line must be the header row naming the columns.")
    ]


def test_unclosed_quote_is_reported_at_the_row_it_starts(db, clock):
    data = rows(type_row()) + b'type,SUB,"Caisson\r\n'
    problems = refused(db, clock, data)
    assert len(problems) == 1 and problems[0][0] == 3
    assert "a quoted cell is not closed" in problems[0][1]


def test_blank_lines_are_skipped_and_still_counted(db, clock):
    data = rows(type_row()) + b"\r\n,,,\r\n" + rows(unit_row(status="x")).split(b"\r\n", 1)[1]
    assert [line for line, _ in refused(db, clock, data)] == [5]


# --- command line -----------------------------------------------------------------------


@pytest.fixture
def cli_db(db_path, monkeypatch, qapp):  # qapp: main() installs translations on errors
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def test_cli_import_then_export(cli_db, tmp_path, capsys, clock):
    source = tmp_path / "in.csv"
    source.write_bytes(rows(type_row(), unit_row(barcode="P-1"), unit_row(barcode="P-2")))
    assert main(["items", "import", str(source)]) == 0
    assert capsys.readouterr().out == "1 item type and 2 units imported (0 updated)\n"
    assert main(["items", "import", str(source), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "types_created": 0,
        "types_updated": 1,
        "units_created": 0,
        "units_updated": 2,
    }
    target = tmp_path / "out.csv"
    assert main(["items", "export", str(target)]) == 0
    assert capsys.readouterr().out == f"1 item type and 2 units exported to {target}\n"
    db = open_database(cli_db)
    try:
        assert target.read_bytes() == export_bytes(db)
    finally:
        db.dispose()


def test_cli_import_refused_prints_lines_and_exits_1(cli_db, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_bytes(rows(type_row(), unit_row(status="broken"), type_row("X", name="")))
    assert main(["items", "import", str(source)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "2 problems found; nothing was changed.",
        "line 3: 'broken' is not a value Régie knows here; write one of: In service, In repair, "
        "Lost, Retired.",
        "line 4: The name cannot be empty.",
    ]
    db = open_database(cli_db)
    try:
        assert export_bytes(db) == rows()
    finally:
        db.dispose()


def test_cli_import_unreadable_file(cli_db, tmp_path, capsys):
    missing = tmp_path / "missing.csv"
    assert main(["items", "import", str(missing)]) == 1
    assert capsys.readouterr().err.startswith(f"Cannot read {missing}: ")


def test_cli_import_windows_1252(cli_db, tmp_path, capsys):
    source = tmp_path / "excel.csv"
    source.write_bytes(rows(type_row()).replace(b"Projecteur", "Projé".encode("cp1252")))
    assert main(["items", "import", str(source)]) == 0
    assert main(["items", "list", "--json"]) == 0
    assert "Projé PAR 64" in capsys.readouterr().out


def test_cli_import_not_text(cli_db, tmp_path, capsys):
    source = tmp_path / "odd.csv"
    source.write_bytes(rows(type_row()).replace(b"Projecteur", b"Proj\x81"))
    assert main(["items", "import", str(source)]) == 1
    assert "line 2: This line is neither UTF-8 nor Windows-1252 text" in capsys.readouterr().err


def test_cli_export_to_unwritable_place(cli_db, tmp_path, capsys):
    target = tmp_path / "no-such-dir" / "out.csv"
    assert main(["items", "export", str(target)]) == 1
    assert capsys.readouterr().err == f"The folder {target.parent} does not exist.\n"
    assert not target.parent.exists()
