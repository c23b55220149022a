"""The damage charge dialog (issue 11): the booking's own item types to choose from (the
one with damaged pieces not yet charged first), a refusal shown next to its field with
nothing written, a charge recorded from the keyboard and then on the booking's next
invoice; the dialog fits a 1366x768 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.gui.bookings.damage_dialog import DamageChargeDialog
from app.gui.shell.operations import Operations
from booking import desk
from booking.models import Condition
from invoicing import charges, invoices
from tests.invoicing.cli_helpers import BACK_CLOCK, OUT_CLOCK
from tests.invoicing.conftest import USER, book, coop  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


@pytest.fixture
def returned(coop, clock) -> str:  # noqa: F811
    """A booking of 2 lyres and gaffer tape; the lyres back, one damaged."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 2, "GAFFER": 3})
    from sqlmodel import select

    from inventory.models import Unit

    with coop.read() as uow:
        codes = [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))][:2]
    with coop.write() as uow:
        for code in codes:
            assert desk.check_out(uow, user=USER, reference=ref, code=code, clock=OUT_CLOCK).ok
    with coop.write() as uow:
        desk.check_in(uow, user=USER, code=codes[0], condition=Condition.DAMAGED, clock=BACK_CLOCK)
        desk.check_in(uow, user=USER, code=codes[1], clock=BACK_CLOCK)
    return ref


def recorded(ops: Operations, ref: str) -> list[charges.DamageRow]:
    with ops.ctx.db.read() as uow:
        return charges.damage_charges(uow, ref)


def test_the_choices_are_the_bookings_types_and_a_refusal_writes_nothing(
    qtbot, ops: Operations, returned: str
) -> None:
    dialog = DamageChargeDialog(ops, returned)
    qtbot.addWidget(dialog)
    texts = [dialog.item.itemText(i) for i in range(dialog.item.count())]
    assert texts == ["Lyre wash LED (LYRE)", "Gaffer noir 50 mm (GAFFER)"]
    assert "Came back damaged: 1; already charged: 0." in dialog.state.text()
    assert dialog.quantity.value() == 1 and dialog.save_button.isEnabled()
    dialog.amount.setText("12,345")
    dialog.save()
    error = dialog.fields.errors["amount"]
    assert not error.isHidden() and "12,345" in error.text()
    assert dialog.saved is None and recorded(ops, returned) == []
    dialog.item.setCurrentIndex(1)  # the tape came back without damage
    dialog.amount.setText("10")
    dialog.save()
    assert "No piece of Gaffer noir 50 mm (GAFFER) came back damaged" in dialog.message.text()
    assert recorded(ops, returned) == []


def test_a_charge_typed_from_the_keyboard_goes_on_the_next_invoice(
    qtbot, ops: Operations, returned: str
) -> None:
    dialog = DamageChargeDialog(ops, returned)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 700
    assert dialog.focusWidget() is dialog.item
    qtbot.keyClick(dialog.item, Qt.Key.Key_Tab)  # pieces
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # amount
    assert dialog.focusWidget() is dialog.amount
    qtbot.keyClicks(dialog.amount, "85,50")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.description, "pied tordu")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.result() == dialog.DialogCode.Accepted
    [row] = recorded(ops, returned)
    assert (row.code, row.quantity, row.amount_cents, row.description, row.recorded_by) == (
        "LYRE",
        1,
        8550,
        "pied tordu",
        "tester",
    )
    with ops.ctx.db.read() as uow:
        draft = invoices.draft_invoice(uow, returned, ops.ctx.clock, damage_only=True)
    assert [ln.description for ln in draft.lines] == ["Lyre wash LED — dommage : pied tordu"]
    # a second dialog: the piece is charged, nothing left
    again = DamageChargeDialog(ops, returned)
    qtbot.addWidget(again)
    again.item.setCurrentIndex(again.item.findData("LYRE"))
    assert "already charged: 1." in again.state.text()
