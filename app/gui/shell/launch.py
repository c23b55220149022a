"""Starting the desktop app (``regie``) and the warehouse kiosk (``regie desk``): the
QApplication, translations, the database, the window.

On the very first start (the embedded default database does not exist yet) a window appears
at once and follows the demo cooperative being built in a process of its own
(``FirstStartWindow``); the main window (or the desk) replaces it when the database is
ready. The screens are imported only then, so the first window shows quickly."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from app import i18n
from app.core.errors import DomainError, StorageError

if TYPE_CHECKING:  # for the types only: _start imports them when it runs
    from app.bootstrap import Context
    from app.core.access import Actor
    from app.core.db import Database
    from app.gui.shell.operations import Operations

tr = QCoreApplication.translate


def gui_application() -> QApplication:
    """The one QApplication of a GUI process. The CLI may already have made a plain
    QCoreApplication for its translations; a GUI command must come before that."""
    app = QCoreApplication.instance()
    if app is None:
        # 150 % is 1.5, not rounded to 2 (Qt's default on some platforms): text and icons
        # are drawn at the screen's real scale, sharp (icons are vectors).
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv)
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication exists already: create the GUI one first")
    app.setApplicationName("Régie")
    app.setOrganizationName("regie")
    app.setDesktopFileName("regie")  # Linux desktops match the installed regie.desktop
    icon = Path(__file__).resolve().parents[3] / "resources" / "icons" / "regie.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))  # every window: Régie's own icon
    from app.gui.shell import style

    style.apply(app)
    style.follow_system(app)
    return app


class _Session:
    """What a running window holds: the context, the operations, the window; and how the
    window is (re)opened on a database."""

    def __init__(
        self,
        db_option: str | None,
        make_window: Callable[[object], QWidget],
        show: Callable[[QWidget], None],
        kiosk: bool,
    ) -> None:
        self.db_option = db_option
        self.make_window = make_window
        self.show = show
        self.kiosk = kiosk
        self.ctx: Context | None = None
        self.ops: Operations | None = None
        self.window: QWidget | None = None
        self.status = 0

    def close(self) -> None:
        if self.ops is not None:
            self.ops.runner.wait()
        if self.ctx is not None:
            if self.window is not None:  # Régie ran: the automatic backup at close
                from app import backup_jobs

                backup_jobs.on_close(self.ctx.db, self.ctx.clock)  # never raises
            self.ctx.db.dispose()
        self.ctx = self.ops = None

    def open_window(
        self, placeholder: QWidget | None = None, credentials: tuple[str, str] | None = None
    ) -> bool:
        """Open the database, log in (as ``credentials`` when given: the administrator who
        just set the cooperative up), make and show the window. False: nothing opened (the
        person quit, or why was shown)."""
        from app.bootstrap import open_context
        from app.core import accounts

        target = self.db_option
        try:
            while True:
                try:
                    with accounts.logging_in(_gui_logs_in_itself):
                        ctx = open_context(target)
                    break
                except StorageError as err:  # the server away, a wrong password, a file…
                    from app.gui.shell import connection_dialog

                    chosen = connection_dialog.ask(
                        placeholder, i18n.message(err), current=_failing(target)
                    )
                    if chosen is None:  # the person quits
                        self.status = 1
                        return False
                    # retried, or another database (asked again if it fails); REGIE_DB
                    # would win over it, so the choice becomes this process's REGIE_DB
                    if os.environ.get("REGIE_DB"):
                        os.environ["REGIE_DB"] = chosen
                    target = chosen
        except DomainError as err:
            QMessageBox.critical(placeholder, "Régie", i18n.message(err))
            self.status = 1
            return False
        except Exception as err:  # unexpected while opening: the dialog, not a traceback
            from app.gui.shell.error_dialog import ErrorDialog, as_error

            ErrorDialog(as_error(err, where="opening the database"), placeholder).exec()
            self.status = 1
            return False
        from app.gui.shell.operations import Operations, ThreadRunner

        self.ctx = ctx
        self.ops = Operations(ctx, ThreadRunner())
        try:
            if not self.kiosk and not _log_in(self.ops, credentials):  # the desk logs in itself
                return False  # the person quit
        except DomainError as err:
            QMessageBox.critical(placeholder, "Régie", i18n.message(err))
            self.status = 1
            return False
        self.window = self.make_window(self.ops)
        setattr(self.window, _SESSION, self)  # noqa: B010 - reopen() finds it there
        self.show(self.window)
        from app.gui.shell import backups_view

        backups_view.daily(self.ops)  # when the last good backup is older than a day
        QTimer.singleShot(0, lambda: _probe("ready"))
        return True

    def reopen(
        self, target: Path, credentials: tuple[str, str] | None = None, *, named: bool = False
    ) -> bool:
        """Close the window and its database, and open ``target`` in a new one (Régie
        reopening on a cooperative just set up; ``named``: opened by its name even when
        Régie started on the default rule, as when going to the demo and back)."""
        app = QApplication.instance()
        old = self.window
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)
        try:
            if old is not None:
                old.close()
            self.close()
            self.window = None
            self.db_option = str(target) if (self.db_option or named) else None
            opened = self.open_window(credentials=credentials)
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(True)
        if old is not None:
            old.deleteLater()
        if not opened and isinstance(app, QApplication):
            app.quit()
        return opened


#: The attribute of a window that holds the session it was opened by.
_SESSION = "_regie_session"


def reopen(
    window: QWidget,
    target: Path,
    credentials: tuple[str, str] | None = None,
    *,
    set_up: bool = True,
) -> bool:
    """Régie reopens on ``target`` (the cooperative's own file just created) in place of
    ``window``, and remembers it: the default rule opens ``regie.db`` once it exists; a
    database chosen on this computer (connection.json) is replaced by it; a REGIE_DB set
    for this process follows it. False when ``window`` was not opened by ``regie`` (a
    test's window): then only the choice is remembered. ``set_up=False``: a move between
    databases that exist (File → Explore the demo, Open my cooperative): only this
    process follows it (never remembered for the next start), no import offered."""
    from app.core import connection

    if os.environ.get("REGIE_DB"):
        os.environ["REGIE_DB"] = str(target)
    if set_up and connection.chosen() is not None:
        connection.choose_file(target)
    session = getattr(window, _SESSION, None)
    if not isinstance(session, _Session):
        return False
    if session.reopen(target, credentials, named=not set_up):
        if session.window is not None and set_up:
            from app.gui.shell import setup_wizard

            setup_wizard.offer_import(session.window)
        return True
    return False


def _probe(moment: str) -> None:
    """The ``first_start`` benchmark's probe: when the first window and the main window
    were shown, written to ``REGIE_FIRST_START_PROBE`` (which also quits once ready)."""
    path = os.environ.get("REGIE_FIRST_START_PROBE")
    if path:
        with open(path, "a", encoding="ascii") as probe:
            probe.write(f"{moment} {time.time():.6f}\n")
        if moment == "ready":
            QTimer.singleShot(0, QCoreApplication.quit)


def _start(
    db_option: str | None,
    make_window: Callable[[object], QWidget],
    show: Callable[[QWidget], None],
    *,
    kiosk: bool = False,
) -> int:
    """Open the database (on a first start: the choice between the demo and one's own
    cooperative, then the demo built with a window that shows its progress, or the
    assistant), make the window and run the application."""
    from app.bootstrap import first_run, needs_choice, set_aside_old_demo
    from app.core.paths import chosen_db, demo_db_path, resolve_db_path

    app = gui_application()
    i18n.install()
    _watch(app)
    session = _Session(db_option, make_window, show, kiosk)
    if not db_option and not chosen_db():
        set_aside_old_demo()  # an older Régie's demo in regie.db moves to demo.db
    # the first-start benchmark measures the demo's build: it is chosen at once
    choose = needs_choice(db_option) and not os.environ.get("REGIE_FIRST_START_PROBE")
    if choose or first_run(db_option):
        target = demo_db_path() if needs_choice(db_option) else resolve_db_path(db_option)
        _first_start(session, target, choose=choose)
    elif not session.open_window():
        session.close()
        return session.status
    status = app.exec()
    session.close()
    return int(session.status or status)


def _first_start(session: _Session, target: Path, *, choose: bool) -> None:
    """The first window: the choice (when asked), the demo's build, the assistant."""
    from app.gui.shell.first_start_window import FirstStartWindow

    app = QApplication.instance()
    first = FirstStartWindow(target, choose=choose)

    def ready() -> None:
        if session.open_window(first):
            first.close()
        elif isinstance(app, QApplication):
            app.quit()

    def failed(message: str) -> None:
        session.status = 1
        QMessageBox.critical(first, "Régie", message)
        first.close()

    from app.gui.shell import help_window

    help_window.add_f1(first, "welcome")

    def set_up() -> None:
        from app.gui.shell import setup_wizard

        if first.wizard is not None:  # cancelled earlier: what was typed is still there
            first.wizard.open()
            return
        wizard = setup_wizard.SetupWizard(setup_wizard.own_database(), parent=first)
        first.wizard = wizard

        def created(_target: object) -> None:
            if session.open_window(first, wizard.credentials()):
                first.close()
                if session.window is not None and not session.kiosk:
                    setup_wizard.offer_import(session.window)
            elif isinstance(app, QApplication):
                app.quit()

        wizard.created.connect(created)
        wizard.rejected.connect(first.show_choice)
        wizard.open()

    first.ready.connect(ready)
    first.failed.connect(failed)
    first.setup_chosen.connect(set_up)
    if session.kiosk:
        cover_screen(first)
    else:
        place_centred(first, 960, 600)
        first.show()
    QTimer.singleShot(0, lambda: _probe("window"))
    if not choose:
        first.start()


def _gui_logs_in_itself(db: Database) -> Actor:
    """The window asks who is working (the login dialog, the desk's login page): the
    command line's login (``regie desk`` runs inside it) is not asked for."""
    return db.actor


def _log_in(ops: Operations, credentials: tuple[str, str] | None = None) -> bool:
    """Who works in this window: ``credentials``' account when they are right, else the
    account that logs in by itself, else the login dialog. False: the person quit."""
    from app.core import accounts
    from app.core.settings import COOPERATIVE_NAME, get_setting
    from app.gui.shell import session

    if credentials is not None:
        try:
            actor = accounts.authenticate(ops.ctx.db, *credentials, ops.ctx.clock)
        except DomainError:
            pass  # asked below, as at any start
        else:
            session.act_as(ops, actor)
            return True

    with ops.ctx.db.read() as uow:
        cooperative = get_setting(uow, COOPERATIVE_NAME)
    return session.start(ops, cooperative=cooperative) is not None


def _watch(app: QApplication) -> None:
    """What every GUI process has: the log file, the error dialog for anything nobody
    caught, and windows that fit the screen and come back where they were left."""
    from app.core.log import start as start_log
    from app.gui.shell import geometry
    from app.gui.shell.error_dialog import install_excepthook

    start_log()
    install_excepthook()
    geometry.install(app)


def _failing(target: str | None) -> Path | str | None:
    """The database that could not be opened (what ``--db`` named, else REGIE_DB or this
    computer's choice, which ``connection_dialog.ask`` finds itself)."""
    if not target:
        return None
    from app.core import paths

    try:
        return paths.resolve_db(target)
    except (StorageError, ValueError):
        return None


def place_centred(window: QWidget, width: int, height: int) -> None:
    """A size that fits the screen, centred on it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    width, height = min(width, area.width()), min(height, area.height())
    window.setGeometry(
        area.x() + (area.width() - width) // 2,
        area.y() + (area.height() - height) // 2,
        width,
        height,
    )


def cover_screen(window: QWidget) -> None:
    """Full screen, also without a window manager (Xvfb, a kiosk session): the geometry is
    set to the screen's before asking for full screen, which only a window manager does."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()


def run_gui(db_option: str | None) -> int:
    def make(ops: object) -> QWidget:
        from app.gui.shell.main import build_main_window

        return build_main_window(ops)  # type: ignore[arg-type]

    return _start(db_option, make, lambda window: window.show())


def desk_window(ops: object) -> QMainWindow:
    """The warehouse desk alone in a window of its own (the kiosk)."""
    from app.gui.desk.desk_screen import DeskScreen

    window = QMainWindow()
    title = tr("MainWindow", "Desk") + " — Régie"
    window.setWindowTitle(title)
    desk = DeskScreen(ops, window)  # type: ignore[arg-type]
    from app.core.settings import is_demo
    from app.gui.shell.session import DEMO_MARK

    cast("Operations", ops).read(
        is_demo, lambda demo: window.setWindowTitle(f"{DEMO_MARK} — {title}" if demo else title)
    )
    window.menuBar().addMenu(desk.menu)
    quit_action = QAction(tr("MainWindow", "&Quit"), window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)
    desk.menu.addSeparator()
    desk.menu.addAction(quit_action)
    ops.failed.connect(  # type: ignore[attr-defined]
        lambda err: desk.banner.show_message(
            "error", tr("MainWindow", "Régie — action refused"), i18n.message(err)
        )
    )
    from app.gui.desk.desk_login import DeskSession
    from app.gui.shell import help_window

    help_window.add_f1(window, "desk-window")

    DeskSession(window, desk, cast("Operations", ops)).start()
    return window


def run_desk(db_option: str | None) -> int:
    """``regie desk``: the warehouse desk alone, full screen (the warehouse PC's kiosk); on
    a first start, after the same preparation of the demo as ``regie``."""
    return _start(db_option, desk_window, cover_screen, kiosk=True)
