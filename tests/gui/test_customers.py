"""The customers screen: create and edit with checked identifiers, memberships, contacts,
the customer's bookings."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlmodel import func, select

from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.bookings.booking_models import CustomerTableModel
from app.gui.bookings.customers_screen import CustomerDialog, CustomersScreen
from app.gui.shell.operations import Operations
from booking import customers
from booking.models import Contact, Customer, Membership
from tests import factories

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def screen(qtbot, ops: Operations, db: Database) -> CustomersScreen:  # type: ignore[no-untyped-def]
    factories.customer(db, "Compagnie du Rocher", member_from="2026-01-01")
    factories.customer(db, "Mairie de Saint-Agrève")
    widget = CustomersScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def names(screen: CustomersScreen) -> list[str]:
    return [screen.model.index(r, 1).data() for r in range(screen.model.rowCount())]


def snapshot(db: Database) -> dict[str, object]:
    with db.read() as uow:
        s = uow.session
        return {
            "customers": [c.model_dump() for c in s.exec(select(Customer).order_by(Customer.id))],
            "memberships": [m.model_dump() for m in s.exec(select(Membership))],
            "contacts": s.exec(select(func.count()).select_from(Contact)).one(),
        }


def save(dialog: CustomerDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_lists_customers_with_member_today(screen: CustomersScreen) -> None:
    assert names(screen) == ["Compagnie du Rocher", "Mairie de Saint-Agrève"]
    assert screen.model.index(0, 4).data() == "yes"
    assert screen.model.index(1, 4).data() == "no"
    assert screen.count_label.text() == "2 customers"


def test_search_as_you_type(qtbot, screen: CustomersScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.search_box, "agr")
    assert names(screen) == ["Mairie de Saint-Agrève"]
    screen.search_box.setText("S1001")  # a member number
    assert names(screen) == ["Compagnie du Rocher"]


def test_create_a_customer_through_the_screen(
    qtbot,
    screen: CustomersScreen,
    db: Database,  # type: ignore[no-untyped-def]
) -> None:
    screen.new_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, CustomerDialog)
    qtbot.keyClicks(dialog.name, "Theatre des Quatre Saisons")
    dialog.category.setCurrentIndex(dialog.category.findData("venue"))
    dialog.city.setText("Annonay")
    dialog.siret.setText("732 829 320 00074")
    dialog.vat.setText("FR40303265045")
    dialog.email.setText("regie@4saisons.fr")
    save(dialog)
    assert screen.dialog is None
    with db.read() as uow:
        created = uow.session.exec(
            select(Customer).where(Customer.name == "Theatre des Quatre Saisons")
        ).one()
    assert (created.siret, created.siren, created.category) == (
        "73282932000074",
        "732829320",
        "venue",
    )
    assert "Theatre des Quatre Saisons" in names(screen)
    assert screen.title.text() == "Theatre des Quatre Saisons"


@pytest.mark.parametrize(
    ("widget", "text", "field"),
    [
        ("siret", "73282932000075", "SIRET"),
        ("vat", "FR40303265046", "VAT number"),
        ("email", "regie@", "email"),
        ("name", "", "name"),
    ],
)
def test_bad_identifiers_are_refused_and_highlighted(
    qtbot,
    screen: CustomersScreen,
    db: Database,  # type: ignore[no-untyped-def]
    widget: str,
    text: str,
    field: str,
) -> None:
    screen.new_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, CustomerDialog)
    dialog.name.setText("Association Lumière")
    getattr(dialog, widget).setText(text)
    before = snapshot(db)
    assert dialog.save() is False
    edit = getattr(dialog, widget)
    assert edit.property("invalid") is True
    assert dialog.fields.error_text(field)
    assert dialog.isVisible()
    assert snapshot(db) == before


def test_bad_siret_message(qtbot, screen: CustomersScreen) -> None:  # type: ignore[no-untyped-def]
    screen.new_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, CustomerDialog)
    dialog.name.setText("X")
    dialog.siret.setText("73282932000075")
    save(dialog)
    assert "73282932000075" in dialog.fields.error_text("SIRET")
    assert "not valid" in dialog.fields.error_text("SIRET")


def test_edit_a_customer(qtbot, screen: CustomersScreen, db: Database) -> None:  # type: ignore[no-untyped-def]
    screen.select_customer(screen.model.id_at(1) or 0)
    screen.edit_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, CustomerDialog)
    assert dialog.name.text() == "Mairie de Saint-Agrève"
    dialog.city.setText("Saint-Agrève")
    save(dialog)
    assert screen.model.index(1, 3).data() == "Saint-Agrève"


def test_add_a_membership_and_refuse_an_overlap(
    qtbot,
    screen: CustomersScreen,
    db: Database,  # type: ignore[no-untyped-def]
) -> None:
    screen.select_customer(screen.model.id_at(1) or 0)
    screen.member_number.setText("S2026-77")
    screen.member_from.setText("01/01/2026")
    screen.member_to.setText("31/12/2026")
    screen.add_membership_button.click()
    assert screen.membership_rows() == [["S2026-77", "01/01/2026", "31/12/2026"]]
    assert screen.model.index(1, 4).data() == "yes"
    before = snapshot(db)
    screen.member_number.setText("S2026-78")
    screen.member_from.setText("01/06/2026")
    screen.add_membership()
    assert "overlaps membership S2026-77" in screen.membership_message.text()
    assert screen.membership_message.isVisibleTo(screen)
    assert snapshot(db) == before


def test_duplicate_member_number_highlights_the_field(
    qtbot,
    screen: CustomersScreen,
    db: Database,  # type: ignore[no-untyped-def]
) -> None:
    screen.select_customer(screen.model.id_at(1) or 0)
    before = snapshot(db)
    screen.member_number.setText("S1001")  # the Rocher's
    screen.member_from.setText("01/01/2026")
    screen.add_membership()
    assert screen.member_number.property("invalid") is True
    assert "already used" in screen.membership_fields.error_text("member number")
    screen.member_number.setText("S9")
    screen.member_from.setText("31/02/2026")
    screen.add_membership()
    assert screen.member_from.property("invalid") is True
    assert snapshot(db) == before


def test_add_a_contact(qtbot, screen: CustomersScreen, db: Database) -> None:  # type: ignore[no-untyped-def]
    screen.contact_name.setText("Léa Martin")
    screen.contact_role.setText("régisseuse")
    screen.contact_email.setText("lea@")
    screen.add_contact()
    assert screen.contact_email.property("invalid") is True
    screen.contact_email.setText("lea@rocher.fr")
    screen.add_contact_button.click()
    assert screen.contact_rows() == [["Léa Martin", "régisseuse", "lea@rocher.fr", ""]]


def test_the_customers_bookings_open_in_the_editor(
    qtbot,
    ops: Operations,
    db: Database,
    clock: FixedClock,  # type: ignore[no-untyped-def]
    stock: dict[str, str],
) -> None:
    number = factories.customer(db, "Compagnie du Rocher")
    ref = factories.booking(
        db, clock, number, "2026-12-04T10:00", "2026-12-07T10:00", {"LYRE-WASH": 1}
    )
    screen = CustomersScreen(ops)
    qtbot.addWidget(screen)
    assert screen.bookings.rowCount() == 1
    assert screen.bookings.index(0, 0).data() == ref
    assert screen.tabs.tabText(2) == "Boo&kings (1)"
    screen.bookings_view.selectRow(0)
    screen.open_booking()
    editor = screen.dialog
    assert isinstance(editor, BookingEditor)
    assert editor.reference == ref
    editor.reject()


def test_new_booking_for_the_selected_customer(qtbot, screen: CustomersScreen) -> None:  # type: ignore[no-untyped-def]
    screen.book_action.trigger()
    editor = screen.dialog
    assert isinstance(editor, BookingEditor)
    assert editor.customer_number() == "1001"
    assert editor.customer.text() == "Compagnie du Rocher (1001)"
    assert "S1001" in editor.member_note.text()
    editor.reject()


def test_customer_model_passes_modeltester(qtmodeltester, ops: Operations, db: Database) -> None:  # type: ignore[no-untyped-def]
    factories.customer(db, "Compagnie du Rocher", member_from="2026-01-01")
    factories.customer(db, "Mairie")
    model = CustomerTableModel(ops)
    with db.read() as uow:
        model.set_ids(customers.search_customers(uow))
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_empty_search_says_what_to_do(qtbot, screen: CustomersScreen) -> None:  # type: ignore[no-untyped-def]
    assert not screen.empty.label.isVisible()
    screen.search_box.setText("nobody at all")
    assert names(screen) == []
    assert screen.empty.label.isVisible()
    assert "Ctrl+N" in screen.empty.label.text()


def test_the_dialog_edits_every_customer_field(ops: Operations, qtbot) -> None:  # type: ignore[no-untyped-def]
    raw = {key: "" for key in customers.CUSTOMER_FIELDS}
    raw.update(name="Mairie du Puy", kind="person", category="commune", city="Le Puy")
    dialog = CustomerDialog(ops, None, 1, raw)
    qtbot.addWidget(dialog)
    shown = dialog.raw()
    assert tuple(shown) == customers.CUSTOMER_FIELDS
    assert (shown["name"], shown["kind"], shown["category"], shown["city"]) == (
        "Mairie du Puy",
        "person",
        "commune",
        "Le Puy",
    )
    assert shown["country"] == "FR"  # the default of a customer without one
