# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""Invoicing on the desktop: the cooperative's identity, rates in the item type dialog, the
booking editor's quote and invoice actions, the invoices screen (preview, print, save as
PDF, payments and their reversal, credit notes, drafts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import func
from sqlmodel import select

from app.core import settings
from app.core.db import Database
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.catalogue.editors import ItemTypeDialog
from app.gui.invoicing.invoice_dialogs import (
    CreditNoteDialog,
    DraftDialog,
    PaymentDialog,
    PdfDialog,
)
from app.gui.invoicing.invoices_screen import InvoicesScreen
from app.gui.shell.identity_dialog import IdentityDialog, read_identity
from app.gui.shell.operations import Operations
from app.gui.shell.settings_dialog import SettingsDialog, read_settings
from booking.models import Booking
from inventory.models import ItemType
from invoicing import rates
from invoicing.models import CategoryRate, DocumentFile, IssuedDocument, ItemRate, Payment
from tests.invoicing.conftest import USER, book, coop  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


def count(db: Database, model: type) -> int:
    with db.read() as uow:
        return uow.session.exec(select(func.count()).select_from(model)).one()


def booking_id(db: Database, reference: str) -> int:
    with db.read() as uow:
        return uow.session.exec(select(Booking.id).where(Booking.reference == reference)).one()


