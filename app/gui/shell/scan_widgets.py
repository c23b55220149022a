"""Small widgets shared by the scanning screens (kits, cases, labels): a coloured feedback
line, read-only tables keyed by row, and window-local shortcuts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.gui.shell import style

Slot = Callable[[], object]


class Feedback(QLabel):
    """The answer to the last action: green when done, red when refused, in plain words
    (never colour alone), on the tones of the theme in use."""

    #: kind → (chip tone, palette token of the bar at its left)
    TONES = {"ok": ("green", "success"), "error": ("red", "danger"), "info": ("grey", "muted")}

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        if large:
            font = self.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            self.setFont(font)
        self.clear_message()
        style.notifier().changed.connect(self._restyle)

    def show_message(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setText(text)
        self.setAccessibleName(text)
        self._restyle()
        self.setVisible(True)

    def _restyle(self, *_: object) -> None:
        if self.kind not in self.TONES:
            return
        tone_name, bar = self.TONES[self.kind]
        tone = style.tone(tone_name)
        colour = getattr(style.palette(), bar)
        self.setStyleSheet(
            f"QLabel {{ background: {tone.bg}; color: {tone.fg}; border-left: 5px solid {colour};"
            f" border-radius: {style.SPACE.xs}px; padding: {style.SPACE.s - 2}px {style.SPACE.m}px; }}"
        )

    def ok(self, text: str) -> None:
        self.show_message("ok", text)

    def error(self, text: str) -> None:
        self.show_message("error", text)

    def info(self, text: str) -> None:
        self.show_message("info", text)

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.setVisible(False)


def make_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setHighlightSections(False)
    table.setTabKeyNavigation(False)
    return table


def set_row(table: QTableWidget, row: int, values: Sequence[object], key: object = None) -> None:
    for column, value in enumerate(values):
        cell = QTableWidgetItem(str(value))
        if isinstance(value, int):
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == 0:
            cell.setData(Qt.ItemDataRole.UserRole, key)
        table.setItem(row, column, cell)


def selected_key(table: QTableWidget) -> object:
    row = table.currentRow()
    cell = table.item(row, 0) if row >= 0 else None
    return cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None


def cell_text(table: QTableWidget, row: int, column: int = 0) -> str:
    """The words of a cell ("" where it has none)."""
    item = table.item(row, column)
    return item.text() if item is not None else ""


def select_key(table: QTableWidget, key: object) -> bool:
    for row in range(table.rowCount()):
        cell = table.item(row, 0)
        if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == key:
            table.setCurrentCell(row, 0)
            return True
    return False


def shortcut_action(
    parent: QWidget,
    text: str,
    keys: QKeySequence | QKeySequence.StandardKey | str,
    slot: Callable[[], object],
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    action = QAction(text, parent)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


def menu_entry(
    menu: QMenu, text: str, keys: QKeySequence | QKeySequence.StandardKey | str, slot: Slot
) -> QAction:
    """A menu line showing the shortcut the screen already handles (a button's or a
    ``shortcut_action``'s): the key text is only displayed, so the key is never bound twice
    (an ambiguous shortcut would then do nothing)."""
    shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    action = menu.addAction(f"{text}\t{shown}" if shown else text)
    action.triggered.connect(lambda _=False: slot())
    return action
