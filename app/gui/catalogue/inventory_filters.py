"""The inventory's search line: a search box that also takes scans, and the category and
status filters."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from app.gui.shell import icons, style
from app.gui.shell.models import category_label, status_label
from app.gui.shell.widgets import screen_shortcuts_first
from inventory.models import Category, UnitStatus

tr = QCoreApplication.translate


class FilterBar(QWidget):
    """Search box, category and status; the screen listens to their own signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit()
        screen_shortcuts_first(self.search_box)  # Ctrl+E edits, even from the search
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setPlaceholderText(
            tr(
                "InventoryScreen",
                "Search name, code, barcode, serial number, manufacturer… (Ctrl+F)",
            )
        )
        self.search_box.setAccessibleName(tr("InventoryScreen", "Search the catalogue"))
        self.category_filter = QComboBox()
        self.category_filter.addItem(tr("InventoryScreen", "All categories"), "")
        for category in Category:
            self.category_filter.addItem(category_label(category.value), category.value)
        self.category_filter.setAccessibleName(tr("InventoryScreen", "Category"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("InventoryScreen", "Any status"), "")
        for status in UnitStatus:
            self.status_filter.addItem(status_label(status.value), status.value)
        self.status_filter.setAccessibleName(tr("InventoryScreen", "Unit status"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(style.SPACE.s)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.category_filter)
        row.addWidget(self.status_filter)
        self.setTabOrder(self.search_box, self.category_filter)
        self.setTabOrder(self.category_filter, self.status_filter)

    def filtered(self) -> bool:
        """Whether the text or a filter narrows the list."""
        return bool(
            self.search_box.text().strip()
            or self.category_filter.currentIndex() > 0
            or self.status_filter.currentIndex() > 0
        )

    def reset_filters(self) -> None:
        """Back to every category and status, without a search per combo."""
        for combo in (self.category_filter, self.status_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
