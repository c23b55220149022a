"""A person's badge: the code just given to an account, shown once, printed as a Code 128
label (the labels' machinery: same formats, same PDF, same printing) for the desk's scanner.

Only the badge's SHA-256 is stored, so the code can be printed now and never read back:
a lost badge is replaced (Accounts → New badge…), which stops the old one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.gui.catalogue.labels_output import LabelsOutput
from app.gui.shell import icons, style
from app.gui.shell.operations import Cancelled, Operations
from app.gui.shell.scan_widgets import Feedback
from app.i18n import message
from inventory import labels

tr = QCoreApplication.translate


def badge_label(code: str, name: str, full_name: str, cooperative: str) -> labels.Label:
    """The badge's label: the code as bars and text, the person's name, the account."""
    return labels.Label(
        code=code,
        title=full_name or name,
        detail=name if full_name else "",
        cooperative=cooperative,
    )


class BadgeOutput(LabelsOutput):
    """The labels' format box and PDF / print buttons, for one badge."""

    def __init__(self, ops: Operations, label: labels.Label, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.label = label
        self.selected = {label.code: label.title}
        self.print_job = None
        self.all_check = QCheckBox()  # never ticked: the one badge
        self.all_check.hide()
        self.feedback = Feedback()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        box = self._build_format()
        layout.addWidget(box)
        layout.addWidget(self.feedback)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData("thermal-57x32")))

    def label_count(self) -> int:
        return 1

    def _refused(self, err: DomainError | Cancelled) -> None:
        if isinstance(err, Cancelled):
            self.feedback.info(tr("LabelsScreen", "Printing cancelled."))
        else:
            self.feedback.error(message(err))

    def render_labels(self, deliver: Callable[[bytes], object]) -> None:
        """The badge is not in the database (only its digest): drawn from memory."""
        self._draw([self.label], deliver)


class BadgeDialog(QDialog):
    """ "Lea's new badge: BADGE-…" with the label to print or save as PDF."""

    def __init__(self, ops: Operations, label: labels.Label, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("badgeDialog")
        self.setWindowTitle(tr("AccountsView", "New badge"))
        heading = QLabel(tr("AccountsView", "New badge for %1").replace("%1", label.title))
        style.set_role(heading, "title")
        self.code = QLabel(label.code)
        self.code.setObjectName("badgeCode")
        style.set_role(self.code, "heading")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            tr(
                "AccountsView",
                "Print it now: Régie keeps only a fingerprint of the code and cannot show it "
                "again. The previous badge no longer works.",
            )
        )
        note.setWordWrap(True)
        style.set_role(note, "muted")
        self.output = BadgeOutput(ops, label, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setIcon(icons.icon("close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.code)
        layout.addWidget(note)
        layout.addWidget(self.output)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
