"""The CLI contract for customers, bookings, availability, shortages and pick lists: JSON
names, exit statuses (0 done, 1 refused, 2 usage error), nothing changed on refusal; and the
inspection warnings a booking shows."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from app.bootstrap import open_context
from app.cli import main
from app.core.migrate import open_database
from booking import bookings
from booking.warnings import inspection_warnings
from inventory import maintenance
from inventory.catalogue import item_by_code, set_status
from inventory.models import UnitStatus
from tests import factories

TABLES = ("customer", "membership", "booking", "booking_line", "reference_sequence")


@pytest.fixture
def cli_db(db_path, clock, monkeypatch, qapp):
    """Four lyres, six SM58, forty DMX cables, customer 1001 (a member) — and the CLI's
    clock fixed at the test clock."""
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.bookings.open_context", fixed_context)
    monkeypatch.setattr("app.cli.customers.open_context", fixed_context)
    db = open_database(db_path)
    factories.item(db)
    for n in range(4):
        factories.unit(db, clock, location="A-01" if n else "B-07")
    factories.item(db, code="SM58", name="Micro Shure SM58")
    for _ in range(6):
        factories.unit(db, clock, item_code="SM58")
    factories.bulk(db)
    factories.customer(db, number="1001", member_from="2026-01-01")
    db.dispose()
    return db_path


def snapshot(path):
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES}
    finally:
        db.dispose()


def run(capsys, *argv):
    """(exit status, parsed JSON or stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    if "--json" in argv and status == 0:
        return status, json.loads(out), err
    return status, out, err


def usage(capsys, *argv):
    """A usage error: argparse exits 2 itself, or the handler returns 2."""
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = stop.code
    return status, capsys.readouterr().err


CREATE = ("bookings", "create", "--customer", "1001", "--from", "2027-03-05T09:00")


# --- customers ---------------------------------------------------------------------------


def test_customers_add_list_show(cli_db, capsys):
    status, shown, _ = run(
        capsys,
        *("customers", "add", "--name", "Mairie de Sète", "--kind", "organisation"),
        *("--category", "commune", "--email", "culture@sete.fr", "--city", "Sète"),
        *("--siret", "732 829 320 00074", "--vat", "FR44732829320"),
        *("--member-number", "S-0042", "--member-from", "2026-01-01", "--json"),
    )
    assert status == 0
    assert shown["number"] == "1002"
    assert (shown["name"], shown["kind"], shown["category"]) == (
        "Mairie de Sète",
        "organisation",
        "commune",
    )
    assert shown["member"] is True
    assert shown["memberships"] == [
        # no end given: the membership year's end (the calendar year by default)
        {"member_number": "S-0042", "valid_from": "2026-01-01", "valid_to": "2026-12-31"}
    ]
    assert (shown["email"], shown["city"], shown["siret"], shown["vat_number"]) == (
        "culture@sete.fr",
        "Sète",
        "73282932000074",
        "FR44732829320",
    )

    status, listed, _ = run(capsys, "customers", "list", "--search", "Sète", "--json")
    assert status == 0 and [c["number"] for c in listed] == ["1002"]
    status, listed, _ = run(capsys, "customers", "list", "--json")
    assert [c["name"] for c in listed] == ["Compagnie du Rocher", "Mairie de Sète"]

    status, one, _ = run(capsys, "customers", "show", "1002", "--json")
    assert status == 0 and one == shown


def test_customer_member_only_while_a_membership_covers_today(cli_db, capsys):
    status, shown, _ = run(
        capsys,
        *("customers", "add", "--name", "Cie Ancienne", "--kind", "person"),
        *("--category", "individual", "--member-number", "S-1"),
        *("--member-from", "2024-01-01", "--member-to", "2025-12-31", "--json"),
    )
    assert status == 0 and shown["member"] is False and shown["kind"] == "person"
    assert shown["memberships"][0]["valid_to"] == "2025-12-31"
    status, plain, _ = run(capsys, "customers", "add", "--name", "Sans adhésion", "--json")
    assert status == 0 and plain["member"] is False and plain["memberships"] == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--siret", "73282932000075"), "The SIRET 73282932000075 is not valid"),
        (("--vat", "FR00123"), "is not a valid intra-EU VAT number"),
        (("--number", "1001"), "The customer number 1001 is already used"),
        (("--member-number", "S1001", "--member-from", "2027-01-01"), "S1001 is already used"),
        (("--email", "nobody"), "is not an e-mail address"),
    ],
)
def test_customers_add_refused_writes_nothing(cli_db, capsys, extra, message):
    before = snapshot(cli_db)
    status, _, err = run(capsys, "customers", "add", "--name", "Cie X", *extra)
    assert status == 1 and message in err
    assert snapshot(cli_db) == before


