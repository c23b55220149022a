"""The GUI's amount fields go through the strict parser: a payment typed "1 234,50" or
"12.345" is refused with the sentence naming why and how to write it, the field marked,
nothing recorded; the proposed balance is written as the parser reads it back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.db import Database
from app.gui.invoicing.invoices_screen import InvoicesScreen
from invoicing.models import Payment
from tests.gui import test_invoices_gui
from tests.gui.test_invoices_gui import count
from tests.invoicing import conftest as invoicing_fixtures

coop = invoicing_fixtures.coop  # the fixtures: the cooperative, an issued invoice, the screen
issued = test_invoices_gui.issued
screen = test_invoices_gui.screen


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("1 234,50", "no spaces or thousands separators"),
        ("1.234,50", "no spaces or thousands separators"),
        ("12.345", "at most two decimals"),
        ("1e3", "no exponent"),
        ("\uff11\uff12", "use the digits 0 to 9"),
    ],
)
def test_payment_amount_is_read_strictly(
    qtbot, screen: InvoicesScreen, coop: Database, typed: str, why: str
) -> None:
    dialog = screen.record_payment()
    assert dialog is not None
    dialog.show()  # as people see it: a longer message makes the dialog grow
    qtbot.waitExposed(dialog)
    dialog.amount.setText(typed)
    assert dialog.save() is False
    assert dialog.amount.property("invalid") is True
    shown = dialog.fields.errors["amount"].text()  # under the field
    assert why in shown and "1234.50 or 1234,50" in shown and repr(typed) in shown
    assert count(coop, Payment) == 0
    assert dialog.height() >= dialog.sizeHint().height()  # nothing hidden behind a scroll
    shot = os.environ.get("REGIE_SHOT_DIR")
    if shot:  # for a person to look at: REGIE_SHOT_DIR=/tmp/x pytest ...
        qtbot.wait(50)
        dialog.grab().save(str(Path(shot) / f"payment-{len(typed)}.png"))
    dialog.amount.setText("100,50")
    assert dialog.save() is True
    assert count(coop, Payment) == 1
