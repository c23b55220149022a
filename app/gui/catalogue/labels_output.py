"""The labels' output: the sheet format, then a PDF saved or printed. The PDF is drawn by
``inventory.labels`` as a long task (a few hundred labels take a moment) with a progress
dialog whose Cancel stops it; printing rasterises that same PDF
(``app.gui.shell.printing``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.files import atomic_write_bytes
from app.core.storage import os_reason
from app.gui.shell import files, icons
from app.gui.shell.operations import Cancelled, Operations, Progress
from app.gui.shell.printing import PrintJob, no_printer_sentence, printers, start_print
from app.gui.shell.scan_widgets import Feedback, shortcut_action
from app.i18n import message
from inventory import labels

tr = QCoreApplication.translate


class LabelsOutput(QWidget):
    """Base of the labels screen: the format box and the PDF / print actions, for the
    labels the screen has chosen (``selected``, or all of them)."""

    ops: Operations
    selected: dict[str, str]
    all_check: QCheckBox
    feedback: Feedback
    print_job: PrintJob | None  # the last print started (tests wait on it)

    def label_count(self) -> int:
        raise NotImplementedError

    def _refused(self, err: DomainError | Cancelled) -> None:
        raise NotImplementedError

    def _build_format(self) -> QGroupBox:
        output = QGroupBox(tr("LabelsScreen", "Format"))
        self.format_combo = QComboBox()
        self.format_combo.addItem(
            tr("LabelsScreen", "A4 sheet, 3 × 8 labels of 70 × 37 mm"), "a4-3x8"
        )
        self.format_combo.addItem(tr("LabelsScreen", "Thermal roll, 57 × 32 mm"), "thermal-57x32")
        self.qr_check = QCheckBox(tr("LabelsScreen", "Add a &QR code"))
        self.pdf_button = QPushButton(icons.icon("pdf"), tr("LabelsScreen", "Save as P&DF…"))
        self.pdf_button.setToolTip(tr("LabelsScreen", "Save as PDF (Ctrl+S)"))
        self.pdf_button.clicked.connect(self.save_pdf)
        shortcut_action(self, tr("LabelsScreen", "Save as PDF"), "Ctrl+S", self.save_pdf)
        self.print_button = QPushButton(icons.icon("print"), tr("LabelsScreen", "&Print…"))
        self.print_button.setToolTip(tr("LabelsScreen", "Print (Ctrl+P)"))
        self.print_button.setProperty("primary", True)
        self.print_button.clicked.connect(self.print_labels)
        shortcut_action(self, tr("LabelsScreen", "Print"), "Ctrl+P", self.print_labels)
        form = QFormLayout(output)
        form.addRow(tr("LabelsScreen", "&Format:"), self.format_combo)  # the label's buddy
        form.addRow("", self.qr_check)
        actions = QHBoxLayout()
        actions.addStretch()
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.print_button)
        form.addRow(actions)
        return output

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def save_pdf(self) -> None:
        if not self.label_count():
            return
        path = files.save_file_name(
            self,
            tr("LabelsScreen", "Save labels as PDF"),
            tr("LabelsScreen", "labels.pdf"),
            tr("LabelsScreen", "PDF files (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.render_labels(lambda pdf: self._write(Path(path), pdf))

    def _write(self, path: Path, pdf: bytes) -> None:
        try:
            atomic_write_bytes(path, pdf)
        except OSError as err:
            self.feedback.error(
                tr("LabelsScreen", "Could not save {path}: {reason}").format(
                    path=str(path), reason=message(os_reason(err))
                )
            )
            return
        self.feedback.ok(tr("LabelsScreen", "Saved {path}.").format(path=str(path)))

    def make_printer(self) -> QPrinter:
        return QPrinter(QPrinter.PrinterMode.HighResolution)

    def print_labels(self) -> None:
        """The system print dialog (a sentence when there is no printer), then the labels
        drawn as a long task and printed in the background with progress and Cancel."""
        if not self.label_count():
            return
        if not printers():
            self.feedback.error(message(no_printer_sentence()))
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("LabelsScreen", "Print labels"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.render_labels(lambda pdf: self._print(printer, pdf))

    def _print(self, printer: QPrinter, pdf: bytes) -> PrintJob:
        job = start_print(self, pdf, printer, tr("LabelsScreen", "Labels"), show_errors=False)
        job.finished.connect(
            lambda pages: self.feedback.ok(
                tr("LabelsScreen", "%n page(s) sent to the printer.", None, pages)
            )
        )
        job.failed.connect(lambda err: self.feedback.error(message(err)))
        job.cancelled.connect(lambda: self.feedback.info(tr("LabelsScreen", "Printing cancelled.")))
        self.print_job = job
        return job

    def render_labels(self, deliver: Callable[[bytes], object]) -> None:
        """Fetch the chosen labels, then draw the PDF as a long task and hand it over."""
        codes, everything = list(self.selected), self.all_check.isChecked()

        def fetch(uow: UnitOfWork) -> list[labels.Label]:
            return labels.all_labels(uow) if everything else labels.labels_for_codes(uow, codes)

        self.ops.read(fetch, lambda found: self._draw(found, deliver), self._refused)

    def _draw(self, found: list[labels.Label], deliver: Callable[[bytes], object]) -> None:
        fmt, qr = self.fmt(), self.qr_check.isChecked()
        dialog = QProgressDialog(
            tr("LabelsScreen", "Preparing {count} labels…").format(count=len(found)),
            tr("LabelsScreen", "Cancel"),
            0,
            max(1, len(found)),
            self,
        )
        dialog.setWindowTitle(tr("LabelsScreen", "Labels"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setValue(0)

        def task(progress: Progress) -> bytes:
            return labels.render_to_bytes(found, fmt=fmt, qr=qr, progress=progress)

        def finish(pdf: bytes) -> None:
            dialog.reset()
            dialog.deleteLater()
            deliver(pdf)

        def fail(err: DomainError | Cancelled) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._refused(err)

        handle = self.ops.long(task, lambda done, _total: dialog.setValue(done), finish, fail)
        dialog.canceled.connect(handle.cancel)