def test_customers_add_empty_name_and_usage_errors(cli_db, capsys):
    before = snapshot(cli_db)
    status, _, err = run(capsys, "customers", "add", "--name", "  ")
    assert status == 1 and "name" in err
    assert usage(capsys, "customers", "add")[0] == 2  # --name missing
    assert usage(capsys, "customers", "add", "--name", "X", "--kind", "robot")[0] == 2
    status, err = usage(capsys, "customers", "add", "--name", "X", "--member-number", "S9")
    assert status == 2 and "--member-from" in err
    status, err = usage(
        capsys,
        "customers",
        "add",
        "--name",
        "X",
        "--member-number",
        "S9",
        "--member-from",
        "demain",
    )
    assert status == 2 and "demain" in err
    assert snapshot(cli_db) == before


def test_customers_show_unknown(cli_db, capsys):
    status, _, err = run(capsys, "customers", "show", "9999", "--json")
    assert status == 1 and "No customer has the number 9999" in err


# --- bookings ----------------------------------------------------------------------------


def test_bookings_create_confirm_show_cancel(cli_db, capsys):
    status, created, err = run(
        capsys,
        *CREATE,
        *("--to", "2027-03-08T18:00", "--use-from", "2027-03-06T09:00"),
        *("--event", "Festival de Thau", "--venue", "Parc Simone Veil"),
        *("--line", "LYRE-WASH=2", "--line", "SM58=3", "--line", "DMX-10=12", "--json"),
    )
    assert status == 0 and err == ""
    assert created == {
        "ref": "R-2026-0001",
        "status": "quote",
        "customer": "1001",
        "customer_name": "Compagnie du Rocher",
        "event": "Festival de Thau",
        "venue": "Parc Simone Veil",
        "from": "2027-03-05T09:00",
        "to": "2027-03-08T18:00",
        "use_from": "2027-03-06T09:00",
        "use_to": "2027-03-08T18:00",
        "buyer_reference": "",
        "order_reference": "",
        "lines": [
            {"code": "LYRE-WASH", "name": "Lyre wash LED 19x15 W", "quantity": 2},
            {"code": "SM58", "name": "Micro Shure SM58", "quantity": 3},
            {"code": "DMX-10", "name": "Câble DMX 5 broches 10 m", "quantity": 12},
        ],
        "warnings": [],
    }
    status, confirmed, _ = run(capsys, "bookings", "confirm", "R-2026-0001", "--json")
    assert status == 0 and confirmed["status"] == "confirmed"
    status, shown, _ = run(capsys, "bookings", "show", "r-2026-0001", "--json")
    desk_part = {"units": shown.pop("units"), "progress": shown.pop("progress")}
    assert status == 0 and shown == confirmed
    assert desk_part["units"] == [] and [p["code"] for p in desk_part["progress"]] == [
        "DMX-10",
        "LYRE-WASH",
        "SM58",
    ]
    status, out, _ = run(capsys, "bookings", "show", "R-2026-0001")
    assert status == 0 and "R-2026-0001  confirmed" in out and "LYRE-WASH" in out
    status, cancelled, _ = run(capsys, "bookings", "cancel", "R-2026-0001", "--json")
    assert status == 0 and cancelled["status"] == "cancelled"


