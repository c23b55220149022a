"""Export for the accountant (Invoices screen): a period (last month by default), a format
(FEC, CSV for a spreadsheet, e-reporting transaction data) and a file; Export reads the
period and writes the file whole off the GUI thread (``invoicing.accounting`` /
``invoicing.ereporting``). "Account numbers…" opens the accounts dialog. A period ending
before it starts, or a file that cannot be written, is refused with a sentence and nothing
written."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core import settings
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.files import atomic_write_bytes
from app.core.storage import os_reason
from app.gui.invoicing.export_accounts import AccountsDialog
from app.gui.shell import files, icons, style
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import qdate
from invoicing import accounting, ereporting

tr = QCoreApplication.translate

FEC, CSV, EREPORTING = "fec", "csv", "ereporting"


def last_month(today: dt.date) -> tuple[dt.date, dt.date]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def write_export(uow: UnitOfWork, kind: str, start: dt.date, end: dt.date, path: str) -> int:
    """Read the period and write the file (whole or not at all): the number of entries or
    rows written. Runs off the GUI thread."""
    if kind == EREPORTING:
        data, count = ereporting.export(uow, start, end)
    else:
        data, count = accounting.export(uow, start, end, kind)
    target = Path(path).expanduser()
    if target.is_dir() or not target.parent.is_dir():
        raise DomainError("The folder {folder} does not exist.", folder=str(target.parent))
    try:
        atomic_write_bytes(target, data)
    except OSError as err:
        raise DomainError(
            "The file {path} could not be written: {reason}.",
            path=str(target),
            reason=os_reason(err),
        ) from err
    return count


def suggested_name(kind: str, siren: str, start: dt.date, end: dt.date) -> str:
    if kind == FEC:
        return accounting.fec_file_name(siren, end)
    if kind == CSV:
        return f"ecritures-{start:%Y%m%d}-{end:%Y%m%d}.csv"
    return f"e-reporting-{start:%Y%m%d}-{end:%Y%m%d}.csv"


class ExportDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.count: int | None = None  # what the last export wrote (tests read it)
        self.accounts_dialog: AccountsDialog | None = None
        self._siren = ""
        self._named = False  # the person chose or typed the file name
        self.setWindowTitle(tr("ExportDialog", "Export for the accountant"))
        self.setWindowIcon(icons.icon("export"))
        start, end = last_month(ops.ctx.clock.today())
        self.date_from, self.date_to = QDateEdit(qdate(start)), QDateEdit(qdate(end))
        self.date_from.setAccessibleName(tr("ExportDialog", "First day"))
        self.date_to.setAccessibleName(tr("ExportDialog", "Last day"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.dateChanged.connect(self._rename)
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.date_from)
        period.addWidget(QLabel(tr("ExportDialog", "to")))
        period.addWidget(self.date_to)
        period.addStretch(1)
        self.format = QComboBox()
        self.format.addItem(tr("ExportDialog", "FEC (accounting software import)"), FEC)
        self.format.addItem(tr("ExportDialog", "CSV for a spreadsheet"), CSV)
        self.format.addItem(tr("ExportDialog", "E-reporting transaction data (CSV)"), EREPORTING)
        self.format.currentIndexChanged.connect(self._rename)
        self.path = QLineEdit()
        self.path.setMinimumWidth(380)
        self.path.setAccessibleName(tr("ExportDialog", "File"))
        self.path.textEdited.connect(self._typed)
        browse = QPushButton(icons.icon("open"), tr("ExportDialog", "C&hoose…"))
        browse.setAccessibleName(tr("ExportDialog", "Choose the file"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        holder_period, holder_file = QWidget(), QWidget()
        holder_period.setLayout(period)
        holder_file.setLayout(file_row)
        form.addRow(tr("ExportDialog", "&Period:"), holder_period)
        form.addRow(tr("ExportDialog", "F&ormat:"), self.format)
        form.addRow(tr("ExportDialog", "&File:"), holder_file)
        for field, buddy in ((holder_period, self.date_from), (holder_file, self.path)):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(buddy)
        heading = QLabel(tr("ExportDialog", "Export for the accountant"))
        style.set_role(heading, "title")
        intro = QLabel(
            tr(
                "ExportDialog",
                "The invoices and credit notes issued in the period and the payments "
                "received, as balanced entries with the account numbers set here; or the "
                "e-reporting data of the sales that are not e-invoiced.",
            )
        )
        intro.setWordWrap(True)
        style.set_role(intro, "muted")
        self.message = QLabel()  # room kept for two lines: the form never squeezes
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.accounts_button = self.buttons.addButton(
            tr("ExportDialog", "&Account numbers…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.accounts_button.setIcon(icons.icon("settings"))
        self.accounts_button.clicked.connect(self.edit_accounts)
        self.export_button = self.buttons.addButton(
            tr("ExportDialog", "&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setIcon(icons.icon("export"))
        self.export_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACE.m)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(button is self.export_button)
        self.export_button.setDefault(True)
        self._rename()
        self.ops.read(lambda uow: settings.get_setting(uow, settings.SIREN), self._got_siren)
        self.date_from.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit)

    def fit(self) -> None:
        """As tall as the wrapped texts need at this width (a window's height does not
        follow its labels' height-for-width by itself, so the fields would be squeezed)."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else 0
        if needed > self.height():
            self.resize(self.width(), needed)

    # --- the file name ---------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        first, last = self.date_from.date(), self.date_to.date()
        return (
            dt.date(first.year(), first.month(), first.day()),
            dt.date(last.year(), last.month(), last.day()),
        )

    def _got_siren(self, siren: str) -> None:
        self._siren = siren
        self._rename()

    def _typed(self, _text: str) -> None:
        self._named = True

    def _rename(self) -> None:
        """The suggested name follows the period and format until the person names the
        file; then only its extension follows the format."""
        start, end = self.period()
        name = suggested_name(self.format.currentData(), self._siren, start, end)
        current = self.path.text().strip()
        if self._named and current:
            return
        folder = Path(current).parent if current else default_folder()
        self.path.setText(str(folder / name))

    def choose_file(self) -> None:
        kind = self.format.currentData()
        filters = (
            tr("ExportDialog", "FEC text files (*.txt)")
            if kind == FEC
            else tr("ExportDialog", "CSV files (*.csv)")
        )
        chosen = files.save_file_name(
            self, tr("ExportDialog", "Export to"), self.path.text(), filters
        )
        if chosen:
            self.path.setText(chosen)
            self._named = True

    # --- running -------------------------------------------------------------------

    def run(self) -> None:
        start, end = self.period()
        path = self.path.text().strip()
        kind = self.format.currentData()
        if not path:
            self._say(tr("ExportDialog", "Give the file to write."), True)
            return
        if end < start:
            self._say(tr("ExportDialog", "The period ends before it starts."), True)
            return
        self.export_button.setEnabled(False)
        self._say(tr("ExportDialog", "Exporting…"), False)
        self.ops.read(
            lambda uow: write_export(uow, kind, start, end, path),
            lambda count: self._done(count, path, kind),
            self._failed,
        )

    def _done(self, count: int, path: str, kind: str) -> None:
        self.count = count
        self.export_button.setEnabled(True)
        if kind == EREPORTING:
            text = tr("ExportDialog", "%n e-reporting row(s) written to %1.", None, count)
        else:
            text = tr("ExportDialog", "%n accounting entry(ies) written to %1.", None, count)
        self._say(text.replace("%1", os.path.basename(path)), False)
        self.message.setToolTip(path)

    def _failed(self, err: DomainError) -> None:
        self.export_button.setEnabled(True)
        self._say(i18n.message(err), True)

    def _say(self, text: str, problem: bool) -> None:
        self.message.setText(text)
        style.set_role(self.message, "error" if problem else "muted")
        self.fit()

    def edit_accounts(self) -> None:
        self.accounts_dialog = AccountsDialog(self.ops, self)
        self.accounts_dialog.open()


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())