@pytest.fixture
def issued(qtbot, ops: Operations, coop: Database, clock) -> str:  # type: ignore[no-untyped-def]
    """FA-2026-00001: 4 × LYRE for C-PUB, 3 days: 360,00 + 72,00 = 432,00."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 4})
    editor = BookingEditor(ops, None, booking_id(coop, ref))
    qtbot.addWidget(editor)
    editor.invoice()
    assert isinstance(editor.dialog, DraftDialog)
    editor.dialog.accept()
    return editor.issued_number


@pytest.fixture
def screen(qtbot, ops: Operations, issued: str) -> InvoicesScreen:  # type: ignore[no-untyped-def]
    widget = InvoicesScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def row_texts(screen: InvoicesScreen) -> list[list[str]]:
    model = screen.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# --- the cooperative's identity --------------------------------------------------------------


def test_identity_refuses_a_bad_siret_or_iban_and_writes_nothing(
    qtbot, ops: Operations, db: Database
) -> None:  # type: ignore[no-untyped-def]
    with db.read() as uow:
        before = read_identity(uow)
    dialog = IdentityDialog(ops, None, before)
    qtbot.addWidget(dialog)
    dialog.name.setText("Scène Commune")
    dialog.siret.setText("932 817 455 00012")  # wrong Luhn key
    assert dialog.save() is False
    assert dialog.siret.property("invalid") is True
    assert "is not a valid SIRET" in dialog.fields.error_text("SIRET")
    dialog.siret.setText("73282932000074")
    dialog.iban.setText("FR76 3000 6000 0112 3456 7890 188")  # wrong check digits
    assert dialog.save() is False
    assert dialog.iban.property("invalid") is True
    assert "is not a valid IBAN" in dialog.fields.error_text("IBAN")
    dialog.iban.setText("FR7630006000011234567890189")
    dialog.vat.setText("FR00732829320")
    assert dialog.save() is False
    assert "is not a valid VAT number" in dialog.fields.error_text("VAT number")
    with db.read() as uow:
        assert read_identity(uow) == before


def test_identity_saved(qtbot, ops: Operations, db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = IdentityDialog(ops, None, {})
    qtbot.addWidget(dialog)
    dialog.name.setText("Scène Commune")
    dialog.legal_form.setText("SCIC SAS à capital variable")
    dialog.capital.setText("18 500,00 €")
    dialog.address.setPlainText("12 rue des Tanneurs\n43000 Le Puy-en-Velay")
    dialog.siret.setText("732 829 320 00074")
    dialog.vat.setText("FR44 732829320")
    dialog.iban.setText("FR76 3000 6000 0112 3456 7890 189")
    dialog.bic.setText("BNPAFRPPXXX")
    dialog.rcs.setText("RCS Le Puy-en-Velay 732 829 320")
    assert dialog.save() is True
    with db.read() as uow:
        saved = read_identity(uow)
    assert saved[settings.SIRET] == "73282932000074"
    assert saved[settings.SIREN] == "732829320"  # taken from the SIRET
    assert saved[settings.VAT] == "FR44732829320"
    assert saved[settings.IBAN] == "FR7630006000011234567890189"
    assert saved[settings.ADDRESS].endswith("43000 Le Puy-en-Velay")


def test_settings_dialog_opens_the_identity(qtbot, ops: Operations, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.read() as uow:
        values = read_settings(uow)
    dialog = SettingsDialog(ops, None, values)
    qtbot.addWidget(dialog)
    identity = dialog.open_identity()
    identity.name.setText("Nouvelle Régie")
    identity.siret.setText("73282932000074")
    assert identity.save() is True
    assert dialog.name.text() == "Nouvelle Régie"  # saving the settings keeps it


# --- rates in the item type dialog ------------------------------------------------------------


def test_item_type_dialog_saves_rates_with_the_type(qtbot, ops: Operations, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.write() as uow:
        rates.create_price_category(uow, user=USER, code="COMMUNES", name="Communes partenaires")
    dialog = ItemTypeDialog(ops)
    qtbot.addWidget(dialog)
    dialog.code.setText("PAR64")
    dialog.name.setText("Projecteur PAR 64")
    dialog.member_rate.setText("8")
    dialog.public_rate.setText("12,50")
    dialog.vat_rate.setText("5,5")
    dialog.category_rates["COMMUNES"].setText("10")
    assert dialog.save() is True
    with db.read() as uow:
        item = uow.session.exec(select(ItemType).where(ItemType.code == "PAR64")).one()
        rate = uow.session.get(ItemRate, item.id)
        category = uow.session.exec(select(CategoryRate)).one()
    assert (rate.member_day_cents, rate.non_member_day_cents, rate.vat_rate_bp) == (800, 1250, 550)
    assert category.day_cents == 1000
    # Edited: the rates come back in the form; emptying a category rate removes it.
    again = ItemTypeDialog(ops, None, item.id, {"code": "PAR64", "name": "Projecteur PAR 64"})
    qtbot.addWidget(again)
    assert (
        again.public_rate.text() == "12.50" and again.category_rates["COMMUNES"].text() == "10.00"
    )
    again.category_rates["COMMUNES"].clear()
    assert again.save() is True
    assert count(db, CategoryRate) == 0


@pytest.mark.parametrize(
    ("field", "value", "name", "text"),
    [
        ("member_rate", "huit", "member day rate", "is not an amount"),
        ("public_rate", "", "non-member day rate", "cannot be empty"),
        ("vat_rate", "120", "VAT rate", "between 0 and 100"),
    ],
)
def test_item_type_dialog_refuses_a_bad_rate(
    qtbot, ops: Operations, db: Database, field: str, value: str, name: str, text: str
) -> None:  # type: ignore[no-untyped-def]
    dialog = ItemTypeDialog(ops)
    qtbot.addWidget(dialog)
    dialog.code.setText("PAR64")
    dialog.name.setText("Projecteur PAR 64")
    dialog.member_rate.setText("8")
    dialog.public_rate.setText("12")
    getattr(dialog, field).setText(value)
    assert dialog.save() is False
    assert getattr(dialog, field).property("invalid") is True
    assert text in dialog.fields.error_text(name)
    assert count(db, ItemType) == 0 and count(db, ItemRate) == 0


# --- the booking editor -----------------------------------------------------------------------


def test_quote_from_the_booking_editor(qtbot, ops: Operations, coop: Database, clock) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-PUB", {"LYRE": 2}, confirm=False)
    editor = BookingEditor(ops, None, booking_id(coop, ref))
    qtbot.addWidget(editor)
    assert editor.quote_button.isEnabled() and not editor.invoice_button.isEnabled()
    editor.show_quote()
    assert isinstance(editor.dialog, PdfDialog)
    assert editor.dialog.pdf.startswith(b"%PDF")
    assert not editor.dialog.preview.pixmap().isNull()
    assert count(coop, IssuedDocument) == 0  # a quote is not issued


def test_invoice_issued_from_the_booking_editor_is_in_the_invoices_screen(
    screen: InvoicesScreen,
    issued: str,
    coop: Database,
) -> None:
    assert issued == "FA-2026-00001"
    rows = row_texts(screen)
    assert rows[0][:2] == ["FA-2026-00001", "Invoice"]
    assert rows[0][3] == "Compagnie du Rocher"
    assert rows[0][4:] == ["€432.00", "€0.00", "€432.00", "Issued"]
    assert screen.selected is not None and screen.selected.number == issued


def test_the_draft_dialog_shows_the_totals_and_cancel_issues_nothing(
    qtbot,
    ops: Operations,
    coop: Database,
    clock,
) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-PUB", {"LYRE": 4})
    editor = BookingEditor(ops, None, booking_id(coop, ref))
    qtbot.addWidget(editor)
    editor.invoice_button.click()
    dialog = editor.dialog
    assert isinstance(dialog, DraftDialog)
    assert "€432.00" in dialog.view.totals.text() and "€72.00" in dialog.view.totals.text()
    assert dialog.view.lines.rowCount() == 1
    dialog.reject()
    assert count(coop, IssuedDocument) == 0


# --- the invoices screen ----------------------------------------------------------------------


def test_preview_shows_page_one(screen: InvoicesScreen) -> None:
    assert screen.preview.page_count >= 1
    assert not screen.preview.pixmap().isNull()
    assert screen.preview.page_label.text().startswith("Page 1 of")
    width = screen.preview.pixmap().width()
    screen.preview.step_zoom(1)
    assert screen.preview.pixmap().width() > width


def test_save_as_pdf_writes_the_stored_bytes(
    screen: InvoicesScreen,
    coop: Database,
    tmp_path: Path,
) -> None:
    target = tmp_path / "facture.pdf"
    assert screen.save_to(target) is True
    with coop.read() as uow:
        stored = uow.session.exec(select(DocumentFile)).one().pdf
    assert target.read_bytes() == stored


def test_print_to_a_pdf_printer(screen: InvoicesScreen, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert screen.print_to(printer) > 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "sent to the printer" in screen.feedback.text()


def test_record_payment_refuses_bad_input_then_marks_paid(
    screen: InvoicesScreen,
    coop: Database,
) -> None:
    dialog = screen.record_payment()
    assert isinstance(dialog, PaymentDialog)
    assert dialog.amount.text() == "432.00"  # the balance, proposed
    dialog.amount.setText("500")
    assert dialog.save() is False
    assert "left to pay" in dialog.message.text()
    dialog.amount.setText("dix")
    assert dialog.save() is False and dialog.amount.property("invalid") is True
    dialog.amount.setText("100")
    dialog.date.setText("31/12/2026")  # in the future
    assert dialog.save() is False and dialog.date.property("invalid") is True
    assert count(coop, Payment) == 0
    dialog.date.setText("26/11/2026")
    dialog.amount.setText("432")
    dialog.method.setCurrentIndex(dialog.method.findData("cheque"))
    assert dialog.save() is True
    assert row_texts(screen)[0][4:] == ["€432.00", "€432.00", "€0.00", "Paid"]
    assert screen.payments_model.rowCount() == 1
    assert screen.payments_model.index(0, 2).data() == "Cheque"


def test_reverse_a_payment(screen: InvoicesScreen, coop: Database) -> None:
    dialog = screen.record_payment()
    assert dialog is not None
    dialog.amount.setText("100")
    assert dialog.save() is True
    screen.payments_view.selectRow(0)
    assert screen.reverse_action.isEnabled()
    screen.reverse(screen.selected_payment().id)  # type: ignore[union-attr]
    assert count(coop, Payment) == 2
    assert row_texts(screen)[0][5:7] == ["€0.00", "€432.00"]
    assert screen.payments_model.index(1, 4).data() == "Reversal of payment 1"
    screen.payments_view.selectRow(0)
    assert not screen.reverse_action.isEnabled()  # already reversed


def test_credit_note_full_and_partial(screen: InvoicesScreen, coop: Database) -> None:
    dialog = screen.credit_note()
    assert isinstance(dialog, CreditNoteDialog)
    line = dialog.rows[0]
    line.check.setChecked(True)  # part of the line: an amount excl. VAT
    line.amount.setText("50")
    line.amount.textEdited.emit("50")
    assert dialog.save() is False and dialog.reason.property("invalid") is True
    dialog.reason.setText("Deux lyres non utilisées")
    line.amount.setText("9999")
    line.amount.textEdited.emit("9999")
    assert dialog.save() is False  # more than the line
    assert count(coop, IssuedDocument) == 1
    line.amount.setText("50")
    line.amount.textEdited.emit("50")
    assert dialog.save() is True
    rows = row_texts(screen)
    credit = next(r for r in rows if r[0] == "AV-2026-00001")
    assert credit[1] == "Credit note (FA-2026-00001)" and credit[4] == "-€60.00"
    invoice = next(r for r in rows if r[0] == "FA-2026-00001")
    assert invoice[6] == "€372.00"  # 432 − 60
    screen.select_key(screen.model.rows[rows.index(invoice)].key)
    full = screen.credit_note()
    assert full is not None
    full.select_all()
    full.reason.setText("Annulation")
    assert full.save() is True
    invoice = next(r for r in row_texts(screen) if r[0] == "FA-2026-00001")
    assert invoice[6:] == ["€0.00", "Paid"]
    assert not screen.credit_action.isEnabled()


def test_drafts_list_and_issue_from_the_screen(
    qtbot,
    ops: Operations,
    coop: Database,
    clock,
) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-MEM", {"LYRE": 2})
    book(coop, clock, "C-PUB", {"LYRE": 1}, confirm=False)  # a quote: not to invoice
    screen = InvoicesScreen(ops)
    qtbot.addWidget(screen)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("draft"))
    assert [r[0] for r in row_texts(screen)] == [ref]
    assert row_texts(screen)[0][4] == "€144.00"  # 2 × 30 × 2, VAT 20 %
    assert screen.draft is not None and screen.issue_action.isEnabled()
    screen.issue_booking(ref)
    assert screen.selected is not None and screen.selected.number == "FA-2026-00001"
    assert screen.status_filter.currentData() == ""
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("draft"))
    assert screen.model.rowCount() == 0


def test_filters_and_search(screen: InvoicesScreen) -> None:
    screen.search_box.setText("rocher")
    assert screen.model.rowCount() == 1
    screen.search_box.setText("nobody")
    assert screen.model.rowCount() == 0
    screen.search_box.clear()
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("paid"))
    assert screen.model.rowCount() == 0
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("unpaid"))
    assert screen.model.rowCount() == 1
    screen.dates_filter.setChecked(True)
    screen.date_from.setDate(screen.date_to.date().addDays(1))
    screen.date_to.setDate(screen.date_to.date().addDays(2))
    assert screen.model.rowCount() == 0


def test_models(qtmodeltester, screen: InvoicesScreen) -> None:  # type: ignore[no-untyped-def]
    dialog = screen.record_payment()
    assert dialog is not None
    dialog.amount.setText("10")
    assert dialog.save()
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.payments_model)


def test_the_toolbar_print_goes_through_the_system_dialog(
    qtbot, screen: InvoicesScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The Print action (Ctrl+P) opens the system print dialog (it used to raise a
    TypeError and do nothing), then prints the stored PDF in the background."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    from app.gui.shell import printing

    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        dialog.printer().setResolution(100)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    monkeypatch.setattr(printing, "printers", lambda: ["TestPDF"])
    assert screen.print_action.isEnabled()
    screen.print_action.trigger()
    job = screen.print_job
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert job.error is None and job.pages == 1
    assert out.read_bytes().startswith(b"%PDF")
    assert "sent to the printer" in screen.feedback.text()


def test_the_detail_shows_number_status_and_balance(screen: InvoicesScreen) -> None:
    """The selected invoice: its number (title), its status as a chip, the balance due as
    the largest figure; the status column's chips read the status key."""
    from app.gui.shell.chips import STATUS_ROLE

    header = screen.detail_panel.header
    assert header.title.text() == "FA-2026-00001" and header.title.property("role") == "title"
    assert (header.chip.status(), header.chip.text()) == ("issued", "Issued")
    assert header.figure.text() == "€432.00" and header.figure.property("role") == "display"
    assert header.figure.font().pointSizeF() > header.title.font().pointSizeF()
    assert screen.model.index(0, 7).data(STATUS_ROLE) == "issued"
    assert not screen.print_action.icon().isNull()


def test_an_empty_list_says_what_to_do(screen: InvoicesScreen) -> None:
    screen.search_box.setText("nobody")
    assert screen.model.rowCount() == 0
    assert screen.empty_state.label.isVisible()
    assert "No document matches" in screen.empty_state.label.text()


def test_screen_and_dialogs_name_every_control(screen: InvoicesScreen) -> None:
    from tests.gui.accessibility_probe import unnamed_controls

    assert unnamed_controls(screen) == []
    for dialog in (screen.record_payment(), screen.credit_note()):
        assert dialog is not None
        assert unnamed_controls(dialog) == []
        dialog.reject()
