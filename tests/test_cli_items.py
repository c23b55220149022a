"""The CLI contract for the catalogue: names in the JSON, exit statuses, nothing changed on
refusal."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.core.migrate import open_database
from tests import factories


@pytest.fixture
def cli_db(db_path, clock, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    db = open_database(db_path)
    factories.item(db)
    factories.unit(db, clock, serial="R600-1", owner="Compagnie du Rocher", location="A-01")
    factories.unit(db, clock, serial="R600-2")
    factories.bulk(db)
    db.dispose()
    return db_path


def test_items_list_json_contract(cli_db, capsys):
    assert main(["items", "list", "--json"]) == 0
    items = {i["code"]: i for i in json.loads(capsys.readouterr().out)}
    lyre, dmx = items["LYRE-WASH"], items["DMX-10"]
    assert (lyre["tracking"], lyre["quantity"], lyre["category"]) == ("serialized", 2, "lighting")
    assert lyre["units"][0] == {
        "barcode": "LUM-00001",
        "serial": "R600-1",
        "status": "in_service",
        "owner": "Compagnie du Rocher",
        "location": "A-01",
        "next_inspection_due": None,
        "inspection_overdue": False,
    }
    assert lyre["units"][1]["owner"] is None  # the cooperative's own
    assert (dmx["tracking"], dmx["quantity"], dmx["barcode"], dmx["units"]) == (
        "bulk",
        40,
        "CAB-00001",
        [],
    )


def test_items_list_search(cli_db, capsys):
    assert main(["items", "list", "--search", "R600-2", "--json"]) == 0
    assert [i["code"] for i in json.loads(capsys.readouterr().out)] == ["LYRE-WASH"]
    assert main(["items", "list", "--search", "nothing like this", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_units_status_changes_and_refusals(cli_db, capsys):
    assert main(["units", "status", "LUM-00001", "in_repair", "--note", "Lampe"]) == 0
    assert capsys.readouterr().out == "LUM-00001: in_repair\n"
    assert main(["items", "list", "--json"]) == 0
    units = json.loads(capsys.readouterr().out)[1]["units"]
    assert units[0]["status"] == "in_repair"

    assert main(["units", "status", "NOPE-1", "lost"]) == 1
    assert "No unit has the barcode NOPE-1" in capsys.readouterr().err
    assert main(["units", "status", "LUM-00001", "in_repair"]) == 1
    assert "LUM-00001 is already in repair." in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["units", "status", "LUM-00001", "broken"])
    assert usage.value.code == 2


def test_db_option_and_env_precedence(tmp_path, db_path, monkeypatch, capsys):
    other = tmp_path / "other.db"
    open_database(other).dispose()  # an empty cooperative (a missing file is refused)
    monkeypatch.delenv("REGIE_DB", raising=False)
    assert main(["--db", str(other), "items", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert other.exists()


def test_overdue_inspection_flagged_in_the_listing(cli_db, capsys, clock):
    import datetime as dt

    from inventory import maintenance
    from inventory.dues import schedules_of

    db = open_database(cli_db)
    factories.unit(db, clock, barcode="OLD-1", purchase_date=dt.date(2025, 1, 1))
    with db.write() as uow:
        item_id = (
            uow.session.connection()
            .exec_driver_sql("SELECT id FROM item_type WHERE code = 'LYRE-WASH'")
            .scalar()
        )
        maintenance.add_schedule(
            uow, user="t", item_type_id=item_id, name="VGP", interval_months=12, clock=clock
        )
        sched = schedules_of(uow, item_id)[0].id
        maintenance.log_inspection(
            uow,
            user="t",
            barcode="LUM-00002",
            schedule_id=sched,
            date=clock.today(),
            passed=True,
            inspector="X",
            clock=clock,
        )
    db.dispose()
    assert main(["items", "list", "--json"]) == 0
    lyre = json.loads(capsys.readouterr().out)[1]
    by_code = {u["barcode"]: u for u in lyre["units"]}
    assert by_code["OLD-1"]["next_inspection_due"] == "2026-01-01"
    assert by_code["OLD-1"]["inspection_overdue"] is True
    assert by_code["LUM-00001"]["next_inspection_due"] == "2026-11-26"  # unknown age: due now
    assert by_code["LUM-00002"]["inspection_overdue"] is False
    assert by_code["LUM-00002"]["next_inspection_due"] == str(dt.date(2027, 11, 26))
    assert lyre["inspection_overdue"] is True
