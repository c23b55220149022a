"""The connection dialog against a real PostgreSQL server: Test says what is there (an
empty database Régie will prepare, then a Régie database), and a server that cannot be
reached is said in a sentence, never a traceback."""

from __future__ import annotations

import pytest

from app.core import connection
from app.core.migrate import open_database
from app.gui.shell.connection_dialog import ConnectionDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _tested(qtbot, dialog: ConnectionDialog) -> str:
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=20_000)
    return dialog.status.text()


def test_test_on_a_server_says_what_is_there(qtbot, pg_empty_url) -> None:
    dialog = ConnectionDialog(None, current=pg_empty_url)
    qtbot.addWidget(dialog)
    server = connection.Server.parse(pg_empty_url)
    assert dialog.server_choice.isChecked()
    assert (dialog.host.text(), dialog.port.value()) == (server.host, server.port)
    assert _tested(qtbot, dialog) == "Connected: an empty database; Régie will prepare it."
    open_database(pg_empty_url).dispose()
    assert _tested(qtbot, dialog) == "Connected: a Régie database."
    dialog.database.setText("no_such_database")
    assert "has no database of that name" in _tested(qtbot, dialog)
    dialog.connect_button.click()
    assert (
        connection.chosen()
        == connection.Server(server.host, "no_such_database", server.user, server.port).url()
    )
