"""The Backups screen (File → Backups…, administrators): the last good backup, the folder
this workstation backs up into (a USB disk, a NAS), the backups in it, *Back up now* and
*Restore…* (confirmed, off the GUI thread, with a busy bar). The work is
``app.backup_jobs``; this module only shows it.

``open_backups(window, ops)`` opens it (one per main window); ``daily(ops)`` makes the daily
automatic backup off the GUI thread when it is due (called at start); the automatic backup
at close is ``app.backup_jobs.on_close(db, clock)``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import backup_jobs, i18n
from app.core import backups
from app.core.access import Permission
from app.core.errors import DomainError
from app.gui.shell import files, help_window, icons, style
from app.gui.shell.changes import Change
from app.gui.shell.chips import StatusChip
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_datetime

tr = QCoreApplication.translate
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def _when(value: dt.datetime, ops: Operations) -> str:
    return format_datetime(value, ops.ctx.clock.tz)


def _size(size: int) -> str:
    return QLocale().formattedDataSize(size)


class BackupsDialog(QDialog):
    """What a workstation knows of its backups of the open database."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.state: backups.Status | None = None
        self.busy = False
        self.setWindowTitle(tr("Backups", "Backups"))
        help_window.add_f1(self, "backups")
        self.resize(760, 520)
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        self.chip = StatusChip("scan", None, "", self)
        head.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(tr("Backups", "Reading the backups…"))
        self.summary.setWordWrap(True)
        style.set_role(self.summary, "heading")
        head.addWidget(self.summary, 1)
        layout.addLayout(head)
        self.error = QLabel()
        self.error.setWordWrap(True)
        style.set_role(self.error, "error")
        self.error.hide()
        layout.addWidget(self.error)

        row = QHBoxLayout()
        label = QLabel(tr("Backups", "&Folder:"))
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(tr("Backups", "Backup folder"))
        label.setBuddy(self.folder)
        self.choose = QPushButton(icons.icon("open"), tr("Backups", "&Choose…"))
        self.choose.setToolTip(
            tr("Backups", "Back up into another folder: a USB disk, a NAS share…")
        )
        self.choose.clicked.connect(self.choose_folder)
        row.addWidget(label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        layout.addLayout(row)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [tr("Backups", "Made"), tr("Backups", "Size"), tr("Backups", "File")]
        )
        self.table.setAccessibleName(tr("Backups", "Backups in the folder"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda *_: self.restore())
        layout.addWidget(self.table, 1)

        rule = QLabel(
            tr(
                "Backups",
                "Régie backs the database up when it closes and once a day, checks each "
                "backup (in full, as Verify integrity does, when you back up by hand), and "
                "keeps the newest of each of the last 7 days, 4 weeks and 12 months. A "
                "restore keeps the current database aside first.",
            )
        )
        rule.setWordWrap(True)
        style.set_role(rule, "muted")
        layout.addWidget(rule)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(tr("Backups", "Working"))
        self.progress.hide()
        layout.addWidget(self.progress)

        buttons = QDialogButtonBox()
        self.backup_button = QPushButton(icons.icon("save"), tr("Backups", "&Back up now"))
        self.restore_button = QPushButton(icons.icon("undo"), tr("Backups", "&Restore…"))
        self.restore_button.setToolTip(
            tr("Backups", "Restore the selected backup, or choose a backup file")
        )
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setIcon(icons.icon("close"))
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)
        layout.addWidget(buttons)
        self.allowed = ops.ctx.db.actor.may(Permission.BACKUPS)
        if not self.allowed:
            why = tr("Backups", "Only an administrator may back up, restore or choose the folder.")
            for button in (self.backup_button, self.restore_button, self.choose):
                button.setToolTip(why)
        self._update_buttons()
        self.table.setFocus()
        self.refresh()

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.ops.ctx.db
        self.ops.long(lambda _p: backups.status(db), _ignore, self.show_status, self._failed)

    def show_status(self, state: backups.Status) -> None:
        self.state = state
        self.folder.setText(str(state.folder))
        good = state.last_good
        now = self.ops.ctx.clock.now()
        if good is None:
            self.chip.set_status("warning", tr("Backups", "None"))
            self.summary.setText(tr("Backups", "No good backup yet: back up now."))
        else:
            old = now - good.at >= backups.DAILY
            self.chip.set_status(
                "warning" if old else "ok",
                tr("Backups", "Old") if old else tr("Backups", "Up to date"),
            )
            shown = good.path.name if good.path.parent == state.folder else str(good.path)
            self.summary.setText(
                tr("Backups", "Last good backup: %1 — %2")
                .replace("%1", _when(good.at, self.ops))
                .replace("%2", shown)
            )
        if state.last_error:
            when = _when(state.last_error_at, self.ops) if state.last_error_at else ""
            self.chip.set_status("error", tr("Backups", "Failed"))
            self.error.setText(
                tr("Backups", "The last automatic backup (%1) failed: %2")
                .replace("%1", when)
                .replace("%2", state.last_error)
            )
            self.error.show()
        else:
            self.error.hide()
        self.table.setRowCount(len(state.backups))
        for row, item in enumerate(state.backups):
            cells = [_when(item.at, self.ops), _size(item.size), item.path.name]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(PATH_ROLE, str(item.path))
                if column == 1:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        self._update_buttons()

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return Path(str(item.data(PATH_ROLE))) if item is not None else None

    # --- acting -----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        free = not self.busy and self.allowed
        self.backup_button.setEnabled(free)
        self.restore_button.setEnabled(free)
        self.choose.setEnabled(free)

    def _working(self, on: bool, text: str = "") -> None:
        self.busy = on
        self.progress.setVisible(on)
        if on:
            self.progress.setFormat(text)
            self.summary.setText(text)
        self._update_buttons()

    def _failed(self, err: DomainError | Exception) -> None:
        self._working(False)
        if isinstance(err, DomainError):
            QMessageBox.warning(self, tr("Backups", "Backups"), i18n.message(err))
        self.refresh()

    def choose_folder(self) -> None:
        start = self.folder.text()
        chosen = files.existing_directory(self, tr("Backups", "Backup folder"), start)
        if not chosen:
            return
        db = self.ops.ctx.db
        self.ops.long(
            lambda _p: backups.set_folder(db, Path(chosen)),
            _ignore,
            lambda _folder: self.refresh(),
            self._failed,
        )

    def back_up(self) -> None:
        db, clock = self.ops.ctx.db, self.ops.ctx.clock
        self._working(True, tr("Backups", "Backing up and checking the backup…"))
        self.ops.long(
            lambda _p: backup_jobs.backup(db, clock), _ignore, self._backed_up, self._failed
        )

    def _backed_up(self, made: backups.Made) -> None:
        self._working(False)
        self.refresh()

    def restore(self) -> None:
        if self.busy or not self.allowed:
            return
        chosen = self.selected()
        if chosen is None:
            name = files.open_file_name(
                self,
                tr("Backups", "Backup to restore"),
                self.folder.text(),
                tr("Backups", "Régie backups (*.db *.dump);;All files (*)"),
            )
            if not name:
                return
            chosen = Path(name)
        answer = QMessageBox.question(
            self,
            tr("Backups", "Restore a backup"),
            tr(
                "Backups",
                "Replace the database with the backup %1?\n\nThe current database is kept "
                "aside first; what was recorded since the backup will no longer show. Other "
                "workstations should close Régie first.",
            ).replace("%1", chosen.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, clock = self.ops.ctx.db, self.ops.ctx.clock
        source = backups.source_of(db)
        target: Path | str = source.url if source.kind == backups.POSTGRESQL else Path(source.key)
        self._working(True, tr("Backups", "Checking and restoring the backup…"))
        self.ops.long(
            lambda _p: backup_jobs.restore(target, chosen, clock, db),
            _ignore,
            self._restored,
            self._failed,
        )

    def _restored(self, done: backups.Restored) -> None:
        self._working(False)
        for kind in Change:  # every screen shows the restored data
            self.ops.changed.emit(kind)
        lines = [tr("Backups", "Restored from %1.").replace("%1", done.source.name)]
        if done.migrated:
            lines.append(tr("Backups", "The backup was from an older Régie: it was migrated."))
        if done.kept_aside is not None:
            lines.append(
                tr("Backups", "The previous database was kept aside: %1").replace(
                    "%1", str(done.kept_aside)
                )
            )
        lines.extend(done.problems)
        self.refresh()
        QMessageBox.information(self, tr("Backups", "Restore a backup"), "\n\n".join(lines))


def _ignore(_done: int, _total: int) -> None:
    """Backups report no steps: the bar just shows that work goes on."""


def open_backups(window: Any, ops: Operations) -> BackupsDialog:
    """The Backups dialog of ``window`` (non-modal; the one already open is raised)."""
    existing = getattr(window, "_backups_dialog", None)
    if isinstance(existing, BackupsDialog) and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = BackupsDialog(ops, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window._backups_dialog = dialog
    dialog.destroyed.connect(lambda *_: setattr(window, "_backups_dialog", None))
    dialog.show()
    return dialog


def daily(ops: Operations) -> None:
    """The daily automatic backup when it is due, off the GUI thread; quiet (a failure is
    recorded for the Backups screen)."""
    db, clock = ops.ctx.db, ops.ctx.clock
    ops.long(
        lambda _p: backup_jobs.on_start(db, clock), _ignore, lambda _made: None, lambda _e: None
    )
