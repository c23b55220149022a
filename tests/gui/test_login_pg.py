"""People in the GUI on a PostgreSQL server: nobody logs in by themselves, the login
dialog checks the password on the server, and the Accounts dialog adds a technician whose
new badge then logs in at the desk."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.bootstrap import Context
from app.core import accounts
from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.shell import session
from app.gui.shell.accounts_view import AccountsDialog
from app.gui.shell.login_dialog import LoginDialog
from app.gui.shell.operations import Operations, SyncRunner
from tests import pg


def test_on_a_server_the_login_dialog_asks_and_accounts_work(
    qtbot: Any, pg_db: Database, clock: FixedClock
) -> None:
    ops = Operations(Context(db=pg_db, clock=clock), SyncRunner())
    assert session.automatic(ops) is None  # no automatic login on a server
    dialog = LoginDialog(ops, first_setup=accounts.first_setup(pg_db))
    qtbot.addWidget(dialog)
    assert not dialog.setup_note.isVisibleTo(dialog)  # admin has a password already
    form = dialog.form
    qtbot.keyClicks(form.name, "admin")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.keyClicks(form.password, "not-the-password")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert form.problem.text() == "Wrong name or password."
    qtbot.keyClicks(form.password, pg.ADMIN_PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.name == "admin"
    session.act_as(ops, dialog.actor)

    view = AccountsDialog(ops)
    qtbot.addWidget(view)
    add = view.add()
    add.name.setText("lea")
    add.role.setCurrentIndex(add.role.findData("technician"))
    add.check()  # no password: refused on a server
    assert add.isVisible() and add.problem.text()
    add.password.setText("technicienne")
    add.again.setText("technicienne")
    add.check()
    assert not add.isVisible()
    view.table.selectRow([row.name for row in view.rows].index("lea"))
    view.new_badge()
    code = view.dialog.code.text()
    assert accounts.badge_login(pg_db, code, clock).name == "lea"
