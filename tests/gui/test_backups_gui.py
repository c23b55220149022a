"""The Backups screen: the last good backup, the folder, Back up now, Restore… (confirmed),
and what a non-administrator sees."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core import backups
from app.core.access import Actor, Role
from app.core.settings import Setting
from app.gui.shell import backups_view, files

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answered Yes at once; their texts kept."""
    seen: list[str] = []

    def question(_parent, _title, text, *_args, **_kw):
        seen.append(text)
        return QMessageBox.StandardButton.Yes

    def note(_parent, _title, text, *_args, **_kw):
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", note)
    monkeypatch.setattr(QMessageBox, "warning", note)
    return seen


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_back_up_now_then_restore_the_selected_backup(qtbot, ops, db, answers):
    window = QWidget()
    qtbot.addWidget(window)
    dialog = backups_view.open_backups(window, ops)
    assert backups_view.open_backups(window, ops) is dialog  # one per window
    assert dialog.summary.text().startswith("No good backup yet")
    assert dialog.chip.text() == "None"

    dialog.backup_button.click()
    assert dialog.table.rowCount() == 1
    assert dialog.summary.text().startswith("Last good backup:")
    assert dialog.chip.text() == "Up to date"
    assert dialog.folder.text() == str(backups.default_folder())

    conn = sqlite3.connect(db.path)  # something recorded after the backup
    conn.execute("INSERT INTO setting (key, value) VALUES ('after.backup', 'x')")
    conn.commit()
    conn.close()
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert "Replace the database with the backup" in answers[0]
    assert "kept aside" in answers[-1]
    assert _count(db.path, "setting WHERE key = 'after.backup'") == 0
    with db.read() as uow:  # the open database reads the restored data
        assert uow.session.get(Setting, "after.backup") is None


def test_choose_folder(qtbot, ops, tmp_path, monkeypatch, answers):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(files, "existing_directory", lambda *_a, **_k: str(usb))
    window = QWidget()
    qtbot.addWidget(window)
    dialog = backups_view.open_backups(window, ops)
    dialog.choose.click()
    assert dialog.folder.text() == str(usb)
    dialog.backup_button.click()
    assert len(list(usb.glob("regie-*.db"))) == 1


def test_a_failed_automatic_backup_shows(qtbot, ops, db, clock, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_folder(db, usb)
    usb.rmdir()
    usb.write_text("not a folder any more")
    backups.on_close(db, clock, lambda _uow: [])
    window = QWidget()
    qtbot.addWidget(window)
    dialog = backups_view.open_backups(window, ops)
    assert dialog.chip.text() == "Failed"
    assert dialog.error.isVisibleTo(dialog)
    assert "is a file, not a folder" in dialog.error.text()


def test_a_non_administrator_sees_why_the_buttons_are_grey(qtbot, ops, db):
    db.actor = Actor("tech", Role.TECHNICIAN)
    window = QWidget()
    qtbot.addWidget(window)
    dialog = backups_view.open_backups(window, ops)
    for button in (dialog.backup_button, dialog.restore_button, dialog.choose):
        assert not button.isEnabled()
        assert "Only an administrator" in button.toolTip()


def test_daily_backup_when_due(ops, db, clock):
    backups_view.daily(ops)
    assert backups.status(db).last_good is not None
    first = backups.status(db).last_good
    backups_view.daily(ops)  # not due again the same day
    assert backups.status(db).last_good == first


def test_restoring_a_file_that_is_not_a_backup_says_so(
    qtbot, ops, db, answers, monkeypatch, tmp_path
):
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    monkeypatch.setattr(files, "open_file_name", lambda *_a, **_k: str(text))
    window = QWidget()
    qtbot.addWidget(window)
    dialog = backups_view.open_backups(window, ops)
    dialog.restore_button.click()  # nothing selected: a file is chosen
    assert "is not a Régie backup" in answers[-1]
    assert not dialog.busy and dialog.restore_button.isEnabled()
    assert list(Path(db.path).parent.glob("*.before-restore-*")) == []
