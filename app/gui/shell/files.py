"""Choosing a file or a folder — the only way Régie opens a file dialog.

Why not ``QFileDialog.getSaveFileName``: to show a type and an icon for each file, Qt's
dialogs sniff the first bytes of every file in the folder (``QMimeDatabase``). Opening and
closing the live SQLite database that way, inside our process, drops the POSIX locks our
connection holds on it (closing *any* descriptor of a file releases them all). The next
program that opens and closes the database then believes it is the last user, checkpoints
and deletes the write-ahead log — and every scan committed afterwards by this process goes
to a deleted file: silently lost. Our dialogs therefore name types and icons from the file
name alone and never read a file's content. The widget dialog is used on every platform so
that the rule holds everywhere (native dialogs sniff in-process too).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

tr = QCoreApplication.translate


class NameOnlyIcons(QFileIconProvider):
    """Icons and type names from the name alone: never opens the files listed."""

    def icon(self, what: QFileIconProvider.IconType | QFileInfo) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (
                QFileIconProvider.IconType.Folder
                if what.isDir()
                else QFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return tr("FileDialog", "Folder")
        suffix = info.suffix()
        if suffix:
            return tr("FileDialog", "%1 file").replace("%1", suffix.upper())
        return tr("FileDialog", "File")


def _dialog(parent: QWidget | None, caption: str, directory: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    # Qt's widget dialog keeps these two labels in English whatever its catalogue says
    labels = {
        QFileDialog.DialogLabel.LookIn: tr("FileDialog", "Look in:"),
        QFileDialog.DialogLabel.FileType: tr("FileDialog", "Files of type:"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    provider = NameOnlyIcons()
    dialog.setIconProvider(provider)
    dialog._regie_icons = provider  # type: ignore[attr-defined]  # kept alive with the dialog
    return dialog


def _run(dialog: QFileDialog) -> str:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return ""
        return dialog.selectedFiles()[0]
    finally:
        dialog.deleteLater()


def open_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> str:
    """An existing file chosen by the person, or "" when they cancelled."""
    dialog = _dialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def save_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> str:
    """Where to save (asks before replacing a file), or "" when they cancelled."""
    dialog = _dialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _run(dialog)


def existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """A folder chosen by the person, or "" when they cancelled."""
    dialog = _dialog(parent, caption, directory, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return _run(dialog)
