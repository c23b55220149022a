"""``regie scan out|in|undo|finish|report`` and ``bookings show`` with what the desk moved:
one result line per code (JSON: one object a line), exit 0 only when every scan was
accepted, a refused scan writes nothing, accepted ones stay committed."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest
from sqlalchemy import text

from app.bootstrap import open_context
from app.cli import main
from app.core.migrate import open_database
from inventory.catalogue import set_status
from inventory.models import UnitStatus
from tests import factories

TABLES = ("movement", "booking", "unit", "unit_event", "booking_line")


@pytest.fixture
def desk_db(db_path, clock, monkeypatch, qapp):
    """Four lyres and two SM58 (serials), forty DMX cables (bulk DMX10); booking R-2026-0001
    (2 lyres, 5 cables) confirmed for 27–30/11; the CLI's clock fixed at the test clock."""
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    for module in ("desk", "bookings"):
        monkeypatch.setattr(f"app.cli.{module}.open_context", fixed_context)
    db = open_database(db_path)
    factories.item(db)
    lyres = [factories.unit(db, clock, serial=f"LW-{n}") for n in range(4)]
    factories.item(db, code="SM58", name="Micro Shure SM58")
    mics = [factories.unit(db, clock, item_code="SM58", serial=f"SM-{n}") for n in range(2)]
    factories.bulk(db, barcode="DMX10")
    customer = factories.customer(db)
    ref = factories.booking(
        db, clock, customer, "2026-11-27T09:00", "2026-11-30T09:00", {"LYRE-WASH": 2, "DMX-10": 5}
    )
    late = factories.booking(
        db, clock, customer, "2026-11-20T09:00", "2026-11-24T09:00", {"SM58": 1}
    )
    db.dispose()
    return {"path": db_path, "ref": ref, "late": late, "lyres": lyres, "mics": mics}


def snapshot(path):
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES}
    finally:
        db.dispose()