def test_create_with_confirm_holds_stock(cli_db, capsys):
    status, created, _ = run(
        capsys, *CREATE, "--to", "2027-03-08T18:00", "--line", "LYRE-WASH=3", "--confirm", "--json"
    )
    assert status == 0 and created["status"] == "confirmed"
    status, avail, _ = run(
        capsys,
        *("availability", "LYRE-WASH", "--from", "2027-03-06T00:00", "--to", "2027-03-07T00:00"),
        "--json",
    )
    assert status == 0
    assert {k: avail[k] for k in ("code", "serviceable", "reserved", "available", "tentative")} == {
        "code": "LYRE-WASH",
        "serviceable": 4,
        "reserved": 3,
        "available": 1,
        "tentative": 3,
    }
    assert avail["holders"] == ["R-2026-0001"]


def test_availability_counts_quotes_as_tentative(cli_db, capsys):
    run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--line", "SM58=2", "--json")
    status, avail, _ = run(
        capsys,
        *("availability", "SM58", "--from", "2027-03-01T00:00", "--to", "2027-03-31T00:00"),
        "--json",
    )
    assert status == 0
    assert (avail["serviceable"], avail["reserved"], avail["available"]) == (6, 0, 6)
    assert avail["tentative"] == 2 and avail["holders"] == []
    assert avail["tentative_holders"] == ["R-2026-0001"]


def test_shortage_refused_with_details_and_nothing_written(cli_db, capsys):
    assert (
        run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--line", "LYRE-WASH=3", "--confirm")[0]
        == 0
    )
    before = snapshot(cli_db)
    status, _, err = run(
        capsys,
        *("bookings", "create", "--customer", "1001", "--from", "2027-03-07T09:00"),
        *("--to", "2027-03-09T09:00", "--line", "LYRE-WASH=2", "--line", "SM58=7", "--confirm"),
    )
    assert status == 1
    assert "Not enough stock; nothing was changed:" in err
    assert "Lyre wash LED 19x15 W (LYRE-WASH): 1 missing on 07/03/2027 09:00" in err
    assert "by R-2026-0001" in err
    assert "Micro Shure SM58 (SM58): 1 missing" in err
    assert snapshot(cli_db) == before


def test_confirming_beyond_stock_refused(cli_db, capsys):
    run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--line", "LYRE-WASH=3", "--confirm")
    run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--line", "LYRE-WASH=2")
    before = snapshot(cli_db)
    status, _, err = run(capsys, "bookings", "confirm", "R-2026-0002")
    assert status == 1 and "LYRE-WASH" in err and "1 missing" in err
    assert snapshot(cli_db) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--customer", "9999"), "No customer has the number 9999"),
        (("--line", "NOPE=1"), "No item type has the code NOPE"),
        (("--to", "2027-03-05T08:00"), "must come after the pick-up"),
        (("--use-from", "2027-03-01T09:00"), "within the planned period"),
    ],
)
def test_create_refused_writes_nothing(cli_db, capsys, argv, message):
    options = {"--customer": "1001", "--to": "2027-03-08T18:00", "--line": "SM58=1"}
    extra: list[str] = []
    for key, value in zip(argv[::2], argv[1::2], strict=True):
        if key in options:
            options[key] = value
        else:
            extra += [key, value]
    before = snapshot(cli_db)
    status, _, err = run(
        capsys,
        *("bookings", "create", "--from", "2027-03-05T09:00"),
        *[part for pair in options.items() for part in pair],
        *extra,
        "--json",
    )
    assert status == 1 and message in err
    assert snapshot(cli_db) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--to", "2027-02-30T09:00", "--line", "SM58=1"), "'2027-02-30T09:00' is not a date"),
        (("--to", "demain", "--line", "SM58=1"), "is not a date and time"),
        (
            ("--to", "2027-03-08T09:00", "--line", "SM58=abc"),
            "argument --line SM58=abc: 'abc' is not",
        ),
        (("--to", "2027-03-08T09:00", "--line", "=2"), "item code"),
        (("--to", "2027-03-08T09:00", "--line", "SM58=0"), "quantity"),
        (("--to", "2027-03-08T09:00"), "--line"),
        (("--line", "SM58=1"), "--to"),
    ],
)
def test_create_usage_errors(cli_db, capsys, argv, message):
    before = snapshot(cli_db)
    status, err = usage(capsys, *CREATE, *argv, "--json")
    assert status == 2 and message in err
    assert snapshot(cli_db) == before


