"""The desk's prompts, answered by single keys: a scan not on the booking (A: add it as
unplanned, S: substitute it, Esc: ignore), the note of a damaged unit (Enter, Esc), and the
summary after F10 (P: print, S: save as PDF, Enter: next booking, Esc: back)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from app.gui.desk import look
from app.gui.shell import style
from app.gui.shell.empty import EmptyState
from app.gui.shell.scanner import mark_free_text

tr = QCoreApplication.translate

NO_COMMAND = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class KeyPanel(QFrame):
    """A prompt answered by single keys (A / S / P / Enter / Esc): ``keys`` maps a key to
    its action; Esc calls ``escape``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: dict[int, Callable[[], None]] = {}
        self.escape: Callable[[], None] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = self.keys.get(event.key())
        if event.key() == Qt.Key.Key_Escape and self.escape is not None:
            self.escape()
        elif action is not None and not event.modifiers() & NO_COMMAND:
            action()
        else:
            super().keyPressEvent(event)


def _prompt_text() -> QLabel:
    text = QLabel()
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.PlainText)
    look.sized(text, "prompt")
    return text


class OfferPanel(KeyPanel):
    """A scan that is not on the booking: the question, and the booked types it may
    substitute for (shown on S)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAccessibleName(tr("DeskScreen", "Not on this booking"))
        self.text = _prompt_text()
        self.substitute_list = QListWidget()
        self.substitute_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.substitute_list.setAccessibleName(tr("DeskScreen", "Booked types to substitute"))
        self.substitute_empty = EmptyState(
            self.substitute_list,
            lambda: tr(
                "DeskScreen",
                "Nothing booked is left to pick. Esc: ignore this scan, or A: add it as "
                "an unplanned item.",
            ),
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACE.s)
        layout.addWidget(self.text)
        layout.addWidget(self.substitute_list)
        self.hide()


class NotePanel(QFrame):
    """What is wrong with the unit that came back damaged (Enter: check it in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.text = _prompt_text()
        self.edit = QLineEdit()
        mark_free_text(self.edit)  # a fast-typed note is not a scan
        look.sized(self.edit, "prompt")
        self.edit.setAccessibleName(tr("DeskScreen", "What is damaged"))
        self.edit.setPlaceholderText(
            tr("DeskScreen", "What is damaged? (Enter to check it in, Esc to cancel)")
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACE.s)
        layout.addWidget(self.text)
        layout.addWidget(self.edit)
        self.hide()


class SummaryPage(KeyPanel):
    """After F10: what did not go (check-out) or the return report (check-in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("DeskScreen", "Summary of the booking"))
        self.title = QLabel()
        self.title.setObjectName("reference")
        self.title.setWordWrap(True)
        look.sized(self.title, "title", "title")
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setAccessibleName(tr("DeskScreen", "What did not go or is not back"))
        look.sized(self.list, "table")
        self.mode = "out"
        self.list_empty = EmptyState(self.list, self._empty_text)
        self.hint = QLabel()
        self.hint.setObjectName("keys")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.SPACE.s)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)

    def _empty_text(self) -> str:
        if self.mode == "out":
            return tr(
                "DeskScreen",
                "Everything booked has left. P: print the delivery note, Enter: next booking.",
            )
        return tr(
            "DeskScreen",
            "Everything is back, nothing damaged or missing. P: print the return report, "
            "Enter: next booking.",
        )
