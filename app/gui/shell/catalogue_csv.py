"""The catalogue as one CSV file from the main window (File → Import catalogue / Export
catalogue): the import in one transaction with progress and Cancel, the export written
whole or not at all. A mixin of ``MainWindow`` (it uses its ``ops``, status bar and
``show_error``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QProgressDialog

from app.core.errors import DomainError
from app.core.files import replacing
from app.core.storage import os_reason
from app.gui.shell import files
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations, Progress

tr = QCoreApplication.translate


class CatalogueCsv(QMainWindow):
    """File → Import catalogue (CSV)… / Export catalogue (CSV)…"""

    ops: Operations
    progress_dialog: QProgressDialog | None

    show_error: Callable[[Any], None]  # MainWindow's

    def choose_import(self) -> None:
        path = files.open_file_name(
            self,
            tr("MainWindow", "Import catalogue"),
            str(Path.home()),
            tr("MainWindow", "Spreadsheets (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.import_csv(Path(path))

    def import_csv(self, path: Path) -> Progress:
        """Import a catalogue CSV in one transaction, with progress and Cancel."""
        from booking.tracking import holders
        from inventory.csvio import import_catalogue

        ctx, user = self.ops.ctx, self.ops.user
        dialog = QProgressDialog(
            tr("MainWindow", "Importing %1…").replace("%1", path.name),
            tr("MainWindow", "Cancel"),
            0,
            0,
            self,
        )
        dialog.setWindowTitle(tr("MainWindow", "Import catalogue"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self.progress_dialog = dialog

        def task(progress: Progress) -> Any:
            with path.open("rb") as stream, ctx.db.write() as uow:
                return import_catalogue(
                    uow,
                    user=user,
                    clock=ctx.clock,
                    stream=stream,
                    progress=progress,
                    holders=holders,
                )

        def report(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def finished(summary: Any) -> None:
            self._close_progress()
            self.statusBar().showMessage(
                tr("MainWindow", "Imported %1 and %2.")
                .replace("%1", tr("MainWindow", "%n item type(s)", None, summary.types))
                .replace("%2", tr("MainWindow", "%n unit(s)", None, summary.units)),
                10000,
            )
            self.ops.changed.emit(Change.CATALOGUE)

        def failed(err: DomainError) -> None:
            self._close_progress()
            self.show_error(err)

        handle = self.ops.long(task, report, finished, failed)
        dialog.canceled.connect(handle.cancel)
        return handle

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def choose_export(self) -> None:
        path = files.save_file_name(
            self,
            tr("MainWindow", "Export catalogue"),
            str(Path.home() / "catalogue.csv"),
            tr("MainWindow", "CSV files (*.csv)"),
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        from inventory.csvio import export_catalogue

        def work(uow: Any) -> Any:
            try:
                with replacing(path) as temp, temp.open("wb") as stream:
                    return export_catalogue(uow, stream)
            except OSError as err:
                raise DomainError(
                    "Cannot write {path}: {reason}", path=str(path), reason=os_reason(err)
                ) from None

        self.ops.read(
            work,
            lambda summary: self.statusBar().showMessage(
                tr("MainWindow", "Exported %1 and %2 to %3.")
                .replace("%1", tr("MainWindow", "%n item type(s)", None, summary.types))
                .replace("%2", tr("MainWindow", "%n unit(s)", None, summary.units))
                .replace("%3", str(path)),
                10000,
            ),
        )
