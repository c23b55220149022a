"""The pricing screen's rules page sets how late returns are charged: the day rate (the
default), a fee per piece and per late day, or nothing; a bad fee is refused next to its
field and nothing is written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.db import Database
from app.gui.invoicing.pricing_screen import PricingScreen
from app.gui.shell.operations import Operations
from invoicing import pricing_setup, rates
from invoicing.pricing import LateCharge, LateRule

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, ops: Operations):  # type: ignore[no-untyped-def]
    screen = PricingScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    return screen, screen.rules_page


def test_the_late_rule_is_shown_saved_and_refused(page, db: Database) -> None:
    screen, rules = page
    assert rules.late.currentData() == "rate" and not rules.late_fee.isEnabled()
    assert rules.late.accessibleName()
    rules.late.setCurrentIndex(rules.late.findData("fee"))
    assert rules.late_fee.isEnabled()
    rules.late_fee.setText("0")
    rules.save_rules()
    assert rules.late_fee.property("invalid") is True
    assert "more than zero" in rules.rules_fields.error_text("late fee")
    rules.late_fee.setText("quinze")
    rules.save_rules()
    assert rules.late_fee.property("invalid") is True
    with db.read() as uow:
        assert rates.late_rule(uow).charge is LateCharge.RATE  # nothing written
    rules.late_fee.setText("12,50")
    rules.save_rules()
    assert "Rules saved" in screen.feedback.text()
    with db.read() as uow:
        assert rates.late_rule(uow) == LateRule(LateCharge.FEE, Decimal("12.50"))
    screen.reload()  # read back as stored
    assert rules.late.currentData() == "fee" and rules.late_fee.text() == "12.50"
    rules.late.setCurrentIndex(rules.late.findData("none"))
    rules.save_rules()
    with db.read() as uow:
        assert rates.late_rule(uow) == LateRule(LateCharge.NONE, Decimal("12.50"))  # fee kept


def test_parse_rules_reads_the_late_rule_when_given() -> None:
    raw = {
        "weekend": True,
        "out_from": "14:00",
        "back_by": "10:00",
        "minimum": "0",
        "payment_days": "30",
        "quote_days": "30",
        "vat": "20",
    }
    assert pricing_setup.parse_rules(raw).late is None  # not given: left as stored
    rules = pricing_setup.parse_rules({**raw, "late": "fee", "late_fee": "7,5"})
    assert rules.late == LateRule(LateCharge.FEE, Decimal("7.50"))
