"""File → Accounts…: an administrator adds people, changes roles, passwords and badges
(printed as a Code 128 label a scanner reads), disables and unlocks accounts, and sets the
desk's time-out; every refusal is the service's sentence and changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtWidgets import QLineEdit, QMessageBox
from sqlmodel import select

from app.core import accounts
from app.core.access import Role
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.models import Account
from app.core.settings import get_setting
from app.gui.desk.desk_login import TIMEOUT_KEY
from app.gui.shell import session
from app.gui.shell.accounts_view import AccountsDialog
from app.gui.shell.operations import Operations


@pytest.fixture
def dialog(qtbot: Any, ops: Operations) -> AccountsDialog:
    view = AccountsDialog(ops)
    qtbot.addWidget(view)
    view.show()
    return view


def stored(db: Database, name: str) -> Account | None:
    with db.read() as uow:
        return uow.session.exec(select(Account).where(Account.name == name)).first()


def account(db: Database, name: str) -> Account:
    found = stored(db, name)
    assert found is not None
    return found


def secure(db: Database) -> None:
    """The administrator sets a password first (accounts with one come after it)."""
    with db.write() as uow:
        accounts.set_password(uow, "admin", "motdepasse1")


def choose(view: AccountsDialog, name: str) -> None:
    view.table.selectRow([row.name for row in view.rows].index(name))


def test_the_list_shows_the_automatic_admin(dialog: AccountsDialog) -> None:
    assert [row.name for row in dialog.rows] == ["admin"]
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[2] == "administrator" and cells[3] == "Active"
    assert cells[4] == "no (logs in by itself)"
    assert dialog.minutes.value() == 10


def test_adding_an_account_then_a_refusal_keeps_the_form_open(
    dialog: AccountsDialog, db: Database
) -> None:
    secure(db)
    form = dialog.add()
    form.name.setText("lea")
    form.full_name.setText("Léa Martin")
    form.role.setCurrentIndex(form.role.findData("technician"))
    form.password.setText("short")
    form.again.setText("shorter")
    form.check()
    assert form.problem.text() == "The two passwords differ." and form.isVisible()
    form.again.setText("short")
    form.check()  # the service refuses: under 8 characters
    assert "8" in form.problem.text() and form.isVisible()
    assert stored(db, "lea") is None
    form.password.setText("technicienne")
    form.again.setText("technicienne")
    form.check()
    assert not form.isVisible()
    account = stored(db, "lea")
    assert account is not None and account.role == "technician" and account.password_hash
    assert dialog.feedback.text() == "Account lea added."
    assert dialog.current_name() == "lea"


def test_the_last_administrator_stays_one(dialog: AccountsDialog, db: Database) -> None:
    choose(dialog, "admin")
    dialog.toggle_disabled()
    assert "last enabled administrator" in dialog.feedback.text()
    admin = stored(db, "admin")
    assert admin is not None and not admin.disabled
    dialog._set_role("admin", Role.STAFF)  # what the role box sends
    assert "last enabled administrator" in dialog.feedback.text()
    assert account(db, "admin").role == "admin"


def test_disable_enable_unlock_and_a_new_password(
    dialog: AccountsDialog, db: Database, clock: FixedClock
) -> None:
    secure(db)
    with db.write() as uow:
        accounts.add_account(uow, name="marc", role=Role.STAFF, password="permanent1", clock=clock)
        row = accounts.find(uow, "marc")
        assert row is not None
        row.failed_logins = 5
        row.locked_until = clock.now().astimezone(dt.UTC) + dt.timedelta(minutes=10)
    dialog.refresh()
    choose(dialog, "marc")
    assert dialog.table.item(dialog.table.currentRow(), 3).text() == "Locked"
    assert dialog.buttons["unlock"].isEnabled()
    dialog.unlock()
    assert account(db, "marc").locked_until is None
    dialog.toggle_disabled()
    assert account(db, "marc").disabled
    assert dialog.buttons["disable"].text() == "&Enable"
    dialog.toggle_disabled()
    assert not account(db, "marc").disabled
    form = dialog.set_password()
    assert form is not None
    form.password.setText("nouveau-mot")
    form.again.setText("nouveau-mot")
    form.check()
    assert accounts.authenticate(db, "marc", "nouveau-mot", clock).name == "marc"


def test_a_new_badge_prints_a_label_the_scanner_reads(
    qtbot: Any,
    dialog: AccountsDialog,
    db: Database,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with db.write() as uow:
        accounts.add_account(
            uow, name="lea", role=Role.TECHNICIAN, full_name="Léa Martin", clock=clock
        )
    dialog.refresh()
    choose(dialog, "lea")
    dialog.new_badge()
    badge = dialog.dialog
    code = badge.code.text()
    assert code.startswith("BADGE-")
    assert accounts.badge_login(db, code, clock).name == "lea"
    saved = tmp_path / "badge.pdf"
    monkeypatch.setattr("app.gui.shell.files.save_file_name", lambda *a, **k: str(saved))
    badge.output.save_pdf()
    qtbot.waitUntil(saved.exists, timeout=20_000)
    doc = pdfium.PdfDocument(str(saved))
    try:
        image = doc[0].render(scale=300 / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    read = [r.text for r in zxingcpp.read_barcodes(image)]
    assert code in read

    # a second badge asks first, and stops the first one from working
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    badge.close()
    dialog.new_badge()
    assert accounts.badge_login(db, code, clock).name == "lea"  # declined: unchanged
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.new_badge()
    with pytest.raises(accounts.LoginRefused):
        accounts.badge_login(db, code, clock)


def test_the_desk_time_out_is_saved(dialog: AccountsDialog, db: Database) -> None:
    dialog.minutes.setValue(3)
    dialog.save_minutes()
    with db.read() as uow:
        assert get_setting(uow, TIMEOUT_KEY) == "3"
    assert "3 minutes" in dialog.feedback.text()


def test_someone_not_an_administrator_is_refused(
    qtbot: Any, ops: Operations, db: Database, clock: FixedClock
) -> None:
    secure(db)
    with db.write() as uow:
        accounts.add_account(uow, name="marc", role=Role.STAFF, password="permanent1", clock=clock)
    session.act_as(ops, accounts.authenticate(db, "marc", "permanent1", clock))
    view = AccountsDialog(ops)
    qtbot.addWidget(view)
    assert view.rows == []
    assert "may not manage accounts" in view.feedback.text()
    view.minutes.setValue(2)
    view.save_minutes()
    with db.read() as uow:
        assert get_setting(uow, TIMEOUT_KEY) == ""


def test_a_full_name_is_changed(dialog: AccountsDialog, db: Database) -> None:
    choose(dialog, "admin")
    edit = dialog.change_full_name()
    assert edit is not None
    field = edit.findChild(QLineEdit)
    assert field is not None
    field.setText("Camille Admin")
    edit.accept()
    assert account(db, "admin").full_name == "Camille Admin"
    assert dialog.table.item(0, 1).text() == "Camille Admin"


def test_last_login_in_the_cooperatives_time(qtbot: Any, ops: Operations, db: Database) -> None:
    secure(db)
    paris_morning = FixedClock(dt.datetime(2026, 11, 26, 9, 15, tzinfo=dt.UTC))  # 10:15 Paris
    accounts.authenticate(db, "admin", "motdepasse1", paris_morning)
    view = AccountsDialog(ops)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: bool(view.rows) and view.rows[0].last_login_at is not None)
    cells = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert any("10:15" in cell for cell in cells), cells
