"""What the filtered list screens (bookings, invoices) share: the customer filter, the
date-range toggle, the search shortcut, the context menu and the toolbar actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.gui.shell.widgets import fill_customer_filter, screen_action
from booking.customer_choices import customer_choices

__all__ = ["FilteredList", "customer_choices"]  # customer_choices: kept importable here


class FilteredList(QWidget):
    """The base of a screen that has ``ops``, ``view``, ``search_box``,
    ``customer_filter``, ``date_from``/``date_to`` and a ``search()`` method."""

    ops: Any
    view: Any
    search_box: Any
    customer_filter: Any
    date_from: Any
    date_to: Any
    search: Any  # the screen's own method

    def _action(self, text: str, shortcut: str, slot: Any) -> QAction:
        return screen_action(self, text, shortcut, slot)

    def _popup(self, pos: Any, actions: Sequence[QAction | None]) -> None:
        menu = QMenu(self)
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.search()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _load_customers(self) -> None:
        self.ops.read(customer_choices, self._customers_arrived)

    def _customers_arrived(self, rows: list[tuple[int, str, str]]) -> None:
        fill_customer_filter(self.customer_filter, rows)
