"""A file dialog opened on the database's folder must not lose the desk's scans.

Qt's stock dialogs read the first bytes of every file they list to name its type. Opening
and closing the live database that way drops our process's POSIX locks on it; the next
program to close the database then deletes the write-ahead log, and every later commit of
ours goes to a deleted file. This happened at the desk (Save as PDF in the database's
folder): scans shown as accepted, invisible to ``regie bookings show``."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from app.core.db import Database, make_engine
from app.gui.shell import files


def _count_from_another_process(path: Path) -> int:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        " print(c.execute('select count(*) from t').fetchone()[0]); c.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def test_commits_after_a_file_dialog_on_the_database_folder_reach_other_programs(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "regie.db"
    with sqlite3.connect(path) as setup:
        setup.execute("pragma journal_mode=wal")
        setup.execute("create table t(x)")
    db = Database(make_engine(path), path)
    try:
        with db.write() as uow:
            uow.session.connection().exec_driver_sql("insert into t values (1)")
        chosen: list[str] = []

        def browse_then_cancel() -> None:
            dialog = next(w for w in _top_levels() if isinstance(w, QFileDialog))
            qtbot.waitUntil(lambda: dialog.findChild(object, "listView") is not None)
            qtbot.wait(1500)  # the folder is listed and every icon and type resolved
            dialog.reject()

        QTimer.singleShot(0, browse_then_cancel)
        chosen.append(files.save_file_name(None, "Save", str(tmp_path), "PDF files (*.pdf)"))
        assert chosen == [""]
        assert _count_from_another_process(path) == 1  # another program opens and closes
        with db.write() as uow:
            uow.session.connection().exec_driver_sql("insert into t values (2)")
        assert _count_from_another_process(path) == 2, "the commit went to a deleted log"
    finally:
        db.dispose()


def _top_levels() -> list[object]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets())


def test_icons_and_types_come_from_the_name_alone(tmp_path: Path) -> None:
    from PySide6.QtCore import QFileInfo

    provider = files.NameOnlyIcons()
    (tmp_path / "regie.db").write_bytes(b"SQLite format 3\x00")
    assert provider.type(QFileInfo(str(tmp_path / "regie.db"))) == "DB file"
    assert provider.type(QFileInfo(str(tmp_path))) == "Folder"


def test_the_dialog_speaks_french_in_a_french_session(qtbot, tmp_path: Path) -> None:
    """Qt's widget dialog kept "Look in:", "Files of type:" and "Folder" in English in a
    French session (its own catalogue is loaded, yet these labels stay untranslated)."""
    from PySide6.QtCore import QFileInfo

    from app import i18n

    i18n.install("fr")
    try:
        dialog = files._dialog(None, "Choisir", str(tmp_path), "Tableurs (*.csv *.xlsx)")
        qtbot.addWidget(dialog)
        assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "Voir dans :"
        assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "Fichiers de type :"
        provider = files.NameOnlyIcons()
        assert provider.type(QFileInfo(str(tmp_path))) == "Dossier"
        assert provider.type(QFileInfo(str(tmp_path / "clients.csv"))) == "Fichier CSV"
    finally:
        i18n.install("en")
