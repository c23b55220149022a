"""Printing a PDF we generated (labels, later invoices) on a ``QPrinter``.

QtPdf is not available (PySide6-Essentials), so each PDF page is rasterised with pypdfium2
at the printer's resolution and painted on the printer, one printed page per PDF page. The
PDF stays the single source of truth: what is printed is what "Save as PDF" would give.
"""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.core.errors import DomainError

#: Rasterising an A4 page at 1200 dpi takes half a gigabyte; 600 dpi is plenty for
#: barcodes and text, and the painter scales the image up to the device's resolution.
MAX_DPI = 600
POINTS_PER_INCH = 72.0


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
    shrunk to fit, never cropped. ``progress(done, total)`` may raise to stop.
    """
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        total = len(pdf)
        if total == 0:
            return 0
        if match_page_size:
            _match_page_size(printer, pdf[0].get_size())
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise DomainError("The printer could not be opened: check it is on and connected.")
        try:
            for index in range(total):
                if index:
                    printer.newPage()
                _paint_page(painter, printer, pdf[index], max_dpi)
                if progress is not None:
                    progress(index + 1, total)
        finally:
            painter.end()
        return total
    finally:
        pdf.close()


def _match_page_size(printer: QPrinter, size_points: tuple[float, float]) -> None:
    width, height = size_points
    portrait = QSizeF(min(width, height), max(width, height))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)


def _paint_page(painter: QPainter, printer: QPrinter, page: pdfium.PdfPage, max_dpi: int) -> None:
    width_pt, height_pt = page.get_size()
    dpi = min(printer.resolution(), max_dpi)
    image = _rasterise(page, dpi / POINTS_PER_INCH)
    device_dpi = printer.resolution()
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


def printer_named(name: str | None) -> QPrinter:
    """A printer for ``name``, or the system's default printer when ``name`` is empty.
    Refused with a sentence when no such printer exists (CUPS on Linux)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        if name:
            raise DomainError("There is no printer named {name}.", name=name)
        raise DomainError("No default printer is set up on this computer.")
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_to(pdf_bytes: bytes, printer_name: str | None, title: str) -> int:
    """Print without a dialog on the named or default printer; returns the page count."""
    printer = printer_named(printer_name)
    printer.setDocName(title)
    return print_pdf(pdf_bytes, printer)


def print_with_dialog(parent: QWidget | None, pdf_bytes: bytes, title: str) -> bool:
    """The system print dialog, then the document on the chosen printer. False when the
    person cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_pdf(pdf_bytes, printer)
    return True
