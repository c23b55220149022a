"""Who works at the warehouse desk (``regie desk``): a login page, badges, and a session
that ends after a while without a key or a click.

- At start, the account that logs in by itself (the single PC's administrator on the
  embedded SQLite file) works at once, with no time-out; otherwise the login page shows: a
  technician scans their personal badge (``BADGE-…``, printed from Accounts), or types their
  name and password.
- While the desk shows, scanning a badge hands the desk to its owner (the next scans are
  theirs); a refused badge says why in the desk's banner.
- After ``timeout`` minutes without a key, a click or a scan (the cooperative's setting
  ``desk.logout_minutes``, default 10; set in Accounts), and on Desk → Log out, the desk
  goes back to its login page.

Every scan is recorded under the person logged in: the desk passes ``ops.user`` (the
account's name) to the services, and every unit of work acts as the account.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.access import Actor
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.settings import get_setting
from app.gui.desk.look import DeskLook, sized
from app.gui.shell import icons, session, style
from app.gui.shell.changes import Change
from app.gui.shell.login_dialog import LoginForm, badge_reading, who
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import menu_entry, shortcut_action
from app.gui.shell.scanner import ScanCatcher
from app.i18n import message

tr = QCoreApplication.translate

#: The cooperative's setting: minutes without activity before the desk logs out.
TIMEOUT_KEY = "desk.logout_minutes"
DEFAULT_MINUTES = 10
ACTIVITY = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
)


def timeout_minutes(uow: UnitOfWork) -> int:
    """The desk's inactivity time-out in minutes (the setting, else 10; at least 1)."""
    text = get_setting(uow, TIMEOUT_KEY).strip()
    return max(1, int(text)) if text.isdigit() else DEFAULT_MINUTES


class DeskLoginPage(QFrame):
    """The desk's login page: scan a badge, or name and password."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskLogin")
        self.look = DeskLook(self)
        self.heading = QLabel(tr("DeskLogin", "Scan your badge"))
        sized(self.heading, "display")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(tr("DeskLogin", "…or type your name and password."))
        sized(self.hint, "prompt", "muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = LoginForm(ops, self)
        self.form.setMinimumWidth(600)  # the desk's large type; fits a 1024-wide screen
        self.note = QLabel()
        sized(self.note, "body", "muted")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACE.l)
        layout.addStretch(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addSpacing(style.SPACE.l)
        layout.addWidget(self.form, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.note)
        layout.addStretch(3)
        self.catcher = ScanCatcher(self)
        self.catcher.scanned.connect(self.form.badge)
        self.setFocusProxy(self.form)


class DeskSession(QObject):
    """The kiosk's people: the login page and the desk in one window (see the module)."""

    def __init__(self, window: QMainWindow, desk: Any, ops: Operations) -> None:
        super().__init__(window)
        self.window, self.desk, self.ops = window, desk, ops
        self.page = DeskLoginPage(ops)
        self.page.form.logged_in.connect(self.enter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.page)
        self.stack.addWidget(desk)
        window.setCentralWidget(self.stack)
        self.minutes = DEFAULT_MINUTES
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.timed_out)
        self.automatic: Actor | None = None
        self.actor: Actor | None = None
        desk.login = self
        desk.catcher.scanned.connect(self.touched)
        self.logout_action = menu_entry(
            desk.menu, tr("DeskLogin", "&Log out"), "Ctrl+Shift+L", self.leave
        )
        self.logout_action.setIcon(icons.icon("quit"))
        shortcut_action(desk, tr("DeskLogin", "Log out"), "Ctrl+Shift+L", self.leave)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        ops.changed.connect(self._on_changed)

    def _on_changed(self, what: object) -> None:
        """A new time-out (Accounts, here or on another workstation) applies at once."""
        if what == Change.SETTINGS:
            self.ops.read(timeout_minutes, self._set_minutes)

    def start(self) -> None:
        """The automatic account works at once; anyone else logs in first."""
        self.ops.read(timeout_minutes, self._set_minutes)
        self.automatic = session.automatic(self.ops)
        if self.automatic is not None:
            self.enter(self.automatic)
        else:
            self.leave()

    def _set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.timer.setInterval(minutes * 60_000)
        if self.actor is not None and self.actor != self.automatic:
            self.timer.start()

    @property
    def logged_in(self) -> bool:
        return self.stack.currentWidget() is self.desk

    def enter(self, actor: Actor) -> None:
        """``actor`` works at the desk from now on."""
        changed = self.actor is not None and self.logged_in and actor.name != self.actor.name
        self.actor = actor
        session.act_as(self.ops, actor)
        self.stack.setCurrentWidget(self.desk)
        self._menu_usable(True)
        self.desk.actions_bar.show_person(who(actor))
        self._title()
        if actor == self.automatic:
            self.timer.stop()
        else:
            self.timer.start(self.minutes * 60_000)
        if changed:
            self.desk.banner.show_message(
                "ok",
                tr("DeskLogin", "%1 is at the desk").replace("%1", actor.name),
                tr("DeskLogin", "The next scans are recorded under their name."),
            )
        self.desk.focus_scan()

    def leave(self) -> None:
        """Back to the login page (Desk → Log out, or the time-out); where an account
        logs in by itself (the single PC), back to that account instead."""
        self.timer.stop()
        if self.automatic is not None:
            self.enter(self.automatic)
            return
        self.actor = None
        self.stack.setCurrentWidget(self.page)
        self._menu_usable(False)
        self.page.form.reset()
        self._title()
        self.page.form.setFocus()

    def timed_out(self) -> None:
        if self.desk.busy:  # scans still being written: their turn first
            self.timer.start(5_000)
            return
        self.leave()
        if not self.logged_in:
            self.page.note.setText(
                tr(
                    "DeskLogin",
                    "Logged out after %n minute(s) without activity.",
                    None,
                    self.minutes,
                )
            )

    def touched(self, *_: object) -> None:
        """Activity: the time-out starts again."""
        if self.timer.isActive():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in ACTIVITY and self.logged_in:
            self.touched()
        return False

    def takes(self, code: str) -> bool:
        """A scan at the desk: a badge logs its owner in (True), anything else is the
        desk's (False)."""
        badge = badge_reading(code)
        if badge is None:
            return False
        from app.core import accounts

        ctx = self.ops.ctx
        self.ops.long(
            lambda _progress: accounts.badge_login(ctx.db, badge, ctx.clock),
            lambda *_: None,
            self.enter,
            self._badge_refused,
        )
        return True

    def _badge_refused(self, err: Any) -> None:
        text = message(err) if isinstance(err, DomainError) else str(err)
        self.desk.banner.show_message("error", tr("DeskLogin", "Badge refused"), text)
        self.desk.sounds.refused()

    def _menu_usable(self, usable: bool) -> None:
        """The Desk menu's commands wait for someone to log in (Quit never does)."""
        for action in self.desk.menu.actions():
            if action.shortcut() != QKeySequence("Ctrl+Q") and not action.isSeparator():
                action.setEnabled(usable)

    def _title(self) -> None:
        title = tr("MainWindow", "Desk") + " — Régie"
        if self.actor is not None:
            title += " — " + who(self.actor)
        self.window.setWindowTitle(title)
