"""The pricing screen: coefficient tables and families, the weekend rule and terms, price
categories; every refusal explained with nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from sqlalchemy import func
from sqlmodel import select

from app.core.db import Database
from app.gui.invoicing.pricing_screen import BUILT_IN, PricingScreen
from app.gui.shell.operations import Operations
from invoicing import rates
from invoicing.models import CoefficientTable, CustomerPriceCategory, FamilyCoefficient
from tests import factories

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def screen(qtbot, ops: Operations) -> PricingScreen:  # type: ignore[no-untyped-def]
    widget = PricingScreen(ops)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def count(db: Database, model: type) -> int:
    with db.read() as uow:
        return uow.session.exec(select(func.count()).select_from(model)).one()


def set_steps(screen: PricingScreen, rows: list[tuple[str, str]]) -> None:
    screen.steps.setRowCount(0)
    for days, coefficient in rows:
        screen.add_step(days, coefficient)


def test_the_standard_table_is_shown_and_saved_again(screen: PricingScreen, db: Database) -> None:
    assert screen.table_name.text() == BUILT_IN
    assert screen.steps.rowCount() == 30
    assert screen.steps.item(1, 1).text() == "1.5"
    screen.save_table()
    with db.read() as uow:
        table = rates.coefficient_table(uow, BUILT_IN)
        assert table.is_default
        steps = rates._steps(uow, table.id or 0).steps
    assert steps[2] == (3, Decimal(2)) and len(steps) == 30


def test_a_new_table_and_a_family_using_it(screen: PricingScreen, db: Database) -> None:
    screen.new_table()
    screen.table_name.setText("Son")
    set_steps(screen, [("1", "1"), ("2", "1,8"), ("7", "4")])
    screen.save_table()
    assert "Son saved" in screen.feedback.text()
    combo = screen.family_combos["sound"]
    combo.setCurrentIndex(combo.findData("Son"))
    screen.save_families()
    with db.read() as uow:
        row = uow.session.get(FamilyCoefficient, "sound")
        coefficients = rates.coefficients_for(uow, 0, "sound")
    assert row is not None
    assert coefficients.steps == ((1, Decimal(1)), (2, Decimal("1.8")), (7, Decimal(4)))


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("2", "1.5")], "coefficient of 1 day"),
        ([("1", "1"), ("1", "2")], "gives 1 days twice"),
        ([("1", "1"), ("x", "2")], "not a whole number"),
        ([("1", "1"), ("2", "-3")], "above 0"),
        ([("1", "1"), ("2", "")], "cannot be empty"),
    ],
)
def test_a_bad_table_is_refused_and_nothing_written(
    screen: PricingScreen, db: Database, rows: list[tuple[str, str]], message: str
) -> None:
    before = count(db, CoefficientTable)
    screen.new_table()
    screen.table_name.setText("Lumière")
    set_steps(screen, rows)
    screen.save_table()
    assert screen.steps.property("invalid") is True
    shown = screen.table_fields.error_text("days") + screen.table_fields.error_text("coefficient")
    assert message in shown
    assert count(db, CoefficientTable) == before


def test_a_table_needs_a_name(screen: PricingScreen, db: Database) -> None:
    before = count(db, CoefficientTable)
    screen.new_table()
    screen.save_table()
    assert screen.table_name.property("invalid") is True
    assert count(db, CoefficientTable) == before


def test_rules_saved_and_refused(screen: PricingScreen, db: Database) -> None:
    screen.out_from.setText("14h")
    screen.save_rules()
    assert screen.out_from.property("invalid") is True
    assert "is not a time of day" in screen.rules_fields.error_text("out from")
    screen.out_from.setText("14:00")
    screen.vat.setText("250")
    screen.save_rules()
    assert screen.vat.property("invalid") is True
    screen.vat.setText("20")
    screen.payment_days.setText("-1")
    screen.save_rules()
    assert screen.payment_days.property("invalid") is True
    with db.read() as uow:
        assert rates.weekend_rule(uow).out_from.hour == 12  # nothing written
    screen.payment_days.setText("45")
    screen.minimum.setText("25,50")
    screen.quote_days.setText("15")
    screen.weekend.setChecked(False)
    screen.save_rules()
    assert "Rules saved" in screen.feedback.text()
    with db.read() as uow:
        rule = rates.weekend_rule(uow)
        assert (rule.enabled, rule.out_from.hour) == (False, 14)
        assert rates.payment_days(uow) == 45 and rates.quote_validity_days(uow) == 15
        assert rates.minimum_charge(uow) == Decimal("25.50")
        assert rates.default_vat(uow) == Decimal("20.00")


def test_price_categories_and_their_customers(screen: PricingScreen, db: Database) -> None:
    number = factories.customer(db, "Mairie de Brives")
    screen.reload()
    screen.category_code.setText("COMMUNES")
    screen.category_name.setText("Communes partenaires")
    screen.add_category()
    assert screen.category_tree.topLevelItemCount() == 1
    screen.category_code.setText("COMMUNES")
    screen.category_name.setText("Encore")
    screen.add_category()
    assert screen.category_code.property("invalid") is True  # already exists
    screen.assign_customer.setCurrentIndex(screen.assign_customer.findData(number))
    screen.assign_category.setCurrentIndex(screen.assign_category.findData("COMMUNES"))
    screen.assign()
    assert count(db, CustomerPriceCategory) == 1
    top = screen.category_tree.topLevelItem(0)
    assert top.childCount() == 1 and top.child(0).text(1) == number
    screen.assign_customer.setEditText("Personne")
    screen.assign()
    assert "Choose the customer" in screen.category_message.text()


def test_steps_can_be_typed(screen: PricingScreen) -> None:
    screen.new_table()
    screen.add_step()
    screen.steps.setItem(1, 0, QTableWidgetItem("3"))
    screen.steps.setItem(1, 1, QTableWidgetItem("2"))
    assert screen.step_texts() == [("1", "1"), ("3", "2")]
    screen.steps.setCurrentCell(1, 0)
    screen.remove_step()
    assert screen.steps.rowCount() == 1


def test_no_price_category_says_what_to_do(screen: PricingScreen) -> None:
    screen.tabs.setCurrentWidget(screen.categories_page)
    empty = screen.categories_page.empty.label
    assert screen.category_tree.topLevelItemCount() == 0
    assert empty.isVisible() and "Add one on the right" in empty.text()
    screen.category_code.setText("COMMUNES")
    screen.category_name.setText("Communes partenaires")
    screen.add_category()
    assert screen.category_tree.topLevelItemCount() == 1 and not empty.isVisible()


def test_every_field_and_list_has_a_name_for_screen_readers(screen: PricingScreen) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QTableWidget, QTreeWidget

    for kind in (QLineEdit, QComboBox, QListWidget, QTableWidget, QTreeWidget):
        for widget in screen.findChildren(kind):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
                continue  # an editable combo box's line: the combo box is named
            assert widget.accessibleName(), widget
