"""The README's first command: `regie` opens the app on its embedded default, created and
filled with the demo cooperative on first run."""

from __future__ import annotations

from app.bootstrap import open_context
from app.core.paths import default_db_path
from inventory.queries import search_types


def _type_count(ctx) -> int:
    with ctx.db.read() as uow:
        return len(search_types(uow))


def test_embedded_default_is_created_with_the_demo_once():
    assert not default_db_path().exists()
    ctx = open_context(None)
    try:
        first = _type_count(ctx)
    finally:
        ctx.db.dispose()
    assert default_db_path().exists() and first >= 60
    again = open_context(None)
    try:
        assert _type_count(again) == first
    finally:
        again.db.dispose()


def test_a_new_file_named_explicitly_starts_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(tmp_path / "mine.db"))
    ctx = open_context(None)
    try:
        assert _type_count(ctx) == 0
    finally:
        ctx.db.dispose()
    assert not default_db_path().exists()


def test_regie_without_command_opens_the_main_window(qapp, monkeypatch):
    from PySide6.QtWidgets import QApplication, QMainWindow

    from app.cli import main

    shown: list[str] = []

    def fake_exec(_self=None) -> int:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMainWindow) and w.isVisible()
        ]
        shown.extend(w.windowTitle() for w in windows)
        for window in windows:
            window.close()
        return 0

    stages: list[str] = []
    from PySide6.QtWidgets import QProgressDialog

    original = QProgressDialog.setLabelText
    monkeypatch.setattr(
        QProgressDialog,
        "setLabelText",
        lambda self, text: (stages.append(text), original(self, text))[1],
    )
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert main([]) == 0
    assert len(stages) == 3 and "invoices" in stages[-1]  # the first start says what it builds
    qapp.processEvents()  # let the worker thread's last reads land before teardown
    assert any("Régie" in title for title in shown)
    assert default_db_path().exists()
