"""A PDF preview without QtPdf (PySide6-Essentials): pypdfium2 rasterises the current page
into a QImage at the zoom chosen, shown in a scroll area, with page navigation.

The bytes shown are the document's own (the stored PDF of an issued invoice, a quote just
rendered): what you see is what Print and Save as PDF give.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.shell import icons, style
from app.gui.shell.printing import PDFIUM_LOCK

tr = QCoreApplication.translate

POINTS_PER_INCH = 72.0
A4_WIDTH = 595.0
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0)


def render_page(pdf_bytes: bytes, index: int, scale: float) -> tuple[QImage, int]:
    """Page ``index`` of ``pdf_bytes`` as an RGB QImage at ``scale`` (1.0 = 72 dpi), and
    the number of pages. Holds ``PDFIUM_LOCK`` (a document may be printing meanwhile)."""
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(pdf_bytes)
        try:
            total = len(pdf)
            page = pdf[max(0, min(index, total - 1))]
            try:
                bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
                try:
                    picture = bitmap.to_pil().convert("RGB")
                finally:
                    bitmap.close()
            finally:
                page.close()
        finally:
            pdf.close()
    data = picture.tobytes()
    image = QImage(
        data, picture.width, picture.height, 3 * picture.width, QImage.Format.Format_RGB888
    )
    return image.copy(), total


def page_width(pdf_bytes: bytes, index: int) -> float:
    """The width in points of page ``index`` (A4's when the page cannot be measured)."""
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(pdf_bytes)
        except pdfium.PdfiumError:
            return A4_WIDTH  # an unreadable page is shown at the A4 width
        try:
            page = pdf[max(0, min(index, len(pdf) - 1))]
            try:
                return float(page.get_size()[0])
            finally:
                page.close()
        except (pdfium.PdfiumError, IndexError):
            return A4_WIDTH
        finally:
            pdf.close()


class PdfPreview(QWidget):
    """Pages of one PDF: Page Up / Page Down turn pages, Ctrl++ / Ctrl+- zoom, the Fit
    button (``fit_width``) sizes the page to the view's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf: bytes = b""
        self.page = 0
        self.page_count = 0
        self.zoom = 1.0
        self.fit = True
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._backdrop()
        style.notifier().changed.connect(self._backdrop)
        self.scroll_area.setAccessibleName(tr("PdfPreview", "Document preview"))
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.previous_button = self._button("previous", tr("PdfPreview", "Previous page (Page Up)"))
        self.next_button = self._button("next", tr("PdfPreview", "Next page (Page Down)"))
        self.zoom_out_button = self._button("zoom_out", tr("PdfPreview", "Zoom out (Ctrl+-)"))
        self.zoom_in_button = self._button("zoom_in", tr("PdfPreview", "Zoom in (Ctrl++)"))
        self.fit_button = self._button("fit", tr("PdfPreview", "Fit the width"))
        self.fit_button.setText(tr("PdfPreview", "Fit"))
        self.fit_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.fit_button.clicked.connect(self.fit_width)
        self.page_label = QLabel()
        self.zoom_label = QLabel()
        for keys, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.show_page(self.page - 1)),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.show_page(self.page + 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addWidget(self.fit_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.scroll_area, 1)
        self._update_bar()

    def _button(self, icon: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icons.icon(icon))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _backdrop(self, *_: object) -> None:
        """The page lies on a darker backdrop, so its white edge shows in both themes."""
        self.scroll_area.setStyleSheet(f"QScrollArea {{ background: {style.palette().border}; }}")

    # --- contents -----------------------------------------------------------------------

    def set_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` from its first page (empty bytes: nothing shown)."""
        self.pdf = bytes(pdf)
        self.page = 0
        self.page_count = 0
        if not self.pdf:
            self.image.clear()
            self.image.setMinimumSize(0, 0)
            self._update_bar()
            return
        self.show_page(0)

    def clear(self) -> None:
        self.set_pdf(b"")

    def pixmap(self) -> QPixmap:
        return self.image.pixmap()

    def show_page(self, index: int) -> None:
        if not self.pdf:
            return
        if self.page_count and not 0 <= index < self.page_count:
            return
        scale = self._scale()
        ratio = self.devicePixelRatioF() or 1.0
        try:
            image, self.page_count = render_page(self.pdf, index, scale * ratio)
        except pdfium.PdfiumError:
            self.page_count = 0
            self.image.setMinimumSize(0, 0)
            self.image.setText(
                tr("PdfPreview", "This document cannot be shown: it is not a readable PDF.")
            )
            self._update_bar()
            return
        self.page = max(0, min(index, self.page_count - 1))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.image.setPixmap(pixmap)
        # the whole page can be scrolled to (a page taller than the view is not cropped)
        self.image.setMinimumSize(pixmap.deviceIndependentSize().toSize())
        self._update_bar()

    def _scale(self) -> float:
        if not self.fit:
            return self.zoom
        width_pt = page_width(self.pdf, self.page)
        available = max(200, self.scroll_area.viewport().width() - 24)
        self.zoom = max(0.25, min(4.0, available / width_pt))
        return self.zoom

    def step_zoom(self, direction: int) -> None:
        self.fit = False
        self.fit_button.setChecked(False)
        if direction > 0:
            self.zoom = next((z for z in ZOOM_STEPS if z > self.zoom + 0.01), ZOOM_STEPS[-1])
        else:
            self.zoom = next(
                (z for z in reversed(ZOOM_STEPS) if z < self.zoom - 0.01), ZOOM_STEPS[0]
            )
        self.show_page(self.page)

    def fit_width(self) -> None:
        self.fit = True
        self.fit_button.setChecked(True)
        self.show_page(self.page)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 — Qt's name
        super().resizeEvent(event)
        if self.fit and self.pdf:
            self.show_page(self.page)

    def _update_bar(self) -> None:
        has = bool(self.pdf) and self.page_count > 0
        self.page_label.setText(
            tr("PdfPreview", "Page %1 of %2")
            .replace("%1", str(self.page + 1))
            .replace("%2", str(self.page_count))
            if has
            else ""
        )
        self.zoom_label.setText(f"{round(self.zoom * 100)} %" if has else "")
        self.previous_button.setEnabled(has and self.page > 0)
        self.next_button.setEnabled(has and self.page < self.page_count - 1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(has)


#: Room kept for the window manager's title bar and borders around a top-level window.
FRAME_ROOM = QSize(16, 40)


def fit_to_screen(window: QWidget, preferred: QSize, key: str = "") -> None:
    """Size and place a top-level ``window``: where it was last left (``key`` names it in
    the settings) when that still fits the screen, else ``preferred`` shrunk to the
    screen's available area (the desktop's panels excluded) and centred on it. Nothing
    the window shows (buttons at the bottom) ends up off-screen on a 1366×768 laptop."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication

    parent = window.parentWidget()
    anchor = parent.window() if parent is not None else window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)
    room = area.adjusted(0, 0, -FRAME_ROOM.width(), -FRAME_ROOM.height())
    if key:
        saved = QSettings("regie", "regie").value(f"geometry/{key}")
        if isinstance(saved, QByteArray | bytes) and window.restoreGeometry(saved):
            if room.width() >= window.width() and room.height() >= window.height():
                if area.contains(window.geometry().topLeft()):
                    return
    size = preferred.boundedTo(room.size()).expandedTo(window.minimumSize())
    window.resize(size)
    window.move(
        area.x() + max(0, (area.width() - size.width()) // 2),
        area.y() + max(0, (area.height() - size.height() - FRAME_ROOM.height()) // 2),
    )


def remember_geometry(window: QWidget, key: str) -> None:
    """Keep where ``window`` is and its size for the next ``fit_to_screen(..., key)``."""
    from PySide6.QtCore import QSettings

    QSettings("regie", "regie").setValue(f"geometry/{key}", window.saveGeometry())
