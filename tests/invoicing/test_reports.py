"""Management reports on hand-built cases: utilisation, savings, receivables, revenue,
owners, inspections; the CSV / XLSX / JSON exports and the CLI's exit statuses."""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.cli import main
from app.core.clock import PARIS, FixedClock
from booking import availability, desk
from booking.models import BookingStatus
from inventory import maintenance
from inventory.catalogue import item_by_code
from inventory.models import Category, ItemType, Unit, UnitStatus
from invoicing import credit_notes, invoices, payments, reports
from invoicing.report_usage import DAY, day_peaks_total
from tests import factories
from tests.invoicing.conftest import USER, book, fake_render

D = dt.date
START, END = D(2026, 11, 1), D(2026, 11, 30)
TODAY = END


def at(text: str) -> FixedClock:
    return FixedClock(dt.datetime.fromisoformat(text).replace(tzinfo=PARIS))


def run(db, name, start=START, end=END, today=TODAY):
    with db.read() as uow:
        return reports.report(uow, name, start, end, today=today)


def issue(db, clock, ref):
    with db.write() as uow:
        return invoices.issue_invoice(
            uow, user=USER, reference=ref, clock=clock, renderer=fake_render
        ).number


def rows_of(report, group=None):
    return [r for r in report.rows if group is None or r.get("group") == group]


# --- utilisation ------------------------------------------------------------------------


@pytest.fixture
def two_units(db, clock):
    factories.item(db, "PAR", "Projecteur PAR", Category.LIGHTING)
    for _ in range(2):
        factories.unit(db, clock, "PAR")
    factories.customer(db, "Compagnie du Rocher", "C1")
    return db


def test_utilisation_one_unit_three_days_in_ten(two_units, clock):
    factories.booking(two_units, clock, "C1", "2026-12-02T00:00", "2026-12-05T00:00", {"PAR": 1})
    found = run(two_units, "utilisation", D(2026, 12, 1), D(2026, 12, 10))
    (row,) = rows_of(found, "type")
    assert (row["days_out"], row["serviceable_days"]) == (3, 20)
    assert row["utilisation"] == pytest.approx(0.15)
    assert rows_of(found, "category")[0]["utilisation"] == pytest.approx(0.15)
    assert reports.to_json(found)["rows"][1]["utilisation"] == 0.15


def test_utilisation_counts_partial_days_and_past_bookings_and_skips_quotes(two_units, clock):
    # A returned/closed booking counts as held over its period, a quote does not; a day
    # touched for an hour counts its peak (the engine's daily firm peak).
    factories.booking(two_units, clock, "C1", "2026-12-01T09:00", "2026-12-02T10:00", {"PAR": 2})
    factories.booking(
        two_units, clock, "C1", "2026-12-03T00:00", "2026-12-09T00:00", {"PAR": 2}, confirm=False
    )
    found = run(two_units, "utilisation", D(2026, 12, 1), D(2026, 12, 10))
    (row,) = rows_of(found, "type")
    assert row["days_out"] == 4  # 2 pieces on the 1st and the 2nd
    assert 0 <= row["utilisation"] <= 1


def test_utilisation_never_above_one_when_a_unit_left_service(two_units, clock):
    factories.booking(two_units, clock, "C1", "2026-12-01T00:00", "2026-12-11T00:00", {"PAR": 2})
    with two_units.write() as uow:
        unit = uow.session.exec(select(Unit)).first()
        unit.status = UnitStatus.IN_REPAIR.value
    (row,) = rows_of(run(two_units, "utilisation", D(2026, 12, 1), D(2026, 12, 10)), "type")
    assert (row["days_out"], row["serviceable_days"], row["utilisation"]) == (10, 10, 1.0)


