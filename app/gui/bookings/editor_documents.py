"""The booking editor's documents: the quote (preview, print, save), the pick list (print
or save as PDF), the invoice (its draft shown first, then issued) and the pricing and
deposit dialog. A mixin of ``BookingEditor``: each works on the booking as on screen,
saving unsaved changes first, so what is printed is what is shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.settings import logo_bytes
from app.gui.bookings.booking_pricing import BookingPricingDialog
from app.gui.bookings.damage_dialog import DamageChargeDialog
from app.gui.bookings.editor_pricing_parts import read_state
from app.gui.invoicing.credit_note_dialog import issue_off_the_lock
from app.gui.invoicing.invoice_dialogs import (
    DraftDialog,
    PdfDialog,
    choose_pdf_path,
    renderer,
    write_pdf,
)
from app.gui.shell import printing
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from booking import picklist
from invoicing import invoices, issuing, letterhead
from invoicing.document import Document
from invoicing.models import IssuedDocument
from invoicing.validation import check_xml

tr = QCoreApplication.translate


class EditorDocuments:
    """Needs ``ops``, ``reference``, ``booking_id``, ``feedback``, ``is_dirty()``,
    ``save(confirm, then)`` and ``as_widget()`` from the editor it is mixed into."""

    ops: Operations
    reference: str
    booking_id: int | None
    feedback: Feedback
    dialog: Any

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def as_widget(self) -> QWidget:
        """The editor itself, the parent of the dialogs opened from it."""
        raise NotImplementedError

    def save(self, confirm: bool = False, then: Any = None) -> bool:
        raise NotImplementedError

    # --- quote and invoice ----------------------------------------------------------------

    def _open_dialog(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _invoicing_failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))

    def _saved_then(self, action: Any) -> None:
        """Run ``action`` on the booking as on screen: saved first when it is new or has
        unsaved changes (so what is printed is what is shown)."""
        if self.booking_id is not None and not self.is_dirty():
            action()
        else:
            self.save(confirm=False, then=action)

    def show_quote(self) -> None:
        """The quote (devis) in a preview with Print and Save; unsaved changes are saved
        first, so the quote is what the screen shows."""
        self._saved_then(self._open_quote)

    def _open_quote(self) -> None:
        if not self.reference:
            return
        reference, clock, render_with = self.reference, self.ops.ctx.clock, renderer()

        def build(uow: UnitOfWork) -> tuple[str, bytes]:
            document = invoices.quote_document(uow, reference, clock)
            with letterhead.logo_in_use(logo_bytes(uow)):  # the cooperative's logo
                return document.number, bytes(render_with(document).pdf)

        def built(found: tuple[str, bytes]) -> None:
            number, pdf = found
            title = tr("BookingEditor", "Quote %1").replace("%1", number)
            self._open_dialog(PdfDialog(title, pdf, number, self.as_widget()))

        self.ops.read(build, built, self._invoicing_failed)

    # --- the pick list ----------------------------------------------------------------------

    def print_picklist(self) -> None:
        """The pick list (as ``regie picklist`` makes it) through the system print dialog;
        unsaved changes are saved first."""
        self._saved_then(lambda: self._with_picklist(self._print_picklist))

    def save_picklist(self) -> None:
        """The pick list saved as a PDF file chosen by the person."""

        def chosen(pdf: bytes) -> None:
            path = choose_pdf_path(self.as_widget(), self.picklist_name())
            if path is not None:
                self._write_picklist(pdf, path)

        self._saved_then(lambda: self._with_picklist(chosen))

    def save_picklist_to(self, path: Any) -> None:
        self._saved_then(lambda: self._with_picklist(lambda pdf: self._write_picklist(pdf, path)))

    def picklist_name(self) -> str:
        return tr("BookingEditor", "pick-list-%1").replace("%1", self.reference)

    def _with_picklist(self, use: Any) -> None:
        if not self.reference:
            return
        reference = self.reference
        self.ops.read(
            lambda uow: picklist.render_to_bytes(uow, reference), use, self._invoicing_failed
        )

    def _print_picklist(self, pdf: bytes) -> None:
        title = tr("BookingEditor", "Pick list %1").replace("%1", self.reference)
        try:
            printed = printing.print_with_dialog(self.as_widget(), pdf, title)
        except DomainError as err:
            self.feedback.error(i18n.message(err))
            return
        if printed:
            self.feedback.ok(
                tr("BookingEditor", "Pick list %1 sent to the printer.").replace(
                    "%1", self.reference
                )
            )

    def _write_picklist(self, pdf: bytes, path: Any) -> None:
        try:
            write_pdf(path, pdf)
        except DomainError as err:
            self.feedback.error(i18n.message(err))
            return
        self.feedback.ok(tr("BookingEditor", "Pick list saved to %1.").replace("%1", str(path)))

    def invoice(self) -> None:
        """Show the draft invoice; its dialog's Issue button issues it. A booking with
        damage or loss charges not invoiced yet may have them invoiced alone (the dialog's
        check box shows that draft)."""
        if not self.reference:
            return
        reference, clock = self.reference, self.ops.ctx.clock

        def read(uow: UnitOfWork) -> tuple[Document, bool]:
            document = invoices.draft_invoice(uow, reference, clock)
            return document, invoices.has_damage_to_invoice(uow, reference, clock)

        def drafted(found: tuple[Document, bool]) -> None:
            document, damage = found
            dialog = DraftDialog(document, self.as_widget(), damage=damage)
            dialog.damage_only.toggled.connect(lambda on: self._redraft(dialog, on))
            dialog.accepted.connect(
                lambda: self.issue_invoice(damage_only=dialog.damage_only.isChecked())
            )
            self._open_dialog(dialog)

        self.ops.read(read, drafted, self._invoicing_failed)

    def _redraft(self, dialog: DraftDialog, damage_only: bool) -> None:
        reference, clock = self.reference, self.ops.ctx.clock
        self.ops.read(
            lambda uow: invoices.draft_invoice(uow, reference, clock, damage_only=damage_only),
            dialog.set_document,
            self._invoicing_failed,
        )

    def record_damage(self) -> None:
        """The repair cost of pieces that came back damaged (``DamageChargeDialog``); it
        goes on the next invoice, or on one of its own (the draft's check box)."""
        if not self.reference:
            return
        self._open_dialog(DamageChargeDialog(self.ops, self.reference, self.as_widget()))

    def open_pricing(self) -> None:
        """The saved booking's pricing and deposits (BookingPricingDialog)."""
        if not self.reference:
            return
        reference, today = self.reference, self.ops.ctx.clock.today()
        self.ops.read(
            lambda uow: read_state(uow, reference, today),
            lambda state: self._open_dialog(
                BookingPricingDialog(self.ops, state, self.as_widget())
            ),
            self._invoicing_failed,
        )

    def issue_invoice(self, *, damage_only: bool = False) -> None:
        """Issue the booking's invoice (``damage_only``: its damage and loss charges
        alone), rendered before the write transaction that takes its number, then show
        its PDF."""
        user, clock, reference = self.ops.user, self.ops.ctx.clock, self.reference
        render_with = renderer()

        def action(uow: UnitOfWork) -> IssuedDocument:
            return invoices.issue_invoice(
                uow,
                user=user,
                reference=reference,
                clock=clock,
                renderer=render_with,
                check=check_xml,
                damage_only=damage_only,
            )

        def issued(row: IssuedDocument) -> None:
            self.ops.read(
                lambda uow: bytes(issuing.files_of(uow, row.id or 0).pdf),
                lambda pdf: self._show_issued(row.number, pdf),
                self._invoicing_failed,
            )

        issue_off_the_lock(self.ops, action, issued, self._invoicing_failed)

    def _show_issued(self, number: str, pdf: bytes) -> None:
        self.issued_number = number
        self.feedback.ok(tr("BookingEditor", "Invoice %1 issued.").replace("%1", number))
        title = tr("BookingEditor", "Invoice %1").replace("%1", number)
        self._open_dialog(PdfDialog(title, pdf, number, self.as_widget()))
