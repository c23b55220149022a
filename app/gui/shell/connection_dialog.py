"""Which database Régie opens: a PostgreSQL server shared by the workstations, or an SQLite
file on this computer.

At start, when the chosen database cannot be opened (server down, wrong password, Wi-Fi
off…), ``ask(parent, problem)`` shows the sentence and lets the person Retry (the same
database: a server restarting), change the server's details (a new password…) and
Connect, or use the file on this computer for now; it returns what to open (a URL or a
path) or None (Quit). From Settings → Database, ``choose(parent)`` changes the choice
(applied at the next start). ``Test`` tries the connection off the GUI thread and says
what is there. The choice is remembered per user (``app.core.connection``); a password
only when "Remember" is ticked, in a file only its owner may read — else it is asked at
each start.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import connection, paths
from app.core.errors import DomainError, StorageError
from app.gui.shell import files, icons, style
from app.i18n import message

tr = QCoreApplication.translate


class _Probe(QObject):
    """Tries a database in a thread of its own; ``finished(text, ok)`` on the GUI thread."""

    finished = Signal(str, bool)

    def start(self, where: Path | str) -> None:
        threading.Thread(target=self._run, args=(where,), daemon=True).start()

    def _run(self, where: Path | str) -> None:
        try:
            found = connection.probe(where)
        except DomainError as err:
            self.finished.emit(message(err), False)
            return
        except Exception as err:  # noqa: BLE001 - said, never raised in a thread
            self.finished.emit(str(err), False)
            return
        texts = {
            "regie": tr("ConnectionDialog", "Connected: a Régie database."),
            "empty": tr("ConnectionDialog", "Connected: an empty database; Régie will prepare it."),
            "other": tr(
                "ConnectionDialog",
                "Connected, but this database holds other tables: it is not Régie's.",
            ),
        }
        self.finished.emit(texts[found], found != "other")


class ConnectionDialog(QDialog):
    """The server's details or the file; ``target`` once accepted (what to open)."""

    def __init__(
        self, parent: QWidget | None = None, problem: str = "", current: Path | str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(tr("ConnectionDialog", "Database — Régie"))
        self.at_start = bool(problem)
        self.target: str | None = None
        #: The confirmation asked before a new database file is created, while it shows.
        self.new_database_box: QMessageBox | None = None
        #: The database the details start from: the one in use (Settings), else the one
        #: chosen on this computer.
        self.initial = current if current is not None else connection.chosen()
        self.probe = _Probe(self)
        self.probe.finished.connect(self._probed)
        self._build(problem)
        self._fill(self.initial)
        self._changed()

    # --- building -------------------------------------------------------------------------

    def _build(self, problem: str) -> None:
        heading = QLabel(tr("ConnectionDialog", "Which database does this computer use?"))
        style.set_role(heading, "title")
        self.problem = QLabel(problem)
        self.problem.setObjectName("connectionProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.set_role(self.problem, "error")
        self.problem.setVisible(bool(problem))
        self.server_choice = QRadioButton(
            tr("ConnectionDialog", "A PostgreSQL &server shared by the workstations")
        )
        self.file_choice = QRadioButton(tr("ConnectionDialog", "A &file on this computer"))
        group = QButtonGroup(self)
        group.addButton(self.server_choice)
        group.addButton(self.file_choice)
        self.server_choice.toggled.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.problem)
        layout.addWidget(self.server_choice)
        layout.addWidget(self._server_form())
        layout.addWidget(self.file_choice)
        layout.addWidget(self._file_row())
        self.status = QLabel()
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        layout.addWidget(self._buttons())

    def _server_form(self) -> QWidget:
        self.server_box = QWidget()
        form = QFormLayout(self.server_box)
        form.setContentsMargins(style.SPACE.xl, 0, 0, 0)
        self.host = QLineEdit()
        self.host.setPlaceholderText(tr("ConnectionDialog", "serveur.local or 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(connection.DEFAULT_PORT)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(tr("ConnectionDialog", "&Remember the password on this computer"))
        self.remember.setToolTip(
            tr(
                "ConnectionDialog",
                "Kept in a file of your user account that only you can read; else Régie "
                "asks for it at each start.",
            )
        )
        form.addRow(tr("ConnectionDialog", "&Host:"), self.host)
        form.addRow(tr("ConnectionDialog", "P&ort:"), self.port)
        form.addRow(tr("ConnectionDialog", "&Database:"), self.database)
        form.addRow(tr("ConnectionDialog", "&User:"), self.user)
        form.addRow(tr("ConnectionDialog", "&Password:"), self.password)
        form.addRow("", self.remember)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textEdited.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        return self.server_box

    def _file_row(self) -> QWidget:
        self.file_box = QWidget()
        row = QHBoxLayout(self.file_box)
        row.setContentsMargins(style.SPACE.xl, 0, 0, 0)
        self.path = QLineEdit()
        self.path.setAccessibleName(tr("ConnectionDialog", "Database file"))
        self.path.textEdited.connect(self._changed)
        browse = QPushButton(icons.icon("open"), tr("ConnectionDialog", "&Browse…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.browse_button = browse
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        return self.file_box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.connect_button = buttons.addButton(tr("ConnectionDialog", "&Connect"), role.AcceptRole)
        self.connect_button.setIcon(icons.icon("confirm"))
        self.connect_button.setProperty("primary", True)
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.submit)
        self.test_button = buttons.addButton(tr("ConnectionDialog", "&Test"), role.ActionRole)
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)
        self.local_button = buttons.addButton(
            tr("ConnectionDialog", "Use the file on this &computer"), role.ActionRole
        )
        self.local_button.setToolTip(
            tr(
                "ConnectionDialog",
                "Work on this computer's own file for now (the server's data is not there); "
                "the server is tried again at the next start.",
            )
        )
        self.local_button.setAutoDefault(False)
        self.local_button.clicked.connect(self.use_local)
        self.local_button.setVisible(self.at_start)
        cancel = (
            tr("ConnectionDialog", "&Quit") if self.at_start else tr("ConnectionDialog", "Cancel")
        )
        self.cancel_button = buttons.addButton(cancel, role.RejectRole)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        return buttons

    def _fill(self, current: Path | str | None) -> None:
        self.path.setText(str(paths.embedded_db_path()))
        self.database.setText("regie")
        if isinstance(current, str):
            server = connection.Server.parse(current)
            self.host.setText(server.host)
            self.port.setValue(server.port)
            self.database.setText(server.database)
            self.user.setText(server.user)
            self.remember.setChecked(connection.remembered(server))
            self.server_choice.setChecked(True)
        else:
            if current is not None:
                self.path.setText(str(current))
            self.file_choice.setChecked(True)

    # --- state ----------------------------------------------------------------------------

    def on_server(self) -> bool:
        return self.server_choice.isChecked()

    def server(self) -> connection.Server:
        return connection.Server(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            port=self.port.value(),
        )

    def unchanged(self) -> bool:
        """Are the details those of the database that failed (so Connect is a retry)?"""
        if self.password.text():
            return False
        if self.on_server():
            return isinstance(self.initial, str) and self.server() == connection.Server.parse(
                self.initial
            )
        return isinstance(self.initial, Path) and Path(self.path.text().strip()) == self.initial

    def _changed(self, *_: object) -> None:
        server = self.on_server()
        self.server_box.setEnabled(server)
        self.file_box.setEnabled(not server)
        retry = self.at_start and self.unchanged()
        self.connect_button.setText(
            tr("ConnectionDialog", "&Retry") if retry else tr("ConnectionDialog", "&Connect")
        )

    def where(self, *, with_password: bool = True) -> Path | str | None:
        """What the form names, or None (with the missing field said)."""
        if not self.on_server():
            text = self.path.text().strip()
            if not text:
                self._say(tr("ConnectionDialog", "Choose the database file."), False)
                self.path.setFocus()
                return None
            return Path(text).expanduser()
        missing = [
            (edit, name)
            for edit, name in (
                (self.host, tr("ConnectionDialog", "the host")),
                (self.database, tr("ConnectionDialog", "the database")),
                (self.user, tr("ConnectionDialog", "the user")),
            )
            if not edit.text().strip()
        ]
        if missing:
            text = tr("ConnectionDialog", "Type %1 of the PostgreSQL server.")
            self._say(text.replace("%1", missing[0][1]), False)
            missing[0][0].setFocus()
            return None
        server = self.server()
        password = self.password.text() if with_password else ""
        if not password and connection.remembered(server):
            return connection.with_passfile(server.url())
        return server.url(password)

    # --- actions --------------------------------------------------------------------------

    def submit(self) -> None:
        """Connect (or Retry): remember the choice, and give what to open."""
        where = self.where()
        if where is None:
            return
        if self.at_start and self.unchanged() and self.initial is not None:
            # Retry: the very database that failed, as it was named (a password or the
            # password file it carried included); the choice stays as it was
            if isinstance(self.initial, Path) and not self.confirm_new(self.initial):
                return
            self.target = str(self.initial)
        elif isinstance(where, Path):
            if not self.confirm_new(where):
                return
            connection.choose_file(where)
            self.target = str(where)
        else:
            server, password = self.server(), self.password.text()
            connection.choose_server(server, password, self.remember.isChecked())
            kept = connection.remembered(server)
            self.target = connection.with_passfile(server.url()) if kept else server.url(password)
        self.accept()

    def use_local(self) -> None:
        """The file on this computer, for this time (the choice stays the server) — a new
        one only when the person confirms it: never the demo silently."""
        local = paths.embedded_db_path()
        if not self.confirm_new(local):
            return
        self.target = str(local)
        self.accept()

    def confirm_new(self, path: Path) -> bool:
        """May Régie open ``path``? Yes when it holds a database; when it does not exist yet
        (or is empty) only once the person confirms that it will be a NEW database, separate
        from the one in use — Cancel is the default."""
        if path.is_file() and path.stat().st_size > 0:
            return True
        box = QMessageBox(self)
        box.setObjectName("newDatabaseBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("ConnectionDialog", "New database — Régie"))
        box.setText(
            tr(
                "ConnectionDialog",
                "There is no database at %1 yet. Régie will create a NEW database there, "
                "separate from the one you use: none of its data will be in it (the default "
                "file gets a demonstration cooperative).",
            ).replace("%1", str(path))
        )
        create = box.addButton(
            tr("ConnectionDialog", "Create a &new database"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.new_database_box = box
        try:
            box.exec()
            return box.clickedButton() is create
        finally:
            self.new_database_box = None
            box.deleteLater()

    def test(self) -> None:
        where = self.where()
        if where is None:
            return
        self.test_button.setEnabled(False)
        self._say(tr("ConnectionDialog", "Connecting…"), True)
        self.probe.start(where)

    def _probed(self, text: str, ok: bool) -> None:
        self.test_button.setEnabled(True)
        self._say(text, ok)

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        style.set_role(self.status, "muted" if ok else "error")
        self.status.show()

    def _browse(self) -> None:
        chosen = files.save_file_name(
            self,
            tr("ConnectionDialog", "Database file"),
            self.path.text(),
            tr("ConnectionDialog", "Régie databases (*.db);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self._changed()


def ask(parent: QWidget | None, problem: str, current: Path | str | None = None) -> str | None:
    """At start, the database could not be opened (``problem``: the sentence): what to open
    instead (a server's URL or a file's path), or None when the person quits. The details
    start from ``current``, the database that failed (by default the one ``REGIE_DB`` or this
    computer's choice names), so Retry — the default button — tries it again."""
    dialog = ConnectionDialog(
        parent,
        problem or tr("ConnectionDialog", "The database could not be opened."),
        current=failing() if current is None else current,
    )
    if dialog.server_choice.isChecked() and not dialog.password.text():
        dialog.password.setFocus()
    try:
        return dialog.target if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def failing() -> Path | str | None:
    """The database a start without ``--db`` opens (``REGIE_DB``, else the choice), or the
    choice alone when ``REGIE_DB`` names nothing Régie can open."""
    try:
        return paths.resolve_db(None)
    except StorageError:
        return connection.chosen()


def choose(parent: QWidget | None, current: Path | str | None = None) -> str | None:
    """Settings → Database → Change…: the new choice (applied at the next start), or None.
    ``current``: the database in use, which the details start from."""
    dialog = ConnectionDialog(parent, current=current)
    try:
        return dialog.target if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
