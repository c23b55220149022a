# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""The home screen: its counts are the services' (a booking leaving today, one due back
today, a late return, a shortage, an overdue inspection, an overdue invoice); a row opens
the screen that deals with it; it refreshes when something changes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from app.gui.reports.dashboard import Dashboard
from app.gui.shell.main import build_main_window
from app.gui.shell.operations import Operations
from booking import availability, desk
from inventory import catalogue, maintenance
from inventory.models import ItemType, Unit, UnitStatus
from invoicing import invoices, payments
from invoicing.dashboard import (
    late_returns,
    load_dashboard,
    overdue_inspections,
    pickups,
    returns_due,
)
from invoicing.render import render
from tests import factories
from tests.invoicing.conftest import USER, book, coop  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


def at(day: str, hour: int = 10) -> FixedClock:
    return FixedClock(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=PARIS))


def lyres(db: Database) -> list[str]:
    with db.read() as uow:
        query = (
            select(Unit.barcode)
            .join(ItemType, ItemType.id == Unit.item_type_id)
            .where(ItemType.code == "LYRE")
            .order_by(Unit.barcode)
        )
        return list(uow.session.exec(query))


def check_out(db: Database, reference: str, barcode: str, day: str) -> None:
    with db.write() as uow:
        result = desk.check_out(uow, user=USER, reference=reference, code=barcode, clock=at(day, 9))
        assert result.ok, result


@pytest.fixture
def today_data(coop: Database) -> dict[str, str]:
    """On 26/11/2026 at 10:00: R-pick leaves at 14:00; R-back (out) is due back at 18:00;
    R-late (out) was due back on 25/11; R-dec holds 4 of the 6 LYRE from 01/12 while 3 are
    retired (a shortage); a PAR-64 unit's yearly inspection is overdue; C-MEM's invoice
    (due 11/11) is unpaid."""
    early = at("2026-09-01")
    units = lyres(coop)
    pick = book(
        coop, early, "C-PUB", {"LYRE": 1}, "2026-11-26T14:00", "2026-11-28T18:00", None, None
    )
    back = book(
        coop, early, "C-PUB", {"LYRE": 1}, "2026-11-24T09:00", "2026-11-26T18:00", None, None
    )
    late = book(
        coop, early, "C-MEM", {"LYRE": 1}, "2026-11-20T09:00", "2026-11-25T18:00", None, None
    )
    check_out(coop, back, units[0], "2026-11-24")
    check_out(coop, late, units[1], "2026-11-20")
    dec = book(coop, early, "C-PUB", {"LYRE": 4})
    old = book(
        coop,
        early,
        "C-MEM",
        {"LYRE": 1},
        "2026-10-09T09:00",
        "2026-10-11T09:00",
        "2026-10-10T08:00",
        "2026-10-10T23:00",
    )
    with coop.write() as uow:
        invoice = invoices.issue_invoice(  # the real renderer: the invoices screen shows it
            uow, user=USER, reference=old, clock=at("2026-10-12"), renderer=render
        ).number
    with coop.write() as uow:
        for barcode in units[3:6]:
            catalogue.set_status(
                uow,
                user=USER,
                barcode=barcode,
                status=UnitStatus.RETIRED,
                note="worn",
                clock=early,
            )
    par = factories.item(coop, "PAR-64", "Projecteur PAR 64")
    with coop.write() as uow:
        maintenance.add_schedule(
            uow,
            user=USER,
            item_type_id=par,
            name="Contrôle annuel",
            interval_months=12,
            clock=early,
        )
    factories.unit(coop, early, "PAR-64", barcode="LUM-06401", purchase_date=dt.date(2025, 3, 1))
    return {"pick": pick, "back": back, "late": late, "dec": dec, "invoice": invoice}


@pytest.fixture
def home(qtbot, ops: Operations, today_data: dict[str, str]) -> Dashboard:  # type: ignore[no-untyped-def]
    widget = Dashboard(ops)
    qtbot.addWidget(widget)
    widget.resize(1130, 760)
    widget.show()  # the data is read when shown
    return widget


