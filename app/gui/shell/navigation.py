"""The main window's navigation: one row per area, with its icon, grouped under small
section headings (Catalogue, Bookings, Invoicing, Reports).

A heading is drawn above the first area of its section, inside that area's row: it is not
a row of its own, so the arrow keys go from area to area, a heading can never be selected,
and row ``n`` is always area ``n``. Screen readers hear the section as the row's
description."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.gui.shell import style

#: Item-data role holding the (translated) heading drawn above a row, if any.
SECTION_ROLE = Qt.ItemDataRole.UserRole + 41
#: Item-data role holding the area's key.
KEY_ROLE = Qt.ItemDataRole.UserRole
#: The tooltip an area had before it was greyed out (its shortcut).
TIP_ROLE = Qt.ItemDataRole.UserRole + 42


def _heading_font(base: QWidget) -> QFont:
    font = style.font("small", base.font())
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
    return font


class _SectionDelegate(QStyledItemDelegate):
    """Paints a row's heading (when it has one) above the row itself."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def heading_height(self, index: QModelIndex | QPersistentModelIndex) -> int:
        if not index.data(SECTION_ROLE):
            return 0
        metrics = QFontMetrics(_heading_font(self.view))
        return metrics.height() + style.SPACE.m + (style.SPACE.xs if index.row() else 0)

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        heading = str(index.data(SECTION_ROLE) or "")
        if not heading:
            return size
        metrics = QFontMetrics(_heading_font(self.view))
        width = metrics.horizontalAdvance(heading) + 2 * style.SPACE.m
        return QSize(max(size.width(), width), size.height() + self.heading_height(index))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        top = self.heading_height(index)
        if not top:
            self._paint_row(painter, option, index)
            return
        band = QRect(option.rect.x(), option.rect.y(), option.rect.width(), top)
        painter.save()
        painter.setFont(_heading_font(self.view))
        painter.setPen(style.colour("muted"))
        painter.drawText(
            band.adjusted(style.SPACE.m, 0, -style.SPACE.xs, -style.SPACE.xs),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            str(index.data(SECTION_ROLE)),
        )
        painter.restore()
        row = QStyleOptionViewItem(option)
        row.rect = option.rect.adjusted(0, top, 0, 0)
        self._paint_row(painter, row, index)

    def _paint_row(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """The row; faded when greyed out (the style sheet colours every row alike)."""
        usable = bool(index.flags() & Qt.ItemFlag.ItemIsEnabled)
        if usable:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setOpacity(0.4)
        super().paint(painter, option, index)
        painter.restore()


class Navigation(QListWidget):
    """The list of areas (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")  # the app's style sheet styles it
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setIconSize(QSize(20, 20))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._delegate = _SectionDelegate(self)
        self.setItemDelegate(self._delegate)
        style.notifier().changed.connect(self._restyle)

    def add_area(
        self, key: str, title: str, icon: QIcon, tip: str, section: str = ""
    ) -> QListWidgetItem:
        """Append an area's row; ``section`` (translated) heads it when given."""
        item = QListWidgetItem(icon, title)
        item.setData(KEY_ROLE, key)
        item.setToolTip(tip)
        if section:
            item.setData(SECTION_ROLE, section)
        self.addItem(item)
        return item

    def set_area_enabled(self, key: str, why: str) -> None:
        """Grey out area ``key`` with ``why`` as its tooltip (the person's role may not use
        it), or give it back (``why`` empty) with its shortcut as the tooltip."""
        for row in range(self.count()):
            item = self.item(row)
            if item is None or item.data(KEY_ROLE) != key:
                continue
            if item.data(TIP_ROLE) is None:
                item.setData(TIP_ROLE, item.toolTip())
            flags = item.flags()
            usable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags & ~usable if why else flags | usable)
            item.setToolTip(why or str(item.data(TIP_ROLE) or ""))

    def set_sections(self, sections: list[str]) -> None:
        """Row ``n`` belongs to section ``sections[n]``: a heading goes above each row
        whose section differs from the previous row's (an empty section goes on in the
        section above it); each row's accessible description is its section."""
        current = ""
        for row, section in enumerate(sections):
            item = self.item(row)
            if item is None:
                continue
            heading = section if section and section != current else ""
            item.setData(SECTION_ROLE, heading or None)
            current = section or current
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, current)
        self.scheduleDelayedItemsLayout()  # rows that gained a heading grew taller
        self.fit_width()

    def fit_width(self) -> None:
        """As wide as its widest row (headings included), so no area's name is cut."""
        widest = max((self._row_width(row) for row in range(self.count())), default=0)
        self.setFixedWidth(max(160, widest + 2 * style.SPACE.m + 4))

    def _row_width(self, row: int) -> int:
        option = QStyleOptionViewItem()
        option.initFrom(self)
        option.decorationSize = self.iconSize()
        option.font = self.font()
        index = self.model().index(row, 0)
        return self._delegate.sizeHint(option, index).width()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        """A click on a heading selects nothing."""
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            top = self.visualRect(index).top() + self._delegate.heading_height(index)
            if event.position().y() < top:
                event.accept()
                return
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._restyle()

    def _restyle(self, *_: object) -> None:
        self.scheduleDelayedItemsLayout()
        self.fit_width()
        self.viewport().update()
