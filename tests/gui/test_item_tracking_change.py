"""The item type dialog refuses a change between bulk and serialized while bookings hold the
type (the sentence names them) or while it still counts bulk stock; nothing is written."""

from __future__ import annotations

import sqlite3

import pytest

from app.gui.catalogue.item_type_dialog import ItemTypeDialog, item_type_raw
from inventory import catalogue_views
from tests import factories

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def dump(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def dialog_for(qtbot, ops, db, item_id: int) -> ItemTypeDialog:
    with db.read() as uow:
        raw = item_type_raw(catalogue_views.item_type_values(uow, item_id))
    dialog = ItemTypeDialog(ops, None, item_id, raw)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tracking.setCurrentIndex(dialog.tracking.findData("serialized"))
    return dialog


def test_a_booked_bulk_type_stays_bulk(qtbot, ops, db, db_path, clock):
    item_id = factories.bulk(db, quantity=10)
    number = factories.customer(db)
    ref = factories.booking(
        db, clock, number, "2026-12-01T09:00", "2026-12-05T18:00", {"DMX-10": 4}
    )
    dialog = dialog_for(qtbot, ops, db, item_id)
    before = dump(db_path)
    assert dialog.save() is False
    assert f"is booked or out on {ref}" in dialog.message.text()
    assert dialog.isVisible() and dump(db_path) == before


def test_a_bulk_type_with_stock_says_what_to_do_first(qtbot, ops, db, db_path):
    item_id = factories.bulk(db, quantity=40, barcode="CAB-DMX10")
    dialog = dialog_for(qtbot, ops, db, item_id)
    before = dump(db_path)
    assert dialog.save() is False
    assert "still counts 40 in bulk stock: set its stock quantity to 0 first" in (
        dialog.message.text() + dialog.fields.error_text("tracking")
    )
    assert dump(db_path) == before
