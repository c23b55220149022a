"""Printing a PDF we generated (quotes, invoices, statements, labels, desk documents) on a
``QPrinter``, through Qt's printing to the system's printers (CUPS on Linux).

QtPdf is not available (PySide6-Essentials), so each PDF page is rasterised with pypdfium2
at the printer's resolution (at most ``MAX_DPI``) and painted on the printer, one printed
page per PDF page. The PDF stays the single source of truth: what is printed is what
"Save as PDF" would give.

Entry points:

- ``print_to(pdf, printer_name | None, title)``: no dialog, the named or default printer
  (the CLI's ``--print``); raises ``DomainError`` with a sentence when it cannot print.
- ``print_with_dialog(parent, pdf, title)``: the system print dialog, then the pages are
  painted off the GUI thread behind a progress dialog with Cancel (the window keeps
  answering); a failure is shown in a message box. Returns True once printed.
- ``start_print(parent, pdf, printer, title)``: the same background printing on a printer
  already chosen, without waiting (a ``PrintJob`` with ``finished``/``failed`` signals).
- ``choose_printer(parent, title)``: the system dialog alone (None when cancelled or when
  there is no printer; that sentence is shown).

pdfium is not thread-safe: every pdfium call in the application goes through
``PDFIUM_LOCK`` (the preview takes it too), so a preview can be drawn while a document
prints.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtCore import Signal as _Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintEngine, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app import i18n
from app.core.errors import DomainError

tr = QCoreApplication.translate

#: Rasterising an A4 page at 1200 dpi takes half a gigabyte; 300 dpi is what laser
#: printers and barcode scanners need (thermal label printers have 203 or 300 dpi), and
#: the painter scales the image up to the device's resolution.
MAX_DPI = 300
POINTS_PER_INCH = 72.0
#: A print that ends sooner shows no progress dialog at all.
PROGRESS_AFTER_MS = 800

#: Every pdfium call, in any thread, holds this lock (pdfium is not thread-safe).
PDFIUM_LOCK = threading.RLock()


class PrintCancelled(Exception):
    """Raised by a progress callback to stop a print run (nothing more is sent)."""


# --- the printers ----------------------------------------------------------------------


def printers() -> list[str]:
    """The names of the printers the system knows (CUPS queues on Linux)."""
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def default_printer() -> str:
    """The system's default printer, or "" when none is set."""
    return QPrinterInfo.defaultPrinterName()


