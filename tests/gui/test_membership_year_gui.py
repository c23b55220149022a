"""The customers screen gives a membership typed without dates the membership year's
default period (``memberships.year_start``): a new member from today to the end of the
season, a renewal from the day after the last membership; a "to" typed is kept."""

from __future__ import annotations

import pytest

from app.core import settings
from app.core.db import Database
from app.gui.bookings.customers_screen import CustomersScreen
from app.gui.shell.operations import Operations
from tests import factories

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def screen(qtbot, ops: Operations, db: Database) -> CustomersScreen:  # type: ignore[no-untyped-def]
    factories.customer(db, "Mairie de Saint-Agrève")
    with db.write() as uow:
        settings.set_setting(uow, settings.MEMBERSHIP_YEAR_START, "09-01")
    widget = CustomersScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def add(screen: CustomersScreen, number: str, start: str = "", end: str = "") -> None:
    screen.member_number.setText(number)
    screen.member_from.setText(start)
    screen.member_to.setText(end)
    screen.add_membership_button.click()


def test_a_membership_without_dates_takes_the_season(qtbot, screen: CustomersScreen) -> None:  # type: ignore[no-untyped-def]
    screen.select_customer(screen.model.id_at(0) or 0)
    add(screen, "S-99")  # today is 26/11/2026 (the tests' clock); seasons start 1 September
    assert screen.membership_rows() == [["S-99", "26/11/2026", "31/08/2027"]]
    add(screen, "S-99")  # renewed while it runs: the next season
    assert screen.membership_rows()[-1] == ["S-99", "01/09/2027", "31/08/2028"]
    add(screen, "S-99", end="31/12/2028")  # a "to" typed is kept
    assert screen.membership_rows()[-1] == ["S-99", "01/09/2028", "31/12/2028"]
    add(screen, "S-99", start="01/01/2029")  # a "from" typed alone: to its season's end
    assert screen.membership_rows()[-1] == ["S-99", "01/01/2029", "31/08/2029"]
