"""The customer dialog's country (French names, found by typing), SIREN, public buyer and
Chorus Pro service code; the detail panel shows them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlmodel import select

from app.core.db import Database
from app.gui.bookings.customers_screen import CustomerDialog, CustomersScreen
from app.gui.shell.operations import Operations
from booking.models import Customer
from tests import factories
from tests.gui.test_customers import snapshot

#: The country completer's popup under the offscreen platform.
pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)


@pytest.fixture
def screen(qtbot, ops: Operations, db: Database) -> CustomersScreen:  # type: ignore[no-untyped-def]
    factories.customer(db, "Compagnie du Rocher")
    widget = CustomersScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def new_dialog(screen: CustomersScreen) -> CustomerDialog:
    screen.new_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, CustomerDialog)
    return dialog


def stored(db: Database, name: str) -> Customer:
    with db.read() as uow:
        return uow.session.exec(select(Customer).where(Customer.name == name)).one()


def test_a_belgian_company_typed_by_its_french_name(qtbot, screen, db) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(screen)
    assert dialog.country.code() == "FR"
    dialog.name.setText("Théâtre de la Monnaie")
    dialog.country.lineEdit().clear()
    qtbot.keyClicks(dialog.country.lineEdit(), "Belgique")
    assert dialog.country.code() == "BE"
    dialog.vat.setText("BE 0403.019.261")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert screen.dialog is None
    created = stored(db, "Théâtre de la Monnaie")
    assert (created.country, created.vat_number, created.siren) == ("BE", "BE0403019261", "")
    assert "Belgique" in screen.facts.text()


def test_the_country_list_is_searched_by_any_part_of_a_name(screen) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(screen)
    completer = dialog.country.completer()
    completer.setCompletionPrefix("allem")
    assert completer.currentCompletion() == "Allemagne (DE)"
    completer.setCompletionPrefix("suisse")
    assert completer.currentCompletion() == "Suisse (CH)"
    dialog.reject()


@pytest.mark.parametrize(
    ("country", "widget", "text", "field"),
    [
        ("Atlantide", None, "", "country"),
        ("Allemagne", "vat", "BE0403019261", "VAT number"),
        ("Allemagne", "siren", "732829320", "SIREN"),
    ],
)
def test_a_wrong_country_or_identifier_is_highlighted_and_nothing_saved(  # type: ignore[no-untyped-def]
    qtbot, screen, db, country, widget, text, field
) -> None:
    dialog = new_dialog(screen)
    dialog.name.setText("GmbH")
    dialog.country.lineEdit().clear()
    qtbot.keyClicks(dialog.country.lineEdit(), country)
    if widget:
        getattr(dialog, widget).setText(text)
    assert dialog.save() is False
    assert dialog.fields.error_text(field)
    with db.read() as uow:
        assert uow.session.exec(select(Customer).where(Customer.name == "GmbH")).first() is None
    dialog.reject()


def test_a_public_buyer_and_its_service_code(qtbot, screen, db) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(screen)
    dialog.name.setText("Commune de Polignac")
    assert not dialog.public_buyer.isChecked() and not dialog.service_code.isEnabled()
    dialog.category.setCurrentIndex(dialog.category.findData("commune"))
    # a commune is a public buyer by default
    assert dialog.public_buyer.isChecked() and dialog.service_code.isEnabled()
    dialog.service_code.setText("SERV-CULTURE")
    # Chorus Pro knows the buyer by its SIRET
    before = snapshot(db)
    assert dialog.save() is False
    assert "needs its SIRET" in dialog.fields.error_text("SIRET")
    assert snapshot(db) == before
    dialog.siret.setText("73282932000074")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    created = stored(db, "Commune de Polignac")
    assert (created.public_buyer, created.service_code) == (True, "SERV-CULTURE")
    facts = screen.facts.text()
    assert "Public buyer (Chorus Pro)" in facts and "SERV-CULTURE" in facts
    # Editing keeps them.
    screen.edit_action.trigger()
    editor = screen.dialog
    assert isinstance(editor, CustomerDialog)
    assert editor.public_buyer.isChecked() and editor.service_code.text() == "SERV-CULTURE"
    assert editor.country.code() == "FR"
    editor.reject()


def test_a_commune_may_be_unticked_and_loses_its_service_code(qtbot, screen, db) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(screen)
    dialog.name.setText("Régie des fêtes")
    dialog.category.setCurrentIndex(dialog.category.findData("commune"))
    dialog.category.setCurrentIndex(dialog.category.findData("company"))
    assert not dialog.public_buyer.isChecked()  # the tick Commune gave goes with it
    dialog.category.setCurrentIndex(dialog.category.findData("commune"))
    assert dialog.public_buyer.isChecked()
    dialog.service_code.setText("SERV")
    dialog.public_buyer.click()  # the user unticks it
    assert not dialog.service_code.isEnabled()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    created = stored(db, "Régie des fêtes")
    assert (created.category, created.public_buyer, created.service_code) == (
        "commune",
        False,
        "",
    )


def test_a_person_has_no_business_identifiers(qtbot, screen, db) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(screen)
    identifiers = (dialog.siret, dialog.siren, dialog.vat, dialog.public_buyer)
    assert all(w.isEnabled() for w in identifiers)
    dialog.name.setText("Jeanne Martin")
    dialog.siret.setText("73282932000074")
    dialog.category.setCurrentIndex(dialog.category.findData("individual"))
    assert not any(w.isEnabled() for w in identifiers)
    assert not dialog.service_code.isEnabled()
    dialog.category.setCurrentIndex(dialog.category.findData("association"))
    assert all(w.isEnabled() for w in identifiers)
    dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
    assert not any(w.isEnabled() for w in identifiers)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    created = stored(db, "Jeanne Martin")
    assert (created.kind, created.siret, created.siren) == ("person", "", "")


def test_a_siret_already_known_is_refused(qtbot, screen, db) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(screen)
    dialog.name.setText("Ville")
    dialog.siret.setText("73282932000074")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    dialog = new_dialog(screen)
    dialog.name.setText("Ville encore")
    dialog.siret.setText("732 829 320 00074")
    before = snapshot(db)
    assert dialog.save() is False
    assert "already Ville's" in dialog.fields.error_text("SIRET")
    assert snapshot(db) == before
    dialog.reject()


def test_the_dialog_fits_the_screen(screen) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(screen)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    dialog.reject()
