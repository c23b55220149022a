"""The timeline's toolbar (period navigation, zoom, filters) and its legend (chips with
words, never colour alone)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.gui.bookings.calendar_common import LegendChip, nav_button
from app.gui.bookings.timeline_colours import colours, swatch
from app.gui.shell import icons, style
from app.gui.shell.models import category_label
from booking.planning import MONTH, QUARTER, WEEK
from inventory.models import Category

tr = QCoreApplication.translate


class TimelineToolbar(QWidget):
    """◀ Today ▶ · the period (title) · zoom − [Month] + · category · filter · refresh."""

    zoom_chosen = Signal(str)
    filters_changed = Signal()
    search_entered = Signal()

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous_button = nav_button(actions["previous"])
        self.today_button = nav_button(actions["today"], tr("Timeline", "Today"))
        self.next_button = nav_button(actions["next"])
        self.zoom_out_button = nav_button(actions["zoom_out"])
        self.zoom_in_button = nav_button(actions["zoom_in"])
        self.refresh_button = nav_button(actions["refresh"])
        self.period_label = QLabel()
        style.set_role(self.period_label, "title")
        self.period_label.setMinimumWidth(200)
        self.period_label.setAccessibleName(tr("Timeline", "Period shown"))
        self._build_filters()
        self._layout()

    def _build_filters(self) -> None:
        self.zoom_box = QComboBox()
        self.zoom_box.addItem(tr("Timeline", "Week"), WEEK)
        self.zoom_box.addItem(tr("Timeline", "Month"), MONTH)
        self.zoom_box.addItem(tr("Timeline", "Quarter"), QUARTER)
        self.zoom_box.setCurrentIndex(1)
        self.zoom_box.setAccessibleName(tr("Timeline", "Zoom"))
        self.zoom_box.setToolTip(tr("Timeline", "Zoom"))
        self.zoom_box.currentIndexChanged.connect(
            lambda _: self.zoom_chosen.emit(self.zoom_box.currentData())
        )
        self.category_filter = QComboBox()
        self.category_filter.addItem(tr("Timeline", "All categories"), "")
        for category in Category:
            self.category_filter.addItem(category_label(category.value), category.value)
        self.category_filter.setAccessibleName(tr("Timeline", "Category"))
        self.category_filter.setToolTip(tr("Timeline", "Category"))
        self.category_filter.currentIndexChanged.connect(lambda _: self.filters_changed.emit())
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setPlaceholderText(tr("Timeline", "Filter by code or name… (Ctrl+F)"))
        self.search_box.setAccessibleName(tr("Timeline", "Filter by code or name"))
        self.search_box.setMinimumWidth(260)
        self.search_box.textChanged.connect(lambda _: self.filters_changed.emit())
        self.search_box.returnPressed.connect(self.search_entered.emit)

    def _layout(self) -> None:
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(style.SPACE.xs)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(style.SPACE.s)
        bar.addWidget(self.period_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.zoom_in_button)
        bar.addSpacing(style.SPACE.s)
        bar.addWidget(self.category_filter)
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.refresh_button)

    def set_zoom(self, zoom: str) -> None:
        """Show ``zoom`` in the box without asking for it again."""
        self.zoom_box.blockSignals(True)
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(zoom))
        self.zoom_box.blockSignals(False)


class TimelineLegend(QWidget):
    """What the cells' colours and marks mean, each as a chip with its words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(style.SPACE.s)
        cells = QLabel(tr("Timeline", "Cells: free / stock."))
        style.set_role(cells, "muted")
        row.addWidget(cells)
        for text, name in (
            (tr("Timeline", "Shortage"), "shortage"),
            (tr("Timeline", "Fully booked"), "full"),
            (tr("Timeline", "Quotes exceed what is free"), "quotes"),
            ("▌ " + tr("Timeline", "Quotes pending"), "pending"),
            (tr("Timeline", "Weekend"), "weekend"),
            (tr("Timeline", "Public holiday"), "holiday"),
        ):
            row.addWidget(LegendChip(text, partial(_legend_tone, name)))
        row.addStretch(1)


def _legend_tone(name: str) -> tuple[str, str]:
    if name == "pending":
        c = colours()
        return c.tentative.name(), c.base.name()
    return swatch(name)
