"""Help → About Régie: the version, the database in use, the licence, what it runs on.

The database is named as Settings names it (the file's path, or the server without its
password: ``Database.display_name``), with "demo data" when it holds the demo cooperative.
"Copy" puts the whole box as text on the clipboard (what a helper asks for on the phone).
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import launcher
from app.version import VERSION

tr = QCoreApplication.translate

LICENCE = "AGPL-3.0-or-later"
LICENCE_URL = "https://www.gnu.org/licenses/agpl-3.0.html"
ICON = Path(__file__).resolve().parents[3] / "resources" / "icons" / "regie.png"


def licence_summary() -> str:
    return tr(
        "About",
        "Régie is free software: you can redistribute it and/or modify it under the terms "
        "of the GNU Affero General Public License as published by the Free Software "
        "Foundation, either version 3 of the License, or (at your option) any later "
        "version.\n\n"
        "It is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; "
        "without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR "
        "PURPOSE.\n\n"
        "If you let people use a modified Régie over a network, you must offer them its "
        "source code. The DejaVu fonts it ships have their own free licence.\n\n"
        "The whole licence: {url}",
    ).format(url=LICENCE_URL)


def running_on() -> str:
    """Python, Qt and PySide versions, and how Régie was installed."""
    how = (
        tr("About", "self-contained application")
        if launcher.frozen()
        else tr("About", "Python package")
    )
    return tr("About", "Python {python}, Qt {qt}, PySide {pyside} ({system}; {how})").format(
        python=platform.python_version(),
        qt=qVersion(),
        pyside=PySide6.__version__,
        system=platform.system() or sys.platform,
        how=how,
    )


class AboutDialog(QDialog):
    """Version, database, licence and platform; Licence… shows the summary, Copy copies."""

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About", "About Régie"))
        self.setObjectName("about")
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        logo = QLabel(self)
        pixmap = QPixmap(str(ICON))
        if not pixmap.isNull():
            logo.setPixmap(
                pixmap.scaled(
                    72,
                    72,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        logo.setAccessibleName(tr("About", "Régie's icon"))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        title = QVBoxLayout()
        name = QLabel(f"<b style='font-size:16pt'>Régie {VERSION}</b>", self)
        name.setAccessibleName(f"Régie {VERSION}")
        title.addWidget(name)
        title.addWidget(
            QLabel(tr("About", "Rental and inventory desk for pooled stage equipment"), self)
        )
        title.addStretch(1)
        head.addLayout(title, 1)
        layout.addLayout(head)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.version = self._value(VERSION)
        self.database = self._value(database)
        self.database.setWordWrap(True)
        self.licence = self._value(LICENCE)
        self.platform = self._value(running_on())
        self.platform.setWordWrap(True)
        form.addRow(tr("About", "Version:"), self.version)
        form.addRow(tr("About", "Database:"), self.database)
        form.addRow(tr("About", "Licence:"), self.licence)
        form.addRow(tr("About", "Runs on:"), self.platform)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.licence_button = QPushButton(tr("About", "&Licence…"), self)
        self.licence_button.setToolTip(tr("About", "What the licence lets you do"))
        self.licence_button.clicked.connect(self.show_licence)
        buttons.addButton(self.licence_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = QPushButton(tr("About", "&Copy"), self)
        self.copy_button.setToolTip(tr("About", "Copy these details (to send them for help)"))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(tr("About", "Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.setMinimumWidth(520)
        self.setMaximumWidth(760)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_demo(self, demo: bool) -> None:
        """Say when the database holds the demo cooperative."""
        if demo:
            self.database.setText(
                tr("About", "{database} (demo data)").format(database=self.database.text())
            )

    def text(self) -> str:
        """The box as plain text (Copy)."""
        return "\n".join(
            (
                f"Régie {VERSION}",
                tr("About", "Database:") + " " + self.database.text(),
                tr("About", "Licence:") + " " + LICENCE,
                tr("About", "Runs on:") + " " + self.platform.text(),
            )
        )

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(tr("About", "Copied"))

    def show_licence(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("About", "Licence — {licence}").format(licence=LICENCE),
            licence_summary(),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box.button(QMessageBox.StandardButton.Close).setText(tr("About", "Close"))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self._licence_box = box
        return box


def show_about(window: QMainWindow) -> AboutDialog:
    """Open the About box over ``window`` (a ``MainWindow``: ``window.ops.ctx.db``)."""
    from app.core.settings import is_demo

    old = getattr(window, "_about_dialog", None)
    if old is not None:
        old.close()
        old.deleteLater()
    ops: Any = getattr(window, "ops")  # noqa: B009 - a MainWindow's (typed as any window)
    dialog = AboutDialog(ops.ctx.db.display_name, window)
    setattr(window, "_about_dialog", dialog)  # noqa: B010 - kept until the next one
    ops.read(is_demo, dialog.set_demo, lambda _err: None)  # a damaged database: no mark
    dialog.open()
    return dialog
