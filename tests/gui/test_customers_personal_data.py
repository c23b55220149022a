"""The customers screen's personal-data actions (RGPD): export the selected customer's data
to a JSON file; anonymise it after a confirmation (Cancel changes nothing); both greyed out,
with a reason, for anyone but an administrator."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core.access import Actor, Role
from app.gui.bookings import customers_personal
from app.gui.bookings.customers_screen import CustomersScreen
from booking import customers
from tests import factories

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def screen(qtbot, ops, db):
    number = factories.customer(db, "Compagnie du Rocher")
    with db.write() as uow:
        cid = customers.customer_id_of(uow, number)
        customers.add_contact(uow, user="t", customer_id=cid, name="Jeanne Martin")
    widget = CustomersScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.view.selectRow(0)
    return widget


def name_of(db) -> str:
    with db.read() as uow:
        return customers.customer_fields(uow, customers.search_customers(uow)[0])["name"]


def test_export_writes_the_file_chosen(screen, monkeypatch, tmp_path):
    target = tmp_path / "rocher.json"
    monkeypatch.setattr(customers_personal.files, "save_file_name", lambda *a: str(target))
    assert screen.personal.export_action.isEnabled()
    screen.personal.export_action.trigger()
    found = json.loads(target.read_text("utf-8"))
    assert found["customer"]["name"] == "Compagnie du Rocher"
    assert [c["name"] for c in found["contacts"]] == ["Jeanne Martin"]
    assert str(target) in screen.feedback.text()


def answer(screen: CustomersScreen, anonymise: bool) -> None:
    box = screen.personal.box
    assert box is not None and "cannot be undone" in box.text()
    if anonymise:
        (button,) = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        ]
    else:
        button = box.button(QMessageBox.StandardButton.Cancel)
    button.click()


def test_anonymise_asks_first_then_erases(screen, db):
    screen.personal.anonymise_action.trigger()
    answer(screen, anonymise=False)
    assert name_of(db) == "Compagnie du Rocher"
    screen.personal.anonymise_action.trigger()
    answer(screen, anonymise=True)
    assert name_of(db) == "Anonymisé 1001"
    assert screen.title.text() == "Anonymisé 1001"
    assert screen.contact_rows() == []


def test_only_an_administrator_gets_the_actions(qtbot, ops, db):
    factories.customer(db, "Compagnie du Rocher")
    db.actor = Actor("sam", Role.MANAGER)
    widget = CustomersScreen(ops)
    qtbot.addWidget(widget)
    widget.view.selectRow(0)
    for action in (widget.personal.export_action, widget.personal.anonymise_action):
        assert not action.isEnabled()
        assert "administrator" in action.toolTip()
