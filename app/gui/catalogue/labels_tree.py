"""The labels picker's tree: item types with their units (or their bulk barcode), each with
a box to tick; a unit's status as a chip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.gui.shell import style
from app.gui.shell.chips import STATUS_ROLE, ChipDelegate
from app.gui.shell.models import status_label
from inventory.catalogue_views import Found
from inventory.models import Tracking

tr = QCoreApplication.translate
CODE = Qt.ItemDataRole.UserRole
STATUS = 2  # the status column


class _StatusColumn(ChipDelegate):
    """A unit's status as a chip; a type's count of units as plain text."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.data(STATUS_ROLE) is None:
            QStyledItemDelegate.paint(self, painter, option, index)
        else:
            super().paint(painter, option, index)

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + style.SPACE.s)  # room around the chips


class LabelTree(QTreeWidget):
    """Search results; ``CODE`` on an item is the code its label carries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(
            [
                tr("LabelsScreen", "Code"),
                tr("LabelsScreen", "Item"),
                # a type's row says what it holds ("8 units", "bulk (CAB-…)"), a unit's its status
                tr("LabelsScreen", "Contents / status"),
            ]
        )
        self.setAccessibleName(tr("LabelsScreen", "Item types and units"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setItemDelegateForColumn(STATUS, _StatusColumn("unit", self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(90)

    def show_found(self, found: list[Found]) -> None:
        self.clear()
        for entry in found:
            item = self._type_item(entry)
            self.addTopLevelItem(item)
            item.setExpanded(entry.matched)  # only once in the tree

    def _type_item(self, entry: Found) -> QTreeWidgetItem:
        row = entry.type
        item = QTreeWidgetItem([row.code, row.name, ""])
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if row.tracking == Tracking.BULK and row.barcode:
            item.setData(0, CODE, row.barcode)
            item.setText(2, tr("LabelsScreen", "bulk ({barcode})").format(barcode=row.barcode))
            item.setFlags(flags)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            return item
        for unit in entry.units:
            child = QTreeWidgetItem(
                [unit.barcode, unit.serial or row.name, status_label(unit.status)]
            )
            child.setData(0, CODE, unit.barcode)
            child.setData(STATUS, STATUS_ROLE, unit.status)
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setCheckState(0, Qt.CheckState.Unchecked)
            item.addChild(child)
        if entry.units:
            item.setFlags(flags | Qt.ItemFlag.ItemIsAutoTristate)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setText(2, tr("LabelsScreen", "%n unit(s)", None, len(entry.units)))
        else:
            item.setText(2, tr("LabelsScreen", "no units"))
            item.setDisabled(True)
        return item

    def leaves(self) -> list[QTreeWidgetItem]:
        """The items that carry a label: units, and bulk types."""
        found: list[QTreeWidgetItem] = []
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is not None:
                children = [top.child(i) for i in range(top.childCount())]
                found += [child for child in children if child is not None] or [top]
        return found

    def tick(self, selected: dict[str, str]) -> None:
        """Tick exactly the items whose code is in ``selected``."""
        for leaf in self.leaves():
            code = leaf.data(0, CODE)
            if code:
                state = Qt.CheckState.Checked if code in selected else Qt.CheckState.Unchecked
                if leaf.checkState(0) != state:
                    leaf.setCheckState(0, state)