def scan(capsys, *argv):
    """(exit status, stdout lines, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def scan_json(capsys, *argv):
    status, lines, err = scan(capsys, *argv, "--json")
    return status, [json.loads(line) for line in lines], err


def test_scan_out_prints_one_line_per_code_and_exits_0(desk_db, capsys):
    lyres = desk_db["lyres"]
    status, lines, err = scan(
        capsys, "scan", "out", desk_db["ref"], lyres[0], lyres[1], "DMX10=3", "--station", "d1"
    )
    assert status == 0 and err == ""
    assert lines == [
        f"OK       {lyres[0]}  Lyre wash LED 19x15 W 1 / 2",
        f"OK       {lyres[1]}  Lyre wash LED 19x15 W 2 / 2",
        "OK       DMX10  Câble DMX 5 broches 10 m 3 / 5",
    ]


def test_scan_out_json_objects_one_per_line(desk_db, capsys):
    ref, lyres = desk_db["ref"], desk_db["lyres"]
    status, found, _ = scan_json(capsys, "scan", "out", ref.lower(), f" {lyres[0]} ", "DMX10")
    assert status == 0
    assert found == [
        {
            "code": lyres[0],
            "ok": True,
            "message": "Lyre wash LED 19x15 W 1 / 2",
            "outcome": "accepted",
            "booking": ref,
            "line": {
                "code": "LYRE-WASH",
                "name": "Lyre wash LED 19x15 W",
                "wanted": 2,
                "left": 1,
                "back": 0,
            },
            "late": False,
        },
        {
            "code": "DMX10",
            "ok": True,
            "message": "Câble DMX 5 broches 10 m 1 / 5",
            "outcome": "accepted",
            "booking": ref,
            "line": {
                "code": "DMX-10",
                "name": "Câble DMX 5 broches 10 m",
                "wanted": 5,
                "left": 1,
                "back": 0,
            },
            "late": False,
        },
    ]


@pytest.mark.parametrize(
    ("case", "outcome", "message"),
    [
        ("unknown", "unknown", "Unknown code NOPE-1: no unit, case or bulk item has it."),
        (
            "mic",
            "not_on_booking",
            "Micro Shure SM58 is not on R-2026-0001: add it as an "
            "unplanned item or substitute it for a booked type.",
        ),
        ("twice", "twice", "{lyre0} was already scanned out for R-2026-0001."),
        (
            "complete",
            "complete",
            "Lyre wash LED 19x15 W: nothing is left to go out (2 booked pieces, all out).",
        ),
        ("repair", "in_repair", "{lyre2} is in repair: choose another unit."),
        ("lost", "lost_or_retired", "{lyre3} is declared lost: it cannot leave."),
        (
            "bulk",
            "complete",
            "Only 5 pieces of Câble DMX 5 broches 10 m left to go out on R-2026-0001: scan *5.",
        ),
        ("zero", "invalid", "The quantity must be at least 1."),
        ("booking", "booking", "R-2026-0002 is a booking: finish R-2026-0001 first."),
        ("already", "already_out", "{mic0} is already out on R-2026-0002."),
    ],
)
def test_every_refusal_prints_its_line_exits_1_and_writes_nothing(
    desk_db, capsys, clock, case, outcome, message
):
    ref, lyres, mics = desk_db["ref"], desk_db["lyres"], desk_db["mics"]
    db = open_database(desk_db["path"])
    with db.write() as uow:
        set_status(
            uow, user="t", barcode=lyres[2], status=UnitStatus.IN_REPAIR, note="", clock=clock
        )
        set_status(uow, user="t", barcode=lyres[3], status=UnitStatus.LOST, note="", clock=clock)
    db.dispose()
    if case in ("twice", "complete"):
        assert scan(capsys, "scan", "out", ref, lyres[0], lyres[1])[0] == 0
    if case == "complete":
        db = open_database(desk_db["path"])
        with db.write() as uow:
            set_status(
                uow, user="t", barcode=lyres[2], status=UnitStatus.IN_SERVICE, note="", clock=clock
            )
        db.dispose()
    if case == "already":
        assert scan(capsys, "scan", "out", desk_db["late"], mics[0])[0] == 0
    code = {
        "unknown": "NOPE-1",
        "mic": mics[0],
        "twice": lyres[0],
        "complete": lyres[2],
        "repair": lyres[2],
        "lost": lyres[3],
        "bulk": "DMX10=6",
        "zero": "DMX10=0",
        "booking": desk_db["late"],
        "already": mics[0],
    }[case]
    before = snapshot(desk_db["path"])
    status, found, err = scan_json(capsys, "scan", "out", ref, code)
    assert status == 1
    assert len(found) == 1
    shown = found[0]
    expected = message.format(lyre0=lyres[0], lyre2=lyres[2], lyre3=lyres[3], mic0=mics[0])
    assert (shown["ok"], shown["outcome"], shown["message"]) == (False, outcome, expected)
    assert "1 scan refused out of 1." in err
    assert snapshot(desk_db["path"]) == before


def test_accepted_scans_stay_committed_when_another_is_refused(desk_db, capsys):
    ref, lyres = desk_db["ref"], desk_db["lyres"]
    status, lines, err = scan(capsys, "scan", "out", ref, lyres[0], "NOPE", lyres[1])
    assert status == 1
    assert [line.split()[0] for line in lines] == ["OK", "REFUSED", "OK"]
    assert "1 scan refused out of 3." in err
    status, shown, _ = _show(capsys, ref)
    assert sorted(u["barcode"] for u in shown["units"]) == sorted(lyres[:2])
    assert shown["status"] == "out"


def test_unknown_booking_is_refused_per_code(desk_db, capsys):
    status, found, _ = scan_json(capsys, "scan", "out", "R-2099-0001", desk_db["lyres"][0])
    assert status == 1 and found[0]["message"] == "No booking has the reference R-2099-0001."


def _show(capsys, ref):
    status = main(["bookings", "show", ref, "--json"])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def test_scan_in_damaged_missing_and_bulk_then_bookings_show(desk_db, capsys):
    ref, lyres = desk_db["ref"], desk_db["lyres"]
    assert scan(capsys, "scan", "out", ref, lyres[0], lyres[1], "DMX10=5")[0] == 0
    status, found, _ = scan_json(
        capsys,
        *("scan", "in", lyres[0], "DMX10=4", "--damaged", f"{lyres[0]}=Lentille fêlée"),
        *("--missing", lyres[1], "--station", "d2"),
    )
    assert status == 0
    assert [(f["code"], f["ok"], f["message"]) for f in found] == [
        (lyres[0], True, "Lyre wash LED 19x15 W back 1 / 2"),
        ("DMX10", True, "Câble DMX 5 broches 10 m back 4 / 5"),
        (lyres[1], True, "Lyre wash LED 19x15 W back 2 / 2"),
    ]
    status, shown, _ = _show(capsys, ref)
    assert status == 0 and shown["status"] == "out"  # one cable still out
    units = {u["barcode"]: u for u in shown["units"]}
    assert units[lyres[0]] == {
        "barcode": lyres[0],
        "serial": "LW-0",
        "code": "LYRE-WASH",
        "out": "2026-11-26T10:00",  # local time (the clock is 10:00 Paris, 09:00 UTC)
        "back": "2026-11-26T10:00",
        "condition": "damaged",
    }
    assert units[lyres[1]]["condition"] == "missing"
    assert shown["progress"] == [
        {"code": "DMX-10", "wanted": 5, "left": 5, "back": 4, "damaged": 0, "missing": 0},
        {"code": "LYRE-WASH", "wanted": 2, "left": 2, "back": 2, "damaged": 1, "missing": 1},
    ]
    status, found, _ = scan_json(capsys, "scan", "in", "DMX10")
    assert status == 0 and _show(capsys, ref)[1]["status"] == "returned"


def test_bookings_show_lists_units_still_out(desk_db, capsys):
    ref, lyres = desk_db["ref"], desk_db["lyres"]
    scan(capsys, "scan", "out", ref, lyres[0])
    shown = _show(capsys, ref)[1]
    assert shown["units"] == [
        {
            "barcode": lyres[0],
            "serial": "LW-0",
            "code": "LYRE-WASH",
            "out": "2026-11-26T10:00",
            "back": None,
            "condition": None,
        }
    ]
    status = main(["bookings", "show", ref])
    out = capsys.readouterr().out
    assert status == 0 and "LYRE-WASH: 1 / 2 left, 0 back" in out and "still out" in out


def test_late_return_is_flagged(desk_db, capsys):
    mic = desk_db["mics"][0]
    scan(capsys, "scan", "out", desk_db["late"], mic)
    status, found, _ = scan_json(capsys, "scan", "in", mic)
    assert status == 0 and found[0]["late"] is True
    assert found[0]["message"] == "Micro Shure SM58 back 1 / 1 (late: due 24/11/2026 09:00)"
    status, lines, _ = scan(capsys, "scan", "in", mic)
    assert status == 1 and lines[0].startswith("REFUSED")


def test_check_in_refusals_write_nothing(desk_db, capsys):
    lyres = desk_db["lyres"]
    before = snapshot(desk_db["path"])
    status, found, err = scan_json(capsys, "scan", "in", lyres[0], "DMX10", "--missing", "ZZZ")
    assert status == 1
    assert [f["outcome"] for f in found] == ["not_out", "not_out", "unknown"]
    assert "3 scans refused out of 3." in err
    assert snapshot(desk_db["path"]) == before


def test_undo_last_scan_of_the_station(desk_db, capsys):
    ref, lyres = desk_db["ref"], desk_db["lyres"]
    scan(capsys, "scan", "out", ref, lyres[0], "--station", "d1")
    scan(capsys, "scan", "out", ref, lyres[1], "--station", "d2")
    status, found, _ = scan_json(capsys, "scan", "undo", "--station", "d1")
    assert status == 0 and found[0]["message"] == f"Scan of {lyres[0]} undone."
    assert [u["barcode"] for u in _show(capsys, ref)[1]["units"]] == [lyres[1]]
    status, found, _ = scan_json(capsys, "scan", "undo", "--station", "d3")
    assert status == 1 and found[0]["message"] == "There is no scan to undo."


@pytest.mark.parametrize(
    "argv",
    [
        ("scan", "in"),
        ("scan", "in", "--damaged", "=note"),
        ("scan", "out", "R-2026-0001"),
    ],
)
def test_usage_errors_exit_2(desk_db, capsys, argv):
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = stop.code
    assert status == 2
    assert capsys.readouterr().err


def test_finish_lists_what_did_not_go_and_writes_the_delivery_note(desk_db, capsys, tmp_path):
    ref, lyres = desk_db["ref"], desk_db["lyres"]
    scan(capsys, "scan", "out", ref, lyres[0], "DMX10=5")
    target = tmp_path / "bon.pdf"
    status = main(["scan", "finish", ref, "--out", str(target)])
    out = capsys.readouterr().out
    assert status == 0
    assert "LYRE-WASH  Lyre wash LED 19x15 W: 1 / 2 left" in out
    assert "Delivery note written to" in out
    doc = pdfium.PdfDocument(str(target))
    try:
        page = doc[0]
        textpage = page.get_textpage()
        assert "LW-0" in textpage.get_text_range()
        textpage.close()
        page.close()
    finally:
        doc.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".regie-")] == []
    status = main(["scan", "finish", ref, "--out", str(target), "--json"])
    shown = json.loads(capsys.readouterr().out)
    assert shown["not_gone"] == [
        {"code": "LYRE-WASH", "name": "Lyre wash LED 19x15 W", "wanted": 2, "left": 1}
    ]


def test_report_and_missing_folder(desk_db, capsys, tmp_path):
    ref, lyres = desk_db["ref"], desk_db["lyres"]
    scan(capsys, "scan", "out", ref, lyres[0], lyres[1])
    scan(capsys, "scan", "in", "--damaged", f"{lyres[0]}=Pied tordu")
    status = main(["scan", "report", ref, "--out", str(tmp_path / "r.pdf"), "--json"])
    shown = json.loads(capsys.readouterr().out)
    assert status == 0
    assert (shown["damaged"], shown["missing"], shown["still_out"], shown["late"]) == (
        1,
        0,
        1,
        False,
    )
    status = main(["scan", "report", ref, "--out", str(tmp_path / "nope" / "r.pdf")])
    assert status == 1 and "does not exist" in capsys.readouterr().err


def test_a_bulk_quantity_above_what_remains_names_the_true_remaining_count(desk_db, capsys):
    ref = desk_db["ref"]
    assert scan(capsys, "scan", "out", ref, "DMX10=4")[0] == 0
    before = snapshot(desk_db["path"])
    status, found, _ = scan_json(capsys, "scan", "out", ref, "DMX10=5")
    assert (status, found[0]["message"]) == (
        1,
        "Only 1 piece of Câble DMX 5 broches 10 m left to go out on R-2026-0001: scan *1.",
    )
    assert snapshot(desk_db["path"]) == before


def test_unplanned_bulk_and_units_are_added_checked_out_and_undone(desk_db, capsys, clock):
    ref, mics = desk_db["ref"], desk_db["mics"]
    db = open_database(desk_db["path"])
    factories.bulk(db, code="XLR-10", name="Câble XLR 10 m", barcode="XLR10")
    db.dispose()
    status, found, _ = scan_json(
        capsys,
        "scan",
        "out",
        ref,
        "--unplanned",
        "XLR10=3",
        "--unplanned",
        mics[0],
        "--station",
        "d1",
    )
    assert status == 0 and [(f["ok"], f["line"]["wanted"]) for f in found] == [
        (True, 3),
        (True, 1),
    ]
    lines = {line["code"]: line["quantity"] for line in _show(capsys, ref)[1]["lines"]}
    assert lines == {"LYRE-WASH": 2, "DMX-10": 5, "XLR-10": 3, "SM58": 1}
    assert scan(capsys, "scan", "undo", "--station", "d1")[0] == 0
    assert scan(capsys, "scan", "undo", "--station", "d1")[0] == 0
    lines = {line["code"]: line["quantity"] for line in _show(capsys, ref)[1]["lines"]}
    assert lines == {"LYRE-WASH": 2, "DMX-10": 5}