def printer_named(name: str | None) -> QPrinter:
    """A printer for ``name``, or the system's default printer when ``name`` is empty.
    Refused with a sentence when no such printer exists (CUPS on Linux)."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        if name:
            known = printers()
            if known:
                raise DomainError(
                    "There is no printer named {name}. Printers on this computer: {printers}.",
                    name=name,
                    printers=", ".join(known),
                )
            raise DomainError(
                "There is no printer named {name}: no printer is set up on this computer.",
                name=name,
            )
        if printers():
            raise DomainError(
                "No default printer is set up on this computer: name one of {printers}.",
                printers=", ".join(printers()),
            )
        raise DomainError(
            "No printer is set up on this computer: add one in the system settings, or save "
            "the PDF and print it from another computer."
        )
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def printer_label(printer: QPrinter) -> str:
    return printer.printerName() or printer.outputFileName() or "?"


# --- painting the pages ------------------------------------------------------------------


def print_pdf(
    pdf_bytes: bytes,
    printer: QPrinter,
    *,
    match_page_size: bool = True,
    progress: Callable[[int, int], None] | None = None,
    max_dpi: int = MAX_DPI,
) -> int:
    """Print every page of ``pdf_bytes`` on ``printer``; returns the number of pages.

    ``match_page_size`` sets the printer's paper to the PDF's first page (labels on a
    57×32 mm roll, an A4 invoice) so nothing is scaled. A page larger than the paper is
    shrunk to fit, never cropped. ``progress(done, total)`` is called after each page; if
    it raises, the print run is aborted (nothing more reaches the printer) and the
    exception goes on. A document that cannot be read, or a printer that cannot be opened
    or refuses the job, raises ``DomainError`` with a sentence.
    """
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(bytes(pdf_bytes))
        except pdfium.PdfiumError:
            raise DomainError("The document to print is not a readable PDF.") from None
    try:
        with PDFIUM_LOCK:
            total = len(pdf)
            first_size = _page_size(pdf, 0) if total else (0.0, 0.0)
        if total == 0:
            return 0
        if match_page_size:
            _match_page_size(printer, first_size)
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise DomainError(
                "The printer {printer} could not be opened: check it is on and connected.",
                printer=printer_label(printer),
            )
        try:
            for index in range(total):
                if index and not printer.newPage():
                    raise DomainError(
                        "The printer {printer} stopped accepting pages.",
                        printer=printer_label(printer),
                    )
                _paint_page(painter, printer, pdf, index, max_dpi)
                if progress is not None:
                    progress(index + 1, total)
        except BaseException:
            _discard(painter, printer)
            raise
        painter.end()
        if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise DomainError(
                "The printer {printer} refused the document.", printer=printer_label(printer)
            )
        return total
    finally:
        with PDFIUM_LOCK:
            pdf.close()


#: Qt's print engine property for extra CUPS options (QPrintEngine::PPK_CupsOptions):
#: a list of name, value, name, value...
CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)


def _discard(painter: QPainter, printer: QPrinter) -> None:
    """End a cancelled or failed run so that none of its pages is printed.

    ``QPrinter.abort()`` works on Windows, but Qt's CUPS engine cannot abort (it returns
    False) and ending the painter then sends the pages painted so far as a job of their
    own (a cancelled 61-page run printed 7 pages). So on CUPS the run ends as a job CUPS
    refuses (0 copies: nothing is queued); a PDF file being written is removed.
    """
    if printer.abort():
        painter.end()
        return
    native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    engine = printer.printEngine()
    if native and engine is not None:
        options = [str(o) for o in (engine.property(CUPS_OPTIONS) or [])]
        engine.setProperty(CUPS_OPTIONS, [*options, "copies", "0"])
    output = "" if native else printer.outputFileName()
    painter.end()
    if output:
        Path(output).unlink(missing_ok=True)


def _page_size(pdf: pdfium.PdfDocument, index: int) -> tuple[float, float]:
    page = pdf[index]
    try:
        width, height = page.get_size()
        return float(width), float(height)
    finally:
        page.close()


def _match_page_size(printer: QPrinter, size_points: tuple[float, float]) -> None:
    width, height = size_points
    portrait = QSizeF(min(width, height), max(width, height))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)


def _paint_page(
    painter: QPainter, printer: QPrinter, pdf: pdfium.PdfDocument, index: int, max_dpi: int
) -> None:
    device_dpi = printer.resolution()
    dpi = min(device_dpi, max_dpi)
    with PDFIUM_LOCK:
        page = pdf[index]
        try:
            width_pt, height_pt = page.get_size()
            image = _rasterise(page, dpi / POINTS_PER_INCH)
        finally:
            page.close()
    target = QSizeF(
        width_pt * device_dpi / POINTS_PER_INCH, height_pt * device_dpi / POINTS_PER_INCH
    )
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    shrink = min(1.0, paper.width() / target.width(), paper.height() / target.height())
    target *= shrink
    painter.drawImage(QRectF(QPointF(0, 0), target), image)


def _rasterise(page: pdfium.PdfPage, scale: float) -> QImage:
    bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255), optimize_mode="print")
    try:
        picture = bitmap.to_pil().convert("RGB")
    finally:
        bitmap.close()
    data = picture.tobytes()
    image = QImage(
        data, picture.width, picture.height, 3 * picture.width, QImage.Format.Format_RGB888
    )
    return image.copy()  # own the pixels: ``data`` is freed when we return


def page_count(pdf_bytes: bytes) -> int:
    """The number of pages of ``pdf_bytes`` (0 when it is not a readable PDF)."""
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(bytes(pdf_bytes))
        except pdfium.PdfiumError:
            return 0
        try:
            return len(pdf)
        finally:
            pdf.close()


# --- without a dialog (the CLI, a batch to the default printer) ----------------------------


def print_to(
    pdf_bytes: bytes,
    printer_name: str | None,
    title: str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Print without a dialog on the named or default printer; returns the page count."""
    printer = printer_named(printer_name)
    printer.setDocName(title)
    return print_pdf(pdf_bytes, printer, progress=progress)


# --- in the background, with progress and Cancel -------------------------------------------


def _unexpected(err: BaseException) -> DomainError:
    return DomainError("Printing failed: {reason}", reason=str(err) or type(err).__name__)


