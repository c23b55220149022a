"""Empty states: when a list has no rows, say so and say what to do next, in the middle of
the list itself (a label over its viewport, never a fake selectable row).

    EmptyState(self.table, lambda: tr("BookingsScreen",
        "No booking matches these filters. Widen the dates, or create one with Ctrl+N."))

The label shows whenever the view's model has no rows (it follows the model's resets, row
insertions and removals, and a model set later); the text function is called each time it
shows, so it may depend on the filters in use. It is transparent to the mouse: a click
still reaches the view (its context menu offers "New…"). A short table (a few rows
high) takes ``compact=True``: small margins, so the sentence is not clipped.

It works over a QListWidget, QTreeWidget or QTableWidget too: such a widget owns its
model, which announces its rows removed while the widget is being destroyed; the state
then does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout
from shiboken6 import isValid

from app.gui.shell import style


class EmptyState(QObject):
    """A centred, wrapped, muted sentence over an item view while it has no rows."""

    def __init__(
        self, view: QAbstractItemView, text: Callable[[], str], *, compact: bool = False
    ) -> None:
        super().__init__(view)
        self._view = view
        self._text = text
        self._model: QAbstractItemModel | None = None
        # A function, not the bound method: the model may announce its rows removed while
        # the view and this state are being destroyed, when no slot can be looked up.
        self._rows_changed = lambda *_: self.refresh()
        self.label = QLabel(view.viewport())
        self.label.setObjectName("emptyState")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setProperty("compact", compact)
        style.set_role(self.label, "empty")
        layout = QVBoxLayout(view.viewport())
        margin = style.SPACE.s if compact else style.SPACE.xl
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(self.label)
        view.viewport().installEventFilter(self)
        self._watch(view.model())
        self.refresh()

    def _watch(self, model: QAbstractItemModel | None) -> None:
        if model is self._model:
            return
        if self._model is not None:
            for signal in self._signals(self._model):
                signal.disconnect(self._rows_changed)
        self._model = model
        if model is not None:
            for signal in self._signals(model):
                signal.connect(self._rows_changed)

    @staticmethod
    def _signals(model: QAbstractItemModel) -> tuple:
        return (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged)

    @property
    def view(self) -> QAbstractItemView:
        return self._view

    def refresh(self, *_: object) -> None:
        """Show or hide the sentence for the rows there are now."""
        if not isValid(self._view) or not isValid(self.label):
            return  # the view is being destroyed (an item widget empties its model then)
        model = self._view.model()
        self._watch(model)
        empty = model is None or model.rowCount() == 0
        if empty:
            self.label.setText(self._text())
        self.label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.refresh()
        return False
