"""The desk's commands: each bound once to its key on the screen, listed in the Desk menu
with its icon, and the most used ones as buttons along the bottom (for a mouse, gloves
off). The keys line under them says what ``*`` does and what the next scan will count as.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from app.gui.desk import look
from app.gui.shell import icons, style
from app.gui.shell.scan_widgets import menu_entry, shortcut_action

tr = QCoreApplication.translate


@dataclass(frozen=True)
class Command:
    text: str  # the menu's words, with its mnemonic
    keys: str
    icon: str  # icons.NAMES
    slot: Callable[[], object]
    button: str = ""  # the bottom button's words ("" when not a button)


def desk_commands(screen: Any) -> list[Command]:
    """The desk's commands (``screen`` is the DeskScreen): every key in the Desk menu too;
    the main ones as buttons."""
    return [
        Command(tr("DeskScreen", "Check-&out"), "F5", "scan_out", lambda: screen.set_mode("out")),
        Command(tr("DeskScreen", "Check-&in"), "F6", "scan_in", lambda: screen.set_mode("in")),
        Command(
            tr("DeskScreen", "Next scan &damaged"),
            "F7",
            "repair",
            lambda: screen.arm("damaged"),
            tr("DeskScreen", "Damaged"),
        ),
        Command(
            tr("DeskScreen", "Declare &missing"),
            "F8",
            "warning",
            lambda: screen.arm("missing"),
            tr("DeskScreen", "Missing"),
        ),
        Command(
            tr("DeskScreen", "&Finish the booking"),
            "F10",
            "finish",
            screen.finish,
            tr("DeskScreen", "Finish"),
        ),
        Command(
            tr("DeskScreen", "&Undo the last scan"),
            "Ctrl+Z",
            "undo",
            screen.undo,
            tr("DeskScreen", "Undo"),
        ),
        Command(
            tr("DeskScreen", "&Quantity of the next bulk scan"),
            "*",
            "add",
            screen.focus_quantity,
        ),
        Command(tr("DeskScreen", "&Scan field"), "Ctrl+L", "search", screen.focus_scan),
        Command(
            tr("DeskScreen", "&Print the pick list"),
            "Ctrl+P",
            "picklist",
            lambda: screen.print_document("picklist"),
            tr("DeskScreen", "Pick list"),
        ),
        Command(
            tr("DeskScreen", "Print the delivery note or return &report"),
            "Ctrl+Shift+P",
            "print",
            lambda: screen.print_document("finish"),
        ),
        Command(
            tr("DeskScreen", "Save the delivery note or return report as P&DF"),
            "Ctrl+Shift+S",
            "pdf",
            lambda: screen.save_document("finish"),
        ),
    ]


def build_menu(screen: QWidget, commands: list[Command]) -> QMenu:
    """The Desk menu; every key bound once, on the screen (``*`` is a plain key: the scan
    catcher hands it over)."""
    menu = QMenu(tr("DeskScreen", "&Desk"), screen)
    for command in commands:
        if command.keys != "*":
            shortcut_action(screen, command.text.replace("&", ""), command.keys, command.slot)
        entry = menu_entry(menu, command.text, command.keys, command.slot)
        entry.setIcon(icons.icon(command.icon))
    return menu


class ActionBar(QWidget):
    """The commands that have a button, the keys line, the station's name."""

    def __init__(self, commands: list[Command], station: str, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout()
        row.setSpacing(style.SPACE.s)
        self.buttons: list[QToolButton] = []
        for command in commands:
            if command.button:
                row.addWidget(self._button(command))
        row.addStretch(1)
        self.keys_label = QLabel()
        self.keys_label.setObjectName("keys")
        self.keys_label.setWordWrap(True)
        look.sized(self.keys_label, "small", "small")
        self.station_label = QLabel(tr("DeskScreen", "Station: %1").replace("%1", station))
        look.sized(self.station_label, "small", "muted")
        self.person_label = QLabel()
        self.person_label.setObjectName("person")
        look.sized(self.person_label, "small")
        self.person_label.hide()
        keys = QHBoxLayout()
        keys.addWidget(self.keys_label, 1)
        keys.addWidget(self.person_label)
        keys.addSpacing(style.SPACE.l)
        keys.addWidget(self.station_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.SPACE.xs)
        layout.addLayout(row)
        layout.addLayout(keys)

    def _button(self, command: Command) -> QToolButton:
        shown = QKeySequence(command.keys).toString(QKeySequence.SequenceFormat.NativeText)
        button = QToolButton()
        button.setObjectName("action")
        button.setIcon(icons.icon(command.icon))
        button.setIconSize(QSize(22, 22))
        button.setText(f"{command.button}  {shown}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(command.text.replace("&", ""))
        button.clicked.connect(lambda _=False, slot=command.slot: slot())
        self.buttons.append(button)
        return button

    def show_keys(self, armed: str) -> None:
        parts = [tr("DeskScreen", "* quantity, then scan (Enter optional)")]
        if armed == "damaged":
            parts.insert(0, tr("DeskScreen", "NEXT SCAN: DAMAGED"))
        elif armed == "missing":
            parts.insert(0, tr("DeskScreen", "NEXT SCAN: MISSING"))
        self.keys_label.setText("   ·   ".join(parts))

    def show_person(self, text: str) -> None:
        """Who works at the desk ("lea (technician)"), beside the station's name."""
        self.person_label.setText(tr("DeskScreen", "Logged in: %1").replace("%1", text))
        self.person_label.setVisible(bool(text))