@pytest.mark.parametrize(
    ("start_status", "action", "message"),
    [
        ("cancelled", "cancel", "is cancelled: it cannot become cancelled"),
        ("cancelled", "confirm", "is cancelled: it cannot become confirmed"),
        ("out", "cancel", "is out: it cannot become cancelled"),
        ("closed", "confirm", "is closed: it cannot become confirmed"),
    ],
)
def test_transition_refused(cli_db, capsys, start_status, action, message):
    run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--line", "SM58=1")
    db = open_database(cli_db)
    with db.write() as uow:
        bookings.booking_by_ref(uow, "R-2026-0001").status = start_status
    db.dispose()
    before = snapshot(cli_db)
    status, _, err = run(capsys, "bookings", action, "R-2026-0001", "--json")
    assert status == 1 and "Booking R-2026-0001" in err and message in err
    assert snapshot(cli_db) == before


def test_unknown_reference(cli_db, capsys):
    for action in ("confirm", "cancel", "show"):
        status, _, err = run(capsys, "bookings", action, "R-1999-0001")
        assert status == 1 and "No booking has the reference R-1999-0001" in err


def test_bookings_list_filters(cli_db, capsys):
    run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--event", "Thau", "--line", "SM58=1")
    run(
        capsys,
        *("bookings", "create", "--customer", "1001", "--from", "2027-06-01T09:00"),
        *("--to", "2027-06-02T09:00", "--event", "Fête", "--line", "SM58=1", "--confirm"),
    )
    status, listed, _ = run(capsys, "bookings", "list", "--json")
    assert status == 0 and [b["ref"] for b in listed] == ["R-2026-0002", "R-2026-0001"]
    assert set(listed[0]) >= {"ref", "status", "customer", "event", "from", "to"}
    assert listed[0]["from"] == "2027-06-01T09:00"
    status, listed, _ = run(capsys, "bookings", "list", "--status", "quote", "--json")
    assert [b["ref"] for b in listed] == ["R-2026-0001"]
    status, listed, _ = run(
        capsys, "bookings", "list", "--status", "quote", "--status", "confirmed", "--json"
    )
    assert len(listed) == 2
    status, listed, _ = run(capsys, "bookings", "list", "--search", "Fête", "--json")
    assert [b["ref"] for b in listed] == ["R-2026-0002"]
    status, listed, _ = run(
        capsys, "bookings", "list", "--from", "2027-03-01", "--to", "2027-04-01", "--json"
    )
    assert [b["ref"] for b in listed] == ["R-2026-0001"]
    assert usage(capsys, "bookings", "list", "--status", "lost")[0] == 2
    assert usage(capsys, "bookings", "list", "--from", "hier")[0] == 2


def test_bookings_duplicate(cli_db, capsys):
    run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--event", "Thau", "--line", "SM58=2")
    status, copy, _ = run(
        capsys, "bookings", "duplicate", "R-2026-0001", "--from", "2028-03-03T09:00", "--json"
    )
    assert status == 0
    assert (copy["ref"], copy["status"], copy["event"]) == ("R-2026-0002", "quote", "Thau")
    assert (copy["from"], copy["to"]) == ("2028-03-03T09:00", "2028-03-06T18:00")
    assert copy["lines"] == [{"code": "SM58", "name": "Micro Shure SM58", "quantity": 2}]
    before = snapshot(cli_db)
    assert run(capsys, "bookings", "duplicate", "R-1999-0009", "--from", "2028-01-01")[0] == 1
    assert usage(capsys, "bookings", "duplicate", "R-2026-0001", "--from", "x")[0] == 2
    assert snapshot(cli_db) == before


# --- availability and shortages ----------------------------------------------------------


