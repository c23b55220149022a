"""Going between the demo cooperative and the cooperative's own data from the menus.

File → Explore the demo cooperative: Régie reopens on ``demo.db`` (built first, with the
first start's progress window, when missing); its title then starts with "DÉMO". From the
demo, File → Set up my cooperative offers "Open my cooperative" when ``regie.db`` exists
(``setup_wizard.open_setup``). Both go through ``launch.reopen`` without remembering the move
for the next start: Régie still opens the cooperative's own data by default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core import paths
from app.gui.shell import icons

tr = QCoreApplication.translate


def open_database(window: Any, target: Path) -> bool:
    """Régie reopens on the existing ``target`` in place of ``window`` (not remembered)."""
    from app.gui.shell import launch

    return launch.reopen(window, target, set_up=False)


def explore_demo(window: Any) -> QWidget | None:
    """File → Explore the demo cooperative: reopen on the demo, built first if missing (the
    progress window shown meanwhile; returned, or None when the demo exists)."""
    target = paths.demo_db_path()
    if target.exists():
        open_database(window, target)
        return None
    from app.gui.shell.first_start_window import FirstStartWindow
    from app.gui.shell.launch import place_centred

    building = FirstStartWindow(target, choose=False)
    building.from_menu()
    building.setWindowModality(Qt.WindowModality.ApplicationModal)
    setattr(window, "demo_build", building)  # noqa: B010 - kept alive while it builds

    def ready() -> None:
        building.close()
        open_database(window, target)

    def failed(message: str) -> None:
        QMessageBox.critical(building, "Régie", message)
        building.close()

    building.ready.connect(ready)
    building.failed.connect(failed)
    place_centred(building, 960, 600)
    building.show()
    building.start()
    return building


def offer_own(window: Any, target: Path) -> QMessageBox:
    """From the demo (or anywhere), when the cooperative's own database exists: open it?"""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("DemoSwitch", "Open my cooperative — Régie"),
        tr(
            "DemoSwitch",
            "Your cooperative is set up already: its database is {path}. Open it now, in "
            "place of this one?",
        ).format(path=target),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        window,
    )
    box.setObjectName("open-own")
    opening = box.button(QMessageBox.StandardButton.Open)
    opening.setText(tr("DemoSwitch", "&Open my cooperative"))
    opening.setIcon(icons.icon("open"))
    box.button(QMessageBox.StandardButton.Cancel).setIcon(icons.icon("cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Open)

    def answered(_result: int) -> None:
        if box.clickedButton() is opening:
            open_database(window, target)

    box.finished.connect(answered)
    window.dialog = box
    box.open()
    return box
