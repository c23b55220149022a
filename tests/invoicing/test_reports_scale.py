"""The reports that read ten years in the database (issue 14): the utilisation sweep over
lines aggregated per type in SQL, and revenue summed in SQL, give what the availability
engine's day peaks and the issued lines give, on both engines; a ten-year report from the
installed command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import subprocess
import sys

import pytest
from sqlmodel import select

from booking import availability
from booking.models import BookingStatus
from inventory.models import Category, Unit, UnitStatus
from invoicing import reports
from tests import factories
from tests.invoicing.conftest import USER, book, fake_render

D = dt.date
TYPES = {"PAR": (Category.LIGHTING, 3, 0, 0), "MIC": (Category.SOUND, 2, 1, 2)}


def expected_days_out(db, start: dt.date, end: dt.date, now: dt.datetime) -> dict[str, int]:
    """The rule as the timeline reads it: Σ over days of min(firm peak, serviceable)."""
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    w0 = dt.datetime.combine(start, dt.time())
    w1 = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    held = (
        BookingStatus.CONFIRMED,
        BookingStatus.OUT,
        BookingStatus.RETURNED,
        BookingStatus.CLOSED,
    )
    with db.read() as uow:
        facts = availability.facts_by_code(uow, TYPES)
        stock = availability.serviceable(uow)
        found = availability.holds(uow, w0, w1, now=now, statuses=held)
    result = {}
    for code, fact in facts.items():
        mine = [
            dataclasses.replace(h, status=BookingStatus.CONFIRMED.value)
            for h in found
            if h.item_type_id == fact.id
        ]
        cap = stock.get(fact.id, 0)
        result[code] = sum(min(firm, cap) for firm, _ in availability.daily(mine, days))
    return result


@pytest.mark.both_engines
def test_utilisation_equals_the_engines_day_peaks(db, clock):
    for code, (category, units, prep, deprep) in TYPES.items():
        factories.item(db, code, f"Type {code}", category, prep_hours=prep, deprep_hours=deprep)
        for _ in range(units):
            factories.unit(db, clock, code)
    factories.customer(db, "Compagnie du Rocher", "C1")
    rng = random.Random(14)
    base = dt.datetime(2026, 12, 1, 8, 0)
    for _ in range(25):
        s = base + dt.timedelta(hours=rng.randrange(0, 24 * 40, 3))
        e = s + dt.timedelta(hours=rng.randrange(2, 24 * 5, 2))
        lines = {code: 1 for code in TYPES if rng.random() < 0.7} or {"PAR": 1}
        try:
            factories.booking(db, clock, "C1", s.isoformat(), e.isoformat(), lines)
        except Exception:  # noqa: BLE001 - a random booking may not fit: skip it
            continue
    with db.write() as uow:  # a unit leaves service: the cap falls below past peaks
        unit = uow.session.exec(select(Unit)).first()
        unit.status = UnitStatus.IN_REPAIR.value
    start, end = D(2026, 12, 3), D(2027, 1, 2)
    now = dt.datetime(2026, 12, 1, 0, 0)
    with db.read() as uow:
        found = reports.report(uow, "utilisation", start, end, today=now.date(), now=now)
    days_out = {r["code"]: r["days_out"] for r in found.rows if r["group"] == "type"}
    assert days_out == expected_days_out(db, start, end, now)
    assert all(v > 0 for v in days_out.values())


@pytest.mark.both_engines
def test_revenue_sums_the_issued_lines_by_month_family_and_rate(coop, clock):
    from invoicing import credit_notes, invoices

    numbers = []
    for customer in ("C-MEM", "C-PUB"):
        with coop.write() as uow:
            numbers.append(
                invoices.issue_invoice(
                    uow,
                    user=USER,
                    reference=book(coop, clock, customer, {"LYRE": 1}),
                    clock=clock,
                    renderer=fake_render,
                ).number
            )
    with coop.write() as uow:
        credit_notes.issue_credit_note(
            uow, user=USER, invoice_number=numbers[0], reason="x", clock=clock, renderer=fake_render
        )
    today = clock.today()
    with coop.read() as uow:
        found = reports.report(uow, "revenue", D(2016, 12, 1), today, today=today)
    rows = {(r["group"], r["key"]): r for r in found.rows}
    month = rows[("month", today.strftime("%Y-%m"))]
    # a member invoice of 60.00 (credited in full) and a public one of 90.00
    assert (month["invoiced"], month["credited"], month["net"]) == (150, 60, 90)
    assert (rows[("rate", "member")]["net"], rows[("rate", "non_member")]["net"]) == (0, 90)
    assert rows[("rate", "member")]["credited"] == 60
    assert sum(r["net"] for g, r in rows.items() if g[0] == "category") == 90
    assert found.total["net"] == 90


def test_a_ten_year_report_from_the_installed_command(db_path, tmp_path):
    env = dict(os.environ, REGIE_LANG="en")
    out = tmp_path / "u.json"
    command = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]
    args = ["--db", str(db_path), "report", "utilisation", "--from", "2016-12-01"]
    done = subprocess.run(
        [*command, *args, "--to", "2026-11-30", "--format", "json", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(out.read_text(encoding="utf-8"))
    assert (shown["from"], shown["to"]) == ("2016-12-01", "2026-11-30")
    refused = subprocess.run(
        [*command, *args, "--to", "2027-06-01", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "ten years" in refused.stderr