def test_day_sweep_equals_the_engine_daily_peaks():
    rng = random.Random(3)
    base = dt.datetime(2026, 1, 1)
    days = [base.date() + dt.timedelta(days=i) for i in range(12)]
    for _ in range(200):
        holds = []
        for _ in range(rng.randint(0, 8)):
            s = base + dt.timedelta(minutes=rng.randrange(-2 * DAY, 14 * DAY, 30))
            e = s + dt.timedelta(minutes=rng.randrange(30, 5 * DAY, 30))
            holds.append(
                availability.Hold(1, "R", BookingStatus.CONFIRMED, 1, rng.randint(1, 3), s, e)
            )
        expected = sum(min(firm, 5) for firm, _ in availability.daily(holds, days))
        events = []
        for h in holds:
            a = max(0, int((h.start - base).total_seconds()) // 60)
            b = min(12 * DAY, int((h.end - base).total_seconds()) // 60)
            if a < b:
                events += [(a, h.quantity), (b, -h.quantity)]
        assert day_peaks_total(events, 12, 5) == expected


# --- money reports ----------------------------------------------------------------------


@pytest.fixture
def billed(coop, clock):
    """C-MEM (member, 30/day) and C-PUB (45/day) each rent 1 LYRE for 3 days (coef 2):
    invoices of 60.00 and 90.00 excl. VAT (72.00 and 108.00 incl.), issued 2026-11-26."""
    member = issue(coop, clock, book(coop, clock, "C-MEM", {"LYRE": 1}))
    public = issue(coop, clock, book(coop, clock, "C-PUB", {"LYRE": 1}))
    return member, public


def test_savings_hand_case(coop, billed):
    found = run(coop, "savings")
    (row,) = found.rows
    assert row["customer"] == "C-MEM"
    assert (row["paid"], row["non_member"], row["savings"]) == (
        Decimal("60.00"),
        Decimal("90.00"),
        Decimal("30.00"),
    )
    assert reports.to_json(found)["total"]["savings"] == "30.00"


def test_savings_count_what_a_credit_note_left(coop, clock, billed):
    with coop.write() as uow:
        credit_notes.issue_credit_note(
            uow,
            user=USER,
            invoice_number=billed[0],
            reason="geste",
            clock=clock,
            renderer=fake_render,
            lines=[credit_notes.CreditLine(1, Decimal("30.00"))],
        )
    assert run(coop, "savings").total["savings"] == Decimal("15.00")


def test_revenue_split_member_and_non_member(coop, billed):
    found = run(coop, "revenue")
    rate = {r["key"]: r["net"] for r in rows_of(found, "rate")}
    assert rate == {"member": Decimal("60.00"), "non_member": Decimal("90.00")}
    (november,) = [r for r in rows_of(found, "month") if r["key"] == "2026-11"]
    assert (november["member"], november["non_member"], november["net"]) == (
        Decimal("60.00"),
        Decimal("90.00"),
        Decimal("150.00"),
    )
    assert [r["key"] for r in rows_of(found, "category")] == ["lighting"]
    assert found.total["net"] == Decimal("150.00")
    assert len(rows_of(found, "month")) == 1


def test_revenue_subtracts_credit_notes(coop, clock, billed):
    with coop.write() as uow:
        credit_notes.issue_credit_note(
            uow, user=USER, invoice_number=billed[1], reason="x", clock=clock, renderer=fake_render
        )
    found = run(coop, "revenue")
    assert found.total["net"] == Decimal("60.00")
    assert found.total["credited"] == Decimal("90.00")
    assert {r["key"]: r["net"] for r in rows_of(found, "rate")}["non_member"] == Decimal("0.00")
    for group in ("month", "category", "rate"):
        assert sum(r["net"] for r in rows_of(found, group)) == found.total["net"]


def test_receivables_total_and_balances(coop, clock, billed):
    with coop.write() as uow:
        payments.add_payment(uow, user=USER, invoice_number=billed[1], amount="50.00", clock=clock)
        credit_notes.issue_credit_note(
            uow, user=USER, invoice_number=billed[0], reason="x", clock=clock, renderer=fake_render
        )
    found = run(coop, "receivables")
    balances = {r["customer"]: r["balance"] for r in found.rows}
    assert balances == {"C-PUB": Decimal("58.00")}  # 108 − 50; C-MEM 72 − 72 left out
    assert found.total["balance"] == Decimal("72.00") + Decimal("108.00") - 72 - 50
    assert found.total["not_due"] == found.total["balance"]
    with coop.read() as uow:
        assert reports.receivables_total(uow, END) == Decimal("58.00")
        # before anything was issued, nobody owed anything
        assert reports.receivables_total(uow, D(2026, 11, 25)) == 0
    aged = run(coop, "receivables", end=D(2027, 2, 1), today=D(2027, 2, 1))
    assert aged.total["d31_60"] == Decimal("58.00")  # due 2026-12-26: 37 days late


def test_receivables_ignore_payments_after_the_date(coop, clock, billed):
    later = at("2026-12-03T10:00")
    with coop.write() as uow:
        payments.add_payment(uow, user=USER, invoice_number=billed[1], amount="108", clock=later)
    assert run(coop, "receivables").total["balance"] == Decimal("180.00")
    december = run(coop, "receivables", end=D(2026, 12, 31), today=D(2026, 12, 31))
    assert december.total["balance"] == Decimal("72.00")


# --- owners -------------------------------------------------------------------------------


def test_owners_days_from_movements_and_revenue_pro_rata(coop, clock):
    owned = factories.unit(coop, clock, "LYRE", owner="Marie Dupont")
    with coop.read() as uow:
        coop_unit = uow.session.exec(
            select(Unit.barcode)
            .join(ItemType, ItemType.id == Unit.item_type_id)
            .where(ItemType.code == "LYRE", Unit.owner_id.is_(None))  # type: ignore[union-attr]
        ).first()
    ref = book(
        coop,
        clock,
        "C-PUB",
        {"LYRE": 2},
        start="2026-11-26T09:00",
        end="2026-11-29T09:00",
        use_start=None,
        use_end=None,
    )
    with coop.write() as uow:
        for code in (owned, coop_unit):
            assert desk.check_out(uow, user=USER, reference=ref, code=code, clock=clock).ok
    with coop.write() as uow:
        assert desk.check_in(uow, user=USER, code=coop_unit, clock=at("2026-11-27T10:00")).ok
    with coop.write() as uow:
        assert desk.check_in(uow, user=USER, code=owned, clock=at("2026-11-28T10:00")).ok
    number = issue(coop, at("2026-11-28T11:00"), ref)
    with coop.read() as uow:
        net = invoices.issued_document(uow, number).net_total
    assert net == Decimal("225.00")  # 2 × 45 × 2.5 (4 days)
    found = run(coop, "owners")
    by_owner = {r["owner"]: r for r in found.rows}
    assert by_owner["Marie Dupont"]["equipment_days"] == 3
    assert by_owner["The cooperative"]["equipment_days"] == 2
    assert by_owner["Marie Dupont"]["revenue"] == Decimal("135.00")
    assert by_owner["The cooperative"]["revenue"] == Decimal("90.00")
    assert found.total["revenue"] == net
    assert by_owner["Marie Dupont"]["units"] == 1


# --- inspections --------------------------------------------------------------------------


def test_inspections_due_in_the_period_or_overdue(coop, clock):
    with coop.write() as uow:
        maintenance.add_schedule(
            uow,
            user=USER,
            item_type_id=item_by_code(uow, "LYRE").id,
            name="VGP",
            interval_months=12,
            clock=clock,
        )  # due today (2026-11-26) for the 6 units without purchase date
    later = run(coop, "inspections", D(2026, 12, 1), D(2026, 12, 31), today=D(2026, 11, 30))
    assert len(later.rows) == 6
    assert {(r["schedule"], r["due_on"], r["overdue_days"]) for r in later.rows} == {
        ("VGP", D(2026, 11, 26), 4)
    }
    assert later.rows[0]["owner"] == "The cooperative"
    assert not run(coop, "inspections", D(2026, 12, 1), D(2026, 12, 31), today=D(2026, 11, 20)).rows
    current = run(coop, "inspections", START, END, today=D(2026, 11, 20))
    assert {r["overdue_days"] for r in current.rows} == {0}


# --- exports ----------------------------------------------------------------------------


def test_csv_json_xlsx_exports(coop, billed, tmp_path):
    found = run(coop, "receivables")
    text = reports.to_csv(found)
    lines = text.splitlines()
    assert lines[0].split(";")[:2] == ["Customer number", "Customer"]
    assert "180.00" in lines[-1] and lines[-1].split(";")[0] == "Total"
    shown = reports.to_json(found)
    assert shown["total"]["balance"] == "180.00"
    assert {r["customer"]: r["balance"] for r in shown["rows"]} == {
        "C-PUB": "108.00",
        "C-MEM": "72.00",
    }
    json.dumps(shown)
    path = tmp_path / "r.xlsx"
    reports.to_xlsx(found, path)
    sheet = load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Receivables by customer and age"
    assert values[2][0] == "Customer number"
    assert values[3][-1] == 108 and isinstance(values[3][-1], int | float)
    assert sheet.cell(row=4, column=len(found.columns)).number_format.endswith('"€"')
    assert values[-1][0] == "Total" and values[-1][-1] == 180


def test_inspection_dates_export_as_dates(coop, clock, tmp_path):
    with coop.write() as uow:
        maintenance.add_schedule(
            uow,
            user=USER,
            item_type_id=item_by_code(uow, "LYRE").id,
            name="VGP",
            interval_months=12,
            clock=clock,
        )
    found = run(coop, "inspections")
    reports.to_xlsx(found, tmp_path / "i.xlsx")
    row = list(load_workbook(tmp_path / "i.xlsx").active.iter_rows(values_only=True))[3]
    assert row[4] == dt.datetime(2026, 11, 26)
    assert "2026-11-26" in reports.to_csv(found)
    assert reports.to_json(found)["rows"][0]["due_on"] == "2026-11-26"


def test_unknown_report_and_reversed_period_are_refused(coop):
    from app.core.errors import ValidationError

    with coop.read() as uow, pytest.raises(ValidationError):
        reports.report(uow, "nope", START, END, today=END)
    with coop.read() as uow, pytest.raises(ValidationError):
        reports.report(uow, "revenue", END, START, today=END)


# --- CLI ----------------------------------------------------------------------------------


@pytest.fixture
def cli(coop, billed, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    from app.bootstrap import open_context

    def fixed(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.reports.open_context", fixed)


@pytest.mark.parametrize("name", reports.REPORTS)
def test_cli_json_every_report(cli, capsys, name):
    assert main(["report", name, "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["report"] == name and isinstance(shown["rows"], list)


def test_cli_contract_keys(cli, capsys):
    args = ["--from", "2026-11-01", "--to", "2026-11-30", "--format", "json"]
    assert main(["report", "receivables", *args]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["total"]["balance"] == "180.00" and shown["rows"][0]["balance"] == "108.00"
    assert main(["report", "savings", *args]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["total"]["savings"] == "30.00" and shown["rows"][0]["savings"] == "30.00"
    assert main(["report", "utilisation", *args]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert all(0 <= r["utilisation"] <= 1 for r in shown["rows"])


def test_cli_csv_stdout_and_files(cli, capsys, tmp_path):
    period = ["--from", "2026-11-01", "--to", "2026-11-30"]
    assert main(["report", "revenue", *period, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("Section;")
    out = tmp_path / "rev.csv"
    assert main(["report", "revenue", *period, "--format", "csv", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8-sig").splitlines()[-1].startswith("Total;")
    xlsx = tmp_path / "rev.xlsx"
    assert main(["report", "revenue", *period, "--format", "xlsx", "--out", str(xlsx)]) == 0
    assert load_workbook(xlsx).active["A1"].value == "Revenue"


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2026-13-01", "--to", "2026-11-30"],
        ["--from", "yesterday", "--to", "2026-11-30"],
        ["--from", "2026-11-30", "--to", "2026-11-01"],
        ["--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx"],
        ["--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf"],
        ["--to", "2026-11-30"],
    ],
)
def test_cli_usage_errors_exit_2(cli, capsys, args):
    with pytest.raises(SystemExit) if "pdf" in args or "--from" not in args else _nothing():
        code = main(["report", "revenue", *args])
        assert code == 2
    assert capsys.readouterr().out == ""


def test_cli_missing_folder_exits_1(cli, capsys, tmp_path):
    out = tmp_path / "nowhere" / "r.xlsx"
    period = ["--from", "2026-11-01", "--to", "2026-11-30"]
    assert main(["report", "revenue", *period, "--format", "xlsx", "--out", str(out)]) == 1
    assert "nowhere" in capsys.readouterr().err and not out.exists()


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
