"""Logging in: a name and a password (or a badge scanned into the name field).

``LoginForm`` is the form itself, used by the login dialog at start (``regie``), by File →
Switch user… and by the desk's login page (``regie desk``). The check runs off the GUI
thread (argon2 takes a moment on purpose) through ``ops.long``; a refusal is the service's
sentence ("Wrong name or password.", the lock's end...), the password cleared, the name
kept. Nothing here decides who may log in: ``app.core.accounts`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.access import ROLE_LABELS, Actor
from app.core.errors import DomainError
from app.gui.shell import icons, style
from app.gui.shell.operations import Operations
from app.i18n import label, message

tr = QCoreApplication.translate


def who(actor: Actor) -> str:
    """``alice (manager)``: how the window names the person logged in."""
    return (
        tr("LoginDialog", "%1 (%2)")
        .replace("%1", actor.name)
        .replace("%2", label(ROLE_LABELS[actor.role]))
    )


def badge_reading(code: str) -> str | None:
    """``code`` as a badge's code when it is one (as scanned, or as a scanner set up for
    the other keyboard layout typed it), else None."""
    from app.core import accounts
    from inventory.barcodes import candidates

    for reading in candidates(code):
        if accounts.is_badge(reading):
            return reading
    return None


def check_login(ops: Operations, name: str, password: str) -> Callable[[], Actor]:
    """The check a login runs off the GUI thread: a badge when the name is a badge's code
    and no password is given, else the name and password."""
    from app.core import accounts

    ctx = ops.ctx
    badge = badge_reading(name) if not password else None
    if badge is not None:
        return lambda: accounts.badge_login(ctx.db, badge, ctx.clock)
    return lambda: accounts.authenticate(ctx.db, name, password, ctx.clock)


class LoginForm(QWidget):
    """Name, password, the sentence of the last refusal and the Log in button.
    ``logged_in(actor)`` once the account's check passed."""

    logged_in = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor: Actor | None = None
        self.working = False
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("LoginDialog", "Name"))
        self.name.setPlaceholderText(tr("LoginDialog", "Your account's name, or scan your badge"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(tr("LoginDialog", "Password"))
        self.problem = QLabel()
        self.problem.setObjectName("loginProblem")
        self.problem.setWordWrap(True)
        style.set_role(self.problem, "error")
        self.problem.hide()
        self.button = QPushButton(icons.icon("confirm"), tr("LoginDialog", "&Log in"))
        self.button.setProperty("primary", True)
        # Enter is the fields' own (a name goes on to the password): never also a click of
        # a dialog's default button, which would try the name with an empty password.
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.submit)
        self.name.returnPressed.connect(self._name_entered)
        self.password.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(tr("LoginDialog", "&Name:"), self.name)
        form.addRow(tr("LoginDialog", "&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.setFocusProxy(self.name)

    def _name_entered(self) -> None:
        """Enter in the name: a badge logs in at once; a name goes on to the password."""
        if badge_reading(self.name.text().strip()) is not None:
            self.submit()
        else:
            self.password.setFocus(Qt.FocusReason.TabFocusReason)

    def submit(self) -> None:
        name = self.name.text().strip()
        if self.working:
            return
        if not name:
            self.show_problem(tr("LoginDialog", "Type your name (or scan your badge)."))
            self.name.setFocus()
            return
        self.try_login(check_login(self.ops, name, self.password.text()))

    def badge(self, code: str) -> None:
        """A badge scanned anywhere on the screen that shows this form."""
        if self.working:
            return
        self.name.clear()
        self.password.clear()
        self.try_login(check_login(self.ops, code, ""))

    def try_login(self, check: Callable[[], Actor]) -> None:
        self.working = True
        self.button.setEnabled(False)
        self.problem.hide()
        self.ops.long(lambda _progress: check(), lambda *_: None, self._passed, self._refused)

    def _passed(self, actor: Actor) -> None:
        self.working = False
        self.button.setEnabled(True)
        self.actor = actor
        self.password.clear()
        self.problem.hide()
        self.logged_in.emit(actor)

    def _refused(self, err: Any) -> None:
        self.working = False
        self.button.setEnabled(True)
        self.password.clear()
        self.show_problem(message(err) if isinstance(err, DomainError) else str(err))
        if self.name.text().strip() and badge_reading(self.name.text().strip()) is None:
            self.password.setFocus()
        else:
            self.name.selectAll()
            self.name.setFocus()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def reset(self, name: str = "") -> None:
        self.name.setText(name)
        self.password.clear()
        self.problem.hide()
        (self.password if name else self.name).setFocus()


class LoginDialog(QDialog):
    """``regie`` at start (when no account logs in by itself) and File → Switch user…:
    accepted once someone logged in (``actor``); Quit / Cancel rejects it."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        cooperative: str = "",
        switching: bool = False,
        first_setup: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(tr("LoginDialog", "Log in — Régie"))
        heading = QLabel(cooperative or "Régie")
        style.set_role(heading, "title")
        hint = QLabel(
            tr("LoginDialog", "Who is working? Log in with your name and password.")
            if not switching
            else tr("LoginDialog", "Log in as someone else: their name and password.")
        )
        hint.setWordWrap(True)
        style.set_role(hint, "muted")
        self.setup_note = QLabel(
            tr(
                "LoginDialog",
                "No account has a password on this server yet: log in as admin without a "
                "password, then give it one at once (File → Accounts…).",
            )
        )
        self.setup_note.setWordWrap(True)
        style.set_role(self.setup_note, "warning")
        self.setup_note.setVisible(first_setup)
        self.form = LoginForm(ops, self)
        self.form.logged_in.connect(self._logged_in)
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(
            tr("LoginDialog", "Cancel") if switching else tr("LoginDialog", "&Quit"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.cancel_button.setIcon(icons.icon("close" if switching else "quit"))
        self.cancel_button.setAutoDefault(False)
        # not AcceptRole: the box would make it the default button (see LoginForm)
        buttons.addButton(self.form.button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACE.m)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.setup_note)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.form.name.setFocus()

    @property
    def actor(self) -> Actor | None:
        return self.form.actor

    def _logged_in(self, _actor: Actor) -> None:
        self.accept()
