"""The desk's documents: the pick list (Ctrl+P), and after F10 the delivery note
(check-out) or the return report (check-in), printed (P, Ctrl+Shift+P) off the window's
thread or saved as PDF (S, Ctrl+Shift+S). The answer shows in the banner.

``DeskDocuments`` is mixed into the desk's screen: it reads the open booking, the mode and
the banner from it, and tests replace ``choose_printer`` / ``choose_pdf_path`` there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.files import atomic_write_bytes
from app.core.storage import os_reason
from app.gui.shell import files
from app.gui.shell.printing import print_pdf
from app.i18n import message
from booking.desk_documents import render_delivery_note, render_return_report, to_bytes
from booking.picklist import render_to_bytes as render_picklist

if TYPE_CHECKING:
    from app.gui.desk.feedback import Banner, Sounds
    from app.gui.shell.operations import Operations
    from booking.desk_queries import DeskBooking

tr = QCoreApplication.translate

Document = tuple[str, str, Callable[[UnitOfWork], bytes]]


class DeskDocuments:
    """Printing and saving the open booking's documents (a mixin of ``DeskScreen``)."""

    ops: Operations
    booking: DeskBooking | None
    mode: str
    banner: Banner
    sounds: Sounds
    last_document: Path | None
    last_printed: str
    focus_after_dialog: Callable[[], None]

    def _document(self, which: str) -> Document | None:
        """(title, file name, render) of the open booking's ``which`` document: "picklist",
        or "finish" (the delivery note at check-out, the return report at check-in)."""
        if self.booking is None:
            return None
        reference, clock = self.booking.reference, self.ops.ctx.clock
        if which == "picklist":
            return (
                tr("DeskScreen", "Pick list of %1").replace("%1", reference),
                tr("DeskScreen", "pick-list-%1.pdf").replace("%1", reference),
                lambda uow: render_picklist(uow, reference),
            )
        if self.mode == "out":
            return (
                tr("DeskScreen", "Delivery note of %1").replace("%1", reference),
                tr("DeskScreen", "delivery-note-%1.pdf").replace("%1", reference),
                lambda uow: to_bytes(render_delivery_note, uow, reference, clock=clock),
            )
        return (
            tr("DeskScreen", "Return report of %1").replace("%1", reference),
            tr("DeskScreen", "return-report-%1.pdf").replace("%1", reference),
            lambda uow: to_bytes(render_return_report, uow, reference, clock=clock),
        )

    def _no_booking(self) -> None:
        self.banner.show_message(
            "error",
            tr("DeskScreen", "No booking open"),
            tr("DeskScreen", "Scan a booking's reference or choose a departure first."),
        )
        self.sounds.refused()

    def choose_printer(self, title: str) -> QPrinter | None:
        """The system print dialog; None when the person cancelled (tests replace it)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, self._widget())
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        return printer

    def choose_pdf_path(self, title: str, name: str) -> str:
        """Where to save a PDF; "" when the person cancelled (tests replace it)."""
        return files.save_file_name(
            self._widget(),
            title,
            str(Path.home() / name),
            tr("DeskScreen", "PDF documents (*.pdf)"),
        )

    def print_document(self, which: str) -> None:
        """Ctrl+P (pick list), P after F10 or Ctrl+Shift+P (delivery note, return report):
        the system print dialog, then printing off the window's thread."""
        document = self._document(which)
        if document is None:
            self._no_booking()
            return
        title, _, render = document
        printer = self.choose_printer(title)
        self.focus_after_dialog()
        if printer is None:
            return
        db = self.ops.ctx.db
        self.banner.show_message(
            "info", tr("DeskScreen", "Printing…"), title + " → " + printer.printerName()
        )

        def task(_: object) -> int:
            with db.read() as uow:
                pdf = render(uow)
            try:
                return print_pdf(pdf, printer)
            except DomainError:
                raise
            except Exception as err:  # noqa: BLE001 — a sentence in the banner
                raise DomainError(
                    "The printer refused the document: {reason}", reason=str(err)
                ) from err

        def done(pages: int) -> None:
            self.last_printed = title
            self.banner.show_message(
                "ok",
                tr("DeskScreen", "Sent to the printer"),
                title + " → " + (printer.printerName() or printer.outputFileName()),
            )

        self.ops.long(task, lambda _done, _total: None, done, self._document_failed)

    def save_document(self, which: str) -> None:
        """S after F10 or Ctrl+Shift+S: the document saved as a PDF file."""
        document = self._document(which)
        if document is None:
            self._no_booking()
            return
        title, name, render = document
        path = self.choose_pdf_path(title, name)
        self.focus_after_dialog()
        if not path:
            return
        out = Path(path)

        def work(uow: UnitOfWork) -> Path:
            pdf = render(uow)
            try:
                atomic_write_bytes(out, pdf)
            except OSError as err:
                raise DomainError(
                    "{path} could not be written: {reason}", path=str(out), reason=os_reason(err)
                ) from err
            return out

        def done(saved: Path) -> None:
            self.last_document = saved
            self.banner.show_message("ok", title, str(saved))

        self.ops.read(work, done, self._document_failed)

    def _document_failed(self, err: DomainError) -> None:
        self.banner.show_message("error", tr("DeskScreen", "Not printed"), message(err))
        self.sounds.refused()

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