def test_availability_refusals(cli_db, capsys):
    status, _, err = run(
        capsys, "availability", "NOPE", "--from", "2027-03-01", "--to", "2027-03-02", "--json"
    )
    assert status == 1 and "No item type has the code NOPE" in err
    assert usage(capsys, "availability", "SM58", "--from", "2027-03-02", "--to", "x")[0] == 2
    status, err = usage(
        capsys, "availability", "SM58", "--from", "2027-03-02", "--to", "2027-03-01"
    )
    assert status == 2 and "after its start" in err
    assert usage(capsys, "availability", "SM58", "--from", "2027-03-02")[0] == 2


def test_shortages_after_units_leave_service(cli_db, capsys, clock):
    run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--line", "LYRE-WASH=4", "--confirm")
    window = ("--from", "2027-03-01T00:00", "--to", "2027-03-31T00:00")
    status, shown, _ = run(capsys, "shortages", *window, "--json")
    assert status == 0 and shown == []
    assert main(["units", "status", "LUM-00001", "in_repair"]) == 0
    capsys.readouterr()
    status, shown, _ = run(capsys, "shortages", *window, "--json")
    assert status == 0
    assert shown == [
        {
            "code": "LYRE-WASH",
            "name": "Lyre wash LED 19x15 W",
            "serviceable": 3,
            "reserved": 4,
            "missing": 1,
            "at": "2027-03-05T09:00",
            "bookings": ["R-2026-0001"],
        }
    ]
    status, out, _ = run(capsys, "shortages", *window)
    assert status == 0 and "LYRE-WASH: 1 missing on 05/03/2027 09:00 (R-2026-0001)" in out
    assert usage(capsys, "shortages", "--from", "2027-03-01")[0] == 2


# --- pick list ---------------------------------------------------------------------------


def test_picklist_written_atomically(cli_db, capsys, tmp_path):
    run(capsys, *CREATE, "--to", "2027-03-08T18:00", "--line", "SM58=2", "--confirm")
    out = tmp_path / "pick.pdf"
    status, printed, _ = run(capsys, "picklist", "R-2026-0001", "--out", str(out))
    assert status == 0 and "Pick list of 1 page written" in printed
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".picklist")] == []

    out.write_bytes(b"keep me")
    status, _, err = run(capsys, "picklist", "R-1999-0001", "--out", str(out))
    assert status == 1 and "No booking has the reference R-1999-0001" in err
    assert out.read_bytes() == b"keep me"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".picklist")] == []
    status, _, err = run(capsys, "picklist", "R-2026-0001", "--out", str(tmp_path / "no" / "x.pdf"))
    assert status == 1 and "does not exist" in err
    assert usage(capsys, "picklist", "R-2026-0001")[0] == 2


# --- inspection warnings -----------------------------------------------------------------


def _schedule(db, clock, code, purchases):
    """An annual inspection on ``code``; units' purchase dates set the due dates."""
    with db.write() as uow:
        item = item_by_code(uow, code)
        conn = uow.session.connection()
        for barcode, bought in purchases.items():
            conn.execute(
                text("UPDATE unit SET purchase_date = :d WHERE barcode = :b"),
                {"d": bought.isoformat(), "b": barcode},
            )
        maintenance.add_schedule(
            uow, user="t", item_type_id=item.id, name="VGP", interval_months=12, clock=clock
        )


def test_inspection_warning_when_no_spare_unit(cli_db, capsys, clock):
    db = open_database(cli_db)
    # LYRE-WASH: LUM-00001..4; three fall due on 12/03/2027 and 20/03/2027, one later.
    _schedule(
        db,
        clock,
        "LYRE-WASH",
        {
            "LUM-00001": dt.date(2026, 3, 20),
            "LUM-00002": dt.date(2026, 3, 12),
            "LUM-00003": dt.date(2026, 3, 12),
            "LUM-00004": dt.date(2026, 9, 1),
        },
    )
    db.dispose()
    # Two of four wanted: two spare, three due before the return → warned.
    status, created, err = run(
        capsys, *CREATE, "--to", "2027-03-25T09:00", "--line", "LYRE-WASH=2", "--confirm", "--json"
    )
    expected = (
        "3 Lyre wash LED 19x15 W (LYRE-WASH) are due for inspection by 12/03/2027: "
        "inspect them before pick-up."
    )
    assert status == 0 and created["warnings"] == [expected]
    assert err == f"warning: {expected}\n"
    status, shown, _ = run(capsys, "bookings", "show", "R-2026-0001", "--json")
    assert shown["warnings"] == [expected]

    # Returned before the dues: no warning.
    status, early, err = run(
        capsys,
        *("bookings", "create", "--customer", "1001", "--from", "2027-03-01T09:00"),
        *("--to", "2027-03-03T09:00", "--line", "LYRE-WASH=1", "--json"),
    )
    assert status == 0 and early["warnings"] == [] and err == ""


