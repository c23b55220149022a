"""One card of the home screen: an icon, the count as the key figure, the title, a muted
caption ("The first 50 of 120.", "€360.00 overdue in all") and the first rows. Enter or a
double-click on a row emits the list's ``itemActivated``; the home screen decides where
it leads. With no row, an empty state says so over the list (which keeps the keyboard
focus: Tab still walks the cards)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.shell import icons, style
from app.gui.shell.empty import EmptyState

tr = QCoreApplication.translate

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_SIZE = QSize(22, 22)


def role_label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    style.set_role(label, role)
    return label


class Panel(QFrame):
    """A count, a title and the first rows; the list's ``itemActivated`` opens a row."""

    def __init__(
        self,
        key: str,
        title: str,
        headers: list[str],
        alarm: bool,
        icon: str = "info",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.total = 0
        self.alarm = alarm  # a count above zero is a problem (shown in the danger colour)
        self.icon_name = icon
        self.empty_text = ""
        style.set_role(self, "card")
        self.setObjectName(f"panel-{key}")
        self.icon = QLabel()
        self.count_label = role_label("–", "display")
        self.title_label = role_label(title, "heading")
        self.title_label.setWordWrap(True)
        self.note = role_label("", "muted")
        self.list = self._build_list(title, headers)
        self.empty = EmptyState(self.list, lambda: self.empty_text)
        self._lay_out()
        self._repaint()
        style.notifier().changed.connect(self._repaint)

    def _build_list(self, title: str, headers: list[str]) -> QTreeWidget:
        view = QTreeWidget()
        view.setAccessibleName(title)
        view.setHeaderLabels(headers)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the reference tells rows apart
        view.setStyleSheet(f"QTreeView::item {{ padding: {style.SPACE.xs}px 0; }}")  # airy rows
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.wide = 1 if self.key == "shortages" else 2  # the column that takes what is left
        header.setSectionResizeMode(self.wide, QHeaderView.ResizeMode.Stretch)
        return view

    def _lay_out(self) -> None:
        titles = QVBoxLayout()
        titles.setSpacing(0)
        named = QHBoxLayout()
        named.setSpacing(style.SPACE.s)
        named.addWidget(self.icon)
        named.addWidget(self.title_label, 1)
        titles.addLayout(named)
        titles.addWidget(self.note)
        head = QHBoxLayout()
        head.setSpacing(style.SPACE.m)
        head.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addLayout(titles, 1)
        column = QVBoxLayout(self)
        m = style.SPACE.m
        column.setContentsMargins(m, style.SPACE.s, m, m)
        column.setSpacing(style.SPACE.s)
        column.addLayout(head)
        column.addWidget(self.list, 1)

    def _repaint(self, *_: object) -> None:
        """Icon and count in the theme's colours (again when the theme changes)."""
        self.icon.setPixmap(icons.icon(self.icon_name).pixmap(ICON_SIZE))
        token = "danger" if self.alarm and self.total else "text"
        self.count_label.setStyleSheet(f"color: {getattr(style.palette(), token)};")

    def set_rows(self, rows: list[tuple[Any, list[str]]], count: int, empty: str) -> None:
        self.empty_text = empty
        self.list.clear()
        self.total = count
        for target, cells in rows:
            item = QTreeWidgetItem(cells)
            item.setData(0, KEY_ROLE, target)
            if self.key in ("invoices", "shortages"):  # the last column is a figure
                item.setTextAlignment(
                    len(cells) - 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            item.setToolTip(self.wide, cells[self.wide])
            self.list.addTopLevelItem(item)
        self.empty.refresh()
        self.count_label.setText(QLocale().toString(count))
        self._repaint()
        if count > len(rows):
            more = tr("Dashboard", "The first %1 of %2.")
            self.note.setText(
                more.replace("%1", QLocale().toString(len(rows))).replace(
                    "%2", QLocale().toString(count)
                )
            )
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)

    @property
    def shown(self) -> int:
        """Rows listed."""
        items = [self.list.topLevelItem(n) for n in range(self.list.topLevelItemCount())]
        return len([i for i in items if i is not None and i.data(0, KEY_ROLE) is not None])
