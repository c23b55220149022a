"""Run by tests/gui/test_fit_and_keys.py in a process of its own, on an offscreen screen of
1366 x 768: builds the main window with every area and opens every dialog of the areas'
forms, and prints their frames (JSON) so the test can check each fits the screen.

    QT_QPA_PLATFORM=offscreen:configfile=laptop.json python tests/gui/laptop_probe.py DB LANG
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(db_path: str, language: str) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication(["laptop-probe"])
    from app import i18n
    from app.bootstrap import Context
    from app.core.clock import Clock
    from app.core.errors import DomainError
    from app.core.migrate import open_database
    from app.gui.bookings.customers_screen import CustomerDialog
    from app.gui.shell import geometry
    from app.gui.shell.identity_dialog import IdentityDialog
    from app.gui.shell.main import build_main_window
    from app.gui.shell.operations import Operations, SyncRunner
    from app.gui.shell.settings_dialog import SettingsDialog
    from app.gui.shell.widgets import ErrorListDialog

    i18n.install(language)
    geometry.install(app)
    ops = Operations(
        Context(db=open_database(Path(db_path)), clock=Clock(), user="probe"), SyncRunner()
    )
    window = build_main_window(ops)
    window.show()
    frames: dict[str, list[int]] = {}

    def record(name: str, widget) -> None:  # type: ignore[no-untyped-def]
        app.processEvents()
        frame = widget.frameGeometry()
        frames[name] = [frame.x(), frame.y(), frame.width(), frame.height()]

    for area in window.areas:
        window.show_area(area.key)
        record(f"area:{area.key}", window)
    inventory = window.screen("inventory")
    window.show_area("inventory")
    inventory.new_type()
    record("dialog:ItemTypeDialog", inventory.dialog)
    inventory.dialog.reject()
    for dialog in (
        SettingsDialog(ops, window, {}),
        IdentityDialog(ops, window, {}),
        CustomerDialog(ops, window),
        ErrorListDialog("Régie", DomainError("Something {x}.", x="wrong"), window),
    ):
        dialog.show()
        record(f"dialog:{type(dialog).__name__}", dialog)
        dialog.reject()
    print(json.dumps(frames))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
