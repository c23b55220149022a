"""``EmptyState`` over a QListWidget or QTreeWidget: such a widget owns its model, which
announces its rows removed after the widget itself is gone when it is destroyed — nothing
to show then (the shell's EmptyState would reach the deleted view)."""

from __future__ import annotations

import shiboken6

from app.gui.shell.empty import EmptyState


class WidgetEmptyState(EmptyState):
    def refresh(self, *args: object) -> None:
        if shiboken6.isValid(self._view):
            super().refresh(*args)
