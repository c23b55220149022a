"""Starting the desktop app (``regie``) and the warehouse kiosk (``regie desk``): the
QApplication, translations, the database (the demo built on first start), the window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog

from app import i18n
from app.bootstrap import Context
from app.core.errors import DomainError
from app.gui.desk_screen import DeskScreen
from app.gui.main import build_main_window
from app.gui.operations import Operations, ThreadRunner

tr = QCoreApplication.translate


def gui_application() -> QApplication:
    """The one QApplication of a GUI process. The CLI may already have made a plain
    QCoreApplication for its translations; a GUI command must come before that."""
    app = QCoreApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication exists already: create the GUI one first")
    app.setApplicationName("Régie")
    app.setOrganizationName("regie")
    return app


def _open_with_progress(db_option: str | None) -> Context:
    """Open the database; on the very first start, say what is being prepared while the
    demo cooperative is built (it takes a few seconds)."""
    from app.bootstrap import first_run, open_context

    if not first_run(db_option):
        return open_context(db_option)
    stages = [
        tr("MainWindow", "Creating the demo cooperative: catalogue…"),
        tr("MainWindow", "Creating the demo cooperative: customers and bookings…"),
        tr("MainWindow", "Creating the demo cooperative: rates and invoices…"),
    ]
    dialog = QProgressDialog(stages[0], "", 0, len(stages))
    dialog.setWindowTitle("Régie")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()

    def step(stage: int) -> None:
        dialog.setLabelText(stages[stage - 1])
        dialog.setValue(stage - 1)
        QApplication.processEvents()

    try:
        return open_context(db_option, step=step)
    finally:
        dialog.close()


def run_gui(db_option: str | None) -> int:
    app = gui_application()
    i18n.install()
    try:
        ctx = _open_with_progress(db_option)
    except DomainError as err:
        QMessageBox.critical(None, "Régie", i18n.message(err))
        return 1
    ops = Operations(ctx, ThreadRunner())
    window = build_main_window(ops)
    window.show()
    status = app.exec()
    ops.runner.wait()
    ctx.db.dispose()
    return int(status)


def run_desk(db_option: str | None) -> int:
    """``regie desk``: the warehouse desk alone, full screen (the warehouse PC's kiosk)."""
    app = gui_application()
    i18n.install()
    from app.bootstrap import open_context

    try:
        ctx = open_context(db_option)
    except DomainError as err:
        QMessageBox.critical(None, "Régie", i18n.message(err))
        return 1
    ops = Operations(ctx, ThreadRunner())
    window = QMainWindow()
    window.setWindowTitle(tr("MainWindow", "Desk") + " — Régie")
    desk = DeskScreen(ops, window)
    window.setCentralWidget(desk)
    window.menuBar().addMenu(desk.menu)
    quit_action = QAction(tr("MainWindow", "&Quit"), window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)
    desk.menu.addSeparator()
    desk.menu.addAction(quit_action)
    ops.failed.connect(
        lambda err: desk.banner.show_message(
            "error", tr("MainWindow", "Régie — action refused"), i18n.message(err)
        )
    )
    window.showFullScreen()
    status = app.exec()
    ops.runner.wait()
    ctx.db.dispose()
    return int(status)
