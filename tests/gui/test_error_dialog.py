"""A background job that fails, whatever it raises, calls back (the screen never stays
busy); an unexpected failure opens the error dialog with the log file's path and "Copy
details"; a slot that raises shows the same dialog; a write waiting for another program's
lock says so in the status bar."""

from __future__ import annotations

import errno
import sqlite3
import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from app.bootstrap import Context
from app.core.errors import DomainError, StorageError, UnexpectedError
from app.core.log import log_file, stop
from app.gui.shell import error_dialog
from app.gui.shell.changes import Change
from app.gui.shell.main import MainWindow
from app.gui.shell.operations import Operations, SyncRunner, ThreadRunner

UNEXPECTED = "Régie: unexpected error"


def _boom(_uow: object) -> None:
    raise RuntimeError("the flux capacitor is missing")


@pytest.fixture(autouse=True)
def _close_dialogs():
    yield
    for dialog in error_dialog.open_dialogs():
        dialog.done(0)
    stop()


@pytest.mark.qt_log_ignore(UNEXPECTED)
def test_a_thread_job_raising_calls_back_and_shows_the_dialog_with_the_log(qtbot, db, clock):
    runner = ThreadRunner()
    ops = Operations(Context(db=db, clock=clock, user="tester"), runner)
    got: list[object] = []
    ops.read(_boom, got.append, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    runner.wait()

    err = got[0]
    assert isinstance(err, UnexpectedError)  # the screen's failure callback ran: not busy
    assert "RuntimeError: the flux capacitor is missing" in err.params["error"]
    dialog = ops.error_dialog
    assert dialog is not None and dialog.isVisible()
    assert "the flux capacitor is missing" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()  # the traceback is in the details
    assert dialog.log_label.text() == str(log_file())
    written = log_file().read_text(encoding="utf-8")
    assert "Traceback" in written and "the flux capacitor is missing" in written


@pytest.mark.qt_log_ignore(UNEXPECTED)
def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot, ops):
    got: list[object] = []
    ops.write(_boom, got.append, got.append)
    dialog = ops.error_dialog
    qtbot.addWidget(dialog)
    assert isinstance(got[0], UnexpectedError)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "_boom" in copied and str(log_file()) in copied
    assert not dialog.details.isVisible()
    dialog.show_button.click()
    assert dialog.details.isVisible() and "_boom" in dialog.details.toPlainText()


@pytest.mark.qt_log_ignore(UNEXPECTED)
def test_without_a_failure_callback_only_the_dialog_speaks(qtbot, ops):
    refused: list[object] = []
    ops.failed.connect(refused.append)
    ops.read(_boom, lambda _r: None)
    assert refused == []  # no second message box from the main window
    assert ops.error_dialog is not None and ops.error_dialog.isVisible()


def test_a_refusal_still_goes_to_the_screen_without_a_dialog(qtbot, ops):
    got: list[object] = []

    def refuse(_uow: object) -> None:
        raise DomainError("No item type has the code {code}.", code="NOPE")

    ops.read(refuse, got.append, got.append)
    assert isinstance(got[0], DomainError) and not isinstance(got[0], UnexpectedError)
    assert ops.error_dialog is None and error_dialog.open_dialogs() == []


def test_a_full_disk_in_a_job_is_a_sentence_not_a_crash(qtbot, ops, tmp_path):
    got: list[object] = []

    def save(_uow: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "devis.pdf"))

    ops.read(save, got.append, got.append)
    assert isinstance(got[0], StorageError)
    assert "The disk is full" in str(got[0]) and "devis.pdf" in str(got[0])
    assert ops.error_dialog is None


@pytest.mark.qt_log_ignore(UNEXPECTED)
def test_a_slot_that_raises_shows_the_dialog_instead_of_a_traceback(qtbot):
    try:
        raise KeyError("row 42")
    except KeyError:
        error_dialog.handle_exception(*sys.exc_info())  # what sys.excepthook receives
    shown = error_dialog.open_dialogs()
    assert len(shown) == 1
    assert "KeyError" in shown[0].message.text() and shown[0].log_label.text() == str(log_file())
    assert "row 42" in log_file().read_text(encoding="utf-8")


def test_install_excepthook_is_undone(qtbot):
    before = sys.excepthook
    restore = error_dialog.install_excepthook()
    try:
        assert sys.excepthook is error_dialog.handle_exception
    finally:
        restore()
    assert sys.excepthook is before


