"""People in the GUI: the login dialog, who the window names, what a role sees greyed out
(with why), the desk's login page, badges and its time-out."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from sqlmodel import select

from app.bootstrap import Context
from app.core import accounts
from app.core.access import SYSTEM, Forbidden, Role
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.models import Account
from app.gui.desk.desk_login import DeskSession
from app.gui.desk.desk_screen import DeskScreen
from app.gui.shell import error_dialog, session
from app.gui.shell.accounts_view import save_timeout
from app.gui.shell.changes import Change
from app.gui.shell.login_dialog import LoginDialog
from app.gui.shell.main import MainWindow
from app.gui.shell.navigation import KEY_ROLE
from app.gui.shell.operations import Operations, SyncRunner
from booking.models import Movement
from tests import factories


@pytest.fixture
def people(db: Database, clock: FixedClock) -> dict[str, str]:
    """admin with a password (no more automatic login), a technician with a badge, staff."""
    with db.write() as uow:
        accounts.set_password(uow, "admin", "motdepasse1")
        accounts.add_account(
            uow, name="lea", role=Role.TECHNICIAN, password="technicienne", clock=clock
        )
        accounts.add_account(uow, name="marc", role=Role.STAFF, password="permanent1", clock=clock)
        badge = accounts.new_badge(uow, "lea")
    return {"badge": badge}


def failures(db: Database, name: str) -> int:
    with db.read() as uow:
        account = uow.session.exec(select(Account).where(Account.name == name)).one()
        return account.failed_logins


def test_the_embedded_file_s_admin_logs_in_by_itself(ops: Operations) -> None:
    actor = session.start(ops)  # no dialog: it would block the test
    assert actor is not None and actor.name == "admin"
    assert ops.ctx.db.actor == actor and ops.user == "admin"


def test_the_login_dialog_refuses_a_wrong_password_then_logs_in(
    qtbot: Any, ops: Operations, db: Database, people: dict[str, str]
) -> None:
    assert session.automatic(ops) is None  # admin has a password now: asked for
    dialog = LoginDialog(ops, cooperative="Coop")
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    qtbot.keyClicks(form.name, "marc")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # Enter goes on to the password
    qtbot.keyClicks(form.password, "wrong-one")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert form.problem.text() == "Wrong name or password."
    assert form.problem.isVisibleTo(dialog)
    assert form.password.text() == "" and form.name.text() == "marc"
    assert failures(db, "marc") == 1
    assert dialog.result() == 0 and dialog.isVisible()

    qtbot.keyClicks(form.password, "permanent1")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.name == "marc"
    assert dialog.actor.role == Role.STAFF


def test_an_empty_name_is_asked_for_and_a_badge_logs_in_from_the_name_field(
    qtbot: Any, ops: Operations, people: dict[str, str]
) -> None:
    dialog = LoginDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.button.click()
    assert "Type your name" in dialog.form.problem.text()
    qtbot.keyClicks(dialog.form.name, people["badge"].lower())  # the scanner's case
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.name == "lea"


def test_a_technician_sees_what_they_may_not_do_greyed_with_why(
    qtbot: Any, ops: Operations, people: dict[str, str]
) -> None:
    session.act_as(ops, accounts.authenticate(ops.ctx.db, "lea", "technicienne", ops.ctx.clock))
    window = MainWindow(ops)
    qtbot.addWidget(window)
    assert "lea (technician)" in window.windowTitle()
    assert window.person.text() == "lea (technician)"
    rows = {
        window.nav.item(n).data(KEY_ROLE): window.nav.item(n) for n in range(window.nav.count())
    }
    invoices = rows["invoices"]
    assert not invoices.flags() & Qt.ItemFlag.ItemIsEnabled
    assert invoices.toolTip().startswith("lea (technician) may not issue invoices")
    assert rows["desk"].flags() & Qt.ItemFlag.ItemIsEnabled
    assert not window.area_actions["reports"].isEnabled()
    assert not window.settings_action.isEnabled()
    assert not window.accounts_action.isEnabled() and not window.backups_action.isEnabled()
    assert "administrator" in window.accounts_action.toolTip()
    window.show_area("invoices")  # its shortcut: says why, stays where it was
    assert window.current_area() != "invoices"
    assert "may not" in window.statusBar().currentMessage()
    window.show_area("desk")
    assert window.current_area() == "desk"

    session.act_as(ops, accounts.authenticate(ops.ctx.db, "admin", "motdepasse1", ops.ctx.clock))
    window.apply_role()  # after File → Switch user…
    assert window.area_actions["invoices"].isEnabled() and window.accounts_action.isEnabled()
    assert "admin (administrator)" in window.windowTitle()


def test_a_role_s_refusal_is_a_plain_message(qtbot: Any) -> None:
    err = Forbidden("{name} may not do that.", name="lea")
    dialog = error_dialog.ErrorDialog(err)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Régie — not allowed"
    assert dialog.message.text() == "lea may not do that."
    assert not dialog.copy_button.isVisibleTo(dialog)
    assert not dialog.show_button.isVisibleTo(dialog)


# --- the desk ------------------------------------------------------------------------------


@pytest.fixture
def kiosk(
    qtbot: Any, ops: Operations, db: Database, clock: FixedClock, people: dict[str, str]
) -> dict[str, Any]:
    factories.item(db)
    factories.unit(db, clock, barcode="LUM-00101")
    customer = factories.customer(db)
    ref = factories.booking(
        db, clock, customer, "2026-11-26T14:00", "2026-11-28T18:00", {"LYRE-WASH": 1}
    )
    window = QMainWindow()
    desk = DeskScreen(ops, window, station="desk-test")
    desk.sounds.enabled = False
    desk_session = DeskSession(window, desk, ops)
    desk_session.start()
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    return {"window": window, "desk": desk, "session": desk_session, "ref": ref}


def scan(qtbot: Any, widget: Any, code: str) -> None:
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_the_desk_waits_for_a_badge_then_records_scans_under_its_owner(
    qtbot: Any, ops: Operations, db: Database, kiosk: dict[str, Any], people: dict[str, str]
) -> None:
    desk_session: DeskSession = kiosk["session"]
    assert not desk_session.logged_in
    assert desk_session.stack.currentWidget() is desk_session.page
    assert not any(a.isEnabled() for a in kiosk["desk"].menu.actions() if a.text())

    desk_session.page.form.badge("BADGE-NOBODY99")
    assert "belongs to nobody" in desk_session.page.form.problem.text()
    assert not desk_session.logged_in

    desk_session.page.form.badge(people["badge"])
    assert desk_session.logged_in
    assert kiosk["window"].windowTitle().endswith("lea (technician)")
    assert ops.user == "lea" and ops.ctx.db.actor.name == "lea"
    assert desk_session.timer.isActive()

    desk = kiosk["desk"]
    scan(qtbot, desk.scan_field, kiosk["ref"])
    scan(qtbot, desk.scan_field, "LUM-00101")
    with db.read() as uow:
        movement = uow.session.exec(select(Movement)).one()
    assert movement.user == "lea"


def test_a_badge_scanned_at_the_desk_hands_it_over_and_a_bad_one_is_refused(
    qtbot: Any, ops: Operations, kiosk: dict[str, Any], people: dict[str, str]
) -> None:
    desk_session: DeskSession = kiosk["session"]
    desk_session.enter(accounts.authenticate(ops.ctx.db, "marc", "permanent1", ops.ctx.clock))
    desk = kiosk["desk"]
    scan(qtbot, desk.scan_field, people["badge"])
    assert ops.user == "lea"
    assert "lea is at the desk" in desk.banner.title.text()
    scan(qtbot, desk.scan_field, "BADGE-ZZZZZZZZ")
    assert desk.banner.title.text() == "Badge refused"
    assert ops.user == "lea"  # unchanged


def test_the_desk_logs_out_after_its_time_out(
    qtbot: Any, ops: Operations, kiosk: dict[str, Any], people: dict[str, str]
) -> None:
    desk_session: DeskSession = kiosk["session"]
    desk_session.page.form.badge(people["badge"])
    assert desk_session.timer.interval() == 10 * 60_000  # the default: 10 minutes
    lea, ops.ctx.db.actor = ops.ctx.db.actor, SYSTEM  # an administrator, elsewhere
    with ops.ctx.db.write() as uow:
        save_timeout(uow, 3)
    ops.ctx.db.actor = lea
    ops.changed.emit(Change.SETTINGS)  # as the live refresh announces it
    assert desk_session.timer.interval() == 3 * 60_000 and desk_session.timer.isActive()
    desk_session.timer.timeout.emit()  # ten minutes without a key, a click or a scan
    assert not desk_session.logged_in
    assert desk_session.page.note.text() == "Logged out after 3 minutes without activity."
    assert kiosk["window"].windowTitle() == "Desk — Régie"


def test_the_automatic_account_works_at_the_desk_without_time_out(
    qtbot: Any, db: Database, clock: FixedClock
) -> None:
    ops = Operations(Context(db=db, clock=clock), SyncRunner())
    window = QMainWindow()
    desk = DeskScreen(ops, window, station="desk-test")
    desk_session = DeskSession(window, desk, ops)
    desk_session.start()
    qtbot.addWidget(window)
    assert desk_session.logged_in and ops.user == "admin"
    assert not desk_session.timer.isActive()
    with db.write() as uow:
        accounts.add_account(uow, name="lea", role=Role.TECHNICIAN, clock=clock)
        badge = accounts.new_badge(uow, "lea")
    assert desk_session.takes(badge)  # lea scans her badge: hers until the time-out
    assert ops.user == "lea" and desk_session.timer.isActive()
    desk_session.timer.timeout.emit()
    assert desk_session.logged_in and ops.user == "admin"  # back to the single PC's account


def test_file_menu_opens_activity_backups_and_accounts_for_an_administrator(
    qtbot: Any, ops: Operations
) -> None:
    session.start(ops)  # the automatic admin
    window = MainWindow(ops)
    qtbot.addWidget(window)
    for action in (window.activity_action, window.backups_action, window.accounts_action):
        assert action.isEnabled()
    window.activity_action.trigger()
    assert window.dialog is not None and window.dialog.isVisible()
    window.dialog.close()
    window.backups_action.trigger()
    assert window.dialog is not None and window.dialog.isVisible()
    window.dialog.close()
    window.accounts_action.trigger()
    assert window.dialog.objectName() == "accountsDialog"
    assert [row.name for row in window.dialog.rows] == ["admin"]
