"""Printing from the desktop, as far as it goes without a real printer: the system print
dialog is accepted with its printer turned into a PDF file (what CUPS-PDF would do), the
pages are painted off the GUI thread (the test waits for the job like the window does: it
keeps answering), Cancel stops a long job, a refusal is a sentence in a dialog, and "no
printer at all" says so instead of opening an empty dialog. The preview fits the screen and
is driven by the keyboard (Ctrl+P, Ctrl+S, Esc)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.core.errors import DomainError
from app.gui.invoicing.invoice_dialogs import PdfDialog
from app.gui.shell import files, printing
from app.i18n import message

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


def document(pages: int) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 28)
        canvas.drawString(72, 720, f"Page {number} of {pages}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def pages_of(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def file_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(100)
    return printer


@pytest.fixture
def accept_print_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The system print dialog answers OK at once, its printer writing a PDF file; at
    least one printer is known (whatever this machine has)."""
    out = tmp_path / "printed.pdf"
    opened: list[str] = []

    def accept(dialog: QPrintDialog) -> int:
        opened.append(dialog.windowTitle())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        dialog.printer().setResolution(100)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    monkeypatch.setattr(printing, "printers", lambda: ["TestPDF"])
    return out


@pytest.fixture
def no_printer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No printer on this computer; the print dialog must not even open."""
    opened: list[str] = []
    monkeypatch.setattr(printing, "printers", lambda: [])
    monkeypatch.setattr(
        QPrintDialog, "exec", lambda dialog: opened.append("dialog") or QDialog.DialogCode.Rejected
    )
    return opened


def wait(qtbot: Any, job: printing.PrintJob | None) -> printing.PrintJob:
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    return job


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


# --- the preview dialog --------------------------------------------------------------------


@pytest.fixture
def preview(qtbot: Any) -> PdfDialog:
    dialog = PdfDialog("Quote D-R-2026-0001", document(2), "D-R-2026-0001")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_preview_fits_the_screen_with_its_buttons_visible(preview: PdfDialog) -> None:
    area = preview.screen().availableGeometry()
    assert preview.width() <= area.width() and preview.height() <= area.height() - 30
    assert area.contains(preview.geometry())
    for button in (preview.print_button, preview.save_button, preview.close_button):
        corner = button.mapTo(preview, QPoint(button.width(), button.height()))
        assert preview.rect().contains(corner - QPoint(1, 1)), button.text()
    # the page is fitted to the width; a page taller than the view scrolls, never cropped
    image = preview.preview.image
    viewport = preview.preview.scroll_area.viewport()
    assert image.pixmap().deviceIndependentSize().width() <= viewport.width()
    assert image.height() >= image.pixmap().deviceIndependentSize().height() - 1
    assert preview.preview.page_label.text() == "Page 1 of 2"


def test_ctrl_p_prints_every_page_in_the_background(
    qtbot: Any, preview: PdfDialog, accept_print_dialog: Path
) -> None:
    qtbot.keyClick(preview.preview.scroll_area, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    job = wait(qtbot, preview.job)
    assert job.error is None and job.pages == 2
    assert pages_of(accept_print_dialog) == 2
    shown = preview.message.text()
    assert shown.startswith("2 page") and shown.endswith(" sent to the printer."), shown


def test_ctrl_s_saves_the_exact_bytes(
    qtbot: Any, preview: PdfDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "devis"
    monkeypatch.setattr(files, "save_file_name", lambda *a, **k: str(target))
    qtbot.keyClick(preview.preview.scroll_area, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "devis.pdf").read_bytes() == preview.pdf
    assert "Saved to" in preview.message.text()


def test_escape_closes(qtbot: Any, preview: PdfDialog) -> None:
    qtbot.keyClick(preview.preview.scroll_area, Qt.Key.Key_Escape)
    assert not preview.isVisible()


def test_no_printer_is_a_sentence_not_an_empty_dialog(
    qtbot: Any, preview: PdfDialog, no_printer: list[str]
) -> None:
    preview.print_button.click()
    assert no_printer == []  # the print dialog never opened
    assert preview.job is None
    texts = [box.text() for box in message_boxes()]
    assert any("No printer is set up on this computer" in text for text in texts), texts
    for box in message_boxes():
        box.close()


# --- the background job ----------------------------------------------------------------------


def test_cancel_stops_a_long_job(qtbot: Any, tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    job = printing.PrintJob(None, document(40), file_printer(out), "Long")
    job.progressed.connect(lambda done, _total: job.cancel())  # Cancel after the first page
    job.start()
    wait(qtbot, job)
    assert job.was_cancelled and job.error is None and job.pages == 0
    assert job.dialog is None  # the progress dialog is gone
    assert not out.exists()  # nothing of the cancelled run is printed (the pages before)


def test_a_cancelled_run_sends_nothing_to_the_printer(tmp_path: Path) -> None:
    """Cancelling from the progress callback (every print: statements, invoices, labels)
    leaves no partial output: the pages painted before Cancel are not printed."""
    out = tmp_path / "cancelled.pdf"

    def cancel_at_page_3(done: int, _total: int) -> None:
        if done == 3:
            raise printing.PrintCancelled()

    with pytest.raises(printing.PrintCancelled):
        printing.print_pdf(document(10), file_printer(out), progress=cancel_at_page_3)
    assert not out.exists()
    printing.print_pdf(document(2), file_printer(out))  # the printer works afterwards
    assert pages_of(out) == 2


def test_an_unreadable_document_is_a_sentence(qtbot: Any, tmp_path: Path) -> None:
    job = printing.PrintJob(None, b"%PDF-1.7 broken", file_printer(tmp_path / "x.pdf"), "Bad")
    job.start()
    wait(qtbot, job)
    assert job.error is not None
    assert message(job.error) == "The document to print is not a readable PDF."
    assert job.box is not None and job.box.text() == message(job.error)
    job.box.close()


def test_an_unknown_printer_is_named(qapp: Any) -> None:
    with pytest.raises(DomainError) as refused:
        printing.printer_named("no-such-printer-here")
    assert "no-such-printer-here" in message(refused.value)


def test_print_with_dialog_waits_while_the_window_answers(
    qtbot: Any, accept_print_dialog: Path
) -> None:
    assert printing.print_with_dialog(None, document(3), "Pick list R-2026-0001") is True
    assert pages_of(accept_print_dialog) == 3


def test_print_with_dialog_cancelled(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "printers", lambda: ["TestPDF"])
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert printing.print_with_dialog(None, document(1), "Nothing") is False
