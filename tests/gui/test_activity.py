"""The Activity screen: the audit trail by person, record and days, newest first, with the
selected change before and after; refused plainly to someone who may not read it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from app.core.access import Actor, Role
from app.core.clock import Clock
from app.core.db import Database, UnitOfWork
from app.gui.shell import activity_view
from app.gui.shell.activity_view import ActivityDialog, open_activity
from app.gui.shell.chips import STATUS_ROLE
from app.gui.shell.operations import Operations
from inventory.models import ItemType
from tests import factories

ALICE = Actor("alice", Role.MANAGER, "bureau-1")
BOB = Actor("bob", Role.STAFF, "entrepot")


@pytest.fixture
def written(db: Database) -> int:
    """Alice creates then renames an item type; Bob creates another."""
    db.actor = ALICE
    item_id = factories.item(db, code="PAR-64", name="Projecteur PAR 64")
    with db.write() as uow:
        uow.row(ItemType, item_id).name = "Projecteur PAR 64 noir"
    db.actor = BOB
    factories.item(db, code="PAR-56", name="Projecteur PAR 56")
    db.actor = ALICE  # a manager reads the trail
    return item_id


def cells(dialog: ActivityDialog, column: int) -> list[str]:
    model = dialog.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_lists_every_change_newest_first_with_who_and_where(
    qtbot, ops: Operations, written: int
) -> None:
    dialog = ActivityDialog(ops)
    qtbot.addWidget(dialog)
    assert cells(dialog, 1) == ["bob", "alice", "alice"]
    assert cells(dialog, 2) == ["entrepot", "bureau-1", "bureau-1"]
    assert cells(dialog, 3) == ["created", "changed", "created"]
    assert dialog.model.index(1, 3).data(STATUS_ROLE) == "info"  # a chip's tone, and its words
    assert cells(dialog, 4)[1] == "Item type PAR-64"  # by its code, not its internal id
    assert "name: Projecteur PAR 64 → Projecteur PAR 64 noir" in cells(dialog, 5)[1]
    assert cells(dialog, 5)[2].startswith("code: PAR-64; name: Projecteur PAR 64;")
    assert dialog.status.text() == "3 changes recorded."


def test_filters_by_person_record_and_number(qtbot, ops: Operations, written: int) -> None:
    dialog = ActivityDialog(ops)
    qtbot.addWidget(dialog)
    people = [dialog.filters.person.itemText(i) for i in range(dialog.filters.person.count())]
    assert people == ["Everyone", "alice", "bob"]
    dialog.filters.person.setCurrentIndex(dialog.filters.person.findData("bob"))
    assert cells(dialog, 1) == ["bob"]
    dialog.filters.person.setCurrentIndex(0)
    dialog.filters.entity.setCurrentIndex(dialog.filters.entity.findData("item_type"))
    assert dialog.filters.entity.currentText() == "Item type"
    dialog.filters.entity_id.setText(str(written))
    assert cells(dialog, 3) == ["changed", "created"]
    dialog.filters.entity_id.setText("999999")
    assert dialog.model.rowCount() == 0
    assert dialog.empty.label.text().startswith("No recorded change matches")


def test_filters_by_days(qtbot, ops: Operations, written: int) -> None:
    dialog = ActivityDialog(ops)
    qtbot.addWidget(dialog)
    today = Clock().today()
    dialog.filters.date_from.setDate(today)
    dialog.filters.date_to.setDate(today)
    dialog.filters.dates.setChecked(True)
    assert dialog.model.rowCount() == 3
    yesterday = today - dt.timedelta(days=1)
    dialog.filters.date_from.setDate(yesterday - dt.timedelta(days=3))
    dialog.filters.date_to.setDate(yesterday)
    assert dialog.model.rowCount() == 0


def test_the_selected_change_shows_before_and_after(qtbot, ops: Operations, written: int) -> None:
    dialog = ActivityDialog(ops)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(1)
    detail = dialog.detail
    rows = [tuple(detail.item(r, c).text() for c in range(3)) for r in range(detail.rowCount())]
    assert rows == [
        ("internal id", str(written), str(written)),
        ("name", "Projecteur PAR 64", "Projecteur PAR 64 noir"),
    ]
    dialog.view.selectRow(2)  # the creation: no before
    assert detail.item(0, 1).text() == ""
    assert any(detail.item(r, 2).text() == "PAR-64" for r in range(detail.rowCount()))


def test_someone_who_may_not_read_it_gets_the_reason(
    qtbot, ops: Operations, written: int, db: Database
) -> None:
    db.actor = BOB
    dialog = ActivityDialog(ops)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert "bob (staff) may not" in dialog.status.text()


def test_a_write_elsewhere_in_the_window_refreshes_the_list(
    qtbot, ops: Operations, written: int
) -> None:
    dialog = ActivityDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def rename(uow: UnitOfWork) -> None:
        uow.row(ItemType, written).name = "Projecteur PAR 64 blanc"

    ops.write(rename)
    assert dialog.model.rowCount() == 4
    assert cells(dialog, 1)[0] == "alice"


def test_the_model_passes_qt_s_checks(qtmodeltester, ops: Operations, written: int) -> None:
    model = activity_view.ActivityModel(ops)
    model.set_ids([3, 2, 1])
    qtmodeltester.check(model)


def test_the_screen_opens_on_the_window_and_fits_a_laptop(
    qtbot, ops: Operations, written: int
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    dialog = open_activity(window, ops)
    qtbot.waitExposed(dialog)
    assert dialog.parent() is window
    assert not dialog.isModal()
    assert dialog.model.rowCount() == 3
    assert dialog.width() <= 1366
    assert dialog.height() <= 768
    assert dialog.minimumSizeHint().width() <= 1366
    dialog.close()
    qtbot.waitUntil(lambda: getattr(window, "_activity_dialog", None) is None)


def test_enter_on_a_change_shows_that_record_s_history(
    qtbot, ops: Operations, written: int
) -> None:
    dialog = ActivityDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.view.setFocus()
    dialog.view.setCurrentIndex(dialog.model.index(2, 0))  # Alice created PAR-64
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter follows the record; it closes nothing
    assert dialog.filters.entity.currentData() == "item_type"
    assert dialog.filters.entity_id.text() == str(written)
    assert cells(dialog, 3) == ["changed", "created"]


def test_more_than_the_list_holds_says_how_many_in_all(
    qtbot, ops: Operations, written: int, monkeypatch
) -> None:
    monkeypatch.setattr(activity_view, "MOST", 2)
    dialog = ActivityDialog(ops)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    assert dialog.status.text().startswith("The 2 most recent of 3 recorded changes are listed")


def test_columns_masks_and_records_read_as_people_say_them() -> None:
    from app.core.audit_queries import AuditRow
    from app.gui.shell.activity_labels import changes_summary, column_label, record_label, shown

    assert column_label("booking_id") == "booking"
    assert column_label("last_login_at") == "last login"
    assert column_label("weird_column") == "weird_column"
    assert (shown("(hidden)"), shown("(personal)"), shown(None)) == ("(hidden)", "(personal)", "—")
    at = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
    row = AuditRow(
        1,
        at,
        "admin",
        "",
        "account",
        "2",
        "update",
        {"id": 2},
        {"id": 2, "disabled": True},
        "alice",
    )
    assert record_label(row) == "Account alice"
    assert changes_summary(row) == "disabled: — → yes"
    row = AuditRow(2, at, "admin", "", "movement", "7", "insert", None, {"booking_id": 3})
    assert (record_label(row), changes_summary(row)) == ("Movement 7", "booking: 3")
