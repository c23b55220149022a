"""Columns of a lazy table sized to their contents without reading the whole list.

Qt measures a column "to its contents" on every row when the view is hidden (a screen
built behind another one): on a lazy model that asks for every block of 200,000 rows.
``ColumnFitter`` measures the rows in view only, and only once the view is shown."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from app.gui.shell import style


class ColumnFitter(QObject):
    """Sizes a lazy table's columns to their contents: each at least as wide as its header's
    words, dates and numbers to their text, the ``stretch`` column (the names) gets the free
    width, and a ``caps`` column no wider than its cap (its long words elide in the middle).
    Only the fetched rows in view are measured (the model stays lazy), and only while the
    view is visible (sized when shown); a block arriving widens a column, a new search
    sizes afresh. ``only``: the columns sized (the others keep the width they are given)."""

    def __init__(
        self,
        view: QTableView,
        stretch: int,
        caps: dict[int, int],
        only: Sequence[int] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.caps = caps
        self.only = only
        header = view.horizontalHeader()
        header.setResizeContentsPrecision(0)  # the rows in view, never a fetch of them all
        view.verticalHeader().setResizeContentsPrecision(0)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        model = view.model()
        model.modelReset.connect(lambda: self.fit(fresh=True))
        model.dataChanged.connect(lambda *_: self.fit(fresh=False))
        model.rowsInserted.connect(lambda *_: self.fit(fresh=False))
        view.installEventFilter(self)
        self.fit(fresh=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.fit(fresh=True)
        return False

    def fit(self, *, fresh: bool) -> None:
        view = self.view
        if not view.isVisible():
            return  # hidden, Qt would measure every row: sized when shown
        header = view.horizontalHeader()
        columns = self.only if self.only is not None else range(view.model().columnCount())
        for column in columns:
            if column == self.stretch or view.isColumnHidden(column):
                continue
            words = header.sectionSizeFromContents(column).width()
            width = max(words, view.sizeHintForColumn(column) + style.SPACE.m)
            if column in self.caps:
                width = max(words, min(width, self.caps[column]))
            if fresh or width > view.columnWidth(column):
                view.setColumnWidth(column, width)
