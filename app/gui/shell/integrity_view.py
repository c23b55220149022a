"""Integrity a person can check, in the main window: File → Verify integrity… runs the
full check (``invoicing.integrity.verify``) off the GUI thread and lists every broken
document in a dialog; at start the quick check runs, and a banner at the top of the window
warns when it finds something wrong (its button runs the full check)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.gui.shell import icons, style
from app.gui.shell.operations import Operations
from invoicing import integrity

tr = QCoreApplication.translate


def problem_lines(report: integrity.Report) -> list[str]:
    """Every problem in the user's language, "FA-2026-00012: amounts changed since issue"."""
    out = []
    for problem in report.problems:
        out.append(problem.line(i18n.message(problem.error)))
    return out


def summary(report: integrity.Report) -> str:
    if report.intact:
        return (
            tr(
                "Integrity",
                "Intact: %1 documents, %2 payments, %3 seals, %4 triggers checked.",
            )
            .replace("%1", str(report.documents))
            .replace("%2", str(report.payments))
            .replace("%3", str(report.seals))
            .replace("%4", str(report.triggers))
        )
    return (
        tr("Integrity", "Not intact: problems found: %1; documents concerned: %2.")
        .replace("%1", str(len(report.problems)))
        .replace("%2", str(len(report.broken_documents)))
    )


class IntegrityDialog(QDialog):
    """The full check's result: a summary, then every problem, one a line."""

    def __init__(self, report: integrity.Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(tr("Integrity", "Integrity of invoices and payments"))
        self.resize(680, 420)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        icon = QLabel()
        size = self.fontMetrics().height() * 2
        icon.setPixmap(icons.icon("ok" if report.intact else "warning").pixmap(size, size))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.head = QLabel(summary(report))
        self.head.setWordWrap(True)
        style.set_role(self.head, "heading" if report.intact else "error")
        row.addWidget(self.head, 1)
        layout.addLayout(row)
        explain = QLabel(
            tr(
                "Integrity",
                "Each issued invoice, credit note and payment is sealed when it is written "
                "(a hash chain over its number, dates, buyer, amounts and lines). A document "
                "named below was changed outside Régie since: restore a backup, or ask "
                "whoever has access to the database file.",
            )
        )
        explain.setWordWrap(True)
        style.set_role(explain, "muted")
        explain.setVisible(not report.intact)
        layout.addWidget(explain)
        self.details = QPlainTextEdit("\n".join(problem_lines(report)))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Integrity", "Problems found"))
        self.details.setVisible(not report.intact)
        layout.addWidget(self.details, 1)
        if report.intact:
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setIcon(icons.icon("close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def text(self) -> str:
        return "\n".join(filter(None, [self.head.text(), self.details.toPlainText()]))


class IntegrityBanner(QFrame):
    """Hidden while all is well; after a quick check that found problems, a warning line
    across the window with a button running the full check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IntegrityBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        self.icon = QLabel()
        size = self.fontMetrics().height() + 4
        self.icon.setPixmap(icons.icon("warning").pixmap(size, size))
        row.addWidget(self.icon)
        self.label = QLabel()
        self.label.setWordWrap(True)
        style.set_role(self.label, "error")
        row.addWidget(self.label, 1)
        self.button = QPushButton(icons.icon("inspect"), tr("Integrity", "Check in full…"))
        row.addWidget(self.button)
        self.hide()

    def show_report(self, report: integrity.Report) -> None:
        if report.intact:
            self.hide()
            return
        first = problem_lines(report)[:2]
        text = tr(
            "Integrity",
            "Régie found changes made outside Régie to the invoices or payments: %1",
        ).replace("%1", " · ".join(first) + (" …" if len(report.problems) > 2 else ""))
        self.label.setText(text)
        self.show()


class IntegrityChecks:
    """The menu action, the banner and the two checks of a main window."""

    def __init__(self, window: Any, ops: Operations) -> None:
        self.window = window
        self.ops = ops
        self.banner = IntegrityBanner(window)
        self.banner.button.clicked.connect(self.verify)
        self.last: integrity.Report | None = None

    def start(self) -> None:
        """The quick check, off the GUI thread; the banner shows what it finds."""
        self.ops.read(integrity.quick_check, self._quick_done, self._quiet)

    def _quiet(self, _err: Any) -> None:
        """A database that cannot even be read shows its error elsewhere."""

    def _quick_done(self, report: integrity.Report) -> None:
        self.last = report
        self.banner.show_report(report)

    def verify(self) -> None:
        """The full check, off the GUI thread, then its dialog."""
        self.window.statusBar().showMessage(
            tr("Integrity", "Checking the integrity of invoices and payments…")
        )
        self.ops.read(integrity.verify, self._full_done)

    def _full_done(self, report: integrity.Report) -> None:
        self.last = report
        self.window.statusBar().clearMessage()
        self.banner.show_report(report)
        self.window._open(IntegrityDialog(report, self.window))
