"""The item type form's VAT exemption: shown, saved, cleared; a word without an article is
refused beside the field and nothing is written."""

from __future__ import annotations

from app.gui.catalogue.item_type_dialog import ItemTypeDialog, item_type_raw
from inventory import catalogue_views
from invoicing import item_rates, rates
from tests import factories

ARTICLE = "article 261-4-4° a du CGI"


def open_dialog(qtbot, ops, db, item_id):  # type: ignore[no-untyped-def]
    with db.read() as uow:
        raw = item_type_raw(catalogue_views.item_type_values(uow, item_id))
    dialog = ItemTypeDialog(ops, None, item_id, raw)
    qtbot.addWidget(dialog)
    return dialog


def exemption(db, item_id) -> str:  # type: ignore[no-untyped-def]
    with db.read() as uow:
        return item_rates.item_rates(uow, item_id).exemption


def test_the_form_sets_and_clears_the_exemption(qtbot, ops, db) -> None:  # type: ignore[no-untyped-def]
    item_id = factories.item(db, "PAR64", "Projecteur PAR 64")
    with db.write() as uow:
        rates.set_item_rate(
            uow, user="t", item_code="PAR64", member_day="10.00", non_member_day="15.00"
        )
    dialog = open_dialog(qtbot, ops, db, item_id)
    assert dialog.vat_exemption.text() == ""
    dialog.vat_exemption.setText(ARTICLE)
    assert dialog.save() is True
    assert exemption(db, item_id) == ARTICLE
    dialog = open_dialog(qtbot, ops, db, item_id)
    assert dialog.vat_exemption.text() == ARTICLE
    dialog.vat_exemption.setText("exonéré")
    assert dialog.save() is False
    assert dialog.fields.error_text("VAT exemption")
    assert exemption(db, item_id) == ARTICLE
    dialog.vat_exemption.setText("")
    assert dialog.save() is True
    assert exemption(db, item_id) == ""
