"""The booking editor's buyer's reference and order number: a row each, the customer's Chorus
Pro service code as placeholder, a refusal shown under the row."""

from __future__ import annotations

from app.core.errors import ValidationError
from app.gui.bookings.editor_form import DetailsForm
from booking import customer_choices
from booking.customers import customer_by_number
from tests import factories


def test_the_service_code_is_the_placeholder_of_the_buyer_reference(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    factories.customer(db, "Mairie de Polignac", number="C-POL")
    factories.customer(db, "Compagnie du Rocher", number="C-ROC")
    with db.write() as uow:
        customer_by_number(uow, "C-POL").service_code = "SERV-CULTURE"
    with db.read() as uow:
        codes = customer_choices.service_codes(uow)
    assert codes == {"C-POL": "SERV-CULTURE"}
    form = DetailsForm()
    qtbot.addWidget(form)
    form.set_customers([("C-POL", "Mairie de Polignac"), ("C-ROC", "Compagnie du Rocher")])
    form.set_service_codes(codes)
    form.customer.setText("Mairie de Polignac (C-POL)")
    assert form.buyer_reference.placeholderText() == "SERV-CULTURE"
    form.customer.setText("Compagnie du Rocher (C-ROC)")
    assert form.buyer_reference.placeholderText() != "SERV-CULTURE"
    form.set_references("SERV-FETES", "EJ-42")
    assert form.references() == ("SERV-FETES", "EJ-42")
    assert form.buyer_reference.accessibleName() and form.order_reference.accessibleName()


def test_a_refused_reference_is_shown_under_the_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = DetailsForm()
    qtbot.addWidget(form)
    form.show()
    shown = form.fields.show(ValidationError("order reference", "Too long."))
    assert shown is form.order_reference
    assert form.fields.error_text("order reference") == "Too long."
    form.set_editable(False)
    assert not form.buyer_reference.isEnabled() and not form.order_reference.isEnabled()


def test_the_placeholders_are_not_cut(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each reference on its own row, as wide as the editor's left column (about 420 px at
    1366x768): its placeholder is read whole."""
    form = DetailsForm()
    qtbot.addWidget(form)
    form.resize(420, 600)
    form.show()
    for edit in (form.buyer_reference, form.order_reference):
        room = edit.contentsRect().width() - 8  # the line edit's text margins
        assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room