class PrintJob(QObject):
    """One document printing in a worker thread (QPainter on a QPrinter is allowed off the
    GUI thread). A progress dialog with Cancel appears when it takes more than a moment.
    ``finished(pages)``, ``failed(DomainError)`` or ``cancelled()`` is emitted once, on the
    GUI thread; a failure is also shown in a message box when ``show_errors``."""

    finished = _Signal(int)
    failed = _Signal(object)
    cancelled = _Signal()
    progressed = _Signal(int, int)
    _ended = _Signal(object, object)  # pages, error (from the worker thread)

    #: Jobs still running (kept alive until they end).
    running: set[PrintJob] = set()

    def __init__(
        self,
        parent: QWidget | None,
        pdf: bytes,
        printer: QPrinter,
        title: str,
        *,
        show_errors: bool = True,
    ) -> None:
        super().__init__(None)
        self.widget = parent
        self.pdf = bytes(pdf)
        self.printer = printer
        self.title = title
        self.show_errors = show_errors
        self.pages = 0
        self.error: DomainError | None = None
        self.done = False
        self.was_cancelled = False
        self._stop = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.box: QMessageBox | None = None
        self.progressed.connect(self._show_progress)
        self._ended.connect(self._end)

    def start(self) -> PrintJob:
        total = max(page_count(self.pdf), 1)
        self.printer.setDocName(self.title)
        dialog = QProgressDialog(
            tr("Printing", "Printing %1…").replace("%1", self.title),
            tr("Printing", "Cancel"),
            0,
            total,
            self.widget,
        )
        dialog.setWindowTitle(tr("Printing", "Printing"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self.dialog = dialog
        PrintJob.running.add(self)
        threading.Thread(target=self._work, name="regie-print", daemon=True).start()
        return self

    def cancel(self) -> None:
        self._stop.set()
        if self.dialog is not None:
            self.dialog.setLabelText(tr("Printing", "Cancelling…"))

    def _work(self) -> None:
        def report(done: int, total: int) -> None:
            if self._stop.is_set():
                raise PrintCancelled()
            self.progressed.emit(done, total)
            if self._stop.is_set():
                raise PrintCancelled()

        try:
            pages = print_pdf(self.pdf, self.printer, progress=report)
        except PrintCancelled as err:
            self._ended.emit(None, err)
        except DomainError as err:
            self._ended.emit(None, err)
        except Exception as err:  # noqa: BLE001 - a sentence, never a traceback
            self._ended.emit(None, _unexpected(err))
        else:
            self._ended.emit(pages, None)

    def _show_progress(self, done: int, total: int) -> None:
        if (dialog := self.dialog) is not None and not self._stop.is_set():
            dialog.setMaximum(total)
            dialog.setLabelText(
                tr("Printing", "Printing %1: page %2 of %3…")
                .replace("%1", self.title)
                .replace("%2", str(min(done + 1, total)))
                .replace("%3", str(total))
            )
            dialog.setValue(done)  # last: a modal dialog lets the job's end run in here

    def _end(self, pages: object, error: object) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        self.done = True
        PrintJob.running.discard(self)
        if isinstance(error, PrintCancelled):
            self.was_cancelled = True
            self.cancelled.emit()
        elif isinstance(error, DomainError):
            self.error = error
            if self.show_errors:
                self.box = show_print_error(self.widget, error)
            self.failed.emit(error)
        else:
            self.pages = int(pages)  # type: ignore[call-overload]
            self.finished.emit(self.pages)

    def wait(self) -> None:
        """Keep the GUI answering until the job has ended."""
        if self.done:
            return
        loop = QEventLoop()
        for signal in (self.finished, self.failed, self.cancelled):
            signal.connect(loop.quit)
        if not self.done:
            loop.exec()


def show_print_error(parent: QWidget | None, err: DomainError) -> QMessageBox:
    """The sentence of a failed print in a message box (not blocking)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Printing", "Printing"),
        i18n.message(err),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def start_print(
    parent: QWidget | None,
    pdf_bytes: bytes,
    printer: QPrinter,
    title: str,
    *,
    done: Callable[[int], None] | None = None,
    show_errors: bool = True,
) -> PrintJob:
    """Print ``pdf_bytes`` on ``printer`` in the background; ``done(pages)`` when printed."""
    job = PrintJob(parent, pdf_bytes, printer, title, show_errors=show_errors)
    if done is not None:
        job.finished.connect(done)
    return job.start()


def no_printer_sentence() -> DomainError:
    return DomainError(
        "No printer is set up on this computer: add one in the system settings, or save "
        "the PDF and print it from another computer."
    )


def choose_printer(parent: QWidget | None, title: str) -> QPrinter | None:
    """The system print dialog; the chosen printer, or None when the person cancelled or
    when there is no printer at all (then that sentence is shown)."""
    from PySide6.QtPrintSupport import QPrintDialog

    if not printers():
        show_print_error(parent, no_printer_sentence())
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Printing", "Print %1").replace("%1", title))
    accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
    if parent is not None:  # the keyboard goes back to the window printing was asked from
        parent.window().activateWindow()
    return printer if accepted else None


def print_document(
    parent: QWidget | None,
    pdf_bytes: bytes,
    title: str,
    done: Callable[[int], None] | None = None,
) -> PrintJob | None:
    """The system print dialog, then the document printed in the background (not waiting);
    None when the person cancelled or there is no printer."""
    printer = choose_printer(parent, title)
    if printer is None:
        return None
    return start_print(parent, pdf_bytes, printer, title, done=done)


def print_with_dialog(parent: QWidget | None, pdf_bytes: bytes, title: str) -> bool:
    """The system print dialog, then the document on the chosen printer, painted off the
    GUI thread behind a progress dialog with Cancel. True once printed; False when the
    person cancelled (the dialog or the printing) or printing failed (the reason is shown
    in a message box)."""
    job = print_document(parent, pdf_bytes, title)
    if job is None:
        return False
    job.wait()
    return job.error is None and not job.was_cancelled