def test_inspection_warning_counts_other_bookings_and_spares(db, clock):
    factories.item(db)
    units = [factories.unit(db, clock) for _ in range(5)]
    customer = factories.customer(db)
    later = dict.fromkeys(units[1:], dt.date(2026, 10, 1))  # due 01/10/2027
    _schedule(db, clock, "LYRE-WASH", {units[0]: dt.date(2026, 3, 10), **later})
    now = dt.datetime(2026, 11, 26, 10, 0)

    def warnings_of(ref):
        with db.read() as uow:
            booking = bookings.booking_by_ref(uow, ref)
            return [str(w) for w in inspection_warnings(uow, booking.id, now=now)]

    period = ("2027-03-05T09:00", "2027-03-12T09:00")
    mine = factories.booking(db, clock, customer, *period, {"LYRE-WASH": 3})
    assert warnings_of(mine) == []  # five in service, three asked: two spares for one due
    factories.booking(db, clock, customer, *period, {"LYRE-WASH": 1})
    assert warnings_of(mine) == []  # still one spare
    quote = factories.booking(db, clock, customer, *period, {"LYRE-WASH": 1}, confirm=False)
    assert warnings_of(mine) == []  # quotes hold nothing
    due = (
        "1 Lyre wash LED 19x15 W (LYRE-WASH) are due for inspection by 10/03/2027: "
        "inspect them before pick-up."
    )
    assert warnings_of(quote) == [due]  # 5 - 4 held by others - 1 asked: no spare
    factories.booking(db, clock, customer, "2027-03-11T09:00", "2027-03-20T09:00", {"LYRE-WASH": 1})
    assert warnings_of(mine) == [due]  # 5 - 2 held by others - 3 asked: no spare
    with db.write() as uow:
        bookings.cancel_booking(uow, user="t", reference=mine, clock=clock)
    assert warnings_of(mine) == []  # nothing to pick any more
    with db.write() as uow:
        set_status(
            uow, user="t", barcode=units[0], status=UnitStatus.IN_REPAIR, note="", clock=clock
        )
    assert warnings_of(quote) == []  # the due unit is not in service: it will not be sent


def test_no_warning_for_bulk_or_types_without_schedule(db, clock):
    factories.item(db)
    factories.unit(db, clock)
    factories.bulk(db)
    customer = factories.customer(db)
    ref = factories.booking(
        db, clock, customer, "2027-03-05T09:00", "2027-03-12T09:00", {"LYRE-WASH": 1, "DMX-10": 40}
    )
    with db.read() as uow:
        booking = bookings.booking_by_ref(uow, ref)
        assert inspection_warnings(uow, booking.id, now=dt.datetime(2026, 11, 26)) == []


def test_people_read_statuses_in_their_language_scripts_read_keys(cli_db, capsys, monkeypatch):
    """``bookings show``/``list`` printed ``confirmed`` in a French session; JSON keeps the
    key (the contract)."""
    from app import i18n

    status, shown, _ = run(
        capsys,
        *CREATE,
        *("--to", "2027-03-08T18:00", "--line", "LYRE-WASH=1", "--confirm", "--json"),
    )
    assert status == 0 and shown["status"] == "confirmed"
    monkeypatch.setenv("REGIE_LANG", "fr")
    try:
        assert main(["bookings", "show", shown["ref"]]) == 0
        assert f"{shown['ref']}  confirmée  " in capsys.readouterr().out
        assert main(["bookings", "list"]) == 0
        assert "confirmée" in capsys.readouterr().out
    finally:
        monkeypatch.delenv("REGIE_LANG")
        i18n.install("en")
