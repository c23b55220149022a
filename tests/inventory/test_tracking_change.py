"""Changing an item type between bulk and serialized: refused while bookings hold it (booked,
or some of it out), while a bulk type still counts stock, while a serialized type has units
— from the services, ``regie items edit`` and the catalogue CSV import, with nothing
written; allowed otherwise, with the bulk barcode released and said."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core import access
from app.core.access import Actor, Forbidden, Role
from app.core.errors import Conflict, ValidationError, ValidationErrors
from booking import bookings, desk
from booking.models import BookingStatus
from booking.tracking import holders
from inventory import catalogue
from inventory.csvio import COLUMNS, import_catalogue
from inventory.models import ItemType, Tracking
from tests import factories

USER = factories.USER


def dump(path: Path) -> list[str]:
    """Every row of the database file, as SQL text: equal dumps, nothing written."""
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def book(db, clock, lines: dict[str, int], confirm: bool = True) -> str:
    number = factories.customer(db, name="Compagnie du Rocher")
    return factories.booking(
        db, clock, number, "2026-11-26T09:00", "2026-11-30T18:00", lines, confirm=confirm
    )


def edit(db, code: str, **changes: str):
    with db.write() as uow:
        item = catalogue.item_by_code(uow, code)
        raw = catalogue.item_type_text(item) | changes
        data = catalogue.parse_item_type(raw)
        return catalogue.update_item_type(
            uow, user=USER, item_id=item.id, data=data, holders=holders
        ).tracking


def scan_out(db, clock, ref: str, code: str, quantity: int | None = None) -> None:
    with db.write() as uow:
        result = desk.check_out(
            uow, user=USER, reference=ref, code=code, quantity=quantity, clock=clock
        )
    assert result.ok, result.message


def csv_rows(*records: dict[str, str]) -> bytes:
    lines = [",".join(COLUMNS)]
    lines += [",".join(r.get(c, "") for c in COLUMNS) for r in records]
    return ("\r\n".join(lines) + "\r\n").encode()


def dmx_row(**cells: str) -> dict[str, str]:
    return {
        "record": "type",
        "code": "DMX-10",
        "name": "Câble DMX 5 broches 10 m",
        "category": "cables",
        **cells,
    }


# --- the services ------------------------------------------------------------------------


def test_a_booked_bulk_type_stays_bulk(db, db_path, clock):
    factories.bulk(db, quantity=0)
    factories.bulk(db, "DMX-20", "Câble DMX 20 m", quantity=10)
    ref = book(db, clock, {"DMX-20": 4})
    before = dump(db_path)
    with pytest.raises(Conflict) as caught:
        edit(db, "DMX-20", stock_quantity="", barcode="", tracking="serialized")
    assert str(caught.value) == (
        f"Câble DMX 20 m is booked or out on {ref}: it can change between bulk and "
        "serialized once they are returned or cancelled."
    )
    assert dump(db_path) == before
    assert edit(db, "DMX-10", tracking="serialized", barcode="") == "serialized"


def test_a_quote_does_not_hold_a_confirmation_does_until_cancelled(db, clock):
    factories.bulk(db, "DMX-20", "Câble DMX 20 m", quantity=10)
    quote = book(db, clock, {"DMX-20": 2}, confirm=False)
    with db.read() as uow:
        assert holders(uow, catalogue.item_by_code(uow, "DMX-20").id) == []
    with db.write() as uow:
        bookings.change_status(
            uow, user=USER, reference=quote, status=BookingStatus.CONFIRMED, clock=clock
        )
    with db.read() as uow:
        assert holders(uow, catalogue.item_by_code(uow, "DMX-20").id) == [quote]
    with db.write() as uow:
        bookings.change_status(
            uow, user=USER, reference=quote, status=BookingStatus.CANCELLED, clock=clock
        )
    with db.read() as uow:
        assert holders(uow, catalogue.item_by_code(uow, "DMX-20").id) == []


def test_cables_out_hold_until_back_then_the_stock_must_be_zero(db, clock):
    factories.bulk(db, barcode="CAB-DMX10")
    ref = book(db, clock, {"DMX-10": 6})
    scan_out(db, clock, ref, "CAB-DMX10", 6)
    with pytest.raises(Conflict, match=f"is booked or out on {ref}"):
        edit(db, "DMX-10", stock_quantity="", barcode="", tracking="serialized")
    with db.write() as uow:
        result = desk.check_in(uow, user=USER, code="CAB-DMX10", quantity=6, clock=clock)
        assert result.ok, result.message
    with pytest.raises(ValidationError) as caught:
        edit(db, "DMX-10", stock_quantity="", barcode="", tracking="serialized")
    assert str(caught.value) == (
        "Câble DMX 5 broches 10 m still counts 40 in bulk stock: set its stock quantity to 0 "
        "first, then add its units, each with its own barcode (its barcode CAB-DMX10 then "
        "no longer names it)."
    )
    edit(db, "DMX-10", stock_quantity="0")
    assert edit(db, "DMX-10", stock_quantity="", barcode="", tracking="serialized") == (
        "serialized"
    )
    with db.read() as uow:
        item = catalogue.item_by_code(uow, "DMX-10")
        assert (item.barcode, item.stock_quantity) == (None, 0)


def test_a_serialized_type_with_units_or_bookings_stays_serialized(db, clock):
    factories.item(db)
    factories.unit(db, clock)
    with pytest.raises(ValidationError, match="has units; retire or move them"):
        edit(db, "LYRE-WASH", tracking="bulk")
    factories.item(db, "PAR-64", "Projecteur PAR 64")
    assert edit(db, "PAR-64", tracking="bulk") == "bulk"  # no unit, no booking: allowed
    with db.read() as uow:
        assert catalogue.item_by_code(uow, "PAR-64").barcode  # a generated one


def test_without_the_booking_check_no_type_changes_tracking(db):
    item_id = factories.bulk(db, quantity=0)
    with db.write() as uow:
        raw = catalogue.item_type_text(uow.session.get(ItemType, item_id))
        data = catalogue.parse_item_type(raw | {"tracking": "serialized", "barcode": ""})
        with pytest.raises(Conflict, match="can only change where its bookings are checked"):
            catalogue.update_item_type(uow, user=USER, item_id=item_id, data=data)


def test_a_technician_may_not_edit_the_catalogue(db, db_path):
    item_id = factories.bulk(db, quantity=0)
    db.actor = Actor("tom", Role.TECHNICIAN)
    before = dump(db_path)
    with db.write() as uow, pytest.raises(Forbidden, match="may not change the catalogue"):
        raw = catalogue.item_type_text(uow.session.get(ItemType, item_id))
        data = catalogue.parse_item_type(raw | {"name": "Renamed"})
        catalogue.update_item_type(uow, user="tom", item_id=item_id, data=data, holders=holders)
    assert dump(db_path) == before
    assert catalogue.update_item_type.regie_permission is access.Permission.CATALOGUE


# --- the CSV import ----------------------------------------------------------------------


def imported(db, clock, data: bytes):
    with db.write() as uow:
        return import_catalogue(
            uow, user=USER, clock=clock, stream=io.BytesIO(data), holders=holders
        )


def test_import_refuses_the_line_changing_a_booked_type_and_writes_nothing(db, db_path, clock):
    factories.bulk(db, barcode="CAB-DMX10")
    ref = book(db, clock, {"DMX-10": 6})
    scan_out(db, clock, ref, "CAB-DMX10", 6)
    data = csv_rows(
        {"record": "type", "code": "NEW", "name": "Nouveau", "category": "lighting"},
        dmx_row(tracking="serialized"),
        {"record": "unit", "item_code": "DMX-10", "barcode": "DMX-U1"},
    )
    before = dump(db_path)
    with pytest.raises(ValidationErrors) as caught:
        imported(db, clock, data)
    problems = [(line, str(err)) for line, err in caught.value.errors]
    assert problems[0] == (
        3,
        f"Câble DMX 5 broches 10 m is booked or out on {ref}: it can change between bulk "
        "and serialized once they are returned or cancelled.",
    )
    assert dump(db_path) == before


def test_an_empty_tracking_cell_no_longer_wipes_a_bulk_stock(db, db_path, clock):
    """The bug of the issue: a spreadsheet without the tracking column made every bulk type
    serialized, erasing its stock quantity and its barcode."""
    factories.bulk(db, barcode="CAB-DMX10")
    before = dump(db_path)
    with pytest.raises(ValidationErrors) as caught:
        imported(db, clock, csv_rows(dmx_row(tracking="")))
    assert [(line, str(err)) for line, err in caught.value.errors] == [
        (
            2,
            "Câble DMX 5 broches 10 m still counts 40 in bulk stock: set its stock quantity "
            "to 0 first, then add its units, each with its own barcode (its barcode "
            "CAB-DMX10 then no longer names it).",
        )
    ]
    assert dump(db_path) == before


def test_import_turns_an_empty_free_bulk_type_into_units(db, clock):
    factories.bulk(db, quantity=0, barcode="CAB-DMX10")
    summary = imported(
        db,
        clock,
        csv_rows(
            dmx_row(tracking="serialized"),
            {"record": "unit", "item_code": "DMX-10", "barcode": "CAB-DMX10"},
        ),
    )
    assert (summary.types_updated, summary.units_created) == (1, 1)
    with db.read() as uow:
        item = catalogue.item_by_code(uow, "DMX-10")
        assert (item.tracking, item.barcode) == (Tracking.SERIALIZED, None)


# --- regie items edit ----------------------------------------------------------------------


@pytest.fixture
def cli_db(db, db_path, clock, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    factories.bulk(db, barcode="CAB-DMX10")
    return db_path


def test_items_edit_refuses_then_converts_in_two_steps(cli_db, db, clock, capsys):
    ref = book(db, clock, {"DMX-10": 3})
    before = dump(cli_db)
    assert main(["items", "edit", "DMX-10", "--tracking", "serialized"]) == 1
    assert f"is booked or out on {ref}" in capsys.readouterr().err
    assert dump(cli_db) == before
    with db.write() as uow:
        bookings.change_status(
            uow, user=USER, reference=ref, status=BookingStatus.CANCELLED, clock=clock
        )
    assert main(["items", "edit", "DMX-10", "--tracking", "serialized"]) == 1
    assert "still counts 40 in bulk stock" in capsys.readouterr().err
    assert main(["items", "edit", "DMX-10", "--quantity", "0", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["tracking"], shown["quantity"], shown["barcode"]) == ("bulk", 0, "CAB-DMX10")
    assert main(["items", "edit", "DMX-10", "--tracking", "serialized"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "DMX-10 saved: Câble DMX 5 broches 10 m.",
        "The barcode CAB-DMX10 no longer names it.",
    ]


def test_items_edit_bad_input_changes_nothing(cli_db, capsys):
    before = dump(cli_db)
    assert main(["items", "edit", "NOPE", "--name", "x"]) == 1
    assert "No item type has the code NOPE." in capsys.readouterr().err
    assert main(["items", "edit", "DMX-10", "--quantity", "-3"]) == 1
    assert "quantity" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["items", "edit", "DMX-10", "--tracking", "loose"])
    assert caught.value.code == 2
    assert dump(cli_db) == before


def test_items_import_refusal_in_a_real_process(cli_db, tmp_path):
    factories_file = tmp_path / "cat.csv"
    factories_file.write_bytes(csv_rows(dmx_row(tracking="serialized")))
    before = dump(cli_db)
    done = subprocess.run(
        [sys.executable, "-m", "app", "items", "import", str(factories_file)],
        capture_output=True,
        text=True,
        env={**os.environ, "REGIE_DB": str(cli_db), "REGIE_LANG": "en"},
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "line 2" in done.stderr.lower() and "still counts 40 in bulk stock" in done.stderr
    assert dump(cli_db) == before