def test_counts_match_the_services(
    home: Dashboard, coop: Database, clock, today_data: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime(2026, 11, 26, 10, 0)
    with coop.read() as uow:
        expected = {
            "pickups": [b.reference for b in pickups(uow, clock)],
            "returns": [b.reference for b in returns_due(uow, clock)],
            "late": [b.reference for b in late_returns(uow, clock)],
            "shortages": availability.shortages(uow, now, now + dt.timedelta(days=14), now=now),
            "inspections": overdue_inspections(uow, clock.today()),
            "invoices": [b.number for b in payments.overdue_invoices(uow, clock.today())],
        }
    assert expected["pickups"] == [today_data["pick"]]
    assert expected["returns"] == [today_data["back"]]
    assert expected["late"] == [today_data["late"]]
    assert [s.code for s in expected["shortages"]] == ["LYRE"]
    assert [row[0] for row in expected["inspections"]] == ["LUM-06401"]
    assert expected["invoices"] == [today_data["invoice"]]
    assert home.counts() == {key: len(found) for key, found in expected.items()}
    assert home.counts() == {
        "pickups": 1,
        "returns": 1,
        "late": 1,
        "shortages": 1,
        "inspections": 1,
        "invoices": 1,
    }
    panel = home.panels["pickups"].list
    assert panel.topLevelItem(0).text(0) == "14:00"
    assert panel.topLevelItem(0).text(1) == today_data["pick"]
    assert "Compagnie du Rocher" in panel.topLevelItem(0).text(2)
    late = home.panels["late"].list.topLevelItem(0)
    assert late.text(0) == "25/11/2026 18:00" and late.text(1) == today_data["late"]
    invoice = home.panels["invoices"].list.topLevelItem(0)
    assert invoice.text(1) == today_data["invoice"] and invoice.text(3) == "€36.00"
    assert "€36.00 overdue in all" in home.panels["invoices"].note.text()
    shortage = home.panels["shortages"].list.topLevelItem(0)
    assert shortage.text(0) == "01/12/2026" and "LYRE" in shortage.text(1)
    assert "26 November 2026" in home.heading.text()


def test_an_empty_database_shows_quiet_panels(qtbot, ops: Operations) -> None:  # type: ignore[no-untyped-def]
    widget = Dashboard(ops)
    qtbot.addWidget(widget)
    assert widget.data is None  # nothing read before it is shown
    widget.show()
    assert set(widget.counts().values()) == {0}
    assert widget.panels["pickups"].shown == 0
    empty = widget.panels["pickups"].empty.label  # a sentence over the list, not a row
    assert empty.isVisible() and empty.text() == "Nothing today."


def test_refreshes_when_something_changes(
    home: Dashboard, coop: Database, today_data: dict[str, str]
) -> None:
    with coop.write() as uow:
        payments.add_payment(
            uow,
            user=USER,
            invoice_number=today_data["invoice"],
            amount="36.00",
            method="virement",
            clock=at("2026-11-26"),
        )
    assert home.counts()["invoices"] == 1  # not told yet
    home.ops.changed.emit("invoices")
    assert home.counts()["invoices"] == 0


def test_enter_on_a_row_opens_its_screen(
    qtbot, ops: Operations, today_data: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window = build_main_window(ops)
    qtbot.addWidget(window)
    window.show()
    assert window.current_area() == "dashboard"
    home = window.screens["dashboard"]
    assert isinstance(home, Dashboard)
    invoices_list = home.panels["invoices"].list
    invoices_list.setFocus()
    invoices_list.setCurrentItem(invoices_list.topLevelItem(0))
    qtbot.keyClick(invoices_list, Qt.Key.Key_Return)
    assert window.current_area() == "invoices"
    screen = window.screens["invoices"]
    assert screen.selected is not None and screen.selected.number == today_data["invoice"]  # type: ignore[attr-defined]
    window.show_area("dashboard")
    late = home.panels["late"].list
    late.itemActivated.emit(late.topLevelItem(0), 0)
    assert window.current_area() == "bookings"
    assert window.screens["bookings"].selected_row().reference == today_data["late"]  # type: ignore[attr-defined]
    window.show_area("dashboard")
    spare = home.panels["inspections"].list
    spare.itemActivated.emit(spare.topLevelItem(0), 0)
    assert window.current_area() == "inventory"
    assert window.screens["inventory"].search_box.text() == "LUM-06401"  # type: ignore[attr-defined]


def test_load_dashboard_reads_everything_in_one_go(coop: Database, clock, today_data) -> None:  # type: ignore[no-untyped-def]
    with coop.read() as uow:
        data = load_dashboard(uow, clock)
    assert data.today == dt.date(2026, 11, 26)
    assert data.invoices.total_cents == 3600
    assert data.shortages.lines[0].figure == data.shortages.lines[0].figure  # a number


def test_each_panel_is_a_card_with_its_count_as_the_key_figure(home: Dashboard) -> None:
    from app.gui.shell import style

    late = home.panels["late"]
    assert late.property("role") == "card"
    assert late.count_label.property("role") == "display"
    assert late.count_label.text() == "1"
    assert style.palette().danger in late.count_label.styleSheet()  # a problem to see to
    pickups = home.panels["pickups"]
    assert style.palette().danger not in pickups.count_label.styleSheet()  # work, not alarm
    assert not pickups.icon.pixmap().isNull()
    assert home.heading.property("role") == "title"
