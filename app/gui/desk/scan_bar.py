"""The desk's top row: check-out (F5) or check-in (F6), the scan field (codes typed by hand;
a scanner's bursts reach the desk wherever the focus is), the quantity of the next bulk
scan (``*``) and, while the database is away, the scans waiting to be saved ("2 scans
pending", their codes in the tooltip, "Retry now"): ``follow(queue)``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.core.errors import DomainError
from app.gui.desk import look
from app.gui.desk.jobs import Job, JobQueue
from app.gui.shell import icons, style
from app.gui.shell.chips import StatusChip
from app.i18n import message

tr = QCoreApplication.translate


class ScanField(QLineEdit):
    """The scan field: a line edit that leaves Ctrl+Z to the desk (undo the last scan)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            return False  # not claimed: the desk's shortcut fires
        return super().event(event)


class ScanBar(QWidget):
    """Mode buttons, scan field, quantity. ``mode_chosen("out" | "in")`` on a click."""

    mode_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.out_button = QPushButton(icons.icon("scan_out"), tr("DeskScreen", "Check-out  F5"))
        self.in_button = QPushButton(icons.icon("scan_in"), tr("DeskScreen", "Check-in  F6"))
        group = QButtonGroup(self)
        for button, mode in ((self.out_button, "out"), (self.in_button, "in")):
            button.setObjectName("mode")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setIconSize(QSize(28, 28))
            look.sized(button, "heading")
            button.clicked.connect(lambda _=False, m=mode: self.mode_chosen.emit(m))
            group.addButton(button)
        self.scan_field = ScanField()
        self.scan_field.setObjectName("scan")
        self.scan_field.setAccessibleName(tr("DeskScreen", "Scan field"))
        look.sized(self.scan_field, "scan")
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, 9999)
        self.quantity.setToolTip(tr("DeskScreen", "Quantity of the next bulk scan (*)"))
        self.quantity.setAccessibleName(tr("DeskScreen", "Quantity"))
        look.sized(self.quantity, "scan")
        quantity_label = QLabel(tr("DeskScreen", "Qty (*)"))
        quantity_label.setBuddy(self.quantity)
        look.sized(quantity_label, "body", "muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.SPACE.s)
        layout.addWidget(self.out_button)
        layout.addWidget(self.in_button)
        layout.addSpacing(style.SPACE.m)
        layout.addWidget(self.scan_field, 1)
        layout.addSpacing(style.SPACE.s)
        layout.addWidget(quantity_label)
        layout.addWidget(self.quantity)
        self._build_pending(layout)

    def _build_pending(self, layout: QHBoxLayout) -> None:
        self.pending_chip = StatusChip("scan", None, "", self)
        self.pending_chip.setObjectName("pendingScans")
        look.sized(self.pending_chip, "body")
        self.retry_button = QPushButton(icons.icon("refresh"), tr("DeskScreen", "Retry now"))
        self.retry_button.setObjectName("retryPending")
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retry_button.hide()
        layout.addWidget(self.pending_chip)
        layout.addWidget(self.retry_button)
        self.pending_codes: list[str] = []

    def follow(self, queue: JobQueue) -> None:
        """Show ``queue``'s pending scans here; Retry now tries them at once."""
        queue.pending_changed.connect(lambda jobs: self.show_pending(jobs, queue.error))
        self.retry_button.clicked.connect(queue.retry)

    def show_pending(self, jobs: list[Job], error: BaseException | None = None) -> None:
        """The scans not saved yet (none: the chip and Retry now hide)."""
        self.pending_codes = [job.code or tr("DeskScreen", "undo") for job in jobs]
        count = len(jobs)
        text = tr("DeskScreen", "%n scan(s) pending", None, count) if count else ""
        self.pending_chip.set_status("warning" if count else None, text)
        self.retry_button.setVisible(bool(count))
        if not count:
            self.pending_chip.setToolTip("")
            return
        why = message(error) if isinstance(error, DomainError) else str(error or "")
        tip = tr("DeskScreen", "Not saved yet, tried again until saved: %1").replace(
            "%1", ", ".join(self.pending_codes)
        )
        self.pending_chip.setToolTip(f"{tip}\n{why}".strip())
        self.pending_chip.setAccessibleDescription(self.pending_chip.toolTip())

    def set_mode(self, mode: str) -> None:
        self.out_button.setChecked(mode == "out")
        self.in_button.setChecked(mode == "in")
        if mode == "out":  # short enough for the field in the main window, in French too
            hint = tr("DeskScreen", "Booking, then its kit")
            sentence = tr("DeskScreen", "Scan the booking, then its kit")
        else:
            hint = sentence = tr("DeskScreen", "Scan what comes back")
        self.scan_field.setPlaceholderText(hint)
        self.scan_field.setToolTip(sentence)
        self.scan_field.setAccessibleDescription(sentence)

    def prompt(self) -> str:
        """What to scan now, as a whole sentence (the placeholder is its short form)."""
        return self.scan_field.accessibleDescription()