def test_a_write_waiting_for_the_lock_says_so_then_refuses(qtbot, db, db_path, clock, monkeypatch):
    monkeypatch.setenv("REGIE_BUSY_TIMEOUT", "1.5")
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing
    runner = ThreadRunner()
    ops = Operations(Context(db=db, clock=clock, user="tester"), runner)
    got: list[object] = []
    messages: list[str] = []
    ops.busy.connect(lambda _who: messages.append(window.statusBar().currentMessage()))
    try:
        ops.write(lambda uow: uow.session.connection(), got.append, got.append)
        qtbot.waitUntil(lambda: bool(got), timeout=20_000)
        runner.wait()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert messages and messages[0].startswith("The database is busy")  # in the status bar
    assert isinstance(got[0], StorageError) and "still busy" in str(got[0])
    assert window.statusBar().currentMessage() == ""  # cleared once the job ended


# --- every failure of a background job reaches the user, with either runner -------------


class _Halt(BaseException):
    """Not an Exception (as a library's SystemExit): still a failure to show."""


@pytest.fixture(params=["sync", "thread"])
def any_ops(request, db, clock):
    runner = SyncRunner() if request.param == "sync" else ThreadRunner()
    ops = Operations(Context(db=db, clock=clock, user="tester"), runner)
    yield ops
    runner.wait()


@pytest.fixture
def bare_window(qtbot, any_ops):
    window = MainWindow(any_ops, areas=[])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.windowTitle() != "", timeout=10_000)
    any_ops.runner.wait()
    return window


def _shown(qtbot, ops: Operations) -> error_dialog.ErrorDialog:
    qtbot.waitUntil(lambda: bool(error_dialog.open_dialogs()), timeout=10_000)
    ops.runner.wait()
    (dialog,) = error_dialog.open_dialogs()
    assert dialog.isVisible() and dialog.log_label.text() == str(log_file())
    return dialog


@pytest.mark.qt_log_ignore(UNEXPECTED, "propagateSizeHints")
def test_an_import_failing_unexpectedly_shows_the_error_dialog_once(
    qtbot, any_ops, bare_window, tmp_path, monkeypatch
):
    import inventory.csvio

    def broken(*_args, **_kwargs):
        raise RuntimeError("the importer is broken")

    monkeypatch.setattr(inventory.csvio, "import_catalogue", broken)
    path = tmp_path / "catalogue.csv"
    path.write_text("record,code\n", encoding="utf-8")
    bare_window.import_csv(path)
    dialog = _shown(qtbot, any_ops)
    assert "the importer is broken" in dialog.message.text()
    assert bare_window.progress_dialog is None  # the long job ended: nothing stays busy
    assert bare_window.dialog is None  # not a second "action refused" box


@pytest.mark.qt_log_ignore(UNEXPECTED, "propagateSizeHints")
def test_an_export_failing_unexpectedly_shows_the_error_dialog(
    qtbot, any_ops, bare_window, tmp_path, monkeypatch
):
    import inventory.csvio

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("no rows to divide")

    monkeypatch.setattr(inventory.csvio, "export_catalogue", broken)
    bare_window.export_csv(tmp_path / "out.csv")
    assert "ZeroDivisionError" in _shown(qtbot, any_ops).message.text()


@pytest.mark.qt_log_ignore(UNEXPECTED, "propagateSizeHints")
def test_a_write_from_a_dialog_failing_unexpectedly_shows_the_dialog_and_resets_the_form(
    qtbot, any_ops, bare_window, monkeypatch
):
    from app.gui.shell import settings_dialog

    def broken(*_args, **_kwargs):
        raise KeyError("cooperative.name")

    monkeypatch.setattr(settings_dialog, "save_settings", broken)
    form = settings_dialog.SettingsDialog(any_ops, bare_window, {"cooperative.name": "Coopé"})
    qtbot.addWidget(form)
    form.show()
    assert form.save() is False
    assert "KeyError" in _shown(qtbot, any_ops).message.text()
    assert form.buttons.isEnabled()  # the form can be saved again


@pytest.mark.qt_log_ignore(UNEXPECTED)
def test_a_result_the_screen_cannot_take_is_shown_and_the_change_still_announced(qtbot, any_ops):
    changes: list[object] = []
    any_ops.changed.connect(changes.append)

    def take(_result: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'reference'")

    any_ops.write(lambda _uow: None, take, changes=Change.BOOKINGS)
    assert "AttributeError" in _shown(qtbot, any_ops).message.text()
    assert changes == [Change.BOOKINGS]


@pytest.mark.qt_log_ignore(UNEXPECTED)
def test_a_job_raising_what_is_not_an_exception_still_calls_back_and_shows_it(qtbot, any_ops):
    got: list[object] = []
    refused: list[object] = []
    any_ops.failed.connect(refused.append)

    def halt(_uow: object) -> None:
        raise _Halt("stopped by a library")

    any_ops.read(halt, got.append, got.append)
    dialog = _shown(qtbot, any_ops)
    assert isinstance(got[0], UnexpectedError) and "_Halt" in dialog.message.text()
    assert refused == []
