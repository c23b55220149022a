"""What people see when something nobody foresaw goes wrong: a dialog, never a traceback.

The dialog says what happened in one sentence, where the log file is (the traceback is
written there), and offers "Copy details" (the traceback, to paste into a message to
whoever looks after Régie). ``show_error`` is used by ``Operations`` for a background job
that failed unexpectedly; ``install_excepthook`` catches what a slot raises on the GUI
thread (and in other threads) and shows the same dialog instead of printing or aborting.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, qWarning
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.access import Forbidden
from app.core.db import storage_problem
from app.core.errors import DomainError, UnexpectedError
from app.core.log import record_unexpected
from app.gui.shell import icons, style
from app.version import VERSION

tr = QCoreApplication.translate


def as_error(error: BaseException, trace: str = "", where: str = "") -> DomainError:
    """Any exception as something to show: a DomainError stays itself, a failure of the
    database or the disk becomes its sentence, anything else an ``UnexpectedError`` whose
    traceback is written to the log file (its path kept in ``log``)."""
    if isinstance(error, DomainError):
        return error
    problem = storage_problem(error, None)
    if problem is not None:
        return problem
    trace = trace or "".join(traceback.format_exception(error))
    path = record_unexpected(trace, where=where)
    return UnexpectedError(error, trace=trace, log=str(path) if path else "")


class ErrorDialog(QDialog):
    """The message, the log file's path, "Copy details" and the details themselves."""

    def __init__(self, err: DomainError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = err
        unexpected = isinstance(err, UnexpectedError)
        #: A role's refusal is a plain sentence (who may do it): nothing to copy or report.
        forbidden = isinstance(err, Forbidden)
        if unexpected:
            self.setWindowTitle(tr("ErrorDialog", "Régie — unexpected error"))
        elif forbidden:
            self.setWindowTitle(tr("ErrorDialog", "Régie — not allowed"))
        else:
            self.setWindowTitle(tr("ErrorDialog", "Régie — action refused"))
        self.setObjectName("errorDialog")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.setSpacing(style.SPACE.l)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(icons.icon("error" if unexpected else "warning").pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        text = QVBoxLayout()
        text.setSpacing(style.SPACE.s)
        self.message = QLabel(i18n.message(err))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.set_role(self.message, "heading")  # what happened, first and largest
        text.addWidget(self.message)
        self.log_path = getattr(err, "log", "") if unexpected else ""
        if unexpected:
            if self.log_path:
                hint = tr(
                    "ErrorDialog",
                    "What you were doing was not finished. The details were written to the "
                    "log file:",
                )
            else:
                hint = tr(
                    "ErrorDialog",
                    "What you were doing was not finished. No log file could be written; "
                    "use Copy details to keep them.",
                )
            self.hint = QLabel(hint)
            self.hint.setWordWrap(True)
            style.set_role(self.hint, "muted")
            text.addWidget(self.hint)
            self.log_label = QLabel(self.log_path)
            self.log_label.setObjectName("logPath")
            self.log_label.setWordWrap(True)
            self.log_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.log_label.setVisible(bool(self.log_path))
            text.addWidget(self.log_label)
        text.addStretch(1)
        top.addLayout(text, 1)
        layout.addLayout(top)
        self.details = QPlainTextEdit(self.details_text())
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("ErrorDialog", "Details"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(160)
        self.details.setVisible(False)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(icons.icon("copy"), tr("ErrorDialog", "&Copy details"))
        self.copy_button.setToolTip(
            tr("ErrorDialog", "Copy the details to paste them into a message")
        )
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button = QPushButton(icons.icon("info"), tr("ErrorDialog", "Show &details"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setVisible(not forbidden)  # after adding: the box shows them
        self.show_button.setVisible(unexpected)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setIcon(icons.icon("close"))
        close.setDefault(True)
        close.setShortcut(QKeySequence("Ctrl+W"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.resize(620, self.sizeHint().height())
        close.setFocus()

    def details_text(self) -> str:
        """What "Copy details" copies: the message, the log file and the traceback."""
        lines = [i18n.message(self.error), f"Régie {VERSION}, Python {sys.version.split()[0]}"]
        if self.log_path:
            lines.append(f"log: {self.log_path}")
        trace = getattr(self.error, "trace", "")
        if trace:
            lines += ["", trace.rstrip()]
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(tr("ErrorDialog", "Copied"))

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), 460 if shown else self.minimumSizeHint().height())


_open: list[ErrorDialog] = []


def show_error(err: DomainError, parent: QWidget | None = None) -> ErrorDialog:
    """Show ``err`` in an ErrorDialog (window-modal, not blocking) and return it."""
    if parent is None:
        parent = QApplication.activeWindow()
    dialog = ErrorDialog(err, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open.append(dialog)
    dialog.finished.connect(lambda _result: _open.remove(dialog) if dialog in _open else None)
    dialog.open()
    if isinstance(err, UnexpectedError):
        # One line for whoever watches the terminal (and for the test suite, which fails
        # on Qt warnings: an unexpected error in a test must not pass unnoticed).
        qWarning(f"Régie: unexpected error {err.params.get('error', '')}; log: {err.log}")
    return dialog


def open_dialogs() -> list[ErrorDialog]:
    """The error dialogs currently open (tests; a second error does not hide the first)."""
    return list(_open)


# --- exceptions raised outside background jobs -------------------------------------------


class _Relay(QObject):
    """Brings an exception raised in another thread to the GUI thread."""

    raised = Signal(object)


_relay: _Relay | None = None


def handle_exception(
    kind: type[BaseException], value: BaseException, trace: TracebackType | None
) -> None:
    """``sys.excepthook`` for the GUI: the dialog instead of a traceback on stderr."""
    if issubclass(kind, KeyboardInterrupt):
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return
    try:
        text = "".join(traceback.format_exception(kind, value, trace))
        err = as_error(value, trace=text, where="the window")
        show_error(err)
    except Exception:  # noqa: BLE001 - never let the hook itself fail loudly
        record_unexpected(traceback.format_exc(), where="the error dialog")


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or _relay is None:
        return
    text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
    _relay.raised.emit(as_error(args.exc_value, trace=text, where="a background thread"))


def install_excepthook() -> Callable[[], None]:
    """Route exceptions nobody caught to the error dialog (GUI thread: ``sys.excepthook``;
    other threads: ``threading.excepthook``). Returns a function that undoes it."""
    global _relay
    previous: tuple[Any, Any] = (sys.excepthook, threading.excepthook)
    if _relay is None:
        _relay = _Relay()
        _relay.raised.connect(show_error)
    sys.excepthook = handle_exception
    threading.excepthook = _thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous

    return restore
