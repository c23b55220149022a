"""The pricing screen's rules page sets the VAT of damage and loss charges: "VAT 20 %"
(the default) or outside the scope of VAT (indemnity), read back as stored."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.db import Database
from app.gui.invoicing.pricing_screen import PricingScreen
from app.gui.shell.operations import Operations
from invoicing import rates
from invoicing.document import VatCategory
from invoicing.pricing import VatSpec

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

S20 = VatSpec(VatCategory.STANDARD, Decimal("20.00"))
OUT = VatSpec(VatCategory.OUT_OF_SCOPE, Decimal("0.00"))


def test_the_rules_page_sets_it(qtbot, ops: Operations, db: Database) -> None:
    screen = PricingScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    rules = screen.rules_page
    combo = rules.damage_vat
    assert combo.currentData() == "S" and combo.currentText() == "VAT 20 %"
    assert combo.accessibleName()
    combo.setCurrentIndex(combo.findData("O"))
    rules.save_rules()
    assert "Rules saved" in screen.feedback.text()
    with db.read() as uow:
        assert rates.damage_vat(uow) == OUT
    screen.reload()
    assert rules.damage_vat.currentData() == "O"
    assert rules.damage_vat.itemText(0) == "VAT 20 %"
    rules.damage_vat.setCurrentIndex(0)
    rules.save_rules()
    with db.read() as uow:
        assert rates.damage_vat(uow) == S20
