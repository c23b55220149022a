"""The window of the very first start, shown at once.

On a computer with no database at all (``app.bootstrap.needs_choice``) it first asks:
explore the demo cooperative, or set up mine (``setup_chosen``: the launcher opens the
assistant, ``app.gui.shell.setup_wizard``). Exploring the demo (or a first start that asks
nothing) builds it in a process of its own (``python -m app.first_start TARGET``, through
``app.launcher`` so that the self-contained application runs it too), with a progress bar
that follows the build and a line saying what is being prepared. The window stays
responsive (the work is in another process); closing it stops the build, and the next start
begins again from a clean slate. ``ready`` is emitted once the database exists, complete."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import launcher
from app.gui.shell import style

if TYPE_CHECKING:  # the assistant is imported only when chosen (the window comes first)
    from app.gui.shell.setup_wizard import SetupWizard

tr = QCoreApplication.translate

STEPS = 1000  # the bar's range: a smooth movement


def stage_text(stage: str, done: int = 0, total: int = 0) -> str:
    """What the window says about a build stage (``app.first_start.STAGES``)."""
    if stage == "waiting":
        return tr("FirstStart", "Another Régie window is preparing the demo; waiting for it…")
    if stage == "catalogue":
        return tr("FirstStart", "Creating the catalogue: item types, units, cases and kits…")
    if stage == "bookings":
        return tr("FirstStart", "Creating the customers and a year of bookings…")
    if stage == "invoices":
        return tr("FirstStart", "Setting the rates; issuing invoices, credit notes and payments…")
    if stage == "pdfs":
        return tr("FirstStart", "Writing the invoices' PDF files: {done} of {total}…").format(
            done=done, total=total
        )
    if stage == "finishing":
        return tr("FirstStart", "Finishing…")
    return tr("FirstStart", "Starting…")


def _right(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row


class FirstStartWindow(QMainWindow):
    """Régie's first window on a first start: the choice (demo or mine) when asked for, then
    what is happening and how far it is."""

    ready = Signal()
    failed = Signal(str)
    setup_chosen = Signal()

    def __init__(
        self, target: Path, parent: QWidget | None = None, *, choose: bool = False
    ) -> None:
        super().__init__(parent)
        self.target = Path(target)
        self.setObjectName("first-start")
        self.error = ""
        self._ready = False
        self._buffer = b""
        self._closing = False
        self._icon_for_quit = "quit"  # "cancel" when built from the menu
        self.wizard: SetupWizard | None = None  # the assistant, once "set up mine" was chosen

        outer = QWidget(self)
        around = QHBoxLayout(outer)
        self.pages = QStackedWidget(outer)
        self.pages.setMaximumWidth(880)  # a readable line, also on the full-screen kiosk
        around.addWidget(self.pages)
        self.choice = self._choice_page()
        self.pages.addWidget(self.choice)
        self.progress = self._progress_page()
        self.pages.addWidget(self.progress)
        self.setCentralWidget(outer)
        quit_action = QAction(self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        if choose:
            self.show_choice()
        else:
            self._show_progress()

        program, arguments = launcher.module_command("app.first_start", [str(self.target)])
        self.process = QProcess(self)
        self.process.setProgram(program)
        self.process.setArguments(arguments)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._process_error)

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self.pages)
        layout = QVBoxLayout(page)
        space = style.SPACE
        layout.setContentsMargins(
            space.xxl + space.l, space.xxl + space.s, space.xxl + space.l, space.xxl
        )
        layout.setSpacing(space.s)
        layout.addStretch(1)
        heading = QLabel(tr("FirstStart", "Welcome to Régie"), page)
        style.set_role(heading, "display")
        layout.addWidget(heading)
        self.heading = heading  # the last page's (the progress)
        return page, layout

    def _choice_page(self) -> QWidget:
        """Two big choices: the demo to explore, or the cooperative's own data."""
        page, layout = self._page()
        intro = QLabel(
            tr(
                "FirstStart",
                "Régie manages a cooperative's stage equipment: catalogue, bookings, the "
                "warehouse desk, invoices. How would you like to start?",
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(style.SPACE.l)
        self.demo_button = QCommandLinkButton(
            tr("FirstStart", "&Explore the demo cooperative"),
            tr(
                "FirstStart",
                "A fictitious cooperative with a catalogue, customers, a year of bookings "
                "and invoices, to try every area. Its documents are marked DÉMO; your own "
                "data is never mixed with it.",
            ),
            page,
        )
        self.demo_button.clicked.connect(self.explore_demo)
        layout.addWidget(self.demo_button)
        self.setup_button = QCommandLinkButton(
            tr("FirstStart", "&Set up my cooperative"),
            tr(
                "FirstStart",
                "A short assistant: your legal identity, VAT, invoice numbers, rates, "
                "membership year and the first administrator; then import your customers, "
                "catalogue, rates and unpaid invoices from your spreadsheets.",
            ),
            page,
        )
        self.setup_button.clicked.connect(self.setup_chosen)
        layout.addWidget(self.setup_button)
        layout.addStretch(2)
        self.choice_quit = self._quit_button(page)
        layout.addLayout(_right(self.choice_quit))
        return page

    def _progress_page(self) -> QWidget:
        page, layout = self._page()
        intro = QLabel(
            tr(
                "FirstStart",
                "Régie is preparing a demo cooperative so that every area can be tried at "
                "once: a catalogue of stage equipment, customers, a year of bookings, invoices "
                "and payments. This happens only on the first start and takes a few seconds.",
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.intro = intro
        layout.addSpacing(style.SPACE.l)
        self.bar = QProgressBar(page)
        self.bar.setRange(0, STEPS)
        self.bar.setAccessibleName(tr("FirstStart", "Progress of the demo's preparation"))
        layout.addWidget(self.bar)
        self.stage = QLabel(stage_text("start"), page)
        self.stage.setWordWrap(True)
        style.set_role(self.stage, "muted")
        self.stage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.stage)
        layout.addStretch(2)
        self.quit_button = self._quit_button(page)
        layout.addLayout(_right(self.quit_button))
        self.quit_button.setToolTip(
            tr("FirstStart", "Stop preparing the demo (it starts again next time)")
        )
        return page

    def _quit_button(self, page: QWidget) -> QPushButton:
        button = QPushButton(tr("FirstStart", "&Quit"), page)
        button.clicked.connect(self.close)
        return button

    def from_menu(self) -> None:
        """Built from File → Explore the demo cooperative (not a first start): said so, and
        its button cancels the build (Régie stays on the database it shows)."""
        self.heading.setText(tr("FirstStart", "The demo cooperative"))
        self.intro.setText(
            tr(
                "FirstStart",
                "Régie is preparing the demo cooperative (its own file; your data is not "
                "touched): a catalogue of stage equipment, customers, a year of bookings, "
                "invoices and payments. It opens in its place once ready.",
            )
        )
        self.quit_button.setText(tr("FirstStart", "&Cancel"))
        self.quit_button.setToolTip(tr("FirstStart", "Stop preparing the demo"))
        self._icon_for_quit = "cancel"

    # -- the choice

    def show_choice(self) -> None:
        """The two choices (again, when the assistant was cancelled)."""
        self.setWindowTitle(tr("FirstStart", "Welcome to Régie"))
        self.pages.setCurrentWidget(self.choice)
        self.activateWindow()  # back from the assistant: the keyboard comes here
        self.demo_button.setFocus()

    def _show_progress(self) -> None:
        self.setWindowTitle(tr("FirstStart", "Preparing the demo — Régie"))
        self.pages.setCurrentWidget(self.progress)

    def explore_demo(self) -> None:
        """The demo chosen: build it, following the build."""
        self._show_progress()
        self.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self._decorate)  # once shown: the first window comes at once

    def _decorate(self) -> None:
        """The buttons' icons: the icon font is loaded after the window is on screen."""
        from app.gui.shell import icons

        self.quit_button.setIcon(icons.icon(self._icon_for_quit))
        self.choice_quit.setIcon(icons.icon("quit"))
        self.demo_button.setIcon(icons.icon("inventory"))
        self.setup_button.setIcon(icons.icon("settings"))

    # -- the build process

    def start(self) -> None:
        self.process.start()

    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue  # not ours (a library's chatter)
            if not isinstance(message, dict):
                continue
            if "error" in message:
                self.error = str(message["error"])
            elif "ready" in message:
                self._ready = True
                self.bar.setValue(STEPS)
            elif "stage" in message:
                fraction = float(message.get("fraction", 0.0))
                self.bar.setValue(max(self.bar.value(), round(fraction * STEPS)))
                self.stage.setText(
                    stage_text(
                        str(message["stage"]),
                        int(message.get("done", 0)),
                        int(message.get("total", 0)),
                    )
                )

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._closing:
            return
        self._read()
        if self._ready and code == 0 and self.target.exists():
            self.ready.emit()
            return
        if not self.error:
            details = bytes(self.process.readAllStandardError().data()).decode(errors="replace")
            last = [ln for ln in details.strip().splitlines() if ln.strip()][-1:]
            self.error = tr(
                "FirstStart", "Preparing the demo stopped ({reason}). Start Régie again to retry."
            ).format(
                reason=last[0]
                if last
                else tr("FirstStart", "exit status {code}").format(
                    code=code if status == QProcess.ExitStatus.NormalExit else "crash"
                )
            )
        self._fail()

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.error = tr(
                "FirstStart",
                "Régie could not start the program that prepares the demo ({program}).",
            ).format(program=sys.executable)
            self._fail()

    def _fail(self) -> None:
        self.stage.setText(self.error)
        self.failed.emit(self.error)

    # -- closing stops the build

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.running():
            self._closing = True
            self.process.kill()  # the private file is thrown away by the next start
            self.process.waitForFinished(5000)
        super().closeEvent(event)
