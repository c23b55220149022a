"""Monthly statements, all at once: choose the month and a folder, and ``run_batch`` writes
one PDF per customer with activity or a balance, plus one merged PDF to print. The batch
runs off the GUI thread (``ops.long``) behind a progress dialog with Cancel; a cancelled
or failed run leaves no file behind (``run_batch`` writes into a private folder and moves
the files into place only at the end). At the end: how many statements were written, and
the merged PDF or the folder to open.

One customer's statement: choose the customer instead of "every customer". Printing: the
"Print" choice sends the merged PDF (every statement, in customer order) as one job to
the printer chosen in the list (the default printer first) without any dialog, or to the
printer chosen once in the system print dialog; the pages are painted off the GUI thread
behind a progress dialog with Cancel (``app.gui.shell.printing``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.errors import DomainError
from app.core.money import to_cents
from app.core.storage import os_reason
from app.gui.shell import files, help_window, icons, style
from app.gui.shell.list_filters import customer_choices
from app.gui.shell.operations import Cancelled, Operations, Progress
from app.gui.shell.printing import (
    PrintJob,
    choose_printer,
    default_printer,
    printer_named,
    printers,
    start_print,
)
from app.gui.shell.widgets import fill_customer_filter, format_amount, format_date

tr = QCoreApplication.translate

#: The "print" choice that opens the system print dialog (once for the whole month).
DIALOG = "?dialog"

#: Months offered, the current one first.
MONTHS_BACK = 24


def months(today: dt.date, count: int = MONTHS_BACK) -> list[str]:
    """``"YYYY-MM"`` of this month and the ``count - 1`` before it."""
    year, month = today.year, today.month
    found = []
    for _ in range(count):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found


def month_label(month: str) -> str:
    """ "2026-11" → "novembre 2026" in French, "November 2026" in English."""
    year, number = (int(part) for part in month.split("-"))
    name = QLocale().standaloneMonthName(number, QLocale.FormatType.LongFormat)
    return f"{name} {year}"


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / tr("StatementsDialog", "Statements")


class StatementsDialog(QDialog):
    """Choose month and folder; Write runs the batch with progress and Cancel."""

    #: ``(done, total)`` after the progress dialog shows it (tests listen to it).
    progressed = Signal(int, int)

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, month: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.handle: Progress | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.result_value: Any = None  # the BatchResult of the last run
        self.box: QMessageBox | None = None  # the closing summary (tests read it)
        self.setWindowTitle(tr("StatementsDialog", "Monthly statements"))
        help_window.add_f1(self, "statements")
        today = ops.ctx.clock.today()
        self.month = QComboBox()
        for value in months(today):
            self.month.addItem(month_label(value), value)
        # the usual run: last month's statements, early in the new month
        wanted = month or (months(today, 2)[1])
        self.month.setCurrentIndex(max(self.month.findData(wanted), 0))
        self.customer = QComboBox()
        self.customer.addItem(tr("StatementsDialog", "Every customer with activity or a balance"))
        self.customer.setItemData(0, None)
        self.customer.setAccessibleName(tr("StatementsDialog", "Customer"))
        self.ops.read(customer_choices, lambda rows: fill_customer_filter(self.customer, rows))
        self.print_choice = QComboBox()
        self.print_choice.setAccessibleName(tr("StatementsDialog", "Print"))
        self._fill_print_choices()
        self.print_job: PrintJob | None = None
        self.folder = QLineEdit(str(default_folder()))
        self.folder.setMinimumWidth(360)
        self.folder.setAccessibleName(tr("StatementsDialog", "Folder"))
        browse = QPushButton(icons.icon("open"), tr("StatementsDialog", "C&hoose…"))
        browse.setAccessibleName(tr("StatementsDialog", "Choose the folder"))
        browse.clicked.connect(self.choose_folder)
        browse.setAutoDefault(False)  # Return anywhere writes the statements
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        holder = QWidget()
        holder.setLayout(folder_row)
        form = QFormLayout()
        form.addRow(tr("StatementsDialog", "&Month:"), self.month)
        form.addRow(tr("StatementsDialog", "C&ustomer:"), self.customer)
        form.addRow(tr("StatementsDialog", "&Folder:"), holder)
        form.addRow(tr("StatementsDialog", "&Print:"), self.print_choice)
        label = form.labelForField(holder)
        if isinstance(label, QLabel):
            label.setBuddy(self.folder)
        intro = QLabel(
            tr(
                "StatementsDialog",
                "One PDF statement per customer with an invoice, a credit note, a payment or "
                "a booking in the month, or a balance at its end; plus one merged PDF to "
                "print them all.",
            )
        )
        intro.setWordWrap(True)
        style.set_role(intro, "muted")
        heading = QLabel(tr("StatementsDialog", "Monthly statements"))
        style.set_role(heading, "title")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setIcon(icons.icon("close"))
        self.write_button = self.buttons.addButton(
            tr("StatementsDialog", "&Write statements"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.write_button.setIcon(icons.icon("statement"))
        self.write_button.setProperty("primary", True)
        self.write_button.setDefault(True)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.setWindowIcon(icons.icon("statement"))
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACE.m)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for button in self.buttons.buttons():  # Return anywhere writes the statements
            if isinstance(button, QPushButton):
                button.setAutoDefault(button is self.write_button)
        self.write_button.setDefault(True)  # now that the button is in the dialog
        self.month.setFocus()

    def _fill_print_choices(self) -> None:
        """ "Do not print", each printer (the default one first, without a dialog), and
        "choose in the print dialog"."""
        self.print_choice.addItem(tr("StatementsDialog", "No, only write the files"), "")
        default = default_printer()
        names = sorted(printers(), key=lambda name: (name != default, name.casefold()))
        for name in names:
            text = (
                tr("StatementsDialog", "All at once on %1 (default printer, no dialog)")
                if name == default
                else tr("StatementsDialog", "All at once on %1 (no dialog)")
            )
            self.print_choice.addItem(text.replace("%1", name), name)
        self.print_choice.addItem(
            tr("StatementsDialog", "All at once, on a printer chosen in the print dialog…"),
            DIALOG,
        )

    def choose_folder(self) -> None:
        path = files.existing_directory(
            self, tr("StatementsDialog", "Folder for the statements"), self.folder.text()
        )
        if path:
            self.folder.setText(path)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {style.palette().danger};" if error else "")
        self.message.show()

    # --- the batch ----------------------------------------------------------------------

    def run(self) -> Progress | None:
        """Write the statements of the chosen month into the chosen folder."""
        from invoicing.statements import run_batch

        text = self.folder.text().strip()
        if not text:
            self._say(tr("StatementsDialog", "Choose the folder for the statements."), True)
            self.folder.setFocus()
            return None
        out_dir, month = Path(text).expanduser(), str(self.month.currentData())
        db, today = self.ops.ctx.db, self.ops.ctx.clock.today()
        chosen = self.customer.currentData()
        customer_ids = [int(chosen)] if chosen is not None else None
        self.message.hide()
        self.write_button.setEnabled(False)
        dialog = QProgressDialog(
            tr("StatementsDialog", "Writing the statements of %1…").replace(
                "%1", month_label(month)
            ),
            tr("StatementsDialog", "Cancel"),
            0,
            0,
            self,
        )
        dialog.setWindowTitle(tr("StatementsDialog", "Monthly statements"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog

        def task(progress: Progress) -> Any:
            self.handle = progress  # reachable at once, even with a synchronous runner
            return run_batch(
                db, month, out_dir, today=today, customer_ids=customer_ids, progress=progress
            )

        handle = self.ops.long(task, self._report, self._finished, self._failed)
        if self.progress_dialog is dialog:  # still running (a synchronous runner is done)
            self.handle = handle
        return handle

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(tr("StatementsDialog", "Cancelling…"))

    def _report(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        if total:
            dialog.setLabelText(
                tr("StatementsDialog", "Statement %1 of %2…")
                .replace("%1", QLocale().toString(min(done + 1, total)))
                .replace("%2", QLocale().toString(total))
            )
        self.progressed.emit(done, total)

    def _close_progress(self) -> None:
        self.write_button.setEnabled(True)
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel)
            self.progress_dialog.reset()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.handle = None

    def _failed(self, err: DomainError | Cancelled) -> None:
        self._close_progress()
        if isinstance(err, Cancelled):
            self._say(tr("StatementsDialog", "Cancelled: no statement was written."))
        else:
            self._say(i18n.message(err), True)

    def _finished(self, result: Any) -> None:
        self._close_progress()
        self.result_value = result
        count = len(result.files)
        if not count:
            self._say(
                tr("StatementsDialog", "No customer had activity or a balance in %1.").replace(
                    "%1", month_label(result.month)
                )
            )
            return
        owed = sum((t.closing for t in result.totals), start=0)
        text = (
            tr("StatementsDialog", "%Ln statement(s) of %1 written to %2.", None, count)
            .replace("%1", month_label(result.month))
            .replace("%2", str(Path(result.files[0]).parent))
        )
        self._say(text)
        if self.print_choice.currentData():
            self.print_merged(str(self.print_choice.currentData()))
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("StatementsDialog", "Monthly statements"),
            text,
            QMessageBox.StandardButton.Close,
            self,
        )
        summary = tr("StatementsDialog", "Closing balances: %1 in all.").replace(
            "%1", format_amount(to_cents(owed))
        )
        since = sum((t.paid_since for t in result.totals), start=0)
        if since and result.totals[0].as_of is not None:
            summary += " " + (
                tr("StatementsDialog", "Paid since the end of the month, as of %1: %2.")
                .replace("%1", format_date(result.totals[0].as_of))
                .replace("%2", format_amount(to_cents(since)))
            )
        box.setInformativeText(summary)
        self.open_merged_button = box.addButton(
            tr("StatementsDialog", "&Open the merged PDF"), QMessageBox.ButtonRole.ActionRole
        )
        self.open_folder_button = box.addButton(
            tr("StatementsDialog", "Open the &folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.print_merged_button = box.addButton(
            tr("StatementsDialog", "&Print…"), QMessageBox.ButtonRole.ActionRole
        )
        for button, name in (
            (self.open_merged_button, "pdf"),
            (self.open_folder_button, "open"),
            (self.print_merged_button, "print"),
        ):
            button.setIcon(icons.icon(name))
        box.setDefaultButton(self.open_merged_button)
        box.buttonClicked.connect(self._summary_clicked)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda *_: setattr(self, "box", None))
        self.box = box
        box.open()

    def _summary_clicked(self, button: Any) -> None:
        if self.result_value is None:
            return
        if button is self.open_merged_button and self.result_value.merged is not None:
            self.open_path(Path(self.result_value.merged))
        elif button is self.open_folder_button:
            self.open_path(Path(self.result_value.files[0]).parent)
        elif button is self.print_merged_button:
            self.print_merged(DIALOG)

    # --- printing -----------------------------------------------------------------------

    def make_printer(self, choice: str) -> QPrinter | None:
        """The printer for ``choice`` (a printer's name, or ``DIALOG``: the system print
        dialog, once for the whole month); None when the dialog was cancelled."""
        title = self._print_title()
        if choice == DIALOG:
            return choose_printer(self, title)
        return printer_named(choice)

    def _print_title(self) -> str:
        month = self.result_value.month if self.result_value is not None else ""
        return tr("StatementsDialog", "Statements %1").replace("%1", month)

    def print_merged(self, choice: str) -> PrintJob | None:
        """Send the merged PDF of the last run to the printer: one job for the month."""
        result = self.result_value
        if result is None or result.merged is None:
            return None
        try:
            pdf = Path(result.merged).read_bytes()
            printer = self.make_printer(choice)
        except OSError as err:
            self._say(
                tr("StatementsDialog", "Cannot read %1: %2")
                .replace("%1", str(result.merged))
                .replace("%2", i18n.message(os_reason(err))),
                True,
            )
            return None
        except DomainError as err:
            self._say(i18n.message(err), True)
            return None
        if printer is None:
            return None
        name = printer.printerName() or printer.outputFileName()
        self.write_button.setEnabled(False)
        job = start_print(self, pdf, printer, self._print_title(), show_errors=False)
        job.finished.connect(lambda pages: self._printed(name, pages))
        job.failed.connect(lambda err: self._say(i18n.message(err), True))
        job.cancelled.connect(
            lambda: self._say(
                tr(
                    "StatementsDialog",
                    "Printing cancelled: the statements are written; print the merged PDF "
                    "again when you want.",
                )
            )
        )
        for signal in (job.finished, job.failed, job.cancelled):
            signal.connect(lambda *_: self.write_button.setEnabled(True))
        self.print_job = job
        return job

    def _printed(self, printer: str, pages: int) -> None:
        self._say(
            self.message.text()
            + "\n"
            + tr("StatementsDialog", "Sent to %1: %n page(s).", None, pages).replace("%1", printer)
        )

    @staticmethod
    def open_path(path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
