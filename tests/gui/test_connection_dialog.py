"""The database connection: the dialog at start when the chosen database cannot be opened
(Retry, change the server's details, use this computer's file, Quit), the same dialog from
Settings → Database, and what it remembers (the choice; a password only when asked, in a
file only its owner may read)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core import connection, paths
from app.gui.shell import connection_dialog
from app.gui.shell.connection_dialog import ConnectionDialog
from app.gui.shell.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)

SERVER = connection.Server(host="serveur.local", database="regie", user="magasin", port=5433)
PROBLEM = "The connection to the PostgreSQL server magasin@serveur.local:5433/regie was lost."


def saved() -> dict[str, str]:
    return json.loads(connection.config_path().read_text(encoding="utf-8"))


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_at_start_the_problem_shows_and_retry_opens_the_same_server(qtbot) -> None:
    connection.choose_server(SERVER)
    dialog = ConnectionDialog(None, PROBLEM)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problem.isVisible() and dialog.problem.text() == PROBLEM
    assert dialog.server_choice.isChecked()
    assert (dialog.host.text(), dialog.port.value()) == ("serveur.local", 5433)
    assert (dialog.database.text(), dialog.user.text()) == ("regie", "magasin")
    assert dialog.connect_button.text() == "&Retry"
    assert dialog.path.text() == str(paths.embedded_db_path())  # ready if they switch
    assert dialog.local_button.isVisible() and dialog.cancel_button.text() == "&Quit"
    dialog.connect_button.click()
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted
    assert dialog.target == "postgresql+psycopg://magasin@serveur.local:5433/regie"


def test_a_password_typed_is_used_but_not_kept_unless_asked(qtbot) -> None:
    connection.choose_server(SERVER)
    dialog = ConnectionDialog(None, "The PostgreSQL server refused the connection.")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, "s3cr:t@x")
    assert dialog.connect_button.text() == "&Connect"
    dialog.connect_button.click()
    assert connection.password_of(dialog.target or "") == "s3cr:t@x"
    assert "s3cr" not in connection.config_path().read_text(encoding="utf-8")
    assert saved() == {"database": "postgresql+psycopg://magasin@serveur.local:5433/regie"}
    assert not connection.passfile_path().exists()
    assert private(connection.config_path())


def test_a_remembered_password_lives_in_a_private_password_file(qtbot) -> None:
    dialog = ConnectionDialog(None)
    qtbot.addWidget(dialog)
    dialog.server_choice.setChecked(True)
    for edit, text in (
        (dialog.host, "serveur.local"),
        (dialog.database, "regie"),
        (dialog.user, "magasin"),
        (dialog.password, "s3cr:t"),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)
    dialog.port.setValue(5433)
    dialog.remember.setChecked(True)
    dialog.connect_button.click()
    passfile = connection.passfile_path()
    assert private(passfile)
    assert passfile.read_text(encoding="utf-8") == "serveur.local:5433:regie:magasin:s3cr\\:t\n"
    assert connection.password_of(dialog.target or "") == ""
    assert f"passfile={passfile}".replace("/", "%2F") in (dialog.target or "")
    assert connection.configured() == dialog.target
    # Later, with nothing typed, the kept password stays; unticking forgets it.
    again = ConnectionDialog(None)
    qtbot.addWidget(again)
    assert again.remember.isChecked()
    again.connect_button.click()
    assert passfile.exists()
    third = ConnectionDialog(None)
    qtbot.addWidget(third)
    third.remember.setChecked(False)
    third.connect_button.click()
    assert not passfile.exists()


def test_a_missing_detail_is_said_and_nothing_is_saved(qtbot) -> None:
    dialog = ConnectionDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server_choice.setChecked(True)
    dialog.host.clear()
    dialog.connect_button.click()
    assert dialog.result() != ConnectionDialog.DialogCode.Accepted
    assert dialog.status.text() == "Type the host of the PostgreSQL server."
    assert not connection.config_path().exists()


def answer(dialog: ConnectionDialog, key: Qt.Key | None = None, create: bool = False) -> None:
    """Once the new-database confirmation shows: press ``key`` on it, or click Create."""

    def act() -> None:
        box = dialog.new_database_box
        if box is None:
            QTimer.singleShot(20, act)
            return
        if key is not None:
            QTest.keyClick(box, key)
        elif create:
            next(b for b in box.buttons() if "new database" in b.text()).click()

    QTimer.singleShot(0, act)


def test_a_file_can_be_chosen_and_the_local_file_used_for_now(qtbot, tmp_path) -> None:
    connection.choose_server(SERVER)
    dialog = ConnectionDialog(None, PROBLEM)
    qtbot.addWidget(dialog)
    answer(dialog, create=True)  # no local file yet: a new one, once confirmed
    dialog.local_button.click()
    assert dialog.target == str(paths.embedded_db_path())
    assert connection.chosen() == SERVER.url()  # the server is tried again next time
    other = ConnectionDialog(None)
    qtbot.addWidget(other)
    assert not other.local_button.isVisible()
    other.file_choice.setChecked(True)
    other.path.setText(str(tmp_path / "atelier.db"))
    answer(other, create=True)
    other.connect_button.click()
    assert other.target == str(tmp_path / "atelier.db")
    assert connection.chosen() == tmp_path / "atelier.db"


def test_test_says_what_is_there_off_the_gui_thread(qtbot, db_path) -> None:
    dialog = ConnectionDialog(None)
    qtbot.addWidget(dialog)
    dialog.file_choice.setChecked(True)
    dialog.path.setText(str(db_path))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    assert dialog.status.text() == "Connected: a Régie database."
    junk = db_path.with_name("junk.db")
    junk.write_text("not a database at all, just words\n" * 10)
    dialog.path.setText(str(junk))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    assert "not a Régie database" in dialog.status.text() or "not a database" in (
        dialog.status.text()
    )


def test_ask_returns_what_to_open_or_none_when_the_person_quits(qtbot) -> None:
    connection.choose_server(SERVER)

    def press(name: str) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ConnectionDialog) and widget.isVisible():
                getattr(widget, name).click()

    QTimer.singleShot(0, lambda: press("cancel_button"))
    assert connection_dialog.ask(None, PROBLEM) is None
    QTimer.singleShot(0, lambda: press("connect_button"))
    assert connection_dialog.ask(None, PROBLEM) == SERVER.url()


def test_settings_show_the_database_in_use_and_change_it_for_the_next_start(
    qtbot, ops, db_path, monkeypatch
) -> None:
    dialog = SettingsDialog(ops, None, {})
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.database.full == dialog.database.toolTip() == str(db_path)
    shown = dialog.database.text()  # whole, or shortened in the middle: never cut at /tmp/
    assert shown == str(db_path) or (
        "…" in shown and shown.startswith("/tmp/") and shown.endswith(".db")
    )
    assert dialog.database.width() >= dialog.database.fontMetrics().horizontalAdvance(shown)
    assert dialog.database_button.isVisible() and not dialog.database_note.isVisible()
    shown: list[object] = []

    def choose(parent, current):
        shown.append(current)
        return SERVER.url("pw")

    monkeypatch.setattr(connection_dialog, "choose", choose)
    dialog.database_button.click()
    assert dialog.database_note.isVisible()
    assert dialog.database_note.text() == (
        "Régie opens postgresql+psycopg://magasin:***@serveur.local:5433/regie when it is "
        "restarted."
    )
    assert shown == [db_path]  # the dialog starts from the database in use
    monkeypatch.setenv("REGIE_DB", str(db_path))
    dialog.database_button.click()
    assert "Not while REGIE_DB names another database" in dialog.database_note.text()


def test_the_details_start_from_the_database_in_use(qtbot, db_path) -> None:
    dialog = ConnectionDialog(None, current=SERVER.url())
    qtbot.addWidget(dialog)
    assert dialog.server_choice.isChecked() and dialog.user.text() == "magasin"
    other = ConnectionDialog(None, current=db_path)
    qtbot.addWidget(other)
    assert other.file_choice.isChecked() and other.path.text() == str(db_path)


UNREACHABLE = "postgresql+psycopg://postgres:pw@/regie?host=/nowhere&port=1"


def test_a_server_that_fails_at_start_is_offered_again_not_a_new_local_file(
    qtbot, monkeypatch
) -> None:
    """REGIE_DB names a server that is away (a network hiccup): the dialog shows that
    server's details (never its password), Retry is the default button, and Enter retries
    the very same URL — no choice written, no local file made."""
    monkeypatch.setenv("REGIE_DB", UNREACHABLE)
    assert connection_dialog.failing() == UNREACHABLE
    seen: list[ConnectionDialog] = []

    def press_enter() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ConnectionDialog))
        seen.append(dialog)
        assert dialog.server_choice.isChecked()
        assert (dialog.host.text(), dialog.port.value()) == ("/nowhere", 1)
        assert (dialog.database.text(), dialog.user.text()) == ("regie", "postgres")
        assert dialog.password.text() == ""
        assert dialog.connect_button.text() == "&Retry" and dialog.connect_button.isDefault()
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    assert connection_dialog.ask(None, PROBLEM) == UNREACHABLE
    assert seen
    assert not connection.config_path().exists()
    assert not paths.embedded_db_path().exists()


def test_a_local_file_that_does_not_exist_needs_a_confirmation(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("REGIE_DB", UNREACHABLE)
    dialog = ConnectionDialog(None, PROBLEM, current=connection_dialog.failing())
    qtbot.addWidget(dialog)
    dialog.show()
    answer(dialog, key=Qt.Key.Key_Return)  # Enter on the question: Cancel, the default
    dialog.local_button.click()
    assert dialog.target is None and dialog.isVisible()
    dialog.file_choice.setChecked(True)
    assert dialog.connect_button.text() == "&Connect"
    answer(dialog, key=Qt.Key.Key_Escape)
    dialog.connect_button.click()
    assert dialog.target is None and dialog.isVisible()
    assert not connection.config_path().exists()
    assert not paths.embedded_db_path().exists()
    answer(dialog, create=True)
    dialog.local_button.click()
    assert dialog.target == str(paths.embedded_db_path())


def test_an_existing_local_file_opens_without_question(qtbot, db_path, monkeypatch) -> None:
    monkeypatch.setenv("REGIE_DB", UNREACHABLE)
    dialog = ConnectionDialog(None, PROBLEM, current=UNREACHABLE)
    qtbot.addWidget(dialog)
    dialog.file_choice.setChecked(True)
    dialog.path.setText(str(db_path))
    dialog.connect_button.click()
    assert dialog.target == str(db_path) and dialog.new_database_box is None


def test_the_failing_database_is_the_choice_when_regie_db_is_unusable(monkeypatch) -> None:
    connection.choose_server(SERVER)
    monkeypatch.delenv("REGIE_DB", raising=False)
    assert connection_dialog.failing() == SERVER.url()
    monkeypatch.setenv("REGIE_DB", "mysql://x@y/z")
    assert connection_dialog.failing() == SERVER.url()


def test_a_long_database_path_is_shortened_in_the_middle_whole_in_the_tooltip(qtbot) -> None:
    from app.gui.shell.settings_dialog import ElidedLabel

    path = "/tmp/tmp.jURxZ66nNq/" + "atelier-" * 12 + "coop.db"
    label = ElidedLabel(path)
    qtbot.addWidget(label)
    label.resize(label.fontMetrics().horizontalAdvance(path) // 2, 30)
    label.show()
    qtbot.waitUntil(lambda: "…" in label.text())
    assert label.text().startswith("/tmp/tmp.") and label.text().endswith("coop.db")
    assert label.toolTip() == path
    label.resize(label.fontMetrics().horizontalAdvance(path) + 20, 30)
    qtbot.waitUntil(lambda: label.text() == path)
