"""Empty states: the sentence shows while a view has no rows, over the item widgets too
(which empty their own model while they are destroyed), and fits a short table."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from app.gui.shell import style
from app.gui.shell.empty import EmptyState

SENTENCE = "Nothing here yet. Add one with Ctrl+N."


def _list() -> QListWidget:
    return QListWidget()


def _tree() -> QTreeWidget:
    return QTreeWidget()


def _table() -> QTableWidget:
    return QTableWidget(0, 2)


def _add(view: QAbstractItemView) -> None:
    if isinstance(view, QListWidget):
        view.addItem(QListWidgetItem("LYRE-1"))
    elif isinstance(view, QTreeWidget):
        view.addTopLevelItem(QTreeWidgetItem(["LYRE-1"]))
    elif isinstance(view, QTableWidget):
        view.setRowCount(1)
        view.setItem(0, 0, QTableWidgetItem("LYRE-1"))


@pytest.mark.parametrize("make", [_list, _tree, _table], ids=["list", "tree", "table"])
def test_an_item_widget_shows_its_sentence_and_is_destroyed_quietly(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    view = make()  # not given to qtbot: the test destroys it
    empty = EmptyState(view, lambda: SENTENCE)
    view.show()
    qtbot.waitExposed(view)
    assert empty.label.isVisible() and empty.label.text() == SENTENCE
    _add(view)
    assert not empty.label.isVisible()
    view.clear()
    if isinstance(view, QTableWidget):
        view.setRowCount(0)
    assert empty.label.isVisible()
    _add(view)  # destroyed with rows: its model removes them while the widget is going
    with qtbot.waitSignal(view.destroyed):
        view.deleteLater()


def test_a_compact_state_fits_a_short_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = QTableWidget(0, 4)
    qtbot.addWidget(view)
    view.resize(480, view.fontMetrics().height() * 7)
    roomy = EmptyState(QTableWidget(0, 1), lambda: SENTENCE)
    empty = EmptyState(view, lambda: SENTENCE + " " + SENTENCE, compact=True)
    view.show()
    qtbot.waitExposed(view)
    margins = view.viewport().layout().contentsMargins()
    assert margins.top() == style.SPACE.s < roomy.view.viewport().layout().contentsMargins().top()
    assert empty.label.property("compact") is True
    assert empty.label.height() >= empty.label.heightForWidth(empty.label.width())  # not clipped
