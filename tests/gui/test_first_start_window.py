"""The first start's window: it follows a real build in another process (the bar moves, the
line says what is prepared), says when the database is ready, says why when the build
fails, and stops the build when it is closed. The kiosk covers the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from app.first_start import partial_path
from app.gui.shell.first_start_window import STEPS, FirstStartWindow, stage_text
from app.gui.shell.launch import cover_screen

BUILD_MS = 600_000  # a whole demo on a busy machine


@pytest.mark.slow
def test_the_window_follows_the_build_until_the_database_is_ready(qtbot, tmp_path: Path):
    target = tmp_path / "data" / "regie.db"
    window = FirstStartWindow(target)
    qtbot.addWidget(window)
    window.show()
    values: list[int] = []
    texts: set[str] = set()
    window.bar.valueChanged.connect(values.append)
    original = window.stage.setText

    def remember(text: str) -> None:
        texts.add(text)
        original(text)

    window.stage.setText = remember  # type: ignore[method-assign]
    with qtbot.waitSignal(window.ready, timeout=BUILD_MS):
        window.start()
    assert target.exists() and not partial_path(target).exists()
    assert window.bar.value() == STEPS and values == sorted(values) and len(values) > 20
    assert stage_text("catalogue") in texts and stage_text("bookings") in texts
    assert any(text.startswith("Writing the invoices' PDF files") for text in texts)


@pytest.mark.slow
def test_closing_the_window_stops_the_build_and_leaves_no_database(qtbot, tmp_path: Path):
    target = tmp_path / "regie.db"
    window = FirstStartWindow(target)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.bar.value() >= STEPS * 0.2, timeout=BUILD_MS)
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    window.close()
    assert not window.running()
    assert not target.exists() and not ready


def test_a_build_that_cannot_write_says_why(qtbot, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    window = FirstStartWindow(blocker / "regie.db")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.failed, timeout=120_000) as failed:
        window.start()
    message = failed.args[0]
    assert "not-a-folder" in message and "Traceback" not in message
    assert window.stage.text() == message


def test_stage_texts_say_what_is_prepared():
    assert "3 of 10" in stage_text("pdfs", 3, 10)
    assert "waiting" in stage_text("waiting")
    assert stage_text("something new") == stage_text("start")


def test_the_kiosk_covers_the_screen(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    cover_screen(window)
    screen = window.screen() or QGuiApplication.primaryScreen()
    assert window.geometry() == screen.geometry()


# --- the choice: the demo, or my cooperative ---------------------------------------------


def test_a_fresh_computer_is_asked_demo_or_mine(qtbot, tmp_path: Path, monkeypatch):
    window = FirstStartWindow(tmp_path / "demo.db", choose=True)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Welcome to Régie"
    assert window.pages.currentWidget() is window.choice
    assert window.demo_button.text() == "&Explore the demo cooperative"
    with qtbot.waitSignal(window.setup_chosen):
        window.setup_button.click()
    started: list[bool] = []
    monkeypatch.setattr(window, "start", lambda: started.append(True))
    window.demo_button.click()
    assert started and window.pages.currentWidget() is window.progress
    assert window.windowTitle() == "Preparing the demo — Régie"


def test_without_a_choice_the_window_shows_the_preparation(qtbot, tmp_path: Path):
    window = FirstStartWindow(tmp_path / "demo.db")
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.progress


def test_the_demo_is_built_by_this_installations_own_program(qtbot, tmp_path: Path):
    window = FirstStartWindow(tmp_path / "demo.db", choose=True)
    qtbot.addWidget(window)
    from app import launcher

    program, arguments = launcher.module_command("app.first_start", [str(tmp_path / "demo.db")])
    assert window.process.program() == program and window.process.arguments() == arguments


def test_the_launcher_asks_only_when_there_is_no_database(tmp_path: Path, monkeypatch):
    from app import bootstrap
    from app.core import paths

    assert bootstrap.needs_choice(None)
    paths.demo_db_path().parent.mkdir(parents=True, exist_ok=True)
    paths.demo_db_path().write_bytes(b"")
    assert not bootstrap.needs_choice(None)
    monkeypatch.setenv("REGIE_DB", str(tmp_path / "elsewhere.db"))
    paths.demo_db_path().unlink()
    assert not bootstrap.needs_choice(None)
